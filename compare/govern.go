package compare

import (
	"bufio"
	"embed"
	"slices"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Which verb governs a value, read from the dependency parse of its
// sentence (model.Annotated.Syntax). A value belongs to the frame of the
// predicate it depends on: "sent a note to X" is no journey's end, a sum
// "spent on a lawyer" is no fine, and a length of arrest that prosecutors
// "asked for" is a request, not an account of the detention. Without a
// parse the word-window rules decide alone.

//go:embed frames/*.txt
var modalityFiles embed.FS

// governorModality maps a verb lemma to the modality of what it governs
// ("ask" → "requested", "face" → "possible"), from frames/<lang>-modality.txt.
var governorModality = sync.OnceValue(func() map[string]string { return frameWordKinds("-modality.txt") })

// frameWordKinds reads the "word kind" lists frames/<lang><suffix>: each
// lower-cased word mapped to its kind.
func frameWordKinds(suffix string) map[string]string {
	out := map[string]string{}
	for _, f := range frameLines(suffix) {
		if len(f) == 2 {
			out[strings.ToLower(f[0])] = f[1]
		}
	}
	return out
}

// frameLines reads the word lists frames/<lang><suffix> of every language:
// the fields of each line, comments ("# …") and blank lines left out.
func frameLines(suffix string) [][]string {
	var out [][]string
	names, _ := modalityFiles.ReadDir("frames")
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), suffix) {
			continue
		}
		b, err := modalityFiles.ReadFile("frames/" + n.Name())
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line, _, _ := strings.Cut(sc.Text(), "#")
			if f := strings.Fields(line); len(f) > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

// parseOf is the parse of sentence s spanning tokens [t0, t1): the
// document's own, else parsed now when a parser was given, else nil.
func (d *docView) parseOf(s model.Range, t0, t1 int) *syntax.Sentence {
	if len(d.a.Syntax) == len(d.sents) {
		if si := d.sentenceContaining(s); si >= 0 && len(d.a.Syntax[si]) > 0 {
			return syntax.NewSentence(d.a.Syntax[si])
		}
	}
	if d.parse != nil && t1 > t0 {
		if ws := d.parse(d.toks[t0:t1]); len(ws) > 0 {
			return syntax.NewSentence(ws)
		}
	}
	return nil
}

// modalWord reports whether tokens [t0, t1) hold a verb of the modality
// lexicon ("asked", "faces", "remain"): only then can the parse change how
// the sentence's values are put.
func (d *docView) modalWord(t0, t1 int) bool {
	stems := modalityStems()
	for k := t0; k < t1; k++ {
		if stems[d.lemmaAt(k)] {
			return true
		}
	}
	return false
}

// modalityStems are the modality verbs folded by lemma, for modalWord.
var modalityStems = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for w := range governorModality() {
		out[lemma(w)] = true
	}
	return out
})

// headOf is the head of word k, or -1 for a root or a head out of range.
func headOf(ws []model.Word, k int) int {
	if h := ws[k].Head; h >= 0 && h < len(ws) && h != k {
		return h
	}
	return -1
}

// spanHead is the word heading the byte range [start, end): the word in it
// whose head lies outside it, or -1.
func spanHead(ws []model.Word, start, end int) int {
	best := -1
	for k, w := range ws {
		if w.Start < start || w.End > end {
			continue
		}
		if hk := headOf(ws, k); hk < 0 || ws[hk].Start < start || ws[hk].End > end {
			return k
		}
		if best < 0 {
			best = k
		}
	}
	return best
}

// governingPath walks up from word k through the words a value hangs from
// (nominal modifiers, obliques, objects, numbers, appositions) to the
// nearest verb. It returns the words passed, the verb last, and whether a
// verb was reached.
func governingPath(ws []model.Word, k int) ([]int, bool) {
	var path []int
	for steps := 0; k >= 0 && steps <= len(ws); steps++ {
		path = append(path, k)
		if ws[k].UPOS == "VERB" {
			return path, true
		}
		k = headOf(ws, k)
	}
	return path, false
}

