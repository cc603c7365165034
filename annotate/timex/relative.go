package timex

import "strings"

// relative matches deictic and relative expressions: "today", "yesterday
// morning", "tonight", "this morning", "last night", "last week", "next
// year", "this month", "the weekend", "two days ago", "a year ago", "the day
// before", "the next day", "three days later", "last January".
func (p *parser) relative(i int) (node, bool) {
	lx := p.lx
	w := p.word(i)
	if w == "" {
		return node{}, false
	}
	if off, ok := lx.relativeDays[w]; ok {
		n := node{kind: kRelDay, shift: off, weekday: -1, i: i, j: i + 1}
		if lx.partsOfDay[p.word(i+1)] {
			n.j++
		}
		return n, true
	}
	// "this morning", "last night".
	if sh, ok := lx.shifters[w]; ok && lx.partsOfDay[p.word(i+1)] && (sh == 0 || lx.night[p.word(i+1)]) {
		return node{kind: kRelDay, shift: sh, weekday: -1, i: i, j: i + 2}, true
	}
	// "last week", "this year", "next month", "last weekend", "last January".
	if sh, ok := lx.shifters[w]; ok && w != "past" {
		switch lx.units[p.word(i+1)] {
		case unitWeek:
			return node{kind: kRelWeek, shift: sh, shifted: true, weekday: -1, i: i, j: i + 2}, true
		case unitMonth:
			return node{kind: kRelMonth, shift: sh, shifted: true, weekday: -1, i: i, j: i + 2}, true
		case unitYear:
			return node{kind: kRelYear, shift: sh, shifted: true, weekday: -1, i: i, j: i + 2}, true
		}
		if lx.weekend[p.word(i+1)] {
			return node{kind: kWeekend, shift: sh, shifted: true, weekday: -1, i: i, j: i + 2}, true
		}
		if lx.fullNames[p.word(i+1)] {
			if m, k, ok := p.monthName(i + 1); ok {
				return node{kind: kMonth, month: m, shift: sh, shifted: true, weekday: -1, i: i, j: k}, true
			}
		}
	}
	// "the weekend"; Russian "выходные" needs no article.
	if lx.the[w] && lx.weekend[p.word(i+1)] {
		return node{kind: kWeekend, weekday: -1, i: i, j: i + 2}, true
	}
	if lx.bareWeekend && lx.weekend[w] {
		return node{kind: kWeekend, weekday: -1, i: i, j: i + 1}, true
	}
	// "the day before", "the next day", "a day later".
	if k, sh, ok := p.dayShiftPhrase(i); ok {
		return node{kind: kPrevDay, shift: sh, weekday: -1, i: i, j: k}, true
	}
	// Counted: "two days ago", "3 weeks ago", "four days later".
	count, k, ok := p.count(i)
	if !ok {
		return node{}, false
	}
	u := lx.units[p.word(k)]
	if u == unitNone {
		return node{}, false
	}
	after := p.word(k + 1)
	switch {
	case lx.ago[after]:
		kinds := map[unit]nodeKind{unitDay: kRelDay, unitWeek: kRelWeek, unitMonth: kRelMonth, unitYear: kRelYear}
		return node{kind: kinds[u], shift: -count, weekday: -1, i: i, j: k + 2}, true
	case u == unitDay && (lx.later[after] || lx.earlier[after]) && p.standsAlone(k+2) &&
		(after == "later" || after == "earlier" || p.endsPhrase(k+2)):
		sh := count
		if lx.earlier[after] {
			sh = -count
		}
		return node{kind: kPrevDay, shift: sh, weekday: -1, i: i, j: k + 2}, true
	}
	return node{}, false
}

// count matches a small number written in digits or words.
func (p *parser) count(i int) (int, int, bool) {
	if p.isNum(i) && p.toks[i].digits <= 3 {
		if i+1 < len(p.toks) && p.toks[i+1].glued {
			return 0, 0, false
		}
		return p.toks[i].num, i + 1, true
	}
	if n, ok := p.lx.numbers[p.word(i)]; ok {
		return n, i + 1, true
	}
	return 0, 0, false
}

