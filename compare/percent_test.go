package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// percentFacts compares one parsed document per (published, text) pair
// and returns the percentage facts.
func percentFacts(t *testing.T, docs ...[2]string) []model.Fact {
	t.Helper()
	var as []*model.Annotated
	for i, d := range docs {
		as = append(as, parsedDocOn(t, string(rune('a'+i)), d[0], d[1]))
	}
	facts, err := Compare(context.Background(), as, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Fact
	for _, f := range facts {
		if f.Role == model.RolePercent {
			out = append(out, f)
		}
	}
	return out
}

func percentFact(facts []model.Fact, measure string) *model.Fact {
	for i := range facts {
		if facts[i].Measure == measure {
			return &facts[i]
		}
	}
	return nil
}

// TestPercentFacts: percentages meet only with the same kind (level or
// change), measure and place; a level that moves is changed when the
// sentences or the reports' days order it, related when nothing does,
// and disputed only when two sources give one point of one day. The
// sentences are the project's own.
func TestPercentFacts(t *testing.T) {
	const day1, day2 = "2025-06-01", "2025-06-03"
	t.Run("places and measures apart", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "The storm cut power lines. About 40% of mobile calls in Tromsø failed, and 25% in Bodø."},
			[2]string{day1, "Some 40 per cent of mobile calls in Tromsø failed. Ferry bookings rose 3%."},
			[2]string{day1, "In Bodø 25 percent of mobile calls failed, while ferry bookings fell 7 percent."},
		)
		for _, f := range facts {
			if f.Status == model.Disputed || f.Status == model.Changed {
				t.Errorf("%s %s %s: %s", f.Frame, f.Measure, f.Status, f.Reason)
			}
		}
		if f := percentFact(facts, "call, "+mustCountry(t, "Norway")); f != nil {
			t.Errorf("a share with a town named was keyed by country: %+v", f)
		}
		tromso := 0
		for _, f := range facts {
			if f.Frame == shareAttribute && strings.HasPrefix(f.Measure, "call, ") && f.Status == model.Agreed {
				tromso++
			}
		}
		if tromso != 2 {
			t.Errorf("want the Tromsø and the Bodø shares agreed, each apart: %+v", facts)
		}
	})
	t.Run("ordered by the sentences", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "At one point 70% of mobile calls in Tromsø failed, the operator said."},
			[2]string{day1, "At present 40% of mobile calls in Tromsø fail."},
		)
		if len(facts) != 1 || facts[0].Status != model.Changed || !strings.Contains(facts[0].Reason, "70% (at an earlier point), then 40%") {
			t.Fatalf("want one changed share, 70%% then 40%%: %+v", facts)
		}
	})
	t.Run("ordered by the reports' days", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "Nearly 45 percent of mobile calls in Tromsø failed."},
			[2]string{day2, "30 percent of mobile calls in Tromsø failed."},
		)
		if len(facts) != 1 || facts[0].Status != model.Changed {
			t.Fatalf("want one changed share: %+v", facts)
		}
	})
	t.Run("nothing orders them", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "Nearly 45 percent of mobile calls in Tromsø failed."},
			[2]string{day1, "30 percent of mobile calls in Tromsø failed."},
		)
		if len(facts) != 1 || facts[0].Status != model.Related {
			t.Fatalf("want one related share: %+v", facts)
		}
	})
	t.Run("one close, two levels", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "The Oslo index closed down 2.1 percent on Monday."},
			[2]string{day1, "The Oslo index closed down 3.4 percent on Monday."},
			[2]string{day1, "The Oslo index fell 3.4 percent."},
		)
		if len(facts) != 1 || facts[0].Status != model.Disputed || facts[0].Frame != changeAttribute {
			t.Fatalf("want one disputed change: %+v", facts)
		}
	})
	t.Run("a change never meets a level", func(t *testing.T) {
		facts := percentFacts(t,
			[2]string{day1, "Ferry bookings rose 12 percent."},
			[2]string{day1, "Ferry bookings were 40 percent of all trips."},
		)
		for _, f := range facts {
			if f.Status != model.SingleSource {
				t.Errorf("%s %s %s: %s", f.Frame, f.Measure, f.Status, f.Reason)
			}
		}
	})
}

func mustCountry(t *testing.T, name string) string {
	t.Helper()
	g := gaz()
	if g == nil {
		t.Skip("no gazetteer")
	}
	code, ok := g.Country(name)
	if !ok {
		t.Fatalf("no country %q", name)
	}
	return code
}
