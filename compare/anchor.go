package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/annotate/syntax"
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

// anchorRelations are the dependents of a value's verb whose nouns name
// the event the value belongs to.
var anchorRelations = map[string]bool{"nsubj": true, "obj": true, "obl": true}

// maxAnchors bounds a value's anchor words.
const maxAnchors = 12

// valueAnchors are the lemmas that tie candidate c's value to its clause
// in parse sn, or nil without a parse.
func valueAnchors(sn *syntax.Sentence, c candidate) []string {
	if sn == nil {
		return nil
	}
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return nil
	}
	lx := englishRoles()
	var out []string
	add := func(k int) {
		w := ws[k]
		if w.Start >= c.span.Start && w.End <= c.span.End {
			return // the value's own words
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
	// What the value measures: "two days of fighting".
	for _, ch := range sn.Children(h) {
		if universal(ws[ch].Rel) == "nmod" && ws[ch].UPOS == "NOUN" {
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
		return out
	}
	for _, ch := range sn.Children(pred) {
		if anchorRelations[universal(ws[ch].Rel)] && ws[ch].UPOS == "NOUN" {
			add(ch)
		}
	}
	return out
}

// anchorKey identifies a value for the anchors its claim carries.
func anchorKey(v model.FactValue) string { return fmt.Sprintf("%s@%d-%d", v.Doc, v.Start, v.End) }

// sameAnchor reports whether two values no frame holds are tied by the
// parse to one predicate (see valueAnchors); why says what keeps them
// apart when they are not.
func (c *comparer) sameAnchor(a, b model.FactValue) (bool, string) {
	xa, xb := c.anchors[anchorKey(a)], c.anchors[anchorKey(b)]
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
