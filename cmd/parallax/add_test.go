package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// add fetches pages from a loopback server; a 404 and a non-page are
// named and the good pages still go through.
func TestAddFetchesNamedPages(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/news/flood", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Flood waters recede</title></head><body><article><h1>Flood waters recede in the valley</h1><p>%s</p></article></body></html>",
			strings.ReplaceAll(goodArticle, "\n", " "))
	})
	mux.HandleFunc("/news/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errOut := run(t, "", "add", "--db", db, "--host-interval", "1ms",
		srv.URL+"/news/flood", srv.URL+"/news/missing", srv.URL+"/news/image")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (some failed): %s", code, errOut)
	}
	for _, want := range []string{
		"fetch 404 " + srv.URL + "/news/missing",
		"fetch 200 " + srv.URL + "/news/flood",
		srv.URL + "/news/image: content type image/png is not an article page",
		"1 new, 0 already stored, 2 failed",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	d := decode(t, out)
	if len(d.Documents) != 1 || d.Documents[0].Source != srv.URL+"/news/flood" {
		t.Errorf("documents: %+v", d.Documents)
	}
}
