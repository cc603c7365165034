package syntax

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// Helpers that read noun phrases and clauses off a parsed sentence (the
// []Word of one sentence). They depend on the language only through a
// Lexicon, kept as data under lexicon/<language>/.

//go:embed lexicon
var lexiconFS embed.FS

// Lexicon holds the per-language word lists the clause helpers read.
type Lexicon struct {
	Negation    map[string]bool // lemmas that negate a clause: "not", "never"
	Conditional map[string]bool // subordinators of a condition: "if", "unless"
	HedgeAux    map[string]bool // modal auxiliaries: "may", "could"
	HedgeAdv    map[string]bool // hedging adverbs: "reportedly"
	HedgeVerb   map[string]bool // verbs whose complement is only believed: "believe"
	Speech      map[string]bool // speech verbs whose subject is a source: "say"
	// Attribution maps a preposition lemma to the word that must follow it
	// ("accord" → "to") or "" when none must.
	Attribution map[string]string
}

// LoadLexicon reads the embedded lexicon of a language ("en").
func LoadLexicon(lang string) (*Lexicon, error) {
	lx := &Lexicon{}
	read := func(name string) ([][]string, error) {
		b, err := lexiconFS.ReadFile("lexicon/" + lang + "/" + name)
		if err != nil {
			return nil, fmt.Errorf("syntax lexicon %s: %w", lang, err)
		}
		var rows [][]string
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line, _, _ := strings.Cut(sc.Text(), "#")
			if f := strings.Fields(line); len(f) > 0 {
				rows = append(rows, f)
			}
		}
		return rows, nil
	}
	set := func(name string) (map[string]bool, error) {
		rows, err := read(name)
		out := map[string]bool{}
		for _, r := range rows {
			out[strings.ToLower(r[0])] = true
		}
		return out, err
	}
	var err error
	if lx.Negation, err = set("negation.txt"); err != nil {
		return nil, err
	}
	if lx.Conditional, err = set("conditional.txt"); err != nil {
		return nil, err
	}
	if lx.Speech, err = set("speech.txt"); err != nil {
		return nil, err
	}
	rows, err := read("hedge.txt")
	if err != nil {
		return nil, err
	}
	lx.HedgeAux, lx.HedgeAdv, lx.HedgeVerb = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		if len(r) != 2 {
			return nil, fmt.Errorf("syntax lexicon %s: hedge.txt: line %q: want kind and word", lang, strings.Join(r, " "))
		}
		switch r[0] {
		case "aux":
			lx.HedgeAux[r[1]] = true
		case "adv":
			lx.HedgeAdv[r[1]] = true
		case "verb":
			lx.HedgeVerb[r[1]] = true
		default:
			return nil, fmt.Errorf("syntax lexicon %s: hedge.txt: unknown kind %q", lang, r[0])
		}
	}
	if rows, err = read("attribution.txt"); err != nil {
		return nil, err
	}
	lx.Attribution = map[string]string{}
	for _, r := range rows {
		next := ""
		if len(r) > 1 && r[1] != "-" {
			next = r[1]
		}
		lx.Attribution[r[0]] = next
	}
	return lx, nil
}

