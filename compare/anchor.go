package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/internal/disjoint"
	"github.com/parallaxnews/parallax/model"
)

// Anchors of values no frame holds. Such a value is grouped with others
// by the words near it (alignOpenClaims), which may describe something
// else in the sentence: "three cables … in the middle of the sea" and
// "two cables went down" meet on "cables" and nothing says they are one
// event's. Two of them can disagree only when the parse ties both to one
// predicate: the content words of the value's own clause — the words it
// hangs from up to its verb, that verb's core and oblique nominal
// arguments, and what it measures ("two days of fighting", "the fighting
// lasted 38 hours"). Light and speech verbs carry no event of their own,
// so their arguments stand for them ("the calls were made at 2 pm" /
// "the call was received at 15:40").

// anchorRelations are the dependents of a value's predicate whose nouns
// name the event the value belongs to (obliques only of a light one).
var anchorRelations = map[string]bool{"nsubj": true, "obj": true, "obl": true}

// maxAnchors bounds a value's anchor words.
const maxAnchors = 12

// anchor is what ties a value no frame holds to its clause.
type anchor struct {
	// words are the lemmas of the clause's predicate and its nominal
	// arguments (see valueAnchors).
	words []string
	// times are the dates the clause itself carries besides the value
	// ("were cut in January"), as timex values.
	times []string
	// modifies is the lemma of the noun the value is written as a
	// modifier of ("the $999 model", "a 7-hour battery"): such a value
	// tells which thing is meant, not a claim about it, so another
	// source's value never disputes it on anchors alone.
	modifies string
	// parsed is false when the sentence had no parse: without a parser
	// (a caller that passes none) the words around values decide alone,
	// as they did before anchors.
	parsed bool
}

// valueAnchors ties candidate c's value to its clause in parse sn of
// sentence s; the zero anchor without a parse.
func (d *docView) valueAnchors(sn *syntax.Sentence, s model.Range, c candidate) anchor {
	if sn == nil {
		return anchor{}
	}
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return anchor{parsed: true}
	}
	var timexes []model.Timex
	// The sentence's own time expressions, not the document's: a long
	// document has thousands, and every value of it gets here.
	for _, i := range d.timexesIn(s) {
		tx := d.a.Timexes[i]
		if tx.Start >= s.Start && tx.End <= s.End && (tx.End <= c.span.Start || tx.Start >= c.span.End) {
			timexes = append(timexes, tx)
		}
	}
	inTimex := func(w model.Word) bool {
		for _, tx := range timexes {
			if w.Start >= tx.Start && w.End <= tx.End {
				return true
			}
		}
		return false
	}
	lx := englishRoles()
	modifies := nounModified(ws, h, c.span.End)
	var out []string
	add := func(k int) {
		w := ws[k]
		if w.Start >= c.span.Start && w.End <= c.span.End || inTimex(w) {
			return // the value's own words, or a date ("Friday morning")
		}
		switch w.UPOS {
		case "NOUN", "VERB", "ADJ", "ADV":
		default:
			return
		}
		l := strings.ToLower(w.Lemma)
		if l == "" || lx.generic[l] || lx.light[l] || reportingVerb(ws, k) && w.UPOS == "VERB" || len(out) >= maxAnchors || slices.Contains(out, l) {
			return
		}
		out = append(out, l)
	}
	// What the value measures: "two days of fighting" (not "two pumps on
	// the quay").
	for _, ch := range sn.Children(h) {
		if (ws[ch].UPOS == "NOUN" || ws[ch].UPOS == "VERB") && markedBy(sn, ch, lx.MeasuredCase) {
			add(ch)
		}
	}
	// The predicate: the nearest verb above the value, else the top of
	// its clause ("230 rescuers are involved in the operation": an
	// adjective with a copula).
	pred := -1
	for k, steps := headOf(ws, h), 0; k >= 0 && steps <= len(ws); k, steps = headOf(ws, k), steps+1 {
		if ws[k].UPOS == "VERB" && reportingVerb(ws, k) && lx.clause != nil {
			break // "police said …": the value is of what was said
		}
		add(k)
		pred = k
		if ws[k].UPOS == "VERB" {
			break
		}
	}
	if pred < 0 {
		return anchor{words: out, modifies: modifies, parsed: true}
	}
	// A light predicate ("were made", "are involved", "took part") names
	// no event of its own: its obliques do ("in the operation"). A content
	// verb's obliques are mostly where and when ("stole two pumps on the
	// quay"), which any other event there shares.
	light := ws[pred].UPOS != "VERB" || lx.light[strings.ToLower(ws[pred].Lemma)]
	for _, ch := range sn.Children(pred) {
		if universal(ws[ch].Rel) == "obj" && lx.generic[strings.ToLower(ws[ch].Lemma)] {
			light = true
		}
	}
	for _, ch := range sn.Children(pred) {
		rel := universal(ws[ch].Rel)
		if anchorRelations[rel] && ws[ch].UPOS == "NOUN" && (rel != "obl" || light) {
			add(ch)
		}
	}
	var times []string
	for _, tx := range timexes {
		if k := spanHead(ws, tx.Start, tx.End); k >= 0 && clausePredicate(ws, k) == pred {
			t := tx.Value
			if t == "" {
				// "on Friday" in an undated report: its words.
				t = unresolvedTime + strings.ToLower(d.text[tx.Start:tx.End])
			}
			times = append(times, t)
		}
	}
	return anchor{words: out, times: times, modifies: modifies, parsed: true}
}

