package resolve

import (
	"strings"

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

	newChain := func(mi *mention) int {
		c := &chain{doc: d, typ: mi.m.Type}
		r.chains = append(r.chains, c)
		local = append(local, len(r.chains)-1)
		return len(r.chains) - 1
	}
	// recent returns local chains from the latest mention backwards.
	byRecency := func(pred func(c *chain) bool) int {
		best, bestPos := -1, -1
		for _, ci := range local {
			c := r.chains[ci]
			if c.last > bestPos && pred(c) {
				best, bestPos = ci, c.last
			}
		}
		return best
	}

	for _, k := range idx {
		mi := &r.mentions[k]
		mi.sentence = sentOf(mi.m.Start)
		if isAuthor(mi, authors) {
			r.chainOf[k] = -1
			continue
		}
		ci := -1
		switch mi.kind {
		case kindName:
			parts := mi.parts
			if mi.acronym {
				if exp, ok := defs[normAcronym(mi.name)]; ok {
					// The acronym stands for its expansion in this document.
					ci = byRecency(func(c *chain) bool {
						return c.named && compatibleTypes(c.typ, mi.m.Type, true) && (strings.EqualFold(c.bestName, exp) || namematch.CompareParts(namematch.Parts(exp), c.best).Match && !namematch.CompareParts(namematch.Parts(exp), c.best).Partial)
					})
				}
				if ci < 0 {
					ci = byRecency(func(c *chain) bool {
						if !c.named || !compatibleTypes(c.typ, mi.m.Type, true) {
							return false
						}
						for _, a := range c.acronyms {
							if a == normAcronym(mi.name) {
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
				for _, cj := range local {
					c := r.chains[cj]
					if !c.named || !compatibleTypes(c.typ, mi.m.Type, partsKey(parts) == partsKey(c.best)) {
						continue
					}
					ok, s := nameFits(parts, c.best, c.names, c.typ)
					if !ok {
						continue
					}
					if full {
						if s > bestScore || (s == bestScore && c.last > r.chains[ci].last) {
							ci, bestScore = cj, s
						}
					} else if ci < 0 || c.last > r.chains[ci].last {
						ci = cj
					}
				}
			}
			if ci < 0 {
				// A name after its description: "the head of the security
				// service, Kamchybek Tashiev" starts a chain of its own,
				// earlier nominals are not re-linked.
				ci = newChain(mi)
			}
			c := r.chains[ci]
			if mi.acronym {
				c.acronyms = appendUnique(c.acronyms, normAcronym(mi.name))
				if exp, ok := defs[normAcronym(mi.name)]; ok && len(c.best) == 0 {
					c.addName(namematch.Parts(exp), exp)
				}
				if len(c.best) == 0 {
					c.addName(parts, mi.name)
				}
			} else {
				c.addName(parts, mi.name)
				for acr, exp := range defs {
					if strings.EqualFold(exp, mi.name) {
						c.acronyms = appendUnique(c.acronyms, acr)
					}
				}
			}
			for _, ds := range describe(dt, mi) {
				c.descs = append(c.descs, ds)
				c.addHead(ds.head)
			}
			if w := strings.Fields(strings.ToLower(mi.name)); len(w) > 1 && c.typ != model.Person {
				c.addHead(lemma(w[len(w)-1])) // "the center" for "Promises Treatment Center"
			}
		case kindNominal:
			plural := isPluralPhrase(mi)
			ci = byRecency(func(c *chain) bool {
				return c.typ == mi.m.Type && c.phrases[mi.phrase] && c.plural == plural
			})
			if ci < 0 {
				ci = byRecency(func(c *chain) bool {
					return c.typ == mi.m.Type && c.heads[mi.head] > 0 && c.plural == plural
				})
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
				r.chains[ci].plural = pluralPronouns[mi.head]
			}
			c := r.chains[ci]
			if c.gender == 0 {
				switch {
				case malePronouns[mi.head]:
					c.gender = 'm'
				case femalePronouns[mi.head]:
					c.gender = 'f'
				}
			}
		}
		c := r.chains[ci]
		c.mentions = append(c.mentions, k)
		if mi.m.Start > c.last {
			c.last = mi.m.Start
		}
		c.lastSen = mi.sentence
		r.chainOf[k] = ci
	}
}

// antecedent picks the chain a pronoun refers to: the latest chain within
// the window whose type, number and gender fit.
func (r *resolver) antecedent(local []int, mi *mention, window int) int {
	p := mi.head
	best, bestPos := -1, -1
	for _, ci := range local {
		c := r.chains[ci]
		if c.last > mi.m.Start || c.last <= bestPos || mi.sentence-c.lastSen > window {
			continue
		}
		if mi.m.Type != "" && c.typ != mi.m.Type {
			continue
		}
		switch {
		case relPronouns[p]:
			if c.lastSen != mi.sentence {
				continue
			}
			if (p == "who" || p == "whom" || p == "whose") != personish(c.typ) && c.typ != model.Group {
				continue
			}
		case singularPerson[p] || firstPerson[p]:
			if c.plural {
				continue
			}
			if (malePronouns[p] && c.gender == 'f') || (femalePronouns[p] && c.gender == 'm') {
				continue
			}
		case pluralPronouns[p]:
			if c.typ == model.Person && !c.plural {
				continue
			}
		case thingPronouns[p]:
			if c.typ == model.Person || c.plural {
				continue
			}
		case placePronouns[p]:
			if c.typ != model.Place {
				continue
			}
		}
		best, bestPos = ci, c.last
	}
	return best
}

// isPluralPhrase reports whether a nominal's head is plural.
func isPluralPhrase(mi *mention) bool {
	words := strings.Fields(mi.phrase)
	if len(words) == 0 {
		return false
	}
	end := len(words)
	for i, w := range words {
		if i > 0 && prepositions[w] {
			end = i
			break
		}
	}
	h := words[end-1]
	return lemma(h) != h && !strings.HasSuffix(h, "'s") && !strings.HasSuffix(h, "’s")
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
