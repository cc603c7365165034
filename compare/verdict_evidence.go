package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// Evidence of one question. decidable vetoes pairs shown to be about
// different things; a dispute needs more: positive evidence that the two
// values answer the same question about the same thing of the same
// event. sameQuestion asks for it, one condition at a time, each read
// from the grammar of the two sentences or the values' types:
//
//  1. the same owner: both clauses name whose event it is, or neither
//     does ("Smith scored 23 points" / "scored 14 points");
//  2. no mark of another instance next to either value ("another 20
//     people", "14 others", per-language data frames/<lang>-another.txt);
//  3. a count names what it counts in both sources ("three boats", not a
//     bare "three");
//  4. an age is the person's present age in both (written with the
//     name, not "at the age of 10"), and more than a birthday apart;
//  5. a plain place or a date is tied by the parse to the frame's
//     trigger in both sentences (its argument, not a word of another
//     clause), when the sentences have a parse.
//
// A pair that fails one is related: shown side by side with the reason,
// no verdict.

// anotherWords are the words that mark a value as another instance, by
// position ("before", "after").
var anotherWords = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{"before": {}, "after": {}}
	for _, f := range frameLines("-another.txt") {
		if len(f) == 2 && out[f[0]] != nil {
			out[f[0]][strings.ToLower(f[1])] = true
		}
	}
	return out
})

// birthdayDays is how far apart two reports must be for ages one year
// apart to be read as one person's age before and after a birthday;
// undated reports may be any distance apart.
const birthdayDays = 30

// maxTieSteps is how many dependency steps may separate a date or a
// place from its trigger: the trigger's own argument ("died on
// Thursday": one step; "the death on Thursday of X": two).
const maxTieSteps = 2

// sameQuestion reports whether two conflicting values (already decidable)
// carry the evidence a dispute needs; when not, why says what is missing.
func (c *comparer) sameQuestion(a, b model.FactValue) (bool, string) {
	if ownedQuantity(a) && ownedQuantity(b) {
		if oa, ob := c.ownerOf(a), c.ownerOf(b); !oa.meets(ob) {
			return false, fmt.Sprintf("%s is %s, %s is %s: maybe two people's or teams'", describe(a), oa, describe(b), ob)
		}
	}
	for _, v := range []model.FactValue{a, b} {
		if w := c.anotherMark(v); w != "" {
			return false, fmt.Sprintf("%s is marked %q: another instance, not a rival figure", describe(v), w)
		}
	}
	va, vb := a.Value, b.Value
	switch va.Kind {
	case model.KindCount:
		if (va.Unit == "" && !personNouns[unitKey(vb.Unit)]) || (vb.Unit == "" && !personNouns[unitKey(va.Unit)]) {
			// A bare number counts people only where the other source
			// says it counts people ("86" killed, "at least 120
			// people"); otherwise nothing says what it counts.
			return false, fmt.Sprintf("%q and %q: one does not say what it counts", a.Text, b.Text)
		}
		fallthrough
	case model.KindMoney:
		if sa, sb := c.placeScope(a), c.placeScope(b); !sameScope(sa, sb, c.sentenceWords(a), c.sentenceWords(b)) {
			return false, fmt.Sprintf("%s is counted %s, %s %s: maybe a part and its whole", describe(a), scopeText(sa), describe(b), scopeText(sb))
		}
	case model.KindAge:
		if gap, dated := c.saidApartDays(a, b); math.Abs(va.Amount-vb.Amount) <= 1 && (!dated || gap >= birthdayDays) {
			return false, fmt.Sprintf("%s and %s: a birthday may lie between the two reports", describe(a), describe(b))
		}
		for _, v := range []model.FactValue{a, b} {
			if c.ageAtMoment(v) {
				return false, fmt.Sprintf("%q is an age at some moment, not the person's age now", v.Text)
			}
		}
	case model.KindPlace:
		if va.Relation != "" || vb.Relation != "" || va.Facility != "" || vb.Facility != "" {
			break
		}
		for _, v := range []model.FactValue{a, b} {
			if !c.tiedToTrigger(v) {
				return false, fmt.Sprintf("the parse does not tie %q to %q: maybe where something else happened", v.Text, v.Trigger)
			}
		}
	case model.KindDate:
		for _, v := range []model.FactValue{a, b} {
			if verb := c.datedElsewhere(v); verb != "" {
				return false, fmt.Sprintf("the parse ties %q to %q, not to %q: maybe the date of something else", v.Text, verb, v.Trigger)
			}
		}
	}
	return true, ""
}