// modifierRelations are the relations of a value written before the noun
// it describes ("the $999 model", "a 7-hour battery", "the 2,000 ton
// ship").
var modifierRelations = map[string]bool{"amod": true, "nummod": true, "compound": true, "nmod": true}

// nounModified is the lemma of the noun that value head h modifies when
// the value stands before it, or "".
func nounModified(ws []model.Word, h, end int) string {
	k := headOf(ws, h)
	if k < 0 || ws[k].Start < end || !modifierRelations[universal(ws[h].Rel)] {
		return ""
	}
	if ws[k].UPOS != "NOUN" && ws[k].UPOS != "PROPN" {
		return ""
	}
	return strings.ToLower(ws[k].Lemma)
}

// clausePredicate is the nearest verb above word k, else the root of its
// tree.
func clausePredicate(ws []model.Word, k int) int {
	for steps := 0; steps <= len(ws); steps++ {
		h := headOf(ws, k)
		if h < 0 {
			return k
		}
		k = h
		if ws[k].UPOS == "VERB" {
			return k
		}
	}
	return -1
}

// otherTimes reports whether two clauses carry dates of their own that
// are not shown to meet: "five cables were cut in January" and "three
// cables were cut on Friday" may tell two events, and in undated reports
// nothing says that Friday was in January. Dates meet when they are
// written alike, one holds the other, or they are at most eventGapDays
// apart. A year alone beside a finer date in the same clause ("earlier
// this year … in late January") says nothing more.
func otherTimes(a, b []string) bool {
	a, b = finest(a), finest(b)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			ux, uy := strings.HasPrefix(x, unresolvedTime), strings.HasPrefix(y, unresolvedTime)
			if ux || uy {
				if ux && uy && shareWord(x[len(unresolvedTime):], y[len(unresolvedTime):]) {
					return false
				}
				continue
			}
			if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
				return false
			}
			if gap, ok := dateGapDays(x, y); ok && gap <= eventGapDays {
				return false
			}
		}
	}
	return true
}

// unresolvedTime marks a date the time stage could not resolve, kept as
// its words.
const unresolvedTime = "~"

// shareWord reports whether two texts share a word.
func shareWord(a, b string) bool {
	for _, w := range strings.Fields(a) {
		if slices.Contains(strings.Fields(b), w) {
			return true
		}
	}
	return false
}

// finest drops the years of a list of dates that holds a finer one.
func finest(ts []string) []string {
	var fine []string
	for _, t := range ts {
		if len(t) > 4 {
			fine = append(fine, t)
		}
	}
	if len(fine) == 0 {
		return ts
	}
	return fine
}

// anchorKey identifies a value for the anchors its claim carries.
func anchorKey(v model.FactValue) string { return fmt.Sprintf("%s@%d-%d", v.Doc, v.Start, v.End) }

// sameAnchor reports whether two values no frame holds are tied by the
// parse to one predicate (see valueAnchors); why says what keeps them
// apart when they are not.
func (c *comparer) sameAnchor(a, b model.FactValue) (bool, string) {
	ta, tb := c.anchors[anchorKey(a)], c.anchors[anchorKey(b)]
	if !ta.parsed && !tb.parsed {
		return true, ""
	}
	if otherTimes(ta.times, tb.times) {
		return false, fmt.Sprintf("%s (%s) and %s (%s): their clauses date them apart, values of two events", describe(a), strings.Join(ta.times, ", "), describe(b), strings.Join(tb.times, ", "))
	}
	if m := cmp.Or(ta.modifies, tb.modifies); m != "" {
		return false, fmt.Sprintf("%s and %s: a value written before a noun (%q) tells which one is meant, and may name another one than the other source's", describe(a), describe(b), m)
	}
	xa, xb := ta.words, tb.words
	if len(xa) == 0 || len(xb) == 0 {
		return false, fmt.Sprintf("%s and %s: no frame holds them, and the parse ties %s to no predicate", describe(a), describe(b), map[bool]string{true: "the first", false: "the second"}[len(xa) == 0])
	}
	for _, x := range xa {
		for _, y := range xb {
			if lemma(x) == lemma(y) {
				return true, ""
			}
		}
	}
	return false, fmt.Sprintf("%s (%s) and %s (%s): no frame holds them, and they belong to different predicates", describe(a), strings.Join(xa, ", "), describe(b), strings.Join(xb, ", "))
}

