package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// envInt reads a positive whole number from the environment, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// buildBinary compiles this command into a temporary directory, so tests
// can signal a real process.
func buildBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary:", err)
	}
	bin := filepath.Join(t.TempDir(), "parallax")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// storeCounts returns the documents, their full-text rows and the stories'
// document lists of a database, after checking its integrity.
func storeCounts(t *testing.T, db string) (docs, ftsRows int, members []int) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		members = append(members, len(s.Documents))
	}
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents_fts)`).Scan(&docs, &ftsRows); err != nil {
		t.Fatal(err)
	}
	return docs, ftsRows, members
}

// Problem 2 and the acceptance test of issue 19: SIGKILL and SIGINT at
// random moments of an analyze run leave a consistent store with nothing
// stored twice, SIGINT stops the run within 2 s with one line, and a
// re-run completes. CI runs it small; PARALLAX_KILL_ARTICLES=1000
// PARALLAX_KILL_TRIALS=10 is the full-size run (scripts/killtest.sh).
func TestKillAndInterruptDuringAnalyze(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	n := envInt("PARALLAX_KILL_ARTICLES", 12)
	trials := envInt("PARALLAX_KILL_TRIALS", 4)
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for _, a := range synth.Articles(n, 7) {
		writeFile(t, filepath.Join(in, a.Name), a.Body)
	}
	// One clean run measures how long a whole analysis takes.
	start := time.Now()
	clean := exec.Command(bin, "analyze", "-q", "--db", filepath.Join(dir, "clean.db"), "--out", filepath.Join(dir, "clean.json"), in)
	if out, err := clean.CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	full := time.Since(start)
	t.Logf("%d articles: a whole run takes %s", n, full.Round(time.Millisecond))

	r := rand.New(rand.NewPCG(uint64(n), uint64(trials)))
	db := filepath.Join(dir, "p.db")
	for trial := range trials {
		sig, name := syscall.SIGKILL, "SIGKILL"
		if trial%2 == 1 {
			sig, name = syscall.SIGINT, "SIGINT"
		}
		if trial%4 >= 2 {
			db = filepath.Join(dir, fmt.Sprintf("fresh%d.db", trial)) // interrupt a first run too
		}
		at := time.Duration(r.Int64N(int64(full)))
		cmd := exec.Command(bin, "analyze", "-q", "--db", db, "--out", filepath.Join(dir, "out.json"), in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(at)
		sent := time.Now()
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		stopped := time.Since(sent)
		t.Logf("trial %d: %s after %s: stopped in %s (%v)", trial, name, at.Round(time.Millisecond), stopped.Round(time.Millisecond), err)
		if sig == syscall.SIGINT {
			if stopped > 2*time.Second {
				t.Errorf("trial %d: SIGINT took %s to stop the run", trial, stopped)
			}
			if lines := strings.Count(strings.TrimSpace(stderr.String()), "\n") + 1; err != nil && lines > 1 {
				t.Errorf("trial %d: SIGINT printed %d lines, want one:\n%s", trial, lines, stderr.String())
			}
		}
		docs, fts, _ := storeCounts(t, db)
		if docs > n || fts != docs {
			t.Errorf("trial %d: %d documents, %d indexed, for %d inputs", trial, docs, fts, n)
		}
		rerun := exec.Command(bin, "analyze", "-q", "--db", db, "--out", filepath.Join(dir, "out.json"), in)
		if out, err := rerun.CombinedOutput(); err != nil {
			t.Fatalf("trial %d: re-run: %v\n%s", trial, err, out)
		}
		docs, fts, members := storeCounts(t, db)
		if docs != n || fts != n || len(members) != 1 || members[0] != n {
			t.Errorf("trial %d: after the re-run %d documents, %d indexed, stories %v; want %d, %d, [%d]", trial, docs, fts, members, n, n, n)
		}
	}
}
