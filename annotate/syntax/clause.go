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

// Sentence is a parsed sentence with the indexes the helpers need, built
// once in linear time: each word's dependents and the head of its clause.
// It is immutable and safe for concurrent use.
type Sentence struct {
	Words    []Word
	children [][]int
	clause   []int // clause head of each word
}

// NewSentence indexes the words of one parsed sentence (heads relative to
// the sentence, as ParseTokens and model.Annotated.Syntax give them).
// Heads out of range are treated as roots.
func NewSentence(words []Word) *Sentence {
	s := &Sentence{Words: words, children: make([][]int, len(words)), clause: make([]int, len(words))}
	for i, w := range words {
		if h := w.Head; h >= 0 && h < len(words) && h != i {
			s.children[h] = append(s.children[h], i)
		}
	}
	for i := range s.clause {
		s.clause[i] = -2 // not yet known
	}
	// Walk up from each word until a known clause head, then label the
	// whole path: every word is visited a bounded number of times.
	var path []int
	for i := range words {
		path = path[:0]
		k := i
		head := -1
		for steps := 0; k >= 0 && steps <= len(words); steps++ {
			if s.clause[k] != -2 {
				head = s.clause[k]
				break
			}
			if s.headsClause(k) {
				head = k
				break
			}
			path = append(path, k)
			k = s.head(k)
		}
		if k >= 0 && s.clause[k] == -2 {
			s.clause[k] = head
		}
		for _, p := range path {
			s.clause[p] = head
		}
	}
	return s
}

// head returns the head of word i, or -1 for a root or a head out of range.
func (s *Sentence) head(i int) int {
	h := s.Words[i].Head
	if h < 0 || h >= len(s.Words) || h == i {
		return -1
	}
	return h
}

// headsClause reports whether word i heads a clause of its own: a root, a
// complement, an adverbial or relative clause, or a verb (or a predicate
// with a subject, copula or auxiliary) conjoined to one.
func (s *Sentence) headsClause(i int) bool {
	w := s.Words[i]
	r := universalRel(w.Rel)
	if clauseRels[r] || s.head(i) < 0 {
		return true
	}
	return r == "conj" && (w.UPOS == "VERB" || s.hasDependent(i, "nsubj", "cop", "aux"))
}

// Children returns the indexes of the words whose head is i, in order.
func (s *Sentence) Children(i int) []int { return s.children[i] }

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
func (s *Sentence) NounPhrase(i int) Phrase {
	p := Phrase{Head: i, First: i, Last: i}
	// Walk the subtree with an explicit stack: a degenerate tree may be
	// as deep as the sentence is long.
	var stack []int
	for _, c := range s.children[i] {
		r := universalRel(s.Words[c].Rel)
		if r != "punct" && r != "case" && r != "cc" {
			p.Modifiers = append(p.Modifiers, c)
		}
		if r != "case" {
			stack = append(stack, c)
		}
	}
	// A tree's subtree has fewer words than the sentence; the bound only
	// matters for words whose heads form a cycle, which no parse has.
	for pops := 0; len(stack) > 0 && pops < len(s.Words); pops++ {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p.First, p.Last = min(p.First, k), max(p.Last, k)
		stack = append(stack, s.children[k]...)
	}
	for p.First < i && s.Words[p.First].UPOS == "PUNCT" {
		p.First++
	}
	for p.Last > i && s.Words[p.Last].UPOS == "PUNCT" {
		p.Last--
	}
	p.Start, p.End = s.Words[p.First].Start, s.Words[p.Last].End
	return p
}

// clauseRels are the relations that head a clause of their own.
var clauseRels = map[string]bool{"root": true, "ccomp": true, "xcomp": true, "advcl": true, "acl": true,
	"parataxis": true, "csubj": true}

