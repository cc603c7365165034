// Package quantity finds money amounts, counts, ages and durations in a
// document's cleaned text and normalises them.
//
// In: a model.Document (its Text and, when present, Sentences). Out: a
// []model.Quantity in text order, each with a byte span into Text, its
// sentence, a kind (money, count, age, duration), a normalised value and unit
// (ISO 4217 code for money, counted noun for counts, time unit for ages and
// durations). Vague values become ranges: "dozens" is [24,99], "about 30"
// is 30 in [27,33], "more than 100" is Min 100 with no Max. A money amount
// restated in another currency ("90,000 tenge [$207]") points to its
// restatement through Parallel, in both directions.
//
// Conventions for Min/Max: both zero means the value is exact. Min>0 and
// Max==0 means an open upper bound. For vague words Amount is the lower bound.
package quantity

import (
	"math"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// Extract returns the quantities of doc in text order: money, counts,
// ages, durations and percentages. It never panics on
// odd input; a document without text yields nil.
func Extract(doc *model.Document) []model.Quantity {
	if doc == nil || doc.Text == "" {
		return nil
	}
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	lx := mustLexicon()
	p := &parser{text: doc.Text, toks: lex(doc.Text), lx: lx}
	var out []model.Quantity
	for i := 0; i < len(p.toks); {
		q, next, ok := p.parseAt(i)
		if !ok {
			i++
			continue
		}
		q.Span = model.SpanOf(doc.ID, doc.Text, q.Start, q.End)
		q.Sentence = sentenceOf(sents, q.Start)
		q.Parallel = -1
		out = append(out, q)
		i = next
	}
	lx.linkParallel(doc.Text, out)
	return out
}

func sentenceOf(sents []model.Range, off int) model.Range {
	lo, hi := 0, len(sents)
	for lo < hi {
		mid := (lo + hi) / 2
		switch s := sents[mid]; {
		case off < s.Start:
			hi = mid
		case off >= s.End:
			lo = mid + 1
		default:
			return s
		}
	}
	return model.Range{}
}

type parser struct {
	text string
	toks []tok
	lx   *lexicon
	// lastShare is the last percentage read that named what it is a
	// share of, for the list items after it that leave it out.
	lastShare struct {
		end int // token index after its of-phrase
		of  string
	}
}

func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.toks[i].lower
}

func (p *parser) sym(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tSym {
		return ""
	}
	return p.toks[i].text
}

func (p *parser) isNum(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].kind == tNum }

// adjacent reports whether token i ends exactly where token i+1 starts.
func (p *parser) adjacent(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].end == p.toks[i+1].start
}

// number is a parsed numeric expression: a value or a range.
type number struct {
	val, min, max float64
	vague         bool // a word like "dozens": min/max hold the range
	rng           bool // an explicit range "20-30"
	fromWords     bool
	digits        int // digit count of a bare integer, to spot years
	end           int // index of the first token after the expression
}

