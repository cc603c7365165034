package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/web"
)

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func mustNotContain(t *testing.T, body string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(body, b) {
			i := strings.Index(body, b)
			t.Errorf("page contains %q: …%s…", b, body[max(0, i-80):min(len(body), i+80)])
		}
	}
}

// inert checks that nothing from the hostile fixture document can run.
func inert(t *testing.T, body string) {
	t.Helper()
	mustNotContain(t, body, "<script>alert", "<img src=x", "<b onmouseover", `href="javascript:`, "<Review>")
	// Every <script> element must be our own external file.
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(body, -1) {
		if m != `<script src="/static/app.js" defer>` {
			t.Errorf("unexpected script element %s", m)
		}
	}
	// No event-handler attribute inside any tag.
	if m := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(body); m != "" {
		t.Errorf("event handler attribute in markup: %s", m)
	}
}

func TestStoriesPage(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	rec := get(t, s, "/")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	mustContain(t, body, "Kyrgyz musician&#39;s televised confession", `href="/stories/s1"`, "10 Mar 2025 – 23 Jun 2025", "Meridian Press")
	inert(t, body)
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("missing header %s", h)
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("weak CSP %q", csp)
	}
}

func TestEmptyStore(t *testing.T) {
	f := newFixture(t)
	_ = f
	empty := newFixture(t)
	// A story whose dossier has every array empty still renders.
	d := model.NewDossier()
	st := model.Story{ID: "bare", Documents: []string{empty.docs[0].ID}}
	d.Stories = []model.Story{st}
	if err := empty.store.PutStory(t.Context(), st, d); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, empty, web.Options{})
	rec := get(t, s, "/stories/bare")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	mustContain(t, rec.Body.String(), "No facts have been compared", "No dated events yet", "No names have been resolved", "Meridian Press")
	rec = get(t, s, "/documents/"+empty.docs[0].ID+"?story=bare")
	if rec.Code != 200 {
		t.Fatalf("document status %d", rec.Code)
	}
}

func TestStoryPage(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	rec := get(t, s, "/stories/s1")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	mustContain(t, body,
		// header: independent sources (no reprints in this story)
		"3 independent sources from 3 outlets",
		// sources table
		"Meridian Press", "Ala-Too Times", "Helen Marsh", "10 Mar 2025, 16:12 UTC&#43;5", `href="https://meridian.example/a"`,
		// fact table: values, statuses, variants, context sentence, link back
		`class="facts"`, "70,000 KZT", "196,600 KZT", "31 years", "32 years", "5 Mar 2025", "6 Mar 2025",
		"st-disputed", "st-changed", "st-agreed", "st-single", ">not</span>", "according to <b>Marat Sadykov</b>",
		`<mark class="ctx-match">not tortured</mark>`, `title="stated 2 times in this source">×2</span>`,
		// timeline
		`<svg class="timeline"`, "≠", "Zhumaliyev detained in Almaty",
		// entities with variants
		"Who said what", "I regret everything,", "was treated well",
		"People", "Places", "Bakyt Zhumaliev", "Бакыт Жумалиев", `href="/stories/s1/entities/e-bakyt"`, "sound engineer",
	)
	// Disputed and changed facts come before agreed and single-source ones.
	order := []string{`id="fact-f-age"`, `id="fact-f-detained"`, `id="fact-f-torture"`, `id="fact-f-place"`, `id="fact-f-fine"`}
	last := -1
	for _, o := range order {
		i := strings.Index(body, o)
		if i < 0 || i < last {
			t.Errorf("fact row %s missing or out of order", o)
		}
		last = i
	}
	// Speakers quoted by more sources come first.
	quotes := body[strings.Index(body, `id="quotes"`):]
	if i, j := strings.Index(quotes, "<b>Bakyt Zhumaliyev</b>"), strings.Index(quotes, "<b>Marat Sadykov</b>"); i < 0 || j < 0 || i > j {
		t.Errorf("speaker order: Zhumaliyev at %d, Sadykov at %d", i, j)
	}
	// Each fact value links to its span in the document.
	a := f.docs[0]
	i := strings.Index(a.Text, "70,000 tenge")
	want := "/documents/" + a.ID + "?hl=" + itoa(i) + "-" + itoa(i+len("70,000 tenge")) + "&amp;story=s1#hl"
	mustContain(t, body, want)
	inert(t, body)
	mustContain(t, body, "Consul visits &lt;script&gt;x&lt;/script&gt;", "Steppe &lt;Review&gt;")
	// The hostile URL is not a link.
	mustNotContain(t, body, "javascript:alert(4)\"")
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + func() string { return fmtInt(i) }())
}

