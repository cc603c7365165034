package compare

import (
	"fmt"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

// Which event a value belongs to, read from the dependency parse: whose it
// is (the person the governing verb or the trigger noun is about), who did
// the event (its agent), and whether the event lies before the story's own
// ("had been sentenced in an earlier case"). A value of another person, of
// another agent's event or of a background event is not a rival figure
// for the story's event.

// EventIdentity is what comparison asks the story's cross-document event
// coreference (resolve/events.Result implements it) about values, each
// given by document ID and byte range.
type EventIdentity interface {
	// Distinct is true only on positive evidence that two values belong
	// to different events (their triggers anchored at firm times far
	// apart, or one of an event the story recalls and the other not).
	Distinct(docA string, a model.Range, docB string, b model.Range) bool
	// RecalledDate is the time of the earlier event the story recalls
	// that the value belongs to ("2004-12-26"), or "".
	RecalledDate(doc string, at model.Range) string
	// EventAt is the event the value belongs to, when one is found.
	EventAt(doc string, at model.Range) (model.EventInstance, bool)
}

// otherEvents reports whether the story's event coreference shows values
// a and b to be of two events, and says which. Accounts (event claims)
// are left alone: a changed account is one voice at two times.
func (c *comparer) otherEvents(a, b model.FactValue) (bool, string) {
	if c.events == nil || a.Value.Kind == model.KindEvent || b.Value.Kind == model.KindEvent {
		return false, ""
	}
	if !c.events.Distinct(a.Doc, a.Range(), b.Doc, b.Range()) {
		return false, ""
	}
	return true, fmt.Sprintf("%s (%s) and %s (%s): values of two events", describe(a), c.eventName(a), describe(b), c.eventName(b))
}

// eventName names the event value v belongs to for a reason line: its
// label and date ("quake of 2009-09-30"), "an earlier quake of 2004" for
// one the story recalls, or "its own event" when none is found.
func (c *comparer) eventName(v model.FactValue) string {
	if c.events == nil {
		return ""
	}
	ev, ok := c.events.EventAt(v.Doc, v.Range())
	if !ok {
		return "its own event"
	}
	if d := c.events.RecalledDate(v.Doc, v.Range()); d != "" {
		return "an earlier " + ev.Label + " of " + d
	}
	if ev.Date != "" {
		return ev.Label + " of " + ev.Date
	}
	return ev.Label
}

// earlierAnchor is the modality suffix of a value whose event the text
// puts before the story's own: "sentenced (earlier)" is a fact of its own.
const earlierAnchor = "earlier"

// datedEvent prefixes the modality of a value whose clause is dated to
// an earlier year than its report ("in 2004"; see datedBefore).
const datedEvent = "in "

// backgroundWords are the modifiers that put an event before the story's
// own, from frames/<lang>-background.txt: lemma and the relation it must
// stand in ("earlier amod": "an earlier case"; not "earlier today").
var backgroundWords = sync.OnceValue(func() map[string]string { return frameWordKinds("-background.txt") })

// valueOwner is the person a value of a personal frame belongs to, as the
// parse says: the possessor of a noun trigger ("his six-year sentence"),
// else the passive subject, the indirect object ("gave his co-defendant
// N years"), the object or the subject of the verb that governs the value. ok is false when the parse names nobody it can
// resolve; a possessed common noun ("his co-defendant") is someone other
// than the possessor, keyed by the noun.
func (d *docView) valueOwner(sn *syntax.Sentence, c candidate, tr trigger) (subj, name string, ok bool) {
	path, verb, reached := valueVerb(sn, c)
	if !reached {
		return "", "", false
	}
	ws := sn.Words
	if reportingVerb(ws, verb) {
		return "", "", false
	}
	for _, k := range d.wordsOfTrigger(ws, tr) {
		// A noun trigger's possessor ("his six-year sentence"); not the
		// possessor of a place on the way ("at his parents' home").
		if ws[k].UPOS != "NOUN" {
			continue
		}
		for _, ch := range sn.Children(k) {
			if ws[ch].Rel == "nmod:poss" {
				return d.ownerAt(sn, ch)
			}
		}
	}
	var pass, iobj, obj, subjW = -1, -1, -1, -1
	onPath := map[int]bool{}
	for _, k := range path {
		onPath[k] = true
	}
	for _, ch := range sn.Children(verb) {
		switch ws[ch].Rel {
		case "nsubj:pass":
			pass = ch
		case "iobj":
			iobj = ch
		case "obj":
			if !onPath[ch] {
				obj = ch
			}
		case "nsubj":
			subjW = ch
		}
	}
	for _, k := range []int{pass, iobj, obj, subjW} {
		if k < 0 {
			continue
		}
		if s, n, ok := d.ownerAt(sn, k); ok {
			return s, n, true
		}
		if k == pass || k == iobj || k == obj {
			// A patient the parse names but no resolution reaches: the
			// active subject is the agent, not whom the value is of.
			return "", "", false
		}
	}
	return "", "", false
}

// ownerAt resolves parse word k to a subject: a person mention or a pronoun
// (see referent); a relative pronoun stands for the noun its clause
// describes; a common noun is the person named with it ("the union leader
// Tomas Verbitsky"), else, when a person's possessive ties it to them ("his
// co-defendant", "Vell's accountant"), that other person, keyed by the
// noun.
func (d *docView) ownerAt(sn *syntax.Sentence, k int) (string, string, bool) {
	ws := sn.Words
	if relativePronoun(ws[k]) {
		// "Smith, who had been sentenced …": who is Smith.
		if v := headOf(ws, k); v >= 0 && universal(ws[v].Rel) == "acl" {
			if n := headOf(ws, v); n >= 0 {
				k = n
			}
		}
	}
	if t := d.tokenAt(ws[k].Start); t >= 0 && t < len(d.toks) && d.toks[t].Start == ws[k].Start {
		if s, n, ok := d.referent(t); ok {
			return s, n, true
		}
	}
	if ws[k].UPOS != "NOUN" && ws[k].UPOS != "ADJ" {
		return "", "", false
	}
	// "the union leader Tomas Verbitsky": the name the noun is written
	// with.
	np := sn.NounPhrase(k)
	lo, hi := d.personWindow(np.Start, np.End)
	for _, m := range d.persons[lo:hi] {
		if m.Start >= np.Start && m.End <= np.End {
			key := mentionKey(m)
			return key, d.nameOf(key, m.Text), true
		}
	}
	for _, ch := range sn.Children(k) {
		if ws[ch].Rel == "nmod:poss" && (ws[ch].UPOS == "PRON" || d.personAtOffset(ws[ch].Start)) {
			l := strings.ToLower(ws[k].Lemma)
			return "name:" + l, ws[k].Text, true
		}
	}
	return "", "", false
}

// valueAgent is who did the event value c is of: the agent of trigger tr
// when one holds the value and the parse names one (triggerAgent), else
// the active subject of the verb that governs the value, or that subject's possessor ("Brown's press
// conference began at 5 pm"). "" when the parse names no person.
func (d *docView) valueAgent(sn *syntax.Sentence, c candidate, tr *trigger) string {
	if sn == nil {
		return ""
	}
	if tr != nil {
		if a := d.triggerAgent(sn, *tr); a != "" {
			return a
		}
	}
	_, verb, ok := valueVerb(sn, c)
	if !ok {
		return ""
	}
	ws := sn.Words
	if reportingVerb(ws, verb) {
		return ""
	}
	for _, ch := range agentsOf(sn, verb) {
		if a := d.agentWord(sn, ch); a != "" {
			return a
		}
		for _, gc := range sn.Children(ch) {
			if ws[gc].Rel == "nmod:poss" {
				return d.personWord(sn, gc)
			}
		}
	}
	return ""
}

// agentsOf are the words that did what verb v says: its active subject
// or "by" agent; a verb with neither that continues another ("scored 23
// points, leading the team to a win", "finishing with 105 yards", "and
// caught 39 passes") shares the subject of the verb it hangs from.
func agentsOf(sn *syntax.Sentence, v int) []int {
	ws := sn.Words
	for steps := 0; v >= 0 && steps < 4; steps++ {
		var out []int
		passive := false
		for _, ch := range sn.Children(v) {
			switch ws[ch].Rel {
			case "nsubj", "obl:agent":
				out = append(out, ch)
			case "nsubj:pass", "csubj":
				passive = true
			}
		}
		if len(out) > 0 || passive {
			return out
		}
		switch universal(ws[v].Rel) {
		case "advcl", "xcomp", "conj":
			v = headOf(ws, v)
			if v >= 0 && ws[v].UPOS != "VERB" {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// agentWord is the person parse word k names as an agent: a person
// mention at it or its name parts (personWord); a relative pronoun's
// antecedent ("Garrard, who completed 28 passes"); a third-person pronoun
// by the one pronoun rule ("He completed his first 17 passes"). "" for
// anything else: a group is no agent.
func (d *docView) agentWord(sn *syntax.Sentence, k int) string {
	if a := d.personWord(sn, k); a != "" {
		return a
	}
	if w := sn.Words[k]; w.UPOS != "PRON" && !relativePronoun(w) {
		return ""
	}
	s, _, ok := d.ownerAt(sn, k)
	if !ok || strings.HasPrefix(s, "group:") || strings.HasPrefix(s, "name:") {
		return ""
	}
	return s
}

// triggerAgent is who did the event trigger tr names, when the parse says
// and resolution names a person: the active subject of a verb trigger or
// its "by" agent; the possessor of a noun trigger ("Brown's press
// conference") or the subject of the verb it is the object of ("Jones held
// a press conference"). "" when the parse names no person.
func (d *docView) triggerAgent(sn *syntax.Sentence, tr trigger) string {
	if sn == nil {
		return ""
	}
	ws := sn.Words
	head := -1
	for _, k := range d.wordsOfTrigger(ws, tr) {
		if h := headOf(ws, k); head < 0 || h < 0 || !(ws[h].Start >= d.toks[tr.first].Start && ws[h].End <= d.toks[tr.last].End) {
			head = k
			break
		}
	}
	if head < 0 {
		return ""
	}
	var cands []int
	switch ws[head].UPOS {
	case "VERB":
		cands = agentsOf(sn, head)
	case "NOUN", "PROPN":
		for _, ch := range sn.Children(head) {
			if ws[ch].Rel == "nmod:poss" {
				cands = append(cands, ch)
			}
		}
		if v := headOf(ws, head); len(cands) == 0 && v >= 0 && ws[head].Rel == "obj" && ws[v].UPOS == "VERB" {
			for _, ch := range sn.Children(v) {
				if ws[ch].Rel == "nsubj" {
					cands = append(cands, ch)
				}
			}
		}
	}
	for _, k := range cands {
		if a := d.agentWord(sn, k); a != "" {
			return a
		}
	}
	return ""
}

// personWord is the key of the person mention at parse word k or at its
// flat name parts ("Governor Brown's"), or "".
func (d *docView) personWord(sn *syntax.Sentence, k int) string {
	ws := sn.Words
	if m := d.personMentionAt(ws[k].Start, ws[k].End); m != nil {
		return mentionKey(*m)
	}
	for _, ch := range sn.Children(k) {
		if ws[ch].Rel == "flat" {
			if m := d.personMentionAt(ws[ch].Start, ws[ch].End); m != nil {
				return mentionKey(*m)
			}
		}
	}
	return ""
}

// personMentionAt is the person mention overlapping [start, end), or nil.
func (d *docView) personMentionAt(start, end int) *model.Mention {
	lo, hi := d.personWindow(start, end)
	for k := lo; k < hi; k++ {
		m := &d.persons[k]
		if m.Start < end && start < m.End {
			return m
		}
	}
	return nil
}

// earlierEvent reports whether the parse puts the event of value c (under
// trigger tr, when one was chosen) before the story's own: the trigger, the value or a word on the way between them is modified by
// a background word ("in an earlier case", "a previous conviction").
func (d *docView) earlierEvent(sn *syntax.Sentence, c candidate, tr *trigger) bool {
	if sn == nil {
		return false
	}
	ws := sn.Words
	path, _ := valuePath(ws, c)
	words := append([]int(nil), path...)
	if tr != nil {
		words = append(words, d.wordsOfTrigger(ws, *tr)...)
	}
	bg := backgroundWords()
	for _, k := range words {
		for _, ch := range sn.Children(k) {
			if modifiesBack(sn, ch, bg) {
				return true
			}
			if ws[ch].UPOS == "NOUN" && (universal(ws[ch].Rel) == "obl" || universal(ws[ch].Rel) == "nmod") {
				for _, gc := range sn.Children(ch) {
					if modifiesBack(sn, gc, bg) {
						return true
					}
				}
			}
		}
	}
	return false
}

// modifiesBack reports whether word k is a background word in the relation
// the lexicon gives it.
func modifiesBack(sn *syntax.Sentence, k int, bg map[string]string) bool {
	w := sn.Words[k]
	// The written form first: the lemma of "earlier" is "early", which
	// dates the story's own morning.
	rel, ok := bg[strings.ToLower(w.Text)]
	return ok && universal(w.Rel) == rel
}

// backgroundCue reports whether tokens [t0, t1) hold a word the background
// test reads (a background modifier): only then is the sentence
// parsed for it.
func (d *docView) backgroundCue(t0, t1 int) bool {
	bg := backgroundWords()
	for k := t0; k < t1; k++ {
		if bg[d.lower[k]] != "" {
			return true
		}
	}
	return false
}

// personsIn counts the person mentions in sentence s.
func (d *docView) personsIn(s model.Range) int {
	n := 0
	for _, k := range d.mentionsIn(s) {
		if d.a.Mentions[k].Type == model.Person {
			n++
		}
	}
	return n
}

// anotherEvent reports whether the parse gives value c to a verb no frame
// holds while the trigger the word windows chose names another event: the
// value's verb is the trigger's complement ("began returning at 10am" is
// when people returned, not when anything began), or, for a duration, the
// trigger stands in an adverbial clause of the value's verb ("locked the
// street down for three hours while they negotiated" times the lockdown,
// not the talks). Dates under the main verb stay with an adverbial
// trigger: "died on Monday when the bank burned" dates both, and taking
// them away cost more true dates than false disputes.
func (d *docView) anotherEvent(sn *syntax.Sentence, c candidate, trigs []trigger, best int) bool {
	if best < 0 {
		return false
	}
	path, verb, ok := valueVerb(sn, c)
	if !ok {
		return false
	}
	ws := sn.Words
	if reportingVerb(ws, verb) {
		return false
	}
	for t := range trigs {
		for _, k := range d.wordsOfTrigger(ws, trigs[t]) {
			if k == verb {
				return false // the value's verb is a frame's
			}
		}
	}
	onPath := map[int]bool{}
	for _, k := range path {
		onPath[k] = true
	}
	for _, k := range d.wordsOfTrigger(ws, trigs[best]) {
		if onPath[k] {
			return false
		}
		if headOf(ws, verb) == k && universal(ws[verb].Rel) == "xcomp" {
			return true
		}
		if h := sn.ClauseHead(k); c.value.Kind == model.KindDuration && h >= 0 && universal(ws[h].Rel) == "advcl" {
			if up := headOf(ws, h); up >= 0 && sn.ClauseHead(up) == sn.ClauseHead(verb) {
				return true
			}
		}
	}
	return false
}

// earlierDates are the dates of sentence s, outside value c, that the
// time stage puts more than a year (reportGapDays) before the document
// ("In 2004, a quake triggered …" in a report of 2013). A date value
// itself is not read so: a year two sources give for one earlier event
// may disagree (see decidable). A later report on the
// story's own event may date it months back; a year is beyond what a
// story's accounts span (see saidApartDays). Undated documents have
// none: nothing says which year is theirs.
func (d *docView) earlierDates(s model.Range, c candidate) []model.Timex {
	if len(d.date) < 10 {
		return nil
	}
	doc, ok := dateRange(d.date[:10])
	if !ok {
		return nil
	}
	before := func(v string) bool {
		if len(v) < 4 || v[:4] >= d.date[:4] || strings.HasPrefix(v, "XXXX") {
			return false
		}
		r, ok := dateRange(v)
		return ok && doc.from.Sub(r.to).Hours()/24 > reportGapDays
	}
	var dates []model.Timex
	for _, ti := range d.timexesIn(s) {
		tx := d.a.Timexes[ti]
		if (tx.End <= c.span.Start || tx.Start >= c.span.End) && before(tx.Value) {
			dates = append(dates, tx)
		}
	}
	return dates
}

// datedEarlier is the year of the one of dates (see earlierDates) that dates the
// clause of value c or a clause above it in parse sn: "a tsunami that
// killed 230,000 people", under "In 2004, a quake triggered", counts the
// dead of the earlier event, not of the story's. A date in another
// clause of the sentence ("five died on Tuesday in a region hit in 2004")
// or inside a noun phrase dates something else.
func datedEarlier(sn *syntax.Sentence, c candidate, dates []model.Timex) string {
	if sn == nil || len(dates) == 0 {
		return ""
	}
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return ""
	}
	above := map[int]bool{}
	for k, steps := clausePredicate(ws, h), 0; k >= 0 && steps <= len(ws); k, steps = headOf(ws, k), steps+1 {
		if ws[k].UPOS == "VERB" {
			above[k] = true
		}
	}
	if p := clausePredicate(ws, h); p >= 0 {
		above[p] = true // a verbless clause's top ("230,000 dead in 2004")
	}
	for _, tx := range dates {
		// The date must hang from the verb itself ("in 2004" an oblique):
		// "since the 2004 tsunami" dates a noun, not the clause.
		if k := spanHead(ws, tx.Start, tx.End); k >= 0 && headOf(ws, k) >= 0 && above[headOf(ws, k)] {
			return tx.Value[:4]
		}
	}
	return ""
}

// datedBefore is the year of the earlier event value c of sentence s
// belongs to by its dates (earlierDates, datedEarlier), or "": the value
// keeps that event ("killed (in 2004)"), apart from the story's own and
// from other earlier events, and meets values other sources date to the
// same year. parse is asked only when the sentence holds such a date.
func (d *docView) datedBefore(parse func(bool) *syntax.Sentence, s model.Range, c candidate) string {
	dates := d.earlierDates(s, c)
	if len(dates) == 0 {
		return ""
	}
	return datedEarlier(parse(true), c, dates)
}