// parseAt tries to read one quantity starting at token i.
func (p *parser) parseAt(i int) (model.Quantity, int, bool) {
	var q model.Quantity
	t := p.toks[i]

	// "aged 42", "age 42", "at the age of 42".
	if w := t.lower; t.kind == tWord && (w == "aged" || w == "age") {
		j := i + 1
		if p.word(j) == "of" {
			j++
		}
		if n, ok := p.number(j); ok && !n.vague && n.val > 0 && n.val < 130 {
			q = model.Quantity{Kind: model.KindAge, Amount: n.val, Unit: "year"}
			q.Start, q.End = t.start, p.toks[n.end-1].end
			return q, n.end, true
		}
		return q, 0, false
	}

	// "Ivanov, 42, said" or "Among the dead was Ivanov, 42.": an age in
	// apposition to a name.
	if t.kind == tNum && len(t.text) == 2 && p.sym(i-1) == "," && (i+1 == len(p.toks) || appositionEnd(p.sym(i+1))) && i >= 2 &&
		p.toks[i-2].kind == tWord && isUpperStart(p.toks[i-2].text) && !timex.MonthName(p.toks[i-2].text) {
		if v, _ := parseNumeral(t.text); v >= 15 {
			q = model.Quantity{Kind: model.KindAge, Amount: v, Unit: "year"}
			q.Start, q.End = t.start, t.end
			return q, i + 1, true
		}
	}

	start := t.start
	j := i
	mod := modNone
	if m, n := p.modifierAt(j); n > 0 {
		mod, j = m, j+n
	}
	between := false
	if p.word(j) == "between" || p.word(j) == "from" {
		between = true
		j++
	}
	cur := ""
	if c, n := p.currencyPrefix(j); n > 0 {
		cur, j = c, j+n
	}
	if j >= len(p.toks) {
		return q, 0, false
	}
	n, ok := p.number(j)
	if !ok {
		return q, 0, false
	}
	if mod == modNone && !between && cur == "" {
		start = p.toks[j].start
		// "AK-47", "F-16", "A320": a model designation names a thing,
		// it counts nothing.
		if p.designationEnd(j-2, false) == n.end || p.designationEnd(j-1, false) == n.end {
			return q, 0, false
		}
	}
	k := n.end
	// "between 20 and 30", "from 20 to 30".
	if between {
		if w := p.word(k); w == "and" || w == "to" {
			k2 := k + 1
			if cur != "" {
				if _, m := p.currencyPrefix(k2); m > 0 {
					k2 += m
				}
			}
			if n2, ok := p.number(k2); ok && n2.val > n.val {
				n = number{val: n.val, min: n.val, max: n2.val, rng: true, end: n2.end}
				k = n.end
			} else if !ok {
				return q, 0, false
			}
		} else {
			return q, 0, false
		}
	}

	q.Approx = mod != modNone || n.vague
	switch {
	case n.vague || n.rng:
		q.Amount, q.Min, q.Max = n.min, n.min, n.max
	default:
		q.Amount = n.val
		switch mod {
		case modApprox:
			q.Min, q.Max = tidy(n.val*0.9), tidy(n.val*1.1)
		case modBelow:
			q.Min, q.Max = tidy(n.val*0.9), n.val
		case modAbove:
			q.Min = n.val
		case modAtMost:
			q.Max = n.val
		}
	}

	if cur == "" && !n.vague && !n.rng {
		// "5. 4 per cent": a decimal written as two tokens.
		if v, kk, ok := p.spacedDecimal(n, k); ok {
			n.val, q.Amount, k = v, v, kk
		}
	}
	if unit, e := p.percentAt(k); e > 0 {
		if cur != "" {
			return q, 0, false
		}
		return p.percent(q, i, start, unit, e)
	}
	if p.word(k) == "per" {
		return q, 0, false // "5 per day" is a rate of something unnamed
	}

	end := p.toks[k-1].end
	finish := func(kind model.ValueKind, unit string, endTok int) (model.Quantity, int, bool) {
		q.Kind, q.Unit = kind, unit
		q.Start = start
		q.End = p.toks[endTok-1].end
		return q, endTok, true
	}
	if cur != "" {
		return finish(model.KindMoney, cur, k)
	}
	// "200 dollars", "90,000 Kazakh tenge", "200 US dollars".
	kk := k
	if p.lx.currencyAdjectives[p.word(kk)] {
		kk++
		if p.sym(kk) == "." && p.word(kk-1) == "u" { // "U.S."
			kk++
		}
	}
	if c, ok := p.lx.currencyOf(p.word(kk)); ok && p.word(kk) != "" {
		return finish(model.KindMoney, c, kk+1)
	}
	if c, ok := p.lx.currencyOf(p.word(k)); ok {
		return finish(model.KindMoney, c, k+1)
	}
	if c, ok := p.lx.currencySymbols[p.sym(k)]; ok && p.toks[k].start-end <= 1 {
		return finish(model.KindMoney, c, k+1)
	}
	if n.fromWords && n.val == 0 && !n.vague {
		return q, 0, false
	}

	// Ages and durations: "42-year-old", "42 years old", "15-day", "10 days".
	uk := k
	hyphen := false
	if s := p.sym(uk); (s == "-" || s == "‑") && p.adjacent(uk-1) && p.adjacent(uk) {
		uk++
		hyphen = true
	}
	if w := p.word(uk); w != "" {
		base, rest, _ := strings.Cut(w, "-")
		if unit, ok := p.lx.timeUnits[base]; ok && !n.vague {
			switch {
			case rest == "old" || (rest == "" && p.word(uk+1) == "old") || (strings.HasPrefix(rest, "old") && len(rest) == 3):
				endTok := uk + 1
				if rest == "" {
					endTok = uk + 2
				}
				return finish(model.KindAge, unit, endTok)
			case p.word(uk+1) == "ago" || p.word(uk+1) == "earlier" || p.word(uk+1) == "before":
				return q, 0, false // a relative date, the time stage's business
			case rest == "":
				if !hyphen && !plausibleDurationNumber(n) {
					return q, 0, false
				}
				return finish(model.KindDuration, unit, uk+1)
			}
		}
	}
	if hyphen {
		// "the 970-km border", "a 40-kilometre stretch".
		if u, ok := p.lx.measureUnits[p.word(uk)]; ok && !n.vague {
			return finish(model.KindCount, u, uk+1)
		}
		return q, 0, false
	}

	// Measurements: "280 metres", "970 km", "40-kilometre" is not one.
	if u, ok := p.lx.measureUnits[p.word(k)]; ok && !n.vague && (p.word(k) != "m" || !p.adjacent(k-1)) {
		return finish(model.KindCount, u, k+1)
	}

	// Counts: a number followed by what it counts.
	kc := k
	if p.word(kc) == "of" && (n.vague || n.fromWords) {
		kc++
		switch p.word(kc) {
		case "the", "them", "those", "us":
			// "Three of the injured" and "about twenty of us" count
			// people; "Nine of them were hospitalised" counts
			// casualties; "two of them" otherwise counts nothing
			// nameable.
			if u, e, ok := p.partitive(kc); ok && (n.vague || n.val > 1) {
				return finish(model.KindCount, u, e)
			}
			if p.word(kc) == "them" && p.casualtyAfter(kc+1) {
				return finish(model.KindCount, "", kc+1)
			}
			return q, 0, false
		}
	}
	// "29 of our members", "three of the miners": a partitive names what
	// is counted after the determiner.
	if p.word(kc) == "of" && !n.vague {
		switch p.word(kc + 1) {
		case "our", "their", "its", "his", "her", "my", "your", "the":
			if u, e, ok := p.countedNoun(kc + 2); ok {
				if !n.rng && n.digits == 4 && n.val >= 1800 && n.val <= 2100 {
					return q, 0, false
				}
				return finish(model.KindCount, u, e)
			}
		}
	}
	if p.dayOfMonth(n, k) {
		return q, 0, false
	}
	unit, endTok, ok := p.countedNoun(kc)
	if !ok {
		// A bare number is a count of people when a casualty word follows
		// ("Nine were injured", "86 killed") or a toll precedes it ("the
		// death toll rose to 13").
		if !p.casualtyAfter(k) && !p.tollBefore(start, j) {
			return q, 0, false
		}
		unit, endTok = "", k
		if n.digits == 4 && n.val >= 1800 && n.val <= 2100 {
			return q, 0, false
		}
	}
	if !n.vague && !n.rng && n.digits == 4 && n.val >= 1800 && n.val <= 2100 && mod == modNone {
		return q, 0, false // a year followed by a noun ("2022 elections")
	}
	if !n.vague && !n.rng && n.val <= 1 && mod == modNone {
		return q, 0, false // "one man" is an article in disguise, not a count worth comparing
	}
	if p.precededByMonth(j) {
		return q, 0, false
	}
	return finish(model.KindCount, unit, endTok)
}

