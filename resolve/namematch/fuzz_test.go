package namematch_test

import (
	"testing"

	"github.com/parallaxnews/parallax/resolve/namematch"
)

// FuzzCompare checks that no pair of names panics the matcher, that Match
// agrees with Compare, and that the acronym helpers accept any text.
//
//	go test ./resolve/namematch -run '^$' -fuzz FuzzCompare -fuzztime 60s
func FuzzCompare(f *testing.F) {
	for _, p := range [][2]string{
		{"Bakyt Zhumaliyev", "Zhumaliev"}, {"Жапаров", "Sadyr Japarov"}, {"KNB", "State Committee for National Security"},
		{"", ""}, {"A", "a"}, {"Mr. J. R. R. Tolkien", "Tolkien"}, {"al-Assad", "Assad"}, {"O'Brien-Smith", "Obrien"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := namematch.Compare(a, b)
		if namematch.Match(a, b) != r.Match {
			t.Fatalf("Match and Compare disagree on %q, %q", a, b)
		}
		namematch.CompareInflected(namematch.Parts(a), namematch.Parts(b))
		namematch.IsAcronym(a)
		namematch.Initials(b)
		namematch.AcronymOf(a, b)
	})
}