// ClauseHead returns the head of the clause word i belongs to: the nearest
// word at or above i that heads a clause (a root, a complement, an adverbial
// or relative clause, or a verb conjoined to one). In a copular clause ("the
// victims were not in the city") the head is the predicate, "city".
func (s *Sentence) ClauseHead(i int) int { return s.clause[i] }

// GoverningVerb returns the verb of the clause word i belongs to: the clause
// head when it is a verb, else its copula or auxiliary, or -1.
func (s *Sentence) GoverningVerb(i int) int {
	h := s.ClauseHead(i)
	if h < 0 {
		return -1
	}
	if s.Words[h].UPOS == "VERB" {
		return h
	}
	for _, c := range s.children[h] {
		if r := universalRel(s.Words[c].Rel); r == "cop" || r == "aux" {
			return c
		}
	}
	return -1
}

func (s *Sentence) hasDependent(i int, rels ...string) bool {
	for _, c := range s.children[i] {
		r := universalRel(s.Words[c].Rel)
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
func (s *Sentence) ClauseOf(i int, lx *Lexicon) Clause {
	c := Clause{Head: s.ClauseHead(i), Speech: -1, Source: -1}
	if c.Head < 0 {
		return c
	}
	for _, k := range s.children[c.Head] {
		w := s.Words[k]
		r := universalRel(w.Rel)
		lemma := strings.ToLower(w.Lemma)
		switch {
		case (r == "advmod" || r == "det" || r == "cc") && lx.Negation[lemma]:
			c.Negated = true
		case r == "aux" && lx.HedgeAux[lemma]:
			c.Hedged = true
		}
	}
	// Walk up the embedding clauses; clause heads strictly climb the tree,
	// so the walk ends.
	h := c.Head
	for steps := 0; h >= 0 && steps <= len(s.Words); steps++ {
		for _, k := range s.children[h] {
			kw := s.Words[k]
			kr := universalRel(kw.Rel)
			lemma := strings.ToLower(kw.Lemma)
			if kr == "mark" && lx.Conditional[lemma] {
				c.Conditional = true
			}
			if kr == "advmod" && lx.HedgeAdv[lemma] {
				c.Hedged = true
			}
			if !c.Reported && (kr == "obl" || kr == "nmod") && s.attributedBy(k, lx) {
				c.Reported, c.Source = true, k
			}
		}
		up := s.head(h)
		if up < 0 {
			break
		}
		parent := s.ClauseHead(up)
		if parent < 0 || parent == h {
			break
		}
		r := universalRel(s.Words[h].Rel)
		pl := strings.ToLower(s.Words[parent].Lemma)
		if r == "ccomp" || r == "parataxis" || r == "xcomp" || r == "csubj" {
			if lx.Speech[pl] && !c.Reported {
				c.Reported, c.Speech, c.Source = true, parent, s.subjectOf(parent)
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
func (s *Sentence) attributedBy(k int, lx *Lexicon) bool {
	for _, c := range s.children[k] {
		if universalRel(s.Words[c].Rel) != "case" {
			continue
		}
		next, ok := lx.Attribution[strings.ToLower(s.Words[c].Lemma)]
		if !ok {
			continue
		}
		if next == "" {
			return true
		}
		for _, f := range s.children[c] {
			if strings.EqualFold(s.Words[f].Lemma, next) {
				return true
			}
		}
		if c+1 < len(s.Words) && strings.EqualFold(s.Words[c+1].Lemma, next) {
			return true
		}
	}
	return false
}

// subjectOf returns the subject of the clause headed by h, or -1.
func (s *Sentence) subjectOf(h int) int {
	for _, c := range s.children[h] {
		if universalRel(s.Words[c].Rel) == "nsubj" {
			return c
		}
	}
	return -1
}

// ClauseHead returns the head of the clause word i of words belongs to (see
// Sentence.ClauseHead). It indexes the sentence on every call: to ask about
// many words of one sentence, use NewSentence once.
func ClauseHead(words []Word, i int) int { return NewSentence(words).ClauseHead(i) }
