package web_test

// Attacks on a running server, each over a real HTTP connection on
// loopback (issue 19, "server hardening").

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/web"
)

// serveLoopback runs s on 127.0.0.1 and returns its base URL.
func serveLoopback(t *testing.T, s *web.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- web.Serve(ctx, ln, s) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// do sends one request; host, when set, replaces the Host header.
func do(t *testing.T, method, u, host string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// Problem 5: a page on an attacker's domain that resolves to 127.0.0.1
// (DNS rebinding) sends its own name as Host; the server must refuse it,
// for reads and for writes, while the loopback names still work.
func TestDNSRebindingRefused(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	port := base[strings.LastIndex(base, ":")+1:]
	for _, path := range []string{"/", "/stories/s1", "/api/stories", "/api/stories/s1", "/documents/" + f.docs[0].ID + "/raw"} {
		resp, body := do(t, "GET", base+path, "evil.example:"+port, nil, nil)
		if resp.StatusCode != http.StatusMisdirectedRequest || strings.Contains(body, "Kyrgyz") {
			t.Errorf("GET %s with Host evil.example: status %d", path, resp.StatusCode)
		}
	}
	resp, _ := do(t, "POST", base+"/api/analyze", "evil.example:"+port,
		strings.NewReader(`{"inputs": [{"name": "x.txt", "text": "Planted report."}]}`),
		map[string]string{"Content-Type": "application/json", "Origin": "http://evil.example:" + port})
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("POST /api/analyze through rebinding: status %d", resp.StatusCode)
	}
	for _, host := range []string{"", "localhost:" + port, "127.0.0.1:" + port} {
		if resp, _ := do(t, "GET", base+"/api/stories", host, nil, nil); resp.StatusCode != 200 {
			t.Errorf("GET with Host %q: status %d", host, resp.StatusCode)
		}
	}
	// A name the operator allows (a reverse proxy's) is accepted.
	named := serveLoopback(t, newServer(t, f, web.Options{AllowedHosts: []string{"news.internal"}}))
	if resp, _ := do(t, "GET", named+"/api/stories", "news.internal", nil, nil); resp.StatusCode != 200 {
		t.Errorf("allowed host name: status %d", resp.StatusCode)
	}
}

// Every state-changing request is refused when it comes from another
// origin, whatever its path or method.
func TestOriginCheckedOnEveryWrite(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	for _, c := range []struct{ method, path string }{
		{"POST", "/add"}, {"POST", "/api/analyze"}, {"PUT", "/api/stories/s1"}, {"DELETE", "/api/stories/s1"}, {"POST", "/stories/s1"},
	} {
		for _, origin := range []string{"http://evil.example", "null"} {
			resp, body := do(t, c.method, base+c.path, "", strings.NewReader("{}"), map[string]string{"Origin": origin, "Content-Type": "application/json"})
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s with Origin %s: status %d %s", c.method, c.path, origin, resp.StatusCode, body)
			}
		}
	}
	// The server's own origin passes the origin check (and then fails on
	// its merits: no inputs).
	resp, _ := do(t, "POST", base+"/api/analyze", "", strings.NewReader(`{"inputs": []}`), map[string]string{"Origin": base, "Content-Type": "application/json"})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("same-origin POST: status %d", resp.StatusCode)
	}
}

// The session cookie must not carry the token itself: a leaked cookie
// store or a log line must not reveal the token usable as a Bearer.
func TestSessionCookieIsDerived(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, newServer(t, f, web.Options{Token: "s3cret-token"}))
	resp, _ := do(t, "GET", base+"/?token=s3cret-token", "", nil, nil)
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "parallax_token" || c.Name == "parallax_session" {
			session = c
		}
	}
	if session == nil {
		t.Fatalf("no session cookie: %v", resp.Cookies())
	}
	if strings.Contains(session.Value, "s3cret-token") {
		t.Errorf("the session cookie holds the token: %q", session.Value)
	}
	if resp, _ := do(t, "GET", base+"/api/stories", "", nil, map[string]string{"Cookie": session.Name + "=" + session.Value}); resp.StatusCode != 200 {
		t.Errorf("with the session cookie: status %d", resp.StatusCode)
	}
	if resp, _ := do(t, "GET", base+"/api/stories", "", nil, map[string]string{"Cookie": session.Name + "=s3cret-token"}); resp.StatusCode != 401 {
		t.Errorf("the token as a cookie value: status %d, want 401", resp.StatusCode)
	}
}

