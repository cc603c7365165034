package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// watch reads a feed and a sitemap from a loopback server, fetches their
// articles on the named host only, names a feed that is HTML and one that
// is broken XML, and fetches nothing twice.
func TestWatchFeedsAndSitemaps(t *testing.T) {
	var srvURL string
	article := func(title, body string) string {
		return fmt.Sprintf("<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>", title, title, body)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title>
<item><title>Flood</title><link>%s/a/flood</link></item>
<item><title>Elsewhere</title><link>https://elsewhere.example/story</link></item>
</channel></rss>`, srvURL)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/flood</loc></url><url><loc>/a/mine</loc></url></urlset>`)
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>Not a feed.</p></body></html>")
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><item><link>`)
	})
	mux.HandleFunc("/a/flood", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, article("Flood waters recede in the valley", strings.ReplaceAll(goodArticle, "\n", " ")))
	})
	mux.HandleFunc("/a/mine", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, article("Miners rescued after collapse at the Ak-Tash pit",
			"Rescuers on Friday brought out all 14 miners trapped by a collapse at the Ak-Tash coal pit in the northern hills, the emergencies ministry said. Two were taken to hospital in Kara-Suu with broken legs."))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL
	db := filepath.Join(t.TempDir(), "p.db")
	args := []string{"watch", "--once", "--db", db, "--host-interval", "1ms",
		srv.URL + "/rss.xml", srv.URL + "/sitemap.xml", srv.URL + "/page.html", srv.URL + "/broken.xml"}
	code, out, errOut := run(t, "", args...)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	for _, want := range []string{
		"skip https://elsewhere.example/story: its host was not named",
		srv.URL + "/page.html: not an RSS or Atom feed or a sitemap",
		srv.URL + "/broken.xml: not an RSS or Atom feed or a sitemap",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Count(errOut, "fetch 200 "+srv.URL+"/a/flood") != 1 {
		t.Errorf("the flood article, in both the feed and the sitemap, was not fetched exactly once:\n%s", errOut)
	}
	if !strings.Contains(out, "2 new, 0 already stored, 2 failed; 2 stories (2 new)") {
		t.Errorf("summary: %s", out)
	}
	if strings.Contains(errOut, "elsewhere.example/robots") {
		t.Error("contacted a host that was not named")
	}
}
