package compare

import (
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// This file finds accounts a speaker reverses over time when no predicate
// class names what the account is about: "We received no warnings from the
// inspectors" in October, "I admit that the inspectors warned us" in
// February. Every sentence a named voice says is a statement claim: a
// negated one holds the words its negation governs, an asserted one the
// words of its clause. A negated and an asserted statement of the same
// voice, at least a week apart, that share a governed word become one
// fact, which the status rules then read as changed. Statements that meet
// no reversal stay out of the dossier.

// statementAttribute marks statement claims until they are paired.
const statementAttribute = "\x00statement"

// statementGapDays is the least time between two statements for a
// reversal to count as a changed account rather than a clarification.
const statementGapDays = 7

// negationScope is how many tokens after a negation it governs.
const negationScope = 6

// statementClaims returns the statement claims of the sentence s (tokens
// [t0, t1)): one per negation that no predicate class already reads, or one
// asserted claim when the sentence has no negation. Sentences without a
// named voice say nothing here: the outlet's own voice does not change its
// account, it corrects it.
func (d *docView) statementClaims(s model.Range, t0, t1 int, trigs []trigger, hedged bool) []Claim {
	classNegated := map[int]bool{}
	for _, tr := range trigs {
		if tr.negated {
			classNegated[tr.negStart] = true
		}
	}
	var out []Claim
	negated := map[int]bool{} // negation cues, failure words and the tokens they govern
	for i := t0; i < t1; i++ {
		var scope []int
		switch {
		case d.isNegation(i):
			scope = d.scopeAfter(i, t1)
		case failureWords[d.lower[i]] && i+1 < t1 && d.lower[i+1] == "to":
			scope = d.scopeAfter(i+1, t1) // "failed to stop": not stopped
		case failureWords[d.lower[i]]:
			// "the brakes failed": what failed is denied working, so a
			// later "the brakes were working" reverses it.
			scope = d.scopeBefore(i, t0)
		default:
			continue
		}
		negated[i] = true // the cue itself
		for _, k := range scope {
			negated[k] = true
		}
		if classNegated[i] || len(scope) == 0 {
			continue
		}
		words := make([]contextWord, 0, len(scope))
		for n, k := range scope {
			words = append(words, contextWord{Lemma: d.lemmaAt(k), Word: d.lower[k], Near: 1 / (1 + float64(n)/3)})
		}
		first, last := min(i, scope[len(scope)-1]), max(i, scope[len(scope)-1])
		if cl, ok := d.statementClaim(s, first, last, words, "negated", hedged); ok {
			out = append(out, cl)
		}
	}
	// An asserted statement per clause that no negation or failure word
	// touches, so that the value shown is the clause that reverses the
	// earlier account, not the whole sentence: "The pump was running the
	// whole night; nobody switched it on" asserts the pump was running.
	for c0 := t0; c0 < t1; {
		c1 := c0
		for c1 < t1 && !statementBreak[d.lower[c1]] {
			c1++
		}
		if !anyIn(negated, c0, c1) {
			if cl, ok := d.assertedClause(s, c0, c1, hedged); ok {
				out = append(out, cl)
			}
		}
		c0 = c1 + 1
	}
	return out
}

// anyIn reports whether a token of [c0, c1) is in set.
func anyIn(set map[int]bool, c0, c1 int) bool {
	for k := c0; k < c1; k++ {
		if set[k] {
			return true
		}
	}
	return false
}

// statementBreak are the tokens an asserted statement is split at.
var statementBreak = map[string]bool{",": true, ";": true, ":": true, "—": true, "–": true, "but": true, "(": true, ")": true}

// assertedClause is the asserted statement claim of tokens [c0, c1), if
// the clause has content words and a named voice.
func (d *docView) assertedClause(s model.Range, c0, c1 int, hedged bool) (Claim, bool) {
	var words []contextWord
	seen := map[string]bool{}
	first, last := -1, -1
	for k := c0; k < c1; k++ {
		w := d.lower[k]
		if d.toks[k].Kind != model.TokenWord || !contentWord(w) || isCapitalised(d.toks[k].Text) {
			continue
		}
		if first < 0 {
			first = k
		}
		last = k
		l := d.lemmaAt(k)
		if !seen[l] {
			seen[l] = true
			words = append(words, contextWord{Lemma: l, Word: w, Near: 1})
		}
	}
	if first < 0 {
		return Claim{}, false
	}
	return d.statementClaim(s, first, last, words, "asserted", hedged)
}

// statementClaim is the statement claim spanning tokens [first, last] of
// sentence s, kept only when a named voice says it: the voice is its
// subject.
func (d *docView) statementClaim(s model.Range, first, last int, words []contextWord, pol string, hedged bool) (Claim, bool) {
	span := model.SpanOf(d.a.Doc.ID, d.text, d.toks[first].Start, d.toks[last].End)
	cl := d.claim(s, span, model.Value{Kind: model.KindEvent, Text: span.Text}, "", "", statementAttribute, pol, hedged)
	if cl.AttributedTo == "" {
		return Claim{}, false
	}
	cl.Context = words
	cl.Subject = cl.AttributedTo
	return cl, true
}

// isNegation reports whether token i negates what follows it.
func (d *docView) isNegation(i int) bool {
	w := d.lower[i]
	if i+1 < len(d.lower) && notNegating[w+"_"+d.lower[i+1]] {
		// "not only repulsed an attack … but also": an addition, not a denial.
		return false
	}
	return negationCues[w] || strings.HasSuffix(w, "n't")
}

// notNegating are negation words in phrases that do not negate: "not
// only", "not just", "no doubt", "never before" (a superlative).
var notNegating = wordSet(`not_only not_just not_merely no_doubt never_before not_least`)

// scopeAfter returns the content-word tokens a negation at i governs: up to
// negationScope tokens, within its clause.
func (d *docView) scopeAfter(i, t1 int) []int {
	var out []int
	for k := i + 1; k < t1 && k <= i+negationScope; k++ {
		w := d.lower[k]
		if w == "," || w == ";" || w == ":" || w == "but" || w == "." || w == "—" || w == "because" {
			break
		}
		if d.toks[k].Kind == model.TokenWord && contentWord(w) && !isCapitalised(d.toks[k].Text) && !negationCues[w] {
			out = append(out, k)
		}
	}
	return out
}

// failureWords say that what comes before them did not work: a statement
// with one is a negated account of its subject.
var failureWords = map[string]bool{
	"failed": true, "fail": true, "fails": true, "malfunctioned": true, "malfunctioning": true,
	"broke": true, "faulty": true, "defective": true, "jammed": true,
}

// scopeBefore returns the content-word tokens before i in its clause, the
// nearest first: the subject of a failure word.
func (d *docView) scopeBefore(i, t0 int) []int {
	var out []int
	for k := i - 1; k >= t0 && i-k <= negationScope; k-- {
		w := d.lower[k]
		if statementBreak[w] || w == "." || w == "that" || w == "because" {
			break
		}
		if d.toks[k].Kind == model.TokenWord && contentWord(w) && !isCapitalised(d.toks[k].Text) {
			out = append(out, k)
		}
	}
	return out
}

// pairStatements turns reversed statements into facts: for each negated
// statement, the asserted statements of the same voice at least a week
// apart that contain one of the words it negates, trying the word nearest
// the negation first. Unpaired statements are dropped.
func pairStatements(claims []Claim, names map[string]string, canon map[string]string) []Claim {
	// Asserted statements by voice and word.
	asserted := map[[2]string][]int{}
	var neg []int
	for i, cl := range claims {
		if cl.Attribute != statementAttribute || cl.Date == nil {
			continue
		}
		if cl.Polarity == "negated" {
			neg = append(neg, i)
			continue
		}
		voice := speakerKey(cl.FactValue, names)
		for _, cw := range cl.Context {
			k := [2]string{voice, cw.Lemma}
			asserted[k] = append(asserted[k], i)
		}
	}
	named := map[int]string{}
	for _, i := range neg {
		n := claims[i]
		voice := speakerKey(n.FactValue, names)
		for _, cw := range n.Context {
			if lightVerbs[cw.Lemma] {
				continue
			}
			var matched []int
			for _, j := range asserted[[2]string{voice, cw.Lemma}] {
				p := claims[j]
				gap := daysBetween(day10(*n.Date), day10(*p.Date))
				if gap < 0 {
					gap = -gap
				}
				if gap >= statementGapDays && canonOf(canon, n.Doc) != canonOf(canon, p.Doc) {
					matched = append(matched, j)
				}
			}
			if len(matched) == 0 {
				continue
			}
			attr := "account: " + cw.Word
			named[i] = attr
			for _, j := range matched {
				if _, ok := named[j]; !ok {
					named[j] = attr
				}
			}
			break
		}
	}
	out := claims[:0]
	for i, cl := range claims {
		if cl.Attribute == statementAttribute {
			attr, ok := named[i]
			if !ok {
				continue
			}
			cl.Attribute = attr
		}
		out = append(out, cl)
	}
	return out
}

// lightVerbs are stems of verbs too general to tie two statements together:
// "I did not think about it" and "I think they believed it" are not one
// account reversed.
var lightVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("be have do go get make think know want say tell see seem believe remember like need mean let come take give feel try ask keep put look can will would should could must happen") {
		m[lemma(w)] = true
	}
	return m
}()
