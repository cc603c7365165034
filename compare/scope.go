package compare

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Scopes of counts. A count is narrowed by its own sentence: to a place
// ("10 were killed in Velmar district"), to a part of a set the sentence
// names ("12 of the 45 wounded", "of which four exploded") or to the set
// a part is taken from ("12 of 45 shots"). Counts of one frame but of
// different scopes are a part and its whole, or two parts, so they are
// never rival accounts of one figure (scopesApart). Which words narrow a
// count are data (frames/<lang>-scope.txt).

// scopeWords are the scope words of every language by kind: "place",
// "part", "whole", "set", "skip".
var scopeWords = sync.OnceValue(func() map[string]map[string]bool { return frameKindSets("-scope.txt") })

// countScope reads what part of the whole count c is narrowed to: its
// partitive from the words around it, its place from parse sn (nil: no
// place).
func (d *docView) countScope(sn *syntax.Sentence, c candidate) model.Scope {
	sc := model.Scope{Partitive: d.partitiveAt(c)}
	if sn == nil {
		return sc
	}
	if h := spanHead(sn.Words, c.span.Start, c.span.End); h >= 0 {
		sc.Place = d.scopePlace(sn, h, c)
		sc.Qualifier = countQualifier(sn, h, c.span.Start)
	}
	return sc
}

// countQualifier is what makes the noun a count at head h counts a kind
// of its own: its adjectives and participles ("unanswered points",
// "punches thrown", "Israeli soldiers") and the degree its verb gives it
// ("were seriously injured"), lemmas in sentence order; words that only
// size or hedge the count are left out (frames/<lang>-scope.txt: plain),
// and so is the count's first word at start, its number ("Fifty-eight"
// read as an adjective) or a bound.
func countQualifier(sn *syntax.Sentence, h, start int) string {
	ws := sn.Words
	words := scopeWords()
	var out []string
	add := func(k int) {
		if ws[k].Start == start || hasDigit(ws[k].Text) {
			return
		}
		l := strings.ToLower(ws[k].Lemma)
		if l == "" || words["plain"][l] || words["plain"][strings.ToLower(ws[k].Text)] {
			return
		}
		out = append(out, l)
	}
	if ws[h].UPOS == "NOUN" {
		for _, ch := range sn.Children(h) {
			switch universal(ws[ch].Rel) {
			case "amod":
				if ws[ch].UPOS == "ADJ" || ws[ch].UPOS == "VERB" {
					add(ch)
				}
			case "acl":
				if ws[ch].XPOS == "VBN" && ch == h+1 && len(sn.Children(ch)) == 0 {
					add(ch) // "punches thrown", not "people who fled" or "cables linking X"
				}
			}
		}
	}
	if up := headOf(ws, h); up >= 0 && ws[up].UPOS == "VERB" {
		for _, ch := range sn.Children(up) {
			if universal(ws[ch].Rel) == "advmod" && words["degree"][strings.ToLower(ws[ch].Lemma)] {
				add(ch)
			}
		}
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), " ")
}

// partitiveAt reads whether count c is the part of a set its sentence
// names ("12 of the 45", "two of them", "of which four", "including six
// children") or the set a part is taken from ("12 of 45", "four of
// their first five").
func (d *docView) partitiveAt(c candidate) string {
	words := scopeWords()
	first := d.tokenAt(c.span.Start)
	if first < 0 || first >= len(d.toks) {
		return ""
	}
	last := first
	for last+1 < len(d.toks) && d.toks[last+1].End <= c.span.End {
		last++
	}
	// After a bare number: "12 of the 45", "two of them", "10 of whom"
	// ("nine citizens of the republic" counts citizens).
	if k := last + 1; k+1 < len(d.toks) && c.value.Unit == "" && words["part"][d.lower[k]] {
		if next := d.lower[k+1]; words["set"][next] || hasDigit(next) {
			return "part"
		}
	}
	if d.partitiveWhole(first) {
		return "whole"
	}
	// Before it: "of which four", "including six children", "another
	// 3,000 people" (more, beyond a part already counted).
	if k := first - 1; k >= 0 {
		if words["more"][d.lower[k]] {
			return "part"
		}
		if words["part"][d.lower[k]] && !words["whole"][d.lower[k]] {
			return "part"
		}
		if k >= 1 && words["relative"][d.lower[k]] && words["part"][d.lower[k-1]] {
			return "part" // "of which four"
		}
	}
	return ""
}

