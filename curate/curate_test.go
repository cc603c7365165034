package curate_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
)

// planted builds a small fictional story: two documents, a person spelt
// three ways (one of them really another man), a town written two ways as
// two entities, and a disputed fact about the person.
func planted() *model.Dossier {
	text1 := "Arman Veller was held in Ostrava. Veller, 40, said little."
	text2 := "Armand Weller was held in Ostrawa. Colonel Weller denied it."
	d := model.NewDossier()
	d.Documents = []model.Document{
		{ID: "doc1", Source: "a.txt", Title: model.Str("Held in Ostrava"), Published: model.Str("2024-05-01"), Text: text1},
		{ID: "doc2", Source: "b.txt", Title: model.Str("Held in Ostrawa"), Published: model.Str("2024-05-02"), Text: text2},
	}
	d.Stories = []model.Story{{ID: "s-1", Title: "Held", Documents: []string{"doc1", "doc2"}}}
	m := func(doc string, text, full string, ent string) model.Mention {
		start := strings.Index(full, text)
		return model.Mention{Span: model.Span{Doc: doc, Start: start, End: start + len(text), Text: text}, Entity: ent}
	}
	d.Entities = []model.Entity{
		{ID: "p1", Type: model.Person, Name: "Arman Veller",
			Variants: []model.Variant{{Text: "Arman Veller", Count: 1, Docs: []string{"doc1"}}, {Text: "Veller", Count: 1, Docs: []string{"doc1"}},
				{Text: "Armand Weller", Count: 1, Docs: []string{"doc2"}}, {Text: "Colonel Weller", Count: 1, Docs: []string{"doc2"}}},
			Mentions: []model.Mention{m("doc1", "Arman Veller", text1, "p1"), m("doc1", "Veller", text1[20:], "p1"),
				m("doc2", "Armand Weller", text2, "p1"), m("doc2", "Colonel Weller", text2, "p1")}},
		{ID: "t1", Type: model.Place, Name: "Ostrava", Variants: []model.Variant{{Text: "Ostrava", Count: 1, Docs: []string{"doc1"}}},
			Mentions: []model.Mention{m("doc1", "Ostrava", text1, "t1")}},
		{ID: "t2", Type: model.Place, Name: "Ostrawa", Variants: []model.Variant{{Text: "Ostrawa", Count: 1, Docs: []string{"doc2"}}},
			Mentions: []model.Mention{m("doc2", "Ostrawa", text2, "t2")}},
	}
	d.Entities[0].Mentions[1].Start += 20
	d.Entities[0].Mentions[1].End += 20
	colonel := d.Entities[0].Mentions[3].Span
	d.Quotes = []model.Quote{{ID: "q1", Speaker: model.Str("p1"), SpeakerRef: &colonel}}
	d.Facts = []model.Fact{{ID: "f-place", Subject: "p1", SubjectName: "Arman Veller", Attribute: "detained/place", Status: model.Disputed,
		Values: []model.FactValue{{Span: model.Span{Doc: "doc1"}, Value: model.Value{Kind: model.KindPlace, Entity: "t1"}},
			{Span: model.Span{Doc: "doc2"}, Value: model.Value{Kind: model.KindPlace, Entity: "t2"}}}}}
	d.Timeline = []model.Event{{ID: "e1", Entities: []string{"p1", "t1", "t2"}}}
	return d
}

var clock = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// decide prepares x against d with earlier decisions ds applied, as the
// store would, and returns the list with x appended (ID assigned).
func decide(t *testing.T, ds []model.Decision, x model.Decision) []model.Decision {
	t.Helper()
	d := planted()
	curate.Apply(d, ds)
	got, err := curate.Prepare(d, "s-1", x, clock.Add(time.Duration(len(ds))*time.Minute))
	if err != nil {
		t.Fatalf("Prepare(%+v): %v", x, err)
	}
	got.ID = int64(len(ds) + 1)
	return append(ds, got)
}

func applied(ds []model.Decision) *model.Dossier {
	d := planted()
	curate.Apply(d, ds)
	return d
}

func entity(d *model.Dossier, id string) *model.Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

func TestMergeRepointsEverything(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "t2"}, User: "ana"})
	d := applied(ds)
	if entity(d, "t2") != nil {
		t.Fatal("t2 still exists after the merge")
	}
	t1 := entity(d, "t1")
	if len(t1.Mentions) != 2 || len(t1.Variants) != 2 || t1.Mentions[1].Entity != "t1" {
		t.Errorf("merged entity: %+v", t1)
	}
	if v := d.Facts[0].Values[1].Value.Entity; v != "t1" {
		t.Errorf("fact value still points at %s", v)
	}
	if got := d.Timeline[0].Entities; !reflect.DeepEqual(got, []string{"p1", "t1"}) {
		t.Errorf("timeline entities = %v", got)
	}
	if d.Decisions[0].State != model.DecisionApplied || d.Decisions[0].Label != "Ostrava + Ostrawa" {
		t.Errorf("decision = %+v", d.Decisions[0])
	}
}

