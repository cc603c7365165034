package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// factWith is the fact holding the value written text, or nil.
func factWith(facts []model.Fact, text string) *model.Fact {
	for i := range facts {
		for _, v := range facts[i].Values {
			if v.Text == text {
				return &facts[i]
			}
		}
	}
	return nil
}

// TestAnchoredVerdicts: values no frame holds disagree only when the
// parse ties them to one predicate, and the dispute is named by it;
// values of different predicates are two facts, and values dated apart
// by their own clauses are related.
func TestAnchoredVerdicts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		texts  []string
		value  string // a value of the fact checked
		status model.Status
		frame  model.FrameName // the frame a disputed fact is named by
	}{
		{
			name: "one predicate, measured two ways",
			texts: []string{
				"The ferry crossing was slow. The voyage lasted 14 hours, the harbour office said.",
				"The ferry crossing was slow. After 20 hours of the voyage the passengers were exhausted.",
			},
			value: "14 hours", status: model.Disputed, frame: "voyage",
		},
		{
			name: "different predicates of one counted noun",
			texts: []string{
				"Engineers in the harbour repaired four pumps on the quay.",
				"Looters in the harbour stole two pumps on the quay.",
			},
			// Parted by their anchors: two facts of one source each.
			value: "four pumps", status: model.SingleSource,
		},
		{
			name: "one predicate, clauses dated months apart",
			texts: []string{
				"Storms in the north damaged five pylons in January, the grid operator said.",
				"Storms in the north damaged three pylons on Friday, the grid operator said.",
			},
			value: "five pylons", status: model.Related,
		},
		{
			// "the $450 tablet" tells which tablet: the other source's
			// "$1,300 tablet" may be another one of the range.
			name: "values written before their noun",
			texts: []string{
				"The maker unveiled its new tablets in Berlin. Shoppers queued for the $450 tablet outside the store.",
				"The maker unveiled its new tablets in Berlin. Shoppers queued for the $1,300 tablet outside the store.",
			},
			value: "$450", status: model.Related,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := storyFacts(t, tc.texts...)
			f := factWith(facts, tc.value)
			if f == nil {
				t.Fatalf("no fact holds %q", tc.value)
			}
			if f.Status != tc.status {
				t.Fatalf("%s (%s): status %s, want %s (%s)", f.Attribute, f.Frame, f.Status, tc.status, f.Reason)
			}
			if tc.frame != "" && f.Frame != tc.frame {
				t.Errorf("frame %q, want %q (%s)", f.Frame, tc.frame, f.Reason)
			}
			if f.Status == model.Related && !strings.HasPrefix(f.Reason, "no verdict: ") {
				t.Errorf("related fact without a no-verdict reason: %q", f.Reason)
			}
		})
	}
}

// TestSplitByAnchor: counts of one noun that the nearby words put in one
// group but the parse gives to two predicates become two facts when they
// conflict: the lunch counts agree, the counts of the sick disagree.
func TestSplitByAnchor(t *testing.T) {
	facts := storyFacts(t,
		"About 200 pupils ate lunch in the canteen on Monday. By the evening 58 pupils felt sick in the canteen.",
		"More than 200 pupils ate lunch in the canteen on Monday. By the evening at least 90 pupils felt sick in the canteen.",
	)
	lunch, sick := factWith(facts, "About 200 pupils"), factWith(facts, "58 pupils")
	if lunch == nil || sick == nil {
		t.Fatalf("missing facts: lunch %v, sick %v", lunch != nil, sick != nil)
	}
	if lunch == sick {
		t.Fatalf("one fact holds the lunch and the sick counts: %s %s", lunch.Status, lunch.Reason)
	}
	if lunch.Status != model.Agreed {
		t.Errorf("lunch counts: %s, want agreed (%s)", lunch.Status, lunch.Reason)
	}
	if sick.Status != model.Disputed {
		t.Errorf("counts of the sick: %s, want disputed (%s)", sick.Status, sick.Reason)
	}
}

// TestOtherTimes: dates a clause gives meet when one holds the other, they
// are close, or unresolved ones share a word.
func TestOtherTimes(t *testing.T) {
	for _, tc := range []struct {
		a, b []string
		want bool
	}{
		{[]string{"2025-01"}, []string{"2025-05-30"}, true},
		{[]string{"2025-05"}, []string{"2025-05-30"}, false},
		{[]string{"2025", "2025-01"}, []string{"2025-05-30"}, true},
		{[]string{"2025-05-28"}, []string{"2025-05-30"}, false},
		{[]string{"XXXX-01"}, []string{unresolvedTime + "friday morning"}, true},
		{[]string{unresolvedTime + "friday"}, []string{unresolvedTime + "friday morning"}, false},
		{nil, []string{"2025-01"}, false},
	} {
		if got := otherTimes(tc.a, tc.b); got != tc.want {
			t.Errorf("otherTimes(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// FuzzAnchors compares any two parsed texts: no panic, and no fact whose
// values no frame holds is disputed or changed without a predicate the
// parse found in two sources.
func FuzzAnchors(f *testing.F) {
	for _, s := range [][2]string{
		{"The voyage lasted 14 hours.", "After 20 hours of the voyage the crew slept."},
		{"Storms damaged five pylons in January.", "Storms damaged three pylons on Friday."},
		{"1 2 3 4 5 6 7 8 9 10 11 12 people 13 days", "in in in 4 of of 5 on Friday Friday"},
		{"", "."},
	} {
		f.Add(s[0], s[1])
	}
	if _, err := testParser(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		docs := []*model.Annotated{parsedDocOn(t, "a", "2025-06-01", x), parsedDocOn(t, "b", "2025-06-01", y)}
		facts, err := Compare(context.Background(), docs, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range facts {
			if (f.Status == model.Disputed || f.Status == model.Changed) && f.Frame == "" {
				t.Fatalf("%s fact %q has no frame: %s", f.Status, f.Attribute, f.Reason)
			}
		}
	})
}

// TestDesignatedCounts: a count of one model ("AK-47 rifles") is part of a
// count of all the rifles and never disputes it; two counts of one model
// can.
func TestDesignatedCounts(t *testing.T) {
	if !sameCounted("ak-47 rifles", "ak-47 rifles") || sameCounted("ak-47 rifles", "rifles") || sameCounted("f-16 jets", "f-15 jets") {
		t.Fatal("sameCounted does not tell designations apart")
	}
	facts := storyFacts(t,
		"Border guards seized six AK-47 rifles and two pistols at the crossing on Monday.",
		"Border guards seized ten rifles and two pistols at the crossing on Monday.",
	)
	for _, f := range facts {
		if f.Status == model.Disputed {
			t.Errorf("%s disputed: %s", f.Attribute, f.Reason)
		}
	}
}