// universalRel is the relation without its subtype: "nmod" for "nmod:poss".
func universalRel(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// Children returns the indexes of the words whose head is i, in order.
func Children(s []Word, i int) []int {
	var out []int
	for k, w := range s {
		if w.Head == i {
			out = append(out, k)
		}
	}
	return out
}

// Phrase is a word with the part of the sentence it heads.
type Phrase struct {
	Head int // index of the head word
	// Start and End are the byte range of the head's whole subtree, without
	// punctuation at its edges.
	Start, End int
	// First and Last are the indexes of its first and last word.
	First, Last int
	// Modifiers are the head's direct dependents other than punctuation
	// and case markers, in order.
	Modifiers []int
}

// NounPhrase returns the phrase headed by word i: its extent and its
// modifiers (determiners, numbers, adjectives, compounds, "of" phrases,
// appositions, relative clauses).
func NounPhrase(s []Word, i int) Phrase {
	p := Phrase{Head: i, First: i, Last: i}
	var walk func(k int)
	walk = func(k int) {
		p.First, p.Last = min(p.First, k), max(p.Last, k)
		for _, c := range Children(s, k) {
			walk(c)
		}
	}
	for _, c := range Children(s, i) {
		r := universalRel(s[c].Rel)
		if r != "punct" && r != "case" && r != "cc" {
			p.Modifiers = append(p.Modifiers, c)
		}
		if r != "case" {
			walk(c)
		}
	}
	for p.First < i && s[p.First].UPOS == "PUNCT" {
		p.First++
	}
	for p.Last > i && s[p.Last].UPOS == "PUNCT" {
		p.Last--
	}
	p.Start, p.End = s[p.First].Start, s[p.Last].End
	return p
}

// clauseRels are the relations that head a clause of their own.
var clauseRels = map[string]bool{"root": true, "ccomp": true, "xcomp": true, "advcl": true, "acl": true,
	"parataxis": true, "csubj": true}

// ClauseHead returns the head of the clause word i belongs to: the nearest
// word at or above i that heads a clause (a root, a complement, an adverbial
// or relative clause, or a verb conjoined to one). In a copular clause ("the
// victims were not in the city") the head is the predicate, "city".
func ClauseHead(s []Word, i int) int {
	for steps := 0; i >= 0 && steps <= len(s); steps++ {
		w := s[i]
		r := universalRel(w.Rel)
		if clauseRels[r] || w.Head < 0 {
			return i
		}
		if r == "conj" && (w.UPOS == "VERB" || hasDependent(s, i, "nsubj", "cop", "aux")) {
			return i
		}
		i = w.Head
	}
	return i
}

// GoverningVerb returns the verb of the clause word i belongs to: the clause
// head when it is a verb, else its copula or auxiliary, or -1.
func GoverningVerb(s []Word, i int) int {
	h := ClauseHead(s, i)
	if h < 0 {
		return -1
	}
	if s[h].UPOS == "VERB" {
		return h
	}
	for _, c := range Children(s, h) {
		if r := universalRel(s[c].Rel); r == "cop" || r == "aux" {
			return c
		}
	}
	return -1
}

func hasDependent(s []Word, i int, rels ...string) bool {
	for _, c := range Children(s, i) {
		r := universalRel(s[c].Rel)
		for _, want := range rels {
			if r == want {
				return true
			}
		}
	}
	return false
}

// Clause describes the clause a word belongs to.
type Clause struct {
	Head int // the clause head (see ClauseHead)
	// Negated: a negation ("not", "never", "no") modifies the head.
	Negated bool
	// Conditional: the clause is introduced by "if", "unless", … or lies
	// inside such a clause.
	Conditional bool
	// Hedged: a modal ("may", "could"), a hedging adverb ("reportedly") or a
	// verb of belief governing it ("officials believe …") weakens it.
	Hedged bool
	// Reported: the clause is what someone said: the complement of a speech
	// verb ("police said …") or carries "according to …".
	Reported bool
	// Speech is the speech verb the clause is reported by, or -1.
	Speech int
	// Source is the word the clause is attributed to: the subject of the
	// speech verb or the object of "according to", or -1.
	Source int
}

// ClauseOf describes the clause word i belongs to, walking up through the
// clauses that embed it to find conditions, hedges and attribution.
func ClauseOf(s []Word, i int, lx *Lexicon) Clause {
	c := Clause{Head: ClauseHead(s, i), Speech: -1, Source: -1}
	if c.Head < 0 {
		return c
	}
	for _, k := range Children(s, c.Head) {
		w := s[k]
		r := universalRel(w.Rel)
		lemma := strings.ToLower(w.Lemma)
		switch {
		case (r == "advmod" || r == "det" || r == "cc") && lx.Negation[lemma]:
			c.Negated = true
		case r == "aux" && lx.HedgeAux[lemma]:
			c.Hedged = true
		case r == "advmod" && lx.HedgeAdv[lemma]:
			c.Hedged = true
		}
	}
	// Walk up the embedding clauses.
	h := c.Head
	for steps := 0; h >= 0 && steps <= len(s); steps++ {
		w := s[h]
		r := universalRel(w.Rel)
		for _, k := range Children(s, h) {
			kr := universalRel(s[k].Rel)
			if kr == "mark" && lx.Conditional[strings.ToLower(s[k].Lemma)] {
				c.Conditional = true
			}
			if kr == "advmod" && lx.HedgeAdv[strings.ToLower(s[k].Lemma)] {
				c.Hedged = true
			}
			if !c.Reported && (kr == "obl" || kr == "nmod") && attributedBy(s, k, lx) {
				c.Reported, c.Source = true, k
			}
		}
		if w.Head < 0 {
			break
		}
		parent := ClauseHead(s, w.Head)
		if parent < 0 || parent == h {
			break
		}
		pl := strings.ToLower(s[parent].Lemma)
		if r == "ccomp" || r == "parataxis" || r == "xcomp" || r == "csubj" {
			if lx.Speech[pl] && !c.Reported {
				c.Reported, c.Speech, c.Source = true, parent, subjectOf(s, parent)
			}
			if lx.HedgeVerb[pl] {
				c.Hedged = true
			}
		}
		h = parent
	}
	return c
}

// attributedBy reports whether word k is the object of an attribution
// preposition ("according to police").
func attributedBy(s []Word, k int, lx *Lexicon) bool {
	for _, c := range Children(s, k) {
		if universalRel(s[c].Rel) != "case" {
			continue
		}
		next, ok := lx.Attribution[strings.ToLower(s[c].Lemma)]
		if !ok {
			continue
		}
		if next == "" {
			return true
		}
		for _, f := range Children(s, c) {
			if strings.EqualFold(s[f].Lemma, next) {
				return true
			}
		}
		if c+1 < len(s) && strings.EqualFold(s[c+1].Lemma, next) {
			return true
		}
	}
	return false
}

// subjectOf returns the subject of the clause headed by h, or -1.
func subjectOf(s []Word, h int) int {
	for _, c := range Children(s, h) {
		if universalRel(s[c].Rel) == "nsubj" {
			return c
		}
	}
	return -1
}
