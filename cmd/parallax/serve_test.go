package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	art := filepath.Join(dir, "a.txt")
	writeFile(t, art, []byte(goodArticle))
	if code, _, stderr := run(t, "", "analyze", "-q", "--db", db, art); code != 0 {
		t.Fatalf("analyze: %s", stderr)
	}
	out := filepath.Join(dir, "story.html")
	if code, _, stderr := run(t, "", "report", "--db", db, "--out", out); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("Flood waters recede in the valley")) || bytes.Contains(page, []byte(`src="http`)) {
		t.Errorf("report is not a self-contained page with the story")
	}
	code, md, _ := run(t, "", "report", "--db", db, "--format", "markdown")
	if code != 0 || !strings.Contains(md, "Flood waters recede in the valley") {
		t.Errorf("markdown report: exit %d\n%s", code, md)
	}
	if code, _, stderr := run(t, "", "report", "--db", filepath.Join(dir, "missing.db")); code != 1 || !strings.Contains(stderr, "missing.db") {
		t.Errorf("missing database: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "report", "--db", db, "--story", "s-nope"); code != 1 || stderr == "" {
		t.Errorf("unknown story: exit %d, %s", code, stderr)
	}
}

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	code, _, stderr := run(t, "", "serve", "--db", filepath.Join(t.TempDir(), "p.db"), "--addr", "0.0.0.0:0")
	if code != 1 || !strings.Contains(stderr, "token") {
		t.Errorf("exit %d, stderr %q; want a refusal that mentions the token", code, stderr)
	}
}

func TestServeAnswersOnLoopback(t *testing.T) {
	t.Setenv("PARALLAX_TOKEN", "")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
		done <- m.Run(ctx, []string{"serve", "--read-only", "--db", filepath.Join(t.TempDir(), "p.db"), "--addr", addr})
	}()
	var resp *http.Response
	for i := 0; i < 100; i++ {
		resp, err = http.Get("http://" + addr + "/api/stories")
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server never answered: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/stories = %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d after shutdown", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}
