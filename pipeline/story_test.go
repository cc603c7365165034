package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

func synthInputs(n int, seed uint64) []ingest.Input {
	var inputs []ingest.Input
	for _, a := range synth.Articles(n, seed) {
		inputs = append(inputs, ingest.Input{Source: a.Name, Format: ingest.FormatText, Raw: a.Body})
	}
	return inputs
}

// TestAddToStoryAndReanalyze grows a stored story with more documents, then
// recomputes it from the store alone and expects the same dossier.
func TestAddToStoryAndReanalyze(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := p.AnalyzeInputs(ctx, st, synthInputs(4, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	// Other seeds' articles reuse the file names, so the sources differ.
	more := synthInputs(3, 2)
	for i := range more {
		more[i].Source = "more/" + more[i].Source
	}
	grown, err := p.AnalyzeInputs(ctx, st, more, first.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if grown.Story.ID != first.Story.ID || grown.Added != 3 || len(grown.Dossier.Documents) != 7 {
		t.Fatalf("grown story %s: added %d, %d documents; want %s, 3, 7",
			grown.Story.ID, grown.Added, len(grown.Dossier.Documents), first.Story.ID)
	}

	again, err := p.Reanalyze(ctx, st, first.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(again)
	want, _ := json.Marshal(grown.Dossier)
	if string(got) != string(want) {
		t.Errorf("re-analysis from the store differs from the run that stored it")
	}

	if _, err := p.Reanalyze(ctx, st, "s-unknown"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown story: err = %v, want ErrNotFound", err)
	}
	if _, err := p.AnalyzeInputs(ctx, st, synthInputs(1, 3), "s-unknown"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("adding to an unknown story: err = %v, want ErrNotFound", err)
	}
}