// valuePath is governingPath from the head of candidate c's span: the
// value's head first, its verb last; ok is false when there is no verb.
func valuePath(ws []model.Word, c candidate) ([]int, bool) {
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return nil, false
	}
	return governingPath(ws, h)
}

// valueVerb is the verb that governs candidate c's value in sn, with the
// path up to it (the value's head first); ok is false without a parse or
// when the path reaches no verb.
func valueVerb(sn *syntax.Sentence, c candidate) (path []int, verb int, ok bool) {
	if sn == nil {
		return nil, -1, false
	}
	path, ok = valuePath(sn.Words, c)
	if !ok {
		return nil, -1, false
	}
	return path, path[len(path)-1], true
}

// reportingVerb reports whether verb only reports speech ("said"): the
// values under it belong to what was said, which the verb does not tell.
// Without the clause lexicon every verb counts as one (nothing is decided).
func reportingVerb(ws []model.Word, verb int) bool {
	lx := clauseLexicon()
	return lx == nil || lx.Speech[strings.ToLower(ws[verb].Lemma)]
}

// wordsOfTrigger are the parse words a trigger's tokens cover.
func (d *docView) wordsOfTrigger(ws []model.Word, tr trigger) []int {
	lo, hi := d.toks[tr.first].Start, d.toks[tr.last].End
	var out []int
	for k, w := range ws {
		if w.Start >= lo && w.End <= hi {
			out = append(out, k)
		}
	}
	return out
}

// governed checks the trigger the word-window rules chose for candidate c
// against the parse: the value belongs to a trigger on its path up to its
// verb, a trigger in that verb's own clause (controlled complements
// included: "ordered to pay N in damages"), or a trigger that is the
// subject or object of that verb ("the
// explosion happened on 5 March") or the noun its relative clause
// describes. A value whose verb no frame holds belongs to no frame (-1).
// Without a parse, when the path reaches no verb, or when the verb is a
// speech verb, best stands.
func (d *docView) governed(sn *syntax.Sentence, c candidate, trigs []trigger, best int, takes func(int) bool) int {
	if sn == nil {
		return best
	}
	if c.value.Kind != model.KindMoney {
		// Counts, durations, dates and places are read by the word
		// windows alone: events are dated and placed by whichever clause
		// says so ("injured in Aceh in the quake"), and with today's
		// parser a veto on them cost more true values than false ones
		// (docs/compare.md, "governing verb").
		return best
	}
	ws := sn.Words
	path, ok := valuePath(ws, c)
	if !ok {
		return best
	}
	h, verb := path[0], path[len(path)-1]
	for _, k := range path {
		if universal(ws[k].Rel) == "dep" {
			return best // the parser could not say how the value attaches
		}
	}
	if best >= 0 && d.adjacent(c, trigs[best]) {
		return best
	}
	if reportingVerb(ws, verb) {
		// A value right under a speech verb is most often the parser
		// taking the reported clause for an object ("says 40 citizens
		// are among …"): the parse says nothing about its frame.
		return best
	}
	allowed := map[int]bool{}
	for _, k := range path {
		allowed[k] = true
	}
	for _, ch := range sn.Children(h) {
		// The value's own modifiers say what it counts: "N people onto
		// the streets".
		allowed[ch] = true
	}
	for _, ch := range sn.Children(verb) {
		switch universal(ws[ch].Rel) {
		case "nsubj", "obj", "csubj":
			allowed[ch] = true
		}
	}
	if hv := headOf(ws, verb); universal(ws[verb].Rel) == "acl" && hv >= 0 {
		// A relative clause describes its noun: "rallies, which gathered
		// 30,000 people" counts the rallies.
		allowed[hv] = true
	}
	for _, ch := range sn.Children(verb) {
		if universal(ws[ch].Rel) == "nsubj" && relativePronoun(ws[ch]) {
			// "protests against fuel prices, which brought N people":
			// however the parser attached the clause, it describes the
			// noun phrase that ends right before its pronoun.
			for k := 0; k < ch; k++ {
				if (ws[k].UPOS == "NOUN" || ws[k].UPOS == "PROPN") && sn.NounPhrase(k).Last >= ch-2 {
					allowed[k] = true
				}
			}
		}
	}
	if best < 0 {
		return best
	}
	clause := clauseGroup(sn, verb)
	coordinated := false
	for _, k := range d.wordsOfTrigger(ws, trigs[best]) {
		if allowed[k] || clauseGroup(sn, k) == clause {
			return best
		}
		// Only a trigger noun: a verb of the other clause may share the
		// value's object ("promised and paid N").
		coordinated = coordinated || (ws[k].UPOS == "NOUN" && conjoined(sn, clause, clauseGroup(sn, k)))
	}
	if c.value.Kind == model.KindMoney && !coordinated {
		// A sum is taken from its trigger only when the two stand in
		// coordinated clauses ("paid a fine …, and his family spent N
		// on a lawyer"): sums in subordinate and relative clauses are
		// most often the same payment told in more words.
		return best
	}
	// The nearest trigger is outside the value's own clause: the value
	// belongs to a trigger on its path, if one takes it, else to no frame.
	// Triggers elsewhere are not tried: a precision-first veto.
	for _, k := range path {
		for t := range trigs {
			if !takes(t) {
				continue
			}
			for _, tk := range d.wordsOfTrigger(ws, trigs[t]) {
				if tk == k {
					return t
				}
			}
		}
	}
	return vetoed
}