// datedElsewhere is the verb the parse ties date v to when that verb is
// not its trigger: the trigger stands in the sentence, in another clause
// than the date, and the date's own clause is headed by a verb that
// tells an event (not speech). "" when the parse does not say so (no
// parse, no trigger word in the sentence, or the date in the trigger's
// clause): a date is taken from its trigger only on that evidence, as
// the parse often hangs a date on a neighbouring word.
func (c *comparer) datedElsewhere(v model.FactValue) string {
	trig := strings.Fields(v.Trigger)
	if len(trig) == 0 {
		return ""
	}
	ws, h, ok := c.valueParse(v)
	if !ok || h < 0 {
		return ""
	}
	found := false
	for _, w := range ws {
		found = found || triggerWord(w, trig)
	}
	if !found || c.tiedToTrigger(v) {
		return ""
	}
	sn := syntax.NewSentence(ws)
	head := sn.ClauseHead(h)
	if head < 0 || ws[head].UPOS != "VERB" || reportingVerb(ws, head) || ws[head].Rel == "acl" {
		// A participle describing a noun ("a flight organised by the
		// ministry") is where the parser hangs a sentence's trailing
		// words; it is no evidence of another event.
		return ""
	}
	for x := h; x >= 0 && x != head; x = headOf(ws, x) {
		if universal(ws[x].Rel) == "dep" {
			return "" // the parser could not say how the date attaches
		}
	}
	speech := -1
	if hv := headOf(ws, head); hv >= 0 && reportingVerb(ws, hv) {
		// "Parents say the first calls were made at 2 pm": the parser
		// often takes the reported clause's subject for the speech
		// verb's object.
		speech = hv
	}
	for k, w := range ws {
		if hk := headOf(ws, k); (hk == head || (hk == speech && hk >= 0)) && triggerWord(w, trig) {
			// The trigger is the verb's own argument: a light verb
			// carries its event ("the call was made at 2 pm").
			return ""
		}
	}
	return strings.ToLower(ws[head].Text)
}

// anotherMark is the word next to v that marks it as another instance
// ("another", "others"), or "".
func (c *comparer) anotherMark(v model.FactValue) string {
	text := c.texts[v.Doc]
	if v.Start < 0 || v.End > len(text) || v.Start > v.End {
		return ""
	}
	words := anotherWords()
	inside := strings.Fields(strings.ToLower(text[v.Start:v.End]))
	before := strings.Fields(strings.ToLower(text[max(0, v.Start-24):v.Start]))
	if len(before) > 0 && words["before"][trimWord(before[len(before)-1])] {
		return trimWord(before[len(before)-1])
	}
	if len(inside) > 0 && words["before"][trimWord(inside[0])] {
		return trimWord(inside[0])
	}
	after := strings.Fields(strings.ToLower(text[v.End:min(len(text), v.End+24)]))
	if len(after) > 0 && !strings.HasPrefix(after[0], ",") && words["after"][trimWord(after[0])] {
		return trimWord(after[0])
	}
	if len(inside) > 0 && words["after"][trimWord(inside[len(inside)-1])] {
		return trimWord(inside[len(inside)-1])
	}
	return ""
}

func trimWord(w string) string { return strings.Trim(w, ".,;:!?\"'()“”‘’«»") }

// valueParse is the parse of the sentence v stands in and the word that
// heads v's span there; ok is false without a parse.
func (c *comparer) valueParse(v model.FactValue) (ws []model.Word, head int, ok bool) {
	a := c.docs[v.Doc]
	if a == nil || a.Doc == nil {
		return nil, -1, false
	}
	key := sentenceAt{v.Doc, v.Sentence.Start}
	ws, seen := c.parses[key]
	if !seen {
		ws = c.parseSentence(a, v.Sentence)
		if c.parses == nil {
			c.parses = map[sentenceAt][]model.Word{}
		}
		c.parses[key] = ws
	}
	if len(ws) == 0 {
		return nil, -1, false
	}
	return ws, spanHead(ws, v.Start, v.End), true
}

// sentenceAt names one sentence of one document.
type sentenceAt struct {
	doc   string
	start int
}

