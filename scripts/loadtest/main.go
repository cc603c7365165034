// Command loadtest measures the web server under load from a second
// process on loopback: it analyses a synthetic story (or reuses a
// database), starts `parallax serve` as a child process, and sends GET
// requests over many connections to the story page, its JSON, the story
// list and a document page, printing p50, p99, errors and the server's
// peak memory (VmHWM) per target.
//
//	go run ./scripts/loadtest -articles 1000 -conns 20 -duration 20s
//
// Targets (issue 19): p99 < 500 ms for the first page, server < 500 MB.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Result is one target's figures.
type Result struct {
	Target     string  `json:"target"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	BodyKB     float64 `json:"body_kb"`
	ServerPeak float64 `json:"server_peak_mb"`
}

func main() {
	articles := flag.Int("articles", 1000, "synthetic articles in the story")
	conns := flag.Int("conns", 20, "concurrent connections")
	duration := flag.Duration("duration", 20*time.Second, "how long each target is loaded")
	dbPath := flag.String("db", "", "reuse this database (analysed before) instead of analysing a new story")
	bin := flag.String("bin", "", "parallax binary (default: built from ./cmd/parallax)")
	asJSON := flag.Bool("json", false, "print JSON")
	writeOnly := flag.String("write", "", "only write the synthetic articles into this `folder` and exit")
	perStory := flag.Int("per-story", 0, "with -write: articles of many stories, this many per story (internal/synth.Stories); 0: one story")
	flag.Parse()
	if *writeOnly != "" {
		if err := writeArticles(*writeOnly, *articles, *perStory, 1); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*articles, *conns, *duration, *dbPath, *bin, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(articles, conns int, duration time.Duration, dbPath, bin string, asJSON bool) error {
	tmp, err := os.MkdirTemp("", "parallax-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "parallax")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/parallax").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	if dbPath == "" || !exists(dbPath) {
		if dbPath == "" {
			dbPath = filepath.Join(tmp, "load.db")
		}
		dir := filepath.Join(tmp, "articles")
		if err := writeArticles(dir, articles, 0, 1); err != nil {
			return err
		}
		start := time.Now()
		cmd := exec.Command(bin, "analyze", "-q", "--db", dbPath, "--out", os.DevNull, dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
		fmt.Fprintf(os.Stderr, "loadtest: analysed %d articles in %s\n", articles, time.Since(start).Round(time.Second))
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "--read-only", "--db", dbPath, "--addr", "127.0.0.1:0")
	srv.Env = append(os.Environ(), "PARALLAX_TOKEN=")
	stderr, err := srv.StderrPipe()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	base, err := serverAddress(stderr)
	if err != nil {
		return err
	}
	go io.Copy(io.Discard, stderr)

	story, doc, err := firstStory(base)
	if err != nil {
		return err
	}
	var results []Result
	for _, target := range []string{"/stories/" + story, "/api/stories/" + story, "/", "/documents/" + doc} {
		resetPeak(srv.Process.Pid)
		r := load(base, target, conns, duration)
		r.ServerPeak = peakMB(srv.Process.Pid)
		results = append(results, r)
	}
	if asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	fmt.Printf("%-28s %9s %7s %9s %9s %10s %15s\n", "target", "requests", "errors", "p50 ms", "p99 ms", "body KB", "server peak MB")
	for _, r := range results {
		fmt.Printf("%-28s %9d %7d %9.1f %9.1f %10.1f %15.1f\n", shortTarget(r.Target), r.Requests, r.Errors, r.P50ms, r.P99ms, r.BodyKB, r.ServerPeak)
	}
	return nil
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func shortTarget(t string) string {
	if len(t) > 28 {
		return t[:25] + "…"
	}
	return t
}

var servingRE = regexp.MustCompile(`on (http://[^/\s]+)/`)

// serverAddress reads the server's "serving … on http://ADDR/" line.
func serverAddress(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
			return m[1], nil
		}
	}
	return "", errors.New("the server did not say where it listens")
}

// firstStory returns the first story's ID and its first document's.
func firstStory(base string) (story, doc string, err error) {
	resp, err := http.Get(base + "/api/stories")
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	var body struct {
		Stories []struct {
			ID        string   `json:"id"`
			Documents []string `json:"documents"`
		} `json:"stories"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || len(body.Stories) == 0 || len(body.Stories[0].Documents) == 0 {
		return "", "", fmt.Errorf("no story with documents in the database (%v)", err)
	}
	return body.Stories[0].ID, body.Stories[0].Documents[0], nil
}

// load sends GETs to target from conns goroutines for d.
func load(base, target string, conns int, d time.Duration) Result {
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: conns}}
	var mu sync.Mutex
	var lat []time.Duration
	errs, bytes := 0, int64(0)
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(stop) {
				start := time.Now()
				resp, err := client.Get(base + target)
				ok := err == nil && resp.StatusCode == 200
				var n int64
				if err == nil {
					n, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				el := time.Since(start)
				mu.Lock()
				lat = append(lat, el)
				if !ok {
					errs++
				} else {
					bytes += n
				}
				mu.Unlock()
				if err == nil && resp.StatusCode == http.StatusServiceUnavailable {
					time.Sleep(100 * time.Millisecond)
				}
			}
		}()
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	r := Result{Target: target, Requests: len(lat), Errors: errs}
	if len(lat) > 0 {
		r.P50ms = ms(lat[len(lat)/2])
		r.P99ms = ms(lat[min(len(lat)-1, len(lat)*99/100)])
	}
	if ok := len(lat) - errs; ok > 0 {
		r.BodyKB = float64(bytes) / float64(ok) / 1024
	}
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// resetPeak clears the process's peak resident size (Linux), so each target
// reports its own peak.
func resetPeak(pid int) {
	os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
}

// peakMB reads the process's peak resident size (VmHWM) in MB.
func peakMB(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return -1
}
