package pipeline_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/pipeline"
)

// Problem 3 of issue 19: every input was read before anything was stored,
// so an input that blocks kept the run's good files out of the store.
// Inputs are now stored as they are read: when the run is cancelled while
// a later input blocks, the earlier ones are already stored.
func TestInputsStoredAsTheyAreRead(t *testing.T) {
	_, st := newPipeline(t)
	pr, pw := io.Pipe() // stdin that never sends
	defer pw.Close()
	p, err := pipeline.New(pipeline.Options{Ingest: ingest.Options{Stdin: pr}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for _, a := range synth.Articles(3, 5) {
		path := filepath.Join(dir, a.Name)
		if err := os.WriteFile(path, a.Body, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err = p.AnalyzePaths(ctx, st, append(paths, "-"), "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("cancelled run returned after %s", d)
	}
	docs, err := st.Documents(context.Background())
	if err != nil || len(docs) != 3 {
		t.Errorf("%d documents stored (%v), want the 3 read before stdin", len(docs), err)
	}
}