func fmtInt(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func TestEntityPage(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	rec := get(t, s, "/stories/s1/entities/e-bakyt")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	mustContain(t, body, "Bakyt Zhumaliyev", "Bakyt Zhumaliev", "Бакыт Жумалиев", "Kyrgyz musician", "sound engineer",
		"I regret everything,", "They told me what to say,", "interview", "told Steppe Review", // quotes he said
		"age", "detention date", "promised payment", // facts he is the subject of
		`<mark class="ctx-match">Бакыт Жумалиев</mark>`, // every mention in context
	)
	mustNotContain(t, body, "was treated well") // Sadykov's quote
	// Almaty is the value of Zhumaliyev's detention place.
	mustContain(t, get(t, s, "/stories/s1/entities/e-almaty").Body.String(), "Named in other facts", "detention place")
	inert(t, body)
	if rec := get(t, s, "/stories/s1/entities/nobody"); rec.Code != 404 {
		t.Errorf("unknown entity: status %d", rec.Code)
	}
	if rec := get(t, s, "/stories/nope/entities/e-bakyt"); rec.Code != 404 {
		t.Errorf("unknown story: status %d", rec.Code)
	}
}

func TestDocumentPage(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	a := f.docs[0]
	i := strings.Index(a.Text, "70,000 tenge")
	rec := get(t, s, "/documents/"+a.ID+"?story=s1&hl="+itoa(i)+"-"+itoa(i+12))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	mustContain(t, body,
		`<span class="hl-target" id="hl">`, `class="hl-fact st-single"`, `<a class="fact-link" href="/stories/s1#fact-f-pay">`, `class="hl-quote"`, `class="hl-ent et-person" href="/stories/s1/entities/e-bakyt"`,
		"↳ first line", "↳ date line", // metadata provenance
		"removed: most-read list", "Most read\n7 hours ago", // collapsed boilerplate
		"What this source claims", `<a href="/stories/s1#fact-f-age">compare →</a>`, // the source's claims
	)
	// Highlights must not change the text: stripping tags and details gives it back.
	text := extractDocText(t, body)
	if text != a.Text {
		t.Errorf("document text changed by highlighting:\n got %q\nwant %q", text, a.Text)
	}

	c := f.docs[2]
	rec = get(t, s, "/documents/"+c.ID)
	body = rec.Body.String()
	inert(t, body)
	mustContain(t, body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Бакыт Жумалиев", "&lt;b onmouseover=alert(3)&gt;Interview&lt;/b&gt;")
	mustNotContain(t, body, `href="javascript:alert(4)"`)

	for path, want := range map[string]int{
		"/documents/unknown":                 404,
		"/documents/" + a.ID + "?hl=zz":      400,
		"/documents/" + a.ID + "?hl=5-99999": 200, // out of range: ignored, not a crash
		"/documents/" + a.ID + "?hl=1-2":     200, // inside a word
		"/documents/" + c.ID + "?hl=1-2":     200, // inside a Cyrillic letter: not a boundary
		"/documents/" + a.ID + "/raw":        200,
		"/no/such/page":                      404,
	} {
		if rec := get(t, s, path); rec.Code != want {
			t.Errorf("%s: status %d, want %d", path, rec.Code, want)
		}
	}
	raw := get(t, s, "/documents/"+c.ID+"/raw")
	if ct := raw.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("raw content type %q", ct)
	}
}

var tagRE = regexp.MustCompile(`<[^>]+>`)

// extractDocText recovers the plain document text from the rendered page.
func extractDocText(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `<div class="doctext">`)
	if i < 0 {
		t.Fatal("no document text")
	}
	rest := body[i+len(`<div class="doctext">`):]
	j := strings.Index(rest, "</div>") // highlighting never emits a div
	rest = rest[:j]
	rest = regexp.MustCompile(`(?s)<details class="removed">.*?</details>`).ReplaceAllString(rest, "")
	rest = tagRE.ReplaceAllString(rest, "")
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&")
	return r.Replace(rest)
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	rec := get(t, s, "/search?q=tenge")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	mustContain(t, rec.Body.String(), "<mark>tenge</mark>", "Kyrgyz musician detained in Almaty")
	rec = get(t, s, "/search?q=Sadykov")
	mustContain(t, rec.Body.String(), `href="/stories/s1/entities/e-sadykov"`)
	rec = get(t, s, "/search?q="+url.QueryEscape(`"><script>alert(1)</script> NOT OR *`))
	if rec.Code != 200 {
		t.Fatalf("hostile query: status %d", rec.Code)
	}
	inert(t, rec.Body.String())
	if rec := get(t, s, "/search?q="+strings.Repeat("a", 600)); rec.Code != 400 {
		t.Errorf("long query: status %d", rec.Code)
	}
}