// failingStore fails every read with an error carrying internal detail.
type failingStore struct{ model.Store }

var errInternal = errors.New(`SQL logic error: near "secret_table": syntax error (1)`)

func (failingStore) Stories(context.Context) ([]model.Story, error) { return nil, errInternal }
func (failingStore) StoryDossier(context.Context, string) (*model.Dossier, error) {
	return nil, errInternal
}
func (failingStore) Document(context.Context, string) (*model.Document, error) {
	return nil, errInternal
}
func (failingStore) Search(context.Context, string, int) ([]model.SearchHit, error) {
	return nil, errInternal
}

// Problem 7: a NUL byte in a search query gave a 500 with the SQL error
// text; no response may carry internal error text.
func TestNoInternalErrorText(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	for _, path := range []string{"/search?q=a%00b", "/api/search?q=a%00b", "/search?q=%00", "/api/search?q=x%01%02y"} {
		resp, body := do(t, "GET", base+path, "", nil, nil)
		if resp.StatusCode >= 500 || strings.Contains(strings.ToLower(body), "sql") || strings.Contains(body, "fts5") {
			t.Errorf("GET %s: status %d: %.200s", path, resp.StatusCode, body)
		}
	}
	broken := serveLoopback(t, newServer(t, f, web.Options{Store: failingStore{f.store}}))
	for _, path := range []string{"/", "/stories/s1", "/documents/x", "/search?q=fine", "/api/stories", "/api/stories/s1", "/api/documents/x", "/api/search?q=fine"} {
		resp, body := do(t, "GET", broken+path, "", nil, nil)
		if resp.StatusCode != http.StatusInternalServerError || strings.Contains(body, "secret_table") || strings.Contains(body, "SQL") {
			t.Errorf("GET %s on a failing store: status %d: %.300s", path, resp.StatusCode, body)
		}
	}
}

// Problem 7: "Analysed: N added" came from the URL, so a link could make
// the page claim anything; it must come from what the server did.
func TestFlashComesFromServerState(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	base := serveLoopback(t, s)
	_, body := do(t, "GET", base+"/stories/s1?added=9999&known=3", "", nil, nil)
	if strings.Contains(body, "9999") || strings.Contains(body, "Analysed") {
		t.Errorf("the URL set the banner")
	}
	// A real addition still shows its banner once.
	resp, page := do(t, "GET", base+"/add", "", nil, nil)
	cookie := resp.Cookies()[0]
	tok := page[strings.Index(page, `name="csrf" value="`)+len(`name="csrf" value="`):]
	tok = tok[:strings.IndexByte(tok, '"')]
	body2, ct := form(t, map[string]string{"csrf": tok, "story": "s1", "text": "A pasted report on the consul visit."}, nil)
	resp, _ = do(t, "POST", base+"/add", "", body2, map[string]string{"Content-Type": ct, "Cookie": cookie.Name + "=" + cookie.Value, "Origin": base})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc == "" {
		t.Fatalf("add: status %d", resp.StatusCode)
	}
	_, story := do(t, "GET", base+loc, "", nil, nil)
	mustContain(t, story, "Analysed: 1 new article added.")
	u, _ := url.Parse(loc)
	if u.Query().Has("added") {
		t.Errorf("the redirect still carries the count: %s", loc)
	}
}

// blockingAnalyzer holds every analysis until release is closed.
type blockingAnalyzer struct {
	started chan struct{}
	release chan struct{}
}