// partitive reads what "N of the X" counts from the determiner or pronoun
// at token k: a casualty word used as a noun ("of the injured") or the
// speaker's group ("about twenty of us"). ok is false for anything else:
// "two of them" names nothing, and "four of them soldiers" is a part of
// another count, told by the clause around it.
func (p *parser) partitive(k int) (unit string, end int, ok bool) {
	if p.word(k) == "us" {
		return "people", k + 1, true
	}
	if p.word(k) == "the" && p.lx.nominalCasualties[p.word(k+1)] {
		return "people", k + 2, true
	}
	return "", 0, false
}

// tidy removes floating-point noise from a derived bound (220.00000000000003).
func tidy(v float64) float64 {
	if v == 0 {
		return 0
	}
	scale := math.Pow(10, 9-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*scale) / scale
}

// casualtyAfter reports whether a casualty participle follows token k,
// after at most two auxiliaries.
func (p *parser) casualtyAfter(k int) bool {
	for n := 0; n < 3 && k < len(p.toks); n, k = n+1, k+1 {
		w := p.word(k)
		if p.lx.casualtyWords[w] {
			return true
		}
		if !p.lx.casualtyAux[w] {
			return false
		}
	}
	return false
}

// tollBefore reports whether "toll" comes shortly before the number at j.
func (p *parser) tollBefore(start, j int) bool {
	for k := j - 1; k >= 0 && k >= j-7; k-- {
		if p.word(k) == "toll" {
			return true
		}
		if p.toks[k].kind == tSym && p.toks[k].text != "," {
			return false
		}
	}
	return false
}