// parseSentence is the document's own parse of sentence s, else one made
// now when a parser was given, else nil.
func (c *comparer) parseSentence(a *model.Annotated, s model.Range) []model.Word {
	if sents := a.Doc.Sentences; len(a.Syntax) == len(sents) {
		// Sentences are in text order: a search, not a walk per value
		// (a 10 MB document has some 100,000 sentences).
		i := sort.Search(len(sents), func(i int) bool { return sents[i].Start >= s.Start })
		if i < len(sents) && sents[i].Start == s.Start && len(a.Syntax[i]) > 0 {
			return a.Syntax[i]
		}
	}
	if c.parse == nil {
		return nil
	}
	t0 := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].Start >= s.Start })
	t1 := t0
	for t1 < len(a.Tokens) && a.Tokens[t1].End <= s.End {
		t1++
	}
	if t1 == t0 {
		return nil
	}
	return c.parse(a.Tokens[t0:t1])
}

// clauseRelations are the dependency relations that open another clause:
// a value reached from its trigger only across one of them belongs to
// that clause's event.
var clauseRelations = map[string]bool{"advcl": true, "ccomp": true, "acl": true, "parataxis": true, "conj": true, "list": true, "dep": true, "csubj": true, "xcomp": true, "appos": true}

// tiedToTrigger reports whether the parse ties v to a word of its
// trigger: both in one clause (controlled complements counted with their
// controller), or at most maxTieSteps dependency steps between them, none
// of them into another clause. A value whose trigger is not a word
// (frameless values grouped by the predicate they share) or whose
// sentence has no parse is not judged here.
func (c *comparer) tiedToTrigger(v model.FactValue) bool {
	trig := strings.Fields(v.Trigger)
	if len(trig) == 0 {
		return true
	}
	ws, h, ok := c.valueParse(v)
	if !ok {
		return true
	}
	if h < 0 {
		return false
	}
	sn := syntax.NewSentence(ws)
	clause := clauseGroup(sn, h)
	for k, w := range ws {
		if !triggerWord(w, trig) {
			continue
		}
		if steps, ok := treeSteps(ws, h, k); (ok && steps <= maxTieSteps) || clauseGroup(sn, k) == clause {
			return true
		}
	}
	return false
}

// triggerWord reports whether parse word w is one of a trigger's words.
func triggerWord(w model.Word, trig []string) bool {
	lw := strings.ToLower(w.Text)
	for _, t := range trig {
		if lw == t || lemma(lw) == t || strings.ToLower(w.Lemma) == t {
			return true
		}
	}
	return false
}

// treeSteps is the number of dependency steps between words a and b; ok
// is false when the path crosses into another clause (clauseRelations)
// or the words are not connected.
func treeSteps(ws []model.Word, a, b int) (int, bool) {
	depth := map[int]int{}
	for k, n := a, 0; k >= 0 && n <= len(ws); n++ {
		depth[k] = n
		k = headOf(ws, k)
	}
	for k, n := b, 0; k >= 0 && n <= len(ws); n++ {
		if up, ok := depth[k]; ok {
			// The common ancestor k: no step below it may open a clause.
			for _, start := range []int{a, b} {
				for x := start; x != k && x >= 0; x = headOf(ws, x) {
					if clauseRelations[universal(ws[x].Rel)] {
						return 0, false
					}
				}
			}
			return up + n, true
		}
		k = headOf(ws, k)
	}
	return 0, false
}

// ageAtMoment reports whether an age is written as the age at some
// moment ("at the age of 10", "under age 17", "died at age 44"): the
// parse gives it a case marker. "Jeffs, 55," and "the 55-year-old" are
// the person's age as the report is written.
func (c *comparer) ageAtMoment(v model.FactValue) bool {
	ws, h, ok := c.valueParse(v)
	if !ok || h < 0 {
		return false
	}
	for _, w := range ws {
		if w.Head == h && universal(w.Rel) == "case" {
			return true
		}
	}
	return false
}

// owner is whom a value's clause is about: the proper-noun words of the
// subject of the verb the value hangs from, or of the possessor of its
// noun ("McDermott scored 23 points", "Charles' 226 yards"). A clause
// whose subject is a pronoun names someone the parse cannot tell (any
// owner meets it); one whose subject is a common noun or the value
// itself names no one.
type owner struct {
	names   []string
	unknown bool
}