func (b blockingAnalyzer) Analyze(ctx context.Context, inputs []ingest.Input, storyID string) (*web.AnalyzeResult, error) {
	b.started <- struct{}{}
	select {
	case <-b.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return &web.AnalyzeResult{StoryID: "s1", Added: len(inputs)}, nil
}

// blockingStore holds story reads until release is closed.
type blockingStore struct {
	model.Store
	started chan struct{}
	release chan struct{}
}

func (b blockingStore) StoryDossier(ctx context.Context, id string) (*model.Dossier, error) {
	b.started <- struct{}{}
	<-b.release
	return b.Store.StoryDossier(ctx, id)
}

// Problem 6: concurrent heavy work is limited; past the limit the server
// answers 503 with Retry-After at once instead of queueing without bound.
func TestBusyLimits(t *testing.T) {
	f := newFixture(t)
	an := blockingAnalyzer{started: make(chan struct{}, 4), release: make(chan struct{})}
	base := serveLoopback(t, newServer(t, f, web.Options{Analyzer: an}))
	post := func() (*http.Response, string) {
		return do(t, "POST", base+"/api/analyze", "", strings.NewReader(`{"inputs": [{"name": "a.txt", "text": "A report."}]}`), map[string]string{"Content-Type": "application/json"})
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); post() }()
	<-an.started
	start := time.Now()
	resp, body := post()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("second upload while one runs: status %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	var apiErr web.APIError
	if json.Unmarshal([]byte(body), &apiErr) != nil || apiErr.Status != http.StatusServiceUnavailable {
		t.Errorf("503 body is not an API error: %s", body)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the refusal took %s", time.Since(start))
	}
	close(an.release)
	wg.Wait()

	bs := blockingStore{Store: f.store, started: make(chan struct{}, 8), release: make(chan struct{})}
	base = serveLoopback(t, newServer(t, f, web.Options{Store: bs, MaxRenders: 1, RenderWait: 50 * time.Millisecond}))
	wg.Add(1)
	go func() { defer wg.Done(); do(t, "GET", base+"/stories/s1", "", nil, nil) }()
	<-bs.started
	for _, path := range []string{"/stories/s1", "/api/stories/s1"} {
		resp, _ := do(t, "GET", base+path, "", nil, nil)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s while a render runs: status %d, Retry-After %q", path, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}
	// Light pages are not limited.
	if resp, _ := do(t, "GET", base+"/static/style.css", "", nil, nil); resp.StatusCode != 200 {
		t.Errorf("static file while a render runs: status %d", resp.StatusCode)
	}
	close(bs.release)
	wg.Wait()
}

// bigStory stores a story of n documents and facts facts, fact f with
// values from the ten documents from 2f on, and returns its ID.
func bigStory(t *testing.T, st interface {
	PutDocument(context.Context, *model.Document) (bool, error)
	PutStory(context.Context, model.Story, *model.Dossier) error
}, n, facts int) string {
	t.Helper()
	ctx := context.Background()
	story := model.Story{ID: "big", Title: "A big story"}
	d := model.NewDossier()
	var docs []*model.Document
	for i := range n {
		text := fmt.Sprintf("Report %d says the toll rose to %d on Monday.", i, i)
		doc := &model.Document{ID: model.DocumentID([]byte(text)), Source: fmt.Sprintf("r%04d.txt", i), Format: "text", Text: text, Raw: []byte(text), Outlet: model.Str(fmt.Sprintf("Outlet %d", i))}
		if _, err := st.PutDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		story.Documents = append(story.Documents, doc.ID)
		docs = append(docs, doc)
	}
	for f := range facts {
		fact := model.Fact{ID: fmt.Sprintf("f%d", f), Subject: "toll", SubjectName: "the toll", Attribute: "count", Status: model.Agreed}
		for k := range 10 {
			i := (2*f + k) % n
			doc := docs[i]
			at := strings.Index(doc.Text, "rose")
			fact.Values = append(fact.Values, model.FactValue{Span: model.SpanOf(doc.ID, doc.Text, at, at+4),
				Sentence: model.Range{Start: 0, End: len(doc.Text)}, Value: model.Value{Kind: model.KindCount, Amount: float64(i)}, Polarity: "asserted"})
		}
		d.Facts = append(d.Facts, fact)
	}
	d.Stories = []model.Story{story}
	if err := st.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	return story.ID
}

// Problem 6 of issue 19: a big story's page held every fact for every
// source (a 1,000-article page was 148 MB). The page now shows a page of
// facts, with columns only for the sources that give a value on it.
func TestBigStoryPaged(t *testing.T) {
	f := newFixture(t)
	id := bigStory(t, f.store, 400, 600)
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	resp, body := do(t, "GET", base+"/stories/"+id, "", nil, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	rows := strings.Count(body, `<th scope="row" class="fact-name">`)
	if rows == 0 || rows > 100 {
		t.Errorf("first page has %d fact rows, want 1 to 100", rows)
	}
	mustContain(t, body, "600 facts", "page 1 of", `rel="next"`)
	if len(body) > 4<<20 {
		t.Errorf("first page is %d bytes", len(body))
	}
	cols := strings.Count(body, `<th class="src-h"`)
	if cols >= 400 {
		t.Errorf("%d fact columns for 400 sources; want only those with values on the page", cols)
	}
	// The last page and a page past the end both answer.
	m := regexp.MustCompile(`page 1 of (\d+)`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no page count")
	}
	for _, p := range []string{m[1], "99999"} {
		resp, body := do(t, "GET", base+"/stories/"+id+"?page="+p, "", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(body, "page "+m[1]+" of "+m[1]) {
			t.Errorf("page %s: status %d", p, resp.StatusCode)
		}
	}
	if resp, _ := do(t, "GET", base+"/stories/"+id+"?page=-1", "", nil, nil); resp.StatusCode != 400 {
		t.Errorf("page -1: status %d", resp.StatusCode)
	}
}

// The streamed JSON of a story is the dossier, field for field.
func TestStoryJSONStreamed(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	resp, body := do(t, "GET", base+"/api/stories/s1", "", nil, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got model.Dossier
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want, err := f.store.StoryDossier(context.Background(), "s1")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(&got)
	b, _ := json.Marshal(want)
	if string(a) != string(b) {
		t.Errorf("streamed JSON differs from the dossier:\n%.400s\n%.400s", a, b)
	}
}

// The story list reads outlets, not whole documents, and the drawn
// timeline of a big story is cut with a note.
func TestBigStoryTimelineCut(t *testing.T) {
	f := newFixture(t)
	id := bigStory(t, f.store, 300, 10)
	d, err := f.store.StoryDossier(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for e := range 200 {
		ev := model.Event{ID: fmt.Sprintf("ev%d", e), Date: fmt.Sprintf("2025-%02d-%02d", 1+e%12, 1+e%28), Granularity: model.GranDay, Summary: "An event"}
		for k := range 30 {
			doc := d.Documents[(e+k)%len(d.Documents)]
			ev.Sources = append(ev.Sources, model.EventSource{Span: model.SpanOf(doc.ID, doc.Text, 0, 6), Sentence: model.Range{Start: 0, End: len(doc.Text)}, Date: ev.Date})
		}
		d.Timeline = append(d.Timeline, ev)
	}
	d.Documents = nil
	if err := f.store.PutStory(context.Background(), d.Stories[0], d); err != nil {
		t.Fatal(err)
	}
	base := serveLoopback(t, newServer(t, f, web.Options{}))
	resp, body := do(t, "GET", base+"/stories/"+id, "", nil, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	mustContain(t, body, "Drawn: the 60 events reported by the most sources, up to 12 sources each, of 200 events.")
	if len(body) > 2<<20 {
		t.Errorf("page is %d bytes", len(body))
	}
	if resp, body := do(t, "GET", base+"/", "", nil, nil); resp.StatusCode != 200 || !strings.Contains(body, "Outlet 1") {
		t.Errorf("story list: %d", resp.StatusCode)
	}
}
