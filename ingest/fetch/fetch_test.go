package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a loopback server with pages, redirects, slow and broken
// responses, and a robots.txt that shuts one folder.
func site(t *testing.T) (*httptest.Server, *[]string) {
	t.Helper()
	var mu sync.Mutex
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nAllow: /private/open$\n")
	})
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><h1>Bridge reopens</h1><p>The bridge reopened on Monday.</p></body></html>")
	})
	mux.HandleFunc("/private/open", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "open") })
	mux.HandleFunc("/private/closed", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "closed") })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := strings.Repeat("x", 1<<16)
		for i := 0; i < 64; i++ { // 4 MB, no Content-Length
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &agents
}

func TestGetPoliteAndBounded(t *testing.T) {
	srv, agents := site(t)
	var mu sync.Mutex
	var log []Entry
	f := New(Options{Timeout: 500 * time.Millisecond, MaxBytes: 1 << 20, HostInterval: time.Millisecond,
		Log: func(e Entry) { mu.Lock(); log = append(log, e); mu.Unlock() }})
	ctx := context.Background()

	p, err := f.Get(ctx, srv.URL+"/article")
	if err != nil || !strings.Contains(string(p.Body), "Bridge reopens") || p.Status != 200 {
		t.Fatalf("article: %v %+v", err, p)
	}
	if (*agents)[0] != UserAgent {
		t.Errorf("user agent %q", (*agents)[0])
	}
	if p, err := f.Get(ctx, srv.URL+"/moved"); err != nil || p.URL != srv.URL+"/article" || p.Requested != srv.URL+"/moved" {
		t.Errorf("redirect on the same host: %v %+v", err, p)
	}
	if _, err := f.Get(ctx, srv.URL+"/private/open"); err != nil {
		t.Errorf("allowed by a longer Allow rule: %v", err)
	}
	cases := []struct {
		path string
		want error
	}{
		{"/private/closed", ErrRobots},
		{"/loop", ErrRedirects},
		{"/gone", ErrStatus},
		{"/broken", ErrStatus},
		{"/huge", ErrTooLarge},
	}
	for _, c := range cases {
		_, err := f.Get(ctx, srv.URL+c.path)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), srv.URL+c.path) {
			t.Errorf("%s: got %v, want %v naming the URL", c.path, err, c.want)
		}
	}
	if _, err := f.Get(ctx, srv.URL+"/slow"); err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("slow: got %v, want a time-out", err)
	}
	if _, err := f.Get(ctx, "ftp://example.org/x"); !errors.Is(err, ErrNotHTTP) {
		t.Errorf("ftp: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	robotsFetches := 0
	for _, e := range log {
		if strings.HasSuffix(e.URL, "/robots.txt") {
			robotsFetches++
		}
	}
	if robotsFetches != 1 {
		t.Errorf("robots.txt fetched %d times, want once", robotsFetches)
	}
	if len(log) < 8 {
		t.Errorf("only %d requests logged", len(log))
	}
	for _, e := range log {
		if strings.HasSuffix(e.URL, "/gone") && (e.Status != 404 || e.Err == nil) {
			t.Errorf("404 logged as %v", e)
		}
	}
}

// A redirect to another host is refused unless that host is allowed.
func TestRedirectToAnotherHost(t *testing.T) {
	other, _ := site(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(other.URL, "http://"))
	elsewhere := "http://localhost:" + port + "/article"
	mux := http.NewServeMux()
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, elsewhere, http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()
	_, err := New(Options{HostInterval: time.Millisecond}).Get(ctx, srv.URL+"/away")
	if !errors.Is(err, ErrOtherHost) {
		t.Errorf("got %v, want %v", err, ErrOtherHost)
	}
	p, err := New(Options{HostInterval: time.Millisecond, AllowHosts: []string{"localhost"}}).Get(ctx, srv.URL+"/away")
	if err != nil || !strings.Contains(string(p.Body), "Bridge") {
		t.Errorf("allowed host: %v", err)
	}
}

// Requests to one host are spaced by the interval.
func TestHostInterval(t *testing.T) {
	srv, _ := site(t)
	f := New(Options{HostInterval: 150 * time.Millisecond})
	start := time.Now()
	for i := 0; i < 3; i++ { // robots.txt, then three pages: four turns
		if _, err := f.Get(context.Background(), srv.URL+"/article"); err != nil {
			t.Fatal(err)
		}
	}
	if took := time.Since(start); took < 3*150*time.Millisecond {
		t.Errorf("four requests in %v, want at least 450ms", took)
	}
}

func TestRobotsRules(t *testing.T) {
	r := parseRobots("User-agent: other\nDisallow: /\n\nUser-agent: parallax\nUser-agent: x\nDisallow: /a*b$\nDisallow: /tmp\nCrawl-delay: 2\n", "parallax")
	for path, want := range map[string]bool{"/": true, "/tmp/x": false, "/axxb": false, "/axxbc": true, "/robots.txt": true} {
		if got := r.allows(path); got != want {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	if r.delay != 2*time.Second {
		t.Errorf("delay %v", r.delay)
	}
	if !parseRobots("", "parallax").allows("/anything") {
		t.Error("an empty robots.txt disallows")
	}
}

func TestPrivateAddresses(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1": true, "10.1.2.3": true, "192.168.0.1": true, "169.254.1.1": true, "::1": true, "8.8.8.8": false, "0.0.0.0": true} {
		if got := private(net.ParseIP(addr)); got != want {
			t.Errorf("%s: %v", addr, got)
		}
	}
}