// plausibleDurationNumber rejects bare years like "2022 years".
func plausibleDurationNumber(n number) bool { return n.val > 0 && n.val < 1000 }

func (p *parser) precededByMonth(j int) bool {
	return j > 0 && timex.MonthBeforeDay(p.toks[j-1].text)
}

// dayOfMonth reports whether number n, ending before token k, is the day of
// a date because a month name follows it ("4 January", "4 января"): what
// comes after the month is not what the number counts.
func (p *parser) dayOfMonth(n number, k int) bool {
	return !n.vague && !n.fromWords && n.val >= 1 && n.val <= 31 && k < len(p.toks) &&
		p.toks[k].kind == tWord && timex.MonthName(p.toks[k].text)
}

// countedNoun reads the noun phrase a count counts ("Kyrgyz citizens",
// "people", "police officers") from token k. The last word must be a
// plural noun; the phrase is at most three words.
func (p *parser) countedNoun(k int) (unit string, end int, ok bool) {
	var words []string
	head := -1
	limit := k + 4
	designation := ""
	for m := k; m < len(p.toks) && m < limit; m++ {
		// "seven AK-47 assault rifles", "two Boeing 737 jets": a model
		// designation before the counted noun is part of its phrase.
		if e := p.designationEnd(m, true); e > 0 && (m == k || p.sameClause(m)) {
			limit += e - m - 1
			designation = strings.ToLower(p.text[p.toks[m].start:p.toks[e-1].end])
			m = e - 1
			continue
		}
		t := p.toks[m]
		if t.kind != tWord || p.lx.countStop[t.lower] {
			break
		}
		if m > k && !p.sameClause(m) {
			break
		}
		words = append(words, t.lower)
		if p.lx.isPluralNoun(t.lower) {
			head = m
			// "police officers": a plural followed by a plural.
			if n := m + 1; n < len(p.toks) && p.toks[n].kind == tWord && !p.lx.countStop[p.toks[n].lower] &&
				strings.HasSuffix(p.toks[n].lower, "s") && p.lx.isPluralNoun(p.toks[n].lower) && len(words) < 3 {
				words = append(words, p.toks[n].lower)
				head = n
			}
			break
		}
		if strings.HasSuffix(t.lower, "ed") && m > k {
			break
		}
	}
	if head < 0 {
		return "", 0, false
	}
	// The unit is the head noun (and a preceding plural such as "police").
	nw := len(words)
	unit = words[nw-1]
	if nw >= 2 && p.lx.isPluralNoun(words[nw-2]) {
		unit = words[nw-2] + " " + words[nw-1]
	}
	if designation != "" {
		// "AK-47 rifles" count a kind of rifle, not all the rifles.
		unit = designation + " " + unit
	}
	return unit, head + 1, true
}

