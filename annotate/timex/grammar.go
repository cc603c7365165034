package timex

import (
	"time"
)

// nodeKind is what a matched expression means before it is placed on the
// calendar.
type nodeKind uint8

const (
	kDate     nodeKind = iota + 1 // day, month and maybe year: "January 3", "3 Jan 2022"
	kMonth                        // month and maybe year: "February", "May 1984"
	kYear                         // "2008", "this year", "two years ago"
	kDecade                       // "the 1940s"
	kWeekday                      // "Sunday", "last Monday", "next Tuesday"
	kRelDay                       // "yesterday", "two days ago"
	kRelWeek                      // "last week", "three weeks ago"
	kRelMonth                     // "last month", "next month"
	kRelYear                      // "last year", "next year"
	kPrevDay                      // "the day before", "two days later": from the previous date
	kWeekend                      // "the weekend", "last weekend"
	kTime                         // "4 pm", "16:00"
	kRange                        // "January 4-6", "from 4 to 6 January"
)

// node is one matched expression, not yet resolved against a date.
type node struct {
	kind  nodeKind
	year  int // 0 when the text gives none
	month time.Month
	day   int
	// weekday is set for kWeekday, and for a date that names its weekday
	// ("Friday, December 31"), where it helps pick the year; -1 otherwise.
	weekday time.Weekday
	// shift is the calendar step: -1 last/previous, 0 this/bare, +1 next,
	// or the signed count of a relative expression ("two days ago" -2).
	shift   int
	shifted bool // an explicit last/this/next word was present
	// relYear says the year is the reference year plus yearOff ("in April
	// this year", "March 3 last year").
	relYear  bool
	yearOff  int
	hour     int
	minute   int
	lo, hi   *node
	modifier string
	// i, j are the first and one-past-last token indexes.
	i, j int
}

// parser matches the grammar over one sentence's tokens.
type parser struct {
	lx   *lexicon
	toks []tok
}

func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.toks[i].low
}

func (p *parser) punct(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && p.toks[i].low == s
}

func (p *parser) isNum(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].kind == tNum }

// lowAt is the lower-case text of any token, "" outside the sentence.
func (p *parser) lowAt(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].low
}

// match returns the longest expression starting at token i.
func (p *parser) match(i int) (node, bool) {
	best := node{}
	found := false
	try := func(n node, ok bool) {
		if ok && (!found || n.j > best.j) {
			best, found = n, true
		}
	}
	try(p.prefixed(i))
	try(p.rangeExpr(i))
	try(p.dateExpr(i))
	try(p.relative(i))
	try(p.weekdayExpr(i))
	try(p.timeExpr(i))
	return best, found
}

// prefixed handles a modifier or hedge before a core expression: "early
// January", "late Monday", "the end of July", "mid-February", "more than two
// years ago", "around 4 pm".
func (p *parser) prefixed(i int) (node, bool) {
	lx := p.lx
	w := p.word(i)
	// "the end of July", "the beginning of the year".
	k := i
	if lx.the[w] {
		k++
	}
	if mod, ok := lx.periodParts[p.word(k)]; ok && (lx.of[p.word(k+1)] || !lx.periodPartsNeedOf) {
		next := k + 1
		if lx.of[p.word(k+1)] {
			next = k + 2
		}
		if n, ok := p.period(next); ok {
			n.modifier = mod
			n.i = i
			return n, true
		}
	}
	if mod, ok := lx.modifiers[w]; ok {
		k := i + 1
		if p.punct(k, "-") {
			k++
		}
		if n, ok := p.period(k); ok {
			n.modifier = mod
			n.i = i
			return n, true
		}
	}
	// Hedges: only before times and counted relative expressions.
	k = -1
	switch {
	case lx.approx[w]:
		k = i + 1
	case lx.approxPhrases[w]:
		k = i + 1
	case lx.approxPhrases[phrase(w, p.word(i+1))]:
		k = i + 2
	}
	if k > 0 {
		if n, ok := p.timeExpr(k); ok {
			n.modifier, n.i = "approx", i
			return n, true
		}
		if n, ok := p.relative(k); ok && n.shift != 0 && isCounted(n) {
			n.modifier, n.i = "approx", i
			return n, true
		}
	}
	return node{}, false
}

// isCounted reports whether n came from "N units ago/later".
func isCounted(n node) bool {
	switch n.kind {
	case kRelDay, kRelWeek, kRelMonth, kRelYear, kPrevDay:
		return true
	}
	return false
}