func (o owner) String() string {
	switch {
	case o.unknown:
		return "of someone the text refers to"
	case len(o.names) == 0:
		return "of no one named"
	}
	return "of " + strings.Join(o.names, " ")
}

// meets reports whether two owners may be one: neither named, a pronoun,
// or a name word in common.
func (o owner) meets(p owner) bool {
	if o.unknown || p.unknown {
		return true
	}
	if len(o.names) == 0 || len(p.names) == 0 {
		// One clause names no one: the parse may have missed the
		// subject, and a fact's values mostly leave it unsaid.
		return true
	}
	for _, x := range o.names {
		for _, y := range p.names {
			if x == y {
				return true
			}
		}
	}
	return false
}

// ownerOf is the owner of v's clause (see owner); without a parse, the
// agent comparison found, if any.
func (c *comparer) ownerOf(v model.FactValue) owner {
	ws, h, ok := c.valueParse(v)
	a := c.docs[v.Doc]
	if !ok || h < 0 || a == nil {
		return owner{unknown: true}
	}
	path, _ := governingPath(ws, h)
	onPath := map[int]bool{}
	for _, k := range path {
		onPath[k] = true
	}
	// The possessor of the value's own noun phrase first.
	for k, w := range ws {
		if onPath[w.Head] && w.Head != path[len(path)-1] && universal(w.Rel) == "nmod" && strings.HasSuffix(w.Rel, ":poss") {
			return nameOwner(a, ws, k)
		}
	}
	verb := path[len(path)-1]
	if ws[verb].UPOS != "VERB" {
		return owner{}
	}
	// A verb with no subject of its own takes its controller's
	// ("McDermott put on a show, scoring 23 points"; "scored and
	// added six rebounds").
	for steps := 0; steps < 4; steps++ {
		if o, ok := subjectOwner(a, ws, verb, onPath); ok {
			return o
		}
		hv := headOf(ws, verb)
		switch universal(ws[verb].Rel) {
		case "conj", "advcl", "xcomp":
		default:
			return owner{}
		}
		if hv < 0 || ws[hv].UPOS != "VERB" {
			return owner{}
		}
		verb = hv
	}
	return owner{}
}

// subjectOwner is the owner the subject of verb names; ok is false when
// the verb has no subject off the value's own path.
func subjectOwner(a *model.Annotated, ws []model.Word, verb int, onPath map[int]bool) (owner, bool) {
	for k, w := range ws {
		if headOf(ws, k) != verb || universal(w.Rel) != "nsubj" || strings.HasSuffix(w.Rel, ":pass") {
			// A passive's subject is who the event befell, which the
			// fact's subject already keys; whose event it is, is its
			// agent.
			continue
		}
		if onPath[k] {
			return owner{}, true // the value (or its noun) is the subject
		}
		if relativePronoun(w) && strings.HasPrefix(ws[verb].Rel, "acl") {
			if hv := headOf(ws, verb); hv >= 0 {
				return nameOwner(a, ws, hv), true
			}
		}
		return nameOwner(a, ws, k), true
	}
	return owner{}, false
}

// nameOwner is the owner a subject word k names: the entities of its
// proper-noun words (k and its flat and compound parts), or the words'
// name keys where no entity covers them; a pronoun's unknown; or no one.
func nameOwner(a *model.Annotated, ws []model.Word, k int) owner {
	if ws[k].UPOS == "PRON" {
		return owner{unknown: true}
	}
	var names []string
	add := func(i int) {
		if ws[i].UPOS != "PROPN" {
			return
		}
		for _, m := range a.Mentions {
			if m.Entity != "" && m.Start <= ws[i].Start && ws[i].End <= m.End {
				names = append(names, m.Entity)
				return
			}
		}
		names = append(names, namematch.Key(ws[i].Text))
	}
	add(k)
	for i, w := range ws {
		if headOf(ws, i) == k {
			switch universal(w.Rel) {
			case "flat", "compound":
				add(i)
			}
		}
	}
	return owner{names: names}
}

