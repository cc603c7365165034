package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// tempDir makes a directory for the shared example run; it lives until the
// test binary's temporary files are cleaned by the OS.
func tempDir() (string, error) { return os.MkdirTemp("", "parallax-pipeline-test-") }

// newPipeline returns a pipeline with default options and a fresh store in
// tb's temporary directory, closed when tb ends.
func newPipeline(tb testing.TB) (*pipeline.Pipeline, *sqlite.Store) {
	tb.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "p.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p, st
}

// synthInputs returns n synthetic articles from seed as plain-text inputs.
func synthInputs(n int, seed uint64) []ingest.Input {
	var inputs []ingest.Input
	for _, a := range synth.Articles(n, seed) {
		inputs = append(inputs, ingest.Input{Source: a.Name, Format: ingest.FormatText, Raw: a.Body})
	}
	return inputs
}