// period is what a modifier can apply to: a month, a year, a weekday, a
// relative period ("this month", "last year", "the year").
func (p *parser) period(i int) (node, bool) {
	if n, ok := p.dateExpr(i); ok && (n.kind == kMonth || n.kind == kYear || n.kind == kDecade) {
		return n, true
	}
	if n, ok := p.monthAlone(i, true); ok {
		return n, true
	}
	if n, ok := p.relative(i); ok {
		return n, true
	}
	if n, ok := p.weekdayExpr(i); ok {
		return n, true
	}
	// "the year", "the month", "the week": the current one.
	if p.lx.the[p.word(i)] {
		switch p.lx.units[p.word(i+1)] {
		case unitYear:
			return node{kind: kRelYear, i: i, j: i + 2}, true
		case unitMonth:
			return node{kind: kRelMonth, i: i, j: i + 2}, true
		case unitWeek:
			return node{kind: kRelWeek, i: i, j: i + 2}, true
		}
	}
	return node{}, false
}

// rangeExpr matches two dates joined by to/until/-: "January 4-6", "from 4
// to 6 January", "the 4th to the 6th of January", "from March 1 to March 5",
// "between 4 and 6 January".
func (p *parser) rangeExpr(i int) (node, bool) {
	lx := p.lx
	start := i
	between := false
	if lx.rangeFrom[p.word(i)] {
		i++
	} else if lx.rangeBetween[p.word(i)] {
		i++
		between = true
	}
	// Day-only first half: "4 to 6 January", "the 4th to the 6th of January".
	if d1, k, ok := p.dayNumber(i); ok {
		if sep, ok := p.rangeSep(k, between); ok {
			if hi, ok := p.dayFirstDate(sep); ok && hi.kind == kDate {
				lo := hi
				lo.day, lo.i, lo.j = d1, i, k
				if validDate(hi.year, hi.month, d1) && d1 < hi.day {
					return node{kind: kRange, lo: &lo, hi: &hi, i: start, j: hi.j}, true
				}
			}
		}
	}
	lo, ok := p.dateExpr(i)
	if !ok || lo.kind != kDate && lo.kind != kMonth {
		return node{}, false
	}
	// "January 4-6": month-first date followed by a bare day number.
	if lo.kind == kDate && lo.year == 0 && (p.punct(lo.j, "-") || p.punct(lo.j, "–") || lx.rangeTo[p.word(lo.j)] && !lx.rangeAnd[p.word(lo.j)]) && p.isNum(lo.j+1) {
		d2, k, ok := p.dayNumber(lo.j + 1)
		if ok && d2 > lo.day && !validMonth(lx.months[p.word(k)]) {
			hi := lo
			hi.day, hi.i, hi.j = d2, lo.j+1, k
			if y, k2, ok := p.yearAfterComma(k); ok {
				lo.year, hi.year, hi.j = y, y, k2
			}
			if lx.rangeFrom[p.word(start)] || lx.rangeBetween[p.word(start)] || !p.isNum(k) {
				return node{kind: kRange, lo: &lo, hi: &hi, i: start, j: hi.j}, true
			}
		}
	}
	sep, ok := p.rangeSep(lo.j, between)
	if !ok {
		return node{}, false
	}
	hi, ok := p.dateExpr(sep)
	if !ok || hi.kind != lo.kind {
		return node{}, false
	}
	// A plain "X and Y" is a list, not a range, unless "between" opened it.
	if lx.rangeAnd[p.word(lo.j)] && !between {
		return node{}, false
	}
	if start == i && !(p.punct(lo.j, "-") || p.punct(lo.j, "–")) && p.word(lo.j) != "to" && p.word(lo.j) != "through" {
		// "January 3 until January 7" without "from" reads as two dates.
		return node{}, false
	}
	if lo.year == 0 {
		lo.year = hi.year
	}
	return node{kind: kRange, lo: &lo, hi: &hi, i: start, j: hi.j}, true
}

// rangeSep matches the word or dash between the halves of a range and
// returns the index after it.
func (p *parser) rangeSep(i int, between bool) (int, bool) {
	lx := p.lx
	if between {
		if lx.rangeAnd[p.word(i)] {
			return i + 1, true
		}
		return 0, false
	}
	if p.punct(i, "-") || p.punct(i, "–") || p.punct(i, "—") {
		return i + 1, true
	}
	if w := p.word(i); w != "" && lx.rangeTo[w] && !lx.rangeAnd[w] {
		return i + 1, true
	}
	return 0, false
}

func validMonth(m time.Month) bool { return m >= time.January && m <= time.December }
