package resolve_test

import (
	"testing"

	"github.com/parallaxnews/parallax/resolve"
)

// TestAntecedent walks the one pronoun rule through the cases its three
// callers rely on.
func TestAntecedent(t *testing.T) {
	near := func(before int, fits bool) resolve.Candidate {
		return resolve.Candidate{Before: before, InReach: true, Fits: fits, Mentions: 1}
	}
	for _, c := range []struct {
		name  string
		cands []resolve.Candidate
		rule  resolve.AntecedentRule
		want  int
	}{
		{"the latest fitting one in reach", []resolve.Candidate{near(10, true), near(40, true), near(50, false)}, resolve.AntecedentRule{}, 1},
		{"the earlier on the same position", []resolve.Candidate{near(10, true), near(10, true)}, resolve.AntecedentRule{}, 0},
		{"out of reach, no fallback", []resolve.Candidate{{Before: 10, Fits: true, Mentions: 5, Salient: true}}, resolve.AntecedentRule{}, -1},
		{"out of reach, the most mentioned salient fitting one", []resolve.Candidate{
			{Before: 10, Fits: true, Mentions: 5, Salient: true},
			{Before: 20, Fits: true, Mentions: 7, Salient: false},
			{Before: -1, Fits: false, Mentions: 9, Salient: true},
			{Before: -1, Fits: true, Mentions: 6, Salient: true},
		}, resolve.AntecedentRule{Fallback: true}, 3},
		{"the heavier before the nearer", []resolve.Candidate{{Before: 10, InReach: true, Fits: true, Weight: 5}, {Before: 30, InReach: true, Fits: true, Weight: 2}}, resolve.AntecedentRule{MinWeight: 1, Margin: 1.5}, 0},
		{"too close to call", []resolve.Candidate{{Before: 10, InReach: true, Fits: true, Weight: 3}, {Before: 30, InReach: true, Fits: true, Weight: 2}}, resolve.AntecedentRule{MinWeight: 1, Margin: 1.5}, -1},
		{"too light", []resolve.Candidate{{Before: 10, InReach: true, Fits: true, Weight: 0.5}}, resolve.AntecedentRule{MinWeight: 1, Margin: 1.5}, -1},
		{"nobody", nil, resolve.AntecedentRule{Fallback: true}, -1},
	} {
		if got := resolve.Antecedent(c.cands, c.rule); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
