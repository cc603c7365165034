package pipeline_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// Adding one article to a stored story annotates that article alone (the
// others' annotations are read back from the store), and the dossier is
// the one a from-scratch analysis of the same documents makes. reanalyze
// annotates every document again, and agrees too.
func TestAddingAnArticleAnnotatesOnlyIt(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
	first, err := p.AnalyzeInputs(ctx, st, synthInputs(6, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Annotated(); got != 6 {
		t.Fatalf("6 new articles, clustered then analysed: %d annotated, want 6 (once each)", got)
	}
	storyID := first.Story.ID

	// One more article, named for the story.
	one := synthInputs(1, 2)
	one[0].Source = "more/" + one[0].Source
	before := p.Annotated()
	grown, err := p.AnalyzeInputs(ctx, st, one, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Annotated() - before; got != 1 {
		t.Errorf("adding 1 article to a story of %d: %d documents annotated, want 1", len(first.Story.Documents), got)
	}
	if grown.Story.ID != storyID || len(grown.Story.Documents) != len(first.Story.Documents)+1 {
		t.Fatalf("grown story %s has %d documents; want %s with %d", grown.Story.ID, len(grown.Story.Documents), storyID, len(first.Story.Documents)+1)
	}
	scratch := fromScratch(t, st, storyID)
	sameDossier(t, "grown by one article", grown.Dossier, scratch)

	// The sentences comparison parsed are kept with the annotations: the
	// same story analysed again parses none, and reads as from scratch.
	if p.SentencesParsed() == 0 {
		t.Fatal("comparison parsed no sentence of the synthetic story: the check below tests nothing")
	}
	// So is the outcome of syndication's rewrite check of each pair.
	if p.RewritesChecked() == 0 {
		t.Fatal("syndication checked no pair of the synthetic story: the check below tests nothing")
	}
	parsed, checked := p.SentencesParsed(), p.RewritesChecked()
	same, err := p.Reanalyze(ctx, st, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.SentencesParsed() - parsed; got != 0 {
		t.Errorf("re-analysing an unchanged story parsed %d sentences, want 0", got)
	}
	if got := p.RewritesChecked() - checked; got != 0 {
		t.Errorf("re-analysing an unchanged story checked %d pairs for rewrites, want 0", got)
	}
	sameDossier(t, "analysed again with stored parses", same, scratch)

	re, err := pipeline.New(pipeline.Options{Reannotate: true})
	if err != nil {
		t.Fatal(err)
	}
	again, err := re.Reanalyze(ctx, st, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len(grown.Story.Documents)); re.Annotated() != want {
		t.Errorf("reanalyze: %d annotated, want every document (%d)", re.Annotated(), want)
	}
	sameDossier(t, "reanalysed", again, scratch)

	// One more article, placed by clustering: still one annotation.
	another := synthInputs(1, 3)
	another[0].Source = "later/" + another[0].Source
	before = p.Annotated()
	if _, err := p.AnalyzeInputs(ctx, st, another, ""); err != nil {
		t.Fatal(err)
	}
	if got := p.Annotated() - before; got != 1 {
		t.Errorf("adding 1 article by clustering: %d documents annotated, want 1", got)
	}
}

// fromScratch analyses a stored story's documents with a new pipeline and
// no store.
func fromScratch(t *testing.T, st *sqlite.Store, storyID string) *model.Dossier {
	t.Helper()
	stored, err := st.StoryDocuments(context.Background(), storyID)
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*model.Document, len(stored))
	for i := range stored {
		docs[i] = &stored[i]
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := p.Analyze(context.Background(), storyID, docs)
	if err != nil {
		t.Fatal(err)
	}
	if p.Annotated() != int64(len(docs)) {
		t.Errorf("from scratch: %d annotated, want %d", p.Annotated(), len(docs))
	}
	return d
}

func sameDossier(t *testing.T, what string, got, want *model.Dossier) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s: the dossier differs from a from-scratch analysis (%d vs %d bytes of JSON)", what, len(g), len(w))
	}
}
