package timex

import "time"

// dateExpr matches an absolute date, month or year, with an optional
// weekday in front: "Wednesday, July 28, 2004", "Tue, 16 Aug 2011",
// "Thursday, May 2", "3 January 2022", "Jan. 3", "01/03/2022",
// "2022-01-09", "May 1984", "2008", "the 1940s".
func (p *parser) dateExpr(i int) (node, bool) {
	lx := p.lx
	if wd, ok := lx.weekdays[p.word(i)]; ok {
		k := i + 1
		if p.punct(k, ".") {
			k++
		}
		if p.punct(k, ",") {
			k++
		}
		if n, ok := p.coreDate(k); ok && n.kind == kDate {
			n.weekday, n.i = wd, i
			return n, true
		}
		return node{}, false
	}
	return p.coreDate(i)
}

// coreDate matches a date without a weekday, and a year given relative to
// the reference after it: "in April this year", "on March 3 last year",
// Russian "в апреле этого года", "12 мая прошлого года".
func (p *parser) coreDate(i int) (node, bool) {
	n, ok := p.plainDate(i)
	if ok && n.year == 0 && (n.kind == kDate || n.kind == kMonth) {
		if sh, isShift := p.lx.shifters[p.word(n.j)]; isShift && p.lx.units[p.word(n.j+1)] == unitYear {
			n.relYear, n.yearOff = true, sh
			n.j += 2
		}
	}
	return n, ok
}

// plainDate matches a date without a weekday or relative year.
func (p *parser) plainDate(i int) (node, bool) {
	if n, ok := p.numericDate(i); ok {
		return n, true
	}
	if n, ok := p.monthFirstDate(i); ok {
		return n, true
	}
	if n, ok := p.dayFirstDate(i); ok {
		return n, true
	}
	if n, ok := p.yearExpr(i); ok {
		return n, true
	}
	return p.monthAlone(i, false)
}

// numericDate matches "2022-01-09", "01/03/2022", "12/23/12" and
// "14.02.2023".
func (p *parser) numericDate(i int) (node, bool) {
	t := p.toks
	if !p.isNum(i) || i+4 >= len(t) || !p.isNum(i+2) || !p.isNum(i+4) {
		return node{}, false
	}
	sep := t[i+1].low
	if t[i+2].low == "" || t[i+3].low != sep || !t[i+1].glued || !t[i+2].glued || !t[i+3].glued || !t[i+4].glued {
		return node{}, false
	}
	// Do not read part of a longer number chain ("1.2.3.4", "2022-01-09-2").
	// A sentence-final period after "14.02.2023." is fine.
	if i+5 < len(t) && t[i+5].glued && (t[i+5].kind == tNum || t[i+5].low == sep && i+6 < len(t) && t[i+6].glued && t[i+6].kind == tNum) {
		return node{}, false
	}
	if i > 0 && t[i].glued && (t[i-1].kind == tNum || t[i-1].low == sep) {
		return node{}, false
	}
	a, b, c := t[i].num, t[i+2].num, t[i+4].num
	var y, m, d int
	switch {
	case sep == "-" && t[i].digits == 4:
		y, m, d = a, b, c
	case (sep == "/" || sep == "." || sep == "-") && (t[i+4].digits == 4 || t[i+4].digits == 2):
		y = c
		if t[i+4].digits == 2 {
			y = twoDigitYear(c)
		}
		dayFirst := sep == "." || p.lx.numericDayFirst
		if a > 12 {
			dayFirst = true
		} else if b > 12 {
			dayFirst = false
		}
		if dayFirst {
			d, m = a, b
		} else {
			m, d = a, b
		}
	default:
		return node{}, false
	}
	if !validDate(y, time.Month(m), d) {
		return node{}, false
	}
	return node{kind: kDate, year: y, month: time.Month(m), day: d, weekday: -1, i: i, j: i + 5}, true
}

func twoDigitYear(y int) int {
	if y < 50 {
		return 2000 + y
	}
	return 1900 + y
}

