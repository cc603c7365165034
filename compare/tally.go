package compare

import (
	"fmt"
	"sort"
	"strconv"
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
	if movingLevels(vs[moving[0][0]], vs[moving[0][1]]) {
		return levelStatus(vs, moving)
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

// movingLevels reports whether a and b are two levels of one percentage
// (a share, an index move): levels move while a story unfolds.
func movingLevels(a, b model.FactValue) bool {
	return a.Value.Kind == model.KindPercent && b.Value.Kind == model.KindPercent
}

// phaseRank orders the phases of a moving level within a day.
var phaseRank = map[model.Phase]int{model.PhaseEarlier: 0, "": 1, model.PhaseFinal: 2}

// levelStatus decides a group of percentages whose only conflicts are
// between levels (pairs i<j in moving). A pair is ordered when the
// sentences place its levels at different points of the day ("at one
// point" 82%, then 65%; 5.4% during the day, "closed" 3.9%), or when its
// reports are dated on different days. When every pair is ordered the
// level moved: changed, with its sequence. Two levels given for one
// point of one dated day ("closed at" in both) are rival accounts:
// ok is false, and the caller disputes them. Otherwise no verdict.
func levelStatus(vs []model.FactValue, moving [][2]int) (model.Status, string, bool) {
	type step struct {
		i     int
		rank  int
		day   string
		phase model.Phase
	}
	var steps []step
	seen := map[int]bool{}
	add := func(i int) {
		if !seen[i] {
			seen[i] = true
			steps = append(steps, step{i: i, rank: phaseRank[vs[i].Phase], day: dayOf(vs[i]), phase: vs[i].Phase})
		}
	}
	for _, p := range moving {
		a, b := vs[p[0]], vs[p[1]]
		da, db := dayOf(a), dayOf(b)
		switch {
		case a.Phase != b.Phase && (da == db || da == "" || db == ""):
			// Ordered within the day by the sentences.
		case da != "" && db != "" && da != db:
			// Ordered by the reports' days.
		case da != "" && da == db && a.Phase == model.PhaseFinal:
			// Two closing levels of one day: rival accounts.
			return "", "", false
		default:
			why := describe(a) + " and " + describe(b) + " are levels of a moving share; the reports do not show which came first"
			return model.Related, why, true
		}
		add(p[0])
		add(p[1])
	}
	sort.SliceStable(steps, func(x, y int) bool {
		a, b := steps[x], steps[y]
		if a.day != b.day && a.day != "" && b.day != "" {
			return a.day < b.day
		}
		return a.rank < b.rank
	})
	var seq []string
	last := ""
	days := map[string]bool{}
	for _, st := range steps {
		days[st.day] = true
	}
	for _, st := range steps {
		d := levelText(vs[st.i].Value)
		switch {
		case st.phase == model.PhaseEarlier:
			d += " (at an earlier point)"
		case st.phase == model.PhaseFinal:
			d += " (at the close)"
		}
		if st.day != "" && len(days) > 1 {
			d += " on " + st.day
		}
		if d != last {
			seq = append(seq, d)
			last = d
		}
	}
	return model.Changed, "the level moved: " + strings.Join(seq, ", then "), true
}

// dayOf is the day a value was reported, "" when undated.
func dayOf(v model.FactValue) string {
	if v.Date == nil || len(*v.Date) < 10 {
		return ""
	}
	return day10(*v.Date)
}

// levelText writes a percentage as a level: "65%", "at most 80%", "2
// percentage points".
func levelText(v model.Value) string {
	n := strconv.FormatFloat(v.Amount, 'f', -1, 64)
	if v.Max > 0 && v.Min == 0 {
		n = "at most " + strconv.FormatFloat(v.Max, 'f', -1, 64)
	}
	if v.Unit == model.UnitPercentage {
		return n + " percentage points"
	}
	return n + "%"
}
