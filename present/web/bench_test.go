package web_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/web"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// exampleServer analyses the bundled example once for the benchmarks.
func exampleServer(b *testing.B) (*web.Server, string) {
	b.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "p.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	res, err := p.AnalyzePaths(ctx, st, []string{"../../examples/almaty-confession"}, "")
	if err != nil || res.Dossier == nil {
		b.Fatalf("analyse example: %v", err)
	}
	s, err := web.New(web.Options{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	return s, res.Story.ID
}

func benchPage(b *testing.B, path func(story string) string) {
	s, story := exampleServer(b)
	url := path(story)
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", url, rec.Code)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}

// BenchmarkStoryPage renders the example story page (store read included).
func BenchmarkStoryPage(b *testing.B) {
	benchPage(b, func(s string) string { return "/stories/" + s })
}

// BenchmarkStoryJSON serves the example dossier through the API.
func BenchmarkStoryJSON(b *testing.B) {
	benchPage(b, func(s string) string { return "/api/stories/" + s })
}

// BenchmarkReport writes the example story as a self-contained HTML report.
func BenchmarkReport(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "p.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	p, _ := pipeline.New(pipeline.Options{})
	res, err := p.AnalyzePaths(ctx, st, []string{"../../examples/almaty-confession"}, "")
	if err != nil || res.Dossier == nil {
		b.Fatal(err)
	}
	d, err := st.StoryDossier(ctx, res.Story.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := web.WriteReport(&buf, d, res.Story.ID); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