// designationEnd reads a model designation starting at token m: letters
// joined to a number by a hyphen or directly ("AK-47", "F-16", "A320"),
// or, when spaced is set (inside a counted phrase, after its number), a
// capitalised name and a bare number ("Boeing 737"). It returns the index
// after the number, or -1.
func (p *parser) designationEnd(m int, spaced bool) int {
	if m < 0 || m >= len(p.toks) || p.toks[m].kind != tWord || timex.MonthName(p.toks[m].text) {
		return -1
	}
	k := m + 1
	if s := p.sym(k); (s == "-" || s == "‑") && p.adjacent(m) && p.adjacent(k) {
		k++
	} else if !p.adjacent(m) && !(spaced && isUpperStart(p.toks[m].text) && k < len(p.toks) && p.sameClause(k)) {
		return -1
	}
	if !p.isNum(k) || strings.IndexAny(p.toks[k].text, ",.") >= 0 {
		return -1
	}
	return k + 1
}

// sameClause reports whether token m follows m-1 with only spaces between.
func (p *parser) sameClause(m int) bool {
	gap := p.text[p.toks[m-1].end:p.toks[m].start]
	return strings.IndexByte(gap, '\n') < 0
}

func isUpperStart(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func (lx *lexicon) isPluralNoun(w string) bool {
	if lx.irregularPlurals[w] {
		return true
	}
	if lx.notCounted[w] || timex.MonthName(w) || len(w) < 4 {
		return false
	}
	if strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
		return false
	}
	return strings.HasSuffix(w, "s")
}

// modifierAt matches a hedging phrase at token j and returns its length.
func (p *parser) modifierAt(j int) (modifier, int) {
	for _, m := range p.lx.modifierPhrases {
		if j+len(m.words) > len(p.toks) {
			continue
		}
		match := true
		for k, w := range m.words {
			if p.word(j+k) != w {
				match = false
				break
			}
		}
		if match {
			return m.mod, len(m.words)
		}
	}
	if s := p.sym(j); s == "~" || s == "≈" {
		return modApprox, 1
	}
	return modNone, 0
}

// currencyPrefix matches "$", "US$", "€", "KZT " before a number.
func (p *parser) currencyPrefix(j int) (string, int) {
	if j >= len(p.toks) {
		return "", 0
	}
	t := p.toks[j]
	if t.kind == tSym {
		if c, ok := p.lx.currencySymbols[t.text]; ok && p.isNum(j+1) {
			return c, 1
		}
		return "", 0
	}
	if t.kind == tWord {
		if t.text == "US" && p.sym(j+1) == "$" && p.adjacent(j) && p.isNum(j+2) {
			return "USD", 2
		}
		if c, ok := p.lx.currencyCodes[t.text]; ok && p.isNum(j+1) {
			return c, 1
		}
	}
	return "", 0
}

