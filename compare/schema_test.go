package compare_test

import (
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/dossier"
)

// TestFactTypedFieldsAndStableID checks the typed fields of a fact and
// that its ID depends on what it is (frame, event, role, subject,
// measure), not on the words a source used.
func TestFactTypedFieldsAndStableID(t *testing.T) {
	mk := func(id, text string) *model.Annotated { return annotated(id, id, "2025-03-10", text) }
	byRole := func(facts []model.Fact, r model.Role) model.Fact {
		for _, f := range facts {
			if f.Role == r {
				return f
			}
		}
		t.Fatalf("no fact with role %s", r)
		return model.Fact{}
	}
	run := func(a, b string) []model.Fact {
		facts, err := compare.Compare(t.Context(), []*model.Annotated{mk("a", a), mk("b", b)}, nil, compare.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return facts
	}
	one := byRole(run("Twelve people were killed in the blast.", "15 people died, according to the health ministry."), model.RoleCount)
	two := byRole(run("Twelve people died in the blast.", "15 people were killed, according to the health ministry."), model.RoleCount)
	if one.Frame != "death toll" || one.Measure != "people" || one.Event != "story" {
		t.Errorf("frame %q measure %q event %q, want death toll, people, story", one.Frame, one.Measure, one.Event)
	}
	if one.ID != two.ID {
		t.Errorf("IDs differ with the wording: %s, %s", one.ID, two.ID)
	}
	if one.Status != model.Disputed || one.Reason == "" {
		t.Errorf("status %s reason %q, want disputed with a reason", one.Status, one.Reason)
	}
	var reported bool
	for _, v := range one.Values {
		reported = reported || v.Modality == model.Reported
	}
	if !reported {
		t.Error(`"according to the health ministry" gives no reported value`)
	}
	if got := dossier.FactLabel(one); got != "death toll · count (people)" {
		t.Errorf("label %q", got)
	}
}
