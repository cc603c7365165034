package timex

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// tense is the time orientation of the clause around an expression.
type tense int8

const (
	tenseNone   tense = 0
	tensePast   tense = -1
	tenseFuture tense = 1
)

// cueWindow is how many tokens away a tense cue may be and still count.
const cueWindow = 14

// tenseAround finds the nearest tense cue to tokens [i, j) within the
// sentence. The nearest verb is a better guide than the sentence as a
// whole: "said Thursday that he will appear on January 3" has both.
func (p *parser) tenseAround(i, j int) tense {
	best, bestDist := tenseNone, cueWindow+1
	for k := max(0, i-cueWindow); k < min(len(p.toks), j+cueWindow); k++ {
		if k >= i && k < j {
			continue
		}
		tn := p.cueAt(k)
		if tn == tenseNone {
			continue
		}
		d := i - k
		if k >= j {
			d = k - j + 1 // ties go to the cue before the expression
		}
		if d < bestDist {
			best, bestDist = tn, d
		}
	}
	return best
}

// cueAt is the tense cue of token k, if any.
func (p *parser) cueAt(k int) tense {
	t := p.toks[k]
	if t.kind != tWord {
		return tenseNone
	}
	lx := p.lx
	if lx.future[t.low] {
		return tenseFuture
	}
	if k+1 < len(p.toks) && lx.futurePair[phrase(t.low, p.word(k+1))] {
		return tenseFuture
	}
	// "won't" is "won" + "'" + "t".
	if t.low == "won" && p.punct(k+1, "'") && p.word(k+2) == "t" {
		return tenseFuture
	}
	pastForm := lx.past[t.low] || lx.regularPast(t.low)
	if !pastForm {
		return tenseNone
	}
	// A participle after a form of "be" (possibly with an adverb between)
	// is passive voice; the auxiliary carries the tense.
	for b := k - 1; b >= max(0, k-2); b-- {
		if lx.beForms[p.lowAt(b)] {
			return tenseNone
		}
		if !strings.HasSuffix(p.lowAt(b), "ly") {
			break
		}
	}
	return tensePast
}

