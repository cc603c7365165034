package compare

import (
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Counts read off the parse. A count belongs to the frame trigger it is
// an argument of: the object or passive subject of a verbal trigger
// ("killed 38 people", "12 men were arrested"), the subject of one with no
// object ("five people died"), or the number of a nominal one ("38
// deaths"). In a partitive ("killing 38 of the 67 people onboard") the
// part is the trigger's count and the whole is a count of its own, so the
// two are never rivals. Which relations carry an argument, and which word
// marks a partitive, are data (roles/<lang>.json: count_relations,
// partitive_case).

// countLink is a count the parse gives a trigger word: the number's word,
// the counted noun's word (-1 when none) and, in a partitive, the word of
// the whole's number (-1 when none). Indexes are words of the sentence.
type countLink struct {
	trigger, number, noun, whole int
}

// countLinks returns the counts the parse gives the words isTrigger
// accepts.
func countLinks(sn *syntax.Sentence, isTrigger func(word int) bool, lx *roleLexicon) []countLink {
	ws := sn.Words
	var out []countLink
	for t := range ws {
		if !isTrigger(t) {
			continue
		}
		hasObject := false
		for _, c := range sn.Children(t) {
			if ws[c].Rel == "obj" {
				hasObject = true
			}
		}
		for _, a := range sn.Children(t) {
			rel := ws[a].Rel
			switch {
			case lx.countRel[rel] || lx.countRel[rel+"/"+caseOf(sn, a)]:
			case rel == "nsubj" && ws[t].UPOS == "VERB" && !hasObject:
				// "five people died": the subject of a verb with no
				// object is what happened to it; "two gunmen killed
				// …" is an agent.
			default:
				continue
			}
			for _, m := range conjuncts(sn, a) {
				if l, ok := countAt(sn, t, m, lx); ok {
					out = append(out, l)
				}
			}
		}
	}
	// A trigger noun that is the subject or object of another verb
	// takes the counts that verb gives it: "police put the march at
	// 30,000", "the rally drew 5,000 people", "the march was attended by
	// 200,000". These come last: a trigger's own arguments win.
	for v := range ws {
		if ws[v].UPOS != "VERB" || isTrigger(v) {
			continue
		}
		t := -1
		for _, c := range sn.Children(v) {
			switch ws[c].Rel {
			case "nsubj", "nsubj:pass", "obj":
				if ws[c].UPOS == "NOUN" && isTrigger(c) && t < 0 {
					t = c
				}
			}
		}
		if t < 0 {
			continue
		}
		for _, a := range sn.Children(v) {
			switch ws[a].Rel {
			case "obj", "obl", "obl:agent", "nsubj":
			default:
				continue
			}
			if a == t {
				continue
			}
			if l, ok := countAt(sn, t, a, lx); ok {
				out = append(out, l)
			}
		}
	}
	return out
}

// conjuncts is word a and the words conjoined to it ("seized seven
// rifles, 13 magazines and two boats"): every item of a list is an
// argument of the list's predicate.
func conjuncts(sn *syntax.Sentence, a int) []int {
	out := []int{a}
	for i := 0; i < len(out) && i < len(sn.Words); i++ {
		for _, c := range sn.Children(out[i]) {
			if r := sn.Words[c].Rel; r == "conj" || r == "appos" {
				out = append(out, c)
			}
		}
	}
	return out
}

// countAt reads the count headed by word a, an argument of trigger t: a
// number (with the noun of its partitive) or a noun with a number.
func countAt(sn *syntax.Sentence, t, a int, lx *roleLexicon) (countLink, bool) {
	ws := sn.Words
	l := countLink{trigger: t, number: -1, noun: -1, whole: -1}
	switch ws[a].UPOS {
	case "NUM":
		l.number = a
		for _, c := range sn.Children(a) {
			if ws[c].Rel == "nmod" && caseOf(sn, c) == lx.PartitiveCase && (ws[c].UPOS == "NOUN" || ws[c].UPOS == "PROPN") {
				l.noun = c
				l.whole = numberOf(sn, c)
			}
		}
	case "NOUN":
		if ws[t].UPOS == "NOUN" && ws[a].Rel == "nummod" {
			return l, false
		}
		l.number, l.noun = numberOf(sn, a), a
	}
	return l, l.number >= 0
}

// numberOf is the number modifying noun n, or -1.
func numberOf(sn *syntax.Sentence, n int) int {
	for _, c := range sn.Children(n) {
		if sn.Words[c].Rel == "nummod" && sn.Words[c].UPOS == "NUM" {
			return c
		}
	}
	return -1
}

// parsedCounts applies the parse's counts to the count candidates of a
// sentence: a candidate that is the count of a trigger goes to that
// trigger (forced[i]), one that is the whole of a partitive goes to none
// (forced[i] = -1), and the part of a partitive, which the quantity stage
// does not read as a count of its own, is added as a candidate.
func (d *docView) parsedCounts(sn *syntax.Sentence, cands []candidate, trigs []trigger) ([]candidate, map[int]int) {
	if sn == nil {
		return cands, nil
	}
	lx := englishRoles()
	ws := sn.Words
	trigAt := func(w int) int {
		for k, tr := range trigs {
			if d.toks[tr.first].Start <= ws[w].Start && ws[w].End <= d.toks[tr.last].End && predicateClasses[tr.class].takes(model.KindCount) {
				return k
			}
		}
		return -1
	}
	candAt := func(w int) int {
		for i, c := range cands {
			if c.value.Kind == model.KindCount && c.span.Start <= ws[w].Start && ws[w].End <= c.span.End {
				return i
			}
		}
		return -1
	}
	forced := map[int]int{}
	for _, l := range countLinks(sn, func(w int) bool { return trigAt(w) >= 0 }, lx) {
		k := trigAt(l.trigger)
		if l.whole >= 0 {
			if i := candAt(l.whole); i >= 0 {
				forced[i] = -1
			}
		}
		i := candAt(l.number)
		if i < 0 && l.whole >= 0 {
			// The part of "38 of the 67 people": counted in the whole's
			// unit.
			n, ok := wordNumber(ws[l.number].Text)
			if !ok {
				continue
			}
			unit := ""
			if w := candAt(l.whole); w >= 0 {
				unit = cands[w].value.Unit
			}
			cands = append(cands, candidate{
				span:  model.SpanOf(d.a.Doc.ID, d.text, ws[l.number].Start, ws[l.number].End),
				value: model.Value{Kind: model.KindCount, Amount: n, Unit: unit},
				tok:   d.tokenAt(ws[l.number].Start),
			})
			i = len(cands) - 1
		}
		if i < 0 && l.whole < 0 && l.noun > l.number {
			// "13 fully loaded magazines": a count the parse gives the
			// trigger that the quantity stage passed over (words between
			// the number and its noun).
			if c, ok := d.parsedCount(sn, l); ok && !d.overlapsCandidate(cands, c) {
				cands = append(cands, c)
				i = len(cands) - 1
			}
		}
		if i >= 0 && k >= 0 {
			if _, done := forced[i]; !done {
				forced[i] = k
			}
		}
	}
	return cands, forced
}

// parsedCount is the count candidate of link l read off the parse: the
// number (digits) and its noun, with the words between.
func (d *docView) parsedCount(sn *syntax.Sentence, l countLink) (candidate, bool) {
	ws := sn.Words
	n, ok := wordNumber(ws[l.number].Text)
	if !ok || l.noun-l.number > 4 || ws[l.noun].UPOS != "NOUN" {
		return candidate{}, false
	}
	for k := l.number + 1; k < l.noun; k++ {
		if h := headOf(ws, k); ws[k].UPOS == "PUNCT" || ws[k].UPOS == "CCONJ" || (h != l.noun && h != l.number && headOf(ws, h) != l.noun) {
			return candidate{}, false // not one noun phrase
		}
	}
	start, end := ws[l.number].Start, ws[l.noun].End
	return candidate{
		span:  model.SpanOf(d.a.Doc.ID, d.text, start, end),
		value: model.Value{Kind: model.KindCount, Amount: n, Unit: strings.ToLower(ws[l.noun].Text)},
		tok:   d.tokenAt(start),
	}, true
}

// overlapsCandidate reports whether c overlaps a candidate already found.
func (d *docView) overlapsCandidate(cands []candidate, c candidate) bool {
	for _, o := range cands {
		if o.span.Start < c.span.End && c.span.Start < o.span.End {
			return true
		}
	}
	return false
}

// wordNumber reads a number written in digits ("38", "1,200").
func wordNumber(s string) (float64, bool) {
	n, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return n, err == nil && n >= 0
}

// countsToRead reports whether a sentence has a count and a trigger that
// takes counts: only then is it parsed for its counts.
func (d *docView) countsToRead(cands []candidate, trigs []trigger) bool {
	count := false
	for _, c := range cands {
		count = count || c.value.Kind == model.KindCount
	}
	for _, tr := range trigs {
		// A number the quantity stage passed over may still be a
		// trigger's count ("13 fully loaded magazines").
		for k := max(tr.first-6, 0); !count && k < min(tr.last+7, len(d.toks)); k++ {
			count = d.toks[k].Kind == model.TokenNumber
		}
	}
	if !count {
		return false
	}
	for _, tr := range trigs {
		if predicateClasses[tr.class].takes(model.KindCount) {
			return true
		}
	}
	return false
}