// partitiveWhole reports whether the count starting at token first is
// the set a part is taken from: a number, "of", words like "the", then
// the count ("12 of the 45", "four of their first five").
func (d *docView) partitiveWhole(first int) bool {
	words := scopeWords()
	k := first - 1
	for steps := 0; k >= 0 && steps < 2 && words["skip"][d.lower[k]]; steps++ {
		k--
	}
	if k >= 1 && words["whole"][d.lower[k]] {
		_, ok := wordNumber(d.lower[k-1])
		return ok
	}
	return false
}

// scopePlace is the place the clause of count head h counts in: a named
// place or a region (frames/<lang>-places.txt) that its predicate, or the
// speech verb a fronted phrase hangs from, takes with a place case ("in",
// "across"), or that a "where" clause holding the count describes ("the
// town of X, where another 3,000 fled"). "" when the clause names none.
func (d *docView) scopePlace(sn *syntax.Sentence, h int, c candidate) string {
	ws := sn.Words
	// "two cables in the Mediterranean", "224 buildings in Idlib".
	for _, ch := range sn.Children(h) {
		if universal(ws[ch].Rel) == "nmod" {
			if p := d.scopeAt(sn, ch, c, true); p != "" {
				return p
			}
		}
	}
	path, ok := governingPath(ws, h)
	if !ok {
		return ""
	}
	pred := path[len(path)-1]
	holders := []int{pred}
	if up := headOf(ws, pred); up >= 0 {
		switch universal(ws[pred].Rel) {
		case "ccomp", "conj", "advcl", "parataxis":
			// "Across X, officials say 900 houses were destroyed".
			holders = append(holders, up)
		case "acl":
			// "In X alone, 2,100 houses were destroyed" read as a
			// clause of the place.
			if p := d.scopeAt(sn, up, c, true); p != "" {
				return p
			}
		}
	}
	// "were killed and 70 others were hurt in X district": verbs joined
	// to the predicate share where it happened.
	for _, ch := range sn.Children(pred) {
		if universal(ws[ch].Rel) == "conj" && ws[ch].UPOS == "VERB" {
			holders = append(holders, ch)
		}
	}
	if up := headOf(ws, pred); up >= 0 && universal(ws[pred].Rel) == "conj" && ws[up].UPOS == "VERB" {
		holders = append(holders, up)
	}
	for _, k := range holders {
		for _, ch := range sn.Children(k) {
			if universal(ws[ch].Rel) == "advmod" && relativeWhere(ws[ch]) {
				if p := d.whereAntecedent(sn, ch, c); p != "" {
					return p
				}
			}
		}
		for _, ch := range sn.Children(k) {
			if universal(ws[ch].Rel) != "obl" {
				continue
			}
			if p := d.scopeAt(sn, ch, c, true); p != "" {
				return p
			}
			// "killed by a rockfall in Velmar district".
			for _, g := range sn.Children(ch) {
				if universal(ws[g].Rel) == "nmod" {
					if p := d.scopeAt(sn, g, c, true); p != "" {
						return p
					}
				}
			}
		}
	}
	return ""
}

// relativeWhere reports whether w is the relative adverb of place.
func relativeWhere(w model.Word) bool { return strings.EqualFold(w.Lemma, "where") }

// whereAntecedent is the place a "where" clause describes: the noun
// before the adverb at word k (the parse often attaches the clause
// elsewhere).
func (d *docView) whereAntecedent(sn *syntax.Sentence, k int, c candidate) string {
	ws := sn.Words
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		switch ws[j].UPOS {
		case "PUNCT":
			continue
		case "PROPN", "NOUN":
			return d.scopeAt(sn, j, c, false)
		}
		return ""
	}
	return ""
}

// scopeAt is the place phrase headed by word k when it is a place the
// count can be narrowed to, else "". withCase requires a place case
// marker ("in", "across").
func (d *docView) scopeAt(sn *syntax.Sentence, k int, c candidate, withCase bool) string {
	ws := sn.Words
	w := ws[k]
	if w.Start >= c.span.Start && w.End <= c.span.End {
		return ""
	}
	if withCase && !scopeWords()["place"][caseOf(sn, k)] {
		return ""
	}
	if numberBetween(ws, c.span, w) {
		// "20,000 were evacuated on one side and 4,000 in X": the place
		// is the nearer count's, whatever the parse hangs it on.
		return ""
	}
	if t := d.tokenAt(w.Start); t >= 0 && t < len(d.toks) && d.inDate(t) {
		return ""
	}
	start := w.Start
	region := placeKinds()["region"][strings.ToLower(w.Lemma)]
	named := false
	for _, ch := range sn.Children(k) {
		if universal(ws[ch].Rel) == "compound" && ch < k && ws[ch].UPOS == "PROPN" {
			start = min(start, ws[ch].Start)
			named = true
		}
	}
	switch {
	case w.UPOS == "PROPN":
		if !d.placeWord(w) && !region && !namedByKind(sn, k) {
			return ""
		}
	case region || (named && placeKinds()["admin"][strings.ToLower(w.Lemma)]):
	default:
		return ""
	}
	return d.text[start:w.End]
}