// monthName matches a month name or abbreviation, with its optional
// abbreviation dot, and returns the index after it.
func (p *parser) monthName(i int) (time.Month, int, bool) {
	w := p.word(i)
	m, ok := p.lx.months[w]
	if !ok {
		return 0, 0, false
	}
	// Month names are proper nouns in English: "may" and "march" in lower
	// case are a verb and a noun.
	if p.lx.capitalisedMonths && !p.toks[i].upper {
		return 0, 0, false
	}
	k := i + 1
	// The abbreviation's dot, glued ("Jan. 3") or, in tokenised text, not
	// ("Jan . 3").
	if !p.lx.fullNames[w] && p.punct(k, ".") && (p.toks[k].glued || p.isNum(k+1)) {
		k++
	}
	return m, k, true
}

// dayNumber matches a day of the month: "3", "3rd", "the 3rd", "third".
func (p *parser) dayNumber(i int) (int, int, bool) {
	k := i
	if p.lx.the[p.word(k)] {
		k++
	}
	if p.isNum(k) && p.toks[k].digits <= 2 {
		d := p.toks[k].num
		k++
		if k < len(p.toks) && p.toks[k].glued && p.lx.ordinalSuffix[p.word(k)] {
			k++
		} else if k > i+1 {
			return 0, 0, false // "the 3" is not a day
		}
		if d >= 1 && d <= 31 {
			return d, k, true
		}
		return 0, 0, false
	}
	if d, ok := p.lx.ordinalWords[p.word(k)]; ok && k > i {
		return d, k + 1, true
	}
	return 0, 0, false
}

// yearAfterComma matches ", 2022" or " 2022" after a date and returns the
// index after it.
func (p *parser) yearAfterComma(i int) (int, int, bool) {
	k := i
	if p.punct(k, ",") {
		k++
	}
	if p.isNum(k) && p.toks[k].digits == 4 && plausibleYear(p.toks[k].num) {
		// Not the start of a time or a bigger number: "2022 16:00" is fine,
		// "2000,000" is not.
		if k+1 < len(p.toks) && p.toks[k+1].glued && (p.punct(k+1, ",") && p.isNum(k+2) || p.punct(k+1, ":")) {
			return 0, 0, false
		}
		return p.toks[k].num, p.afterYearWord(k + 1), true
	}
	return 0, 0, false
}

// afterYearWord skips a word that belongs to the year before it (Russian
// "года", "году", "г."), returning the index after it.
func (p *parser) afterYearWord(i int) int {
	w := p.word(i)
	if !p.lx.yearWords[w] {
		return i
	}
	if p.punct(i+1, ".") && p.toks[i+1].glued && len([]rune(w)) == 1 {
		return i + 2
	}
	return i + 1
}

func plausibleYear(y int) bool { return y >= 1000 && y <= 2199 }

// monthFirstDate matches "January 3", "Jan. 3, 2022", "May 1st",
// "APRIL 24TH, 2013", "May 1984", "February, 2020".
func (p *parser) monthFirstDate(i int) (node, bool) {
	m, k, ok := p.monthName(i)
	if !ok {
		return node{}, false
	}
	if p.isNum(k) && p.toks[k].digits <= 2 {
		d, k2, ok := p.dayNumber(k)
		// "March 23" yes; "March 23,000" no.
		if ok && !(k2 < len(p.toks) && p.toks[k2].glued && (p.punct(k2, ",") || p.punct(k2, ".")) && p.isNum(k2+1) && p.toks[k2+1].glued) {
			n := node{kind: kDate, month: m, day: d, weekday: -1, i: i, j: k2}
			if y, k3, ok := p.yearAfterComma(k2); ok {
				n.year, n.j = y, k3
			}
			if validDate(yearOr(n.year), m, d) {
				return n, true
			}
		}
	}
	// Month and year: "May 1984", "June, 2012", "June of 2012".
	k2 := k
	if p.lx.of[p.word(k2)] {
		k2++
	}
	if y, k3, ok := p.yearAfterComma(k2); ok && (k2 == k || p.isNum(k2)) {
		return node{kind: kMonth, month: m, year: y, weekday: -1, i: i, j: k3}, true
	}
	return node{}, false
}

