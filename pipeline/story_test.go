package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// TestAddToStoryAndReanalyze grows a stored story with more documents, then
// recomputes it from the store alone and expects the same dossier.
func TestAddToStoryAndReanalyze(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
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