// number reads a numeric expression at token j: digits with an optional
// multiplier ("8.5 billion", "19.6m"), a digit range ("20-30"), number
// words ("twenty-five", "one hundred thousand", "a dozen"), or a vague count
// ("dozens", "tens of thousands", "several hundred").
func (p *parser) number(j int) (number, bool) {
	if j >= len(p.toks) {
		return number{}, false
	}
	t := p.toks[j]
	if t.kind == tNum {
		v, _ := parseNumeral(t.text)
		n := number{val: v, end: j + 1}
		if strings.IndexAny(t.text, ",.") < 0 {
			n.digits = len(t.text)
		}
		// Times of day ("10:30") are not quantities.
		if p.sym(j+1) == ":" && p.adjacent(j) && p.isNum(j+2) {
			return number{}, false
		}
		if mult, k := p.multiplierAt(j + 1); k > 0 {
			n.val *= mult
			n.end = j + 1 + k
			n.digits = 0
		}
		// "20-30", "20–30".
		if s := p.sym(n.end); (s == "-" || s == "–") && p.isNum(n.end+1) && p.adjacent(n.end-1) && p.adjacent(n.end) {
			v2, _ := parseNumeral(p.toks[n.end+1].text)
			end := n.end + 2
			if mult, k := p.multiplierAt(end); k > 0 {
				v2 *= mult
				end += k
			}
			if v2 > n.val {
				return number{val: n.val, min: n.val, max: v2, rng: true, end: end}, true
			}
		}
		return n, true
	}
	if t.kind != tWord {
		return number{}, false
	}
	if n, ok := p.vague(j); ok {
		return n, true
	}
	return p.numberWords(j)
}

// multiplierAt matches "thousand", "million", "bn", "m" after a number.
func (p *parser) multiplierAt(j int) (float64, int) {
	w := p.word(j)
	if w == "" {
		return 0, 0
	}
	m, ok := p.lx.multipliers[w]
	if !ok {
		return 0, 0
	}
	if p.lx.shortMultipliers[w] && !p.adjacent(j-1) {
		return 0, 0
	}
	// "thousands of" is a vague count, not a multiplier of the number.
	if strings.HasSuffix(w, "s") && p.word(j+1) == "of" {
		return 0, 0
	}
	if w == "m" && (p.word(j+1) == "" && p.sym(j+1) == "") {
		return m, 1
	}
	return m, 1
}

// vague matches count words that stand for ranges.
func (p *parser) vague(j int) (number, bool) {
	w := p.word(j)
	k := j
	if w == "a" || w == "just" || w == "only" {
		if nx := p.word(j + 1); nx == "few" || nx == "handful" {
			k++
			w = nx
		}
	}
	r, ok := p.lx.vagueRanges[w]
	if !ok || w == "many" || w == "numerous" {
		return number{}, false
	}
	n := number{min: r[0], max: r[1], vague: true, end: k + 1}
	if w == "handful" && p.word(k+1) == "of" {
		n.end = k + 1
	}
	// "tens of thousands", "hundreds of thousands".
	if p.word(k+1) == "of" {
		if pw, ok := p.lx.vaguePowers[p.word(k+2)]; ok && strings.HasSuffix(p.word(k+2), "s") {
			base := r
			if w == "tens" {
				base = [2]float64{20, 99}
			} else if w == "hundreds" {
				base = [2]float64{200, 999}
			}
			lo := math.Max(base[0]/100, 1)
			hi := base[1] / 100
			if w == "tens" {
				lo, hi = 2, 9.99
			}
			n = number{min: lo * 10 * pw, max: hi * 10 * pw, vague: true, end: k + 3}
			if w == "dozens" || w == "several" || w == "few" {
				n.min, n.max = r[0]*pw, r[1]*pw
			}
			return n, true
		}
	}
	// "several hundred", "a few thousand", "a few dozen".
	if w == "several" || w == "few" || w == "handful" {
		if pw, ok := p.lx.vaguePowers[p.word(k+1)]; ok && !strings.HasSuffix(p.word(k+1), "s") {
			return number{min: r[0] * pw, max: r[1] * pw, vague: true, end: k + 2}, true
		}
		if p.word(k+1) == "dozen" {
			return number{min: r[0] * 12, max: r[1] * 12, vague: true, end: k + 2}, true
		}
	}
	if w == "tens" && p.word(k+1) != "of" {
		return number{}, false
	}
	return n, true
}

