package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/web"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// unversioned hides the store's StoryVersion, so nothing is kept.
type unversioned struct{ model.Store }

// countingStore counts dossier reads.
type countingStore struct {
	*sqlite.Store
	reads atomic.Int64
}

func (c *countingStore) StoryDossier(ctx context.Context, id string) (*model.Dossier, error) {
	c.reads.Add(1)
	return c.Store.StoryDossier(ctx, id)
}

// pageAs requests path with a reader's cookies and returns the body with
// the server's CSRF token replaced by a mark, and the cookies it set.
func pageAs(t *testing.T, s http.Handler, path string, cookies ...*http.Cookie) (string, []*http.Cookie) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	body := rec.Body.String()
	token := ""
	for _, c := range append(rec.Result().Cookies(), cookies...) {
		if c.Name == "parallax_csrf" {
			token = c.Value
		}
	}
	if token == "" || !strings.Contains(body, `value="`+token+`"`) {
		t.Fatalf("GET %s: the page does not carry the reader's CSRF token %q", path, token)
	}
	return strings.ReplaceAll(body, token, "TOKEN"), rec.Result().Cookies()
}

// A kept story page reads exactly as one built for the request: the
// reader's CSRF token and name (escaped) are filled in, per reader.
func TestKeptStoryPageMatchesBuiltPage(t *testing.T) {
	f := newFixture(t)
	kept := newServer(t, f, web.Options{})
	built := newServer(t, f, web.Options{Store: unversioned{f.store}})
	name := &http.Cookie{Name: "parallax_user", Value: `ana<b>+&'`}
	for _, path := range []string{"/stories/s1", "/stories/s1?page=2"} {
		want, _ := pageAs(t, built, path, name)
		if !strings.Contains(want, `value="ana&lt;b&gt;&#43;&amp;&#39;"`) {
			t.Fatalf("%s: the built page does not show the escaped name", path)
		}
		first, cookies := pageAs(t, kept, path, name)
		again, _ := pageAs(t, kept, path, append(cookies, name)...)
		other, _ := pageAs(t, kept, path) // another reader: own token, default name
		if first != want || again != want {
			t.Errorf("%s: the kept page differs from the built one", path)
		}
		if strings.Contains(other, "ana&lt;") {
			t.Errorf("%s: one reader's name was shown to another", path)
		}
		if strings.Contains(first+other, "pxhole") {
			t.Errorf("%s: a placeholder was left in the page", path)
		}
	}
}

// Twenty readers of one story decode its dossier once; a new version of
// the story is shown at once.
func TestKeptPagesFollowTheStoryVersion(t *testing.T) {
	f := newFixture(t)
	cs := &countingStore{Store: f.store}
	s := newServer(t, f, web.Options{Store: cs})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range []string{"/stories/s1", "/api/stories/s1"} {
				if rec := get(t, s, p); rec.Code != 200 {
					t.Errorf("GET %s: %d", p, rec.Code)
				}
			}
		}()
	}
	wg.Wait()
	if n := cs.reads.Load(); n != 1 {
		t.Errorf("dossier read %d times for 40 requests of one version, want 1", n)
	}
	ctx := context.Background()
	d, err := f.store.StoryDossier(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	story := d.Stories[0]
	story.Title = "A retitled story"
	d.Stories[0] = story
	d.Documents = nil
	if err := f.store.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/stories/s1", "/api/stories/s1"} {
		if rec := get(t, s, p); !strings.Contains(rec.Body.String(), "A retitled story") {
			t.Errorf("GET %s after a new analysis still shows the old version", p)
		}
	}
}