func TestAPI(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	decode := func(rec *httptest.ResponseRecorder, v any) {
		t.Helper()
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("content type %q", ct)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("decode: %v\n%s", err, rec.Body)
		}
	}
	var list struct {
		Stories []web.StorySummary `json:"stories"`
	}
	decode(get(t, s, "/api/stories"), &list)
	if len(list.Stories) != 1 || list.Stories[0].Sources != 3 || len(list.Stories[0].Outlets) != 3 {
		t.Errorf("stories: %+v", list.Stories)
	}
	var d model.Dossier
	decode(get(t, s, "/api/stories/s1"), &d)
	if d.Format != model.DossierFormat || len(d.Documents) != 3 || len(d.Facts) != 6 || len(d.Timeline) != 4 {
		t.Errorf("dossier: format %q, %d docs, %d facts, %d events", d.Format, len(d.Documents), len(d.Facts), len(d.Timeline))
	}
	for _, fact := range d.Facts {
		for _, v := range fact.Values {
			doc := findDoc(d.Documents, v.Doc)
			if doc == nil || doc.Text[v.Start:v.End] != v.Text {
				t.Errorf("fact %s: span does not point at its text", fact.ID)
			}
		}
	}
	var ent web.EntityDetail
	decode(get(t, s, "/api/stories/s1/entities/e-bakyt"), &ent)
	if ent.Entity.Name != "Bakyt Zhumaliyev" || len(ent.Quotes) != 2 || len(ent.Facts) != 6 {
		t.Errorf("entity: %s, %d quotes, %d facts", ent.Entity.Name, len(ent.Quotes), len(ent.Facts))
	}
	var doc web.DocumentDetail
	decode(get(t, s, "/api/documents/"+f.docs[1].ID), &doc)
	if doc.Text != f.docs[1].Text || len(doc.Stories) != 1 || doc.Stories[0] != "s1" {
		t.Errorf("document: %+v", doc.Stories)
	}
	if strings.Contains(get(t, s, "/api/documents/"+f.docs[1].ID).Body.String(), `"raw"`) {
		t.Error("document JSON leaks raw bytes")
	}
	var sr web.SearchResult
	decode(get(t, s, "/api/search?q=consul&limit=5"), &sr)
	if len(sr.Hits) == 0 {
		t.Error("search found nothing")
	}

	for path, want := range map[string]int{
		"/api/stories/nope":             404,
		"/api/stories/s1/entities/nope": 404,
		"/api/documents/nope":           404,
		"/api/search":                   400,
		"/api/search?q=x&limit=abc":     400,
		"/api/search?q=x&limit=0":       400,
		"/api/nothing":                  404,
	} {
		rec := get(t, s, path)
		var e web.APIError
		decode(rec, &e)
		if rec.Code != want || e.Status != want || e.Error == "" {
			t.Errorf("%s: status %d (%+v), want %d", path, rec.Code, e, want)
		}
	}
}

func findDoc(docs []model.Document, id string) *model.Document {
	for i := range docs {
		if docs[i].ID == id {
			return &docs[i]
		}
	}
	return nil
}

func TestAPIAnalyze(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{MaxUpload: 4096})
	post := func(body, ctype string, hdr map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/api/analyze", strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	cases := []struct {
		name, body, ctype string
		hdr               map[string]string
		want              int
	}{
		{"garbage JSON", `{"inputs": [`, "application/json", nil, 400},
		{"unknown field", `{"bogus": 1}`, "application/json", nil, 400},
		{"no inputs", `{"inputs": []}`, "application/json", nil, 400},
		{"form content type", `{"inputs": []}`, "text/plain", nil, 415},
		{"cross site", `{"inputs": [{"text": "x"}]}`, "application/json", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"other origin", `{"inputs": [{"text": "x"}]}`, "application/json", map[string]string{"Origin": "https://evil.example"}, 403},
		{"too large", `{"inputs": [{"text": "` + strings.Repeat("a", 5000) + `"}]}`, "application/json", nil, 413},
		{"unknown story", `{"story": "nope", "inputs": [{"text": "Some article text."}]}`, "application/json", nil, 404},
		{"only bad inputs", `{"inputs": [{"name": "a.txt", "text": ""}]}`, "application/json", nil, 422},
	}
	for _, c := range cases {
		rec := post(c.body, c.ctype, c.hdr)
		if rec.Code != c.want {
			t.Errorf("%s: status %d, want %d: %s", c.name, rec.Code, c.want, rec.Body)
		}
	}
	rec := post(`{"story": "s1", "inputs": [{"name": "new.txt", "text": "A new report on the fine."}, {"name": "empty.txt", "text": ""}]}`, "application/json", nil)
	var res web.AnalyzeResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || rec.Code != 200 {
		t.Fatalf("analyze: %d %s", rec.Code, rec.Body)
	}
	if res.Story != "s1" || res.Added != 1 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0], "empty.txt") {
		t.Errorf("analyze result %+v", res)
	}
}