// perceived is the kind of the perception verbs in the modality lists:
// a place under them is where an event was perceived.
const perceived = "perceived"

// vetoed is what governed returns when the parse takes a value away from
// the trigger the word windows chose and gives it to none.
const vetoed = -2

// clauseLexicon is the English clause lexicon of the parser (speech verbs),
// or nil when it cannot load.
var clauseLexicon = sync.OnceValue(func() *syntax.Lexicon {
	lx, err := syntax.LoadLexicon("en")
	if err != nil {
		return nil
	}
	return lx
})

// modality is how the verb above trigger tr puts it: "requested" when a
// request verb governs it ("asked for an arrest of 15 days"), "possible"
// for a threat or risk ("could face five years"), "" for an account.
func (d *docView) modality(sn *syntax.Sentence, tr trigger) string {
	if sn == nil {
		return ""
	}
	ws := sn.Words
	lex := governorModality()
	for _, k := range d.wordsOfTrigger(ws, tr) {
		// Up from the trigger: the verb it depends on, and the verbs
		// whose complement that verb is ("sought to detain").
		for steps, w := 0, k; w >= 0 && steps < 4; steps++ {
			if ws[w].UPOS == "VERB" {
				if m := lex[strings.ToLower(ws[w].Lemma)]; m != "" && m != "current" && m != perceived {
					return m
				}
				if w != k {
					r := universal(ws[w].Rel)
					if r != "xcomp" && r != "ccomp" {
						break
					}
				}
			}
			w = headOf(ws, w)
		}
	}
	return ""
}

// thingMoved reports whether the verb governing the place of candidate c
// moves a thing rather than people ("sent a note to X", "brought supplies
// to Y"): its object is a common noun that names no person.
func (d *docView) thingMoved(sn *syntax.Sentence, c candidate) bool {
	_, verb, ok := valueVerb(sn, c)
	if !ok {
		return false
	}
	ws := sn.Words
	for _, ch := range sn.Children(verb) {
		if universal(ws[ch].Rel) != "obj" {
			continue
		}
		w := ws[ch]
		if w.UPOS != "NOUN" || personNouns[unitKey(strings.ToLower(w.Lemma))] || d.personAtOffset(w.Start) {
			return false
		}
		return true
	}
	return false
}