// dayShiftPhrase matches "the day before", "the following day" and the
// like, and returns the index after it and the shift in days.
func (p *parser) dayShiftPhrase(i int) (int, int, bool) {
	lx := p.lx
	w3 := phrase(p.word(i), p.word(i+1), p.word(i+2))
	if w3 == "  " {
		return 0, 0, false
	}
	// "the same day", "that day": the previous date itself. "that day"
	// must not run on into a noun ("that day's vote").
	if lx.sameDay[w3] && p.endsOrFunction(i+3) {
		return i + 3, 0, true
	}
	if w2 := phrase(p.word(i), p.word(i+1)); lx.sameDay[w2] && p.endsOrFunction(i+2) {
		return i + 2, 0, true
	}
	sh := 0
	switch {
	case lx.dayBefore[w3]:
		sh = -1
	case lx.dayAfter[w3]:
		sh = 1
	case lx.dayBefore[phrase(p.word(i), p.word(i+1))], lx.dayAfter[phrase(p.word(i), p.word(i+1))]:
		// Two-word phrases: "the eve" (but not "the eve of the vote"),
		// Russian "днём ранее", "днём позже".
		if lx.of[p.word(i+2)] {
			return 0, 0, false
		}
		if lx.dayAfter[phrase(p.word(i), p.word(i+1))] {
			return i + 2, 1, true
		}
		return i + 2, -1, true
	default:
		return 0, 0, false
	}
	if !p.standsAlone(i + 3) {
		return 0, 0, false
	}
	// "the day before" / "the day after" usually take an object ("the day
	// after the vote"); alone they end the phrase.
	if last := p.word(i + 2); (last == "before" || last == "after") && !p.endsPhrase(i+3) {
		return 0, 0, false
	}
	return i + 3, sh, true
}

// endsOrFunction reports whether token i ends the phrase or starts a new
// constituent (punctuation, a preposition, a conjunction, a pronoun, a
// verb-like word), rather than continuing a noun phrase.
func (p *parser) endsOrFunction(i int) bool {
	if p.endsPhrase(i) || !p.lx.checkContinuation {
		return true
	}
	if p.toks[i].kind != tWord {
		return false
	}
	switch p.toks[i].low {
	case "s", "of":
		return false
	}
	return !p.toks[i].upper || p.toks[i].low == "i"
}

// endsPhrase reports whether token i is punctuation or the sentence end.
func (p *parser) endsPhrase(i int) bool {
	return i >= len(p.toks) || p.toks[i].kind == tPunct
}

// standsAlone reports whether the token at i ends a relative phrase rather
// than continuing it with what it is relative to: "the day before," stands
// alone; "the day before the vote" is relative to the vote, not to a date.
func (p *parser) standsAlone(i int) bool {
	if i >= len(p.toks) || !p.lx.checkContinuation {
		return true
	}
	t := p.toks[i]
	if t.kind == tPunct {
		return true
	}
	if t.kind == tNum || t.upper || strings.HasSuffix(t.low, "ing") {
		return false
	}
	return !p.lx.continuers[t.low]
}

// weekdayExpr matches "Sunday", "late Monday" (via prefixed), "last Monday",
// "next Tuesday", "this Friday", "Friday night", "Saturday's".
func (p *parser) weekdayExpr(i int) (node, bool) {
	lx := p.lx
	k := i
	sh, shifted := 0, false
	if s, ok := lx.shifters[p.word(k)]; ok && p.word(k) != "past" {
		if _, ok := lx.weekdays[p.word(k+1)]; ok {
			sh, shifted = s, true
			k++
		}
	}
	w := p.word(k)
	wd, ok := lx.weekdays[w]
	if !ok || !lx.fullNames[w] {
		return node{}, false
	}
	// "sunday" in lower case is rare but happens; "Sun"/"Wed" are not
	// accepted alone (they are words).
	n := node{kind: kWeekday, weekday: wd, shift: sh, shifted: shifted, i: i, j: k + 1}
	if lx.partsOfDay[p.word(k+1)] {
		n.j++
	}
	return n, true
}

