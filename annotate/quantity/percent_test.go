package quantity_test

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// TestPercentages reads percentages as typed values: level or change,
// and what a level is a share of.
// The sentences are the project's own.
func TestPercentages(t *testing.T) {
	type want struct {
		text   string
		amount float64
		unit   string
		of     string
		change bool
	}
	cases := []struct {
		text string
		want []want
	}{
		{"Turnout was 61% and 12 percent voted early.", []want{{"61%", 61, model.UnitPercent, "", false}, {"12 percent", 12, model.UnitPercent, "", false}}},
		{"Some 40 per cent of the orchards were flooded.", []want{{"Some 40 per cent", 40, model.UnitPercent, "orchards", false}}},
		{"Ferry bookings rose 3%, then fell by 2 percentage points.", []want{{"3%", 3, model.UnitPercent, "", true}, {"2 percentage points", 2, model.UnitPercentage, "", true}}},
		{"The index closed down 1. 7 per cent.", []want{{"1. 7 per cent", 1.7, model.UnitPercent, "", true}}},
		{"Grain exports saw a 12% drop in March.", []want{{"12%", 12, model.UnitPercent, "", true}}},
		// A list names what its shares are of once.
		{"At one point as much as 30 pc of the mobile calls in Tromsø, 25 pc in Bodø and 10 pc in Alta failed.", []want{
			{"as much as 30 pc", 30, model.UnitPercent, "mobile calls", false},
			{"25 pc", 25, model.UnitPercent, "mobile calls", false},
			{"10 pc", 10, model.UnitPercent, "mobile calls", false},
		}},
		// An owner before the share is not what it is a share of.
		{"Nearly 70% of the county's wells ran dry, and 20% were saline.", []want{{"Nearly 70%", 70, model.UnitPercent, "wells", false}, {"20%", 20, model.UnitPercent, "", false}}},
		// "of" after a change cue: a share, not a change.
		{"Storms cut 15% of the harvest.", []want{{"15%", 15, model.UnitPercent, "harvest", false}}},
		{"Явка составила 48 процентов, а цены выросли на 7 процентов.", []want{{"48 процентов", 48, model.UnitPercent, "", false}, {"7 процентов", 7, model.UnitPercent, "", true}}},
	}
	for _, cs := range cases {
		qs := extract(t, cs.text)
		if len(qs) != len(cs.want) {
			t.Fatalf("%q: got %d quantities %+v, want %d", cs.text, len(qs), qs, len(cs.want))
		}
		for i, w := range cs.want {
			q := qs[i]
			if q.Kind != model.KindPercent || q.Text != w.text || q.Amount != w.amount || q.Unit != w.unit || q.Of != w.of || q.Change != w.change {
				t.Errorf("%q #%d: got %q %s %g %q of=%q change=%v, want %+v", cs.text, i, q.Text, q.Kind, q.Amount, q.Unit, q.Of, q.Change, w)
			}
		}
	}
	// A hedge is a bound.
	if qs := extract(t, "Up to 80 percent of the lines were cut."); len(qs) != 1 || qs[0].Max != 80 {
		t.Errorf("up to 80 percent: %+v", qs)
	}
	// A sentence end before a number is no decimal point.
	if qs := extract(t, "It fell in 2005. 4 percent of them stayed."); len(qs) != 1 || qs[0].Amount != 4 {
		t.Errorf("sentence end before a percentage: %+v", qs)
	}
}