// placeScope is the places that narrow v: place names the parse attaches
// to the value's noun or to the verb it hangs from ("10 houses were
// damaged in Takengon", "20,000 people in Thessaloniki"), lower case.
func (c *comparer) placeScope(v model.FactValue) []string {
	a := c.docs[v.Doc]
	ws, h, ok := c.valueParse(v)
	if !ok || h < 0 || a == nil {
		return nil
	}
	path, _ := governingPath(ws, h)
	holders := map[int]bool{}
	for _, k := range path {
		holders[k] = true
	}
	var out []string
	for k, w := range ws {
		if !holders[headOf(ws, k)] || holders[k] {
			continue
		}
		switch universal(w.Rel) {
		case "obl", "nmod":
		default:
			continue
		}
		if l := lemma(strings.ToLower(w.Text)); placeNounsBefore[l] {
			// "in the district", "in the province": a scope without a name.
			out = append(out, l)
			continue
		}
		for _, m := range a.Mentions {
			if m.Type == model.Place && m.Start <= w.Start && w.End <= m.End {
				if c.narrowingPlace(m.Text) {
					out = append(out, strings.Fields(strings.ToLower(m.Text))...)
				}
				break
			}
		}
	}
	return out
}

// sameScope reports whether two values are narrowed alike: by no place,
// or by places sharing a word ("the Mediterranean" and "the
// Mediterranean Sea"); sentA and sentB are the words of the values'
// sentences.
func sameScope(a, b []string, sentA, sentB map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		// A place one source ties to its count and the other names
		// elsewhere in its sentence is still one scope.
		for _, x := range a {
			if sentB[x] {
				return true
			}
		}
		for _, y := range b {
			if sentA[y] {
				return true
			}
		}
		return len(a) == len(b)
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func scopeText(s []string) string {
	if len(s) == 0 {
		return "with no place"
	}
	return "in " + strings.Join(s, " ")
}

// ownedQuantity reports whether v is a quantity its clause's subject
// owns: a count of things ("23 points", "two boats"), a sum, a duration.
// A count of people is not: who acted on a group (police arrested,
// officials ordered to leave) is not whose the group is. Dates, places,
// ages and accounts are keyed by the fact's own subject.
func ownedQuantity(v model.FactValue) bool {
	switch v.Value.Kind {
	case model.KindCount:
		return !personNouns[unitKey(v.Value.Unit)]
	case model.KindMoney, model.KindDuration:
		return true
	}
	return false
}

// sourcesWithTwoReadings marks each value whose source (syndicated copies
// counted as one) also gives, in the same voice and in this group, a
// value incompatible with it, other than a set one voice gave together
// ("from 22:00 to 06:00"). One voice answering the question two ways
// shows that the group holds more than one question (a part and its
// whole, two events, two people). Two voices in one report (a ministry's
// 40 and another's 38) are a disagreement the report tells, not two
// questions.
func (c *comparer) sourcesWithTwoReadings(attr string, vs []model.FactValue, sets sentenceSets, canon map[string]string) []bool {
	out := make([]bool, len(vs))
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if canonOf(canon, vs[i].Doc) != canonOf(canon, vs[j].Doc) || vs[i].AttributedTo != vs[j].AttributedTo || sets.of[i] == sets.of[j] {
				continue
			}
			if v, _ := c.compare(vs[i], vs[j]); v != incompatible {
				continue
			}
			if ok, _ := c.decidable(attr, vs[i], vs[j]); ok {
				// Values shown to be of two events (a year recalled and
				// the story's day) are not two answers to one question.
				out[i], out[j] = true, true
			}
		}
	}
	return out
}

func firstTrue(xs []bool) int {
	for i, x := range xs {
		if x {
			return i
		}
	}
	return -1
}

// narrowingPlace reports whether a place name can narrow a count to a
// part of the story: not a country (where the whole story happened) and
// not a sea (what "cables in the Mediterranean" lie in describes them).
func (c *comparer) narrowingPlace(name string) bool {
	if _, country := c.places.countryCode[c.places.name(name)]; country {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if waterWords[w] {
			return false
		}
	}
	return true
}

// sentenceWords is the set of lower-case words of v's sentence.
func (c *comparer) sentenceWords(v model.FactValue) map[string]bool {
	text := c.texts[v.Doc]
	out := map[string]bool{}
	if v.Sentence.Start < 0 || v.Sentence.End > len(text) || v.Sentence.Start >= v.Sentence.End {
		return out
	}
	for _, w := range strings.Fields(strings.ToLower(text[v.Sentence.Start:v.Sentence.End])) {
		out[trimWord(w)] = true
	}
	return out
}