// numberBetween reports whether a number other than the count's own
// stands between the count's span and word w.
func numberBetween(ws []model.Word, span model.Span, w model.Word) bool {
	lo, hi := span.End, w.Start
	if w.End <= span.Start {
		lo, hi = w.End, span.Start
	}
	for _, x := range ws {
		if x.UPOS == "NUM" && x.Start >= lo && x.End <= hi {
			return true
		}
	}
	return false
}

// namedByKind reports whether proper noun k names the place of a kind
// the sentence gives it: "the town of X", "the province of X".
func namedByKind(sn *syntax.Sentence, k int) bool {
	up := headOf(sn.Words, k)
	return up >= 0 && universal(sn.Words[k].Rel) == "nmod" && caseOf(sn, k) == "of" &&
		placeKinds()["admin"][strings.ToLower(sn.Words[up].Lemma)]
}

// placeWord reports whether a proper noun is a place: tagged as one, or
// known to the gazetteer.
func (d *docView) placeWord(w model.Word) bool {
	if t := d.tokenAt(w.Start); t >= 0 && t < len(d.toks) && d.mentionOfType(t, model.Place) != nil {
		return true
	}
	if g := gaz(); g != nil {
		if _, ok := g.Place(w.Text); ok {
			return true
		}
	}
	return false
}

// scopesApart reports whether two counts are of different scopes, and
// says how, for a reason a user can check.
func (p *placeRelations) scopesApart(a, b model.FactValue) (string, bool) {
	sa, sb := a.Value.Scope, b.Value.Scope
	if sa.Partitive != sb.Partitive {
		return fmt.Sprintf("%s and %s: %s", describe(a), describe(b), partitiveWhy(a, b)), true
	}
	if a.Value.Unit != "" && unitKey(a.Value.Unit) == unitKey(b.Value.Unit) && (!qualifiedAlike(sa.Qualifier, b.Text) || !qualifiedAlike(sb.Qualifier, a.Text)) {
		// Only one noun's kinds: "99 Sicilian members" and "89 people"
		// name one group two ways, "five Israeli soldiers" are some of
		// "seven soldiers". A word the other value also has qualifies
		// both, however the tagger read it there.
		return fmt.Sprintf("%s and %s count different kinds (%s, %s)", describe(a), describe(b), qualifierText(sa.Qualifier), qualifierText(sb.Qualifier)), true
	}
	if sa.Place == sb.Place {
		return "", false
	}
	if sa.Place != "" && sb.Place != "" && (scopeName(p, sa.Place) == scopeName(p, sb.Place) || p.sameCanonical(sa.Place, sb.Place)) {
		return "", false
	}
	if sa.Place == "" || sb.Place == "" {
		// A count that does not say where is as likely the same place's
		// (the parse often hangs "in X" on another word) as the whole's.
		return "", false
	}
	return fmt.Sprintf("%s counts in %s, %s in %s: two places, or a part and its whole", describe(a), sa.Place, describe(b), sb.Place), true
}

// partitiveWhy says which of two counts is a part or a whole.
func partitiveWhy(a, b model.FactValue) string {
	role := func(v model.FactValue) string {
		switch v.Value.Scope.Partitive {
		case "part":
			return fmt.Sprintf("%q is a part of a set its sentence names", v.Text)
		case "whole":
			return fmt.Sprintf("%q is the set a part is taken from", v.Text)
		}
		return fmt.Sprintf("%q is not", v.Text)
	}
	return role(a) + ", " + role(b)
}

// scopeName is a scope place's comparison key: its place name, less a
// last word naming a body of water ("the Mediterranean Sea" is "the
// Mediterranean").
func scopeName(p *placeRelations, place string) string {
	f := strings.Fields(place)
	if len(f) > 1 && waterWords[strings.ToLower(f[len(f)-1])] {
		place = strings.Join(f[:len(f)-1], " ")
	}
	return p.name(place)
}

// qualifiedAlike reports whether every word of qualifier q is also in
// the other value's text.
func qualifiedAlike(q, other string) bool {
	for _, w := range strings.Fields(q) {
		found := false
		for _, o := range strings.Fields(strings.ToLower(other)) {
			if o == w || lemma(o) == lemma(w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// qualifierText names a count's qualifier for a reason line.
func qualifierText(q string) string {
	if q == "" {
		return "no qualifier"
	}
	return q
}
