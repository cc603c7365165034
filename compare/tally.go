package compare

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/model"
)

// A running tally (a death toll, a count of arrests) moves while a story
// unfolds: "rose to 264" on Monday and "passed 432" on Tuesday are two
// levels of one tally, not two accounts that disagree. A count that a
// tally verb (frames/<lang>-tally.txt) carries is marked Running; two
// differing counts of which one is running are a change when the reports
// are dated and the later level is the higher, and no verdict otherwise.

// tallyVerbs are the folded tally verbs of every language.
var tallyVerbs = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, f := range frameLines("-tally.txt") {
		if len(f) == 1 {
			out[lemma(strings.ToLower(f[0]))] = true
		}
	}
	return out
})

// tallyReach is how many words may stand between a tally verb and its
// count ("rose on Monday to 1,498", "возросло в понедельник до 1498").
const tallyReach = 4

// runningTally reports whether the count starting at token c.tok is the
// level a tally verb before it moved to: the verb within tallyReach words
// of it, in the same sentence (tokens from t0), with no number, clause
// punctuation or other verb of the lexicon's kind in between.
func (d *docView) runningTally(c candidate, t0 int) bool {
	verbs := tallyVerbs()
	for k, steps := c.tok-1, 0; k >= t0 && steps <= tallyReach; k, steps = k-1, steps+1 {
		w := d.lower[k]
		if w == "," || w == ";" || w == ":" || w == "." || w == "(" || w == ")" || hasDigit(w) {
			return false
		}
		if verbs[d.lemmaAt(k)] {
			return true
		}
	}
	return false
}

// tallyStatus decides a group whose only conflicts are between a running
// tally's levels (pairs i<j in moving): changed when every such pair is
// dated on two different days and the later report gives the higher
// level, related otherwise. ok is false when there is nothing to decide.
func tallyStatus(vs []model.FactValue, moving [][2]int) (model.Status, string, bool) {
	if len(moving) == 0 {
		return "", "", false
	}
	type level struct {
		i   int
		day string
	}
	ordered := true
	var seen []level
	for _, p := range moving {
		a, b := vs[p[0]], vs[p[1]]
		if a.Date == nil || b.Date == nil || len(*a.Date) < 10 || len(*b.Date) < 10 {
			ordered = false
			break
		}
		da, db := day10(*a.Date), day10(*b.Date)
		if da == db {
			ordered = false
			break
		}
		if db < da {
			a, b, da, db = b, a, db, da
		}
		if interval(b.Value).hi < interval(a.Value).lo {
			ordered = false // a tally that fell: a correction, or two tallies
			break
		}
		seen = append(seen, level{p[0], day10(*vs[p[0]].Date)}, level{p[1], day10(*vs[p[1]].Date)})
	}
	if !ordered {
		p := moving[0]
		why := fmt.Sprintf("%s and %s are levels a running tally reached; the reports do not show which came later", describe(vs[p[0]]), describe(vs[p[1]]))
		return model.Related, why, true
	}
	sort.SliceStable(seen, func(a, b int) bool { return seen[a].day < seen[b].day })
	first, last := seen[0], seen[len(seen)-1]
	why := fmt.Sprintf("the tally rose: %s on %s, %s on %s", describe(vs[first.i]), first.day, describe(vs[last.i]), last.day)
	return model.Changed, why, true
}
