package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/present/web"
)

// FuzzHandlers sends any path, query and JSON body to the server: no
// panic, no 500, and no response echoes a raw control character.
//
//	go test ./present/web -run '^$' -fuzz FuzzHandlers -fuzztime 60s
func FuzzHandlers(f *testing.F) {
	fx := newFixture(f)
	noop := web.AnalyzerFunc(func(ctx context.Context, inputs []ingest.Input, story string) (*web.AnalyzeResult, error) {
		return &web.AnalyzeResult{StoryID: "s1", Added: len(inputs)}, nil
	})
	s := newServer(f, fx, web.Options{Analyzer: noop, MaxUpload: 1 << 16})
	for _, c := range []struct{ path, body string }{
		{"/", ""}, {"/stories/s1", ""}, {"/stories/s1/entities/e-bakyt", ""}, {"/documents/" + fx.docs[0].ID + "?hl=3-9", ""},
		{"/documents/x?hl=9-3", ""}, {"/search?q=fine", ""}, {"/search?q=%00", ""}, {"/api/search?q=a&limit=-1", ""},
		{"/api/stories/s1/entities/nope", ""}, {"/stories/s1?done=x", ""}, {"/api/analyze", `{"inputs": [{"name": "a.json", "text": "[{\"text\": 1}]"}]}`},
		{"/api/analyze", `{"story": "s1", "inputs": [{"text": "A report."}]}`}, {"/%2e%2e/etc", ""}, {"/api/", ""},
	} {
		f.Add(c.path, c.body)
	}
	f.Fuzz(func(t *testing.T, target, body string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return
		}
		method := "GET"
		if body != "" {
			method = "POST"
		}
		req := httptest.NewRequest(method, "/", strings.NewReader(body))
		req.URL, req.RequestURI = u, target
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= http.StatusInternalServerError && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("%s %q: status %d: %.300s", method, target, rec.Code, rec.Body)
		}
		if strings.ContainsAny(rec.Body.String(), "\x00\x1b") {
			t.Fatalf("%s %q: control character in the response", method, target)
		}
	})
}
