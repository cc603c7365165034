package compare

import (
	"embed"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Who did what to whom. The arguments of a story's event predicates, read
// from the dependency parse, are statements of their own: the agent that
// found the bomb, the person the blast killed, what the fire gutted. Each
// argument is one statement (predicate, role, value phrase) with its
// polarity, hedging and speaker; statements of different documents that
// give the same predicate and role an equivalent value (the same entity,
// or the same head word) become an agreed fact (arguments_align.go). Which
// dependents are arguments, and in which role, is data: roles/<lang>.json.

//go:embed roles/*.json
var roleFiles embed.FS

// roleRule maps a dependency relation of a predicate to a role.
type roleRule struct {
	// Pred is the part of speech of the predicate the row is for:
	// "NOUN" for a nominal trigger ("the arrest of …"), "" for a verb.
	Pred  string `json:"pred,omitempty"`
	Rel   string `json:"rel"`
	Case  string `json:"case,omitempty"`
	Voice string `json:"voice,omitempty"` // "active", "passive" or "" (either)
	UPOS  string `json:"upos,omitempty"`
	Role  string `json:"role"`
	// FrameOnly rows apply only to a predicate a frame names as a trigger:
	// where a detention or a fire happened is a fact, where someone sang
	// or stood is not.
	FrameOnly bool `json:"frame_only,omitempty"`
}

// roleLexicon is one language's roles/<lang>.json.
type roleLexicon struct {
	Roles            []roleRule `json:"roles"`
	LightPredicates  []string   `json:"light_predicates"`
	ValuePronouns    []string   `json:"value_pronouns"`
	RelativePronouns []string   `json:"relative_pronouns"`
	// AgentCase marks the agent of a passive ("by"); PerfectAux are the
	// auxiliaries of a perfect ("have"), which a passive participle lacks.
	AgentCase     string   `json:"agent_case"`
	PerfectAux    []string `json:"perfect_aux"`
	GenericValues []string `json:"generic_values"`
	// NotSites head locative-looking phrases that place nothing ("in
	// total", "in connection with", "in response to").
	NotSites []string `json:"not_sites"`
	// CountRelations are the relations by which a trigger takes a count
	// ("obj"; "nmod/of": an nmod whose case marker is "of");
	// PartitiveCase marks the whole of a partitive ("38 of the 67").
	CountRelations []string `json:"count_relations"`
	PartitiveCase  string   `json:"partitive_case"`
	// MeasuredCase marks what a value measures ("two days of fighting"),
	// as against where it is ("two pumps on the quay").
	MeasuredCase string `json:"measured_case"`

	light, valuePronoun, relative, generic, perfect, countRel, notSite map[string]bool
	clause                                                             *syntax.Lexicon
}

// loadRoleLexicon reads roles/<lang>.json and the clause lexicon of the
// same language.
func loadRoleLexicon(lang string) (*roleLexicon, error) {
	raw, err := roleFiles.ReadFile("roles/" + lang + ".json")
	if err != nil {
		return nil, fmt.Errorf("roles %s: %w", lang, err)
	}
	var lx roleLexicon
	if err := json.Unmarshal(raw, &lx); err != nil {
		return nil, fmt.Errorf("roles %s: %w", lang, err)
	}
	for _, r := range lx.Roles {
		if r.Rel == "" || r.Role == "" {
			return nil, fmt.Errorf("roles %s: a role rule needs rel and role", lang)
		}
	}
	set := func(ws []string) map[string]bool {
		m := make(map[string]bool, len(ws))
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	lx.light, lx.valuePronoun, lx.relative, lx.generic = set(lx.LightPredicates), set(lx.ValuePronouns), set(lx.RelativePronouns), set(lx.GenericValues)
	lx.perfect, lx.notSite = set(lx.PerfectAux), set(lx.NotSites)
	lx.countRel = set(lx.CountRelations)
	if lx.clause, err = syntax.LoadLexicon(lang); err != nil {
		return nil, fmt.Errorf("roles %s: %w", lang, err)
	}
	return &lx, nil
}

// englishRoles is the embedded English role lexicon; it is part of the
// program, so a broken file stops it at start (and fails every test).
var englishRoles = sync.OnceValue(func() *roleLexicon {
	lx, err := loadRoleLexicon("en")
	if err != nil {
		panic(err)
	}
	return lx
})

// argStatement is one argument of one event predicate in one document.
type argStatement struct {
	Claim
	pred  string          // predicate lemma, with its particle ("give up")
	frame model.FrameName // the frame of a predicate class, else the lemma
	group string          // what statements must share to meet: the frame, or the predicate of a generic one
	role  string
	// key identifies the value: "ent:<entity ID>" or "lem:<head lemma>".
	key string
	// anchor identifies the predicate's other core argument (the patient
	// of an agent, the agent of a patient), "" when it has none;
	// anchorName is its text.
	anchor, anchorName, anchorEntity string
	negated                          bool
	order                            int // document order, for stable output
}

// siteRole is the role of where an event happened when the place is a
// common noun ("on the roof", "in the bushes"); named places are typed
// place values of their own.
const siteRole = "site"

// maxArgumentWords bounds a value phrase: the argument, never the clause.
const maxArgumentWords = 10

// argumentStatements returns the argument statements of the sentences
// that share a pair of content words with a sentence of another document
// of the story: only such sentences are parsed, since only a predicate
// and an argument that another source also gives can align.
func argumentStatements(docs []*model.Annotated, opts Options, canon map[string]string) []argStatement {
	lx := englishRoles()
	type sentence struct {
		r      model.Range
		t0, t1 int
		pairs  []uint64
	}
	type view struct {
		d     *docView
		sents []sentence
	}
	var views []view
	// seen maps a pair of content lemmas to the first canonical document
	// that gives it in one sentence, or "" once a second one does.
	seen := map[uint64]string{}
	for _, a := range docs {
		if a == nil || a.Doc == nil || a.Doc.Text == "" || !englishDoc(a.Doc) {
			continue
		}
		d := newDocView(a)
		d.parse, d.lemmaMemo = opts.Parse, opts.lemmas
		v := view{d: d}
		cd := canonOf(canon, a.Doc.ID)
		d.eachSentence(func(s model.Range, t0, t1 int) {
			st := sentence{r: s, t0: t0, t1: t1, pairs: d.lemmaPairs(t0, t1)}
			for _, p := range st.pairs {
				if first, ok := seen[p]; !ok {
					seen[p] = cd
				} else if first != cd {
					seen[p] = ""
				}
			}
			v.sents = append(v.sents, st)
		})
		views = append(views, v)
	}
	if len(views) < 2 {
		return nil
	}
	var out []argStatement
	for _, v := range views {
		for _, st := range v.sents {
			shared := false
			for _, p := range st.pairs {
				if seen[p] == "" {
					shared = true
					break
				}
			}
			if !shared {
				continue
			}
			if sn := v.d.parseOf(st.r, st.t0, st.t1); sn != nil {
				out = append(out, v.d.sentenceArguments(st.r, sn, lx)...)
			}
		}
	}
	for i := range out {
		out[i].order = i
	}
	return out
}

// maxPairWords bounds the content words of a sentence whose pairs are
// indexed: a run-on "sentence" of a thousand words costs no more than a
// long one.
const maxPairWords = 40

// lemmaPairs are hashes of the unordered pairs of distinct content lemmas
// of tokens [t0, t1).
func (d *docView) lemmaPairs(t0, t1 int) []uint64 {
	var lemmas []string
	have := map[string]bool{}
	for k := t0; k < t1 && len(lemmas) < maxPairWords; k++ {
		if l, ok := d.contentLemma(k); ok && !have[l] {
			have[l] = true
			lemmas = append(lemmas, l)
		}
	}
	sort.Strings(lemmas)
	var out []uint64
	for i := range lemmas {
		for j := i + 1; j < len(lemmas); j++ {
			h := fnv.New64a()
			h.Write([]byte(lemmas[i]))
			h.Write([]byte{0})
			h.Write([]byte(lemmas[j]))
			out = append(out, h.Sum64())
		}
	}
	return out
}

// onceParse wraps a parser so that a sentence the claim rules and the
// argument matcher both read is parsed once: they see the same tokens of
// the same document, so the first token's address and the length name
// the sentence.
func onceParse(parse func([]model.Token) []model.Word) func([]model.Token) []model.Word {
	if parse == nil {
		return nil
	}
	type key struct {
		first *model.Token
		n     int
	}
	var mu sync.Mutex
	done := map[key][]model.Word{}
	return func(toks []model.Token) []model.Word {
		if len(toks) == 0 {
			return parse(toks)
		}
		k := key{&toks[0], len(toks)}
		mu.Lock()
		ws, ok := done[k]
		mu.Unlock()
		if ok {
			return ws
		}
		ws = parse(toks)
		mu.Lock()
		done[k] = ws
		mu.Unlock()
		return ws
	}
}

// englishDoc reports whether a document is (or may be) English: the role
// lexicon and the parser are English only.
// argumentDocs counts the documents argumentStatements reads: with fewer
// than two it parses nothing.
func argumentDocs(docs []*model.Annotated) int {
	n := 0
	for _, a := range docs {
		if a != nil && a.Doc != nil && a.Doc.Text != "" && englishDoc(a.Doc) {
			n++
		}
	}
	return n
}

func englishDoc(doc *model.Document) bool {
	return doc.Language == nil || *doc.Language == "" || *doc.Language == "en"
}

// contentLemma is the lemma of token k when it is a content word.
func (d *docView) contentLemma(k int) (string, bool) {
	if d.toks[k].Kind != model.TokenWord || !contentWord(d.lower[k]) {
		return "", false
	}
	return d.lemmaAt(k), true
}

// sentenceArguments reads the arguments of every event predicate of the
// parsed sentence s.
func (d *docView) sentenceArguments(s model.Range, sn *syntax.Sentence, lx *roleLexicon) []argStatement {
	ws := sn.Words
	var out []argStatement
	for p := range ws {
		switch ws[p].UPOS {
		case "VERB":
		case "NOUN":
			// A noun is a predicate when a frame names it as a trigger
			// ("the arrest of the driver"); a generic frame's cover
			// words ("incident") name no event of their own.
			if pc, ok := triggerClasses()[strings.ToLower(ws[p].Text)]; !ok || pc.Generic {
				continue
			}
		default:
			continue
		}
		lem := strings.ToLower(ws[p].Lemma)
		if lx.light[lem] || lx.clause.Speech[lem] || lx.clause.HedgeVerb[lem] {
			continue
		}
		if !realis(sn, p, lx) {
			continue
		}
		args := d.predicateArguments(sn, p, lx)
		if len(args) == 0 {
			continue
		}
		cl := sn.ClauseOf(p, lx.clause)
		pred := lem
		for _, c := range sn.Children(p) {
			if ws[c].Rel == "compound:prt" {
				pred += " " + strings.ToLower(ws[c].Lemma)
			}
		}
		// Triggers of one frame ("arrested", "detained") meet; a generic
		// frame gathers different events, so its triggers meet only
		// themselves.
		frame, group := model.FrameName(pred), pred
		if pc, ok := triggerClasses()[strings.ToLower(ws[p].Text)]; ok {
			frame = pc.Frame
			if !pc.Generic {
				group = string(pc.Frame)
			}
		}
		core := map[string]argument{}
		for _, a := range args {
			if _, ok := core[a.role]; !ok && (a.role == "agent" || a.role == "patient") {
				core[a.role] = a
			}
		}
		for _, a := range args {
			other := core["patient"]
			if a.role == "patient" {
				other = core["agent"]
			}
			span := model.SpanOf(d.a.Doc.ID, d.text, ws[a.first].Start, ws[a.last].End)
			// "found no salmonella" denies what "found salmonella" says.
			negated := cl.Negated != a.negated
			pol := "asserted"
			if negated {
				pol = "negated"
			}
			v := model.Value{Kind: model.KindText, Text: span.Text, Entity: a.entity}
			c := d.claim(s, span, v, "", "", pred+"/"+a.role, pol, cl.Hedged || cl.Conditional)
			c.Trigger = strings.ToLower(ws[p].Text)
			st := argStatement{Claim: c, pred: pred, frame: frame, group: group, role: a.role, key: a.key, negated: negated}
			if other.key != "" && other.key != a.key {
				st.anchor, st.anchorEntity = other.key, other.entity
				st.anchorName = d.text[ws[other.head].Start:ws[other.head].End]
				if other.entity != "" {
					st.anchorName = d.text[ws[other.first].Start:ws[other.last].End]
				}
			}
			out = append(out, st)
		}
	}
	return out
}

// realis reports whether predicate p is told as something that happened,
// will happen or may have (or, negated in its own clause, did not): inside
// no conditional clause, nor under a negated clause above its own ("did
// not have a licence to carry passengers", "did not say he had left"),
// where whether it happened is not what the sentence says. A hedged
// statement ("the store would be rebuilt") is kept with its modality: two
// sources saying the same thing agree however sure they are.
func realis(sn *syntax.Sentence, p int, lx *roleLexicon) bool {
	ws := sn.Words
	cl := sn.ClauseOf(p, lx.clause)
	if cl.Conditional {
		return false
	}
	h := sn.ClauseHead(p)
	for steps := 0; h >= 0 && steps <= len(ws); steps++ {
		up := ws[h].Head
		if up < 0 || up >= len(ws) || up == h {
			return true
		}
		parent := sn.ClauseHead(up)
		if parent < 0 || parent == h {
			return true
		}
		if sn.ClauseOf(parent, lx.clause).Negated {
			return false
		}
		h = parent
	}
	return true
}

// argument is one argument of a predicate: its role, head word, phrase
// (words [first, last]) and identity.
type argument struct {
	role              string
	head, first, last int
	key, entity       string
	negated           bool // a negating determiner: "no salmonella"
}

// predicateArguments returns the arguments of predicate p: its
// dependents that a role rule takes, a relative pronoun read as its
// antecedent, a subject shared with the verb it is conjoined to, and the
// noun a participle modifies ("the bomb found by …").
func (d *docView) predicateArguments(sn *syntax.Sentence, p int, lx *roleLexicon) []argument {
	ws := sn.Words
	passive := false
	hasSubject, perfect, agentBy := false, false, false
	for _, c := range sn.Children(p) {
		switch ws[c].Rel {
		case "aux:pass", "nsubj:pass":
			passive = true
		case "aux":
			perfect = perfect || lx.perfect[strings.ToLower(ws[c].Lemma)]
		case "obl", "obl:agent":
			agentBy = agentBy || caseOf(sn, c) == lx.AgentCase
		}
		if strings.HasPrefix(ws[c].Rel, "nsubj") {
			hasSubject = true
		}
	}
	// A past participle with a "by" phrase and no perfect auxiliary is
	// passive even where the parse missed the auxiliary ("the parcel
	// found by a clerk held wires").
	if ws[p].XPOS == "VBN" && agentBy && !perfect {
		passive = true
	}
	type dep struct{ word int }
	var deps []dep
	for _, c := range sn.Children(p) {
		deps = append(deps, dep{c})
	}
	h := ws[p].Head
	switch {
	case !hasSubject && ws[p].Rel == "conj" && h >= 0 && h < len(ws) && ws[h].UPOS == "VERB":
		// "was fired and gave himself up": the first verb's subject.
		for _, c := range sn.Children(h) {
			if strings.HasPrefix(ws[c].Rel, "nsubj") {
				deps = append(deps, dep{c})
				break
			}
		}
	case ws[p].Rel == "acl" && h >= 0 && h < len(ws) && (ws[h].UPOS == "NOUN" || ws[h].UPOS == "PROPN") && ws[p].XPOS == "VBN":
		// "the bomb found by a bank employee": the noun is the patient.
		passive = true
		deps = append(deps, dep{-1})
	}
	var out []argument
	for _, dp := range deps {
		if dp.word < 0 {
			if a, ok := d.argumentAt(sn, h, "patient", lx); ok {
				out = append(out, a)
			}
			continue
		}
		role := roleFor(sn, dp.word, passive, lx)
		if role == "" {
			continue
		}
		w := dp.word
		if lx.relative[strings.ToLower(ws[w].Lemma)] {
			// "Kirkpatrick, who had been fired": the antecedent.
			a := ws[p].Head
			if a < 0 || a >= len(ws) || (ws[a].UPOS != "NOUN" && ws[a].UPOS != "PROPN") {
				continue
			}
			w = a
		}
		if a, ok := d.argumentAt(sn, w, role, lx); ok {
			out = append(out, a)
		}
	}
	return out
}

// roleFor is the role the first matching rule gives dependent c of its
// predicate, or "".
func roleFor(sn *syntax.Sentence, c int, passive bool, lx *roleLexicon) string {
	w := sn.Words[c]
	caseLemma := caseOf(sn, c)
	pred, framed := "", false
	if h := w.Head; h >= 0 && h < len(sn.Words) {
		if sn.Words[h].UPOS == "NOUN" {
			pred = "NOUN"
		}
		_, framed = triggerClasses()[strings.ToLower(sn.Words[h].Text)]
	}
	for _, r := range lx.Roles {
		if r.Pred != pred || r.Rel != w.Rel || (r.Case != "" && r.Case != caseLemma) || (r.UPOS != "" && r.UPOS != w.UPOS) || (r.FrameOnly && !framed) {
			continue
		}
		if (r.Voice == "passive" && !passive) || (r.Voice == "active" && passive) {
			continue
		}
		if r.Case == "" && caseLemma != "" && w.Rel == "obl" {
			continue
		}
		return r.Role
	}
	return ""
}

// caseOf is the lemma of the first case marker of word c, or "".
func caseOf(sn *syntax.Sentence, c int) string {
	for _, k := range sn.Children(c) {
		if sn.Words[k].Rel == "case" {
			return strings.ToLower(sn.Words[k].Lemma)
		}
	}
	return ""
}

// argumentAt is the argument headed by word h, when it names something a
// fact can be about: not a personal pronoun, a number, a date, an amount
// or a place (those are facts of their own), nor a word too general to
// compare.
func (d *docView) argumentAt(sn *syntax.Sentence, h int, role string, lx *roleLexicon) (argument, bool) {
	ws := sn.Words
	w := ws[h]
	lem := strings.ToLower(w.Lemma)
	switch w.UPOS {
	case "NOUN", "PROPN", "ADJ", "VERB":
	case "PRON":
		if !lx.valuePronoun[lem] {
			return argument{}, false
		}
	default:
		return argument{}, false
	}
	if lx.generic[lem] || d.insideValue(w.Start, w.End) || (role == siteRole && lx.notSite[lem]) {
		return argument{}, false
	}
	first, last := argumentPhrase(sn, h)
	a := argument{role: role, head: h, first: first, last: last, key: "lem:" + lem}
	if e := d.entityOf(sn, h, first, last); e != "" {
		a.key, a.entity = "ent:"+e, e
	}
	for _, c := range sn.Children(h) {
		cw := ws[c]
		switch {
		case (cw.Rel == "det" || cw.Rel == "advmod") && lx.clause.Negation[strings.ToLower(cw.Lemma)]:
			a.negated = true
		case cw.Rel == "nmod:poss" && cw.UPOS == "PRON" && a.entity == "":
			// "my son", "your son": whose is not resolved, so two
			// such phrases may name two people.
			return argument{}, false
		}
	}
	return a, true
}

// insideValue reports whether bytes [start, end) lie in a date, a number
// or a place: values the other extractors compare.
func (d *docView) insideValue(start, end int) bool {
	r := model.Range{Start: start, End: end}
	s := d.sentenceContaining(r)
	if s < 0 {
		return false
	}
	for _, i := range d.sentTimex[s] {
		if d.a.Timexes[i].Range().Overlaps(r) {
			return true
		}
	}
	for _, i := range d.sentQty[s] {
		if d.a.Quantities[i].Range().Overlaps(r) {
			return true
		}
	}
	for _, i := range d.sentMention[s] {
		if m := d.a.Mentions[i]; m.Type == model.Place && m.Range().Overlaps(r) {
			return true
		}
	}
	return false
}

// entityOf is the resolved entity a phrase names: the one whose mention
// covers its head, else a person named in a name part or apposition of
// the head ("police Capt. Tom Tennant").
func (d *docView) entityOf(sn *syntax.Sentence, h, first, last int) string {
	ws := sn.Words
	s := d.sentenceContaining(model.Range{Start: ws[h].Start, End: ws[h].End})
	if s < 0 {
		return ""
	}
	head := model.Range{Start: ws[h].Start, End: ws[h].End}
	phrase := model.Range{Start: ws[first].Start, End: ws[last].End}
	named := ""
	for _, i := range d.sentMention[s] {
		m := d.a.Mentions[i]
		if m.Entity == "" || m.Type == model.Place {
			continue
		}
		if m.Range().Overlaps(head) {
			return m.Entity
		}
		if named == "" && m.Type == model.Person && phrase.Contains(m.Range()) {
			named = m.Entity
		}
	}
	return named
}

// phraseCut are relations whose subtree is no part of an argument's
// value: clauses that modify it, coordinated items, asides.
var phraseCut = map[string]bool{"acl": true, "acl:relcl": true, "parataxis": true, "advcl": true, "conj": true,
	"cc": true, "punct": true, "dep": true, "list": true, "discourse": true, "vocative": true, "ccomp": true}

// argumentPhrase is the span of words of the argument headed by h: its
// subtree without modifying clauses, coordination and asides, the
// contiguous run around the head, at most maxArgumentWords long.
func argumentPhrase(sn *syntax.Sentence, h int) (int, int) {
	ws := sn.Words
	in := map[int]bool{h: true}
	stack := []int{h}
	for pops := 0; len(stack) > 0 && pops < len(ws); pops++ {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range sn.Children(k) {
			r := ws[c].Rel
			if phraseCut[r] || (r == "appos" && ws[c].UPOS != "PROPN") {
				continue
			}
			in[c] = true
			stack = append(stack, c)
		}
	}
	first, last := h, h
	for first > 0 && in[first-1] && h-(first-1) < maxArgumentWords {
		first--
	}
	for last+1 < len(ws) && in[last+1] && last+1-first < maxArgumentWords {
		last++
	}
	for first < h && (ws[first].UPOS == "PUNCT" || ws[first].UPOS == "ADP" || ws[first].UPOS == "CCONJ") {
		first++
	}
	for last > h && (ws[last].UPOS == "PUNCT" || ws[last].UPOS == "ADP" || ws[last].UPOS == "CCONJ") {
		last--
	}
	return first, last
}

// triggerClasses maps each trigger word to its predicate class.
var triggerClasses = sync.OnceValue(func() map[string]*predicateClass {
	m := map[string]*predicateClass{}
	for i := range predicateClasses {
		for _, t := range predicateClasses[i].Triggers {
			if _, ok := m[t]; !ok {
				m[t] = &predicateClasses[i]
			}
		}
	}
	return m
})