// timeExpr matches clock times: "16:00", "4 pm", "9:30 a.m.", "4pm",
// "noon", "midnight", "7 o'clock".
func (p *parser) timeExpr(i int) (node, bool) {
	lx := p.lx
	t := p.toks
	if h, ok := lx.noon[p.word(i)]; ok {
		if lx.clockPreps[p.lowAt(i-1)] {
			return node{kind: kTime, hour: h, weekday: -1, i: i, j: i + 1}, true
		}
		return node{}, false
	}
	if n, ok := p.dayPartTime(i); ok {
		return n, true
	}
	if !p.isNum(i) || t[i].digits > 2 {
		return node{}, false
	}
	h := t[i].num
	k := i + 1
	minute := 0
	colon := false
	if p.punct(k, ":") && t[k].glued && p.isNum(k+1) && t[k+1].glued && t[k+1].digits == 2 {
		minute = t[k+1].num
		k += 2
		colon = true
		if p.punct(k, ":") && t[k].glued && p.isNum(k+1) && t[k+1].glued && t[k+1].digits == 2 {
			k += 2 // seconds
		}
		if h > 24 || minute > 59 {
			return node{}, false
		}
	}
	if i > 0 && t[i].glued && (t[i-1].kind == tNum || t[i-1].low == ":" || t[i-1].low == "." || t[i-1].low == ",") {
		return node{}, false
	}
	ampm, k2 := p.ampm(k)
	switch {
	case ampm != 0:
		if h < 1 || h > 12 {
			return node{}, false
		}
		if ampm == 'a' && h == 12 {
			h = 0
		} else if ampm == 'p' && h != 12 {
			h += 12
		}
		return node{kind: kTime, hour: h, minute: minute, weekday: -1, i: i, j: k2}, true
	case colon:
		// A bare "10:30" reads as a time unless it is a ratio or score
		// ("2:1" has one-digit minutes and is already excluded).
		if k < len(t) && t[k].glued && (t[k].kind == tNum || t[k].low == ":") {
			return node{}, false
		}
		return node{kind: kTime, hour: h, minute: minute, weekday: -1, i: i, j: k}, true
	case p.word(k) == "o" && p.punct(k+1, "'") && p.word(k+2) == "clock" || lx.oclock[p.word(k)]:
		if h < 1 || h > 12 {
			return node{}, false
		}
		end := k + 1
		if p.word(k) == "o" {
			end = k + 3
		}
		return node{kind: kTime, hour: h, minute: 0, weekday: -1, i: i, j: end}, true
	}
	return node{}, false
}

// ampm matches "am", "pm", "a.m.", "p.m." (and upper case) at i and returns
// 'a' or 'p' and the index after it.
func (p *parser) ampm(i int) (byte, int) {
	w := p.word(i)
	switch {
	case p.lx.am[w]:
		return 'a', i + 1
	case p.lx.pm[w]:
		return 'p', i + 1
	case (w == "a" || w == "p") && p.punct(i+1, ".") && p.word(i+2) == "m" && p.toks[i+1].glued && p.toks[i+2].glued:
		k := i + 3
		if p.punct(k, ".") && p.toks[k].glued {
			k++
		}
		return w[0], k
	}
	return 0, i
}

// dayPartTime matches an hour told by the part of the day: "five in the
// morning", "10 at night", "three in the afternoon", and "eleven
// o'clock" in words. A bare number word is too common to be a time alone.
func (p *parser) dayPartTime(i int) (node, bool) {
	h := 0
	switch {
	case p.isNum(i) && p.toks[i].digits <= 2:
		h = p.toks[i].num
	case p.lx.numbers[p.word(i)] > 0 && p.word(i) != "a" && p.word(i) != "an":
		h = p.lx.numbers[p.word(i)]
	default:
		return node{}, false
	}
	if h < 1 || h > 12 {
		return node{}, false
	}
	k := i + 1
	if !p.isNum(i) {
		if p.word(k) == "o" && p.punct(k+1, "'") && p.word(k+2) == "clock" {
			return node{kind: kTime, hour: h, weekday: -1, i: i, j: k + 3}, true
		}
		if p.lx.oclock[p.word(k)] {
			return node{kind: kTime, hour: h, weekday: -1, i: i, j: k + 1}, true
		}
	}
	var part string
	switch {
	case p.word(k) == "in" && p.word(k+1) == "the" && p.lx.partsOfDay[p.word(k+2)]:
		part, k = p.word(k+2), k+3
	case p.word(k) == "at" && p.word(k+1) == "night":
		part, k = "night", k+2
	default:
		return node{}, false
	}
	switch part {
	case "afternoon", "evening":
		if h != 12 {
			h += 12
		}
	case "night":
		// "ten at night" is 22:00, "two at night" 02:00.
		if h >= 6 && h != 12 {
			h += 12
		} else if h == 12 {
			h = 0
		}
	default: // morning
		if h == 12 {
			h = 0
		}
	}
	return node{kind: kTime, hour: h, weekday: -1, i: i, j: k}, true
}