// regularPast reports whether w has a regular past-tense ending.
func (lx *lexicon) regularPast(w string) bool {
	if lx.notPastEd[w] || utf8.RuneCountInString(w) < lx.pastMinLen {
		return false
	}
	for _, suf := range lx.notPastSuffixes {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	for _, suf := range lx.pastSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// resolver places nodes on the calendar for one document.
type resolver struct {
	ref    time.Time
	hasRef bool
	// refAnchor names the reference in Anchor: "published 2022-01-11" or
	// "inferred reference 2022-01-10".
	refAnchor string
	// prev is the last day-precise date seen in the text, for "the day
	// before"; prevOK says whether there is one.
	prev   time.Time
	prevOK bool
}

func newResolver(ref model.Reference) *resolver {
	r := &resolver{}
	if ref.Date == "" {
		return r
	}
	t, err := time.Parse("2006-01-02", ref.Date)
	if err != nil {
		return r
	}
	r.ref, r.hasRef = t, true
	if ref.Inferred {
		r.refAnchor = "inferred reference " + ref.Date
	} else {
		r.refAnchor = "published " + ref.Date
	}
	return r
}

// resolved is a node's calendar value.
type resolved struct {
	value  string
	gran   model.Granularity
	anchor string
	day    time.Time // the day meant, when the value is day- or time-precise
	hasDay bool
}

const noReference = "no reference date"

func isoDay(t time.Time) string { return t.Format("2006-01-02") }

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func isoMonth(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// resolve gives n its value. tn is the tense around it; sameSentenceDay is
// the day of another expression in the sentence (for clock times).
func (r *resolver) resolve(n node, tn tense, sentenceDay *time.Time) resolved {
	switch n.kind {
	case kDate, kMonth:
		if n.relYear && r.hasRef {
			n.year = r.ref.Year() + n.yearOff
			res := r.resolve(node{kind: n.kind, year: n.year, month: n.month, day: n.day, weekday: -1}, tn, sentenceDay)
			res.anchor = r.refAnchor
			return res
		}
	}
	switch n.kind {
	case kDate:
		if n.year != 0 {
			d := date(n.year, n.month, n.day)
			return resolved{value: isoDay(d), gran: model.GranDay, day: d, hasDay: true}
		}
		if !r.hasRef {
			return resolved{value: fmt.Sprintf("XXXX-%02d-%02d", int(n.month), n.day), gran: model.GranDay, anchor: noReference}
		}
		d := r.inferYear(n.month, n.day, n.weekday, tn)
		return resolved{value: isoDay(d), gran: model.GranDay, anchor: r.refAnchor, day: d, hasDay: true}
	case kMonth:
		if n.year != 0 {
			return resolved{value: isoMonth(n.year, n.month), gran: model.GranMonth}
		}
		if !r.hasRef {
			return resolved{value: fmt.Sprintf("XXXX-%02d", int(n.month)), gran: model.GranMonth, anchor: noReference}
		}
		y := r.inferMonthYear(n.month, n, tn)
		return resolved{value: isoMonth(y, n.month), gran: model.GranMonth, anchor: r.refAnchor}
	case kYear:
		return resolved{value: fmt.Sprintf("%04d", n.year), gran: model.GranYear}
	case kDecade:
		return resolved{value: fmt.Sprintf("%04d/%04d", n.year, n.year+9), gran: model.GranRange}
	}
	if n.kind == kTime {
		return r.resolveTime(n, sentenceDay)
	}
	if n.kind == kRange {
		return r.resolveRange(n, tn)
	}
	if n.kind == kPrevDay {
		base, anchor := r.ref, r.refAnchor
		if r.prevOK {
			base, anchor = r.prev, "previous date "+isoDay(r.prev)
		} else if !r.hasRef {
			return resolved{anchor: noReference, gran: model.GranDay}
		}
		d := base.AddDate(0, 0, n.shift)
		return resolved{value: isoDay(d), gran: model.GranDay, anchor: anchor, day: d, hasDay: true}
	}
	// Everything below is deictic: it needs the reference date.
	if !r.hasRef {
		return resolved{anchor: noReference, gran: granOf(n.kind)}
	}
	ref := r.ref
	out := resolved{anchor: r.refAnchor, gran: granOf(n.kind)}
	switch n.kind {
	case kRelDay:
		d := ref.AddDate(0, 0, n.shift)
		out.value, out.day, out.hasDay = isoDay(d), d, true
	case kRelWeek:
		out.value = isoWeek(ref.AddDate(0, 0, 7*n.shift))
	case kRelMonth:
		d := date(ref.Year(), ref.Month(), 1).AddDate(0, n.shift, 0)
		out.value = isoMonth(d.Year(), d.Month())
	case kRelYear:
		out.value = fmt.Sprintf("%04d", ref.Year()+n.shift)
	case kWeekday:
		d := r.weekday(n.weekday, n.shift, n.shifted, tn)
		out.value, out.day, out.hasDay = isoDay(d), d, true
	case kWeekend:
		sat := r.weekend(n.shift, n.shifted, tn)
		out.value = isoDay(sat) + "/" + isoDay(sat.AddDate(0, 0, 1))
	}
	return out
}

func granOf(k nodeKind) model.Granularity {
	switch k {
	case kRelWeek:
		return model.GranWeek
	case kRelMonth, kMonth:
		return model.GranMonth
	case kRelYear, kYear:
		return model.GranYear
	case kWeekend, kRange, kDecade:
		return model.GranRange
	case kTime:
		return model.GranTime
	}
	return model.GranDay
}

// inferYear picks the year of a day-and-month date from the reference date
// and the tense. A named weekday decides when it matches exactly one
// candidate year. Past events are never pushed into the next year: an
// article of 2022-01-11 saying someone "was detained on December 28" means
// 2021-12-28.
func (r *resolver) inferYear(m time.Month, d int, wd time.Weekday, tn tense) time.Time {
	ref := r.ref
	var cands []time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if validDate(y, m, d) {
			cands = append(cands, date(y, m, d))
		}
	}
	if len(cands) == 0 { // February 29 in no nearby leap year
		return date(ref.Year(), m, min(d, 28))
	}
	if wd >= 0 {
		var match []time.Time
		for _, c := range cands {
			if c.Weekday() == wd {
				match = append(match, c)
			}
		}
		if len(match) == 1 {
			return match[0]
		}
	}
	return pick(cands, ref, tn)
}

// pick chooses among candidate dates: the latest not after ref for the past,
// the earliest not before ref for the future, the nearest otherwise.
func pick(cands []time.Time, ref time.Time, tn tense) time.Time {
	switch tn {
	case tensePast:
		var best time.Time
		ok := false
		for _, c := range cands {
			if !c.After(ref) && (!ok || c.After(best)) {
				best, ok = c, true
			}
		}
		if ok {
			return best
		}
	case tenseFuture:
		var best time.Time
		ok := false
		for _, c := range cands {
			if !c.Before(ref) && (!ok || c.Before(best)) {
				best, ok = c, true
			}
		}
		if ok {
			return best
		}
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if absDays(c, ref) < absDays(best, ref) {
			best = c
		}
	}
	return best
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// inferMonthYear picks the year of a month named without one.
func (r *resolver) inferMonthYear(m time.Month, n node, tn tense) int {
	ref := r.ref
	cur := ref.Year()*12 + int(ref.Month()) - 1
	if n.shifted {
		switch {
		case n.shift < 0: // "last January": the latest one strictly before this month
			for y := ref.Year(); ; y-- {
				if y*12+int(m)-1 < cur {
					return y
				}
			}
		case n.shift > 0:
			for y := ref.Year(); ; y++ {
				if y*12+int(m)-1 > cur {
					return y
				}
			}
		default:
			return ref.Year()
		}
	}
	// Compare months by their first day, with the reference month counting
	// as both past and future.
	cands := []time.Time{date(ref.Year()-1, m, 1), date(ref.Year(), m, 1), date(ref.Year()+1, m, 1)}
	first := date(ref.Year(), ref.Month(), 1)
	return pick(cands, first, tn).Year()
}

// weekday resolves a named weekday. "last Monday" is the Monday of the
// previous week, "next Tuesday" that of the following week; a bare weekday
// is the nearest one in the direction of the tense, the past by default
// (news reports what happened), and the reference day itself when it falls
// on that weekday.
func (r *resolver) weekday(wd time.Weekday, shift int, shifted bool, tn tense) time.Time {
	ref := r.ref
	if shifted {
		monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		d := monday.AddDate(0, 0, 7*shift+(int(wd)+6)%7)
		return d
	}
	diff := int(wd) - int(ref.Weekday())
	if tn == tenseFuture {
		if diff < 0 {
			diff += 7
		}
		return ref.AddDate(0, 0, diff)
	}
	if diff > 0 {
		diff -= 7
	}
	return ref.AddDate(0, 0, diff)
}

// weekend returns the Saturday of the weekend meant.
func (r *resolver) weekend(shift int, shifted bool, tn tense) time.Time {
	ref := r.ref
	future := shift > 0 || (tn == tenseFuture && (!shifted || shift == 0))
	if future {
		diff := (int(time.Saturday) - int(ref.Weekday()) + 7) % 7
		if ref.Weekday() == time.Sunday {
			diff = -1 // still this weekend
		}
		return ref.AddDate(0, 0, diff)
	}
	sinceSaturday := (int(ref.Weekday()) - int(time.Saturday) + 7) % 7
	return ref.AddDate(0, 0, -sinceSaturday)
}

// resolveTime places a clock time on the day of another expression in the
// same sentence, or else on the reference date.
func (r *resolver) resolveTime(n node, sentenceDay *time.Time) resolved {
	clock := fmt.Sprintf("T%02d:%02d", n.hour, n.minute)
	switch {
	case sentenceDay != nil:
		return resolved{value: isoDay(*sentenceDay) + clock, gran: model.GranTime, anchor: "date in sentence " + isoDay(*sentenceDay), day: *sentenceDay, hasDay: true}
	case r.hasRef:
		return resolved{value: isoDay(r.ref) + clock, gran: model.GranTime, anchor: r.refAnchor, day: r.ref, hasDay: true}
	}
	return resolved{value: "XXXX-XX-XX" + clock, gran: model.GranTime, anchor: noReference}
}

// resolveRange resolves both ends of a range; a missing year is inferred
// once, for the end, and the start follows it.
func (r *resolver) resolveRange(n node, tn tense) resolved {
	lo, hi := *n.lo, *n.hi
	if hi.year == 0 && r.hasRef {
		switch hi.kind {
		case kDate:
			hi.year = r.inferYear(hi.month, hi.day, hi.weekday, tn).Year()
		case kMonth:
			hi.year = r.inferMonthYear(hi.month, hi, tn)
		}
	}
	if lo.year == 0 && hi.year != 0 {
		lo.year = hi.year
		if lo.month > hi.month {
			lo.year--
		}
	}
	a := r.resolve(lo, tn, nil)
	b := r.resolve(hi, tn, nil)
	out := resolved{value: a.value + "/" + b.value, gran: model.GranRange, day: a.day, hasDay: a.hasDay}
	if n.lo.year == 0 || n.hi.year == 0 {
		out.anchor = r.refAnchor
		if !r.hasRef {
			out.anchor = noReference
		}
	}
	return out
}