func TestBadDecisionsAreRefused(t *testing.T) {
	d := planted()
	for _, c := range []struct {
		x    model.Decision
		want string
	}{
		{model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "t1"}, User: "ana"}, "itself"},
		{model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1"}, User: "ana"}, "two entities"},
		{model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "nope"}, User: "ana"}, "no entity"},
		{model.Decision{Kind: model.DecisionDismiss, Fact: "f-gone", User: "ana"}, "no fact"},
		{model.Decision{Kind: model.DecisionDismiss, Fact: "f-place"}, "user is empty"},
		{model.Decision{Kind: model.DecisionDismiss, Fact: "f-place", User: "ana\x07"}, "control"},
		{model.Decision{Kind: model.DecisionDismiss, Fact: "f-place", User: "ana", Note: strings.Repeat("x", curate.MaxNote+1)}, "longer"},
		{model.Decision{Kind: model.DecisionSplit, Entities: []string{"p1"}, Names: []string{"Nobody"}, User: "ana"}, "no spelling"},
		{model.Decision{Kind: model.DecisionSplit, Entities: []string{"t1"}, Names: []string{"Ostrava"}, User: "ana"}, "nothing would be left"},
		{model.Decision{Kind: model.DecisionCorrect, Document: "doc1", Field: "published", Value: "yesterday", User: "ana"}, "not YYYY-MM-DD"},
		{model.Decision{Kind: model.DecisionCorrect, Document: "doc1", Field: "text", Value: "x", User: "ana"}, "cannot correct field"},
		{model.Decision{Kind: model.DecisionCorrect, Document: "doc9", Field: "title", Value: "x", User: "ana"}, "no document"},
		{model.Decision{Kind: model.DecisionReprint, Document: "doc1", Of: "doc1", User: "ana"}, "itself"},
		{model.Decision{Kind: model.DecisionUndo, Target: 42, User: "ana"}, "no decision 42"},
		{model.Decision{Kind: "delete", User: "ana"}, "unknown decision"},
	} {
		if _, err := curate.Prepare(d, "s-1", c.x, clock); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Prepare(%+v) = %v; want an error with %q", c.x, err, c.want)
		}
	}
}

func TestSplitMovesSpellingsAndTheirQuotes(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionSplit, Entities: []string{"p1"}, Names: []string{"colonel weller"}, User: "ana"})
	d := applied(ds)
	id := curate.SplitID("p1", 1)
	ne := entity(d, id)
	if ne == nil || len(ne.Mentions) != 1 || ne.Name != "Colonel Weller" || ne.Mentions[0].Entity != id {
		t.Fatalf("split entity: %+v", ne)
	}
	if p := entity(d, "p1"); len(p.Mentions) != 3 {
		t.Errorf("p1 keeps %d mentions, want 3", len(p.Mentions))
	}
	if *d.Quotes[0].Speaker != id {
		t.Errorf("the colonel's quote is still attributed to %s", *d.Quotes[0].Speaker)
	}
}

func TestCorrectionReprintAndUndo(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionCorrect, Document: "doc2", Field: "published", Value: "2024-04-30", User: "ana"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionCorrect, Document: "doc2", Field: "published", Value: "2024-04-29", User: "ben"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionReprint, Document: "doc2", Of: "doc1", User: "ana"})
	d := applied(ds)
	if got := *d.Documents[1].Published; got != "2024-04-29" {
		t.Errorf("published = %s, want the later correction", got)
	}
	if !strings.Contains(d.Documents[1].MetaSources["published"], "ben") {
		t.Errorf("meta source does not say who corrected: %v", d.Documents[1].MetaSources)
	}
	if d.Decisions[0].State != model.DecisionSuperseded || d.Decisions[1].State != model.DecisionApplied {
		t.Errorf("states = %s, %s", d.Decisions[0].State, d.Decisions[1].State)
	}
	if d.Documents[1].DuplicateOf == nil || *d.Documents[1].DuplicateOf != "doc1" {
		t.Errorf("reprint link not applied")
	}
	// The reverse link would make a cycle.
	if _, err := curate.Prepare(d, "s-1", model.Decision{Kind: model.DecisionReprint, Document: "doc1", Of: "doc2", User: "ana"}, clock); err == nil {
		t.Error("a reprint cycle was accepted")
	}
	ds = decide(t, ds, model.Decision{Kind: model.DecisionUndo, Target: 3, User: "ben"})
	d = applied(ds)
	if d.Documents[1].DuplicateOf != nil || d.Decisions[2].State != model.DecisionUndone {
		t.Errorf("undo did not withdraw the reprint link: %+v", d.Decisions[2])
	}
	if _, err := curate.Prepare(d, "s-1", model.Decision{Kind: model.DecisionUndo, Target: 3, User: "ana"}, clock); err == nil {
		t.Error("undoing twice was accepted")
	}
	if _, err := curate.Prepare(d, "s-1", model.Decision{Kind: model.DecisionUndo, Target: 4, User: "ana"}, clock); err == nil {
		t.Error("undoing an undo was accepted")
	}
}