// numberWords parses English number words: "three", "twenty-five",
// "one hundred and twenty", "one hundred thousand", "a dozen", "two dozen",
// "half a million".
func (p *parser) numberWords(j int) (number, bool) {
	total, current := 0.0, 0.0
	seen := false
	k := j
	if p.word(k) == "half" && p.word(k+1) == "a" {
		if m, ok := p.lx.multipliers[p.word(k+2)]; ok && m >= 1e3 {
			return number{val: m / 2, fromWords: true, end: k + 3}, true
		}
	}
	for ; k < len(p.toks); k++ {
		w := p.word(k)
		if w == "" {
			break
		}
		if w == "a" && !seen {
			nx := p.word(k + 1)
			if nx == "hundred" || nx == "thousand" || nx == "million" || nx == "billion" || nx == "dozen" {
				current = 1
				continue
			}
			break
		}
		if w == "and" && seen && current >= 100 && current < 1000 {
			if _, ok := p.lx.unitWords[p.word(k+1)]; ok {
				continue
			}
			if _, ok := p.lx.tensWords[strings.SplitN(p.word(k+1), "-", 2)[0]]; ok {
				continue
			}
			break
		}
		if v, ok := p.lx.unitWords[w]; ok {
			if r := math.Mod(current, 100); seen && r != 0 && (math.Mod(r, 10) != 0 || r < 20 || v >= 10) {
				break
			}
			current += v
			seen = true
			continue
		}
		if a, b, hy := strings.Cut(w, "-"); true {
			if tv, ok := p.lx.tensWords[a]; ok {
				if seen && math.Mod(current, 100) != 0 {
					break
				}
				current += tv
				if hy {
					uv, ok := p.lx.unitWords[b]
					if !ok || uv >= 10 || uv == 0 {
						break
					}
					current += uv
				}
				seen = true
				continue
			}
		}
		switch w {
		case "hundred":
			if current == 0 {
				if !seen {
					break
				}
			}
			current *= 100
			seen = true
			continue
		case "dozen":
			if current == 0 {
				current = 1
			}
			current *= 12
			seen = true
			continue
		case "thousand", "million", "billion", "trillion":
			if current == 0 && !seen {
				break
			}
			total += current * p.lx.multipliers[w]
			current = 0
			seen = true
			continue
		}
		break
	}
	if !seen {
		return number{}, false
	}
	return number{val: total + current, fromWords: true, end: k}, true
}

// linkParallel connects a money amount to an immediately following amount in
// a different currency separated only by brackets, commas, dashes and
// filler words.
func (lx *lexicon) linkParallel(text string, qs []model.Quantity) {
	for a := 0; a+1 < len(qs); a++ {
		b := a + 1
		qa, qb := &qs[a], &qs[b]
		if qa.Kind != model.KindMoney || qb.Kind != model.KindMoney || qa.Unit == qb.Unit {
			continue
		}
		if qa.Parallel >= 0 || qb.Start < qa.End || qb.Start-qa.End > 40 {
			continue
		}
		if lx.onlyFiller(text[qa.End:qb.Start]) {
			qa.Parallel, qb.Parallel = b, a
		}
	}
}

func (lx *lexicon) onlyFiller(gap string) bool {
	bracket := false
	words := 0
	for _, f := range strings.FieldsFunc(gap, func(r rune) bool {
		switch r {
		case '(', '[', '{', ')', ']', ',', '—', '–', '-', '/', '~', '≈', '=', ' ', '\u00a0', ';', ':', '.':
			if r == '(' || r == '[' || r == '/' || r == '=' || r == '≈' || r == '~' {
				bracket = true
			}
			return true
		}
		return false
	}) {
		if !lx.parallelFiller[strings.ToLower(f)] {
			return false
		}
		if f == "or" || f == "equivalent" || f == "equal" || f == "worth" {
			bracket = true
		}
		words++
	}
	return bracket || (words > 0 && strings.Contains(gap, ","))
}

// appositionEnd reports whether sym closes an apposition: a comma, or the
// end of the sentence or clause.
func appositionEnd(sym string) bool {
	switch sym {
	case ",", ".", ";", ")":
		return true
	}
	return false
}
