package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/export"
	"github.com/parallaxnews/parallax/present/web"
)

const hostileNote = `<script>alert('note')</script><img src=x onerror=alert(5)>`

// deskSession opens a page as a browser would and returns its cookies and
// the CSRF token of its forms.
func deskSession(t *testing.T, s http.Handler, path string) ([]*http.Cookie, string) {
	t.Helper()
	rec := get(t, s, path)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("%s has no decision form", path)
	}
	return rec.Result().Cookies(), m[1]
}

func postDecision(t *testing.T, s http.Handler, story string, cookies []*http.Cookie, fields url.Values, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", "/stories/"+story+"/decide", strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func TestDeskForms(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{User: "desk default"})
	cookies, token := deskSession(t, s, "/stories/s1")

	// Dismiss a disputed fact, with a hostile note and user name.
	rec := postDecision(t, s, "s1", cookies, url.Values{"csrf": {token}, "kind": {"dismiss"}, "fact": {"f-age"},
		"note": {hostileNote}, "user": {"<b>ana</b>"}, "return": {"/stories/s1"}}, nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/stories/s1" {
		t.Fatalf("dismiss: %d → %s\n%s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	// Merge from the entity page, without naming a user: the server's default.
	rec = postDecision(t, s, "s1", cookies, url.Values{"csrf": {token}, "kind": {"merge"}, "entity": {"e-bakyt"}, "other": {"e-sadykov"},
		"return": {"//evil.example/"}}, nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/stories/s1" {
		t.Fatalf("merge: %d → %q (a foreign return address must not be followed)", rec.Code, rec.Header().Get("Location"))
	}
	// Correct a date from the document page.
	doc := f.docs[1].ID
	rec = postDecision(t, s, "s1", cookies, url.Values{"csrf": {token}, "kind": {"correct"}, "document": {doc}, "field": {"published"},
		"value": {"2025-03-12"}, "user": {"ana"}, "return": {"/documents/" + doc + "?story=s1"}}, nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("correct: %d %s", rec.Code, rec.Body.String())
	}

	body := get(t, s, "/stories/s1").Body.String()
	inert(t, body)
	mustContain(t, body, "dismissed by &lt;b&gt;ana&lt;/b&gt;", "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;",
		`id="decisions"`, "desk default", "Undo", "2025-03-12")
	if strings.Contains(body, `href="/stories/s1/entities/e-sadykov"`) {
		t.Error("the merged entity is still listed")
	}
	ent := get(t, s, "/stories/s1/entities/e-bakyt").Body.String()
	mustContain(t, ent, "Marat Sadykov", "dismissed by", `id="merge-form"`, `id="split-form"`)
	inert(t, ent)
	dp := get(t, s, "/documents/"+doc+"?story=s1").Body.String()
	mustContain(t, dp, `id="correct-form"`, "corrected by ana")
	inert(t, dp)

	// The standalone report shows the decisions but has no forms.
	rep := get(t, s, "/stories/s1/report.html").Body.String()
	mustContain(t, rep, "dismissed by &lt;b&gt;ana&lt;/b&gt;", `id="decisions"`)
	mustNotContain(t, rep, "<form", "<script>alert", "<img src=x")

	// Undo the merge from its row.
	rec = postDecision(t, s, "s1", cookies, url.Values{"csrf": {token}, "kind": {"undo"}, "target": {"2"}, "user": {"ben"}}, nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("undo: %d", rec.Code)
	}
	if get(t, s, "/stories/s1/entities/e-sadykov").Code != 200 {
		t.Error("the merged entity did not come back after undo")
	}

	// Refusals.
	for name, c := range map[string]struct {
		fields  url.Values
		headers map[string]string
		cookies []*http.Cookie
		want    int
	}{
		"no csrf":      {url.Values{"kind": {"dismiss"}, "fact": {"f-age"}}, nil, cookies, 403},
		"no cookie":    {url.Values{"csrf": {token}, "kind": {"dismiss"}, "fact": {"f-age"}}, nil, nil, 403},
		"cross site":   {url.Values{"csrf": {token}, "kind": {"dismiss"}, "fact": {"f-age"}}, map[string]string{"Sec-Fetch-Site": "cross-site"}, cookies, 403},
		"other origin": {url.Values{"csrf": {token}, "kind": {"dismiss"}, "fact": {"f-age"}}, map[string]string{"Origin": "http://evil.example"}, cookies, 403},
		"self merge":   {url.Values{"csrf": {token}, "kind": {"merge"}, "entity": {"e-bakyt"}, "other": {"e-bakyt"}}, nil, cookies, 400},
		"bad date":     {url.Values{"csrf": {token}, "kind": {"correct"}, "document": {doc}, "field": {"published"}, "value": {"soon"}}, nil, cookies, 400},
		"bad target":   {url.Values{"csrf": {token}, "kind": {"undo"}, "target": {"x"}}, nil, cookies, 400},
	} {
		if rec := postDecision(t, s, "s1", c.cookies, c.fields, c.headers); rec.Code != c.want {
			t.Errorf("%s: status %d, want %d", name, rec.Code, c.want)
		}
	}
	if rec := postDecision(t, s, "nope", cookies, url.Values{"csrf": {token}, "kind": {"dismiss"}, "fact": {"f-age"}}, nil); rec.Code != 404 {
		t.Errorf("unknown story: %d", rec.Code)
	}
}

func apiPost(t *testing.T, s http.Handler, path, body, contentType string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func TestDecisionAPI(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	rec := apiPost(t, s, "/api/stories/s1/decisions", `{"kind": "dismiss", "fact": "f-age", "user": "ana", "note": "`+strings.ReplaceAll(hostileNote, `'`, `\u0027`)+`"}`, "application/json")
	if rec.Code != 201 {
		t.Fatalf("POST: %d %s", rec.Code, rec.Body.String())
	}
	var x model.Decision
	if err := json.Unmarshal(rec.Body.Bytes(), &x); err != nil || x.ID == 0 || x.State != model.DecisionApplied || x.User != "ana" {
		t.Fatalf("decision = %+v, %v", x, err)
	}
	rec = apiPost(t, s, "/api/stories/s1/decisions", `{"kind": "confirm", "fact": "f-age", "user": "ben"}`, "application/json")
	if rec.Code != 201 {
		t.Fatalf("second POST: %d", rec.Code)
	}
	var list web.DecisionList
	if err := json.Unmarshal(get(t, s, "/api/stories/s1/decisions").Body.Bytes(), &list); err != nil || len(list.Decisions) != 2 {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if list.Decisions[0].State != model.DecisionSuperseded || list.Decisions[1].State != model.DecisionApplied {
		t.Errorf("states %s, %s", list.Decisions[0].State, list.Decisions[1].State)
	}
	var d model.Dossier
	json.Unmarshal(get(t, s, "/api/stories/s1").Body.Bytes(), &d)
	for _, fact := range d.Facts {
		if fact.ID == "f-age" && (fact.Review == nil || !fact.Review.Conflict || fact.Review.User != "ben") {
			t.Errorf("dossier review = %+v", fact.Review)
		}
	}
	for name, c := range map[string]struct {
		path, body, ctype string
		want              int
	}{
		"not json":      {"/api/stories/s1/decisions", `kind=dismiss`, "application/x-www-form-urlencoded", 415},
		"bad json":      {"/api/stories/s1/decisions", `{"kind":`, "application/json", 400},
		"unknown field": {"/api/stories/s1/decisions", `{"kind": "dismiss", "fact": "f-age", "user": "a", "admin": true}`, "application/json", 400},
		"self merge":    {"/api/stories/s1/decisions", `{"kind": "merge", "entities": ["e-bakyt", "e-bakyt"], "user": "a"}`, "application/json", 400},
		"gone fact":     {"/api/stories/s1/decisions", `{"kind": "dismiss", "fact": "f-none", "user": "a"}`, "application/json", 400},
		"no story":      {"/api/stories/nope/decisions", `{"kind": "dismiss", "fact": "f-age", "user": "a"}`, "application/json", 404},
		"too large":     {"/api/stories/s1/decisions", `{"kind": "dismiss", "fact": "f-age", "user": "a", "note": "` + strings.Repeat("x", 70<<10) + `"}`, "application/json", 413},
	} {
		if rec := apiPost(t, s, c.path, c.body, c.ctype); rec.Code != c.want {
			t.Errorf("%s: status %d, want %d (%s)", name, rec.Code, c.want, rec.Body.String())
		}
	}
	req := httptest.NewRequest("POST", "/api/stories/s1/decisions", strings.NewReader(`{"kind": "dismiss", "fact": "f-age", "user": "a"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://evil.example")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 403 {
		t.Errorf("cross-origin POST: %d", rec.Code)
	}
	if rec := get(t, s, "/api/stories/nope/decisions"); rec.Code != 404 {
		t.Errorf("unknown story list: %d", rec.Code)
	}
}

func TestExportAPI(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	if rec := apiPost(t, s, "/api/stories/s1/decisions", `{"kind": "dismiss", "fact": "f-age", "user": "ana"}`, "application/json"); rec.Code != 201 {
		t.Fatal(rec.Body.String())
	}
	for _, c := range []struct{ format, ctype, want string }{
		{"ftm", "application/x-ndjson", `"schema":"Person"`},
		{"csv", "text/csv", "f-age"},
		{"csv-excel", "text/csv", "\uFEFFstory,"},
		{"json", "application/json", `"verdict": "dismissed"`},
		{"markdown", "text/markdown", "dismissed"},
		{"html", "text/html", "dismissed by ana"},
	} {
		rec := get(t, s, "/api/stories/s1/export?format="+c.format)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.ctype) || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d %s, %q missing", c.format, rec.Code, rec.Header().Get("Content-Type"), c.want)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") {
			t.Errorf("%s: not a download", c.format)
		}
		if c.format == "ftm" {
			es, err := export.ReadFtM(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			if err := export.ValidateFtM(es); err != nil {
				t.Errorf("ftm from the API does not validate: %v", err)
			}
		}
	}
	if rec := get(t, s, "/api/stories/s1/export?format=pdf"); rec.Code != 400 {
		t.Errorf("bad format: %d", rec.Code)
	}
	if rec := get(t, s, "/api/stories/nope/export?format=csv"); rec.Code != 404 {
		t.Errorf("unknown story: %d", rec.Code)
	}
}