// form builds a multipart add-articles request.
func form(t *testing.T, fields map[string]string, files map[string]string) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, content := range files {
		w, _ := mw.CreateFormFile("files", name)
		w.Write([]byte(content))
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// csrf fetches the add form and returns its cookie and hidden token.
func csrf(t *testing.T, s http.Handler) (*http.Cookie, string) {
	t.Helper()
	rec := get(t, s, "/add")
	cookies := rec.Result().Cookies()
	if len(cookies) == 0 {
		t.Fatal("no CSRF cookie")
	}
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatal("no CSRF field")
	}
	c := cookies[0]
	if c.SameSite != http.SameSiteStrictMode || !c.HttpOnly {
		t.Errorf("CSRF cookie not SameSite=Strict HttpOnly: %+v", c)
	}
	return c, m[1]
}

func TestAddArticles(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{MaxFile: 1000, MaxUpload: 8000})
	cookie, token := csrf(t, s)
	send := func(fields, files map[string]string, withCookie bool, hdr map[string]string) *httptest.ResponseRecorder {
		body, ct := form(t, fields, files)
		req := httptest.NewRequest("POST", "/add", body)
		req.Header.Set("Content-Type", ct)
		if withCookie {
			req.AddCookie(cookie)
		}
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}

	// Pasted text and a file: analysed, then redirected to the story.
	rec := send(map[string]string{"csrf": token, "story": "s1", "text": "Pasted report about the consul visit."}, map[string]string{"b.txt": "Uploaded report about the release."}, true, nil)
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/stories/s1?") {
		t.Fatalf("add: status %d location %q body %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	page := get(t, s, rec.Header().Get("Location"))
	mustContain(t, page.Body.String(), "Analysed: 2 new articles added.")

	// A new story.
	rec = send(map[string]string{"csrf": token, "text": "Another article entirely."}, nil, true, nil)
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/stories/new-story") {
		t.Errorf("new story: %d %q", rec.Code, rec.Header().Get("Location"))
	}

	// Per-input errors are shown, naming the input, while the rest is analysed.
	rec = send(map[string]string{"csrf": token, "story": "s1"}, map[string]string{"ok.txt": "A fine report.", "empty.txt": "", "big.txt": strings.Repeat("x", 1500), "pic.png": "\x89PNG\r\n\x1a\n\x00\x00\x00"}, true, nil)
	body := rec.Body.String()
	if rec.Code != 200 {
		t.Errorf("partial failure: status %d", rec.Code)
	}
	mustContain(t, body, "Some inputs were not analysed", "upload empty.txt", "upload big.txt", "upload pic.png", "1 added")

	// Nothing usable: 422 with the reasons.
	rec = send(map[string]string{"csrf": token}, map[string]string{"empty.txt": ""}, true, nil)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "upload empty.txt") {
		t.Errorf("all failed: status %d", rec.Code)
	}
	rec = send(map[string]string{"csrf": token}, nil, true, nil)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("empty form: status %d", rec.Code)
	}

	// Oversized request: 413.
	rec = send(map[string]string{"csrf": token}, map[string]string{"a.txt": strings.Repeat("y", 900), "b.txt": strings.Repeat("z", 900), "c.txt": strings.Repeat("z", 900), "d.txt": strings.Repeat("q", 900), "e.txt": strings.Repeat("w", 900), "f.txt": strings.Repeat("w", 900), "g.txt": strings.Repeat("w", 900), "h.txt": strings.Repeat("v", 900), "i.txt": strings.Repeat("u", 900)}, true, nil)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized: status %d", rec.Code)
	}

	// CSRF: missing cookie, wrong token, forged cookie, cross-site.
	if rec := send(map[string]string{"csrf": token, "text": "x y z"}, nil, false, nil); rec.Code != 403 {
		t.Errorf("no cookie: status %d", rec.Code)
	}
	if rec := send(map[string]string{"csrf": "nope", "text": "x y z"}, nil, true, nil); rec.Code != 403 {
		t.Errorf("wrong token: status %d", rec.Code)
	}
	if rec := send(map[string]string{"csrf": token, "text": "x y z"}, nil, true, map[string]string{"Sec-Fetch-Site": "cross-site"}); rec.Code != 403 {
		t.Errorf("cross-site: status %d", rec.Code)
	}
	if rec := send(map[string]string{"csrf": token, "text": "x y z"}, nil, true, map[string]string{"Origin": "http://evil.example"}); rec.Code != 403 {
		t.Errorf("other origin: status %d", rec.Code)
	}
	other := newServer(t, f, web.Options{})
	forgedCookie, forgedToken := csrf(t, other) // valid for another server only
	body2, ct := form(t, map[string]string{"csrf": forgedToken, "text": "x y z"}, nil)
	req := httptest.NewRequest("POST", "/add", body2)
	req.Header.Set("Content-Type", ct)
	req.AddCookie(forgedCookie)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 403 {
		t.Errorf("forged cookie: status %d", rec.Code)
	}
	// Unknown story and non-multipart bodies are bad requests.
	if rec := send(map[string]string{"csrf": token, "story": "nope", "text": "x y z"}, nil, true, nil); rec.Code != 400 {
		t.Errorf("unknown story: status %d", rec.Code)
	}
	req = httptest.NewRequest("POST", "/add", strings.NewReader("text=hello"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 400 {
		t.Errorf("urlencoded: status %d", rec.Code)
	}
}

func TestAccessToken(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{Token: "s3cret"})
	if rec := get(t, s, "/"); rec.Code != 401 {
		t.Errorf("no token: status %d", rec.Code)
	}
	if rec := get(t, s, "/api/stories"); rec.Code != 401 || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("API without token: status %d", rec.Code)
	}
	if rec := get(t, s, "/?token=wrong"); rec.Code != 401 {
		t.Errorf("wrong token: status %d", rec.Code)
	}
	rec := get(t, s, "/stories/s1?token=s3cret")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/stories/s1" {
		t.Fatalf("token login: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	cookie := rec.Result().Cookies()[0]
	req := httptest.NewRequest("GET", "/stories/s1", nil)
	req.AddCookie(cookie)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("with cookie: status %d", rec.Code)
	}
	req = httptest.NewRequest("GET", "/api/stories", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("bearer: status %d", rec.Code)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.5:80": false, "[::]:80": false, "example.com:80": false,
	} {
		if got := web.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestReport(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	if err := web.WriteReport(&buf, f.dossier, "s1"); err != nil {
		t.Fatal(err)
	}
	body := buf.String()
	mustContain(t, body, "<style>", `<svg class="timeline"`, `class="facts"`, "70,000 KZT", `id="doc-`, `id="entity-e-bakyt"`, "Бакыт Жумалиев", "@media print")
	// Self-contained: no external resources, no scripts at all.
	mustNotContain(t, body, "<script", `src="/`, `href="/`, "<link")
	mustNotContain(t, body, "<img src=x", "<b onmouseover", `href="javascript:`)
	if m := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(body); m != "" {
		t.Errorf("event handler attribute in report: %s", m)
	}
	// Every internal link points at an anchor present in the file.
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(body, -1) {
		if !strings.Contains(body, `id="`+m[1]+`"`) {
			t.Errorf("dangling link #%s", m[1])
		}
	}
	rec := get(t, newServer(t, f, web.Options{}), "/stories/s1/report.html")
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("report download: %d", rec.Code)
	}
}

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	f := newFixture(t)
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Skip("cannot listen on all interfaces here:", err)
	}
	defer ln.Close()
	err = web.Serve(t.Context(), ln, newServer(t, f, web.Options{}))
	if !errors.Is(err, web.ErrTokenRequired) {
		t.Errorf("Serve on %s without token: %v", ln.Addr(), err)
	}
	// With a token it serves, and stops when the context ends.
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- web.Serve(ctx, ln, newServer(t, f, web.Options{Token: "t"})) }()
	resp, err := http.Get("http://" + strings.Replace(ln.Addr().String(), "0.0.0.0", "127.0.0.1", 1) + "/api/stories")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token: status %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}
