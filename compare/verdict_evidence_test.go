package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// statusOf is the status of the fact of facts holding a value written
// value, and that fact's reason.
func statusOf(facts []model.Fact, value string) (model.Status, string, bool) {
	for _, f := range facts {
		for _, v := range f.Values {
			if v.Text == value {
				return f.Status, f.Reason, true
			}
		}
	}
	return "", "", false
}

// TestDisputeNeedsEvidence plants, in sentences of our own, each
// condition a dispute needs, with a control that still disputes.
func TestDisputeNeedsEvidence(t *testing.T) {
	for _, tc := range []struct {
		name         string
		texts        []string
		value        string
		wantDisputed bool
	}{
		{"control: two sources, one count of one thing",
			[]string{"The storm destroyed 12 houses near the coast on Monday.", "The storm destroyed 40 houses near the coast on Monday."},
			"40 houses", true},
		{"another instance is no rival figure",
			[]string{"The storm destroyed 12 houses near the coast on Monday.", "The storm destroyed another 40 houses near the coast on Monday."},
			"40 houses", false},
		{"a count narrowed to one district against the whole",
			[]string{"The storm destroyed 120 houses on Monday.", "The storm destroyed 40 houses in the northern district on Monday."},
			"40 houses", false},
		{"two players' points",
			[]string{"Ramos scored 23 points in the final on Friday.", "Okafor scored 14 points in the final on Friday."},
			"14 points", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := storyFacts(t, tc.texts...)
			st, reason, ok := statusOf(facts, tc.value)
			if !ok {
				t.Fatalf("no fact holds %q", tc.value)
			}
			if (st == model.Disputed) != tc.wantDisputed {
				t.Errorf("%q: status %s (%s), want disputed=%v", tc.value, st, reason, tc.wantDisputed)
			}
		})
	}
}

// TestDatedElsewhere checks, on sentences of our own, when the parse
// ties a date to another event than its trigger's.
func TestDatedElsewhere(t *testing.T) {
	for _, tc := range []struct {
		text, date, trigger, want string
	}{
		{"Police said the man who killed his neighbour will be questioned on Thursday.", "Thursday", "kill", "questioned"},
		{"The first calls to the police were made on Thursday.", "Thursday", "call", ""},
		{"The man killed his neighbour on Thursday.", "Thursday", "kill", ""},
	} {
		a := parsedDoc(t, "d", tc.text)
		c := &comparer{docs: map[string]*model.Annotated{"d": a}, texts: map[string]string{"d": tc.text}}
		start := strings.Index(tc.text, tc.date)
		v := model.FactValue{Span: model.Span{Doc: "d", Start: start, End: start + len(tc.date), Text: tc.date}, Sentence: a.Doc.Sentences[0], Trigger: tc.trigger, Value: model.Value{Kind: model.KindDate}}
		if got := c.datedElsewhere(v); got != tc.want {
			t.Errorf("%q: date tied to %q, want %q", tc.text, got, tc.want)
		}
	}
}
