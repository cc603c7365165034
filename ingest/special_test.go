package ingest_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/ingest"
)

// Problem 3 of issue 19: a FIFO among the inputs hung the run forever.
// Special files are refused by type, before anything opens them.
func TestSpecialFilesRefusedByType(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "b-pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A good article about the floods."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Another good article about the floods."), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.txt")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, paths := range [][]string{{dir}, {filepath.Join(dir, "a.txt"), fifo, filepath.Join(dir, "c.txt")}, {link, "/dev/null"}} {
		var got []string
		var errs []*ingest.Error
		done := make(chan error, 1)
		go func() {
			done <- ingest.Walk(context.Background(), paths, ingest.Options{},
				func(in ingest.Input) error { got = append(got, filepath.Base(in.Source)); return nil },
				func(e *ingest.Error) { errs = append(errs, e) })
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Walk(%v) blocked on a special file", paths)
		}
		if len(paths) != 2 && len(got) != 2 {
			t.Errorf("Walk(%v): read %v, want the two regular files", paths, got)
		}
		for _, e := range errs {
			if !errors.Is(e, ingest.ErrNotRegular) {
				t.Errorf("Walk(%v): %v, want ErrNotRegular", paths, e)
			}
		}
		if want := map[int]int{1: 1, 3: 1, 2: 2}[len(paths)]; len(errs) != want {
			t.Errorf("Walk(%v): %d refusals %v, want %d", paths, len(errs), errs, want)
		}
	}
}

// An input that stops sending (a stalled pipe on stdin) is given up after
// the stall timeout, and the inputs after it are still read.
func TestStalledInputGivenUp(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("A good article about the floods."), 0o644); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	go pw.Write([]byte("The first words arrive, then nothing"))
	var got []string
	var errs []*ingest.Error
	start := time.Now()
	err := ingest.Walk(context.Background(), []string{"-", good}, ingest.Options{Stdin: pr, StallTimeout: 300 * time.Millisecond},
		func(in ingest.Input) error { got = append(got, in.Source); return nil },
		func(e *ingest.Error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrStalled) || errs[0].Source != "-" {
		t.Errorf("errors %v, want one ErrStalled for -", errs)
	}
	if len(got) != 1 || got[0] != good {
		t.Errorf("read %v, want %s", got, good)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s", d)
	}
	// Cancellation ends a blocked read at once.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	pr2, pw2 := io.Pipe()
	defer pw2.Close()
	start = time.Now()
	err = ingest.Walk(ctx, []string{"-"}, ingest.Options{Stdin: pr2}, func(ingest.Input) error { return nil }, func(*ingest.Error) {})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("cancelled read: %v after %s", err, time.Since(start))
	}
}