func TestConflictingVerdictsLatestWinsBothShown(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionDismiss, Fact: "f-place", User: "ana", Note: "the towns are one"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionConfirm, Fact: "f-place", User: "ben"})
	d := applied(ds)
	r := d.Facts[0].Review
	if r == nil || r.Verdict != model.VerdictConfirmed || r.User != "ben" || !r.Conflict || len(r.Earlier) != 1 || r.Earlier[0].User != "ana" {
		t.Fatalf("review = %+v", r)
	}
	if d.Decisions[0].State != model.DecisionSuperseded {
		t.Errorf("earlier decision state = %s", d.Decisions[0].State)
	}
	// The same user changing their mind is no conflict.
	ds = decide(t, ds[:1], model.Decision{Kind: model.DecisionConfirm, Fact: "f-place", User: "ana"})
	if applied(ds).Facts[0].Review.Conflict {
		t.Error("one user changing their mind marked as a conflict")
	}
}

func TestOrphanedDecisionIsKept(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionDismiss, Fact: "f-place", User: "ana"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "t2"}, User: "ana"})
	// A re-analysis no longer finds the fact nor the second town.
	d := planted()
	d.Facts = nil
	d.Entities = d.Entities[:2]
	curate.Apply(d, ds)
	if len(d.Decisions) != 2 {
		t.Fatalf("decisions lost: %d", len(d.Decisions))
	}
	for _, x := range d.Decisions {
		if x.State != model.DecisionOrphaned || x.Reason == "" {
			t.Errorf("decision %d: state %s (%s), want orphaned with a reason", x.ID, x.State, x.Reason)
		}
	}
	// When the fact comes back, the decision applies again.
	d = applied(ds)
	if d.Facts[0].Review == nil || d.Decisions[0].State != model.DecisionApplied {
		t.Error("decision did not apply again once its fact came back")
	}
}

func TestApplyIsRepeatable(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "t2"}, User: "ana"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionSplit, Entities: []string{"p1"}, Names: []string{"Colonel Weller"}, User: "ana"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionDismiss, Fact: "f-place", User: "ana"})
	a, b := applied(ds), applied(ds)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("applying the same decisions to the same analysis gave different dossiers")
	}
	for _, x := range a.Decisions {
		if x.State != model.DecisionApplied {
			t.Errorf("decision %d: %s (%s)", x.ID, x.State, x.Reason)
		}
	}
}

func TestCorrectDocumentsBeforeAnalysis(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionCorrect, Document: "doc1", Field: "title", Value: "Fixed", User: "ana"})
	d := planted()
	docs := []*model.Document{&d.Documents[0], &d.Documents[1]}
	docs[0].Raw = []byte("raw")
	curate.CorrectDocuments(docs, ds)
	if *docs[0].Title != "Fixed" || string(docs[0].Raw) != "raw" {
		t.Errorf("title %q, raw %q", *docs[0].Title, docs[0].Raw)
	}
}

// Merges and splits the analysis applied before comparison (MergeEntities)
// are marked applied when the dossier is read, not applied twice nor
// orphaned; an undo of one says the entities stay as they are until the
// story is re-analysed.
func TestMergeEntitiesBeforeComparison(t *testing.T) {
	ds := decide(t, nil, model.Decision{Kind: model.DecisionMerge, Entities: []string{"t1", "t2"}, User: "ana"})
	ds = decide(t, ds, model.Decision{Kind: model.DecisionSplit, Entities: []string{"p1"}, Names: []string{"Colonel Weller"}, User: "ana"})
	d := planted()
	ents, applied := curate.MergeEntities(d.Entities, ds)
	if len(applied) != 2 || applied[0] != ds[0].ID || applied[1] != ds[1].ID {
		t.Fatalf("applied = %v, want both decisions", applied)
	}
	ids := map[string]bool{}
	for _, e := range ents {
		ids[e.ID] = true
	}
	if ids["t2"] || !ids["t1"] || !ids[curate.SplitID("p1", ds[1].ID)] {
		t.Fatalf("entities after merge and split: %v", ids)
	}
	// The analysis built on those entities, read back with the decisions.
	d.Entities, d.EntityDecisions = ents, applied
	curate.Apply(d, ds)
	if len(d.Entities) != len(ents) {
		t.Errorf("applied twice: %d entities, want %d", len(d.Entities), len(ents))
	}
	for _, x := range d.Decisions {
		if x.State != model.DecisionApplied {
			t.Errorf("decision %d %s: %s (%s), want applied", x.ID, x.Kind, x.State, x.Reason)
		}
	}
	ds = decide(t, ds, model.Decision{Kind: model.DecisionUndo, Target: ds[0].ID, User: "ana"})
	curate.Apply(d, ds)
	if x := d.Decisions[0]; x.State != model.DecisionUndone || !strings.Contains(x.Reason, "re-analysed") {
		t.Errorf("undone merge: %s (%s)", x.State, x.Reason)
	}
}