// dayFirstDate matches "3 January 2022", "6th June", "the 4th of January",
// "09th June 2013".
func (p *parser) dayFirstDate(i int) (node, bool) {
	d, k, ok := p.dayNumber(i)
	if !ok {
		return node{}, false
	}
	if p.lx.of[p.word(k)] {
		k++
	}
	m, k2, ok := p.monthName(k)
	if !ok {
		return node{}, false
	}
	n := node{kind: kDate, month: m, day: d, weekday: -1, i: i, j: k2}
	if y, k3, ok := p.yearAfterComma(k2); ok {
		n.year, n.j = y, k3
	}
	if !validDate(yearOr(n.year), m, d) {
		return node{}, false
	}
	return n, true
}

// yearOr returns y, or a leap year when y is unknown, so that "February
// 29" without a year is accepted.
func yearOr(y int) int {
	if y == 0 {
		return 2000
	}
	return y
}

func validDate(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// yearExpr matches a bare year in a context that makes it one ("in 2008",
// "the 2012 shooting", "since 1990,") and decades ("the 1940s", "1990s").
func (p *parser) yearExpr(i int) (node, bool) {
	if !p.isNum(i) || p.toks[i].digits != 4 {
		return node{}, false
	}
	y := p.toks[i].num
	t := p.toks
	if y < 1800 || y > 2199 {
		return node{}, false
	}
	// Part of a bigger number or a time: "2,008", "1,2008", "2008:10",
	// "2008.5", "2008-09".
	if i > 0 && t[i].glued && (t[i-1].low == "," || t[i-1].low == "." || t[i-1].low == ":" || t[i-1].low == "$" || t[i-1].kind == tNum) {
		return node{}, false
	}
	if i+1 < len(t) && t[i+1].glued && (t[i+1].low == ":" || t[i+1].low == "," && p.isNum(i+2) || t[i+1].low == "." && p.isNum(i+2) || t[i+1].low == "%") {
		return node{}, false
	}
	// Inside a path or URL ("/2013/may/03/"), not a year of the text.
	if p.punct(i-1, "/") || p.punct(i+1, "/") {
		return node{}, false
	}
	// Decades: "1940s", "the 1940s".
	if i+1 < len(t) && t[i+1].glued && t[i+1].low == "s" {
		if y%10 != 0 {
			return node{}, false
		}
		start := i
		if p.lx.the[p.word(i-1)] {
			start = i - 1
		}
		return node{kind: kDecade, year: y, weekday: -1, i: start, j: i + 2}, true
	}
	prev := p.lowAt(i - 1)
	if p.lx.notYearBefore[prev] {
		return node{}, false
	}
	next := i + 1
	atEnd := next >= len(t) || t[next].kind == tPunct && t[next].low != "-" && t[next].low != "%"
	cue := p.lx.yearCue[prev] || i == 0 || p.lx.months[prev] != 0 && i > 0 && t[i-1].upper || p.lx.yearWords[p.word(i+1)]
	if !cue && !atEnd {
		return node{}, false
	}
	if !cue && i > 0 && t[i-1].kind == tWord && !t[i-1].upper && !atEnd {
		return node{}, false
	}
	// A following unit word means a count: "2008 people" is not a year, but
	// "2012 shooting" may be one. Only plain plural counts are rejected.
	if next < len(t) && t[next].kind == tNum {
		return node{}, false
	}
	if !cue {
		// Only punctuation after, and no cue before: accept only when the
		// previous token is not a word that counts ("than 2008.").
		if i > 0 && t[i-1].kind == tWord && !t[i-1].upper {
			return node{}, false
		}
	}
	return node{kind: kYear, year: y, weekday: -1, i: i, j: p.afterYearWord(i + 1)}, true
}

// monthAlone matches a month name with no day or year: "in February",
// "since January", "early January". A modifier before it (handled by the
// caller) counts as context, so afterModifier skips the context check.
func (p *parser) monthAlone(i int, afterModifier bool) (node, bool) {
	w := p.word(i)
	if !p.lx.fullNames[w] {
		return node{}, false
	}
	m, k, ok := p.monthName(i)
	if !ok {
		return node{}, false
	}
	if !afterModifier {
		prev := p.lowAt(i - 1)
		if !p.lx.monthCue[prev] {
			return node{}, false
		}
		if p.lx.ambiguousMonths[w] && p.lx.the[prev] {
			return node{}, false
		}
		// "sometime in May", "in May": fine. "May 2" is handled elsewhere.
	}
	return node{kind: kMonth, month: m, weekday: -1, i: i, j: k}, true
}
