package resolve

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// localChains groups the mentions of document d into chains.
func (r *resolver) localChains(d int) {
	from := 0
	// Mentions are stored document by document; find d's first one.
	lo, hi := 0, len(r.mentions)
	for lo < hi {
		mid := (lo + hi) / 2
		if r.mentions[mid].doc < d {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	from = lo
	idx := r.docMentions(d, from)
	if len(idx) == 0 {
		return
	}
	dt := &r.texts[d]
	sentOf := r.sentenceIndex(d)
	defs := acronymDefinitions(dt, r.mentions, idx)
	var authors []string
	if !r.opts.KeepAuthors {
		authors = r.docs[d].Doc.Authors
	}
	var local []int // chain indices of this document
	window := r.opts.pronounWindow()
	lowerWords := dt.lowerWordSet()

	newChain := func(mi *mention) int {
		c := &chain{doc: d, typ: mi.m.Type}
		r.chains = append(r.chains, c)
		local = append(local, len(r.chains)-1)
		return len(r.chains) - 1
	}
	// nearest returns the local chain satisfying pred whose latest mention
	// before off is closest; failing that, the one whose first mention
	// after off is closest.
	nearest := func(off int, pred func(c *chain) bool) int {
		best, bestPos := -1, -1
		after, afterPos := -1, -1
		for _, ci := range local {
			c := r.chains[ci]
			if !pred(c) {
				continue
			}
			if p, _, ok := c.lastBefore(off); ok {
				if p > bestPos {
					best, bestPos = ci, p
				}
			} else if len(c.pos) > 0 && (after < 0 || c.pos[0] < afterPos) {
				after, afterPos = ci, c.pos[0]
			}
		}
		if best >= 0 {
			return best
		}
		return after
	}
	attach := func(ci, k int) {
		mi := &r.mentions[k]
		c := r.chains[ci]
		c.mentions = append(c.mentions, k)
		c.addPos(mi.m.Start, mi.sentence)
		r.chainOf[k] = ci
	}

	russian := false
	if l := r.docs[d].Doc.Language; l != nil && *l == "ru" {
		russian = true
	}

	// Pass 1: names, so that nominals and pronouns later see every name
	// of the document with the descriptions the text gives it.
	var rest []int
	for _, k := range idx {
		mi := &r.mentions[k]
		mi.sentence = sentOf(mi.m.Start)
		if r.isAuthor(mi, authors) {
			r.chainOf[k] = -1
			continue
		}
		if mi.kind == kindName && lowerWords != nil && commonWordName(dt, mi, lowerWords) {
			r.lx.demote(mi)
		}
		if mi.kind != kindName {
			rest = append(rest, k)
			continue
		}
		ci := -1
		parts := mi.parts
		if mi.acronym {
			acr := normAcronym(mi.name)
			if exp, ok := defs[acr]; ok {
				ep := r.parts(exp)
				ci = nearest(mi.m.Start, func(c *chain) bool {
					if !c.named || !compatibleTypes(c.typ, mi.m.Type, true) {
						return false
					}
					res := r.compare(ep, c.best, c.typ)
					return strings.EqualFold(c.bestName, exp) || (res.Match && !res.Partial)
				})
			}
			if ci < 0 {
				ci = nearest(mi.m.Start, func(c *chain) bool {
					if !c.named || !compatibleTypes(c.typ, mi.m.Type, true) {
						return false
					}
					for _, a := range c.acronyms {
						if a == acr {
							return true
						}
					}
					return namematch.AcronymOf(mi.name, c.bestName)
				})
			}
		}
		if ci < 0 {
			full := fullWords(parts) >= 2
			bestScore := -1.0
			bestPos := -1
			for _, cj := range local {
				c := r.chains[cj]
				if !c.named || (!compatibleTypes(c.typ, mi.m.Type, partsKey(parts) == partsKey(c.best)) && !r.sameFullName(parts, c.best)) {
					continue
				}
				ok, s := r.nameFits(parts, c.best, c.names, c.typ)
				if !ok {
					continue
				}
				p, _, _ := c.lastBefore(mi.m.Start)
				if full {
					if s > bestScore || (s == bestScore && p > bestPos) {
						ci, bestScore, bestPos = cj, s, p
					}
				} else if ci < 0 || p > bestPos {
					ci, bestPos = cj, p
				}
			}
		}
		declined := false
		if ci < 0 && russian && mi.m.Type == model.Person {
			// A Russian text declines names: "Ташиева" (genitive) or
			// "Камчыбека Ташиева" after "Камчыбек Ташиев". With no chain
			// for the name as written, the one earlier person whose name it
			// is up to a case ending takes it, without the declined form
			// becoming one of its names.
			ci = r.declinedOf(local, mi)
			declined = ci >= 0
		}
		if ci < 0 {
			ci = newChain(mi)
		}
		c := r.chains[ci]
		if declined {
			attach(ci, k)
			continue
		}
		if mi.acronym {
			acr := normAcronym(mi.name)
			c.acronyms = appendUnique(c.acronyms, acr)
			if exp, ok := defs[acr]; ok && len(c.best) == 0 {
				c.addName(r.parts(exp), exp)
			}
			if len(c.best) == 0 {
				c.addName(parts, mi.name)
			}
		} else {
			c.addName(parts, mi.name)
			if c.typ == model.Person {
				if g := r.givenNameGender(parts); g != 0 {
					c.gender = g // the given name says more than the surname's ending
				}
			}
			for _, acr := range sortedKeys(defs) {
				if strings.EqualFold(defs[acr], mi.name) {
					c.acronyms = appendUnique(c.acronyms, acr)
				}
			}
		}
		for _, ds := range describe(dt, mi) {
			c.descs = append(c.descs, ds)
			c.addHead(ds.head)
		}
		if w := strings.Fields(strings.ToLower(mi.name)); len(w) > 1 && c.typ != model.Person {
			c.addHead(lang.NounLemma(w[len(w)-1])) // "the center" for "Promises Treatment Center"
		}
		attach(ci, k)
	}

	// Pass 2: nominals and pronouns in text order.
	for _, k := range rest {
		mi := &r.mentions[k]
		ci := -1
		switch mi.kind {
		case kindNominal:
			plural := r.lx.isPluralPhrase(mi)
			ci = nearest(mi.m.Start, func(c *chain) bool {
				return c.typ == mi.m.Type && c.phrases[mi.phrase] && c.plural == plural
			})
			if ci < 0 && !plural {
				ci = nearest(mi.m.Start, func(c *chain) bool {
					return c.named && c.typ == mi.m.Type && c.heads[mi.head] > 0
				})
			}
			if ci < 0 {
				ci = nearest(mi.m.Start, func(c *chain) bool {
					return !c.named && c.typ == mi.m.Type && c.heads[mi.head] > 0 && c.plural == plural
				})
			}
			if ci < 0 && !plural && salientNominals(mi, dt) {
				ci = r.salient(local, mi.m.Type)
			}
			if ci < 0 {
				ci = newChain(mi)
				r.chains[ci].plural = plural
			}
			c := r.chains[ci]
			if c.phrases == nil {
				c.phrases = map[string]bool{}
			}
			c.phrases[mi.phrase] = true
			c.addHead(mi.head)
		case kindPronoun:
			ci = r.antecedent(local, mi, window)
			if ci < 0 {
				ci = newChain(mi)
				r.chains[ci].plural = r.lx.pluralPronouns[mi.head]
			}
			c := r.chains[ci]
			if c.gender == 0 {
				switch {
				case r.lx.malePronouns[mi.head]:
					c.gender = 'm'
				case r.lx.femalePronouns[mi.head]:
					c.gender = 'f'
				}
			}
		}
		attach(ci, k)
	}
}

// antecedent picks the chain a pronoun refers to: the chain with the latest
// mention before it, within the window, whose type, number and gender fit;
// failing that, the most mentioned fitting chain of the document (the
// story's protagonist is "she" even when the name was paragraphs earlier).
func (r *resolver) antecedent(local []int, mi *mention, window int) int {
	p := mi.head
	fits := func(c *chain) bool {
		if mi.m.Type != "" && c.typ != mi.m.Type {
			return false
		}
		switch {
		case r.lx.relPronouns[p]:
			if (p == "who" || p == "whom" || p == "whose") != personish(c.typ) && c.typ != model.Group {
				return false
			}
		case r.lx.singularPerson[p] || r.lx.firstPerson[p]:
			if c.plural {
				return false
			}
			if (r.lx.malePronouns[p] && c.gender == 'f') || (r.lx.femalePronouns[p] && c.gender == 'm') {
				return false
			}
		case r.lx.pluralPronouns[p]:
			if c.typ == model.Person && !c.plural {
				return false
			}
		case r.lx.thingPronouns[p]:
			if c.typ == model.Person || c.plural {
				return false
			}
		case r.lx.placePronouns[p]:
			if c.typ != model.Place {
				return false
			}
		}
		return true
	}
	cands := make([]Candidate, len(local))
	for i, ci := range local {
		c := r.chains[ci]
		pos, sen, ok := c.lastBefore(mi.m.Start)
		cands[i] = Candidate{
			Before:   -1,
			Fits:     fits(c),
			Mentions: len(c.mentions),
			Salient:  c.named || len(c.mentions) >= 2,
		}
		if ok {
			cands[i].Before = pos
			// A relative pronoun refers inside its own sentence.
			cands[i].InReach = mi.sentence-sen <= window && (!r.lx.relPronouns[p] || sen == mi.sentence)
		}
	}
	if i := Antecedent(cands, AntecedentRule{Fallback: !r.lx.relPronouns[p]}); i >= 0 {
		return local[i]
	}
	return -1
}

// Candidate is one possible antecedent of a pronoun in its document (an
// entity, a chain of mentions, a person named nearby) as the pronoun sees
// it; each stage fills in what it knows.
type Candidate struct {
	// Before is the position of its latest mention before the pronoun (any
	// measure that grows through the text), -1 when it has none.
	Before int
	// InReach says that mention is near enough to the pronoun: within the
	// window of sentences, or the paragraph.
	InReach bool
	// Fits says its type, number and gender agree with the pronoun.
	Fits bool
	// Weight ranks candidates in reach before nearness does: how salient
	// the stage found it (a sentence subject, the latest speaker, for a
	// speaker's "he said"). Equal weights (all 0) leave the nearest.
	Weight float64
	// Mentions counts its mentions in the document.
	Mentions int
	// Salient says it may stand for a pronoun that has no antecedent in
	// reach: a named entity or one mentioned twice (resolution), the
	// document's main person (fact comparison).
	Salient bool
}

// AntecedentRule says when the rule answers.
type AntecedentRule struct {
	// Fallback lets a salient candidate out of reach answer when none in
	// reach fits.
	Fallback bool
	// MinWeight is the least weight the chosen candidate in reach needs,
	// and Margin how far it must outweigh the next one; otherwise the
	// pronoun is ambiguous and the rule gives no answer (a wrong person
	// costs more than none).
	MinWeight, Margin float64
}

// Antecedent is the one within-document pronoun rule, which entity
// resolution, quote attribution and fact comparison all ask: among the
// fitting candidates in reach, the heaviest, then the one mentioned last
// before the pronoun; failing that, when rule.Fallback is set, the most
// mentioned fitting salient candidate, the earlier one on a tie (the
// story's protagonist is "she" even paragraphs after her name). It returns
// the candidate's index, or -1 when none fits or the choice is ambiguous.
func Antecedent(cands []Candidate, rule AntecedentRule) int {
	best, second := -1, -1
	for i, c := range cands {
		if c.Before < 0 || !c.InReach || !c.Fits {
			continue
		}
		switch {
		case best < 0 || c.Weight > cands[best].Weight || c.Weight == cands[best].Weight && c.Before > cands[best].Before:
			best, second = i, best
		case second < 0 || c.Weight > cands[second].Weight:
			second = i
		}
	}
	if best >= 0 {
		b := cands[best]
		if b.Weight < rule.MinWeight || second >= 0 && b.Weight-cands[second].Weight < rule.Margin {
			return -1
		}
		return best
	}
	if !rule.Fallback {
		return -1
	}
	most := 0
	for i, c := range cands {
		if c.Fits && c.Salient && c.Mentions > most {
			best, most = i, c.Mentions
		}
	}
	return best
}

// isPluralPhrase reports whether a nominal's head is plural.
func (lx *lexicon) isPluralPhrase(mi *mention) bool {
	words := strings.Fields(mi.phrase)
	if len(words) == 0 {
		return false
	}
	end := len(words)
	for i, w := range words {
		if i > 0 && lx.phraseEnders[w] {
			end = i
			break
		}
	}
	h := words[end-1]
	return lang.NounLemma(h) != h && !strings.HasSuffix(h, "'s") && !strings.HasSuffix(h, "’s")
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// salientNominals reports whether a singular nominal with no other evidence
// may refer to the document's main entity of its type: a definite noun
// phrase ("the climber", "the Briton") usually does in news prose.
func salientNominals(mi *mention, dt *docText) bool {
	if mi.m.Type != model.Person {
		return false
	}
	words := strings.Fields(strings.ToLower(mi.m.Text))
	if len(words) > 0 && (words[0] == "the" || words[0] == "this") {
		return true
	}
	i := dt.tokenAt(mi.m.Start)
	if i == 0 || i > len(dt.toks) {
		return false
	}
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		w := strings.ToLower(dt.toks[j].Text)
		if w == "the" || w == "this" {
			return true
		}
		if dt.toks[j].Kind != model.TokenWord || dt.lx.determiners[w] || dt.lx.phraseEnders[w] {
			return false
		}
	}
	return false
}

// salient returns the named chain of type t with the most mentions in the
// document, or -1.
func (r *resolver) salient(local []int, t model.EntityType) int {
	best, most := -1, 0
	for _, ci := range local {
		c := r.chains[ci]
		if c.named && c.typ == t && !c.plural && len(c.mentions) > most {
			best, most = ci, len(c.mentions)
		}
	}
	return best
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// declinedOf returns the one earlier person chain of the document whose
// name the mention matches up to Russian case endings, or -1.
func (r *resolver) declinedOf(local []int, mi *mention) int {
	// A surname alone in -ова/-ева may be a genitive or a woman
	// (Назарбаев и Назарбаева): only full names are taken as declined,
	// since a given name in a case form (Камчыбека) tells.
	if !namematch.HasCyrillic(mi.name) || fullWords(mi.parts) < 2 {
		return -1
	}
	found := -1
	for _, ci := range local {
		c := r.chains[ci]
		if !c.named || c.typ != model.Person {
			continue
		}
		if _, _, ok := c.lastBefore(mi.m.Start); !ok {
			continue
		}
		if !namematch.CompareInflected(mi.parts, c.best).Match {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = ci
	}
	return found
}
