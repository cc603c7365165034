package pipeline_test

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// Two reports of one arrest that spell the man's name two ways and give
// two dates for it (fixture written for this test).
var mergeFixture = []ingest.Input{
	{Source: "harbour-gazette.txt", Format: ingest.FormatText, Raw: []byte(`Title: Harbour union leader arrested
Outlet: Harbour Gazette
Published: 2024-06-12

Police detained the dockworkers' union leader Tomasz Wierzbicki on 3 June, his lawyer said on Tuesday.

The union has called a strike at the container terminal for next week.
`)},
	{Source: "coastal-courier.txt", Format: ingest.FormatText, Raw: []byte(`Title: Strike called after arrest of docks organiser
Outlet: Coastal Courier
Published: 2024-06-13

Police detained the union organiser Tomas Verbitsky on 5 June, according to a statement from the port workers.

Dockworkers voted on Wednesday to stop work at the terminal.
`)},
}

// A merge applies before comparison: the two single-source dates of the
// arrest, one per spelling, become one disputed fact with both values on
// re-analysis; an undo and another re-analysis make them two again. A
// dismissal of the folded entity's fact is orphaned meanwhile, shown, and
// applies again after the undo.
func TestMergeRecomparesFacts(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
	res, err := p.AnalyzeInputs(ctx, st, mergeFixture, "")
	if err != nil {
		t.Fatal(err)
	}
	id := res.Story.ID
	var people []string
	for _, e := range res.Dossier.Entities {
		if e.Type == model.Person {
			people = append(people, e.ID)
		}
	}
	if len(people) != 2 {
		t.Fatalf("want the two spellings kept apart by resolution, got %d people", len(people))
	}
	dates := arrestDates(t, "before the merge", res.Dossier, 2)
	for _, f := range dates {
		if f.Status != model.SingleSource || len(f.Values) != 1 {
			t.Fatalf("before the merge: %s is %s with %d values", f.SubjectName, f.Status, len(f.Values))
		}
	}
	folded := dates[0]
	if folded.Subject != people[1] {
		folded = dates[1]
	}
	dismiss, err := curate.Record(ctx, st, id, model.Decision{Kind: model.DecisionDismiss, Fact: folded.ID, User: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	merge, err := curate.Record(ctx, st, id, model.Decision{Kind: model.DecisionMerge, Entities: people, User: "ana"})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := p.Reanalyze(ctx, st, id); err != nil {
		t.Fatal(err)
	}
	d, err := st.StoryDossier(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	f := arrestDates(t, "after the merge", d, 1)[0]
	if f.Status != model.Disputed || f.Subject != people[0] {
		t.Errorf("after the merge: fact about %s is %s, want disputed about %s", f.Subject, f.Status, people[0])
	}
	got := map[string]bool{}
	for _, v := range f.Values {
		got[v.Value.Date] = true
	}
	if !got["2024-06-03"] || !got["2024-06-05"] || len(got) != 2 {
		t.Errorf("after the merge: dates %v, want 2024-06-03 and 2024-06-05", got)
	}
	wantStates(t, "after the merge", d, map[int64]model.DecisionState{dismiss.ID: model.DecisionOrphaned, merge.ID: model.DecisionApplied})

	if _, err := curate.Record(ctx, st, id, model.Decision{Kind: model.DecisionUndo, Target: merge.ID, User: "ana"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Reanalyze(ctx, st, id); err != nil {
		t.Fatal(err)
	}
	if d, err = st.StoryDossier(ctx, id); err != nil {
		t.Fatal(err)
	}
	for _, f := range arrestDates(t, "after the undo", d, 2) {
		if f.Status != model.SingleSource {
			t.Errorf("after the undo: %s is %s", f.SubjectName, f.Status)
		}
		if f.ID == folded.ID && (f.Review == nil || f.Review.Verdict != model.VerdictDismissed) {
			t.Errorf("after the undo: the dismissal of %s is not applied again: %+v", f.ID, f.Review)
		}
	}
	wantStates(t, "after the undo", d, map[int64]model.DecisionState{dismiss.ID: model.DecisionApplied, merge.ID: model.DecisionUndone})
}

// arrestDates returns the dossier's date facts of the detention, failing
// unless there are n.
func arrestDates(t *testing.T, when string, d *model.Dossier, n int) []model.Fact {
	t.Helper()
	var out []model.Fact
	for _, f := range d.Facts {
		if f.Attribute == "detained/date" {
			out = append(out, f)
		}
	}
	if len(out) != n {
		t.Fatalf("%s: %d detention date facts, want %d", when, len(out), n)
	}
	return out
}

func wantStates(t *testing.T, when string, d *model.Dossier, want map[int64]model.DecisionState) {
	t.Helper()
	for _, x := range d.Decisions {
		if w, ok := want[x.ID]; ok && x.State != w {
			t.Errorf("%s: decision %d (%s) is %s (%s), want %s", when, x.ID, x.Kind, x.State, x.Reason, w)
		}
	}
}

// A split applies before comparison too: once the two spellings are merged
// and the dates compared as one disputed fact, splitting one spelling out
// again gives each entity its own single-source date on re-analysis.
func TestSplitSeparatesFacts(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
	res, err := p.AnalyzeInputs(ctx, st, mergeFixture, "")
	if err != nil {
		t.Fatal(err)
	}
	id := res.Story.ID
	var people []string
	var moved string
	for _, e := range res.Dossier.Entities {
		if e.Type == model.Person {
			people = append(people, e.ID)
			moved = e.Name
		}
	}
	if len(people) != 2 {
		t.Fatalf("want two people, got %d", len(people))
	}
	if _, err := curate.Record(ctx, st, id, model.Decision{Kind: model.DecisionMerge, Entities: people, User: "ana"}); err != nil {
		t.Fatal(err)
	}
	d, err := p.Reanalyze(ctx, st, id)
	if err != nil {
		t.Fatal(err)
	}
	if f := arrestDates(t, "after the merge", d, 1)[0]; f.Status != model.Disputed {
		t.Fatalf("after the merge: %s", f.Status)
	}
	split, err := curate.Record(ctx, st, id, model.Decision{Kind: model.DecisionSplit, Entities: people[:1], Names: []string{moved}, User: "ben"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Reanalyze(ctx, st, id); err != nil {
		t.Fatal(err)
	}
	if d, err = st.StoryDossier(ctx, id); err != nil {
		t.Fatal(err)
	}
	subjects := map[string]bool{}
	for _, f := range arrestDates(t, "after the split", d, 2) {
		subjects[f.Subject] = true
		if f.Status != model.SingleSource || len(f.Values) != 1 {
			t.Errorf("after the split: %s is %s with %d values", f.SubjectName, f.Status, len(f.Values))
		}
	}
	if !subjects[people[0]] || !subjects[curate.SplitID(people[0], split.ID)] {
		t.Errorf("after the split: subjects %v, want %s and its split", subjects, people[0])
	}
	wantStates(t, "after the split", d, map[int64]model.DecisionState{split.ID: model.DecisionApplied})
}