// groupAnchor is the anchor word most of a group's sources share (at
// least two), the predicate a dispute among values no frame holds is
// about: it names the fact in place of the nearby word that grouped them.
func (c *comparer) groupAnchor(vs []model.FactValue, canon map[string]string) string {
	sources := map[string]map[string]bool{}
	var order []string
	for _, v := range vs {
		for _, a := range c.anchors[anchorKey(v)].words {
			l := lemma(a)
			if sources[l] == nil {
				sources[l] = map[string]bool{}
				order = append(order, a)
			}
			sources[l][canonOf(canon, v.Doc)] = true
		}
	}
	best, n := "", 1
	for _, a := range order {
		if k := len(sources[lemma(a)]); k > n {
			best, n = a, k
		}
	}
	return best
}

// anyParsed reports whether any of the values had a parse to anchor it.
func (c *comparer) anyParsed(vs []model.FactValue) bool {
	for _, v := range vs {
		if c.anchors[anchorKey(v)].parsed {
			return true
		}
	}
	return false
}

// markedBy reports whether word k is introduced by the marker lemma m, as
// a case marker ("days of the voyage") or a clause marker, as a gerund
// may be parsed ("days of fighting").
func markedBy(sn *syntax.Sentence, k int, m string) bool {
	for _, ch := range sn.Children(k) {
		if r := sn.Words[ch].Rel; (r == "case" || r == "mark") && strings.EqualFold(sn.Words[ch].Lemma, m) {
			return true
		}
	}
	return false
}

// splitByAnchor parts each group of values no frame holds into the sets
// the parse ties together: values whose anchors share a word, directly
// or through others, stay together ("58 children were taken to hospital"
// / "90 children were taken to hospital"), apart from values of another
// predicate the nearby words put with them ("about 200 children ate
// lunch"). A value with no anchor words joins the largest set. Groups
// with no parsed value, and groups whose sets do not conflict, are left
// as they are.
func (c *comparer) splitByAnchor(groups map[string][]Claim, order []string) []string {
	var out []string
	for _, k := range order {
		g := groups[k]
		if !allOpen(g) || len(g) < 2 {
			out = append(out, k)
			continue
		}
		sets := disjoint.New(len(g))
		find := sets.Find
		byWord := map[string]int{}
		anchored := false
		for i, cl := range g {
			for _, w := range cl.anchor.words {
				anchored = true
				l := lemma(w)
				if j, ok := byWord[l]; ok {
					sets.Join(j, i)
				} else {
					byWord[l] = i
				}
			}
		}
		if !anchored {
			out = append(out, k)
			continue
		}
		size := map[int]int{}
		for i, cl := range g {
			if len(cl.anchor.words) > 0 {
				size[find(i)]++
			}
		}
		largest, best := -1, 0
		for i, cl := range g {
			if r := find(i); len(cl.anchor.words) > 0 && size[r] > best {
				largest, best = r, size[r]
			}
		}
		parts := map[int][]Claim{}
		var roots []int
		for i, cl := range g {
			r := find(i)
			if len(cl.anchor.words) == 0 {
				r = largest
			}
			if _, ok := parts[r]; !ok {
				roots = append(roots, r)
			}
			parts[r] = append(parts[r], cl)
		}
		if len(roots) == 1 || !c.partsConflict(parts, roots) {
			// Values that all agree stay one fact whatever verbs
			// carry them ("13 magazines were found" / "seized 13
			// magazines").
			out = append(out, k)
			continue
		}
		delete(groups, k)
		for n, r := range roots {
			key := fmt.Sprintf("%s\x00anchor%d", k, n)
			groups[key] = parts[r]
			out = append(out, key)
		}
	}
	return out
}

// partsConflict reports whether two of the parts hold values that cannot
// both be true.
func (c *comparer) partsConflict(parts map[int][]Claim, roots []int) bool {
	for a := range roots {
		for b := a + 1; b < len(roots); b++ {
			for _, x := range parts[roots[a]] {
				for _, y := range parts[roots[b]] {
					if v, _ := c.compare(x.FactValue, y.FactValue); v == incompatible {
						return true
					}
				}
			}
		}
	}
	return false
}

// allOpen reports whether every claim of a group is open.
func allOpen(g []Claim) bool {
	for _, cl := range g {
		if !cl.Open {
			return false
		}
	}
	return true
}
