package coref_test

import (
	"math"
	"testing"

	"github.com/parallaxnews/parallax/resolve/coref"
)

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}

// The worked example of Pradhan et al. (2014), "Scoring coreference
// partitions of predicted mentions: a reference implementation", computed
// by hand:
//
//	key:      {a b c} {d e f g}
//	response: {a b} {c d} {f g h i}
func TestPradhanExample(t *testing.T) {
	key := [][]string{{"a", "b", "c"}, {"d", "e", "f", "g"}}
	resp := [][]string{{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}}
	r := coref.Evaluate(key, resp)
	near(t, "MUC R", r.MUC.Recall, 2.0/5)
	near(t, "MUC P", r.MUC.Precision, 2.0/5)
	near(t, "B3 R", r.B3.Recall, (5.0/3+5.0/4)/7)
	near(t, "B3 P", r.B3.Precision, 4.0/8)
	// Best alignment: {abc}-{ab} (φ4 = 4/5) and {defg}-{fghi} (φ4 = 4/8).
	near(t, "CEAFe R", r.CEAFe.Recall, 1.3/2)
	near(t, "CEAFe P", r.CEAFe.Precision, 1.3/3)
	f := func(r, p float64) float64 { return 2 * r * p / (r + p) }
	want := (f(0.4, 0.4) + f((5.0/3+5.0/4)/7, 0.5) + f(0.65, 1.3/3)) / 3
	near(t, "CoNLL", r.CoNLL, want)
}

func TestPerfectAndSingletons(t *testing.T) {
	key := [][]string{{"a", "b"}, {"c"}}
	r := coref.Evaluate(key, [][]string{{"b", "a"}, {"c"}})
	near(t, "CoNLL perfect", r.CoNLL, 1)

	// All singletons: MUC has no links to find (0), B³ recall = (1/2+1/2+1)/3.
	r = coref.Evaluate(key, [][]string{{"a"}, {"b"}, {"c"}})
	near(t, "MUC R", r.MUC.Recall, 0)
	near(t, "MUC F", r.MUC.F1, 0)
	near(t, "B3 R", r.B3.Recall, 2.0/3)
	near(t, "B3 P", r.B3.Precision, 1)
	// CEAF-e: {ab}-{a} φ4=2/3, {c}-{c} φ4=1 → 5/3 over 2 key, 3 response.
	near(t, "CEAFe R", r.CEAFe.Recall, 5.0/6)
	near(t, "CEAFe P", r.CEAFe.Precision, 5.0/9)
}

func TestOneBigCluster(t *testing.T) {
	key := [][]string{{"a", "b"}, {"c", "d"}}
	r := coref.Evaluate(key, [][]string{{"a", "b", "c", "d"}})
	near(t, "MUC R", r.MUC.Recall, 1)
	near(t, "MUC P", r.MUC.Precision, 2.0/3)
	near(t, "B3 P", r.B3.Precision, 0.5)
	near(t, "CEAFe R", r.CEAFe.Recall, (2.0*2/6)/2)
	near(t, "CEAFe P", r.CEAFe.Precision, 2.0*2/6)
}

func TestAssignmentNeedsOptimum(t *testing.T) {
	// {d e} overlaps both response clusters; the one-to-one alignment must
	// give {a b c d} to {a b c} (φ4 = 6/7) and {e} to {d e} (φ4 = 2/3).
	key := [][]string{{"a", "b", "c"}, {"d", "e"}}
	resp := [][]string{{"a", "b", "c", "d"}, {"e"}}
	r := coref.CEAFe(key, resp)
	want := (6.0/7 + 2.0/3) / 2
	near(t, "CEAFe R", r.Recall, want)
}

func TestEmpty(t *testing.T) {
	r := coref.Evaluate(nil, nil)
	if r.CoNLL != 0 || math.IsNaN(r.CoNLL) {
		t.Errorf("empty CoNLL = %v", r.CoNLL)
	}
}