// personAtOffset reports whether a person mention covers byte offset off.
func (d *docView) personAtOffset(off int) bool {
	lo, hi := d.personWindow(off, off)
	for _, m := range d.persons[lo:hi] {
		if m.Start <= off && off < m.End {
			return true
		}
	}
	return false
}

// governingLemma is the lemma of the verb a value depends on, or "".
func governingLemma(sn *syntax.Sentence, c candidate) string {
	_, verb, ok := valueVerb(sn, c)
	if !ok {
		return ""
	}
	return strings.ToLower(sn.Words[verb].Lemma)
}

// universal is a relation without its subtype: "nsubj" for "nsubj:pass".
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// withModality names the fact a value of class attr under a request or
// possibility verb belongs to: "detained (requested)" is what was asked
// for, kept apart from accounts of the detention.
func withModality(attr, m string) string { return attr + " (" + m + ")" }

// splitModality undoes withModality.
func splitModality(attr string) (class, m string) {
	if i := strings.LastIndex(attr, " ("); i > 0 && strings.HasSuffix(attr, ")") {
		return attr[:i], attr[i+2 : len(attr)-1]
	}
	return attr, ""
}

// relativePronoun reports whether w introduces a relative clause ("which",
// "who"), by its tags.
func relativePronoun(w model.Word) bool {
	return w.Feats.PronType == "Rel" || w.XPOS == "WDT" || w.XPOS == "WP"
}

// clauseGroup is the clause word k belongs to, with controlled complements
// counted as one clause with their controller ("decided to pay", "took
// effect"): the head of the outermost clause reached through xcomp.
func clauseGroup(sn *syntax.Sentence, k int) int {
	ws := sn.Words
	h := sn.ClauseHead(k)
	for steps := 0; h >= 0 && steps <= len(ws); steps++ {
		if universal(ws[h].Rel) != "xcomp" || headOf(ws, h) < 0 {
			break
		}
		h = sn.ClauseHead(headOf(ws, h))
	}
	return h
}

// adjacent reports whether trigger tr stands right beside the value, at
// most two words away with nothing but words between ("the death toll is
// 11", "five dead"): the window is surer than a parse there.
func (d *docView) adjacent(c candidate, tr trigger) bool {
	lo, hi := tr.last, d.tokenAt(c.span.Start)
	if tr.first > c.tok {
		lo, hi = max(d.tokenAt(c.span.End-1), c.tok), tr.first
	}
	if hi-lo > 3 || hi < lo {
		return false
	}
	for k := lo + 1; k < hi; k++ {
		if d.toks[k].Kind != model.TokenWord {
			return false
		}
	}
	return true
}

// conjoined reports whether clauses a and b are coordinated: one is a
// conjunct of the other.
func conjoined(sn *syntax.Sentence, a, b int) bool {
	if a < 0 || b < 0 || a == b {
		return false
	}
	ws := sn.Words
	for _, x := range [][2]int{{a, b}, {b, a}} {
		if h := headOf(ws, x[0]); universal(ws[x[0]].Rel) == "conj" && h >= 0 && clauseGroup(sn, h) == x[1] {
			return true
		}
	}
	return false
}

// tiedElsewhere reports whether the parse ties time or place value c to a
// predicate of its own rather than to trigger tr: the value's verb is not
// the trigger, the trigger is not on the value's path up to it, not the
// verb's subject or object ("the blast happened on Monday"), not the noun
// its relative clause describes, and not in its clause. "killed his wife
// on Monday and will be arraigned on Wednesday": Wednesday is the
// arraignment's, not the killing's. Without a parse, or where the parser
// could not say how the value attaches, nothing is decided.
func (d *docView) tiedElsewhere(sn *syntax.Sentence, c candidate, tr trigger) bool {
	return d.partedFrom(sn, c, tr, false)
}

