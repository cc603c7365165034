package pipeline_test

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
)

// Decisions survive re-analysis: the store keeps them apart from the
// analysis and the pipeline applies them after comparison; the corrected
// date is also the document's reference date during analysis.
func TestDecisionsSurviveReanalysis(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
	res, err := p.AnalyzePaths(ctx, st, []string{"../examples/almaty-confession"}, "")
	if err != nil {
		t.Fatal(err)
	}
	d := res.Dossier
	var fact string
	for _, f := range d.Facts {
		if f.Status == model.Disputed {
			fact = f.ID
			break
		}
	}
	var places []string
	for _, e := range d.Entities {
		if e.Type == model.Place && len(places) < 2 {
			places = append(places, e.ID)
		}
	}
	if fact == "" || len(places) < 2 {
		t.Fatalf("example has no disputed fact or two places")
	}
	doc := d.Documents[len(d.Documents)-1].ID
	id := res.Story.ID
	for _, x := range []model.Decision{
		{Kind: model.DecisionDismiss, Fact: fact, User: "ana", Note: "same town"},
		{Kind: model.DecisionMerge, Entities: places, User: "ana"},
		{Kind: model.DecisionCorrect, Document: doc, Field: "published", Value: "2025-03-01", User: "ana"},
	} {
		if _, err := curate.Record(ctx, st, id, x); err != nil {
			t.Fatalf("record %s: %v", x.Kind, err)
		}
	}
	again, err := p.Reanalyze(ctx, st, id)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := st.StoryDossier(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*model.Dossier{"reanalyze result": again, "stored": stored} {
		if len(d.Decisions) != 3 {
			t.Fatalf("%s: %d decisions", name, len(d.Decisions))
		}
		for _, x := range d.Decisions {
			if x.State != model.DecisionApplied {
				t.Errorf("%s: decision %d %s is %s (%s)", name, x.ID, x.Kind, x.State, x.Reason)
			}
		}
		for _, f := range d.Facts {
			if f.ID == fact && (f.Review == nil || f.Review.Verdict != model.VerdictDismissed) {
				t.Errorf("%s: fact %s review = %+v", name, fact, f.Review)
			}
		}
		for _, e := range d.Entities {
			if e.ID == places[1] {
				t.Errorf("%s: merged place %s still there", name, e.ID)
			}
		}
		for _, dd := range d.Documents {
			if dd.ID == doc && (dd.Published == nil || *dd.Published != "2025-03-01") {
				t.Errorf("%s: published = %v", name, dd.Published)
			}
		}
	}
	// Stored documents are never rewritten by a correction.
	raw, err := st.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if raw.Published != nil && *raw.Published == "2025-03-01" {
		t.Error("the correction was written into the stored document")
	}
}