// partedFrom is tiedElsewhere; strict, it also parts the value from a
// trigger noun that merely stands in the value's clause ("a survivor of
// the quake was pulled out on Monday": Monday is not the quake's), as
// when a vetoed value looks for a trigger of its own.
func (d *docView) partedFrom(sn *syntax.Sentence, c candidate, tr trigger, strict bool) bool {
	if sn == nil || (c.value.Kind != model.KindDate && c.value.Kind != model.KindPlace) {
		return false
	}
	ws := sn.Words
	path, ok := valuePath(ws, c)
	if !ok {
		return false
	}
	for _, k := range path {
		if universal(ws[k].Rel) == "dep" {
			return false
		}
	}
	if d.adjacent(c, tr) {
		return false
	}
	own := path[len(path)-1] // the value's own verb
	if reportingVerb(ws, own) && (len(path) > 2 || universal(ws[own].Rel) == "conj" || universal(ws[own].Rel) == "parataxis") {
		// A value inside what a speech verb governs ("for a reported
		// N in 1957"), or under a trailing attribution ("was fired last
		// week, the manager said"), is the parser's slip: only a value
		// right under a verb that reports the event ("said on Monday
		// that …") is the statement's.
		return false
	}
	linked := map[int]bool{}
	clauses := map[int]bool{}
	for steps := 0; steps < 4; steps++ {
		verb := path[len(path)-1]
		for _, k := range path {
			linked[k] = true
		}
		for _, ch := range sn.Children(verb) {
			switch universal(ws[ch].Rel) {
			case "nsubj", "obj", "csubj":
				linked[ch] = true
			}
		}
		clauses[clauseGroup(sn, verb)] = true
		hv := headOf(ws, verb)
		if hv < 0 || (ws[verb].Rel != "acl" && ws[verb].Rel != "amod") {
			break
		}
		// A participle modifying a noun ("a line called X in
		// December", "for a reported N in 1957") has no clause of its
		// own: the value may be the noun's verb's.
		linked[hv] = true
		if path, ok = governingPath(ws, hv); !ok {
			break
		}
	}
	words := d.wordsOfTrigger(ws, tr)
	if c.value.Kind == model.KindPlace && governorModality()[strings.ToLower(ws[own].Lemma)] == perceived && !slices.Contains(words, own) {
		return true // "the quake was felt in X": perceived there, not there
	}
	for _, k := range words {
		sameClause := clauses[clauseGroup(sn, k)] && (!strict || ws[k].UPOS == "VERB")
		if linked[k] || sameClause || beneath(sn, own, clauseGroup(sn, k)) {
			return false
		}
	}
	return len(words) > 0
}

// linkedTrigger is the trigger nearest to candidate c, among those that
// take it, that the parse does not part from it (see tiedElsewhere); -1
// when there is none.
func (d *docView) linkedTrigger(sn *syntax.Sentence, c candidate, trigs []trigger, takes func(int) bool) int {
	best, dist := -1, 0
	for t := range trigs {
		if !takes(t) || d.partedFrom(sn, c, trigs[t], true) {
			continue
		}
		k := abs(trigs[t].first - c.tok)
		if best < 0 || k < dist {
			best, dist = t, k
		}
	}
	return best
}

// beneath reports whether verb v's clause is subordinate to clause
// (reached from it through heads without crossing a coordination): a
// time or place in a clause under the trigger's ("killed when the bus
// overturned on Monday") most often still dates the trigger's event, and
// the veto keeps to values of clauses beside or above it.
func beneath(sn *syntax.Sentence, v, clause int) bool {
	ws := sn.Words
	for steps, k := 0, v; k >= 0 && steps <= len(ws); steps++ {
		if k == clause {
			return true
		}
		if universal(ws[k].Rel) == "conj" || universal(ws[k].Rel) == "parataxis" {
			return false
		}
		k = headOf(ws, k)
	}
	return false
}
