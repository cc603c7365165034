package compare

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// Claim is what one sentence of one document says about one (subject,
// attribute): a typed value with polarity, hedging, attribution and the
// sentence it came from.
type Claim struct {
	model.FactValue
	// Subject is the entity ID the claim is about, "" for a story-level
	// claim (a casualty count), or "name:<key>" when resolution gave no ID.
	Subject     string `json:"subject"`
	SubjectName string `json:"subject_name,omitempty"`
	// Attribute is the predicate class ("detained", "paid", "killed", …).
	Attribute string `json:"attribute"`
	// Qualifier narrows the attribute when the sentence says who or what a
	// value is per ("2 million som to each family": "family").
	Qualifier string `json:"qualifier,omitempty"`
	// Context holds the content words around the value, for aligning
	// values no predicate class claims (see alignOpenClaims).
	Context []contextWord `json:"-"`
	// Open marks a value no predicate class claims: it is grouped by its
	// context words, under Attribute only if it meets no other source.
	Open bool `json:"-"`
	// Lone identifies an open value that met no other source, so that it
	// forms a fact of its own instead of a bin of unrelated values.
	Lone string `json:"-"`
	// anchor ties an open value to its clause (valueAnchors): two open
	// values can disagree only when the parse ties them to one predicate.
	anchor anchor
}

var classes = sync.OnceValue(buildClassIndex)

// gaz is the shared gazetteer, or nil when it cannot load (country
// qualifiers are then left out).
var gaz = sync.OnceValue(func() *gazetteer.Gazetteer {
	g, err := gazetteer.Load()
	if err != nil {
		return nil
	}
	return g
})

// docView is one annotated document prepared for claim extraction.
type docView struct {
	a       *model.Annotated
	text    string
	toks    []model.Token
	lower   []string
	sents   []model.Range
	persons []model.Mention
	places  []model.Mention
	// personsOrdered, personCount, personFirst and personGender: see
	// orderPersons.
	personsOrdered bool
	personCount    map[string]int
	personFirst    map[string]int
	personGenders  map[string]byte
	// salient is the document's most mentioned person, the default
	// antecedent of "he" and "she".
	salient     string
	salientName string
	date        string
	names       map[string]string
	// Per-sentence indexes into the document's timexes, quantities and
	// mentions, and quotes sorted by start, so that per-sentence work does
	// not scan the whole document (which made long documents quadratic).
	sentTimex, sentQty, sentMention [][]int
	placeAtStart                    map[int]int
	quoteOrder                      []int
	longestQuote                    int
	// lemmas caches lemma(lower[k]) per token, filled on first use,
	// through the run's lemmaMemo when there is one.
	lemmas    []string
	lemmaMemo lemmaMemo
	// parse parses one sentence's tokens when the document has no parse
	// (Options.Parse), or is nil.
	parse func([]model.Token) []model.Word
	// voices caches the voice a sentence's statement is attributed to
	// (accordingTo, else saidBy) by sentence start: a sentence with ten
	// thousand values is read once, not once per value.
	voices map[int]string
}

func newDocView(a *model.Annotated) *docView {
	d := &docView{a: a, text: a.Doc.Text, names: map[string]string{}}
	toks, sents := a.Tokens, a.Doc.Sentences
	if len(toks) == 0 || len(sents) == 0 {
		t2, s2 := tokenize.Split(d.text)
		if len(toks) == 0 {
			toks = t2
		}
		if len(sents) == 0 {
			sents = s2
		}
	}
	d.toks, d.sents = toks, sents
	d.lower = make([]string, len(toks))
	for i, t := range toks {
		d.lower[i] = strings.ReplaceAll(strings.ToLower(t.Text), "’", "'")
	}
	count := map[string]int{}
	first := map[string]int{}
	g := gaz()
	// Names the document uses as places: tagged so, or a known place after
	// "in", "from", "near" ("left from Samara").
	placeTexts := map[string]bool{}
	for _, m := range a.Mentions {
		if m.Type == model.Place {
			placeTexts[m.Text] = true
		} else if k := d.tokenAt(m.Start) - 1; m.Type == model.Person && k >= 0 && placeLeadIns[d.lower[k]] && g != nil && isPlaceName(g, m.Text) {
			placeTexts[m.Text] = true
		}
	}
	outlet := outletWords(a.Doc)
	for _, m := range a.Mentions {
		switch m.Type {
		case model.Person:
			if outlet[strings.ToLower(m.Text)] {
				// "a police source told Sanjyra": the outlet publishing
				// the text, which a tagger easily takes for a person.
				continue
			}
			if g != nil {
				// A nationality tagged as a person ("Kyrgyz") is nobody's name.
				if _, ok := g.Demonym(m.Text); ok {
					continue
				}
				if _, ok := g.Country(m.Text); ok {
					continue
				}
				if placeNotName(g, m.Text) || placeTexts[m.Text] {
					// "He called us from Samara" tagged as a person: a
					// known place the document also tags as a place, or
					// one nobody is named, is the place.
					d.places = append(d.places, m)
					continue
				}
			}
			d.persons = append(d.persons, m)
			k := mentionKey(m)
			count[k]++
			if _, ok := first[k]; !ok {
				first[k] = m.Start
			}
			if len(m.Text) > len(d.names[k]) {
				d.names[k] = m.Text
			}
		case model.Place:
			d.places = append(d.places, m)
		}
	}
	best := -1
	for k, c := range count {
		if c > best || (c == best && first[k] < first[d.salient]) {
			best, d.salient = c, k
		}
	}
	d.salientName = d.names[d.salient]
	d.orderPersons()
	d.index()
	d.date = a.Reference.Date
	if a.Doc.Published != nil && len(*a.Doc.Published) >= 10 {
		d.date = (*a.Doc.Published)[:10]
	}
	return d
}

// index builds the per-sentence indexes of docView.
func (d *docView) index() {
	n := len(d.sents)
	d.sentTimex, d.sentQty, d.sentMention = make([][]int, n), make([][]int, n), make([][]int, n)
	for i, tx := range d.a.Timexes {
		if si := d.sentenceContaining(tx.Range()); si >= 0 {
			d.sentTimex[si] = append(d.sentTimex[si], i)
		}
	}
	for i, q := range d.a.Quantities {
		if si := d.sentenceContaining(q.Range()); si >= 0 {
			d.sentQty[si] = append(d.sentQty[si], i)
		}
	}
	for i, m := range d.a.Mentions {
		if si := d.sentenceContaining(m.Range()); si >= 0 {
			d.sentMention[si] = append(d.sentMention[si], i)
		}
	}
	d.placeAtStart = make(map[int]int, len(d.places))
	for i, m := range d.places {
		if _, ok := d.placeAtStart[m.Start]; !ok {
			d.placeAtStart[m.Start] = i
		}
	}
	d.quoteOrder = make([]int, len(d.a.Quotes))
	for i, q := range d.a.Quotes {
		d.quoteOrder[i] = i
		d.longestQuote = max(d.longestQuote, q.End-q.Start)
	}
	sort.SliceStable(d.quoteOrder, func(a, b int) bool { return d.a.Quotes[d.quoteOrder[a]].Start < d.a.Quotes[d.quoteOrder[b]].Start })
}

// lemmaAt is the lemma of token k, computed once per document.
func (d *docView) lemmaAt(k int) string {
	if d.lemmas == nil {
		d.lemmas = make([]string, len(d.toks))
	}
	if d.lemmas[k] == "" {
		d.lemmas[k] = d.lemmaMemo.of(d.lower[k])
	}
	return d.lemmas[k]
}

// sentenceContaining returns the index of the sentence that contains r,
// or -1.
func (d *docView) sentenceContaining(r model.Range) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > r.Start })
	if i < len(d.sents) && d.sents[i].Contains(r) {
		return i
	}
	return -1
}

// timexesIn, quantitiesIn and mentionsIn return the indices of the values
// inside sentence s, one of the document's sentences.
func (d *docView) timexesIn(s model.Range) []int {
	if si := d.sentenceContaining(s); si >= 0 {
		return d.sentTimex[si]
	}
	return nil
}

func (d *docView) quantitiesIn(s model.Range) []int {
	if si := d.sentenceContaining(s); si >= 0 {
		return d.sentQty[si]
	}
	return nil
}

func (d *docView) mentionsIn(s model.Range) []int {
	if si := d.sentenceContaining(s); si >= 0 {
		return d.sentMention[si]
	}
	return nil
}

// mentionKey is the entity ID, or a name key when resolution has not run:
// a person's last name, a place's whole name.
func mentionKey(m model.Mention) string {
	if m.Entity != "" {
		return m.Entity
	}
	name := strings.ToLower(strings.TrimSpace(m.Text))
	if m.Type == model.Person {
		f := strings.Fields(name)
		if len(f) > 0 {
			name = f[len(f)-1]
		}
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	}
	name = strings.TrimPrefix(name, "the ")
	return "name:" + name
}

// trigger is one predicate word or phrase found in a sentence.
type trigger struct {
	class      int
	first      int // token index of the first word
	last       int // token index of the last word
	negated    bool
	negStart   int // token index where a negation cue starts, or first
	hasValue   bool
	inherently bool
}

// candidate is a typed value found in a sentence, waiting for a trigger.
type candidate struct {
	span  model.Span
	value model.Value
	tok   int    // token index of its first token
	prep  string // the preposition before a place ("in", "from"), lower case
	// route is "origin" or "destination" for a place a journey starts or
	// ends at ("left Samara", "bound for Khujand"), and vehicle the
	// journey's vehicle ("bus"), if the sentence names it.
	route, vehicle string
}

// Extract returns the claims of one annotated document in text order.
func Extract(a *model.Annotated, opts Options) []Claim { return extractInto(nil, a, opts) }

// extractInto appends the claims of a to out: Compare gathers every
// document's claims in one array instead of copying each document's.
func extractInto(out []Claim, a *model.Annotated, opts Options) []Claim {
	if a == nil || a.Doc == nil || a.Doc.Text == "" {
		return out
	}
	d := newDocView(a)
	d.parse, d.lemmaMemo = opts.Parse, opts.lemmas
	d.eachSentence(func(s model.Range, t0, t1 int) {
		if t1 > t0 {
			out = append(out, d.sentenceClaims(s, t0, t1)...)
		}
	})
	return out
}

// eachSentence calls fn with every sentence of the document, in order,
// and the tokens [t0, t1) it spans.
func (d *docView) eachSentence(fn func(s model.Range, t0, t1 int)) {
	ti := 0
	for _, s := range d.sents {
		for ti < len(d.toks) && d.toks[ti].Start < s.Start {
			ti++
		}
		tj := ti
		for tj < len(d.toks) && d.toks[tj].End <= s.End {
			tj++
		}
		fn(s, ti, tj)
		ti = tj
	}
}

// sentenceClaims extracts the claims of the sentence s spanning tokens
// [t0, t1).
func (d *docView) sentenceClaims(s model.Range, t0, t1 int) []Claim {
	trigs := d.triggers(t0, t1)
	cands := d.candidates(s, t0, t1)
	hedged := d.hedged(t0, t1)
	// The parse is read only where a rule needs it, and made at most once.
	var sn *syntax.Sentence
	parsed := false
	parse := func(need bool) *syntax.Sentence {
		if need && !parsed {
			parsed, sn = true, d.parseOf(s, t0, t1)
		}
		if !need {
			return nil
		}
		return sn
	}
	modal := d.modalWord(t0, t1)
	var forced map[int]int
	if d.countsToRead(cands, trigs) {
		cands, forced = d.parsedCounts(parse(true), cands, trigs)
	}
	// Whose event a value is is asked only of a sentence naming someone.
	namesPerson := d.personsIn(s) > 0
	out := d.percentClaims(s, t0, t1, parse, hedged)
	for ci, c := range cands {
		if c.route != "" && d.thingMoved(parse(true), c) {
			// "sent a note to X": a thing went there, nobody travelled.
			c.route, c.vehicle = "", ""
		}
		if c.value.Kind == model.KindAge {
			subj, name, event, ok := d.ageOwner(parse(true), c)
			if !ok {
				subj, name = d.ageSubject(c, t0, t1)
			}
			attr := "age"
			if y := d.datedBefore(parse, s, c); y != "" {
				attr = withModality(attr, datedEvent+y) // "Vell, 49, told a paper in 2019"
			} else if event != "" {
				attr = withModality(attr, event) // "died at the age of 85"
			}
			out = append(out, d.claim(s, c.span, c.value, subj, name, attr, "asserted", hedged))
			continue
		}
		if c.value.Kind == model.KindCount && measureUnit[c.value.Unit] {
			// A depth, length or distance: named by its noun ("a depth of
			// 280 metres"), never by a nearby event verb.
			// "a depth of 400 metres lasted three days": the noun before
			// "of" names it; only then the noun after ("970 kilometres of
			// the border", "the 970-km border").
			attr := "measure"
			compound := strings.Contains(c.span.Text, "-") // "the 970-km border"
			if n := d.nounBefore(c, t0, parse); n != "" && !compound {
				attr = n
			} else if n := d.measured(c, t1); n != "" {
				attr = n
			} else if n != "" {
				attr = n
			}
			out = append(out, d.claim(s, c.span, c.value, "", "", attr, "asserted", hedged))
			continue
		}
		if medicalFacility(c.value.Facility) && d.medicalContext(c, trigs) && !d.personalTriggerNear(c, trigs, t0, t1) {
			// Which hospital the injured were taken to is a story-level
			// fact, however the sentence says it ("hospitalised at",
			// "taken to", "flown to").
			out = append(out, d.claim(s, c.span, c.value, "", "", c.value.Facility, "asserted", hedged))
			continue
		}
		if c.route != "" {
			// Where the journey began or was headed is a story-level
			// fact of its own, not where anything happened; the vehicle
			// tells the bus's route from the flight home.
			attr := c.route
			if c.vehicle != "" {
				attr = c.vehicle + " " + c.route
			}
			out = append(out, d.claim(s, c.span, c.value, "", "", attr, "asserted", hedged))
			continue
		}
		if c.value.Kind == model.KindPlace && c.value.Relation != "" {
			// "about 12 km south of Isfara" locates a site for the whole
			// story; sources that place it differently dispute it there.
			out = append(out, d.claim(s, c.span, c.value, "", "", "location", "asserted", hedged))
			continue
		}
		best, byParse := forced[ci]
		if !byParse {
			best = d.governed(parse(c.value.Kind == model.KindMoney), c, trigs, d.pickTrigger(c, trigs, t0, t1), func(k int) bool { return d.triggerTakes(c, trigs[k]) })
		}
		if best == vetoed {
			// The parse gives the sum to a verb no frame holds: an
			// amount of its own, not the trigger's.
			best = -1
		}
		if best >= 0 && !byParse && d.tiedElsewhere(parse(true), c, trigs[best]) {
			// The parse ties the time or place to another predicate: it
			// is the nearest trigger's the parse links it to, or none's.
			best = d.linkedTrigger(parse(true), c, trigs, func(k int) bool { return d.triggerTakes(c, trigs[k]) })
		}
		if best >= 0 && !byParse && c.value.Kind != model.KindMoney && c.value.Kind != model.KindCount && d.anotherEvent(parse(true), c, trigs, best) {
			best = -1 // the value is of its own verb's event
		}
		if best >= 0 && c.prep == "from" && !fromClasses[predicateClasses[trigs[best].class].Name] {
			// "a bus travelling from Russia overturned": where something
			// came from is not where it happened.
			continue
		}
		pol := "asserted"
		attr := ""
		subj, name, agent := "", "", ""
		open := best < 0
		if best >= 0 {
			tr := &trigs[best]
			tr.hasValue = true
			cls := predicateClasses[tr.class]
			if c.value.Kind == model.KindCount {
				cls = predicateClasses[d.countFrame(tr.class, c)]
			}
			attr = cls.Name
			if m := d.modality(parse(modal), *tr); m != "" {
				attr = withModality(attr, m)
			} else if (c.value.Kind == model.KindDate || c.value.Kind == model.KindPlace) && d.expectedValue(parse(true), c) {
				// "will be arraigned on Wednesday": not when or where
				// anything happened yet.
				attr = withModality(attr, expectedModality)
			}
			if tr.negated {
				pol = "negated"
			}
			if cls.Personal && c.value.Kind != model.KindCount {
				subj, name = d.subjectFor(*tr, t0, t1)
				if owner, on, ok := d.valueOwner(parse(true), c, *tr); ok && owner != collectiveSubject {
					// Whose the parse says the value is; a group named as
					// the patient may include the person, so it does not
					// make the value someone else's.
					subj, name = owner, on
				}
			}
			if d.backgroundCue(t0, t1) && d.earlierEvent(parse(true), c, tr) {
				attr = withModality(attr, earlierAnchor)
			} else if y := d.datedBefore(parse, s, c); y != "" {
				attr = withModality(attr, datedEvent+y)
			}
			if !cls.Personal && namesPerson {
				agent = d.valueAgent(parse(true), c, tr)
			}
		} else {
			if namesPerson {
				agent = d.valueAgent(parse(true), c, nil)
			}
			switch c.value.Kind {
			case model.KindMoney:
				attr = "amount"
			case model.KindCount:
				attr = "count"
			case model.KindDuration:
				attr = "duration"
			case model.KindDate:
				// No class claims it: an open claim, kept only if another
				// source says something alike (alignOpenClaims). Places
				// are left out: the words around a place name too often
				// describe something else that happened there.
				attr = ""
			default:
				continue
			}
		}
		if c.value.Kind == model.KindCount {
			cl := d.claim(s, c.span, c.value, subj, name, attr, pol, hedged)
			cl.Qualifier = strings.TrimSpace(d.countryNear(c, t0, t1) + " " + d.pastYear(c, s))
			cl.Running = d.runningTally(c, t0)
			cl.Value.Scope = d.countScope(parse(true), c)
			d.markOpen(&cl, open, parse(open), c)
			cl.Agent = agent
			if best >= 0 {
				cl.Trigger = d.triggerText(trigs[best])
			} else {
				cl.Trigger = governingLemma(parse(modal), c)
			}
			if open && c.value.Unit != "" {
				// What is counted says most about which count it is.
				u := unitKey(c.value.Unit)
				// Kinds of people ("passengers", "people", "migrants") are
				// one word here: outlets name the same people differently.
				l, unitWeight := lemma(u), 1.5
				if unitClass(u) == "people" {
					l, unitWeight = "people", 1.0
				}
				cl.Context = append(cl.Context, contextWord{Lemma: l, Word: u, Near: unitWeight, Unit: true})
			}
			out = append(out, cl)
			continue
		}
		if c.value.Kind == model.KindMoney {
			qual := d.perWhat(c, t1)
			// Who pays: the payer's kind and country, the country read from
			// the currency ("som" is Kyrgyz money) or, for dollars and
			// euros, from the sentence; lone countries are dropped later.
			country := d.countryNear(c, t0, t1)
			if country == "" {
				country = currencyCountry[c.value.Currency]
			}
			payer := d.payer(c, t0, t1)
			if payer == "" && best >= 0 {
				payer = d.subjectPayer(trigs[best], t0)
			}
			if payer == "people" {
				// People paying out of pocket pay in whatever currency
				// they hold; it says nothing about a country.
				country = ""
			}
			if who := strings.TrimSpace(payer + " " + country); who != "" {
				qual += "@ " + who // the space lets the country be read as a field
			}
			if unit := d.perTime(c, t1); unit != "" {
				// "45,000 som a month" is a wage or fee rate whatever verb
				// carries it ("earn", "are paid", "go down for").
				attr, qual, subj, name = "rate", unit, "", ""
			}
			if attr == "amount" && qual == "" {
				qual = d.nounBefore(c, t0, parse)
			}
			cl := d.claim(s, c.span, c.value, subj, name, attr, pol, hedged)
			cl.Qualifier = qual
			d.markOpen(&cl, open && attr == "amount", parse(open && attr == "amount"), c)
			cl.Agent = agent
			if best >= 0 {
				cl.Trigger = d.triggerText(trigs[best])
			} else if attr == "amount" {
				cl.Trigger = governingLemma(parse(modal), c)
			}
			out = append(out, cl)
			continue
		}
		cl := d.claim(s, c.span, c.value, subj, name, attr, pol, hedged)
		d.markOpen(&cl, open, parse(open), c)
		cl.Agent = agent
		if best >= 0 {
			cl.Trigger = d.triggerText(trigs[best])
		} else {
			cl.Trigger = governingLemma(parse(modal), c)
		}
		out = append(out, cl)
	}
	for _, tr := range trigs {
		cls := predicateClasses[tr.class]
		if !(cls.Event || (cls.NegatedEvent && tr.negated && !tr.hasValue)) {
			continue
		}
		pol := "asserted"
		if tr.negated {
			pol = "negated"
		}
		start := d.toks[tr.negStart].Start
		end := d.toks[tr.last].End
		subj, name := "", ""
		if cls.Personal {
			subj, name = d.subjectFor(tr, t0, t1)
		}
		span := model.SpanOf(d.a.Doc.ID, d.text, start, end)
		v := model.Value{Kind: model.KindEvent, Text: cls.Name}
		cl := d.claim(s, span, v, subj, name, cls.Name, pol, hedged)
		cl.Trigger = d.triggerText(tr)
		out = append(out, cl)
	}
	out = append(out, d.statementClaims(s, t0, t1, trigs, hedged)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// medicalContext reports whether a hospital is named as where people were
// taken or treated ("taken to", "hospitalised at", "treated in"), not as a
// landmark ("sitting outside the clinic").
func (d *docView) medicalContext(c candidate, trigs []trigger) bool {
	if c.route != "" {
		return true
	}
	for _, tr := range trigs {
		if predicateClasses[tr.class].Name == "injured" {
			return true
		}
	}
	if k := c.tok - 2; k >= 0 && (d.lower[k] == "treated" || d.lower[k] == "admitted" || d.lower[k] == "treatment") {
		return true
	}
	return false
}

// personalTriggerNear reports whether the trigger a place candidate would
// take belongs to what happened to a person ("detained in the district
// hospital"), so the place is where that happened.
func (d *docView) personalTriggerNear(c candidate, trigs []trigger, t0, t1 int) bool {
	best := d.pickTrigger(c, trigs, t0, t1)
	return best >= 0 && predicateClasses[trigs[best].class].Personal
}

// markOpen marks a claim no predicate class took as open and gives it the
// words around its value, which alignOpenClaims groups it by, and the
// words of its clause in parse sn that anchor it (valueAnchors).
func (d *docView) markOpen(cl *Claim, open bool, sn *syntax.Sentence, c candidate) {
	cl.Open = open
	if !open {
		return
	}
	cl.anchor = d.valueAnchors(sn, cl.Sentence, c)
	cl.Context = d.context(cl.Sentence, cl.Start, cl.End)
	if cl.Value.Kind != model.KindDuration {
		return
	}
	// What lasted says which duration it is: "the rescue operation …
	// lasted three days" and "all 52 hours of the operation" measure one
	// thing however far apart their other words are.
	k := d.measuredNoun(cl.Sentence, cl.Start, cl.End)
	if k < 0 {
		return
	}
	l := d.lemmaAt(k)
	for i := range cl.Context {
		if cl.Context[i].Lemma == l {
			cl.Context[i].Near = measuredWeight
			return
		}
	}
	cl.Context = append(cl.Context, contextWord{Lemma: l, Word: d.lower[k], Near: measuredWeight})
}

// measuredWeight is the closeness given to the thing a duration measures:
// more than any word merely beside the value.
const measuredWeight = 1.5

// lastingVerbs take the thing that lasted as their subject and its length
// after them ("the operation lasted three days", "the search took six
// hours", "the hearing ended 52 hours after …").
var lastingVerbs = map[string]bool{
	"lasted": true, "last": true, "lasts": true, "lasting": true, "took": true, "takes": true, "take": true,
	"ended": true, "ends": true, "continued": true, "continues": true, "ran": true, "runs": true,
	"dragged": true, "stretched": true, "went": true,
}

// measuredNoun is the token of the noun a duration in sentence s measures,
// or -1: "N of (the) X" after the value, else the head of the subject of a
// lasting verb right before it.
func (d *docView) measuredNoun(s model.Range, start, end int) int {
	t0, t1 := d.tokenAt(s.Start), d.tokenAt(s.End-1)+1
	first, last := d.tokenAt(start), d.tokenAt(end-1)
	if k := last + 1; k+1 < t1 && d.lower[k] == "of" {
		k++
		for k < t1 && (d.lower[k] == "the" || d.lower[k] == "this" || d.lower[k] == "that" || d.lower[k] == "a") {
			k++
		}
		if k < t1 && d.toks[k].Kind == model.TokenWord && contentWord(d.lower[k]) {
			// "two days of heavy fighting": the head ends the noun phrase.
			for k+1 < t1 && d.toks[k+1].Kind == model.TokenWord && contentWord(d.lower[k+1]) && !lastingVerbs[d.lower[k+1]] {
				k++
			}
			return k
		}
	}
	// The lasting verb is at most a few words before the value ("lasted
	// about three days", "took rescuers six hours").
	v := -1
	for k := first - 1; k >= t0 && first-k <= 4; k-- {
		if lastingVerbs[d.lower[k]] {
			v = k
			break
		}
	}
	if v < 0 {
		return -1
	}
	// The subject is the first noun phrase of the verb's clause: its
	// head is the last word before a preposition or the verb.
	c := v - 1
	for c >= t0 && !isClauseBoundary(d.lower[c]) && d.toks[c].Kind != model.TokenPunct {
		c--
	}
	k := c + 1
	for k < v && functionWords[d.lower[k]] {
		k++
	}
	head := -1
	for ; k < v && d.toks[k].Kind == model.TokenWord && contentWord(d.lower[k]); k++ {
		head = k
	}
	if head < 0 || (head > t0 && isCapitalised(d.toks[head].Text)) {
		return -1 // a name says who, not what lasted
	}
	return head
}

// perWhat reads what a money amount is per: "to each family of the dead",
// "for each destroyed house", "per person".
func (d *docView) perWhat(c candidate, t1 int) string {
	k := max(d.tokenAt(c.span.End-1), c.tok) + 1
	k = d.skipRestatement(k, t1)
	if k >= t1 {
		return ""
	}
	switch d.lower[k] {
	case "to", "for", "per", "a":
	case "each", "apiece":
		// "gave bereaved families about $1,600 each": the plural noun
		// before the amount receives it.
		return d.recipientBefore(c)
	default:
		return d.eachBefore(c)
	}
	if d.lower[k] == "per" || d.lower[k] == "a" {
		k++
	} else {
		k++
		each := false
		for k < t1 && (d.lower[k] == "each" || d.lower[k] == "every" || d.lower[k] == "the") {
			each = each || d.lower[k] != "the"
			k++
		}
		if !each && !(k+2 < t1 && d.lower[k+1] == "of" && (d.lower[k+2] == "each" || d.lower[k+2] == "every")) {
			return d.eachBefore(c) // "each of us had to pay 15,000 roubles to get out"
		}
	}
	head := d.recipientHead(k, t1)
	if timeUnitWords[head] {
		return "" // "45,000 som a month" is a rate, not a beneficiary
	}
	return head
}

// skipRestatement moves token index k past a restatement of the amount
// just read: "($17,200)", ", or about 660,000 rubles,".
func (d *docView) skipRestatement(k, t1 int) int {
	if j := d.skipBracket(k, t1); j != k {
		return j
	}
	if k+1 < t1 && d.lower[k] == "," && d.lower[k+1] == "or" {
		j := k + 2
		for j < t1 && j < k+8 && (valueLeadIns[d.lower[j]] || d.toks[j].Kind == model.TokenNumber || isCurrencyWord(d.lower[j]) || scaleWords[d.lower[j]]) {
			j++
		}
		if j > k+2 && j < t1 && d.lower[j] == "," {
			return j + 1
		}
	}
	return k
}

// skipBracket moves token index k past a bracketed aside that opens at k
// ("($17,200)", "(Baku)"); otherwise k is returned unchanged.
func (d *docView) skipBracket(k, t1 int) int {
	if k < t1 && d.lower[k] == "(" {
		for k < t1 && d.lower[k] != ")" {
			k++
		}
		k++
	}
	return k
}

var scaleWords = map[string]bool{"thousand": true, "million": true, "billion": true, "mln": true, "bn": true, "m": true}

// eachBefore reads "promised each family of the dead 15,000 somoni" and
// "the family of each deceased passenger will receive …": the noun a
// recipient "each" or "every" names shortly before the amount, in its
// clause ("family" in the second: what the payment goes to).
func (d *docView) eachBefore(c candidate) string {
	t0 := d.tokenAt(c.span.Start) - 10
	for k := c.tok - 1; k >= 0 && k > t0; k-- {
		w := d.lower[k]
		if isClauseBoundary(w) || w == ";" || w == "." {
			return ""
		}
		if (w == "each" || w == "every") && k+1 < c.tok && d.toks[k+1].Kind == model.TokenWord {
			if d.lower[k+1] == "of" && k+2 < c.tok {
				// "each of us", "each of the families"
				if r := d.recipientHead(k+2+boolInt(d.lower[k+2] == "the"), c.tok); r != "" && !personPronouns[d.lower[k+2]] && !pluralPronouns[d.lower[k+2]] {
					return r
				}
				return "person"
			}
			if k >= 2 && d.lower[k-1] == "of" && d.toks[k-2].Kind == model.TokenWord && !qualifierStop[d.lower[k-2]] {
				return lang.NounLemma(d.lower[k-2])
			}
			return d.recipientHead(k+1, c.tok)
		}
	}
	return ""
}

var recipientStop = map[string]bool{
	"will": true, "would": true, "has": true, "have": true, "for": true, "to": true, "by": true,
	"after": true, "before": true, "under": true, "within": true, "over": true,
}

// recipientHead is the head noun of the words from k: "injured passenger"
// → passenger. It stops at a verb-like or function word.
func (d *docView) recipientHead(k, end int) string {
	head := ""
	for n := 0; k < end && n < 3; k, n = k+1, n+1 {
		w := d.lower[k]
		if d.toks[k].Kind != model.TokenWord || qualifierStop[w] || locativePrepositions[w] || countAux[w] || recipientStop[w] {
			break
		}
		head = w
	}
	return lang.NounLemma(head)
}

// recipientBefore is the plural noun a few words before an amount
// ("bereaved families about $1,600 each" → family; "the families of the
// dead would receive 50,000 somoni each" → family), or "person".
func (d *docView) recipientBefore(c candidate) string {
	for k := c.tok - 1; k >= 0 && k >= c.tok-8; k-- {
		w := d.lower[k]
		if isClauseBoundary(w) || w == ";" || w == "." {
			break
		}
		if w == "people" || w == "us" || w == "them" {
			return "person"
		}
		if d.toks[k].Kind == model.TokenWord && len(w) > 3 && strings.HasSuffix(w, "s") && !valueLeadIns[w] && !countAux[w] {
			return lang.NounLemma(w)
		}
	}
	return "person"
}

// countryNear is the country a count's people belong to, by the nearest
// nationality or place named before it in the sentence or right after it
// ("nine citizens of Kyrgyzstan", "Dushanbe said … 23 were injured"): an
// ISO code, or "".
func (d *docView) countryNear(c candidate, t0, t1 int) string {
	g := gaz()
	if g == nil {
		return ""
	}
	endTok := max(d.tokenAt(c.span.End-1), c.tok)
	codeOf := func(k int) string {
		w := d.toks[k].Text
		if d.toks[k].Kind != model.TokenWord || !isCapitalised(w) {
			return ""
		}
		if c.value.Kind == model.KindMoney && d.toks[k].Start >= c.span.Start && d.toks[k].End <= c.span.End {
			return "" // "8,300 US dollars" names a currency, not who pays
		}
		if code, ok := g.Demonym(w); ok && code != "" {
			return code
		}
		if code, ok := g.Country(w); ok {
			return code
		}
		return ""
	}
	for k := endTok + 1; k < t1 && k <= endTok+3; k++ {
		if d.lower[k] == "of" || d.lower[k] == "from" {
			if k+1 < t1 {
				if code := codeOf(k + 1); code != "" {
					return code
				}
			}
		}
	}
	for k := endTok; k >= t0; k-- {
		if code := codeOf(k); code != "" {
			return code
		}
	}
	return ""
}

// pastYear returns the year of an explicit date in the sentence that lies
// in an earlier year than the document ("In 2019 three miners died"), so
// counts about an earlier event stay apart from the story's own.
func (d *docView) pastYear(c candidate, s model.Range) string {
	if len(d.date) < 4 {
		return ""
	}
	for _, ti := range d.timexesIn(s) {
		tx := d.a.Timexes[ti]
		if len(tx.Value) < 4 || tx.Anchor != "" {
			continue
		}
		// Only a date next to the count dates it ("In 2019, three miners").
		ti := d.tokenAt(tx.Start)
		lo, hi := min(ti, c.tok), max(ti, c.tok)
		if hi-lo > 6 || d.boundaries(lo, hi) > 1 {
			continue
		}
		if y := tx.Value[:4]; y < d.date[:4] && y >= "1000" && y <= "9999" {
			return y
		}
	}
	return ""
}

// payer names who pays an amount when the sentence says: "from the state
// budget", "a government payment of", "from the company".
func (d *docView) payer(c candidate, t0, t1 int) string {
	k := max(d.tokenAt(c.span.End-1), c.tok) + 1
	k = d.skipBracket(k, t1)
	if k < t1 && d.lower[k] == "each" {
		k++
	}
	if k < t1 && d.lower[k] == "from" {
		for n := 1; n <= 3 && k+n < t1; n++ {
			if p := payerKinds[d.lower[k+n]]; p != "" {
				return p
			}
		}
	}
	// "a government payment of 1 million som"
	j := c.tok - 1
	for j > t0 && valueLeadIns[d.lower[j]] {
		j--
	}
	if j > t0+1 && d.lower[j] == "of" {
		for n := 2; n <= 3 && j-n >= t0; n++ {
			if p := payerKinds[d.lower[j-n]]; p != "" {
				return p
			}
		}
	}
	return ""
}

// subjectPayer names who pays from the subject of the payment verb: "The
// government has promised …" → state; "Sarbon-Trans, the Khujand company
// that owned the bus, promised …" → company; "the carrier's insurer must
// pay" → insurer; "the ministry said it would give" → state; "ordered the
// insurer to pay" → insurer. A named organisation with no kind word is
// "org:<key>". "" when the subject is no payer (a person, a pronoun
// without antecedent, or nothing).
func (d *docView) subjectPayer(tr trigger, t0 int) string {
	if receiveVerbs[d.lower[tr.first]] {
		return "" // "the families will receive …": the subject is paid
	}
	if w := d.lower[tr.first]; (strings.HasSuffix(w, "ed") || w == "paid" || w == "given") && tr.first > t0 && passiveAux[d.lower[tr.first-1]] {
		// "families were promised …": the subject receives; the agent
		// after "by" pays ("was paid 70,000 tenge by the organisers").
		for k := tr.last + 1; k < len(d.toks) && k <= tr.last+10; k++ {
			if d.lower[k] == "." || d.lower[k] == ";" {
				break
			}
			if d.lower[k] == "by" {
				for m := k + 1; m < len(d.toks) && m <= k+4; m++ {
					if p := payerKinds[d.lower[m]]; p != "" {
						return p
					}
					if mi := d.mentionOfType(m, model.Organization); mi != nil {
						return "org:" + mentionKey(*mi)
					}
				}
				break
			}
		}
		return ""
	}
	k := tr.first - 1
	for k >= t0 && (skipBeforeTrigger[d.lower[k]] || modalWords[d.lower[k]] || d.lower[k] == "to" || d.lower[k] == "already") {
		k--
	}
	if k >= t0 && (d.lower[k] == "it" || d.lower[k] == "they") && k-1 >= t0 && (speechVerbs[d.lower[k-1]] || d.lower[k-1] == "that") {
		// "the ministry said it would pay": the speaker pays.
		k--
		for k >= t0 && (speechVerbs[d.lower[k]] || d.lower[k] == "that") {
			k--
		}
	}
	if k < t0 {
		return ""
	}
	// The subject phrase ends at k; an apposition between commas ("X, the
	// Khujand company that owned the bus,") belongs to it.
	var words []int
	if d.lower[k] == "," {
		j := k - 1
		for j > t0 && j > k-14 && d.lower[j] != "," {
			j--
		}
		if j > t0 && d.lower[j] == "," {
			for m := j + 1; m < k; m++ {
				words = append(words, m)
			}
			k = j - 1
		}
	}
	for n := 0; k >= t0 && n < 8; k, n = k-1, n+1 {
		w := d.lower[k]
		if d.toks[k].Kind != model.TokenWord && w != "'s" && w != "-" && w != "’s" {
			break
		}
		if isClauseBoundary(w) || speechVerbs[w] || w == "that" && n > 0 {
			break
		}
		words = append(words, k)
	}
	kind := ""
	for _, m := range words {
		if p := payerKinds[d.lower[m]]; p != "" && (kind == "" || p == "insurer") {
			kind = p
		}
	}
	if kind != "" {
		return kind
	}
	if payVerbs[d.lower[tr.first]] {
		// "They were made to pay", "each of us had to pay", "relatives
		// paid": people paying, not an institution.
		for _, m := range words {
			w := d.lower[m]
			if pluralPronouns[w] || personPronouns[w] || groupSubjects[w] || peopleNouns[lang.NounLemma(w)] {
				return "people"
			}
			if d.mentionOfType(m, model.Person) != nil {
				return "people"
			}
		}
	}
	for _, m := range words {
		if mi := d.mentionOfType(m, model.Organization); mi != nil {
			return "org:" + mentionKey(*mi)
		}
	}
	return ""
}

var modalWords = map[string]bool{
	"would": true, "will": true, "must": true, "should": true, "shall": true, "can": true, "could": true,
	"may": true, "might": true, "has": true, "have": true, "had": true, "agreed": true,
}

// mentionOfType returns the mention of type t covering token k, or nil.
func (d *docView) mentionOfType(k int, t model.EntityType) *model.Mention {
	off := d.toks[k].Start
	si := d.sentenceContaining(model.Range{Start: off, End: d.toks[k].End})
	if si < 0 {
		return nil
	}
	for _, mi := range d.sentMention[si] {
		m := &d.a.Mentions[mi]
		if m.Type == t && m.Start <= off && off < m.End {
			return m
		}
	}
	return nil
}

// currencyCountry is the country a national currency points to; dollars
// and euros point nowhere.
var currencyCountry = map[string]string{
	"KGS": "KG", "TJS": "TJ", "KZT": "KZ", "RUB": "RU", "UZS": "UZ", "UAH": "UA",
	"GEL": "GE", "AZN": "AZ", "AMD": "AM", "CNY": "CN", "TRY": "TR", "INR": "IN", "JPY": "JP",
}

// payerKinds folds the words for who pays into a few kinds.
var payerKinds = map[string]string{
	"state": "state", "government": "state", "budget": "state", "republican": "state",
	"treasury": "state", "cabinet": "state", "ministry": "state", "authorities": "state", "federal": "state",
	"consulate": "state", "embassy": "state", "municipality": "state", "akimat": "state", "mayor's": "state",
	"administration": "state", "governor": "state", "parliament": "state",
	"company": "company", "firm": "company", "employer": "company", "owner": "company", "owners": "company",
	"operator": "company", "management": "company", "insurer": "insurer", "insurance": "insurer",
	"charity": "donors", "donors": "donors", "fund": "donors", "un": "un", "union": "union",
}

// perTime reads a rate's time unit after a money amount: "a month", "per
// year", "monthly", "an hour".
func (d *docView) perTime(c candidate, t1 int) string {
	k := max(d.tokenAt(c.span.End-1), c.tok) + 1
	k = d.skipBracket(k, t1)
	// "45,000 som, or about 41,000 rubles, per month": skip a restatement.
	for n := 0; n < 8 && k < t1 && (d.lower[k] == "," || d.lower[k] == "or" || valueLeadIns[d.lower[k]] || d.toks[k].Kind == model.TokenNumber || isCurrencyWord(d.lower[k])); n++ {
		if d.lower[k] == "a" || d.lower[k] == "an" {
			break
		}
		k++
	}
	if k >= t1 {
		return ""
	}
	switch w := d.lower[k]; w {
	case "a", "an", "per", "every", "each":
		if k+1 < t1 && timeUnitWords[lang.NounLemma(d.lower[k+1])] {
			return lang.NounLemma(d.lower[k+1])
		}
	case "monthly", "yearly", "annually", "weekly", "daily", "hourly":
		return map[string]string{"monthly": "month", "yearly": "year", "annually": "year", "weekly": "week", "daily": "day", "hourly": "hour"}[w]
	}
	return ""
}

func isCurrencyWord(w string) bool {
	switch w {
	case "som", "tenge", "rubles", "roubles", "dollars", "euros", "somoni", "sum", "$", "€", "₸", "₽":
		return true
	}
	return false
}

// measured names what a measurement measures when the noun follows it:
// "970 kilometres of the Kyrgyz-Tajik border", "the 970-km border".
func (d *docView) measured(c candidate, t1 int) string {
	k := max(d.tokenAt(c.span.End-1), c.tok) + 1
	if k < t1 && d.lower[k] == "of" {
		k++
	}
	for k < t1 && (d.lower[k] == "the" || d.lower[k] == "a" || isCapitalised(d.toks[k].Text) || d.lower[k] == "-") {
		k++
	}
	if k < t1 && d.toks[k].Kind == model.TokenWord && !qualifierStop[d.lower[k]] && !locativePrepositions[d.lower[k]] &&
		!relativeDirections[d.lower[k]] && !speechVerbs[d.lower[k]] && len(d.lower[k]) > 3 {
		if strings.HasSuffix(d.text[d.toks[max(d.tokenAt(c.span.End-1), c.tok)].Start:c.span.End], "-") {
			return ""
		}
		return lang.NounLemma(d.lower[k])
	}
	return ""
}

// nounBefore names an amount no predicate claims by the word it follows:
// "an appeal for $4.2 million", "a budget of $3 million", "appealed for
// 4.2 million dollars": the word's lemma in the parse (which the reader
// sees), else its noun lemma.
func (d *docView) nounBefore(c candidate, t0 int, parse func(bool) *syntax.Sentence) string {
	k := c.tok - 1
	for k > t0 && valueLeadIns[d.lower[k]] {
		k--
	}
	if k > t0 && (d.lower[k] == "of" || d.lower[k] == "for") {
		k--
		if d.toks[k].Kind == model.TokenWord {
			if sn := parse(true); sn != nil {
				for _, w := range sn.Words {
					if w.Start == d.toks[k].Start && w.End == d.toks[k].End && w.Lemma != "" {
						return strings.ToLower(w.Lemma)
					}
				}
			}
			return lang.NounLemma(d.lower[k])
		}
	}
	return ""
}

// measureUnit are the units quantity gives measurements.
var measureUnit = map[string]bool{"kilometre": true, "metre": true, "mile": true, "hectare": true, "tonne": true, "kilogram": true}

var qualifierStop = map[string]bool{
	"of": true, "who": true, "that": true, "which": true, "and": true, "or": true, "but": true,
	"as": true, "with": true, "if": true, "each": true, "was": true, "were": true, "is": true, "are": true,
}

var timeUnitWords = map[string]bool{"month": true, "year": true, "day": true, "week": true, "hour": true, "shift": true}

// pickTrigger chooses the trigger a value belongs to, or -1. The noun
// naming a money amount ("a relief fund of $19,000", "$500 in
// compensation") wins; otherwise the nearest trigger that takes the
// value's kind, preferring its own clause. Which trigger a count is an
// argument of ("27 miners were trapped", "killing 11 people") is read off
// the parse before this (parsedCounts).
func (d *docView) pickTrigger(c candidate, trigs []trigger, t0, t1 int) int {
	takes := func(k int) bool { return d.triggerTakes(c, trigs[k]) }
	at := func(tok int) int {
		for k, tr := range trigs {
			if tr.first <= tok && tok <= tr.last && takes(k) {
				return k
			}
		}
		return -1
	}
	endTok := max(d.tokenAt(c.span.End-1), c.tok)
	switch c.value.Kind {
	case model.KindMoney:
		k := c.tok - 1
		for k > t0 && valueLeadIns[d.lower[k]] {
			k--
		}
		if k > t0 && (d.lower[k] == "of" || d.lower[k] == "for") {
			if x := at(k - 1); x >= 0 {
				return x
			}
		}
		if n := endTok + 1; n+1 < t1 && (d.lower[n] == "in" || d.lower[n] == "as") {
			if x := at(n + 1); x >= 0 {
				return x
			}
			// "3 million tenge in moral damages": one modifier between.
			if n+2 < t1 && d.toks[n+1].Kind == model.TokenWord {
				if x := at(n + 2); x >= 0 {
					return x
				}
			}
		}
	}
	best, bestDist := -1, 1<<30
	for k, tr := range trigs {
		if !takes(k) {
			continue
		}
		var dist, crossed int
		if c.tok > tr.last {
			crossed = d.boundaries(tr.last, c.tok)
			dist = c.tok - tr.last + 6*crossed
		} else {
			// A value before its trigger ("12 people were killed") is
			// measured from its last token; the usual order is the
			// reverse, hence the small surcharge.
			crossed = d.boundaries(endTok, tr.first)
			dist = tr.first - endTok + 2 + 6*crossed
		}
		if c.value.Kind == model.KindCount && (crossed > 0 || dist > 8) {
			continue // a count far from a verb is rarely its object
		}
		if c.value.Kind == model.KindCount && tr.first > endTok && d.has(max(endTok+1, tr.first-3), tr.first, "of") {
			continue // "150 relatives of the dead": the trigger modifies another noun
		}
		if c.value.Kind != model.KindMoney && (dist > 24 || (crossed > 0 && dist > 16)) {
			continue // another clause, most likely another event
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// triggerTakes reports whether trigger tr can hold candidate c's value.
func (d *docView) triggerTakes(c candidate, tr trigger) bool {
	if c.value.Kind != model.KindCount && peopleTriggers[d.lower[tr.first]] {
		return false
	}
	return predicateClasses[tr.class].takes(c.value.Kind)
}

func (d *docView) claim(s model.Range, span model.Span, v model.Value, subj, name, attr, pol string, hedged bool) Claim {
	c := Claim{Subject: subj, SubjectName: name, Attribute: attr}
	c.Span = span
	c.Sentence = s
	c.Value = v
	c.Polarity = pol
	c.Hedged = hedged
	if q := d.quoteAt(span.Range()); q != nil {
		if q.Speaker != nil && *q.Speaker != "" {
			c.AttributedTo = *q.Speaker
		} else {
			c.AttributedTo = q.SpeakerText
		}
		// An answer in an interview layout was given when the interview
		// was, whatever dates the questions mention.
		if q.Date != nil && *q.Date != "" && !(q.Cue == "interview" && d.date != "") {
			dt := *q.Date
			c.Date = &dt
		}
	} else {
		c.AttributedTo = d.voiceOf(s)
	}
	if c.Date == nil {
		if dt := d.statementDateOf(s); dt != "" {
			c.Date = &dt
		}
	}
	if c.Date == nil && d.date != "" {
		dt := d.date
		c.Date = &dt
	}
	return c
}

// statementDateOf returns the date a sentence gives for its own statement
// ("In March the consul said …", "told reporters on Monday that …"), when
// it is not later than the document.
func (d *docView) statementDateOf(s model.Range) string {
	for _, i := range d.timexesIn(s) {
		tx := d.a.Timexes[i]
		if len(tx.Value) < 7 || tx.Value[4] != '-' {
			continue
		}
		ti := d.tokenAt(tx.Start)
		t0 := d.tokenAt(s.Start)
		if !d.statementDate(ti, t0) && !d.speechAfter(d.tokenAt(tx.End), s) {
			continue
		}
		v := tx.Value
		if i := strings.IndexAny(v, "T/"); i > 0 {
			v = v[:i]
		}
		if d.date != "" && v > d.date {
			continue
		}
		return v
	}
	return ""
}

// speechAfter reports whether a speech verb follows within three tokens
// ("In March the consul said").
func (d *docView) speechAfter(ti int, s model.Range) bool {
	for k := ti; k < len(d.toks) && k < ti+4 && d.toks[k].End <= s.End; k++ {
		if speechVerbs[d.lower[k]] && d.lower[k] != "statement" && d.lower[k] != "interview" {
			return true
		}
	}
	return false
}

func (d *docView) quoteAt(r model.Range) *model.Quote {
	// The first quote in text order that overlaps r: quotes starting
	// before r.End, but not so long before that they must end before it.
	qs := d.a.Quotes
	hi := sort.Search(len(d.quoteOrder), func(i int) bool { return qs[d.quoteOrder[i]].Start >= r.End })
	lo := sort.Search(len(d.quoteOrder), func(i int) bool { return qs[d.quoteOrder[i]].Start >= r.Start-d.longestQuote })
	for _, i := range d.quoteOrder[lo:hi] {
		if qs[i].Span.Range().Overlaps(r) {
			return &qs[i]
		}
	}
	return nil
}

// accordingTo returns the source named by "according to X" in the sentence.
func (d *docView) accordingTo(s model.Range) string {
	i := strings.Index(strings.ToLower(d.text[s.Start:s.End]), "according to ")
	if i < 0 {
		return ""
	}
	at := s.Start + i + len("according to ")
	for _, mi := range d.mentionsIn(s) {
		m := d.a.Mentions[mi]
		if m.Start >= at && m.Start <= at+12 && m.End <= s.End {
			return mentionKey(m)
		}
	}
	end := at
	for end < s.End && d.text[end] != ',' && d.text[end] != '.' && end-at < 60 {
		end++
	}
	return strings.TrimSpace(d.text[at:end])
}

// saidBy returns the person or organisation a sentence is attributed to
// by a speech verb: "X said", "X told reporters", "said X".
func (d *docView) saidBy(s model.Range) string {
	lo := d.tokenAt(s.Start)
	for i := lo; i < len(d.toks) && d.toks[i].End <= s.End; i++ {
		if !speechVerbs[d.lower[i]] || d.lower[i] == "interview" || d.lower[i] == "statement" {
			continue
		}
		var best *model.Mention
		for _, k := range d.mentionsIn(s) {
			m := &d.a.Mentions[k]
			if m.Type != model.Person && m.Type != model.Organization {
				continue
			}
			if m.End <= d.toks[i].Start && m.Start >= s.Start && d.toks[i].Start-m.End <= 30 {
				best = m // the closest before the verb wins
			}
			if best == nil && m.Start >= d.toks[i].End && m.Start-d.toks[i].End <= 2 && m.End <= s.End {
				best = m
			}
		}
		if best != nil {
			return mentionKey(*best)
		}
	}
	return ""
}

// triggers finds predicate words and phrases in tokens [t0, t1).
func (d *docView) triggers(t0, t1 int) []trigger {
	ix := classes()
	var out []trigger
	for i := t0; i < t1; i++ {
		w := d.lower[i]
		matched := false
		for _, p := range ix.phrases {
			if i+len(p.words) > t1 {
				continue
			}
			if d.phraseAt(i, p.words) {
				tr := trigger{class: p.class, first: i, last: i + len(p.words) - 1, negStart: i, inherently: p.negated}
				d.polarity(&tr, t0)
				if p.negated {
					tr.negated = !tr.negated
				}
				out = append(out, tr)
				i += len(p.words) - 1
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if ci, ok := ix.words[w]; ok {
			if d.toks[i].Kind != model.TokenWord || d.inDate(i) || timex.MonthName(d.toks[i].Text) {
				// "on 5 March", "the March riots" name a month, not a
				// march.
				continue
			}
			if ix.personObject[w] && !d.personAt(i+1) {
				continue
			}
			tr := trigger{class: ci, first: i, last: i, negStart: i}
			d.polarity(&tr, t0)
			out = append(out, tr)
		}
	}
	return out
}

// inDate reports whether token k lies in a temporal expression.
func (d *docView) inDate(k int) bool {
	r := model.Range{Start: d.toks[k].Start, End: d.toks[k].End}
	for _, i := range d.timexesIn(r) {
		if d.a.Timexes[i].Range().Overlaps(r) {
			return true
		}
	}
	return false
}

// countFrame is the frame a count held by a trigger of frame ci belongs
// to: the counted noun, not the verb, tells a detention ("captured 23
// pirates") from a seizure ("captured three boats"); frames say where
// their counts of things and of people go (thing_counts_to,
// person_counts_to). A count with no noun stays with its trigger.
func (d *docView) countFrame(ci int, c candidate) int {
	cls := predicateClasses[ci]
	u := unitKey(c.value.Unit)
	if c.value.Unit == "" || (cls.ThingCountsTo == "" && cls.PersonCountsTo == "") {
		return ci
	}
	to := cls.ThingCountsTo
	if personNouns[u] || unitClass(u) == "security" || d.namesPeople(c) {
		to = cls.PersonCountsTo
	}
	if k := frameIndex(to); k >= 0 {
		return k
	}
	return ci
}

// namesPeople reports whether a count's noun is capitalised in its text
// ("12 Somalis", "11 Yemenis"): a people named by their nation.
func (d *docView) namesPeople(c candidate) bool {
	f := strings.Fields(c.value.Unit)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	for _, w := range strings.Fields(c.span.Text) {
		if strings.ToLower(w) == last {
			return isCapitalised(w)
		}
	}
	return false
}

// polarity looks back up to five tokens, within the clause, for a negation.
func (d *docView) polarity(tr *trigger, t0 int) {
	for k := tr.first - 1; k >= t0 && k >= tr.first-5; k-- {
		w := d.lower[k]
		if w == "," || w == ";" || w == ":" || w == "but" || w == "." || w == "and" || w == "—" {
			return
		}
		// "have not said when he was arrested": the negation is the
		// speaker's, not the claim's.
		if (speechVerbs[w] && !negationCues[w]) || w == "when" || w == "where" || w == "whether" || w == "why" || w == "how" || w == "if" {
			return
		}
		// "without a record of arrest" negates the record, not the arrest;
		// "without" counts only right before the trigger.
		if w == "without" && k < tr.first-1 && d.lower[k+1] != "being" {
			continue
		}
		if d.isNegation(k) {
			tr.negated = true
			tr.negStart = k
			return
		}
	}
	// "denied reports on social networks that detainees had been beaten":
	// a denial that governs the trigger's "that" clause from further back.
	for k := tr.first - 1; k >= t0 && k >= tr.first-denialReach; k-- {
		w := d.lower[k]
		if w == "," || w == ";" || w == ":" || w == "." || w == "but" {
			return
		}
		if w != "that" {
			continue
		}
		for j := k - 1; j >= t0 && j >= k-6; j-- {
			if d.lower[j] == "," || d.lower[j] == "." || d.lower[j] == ";" {
				return
			}
			if denialVerbs[d.lower[j]] {
				tr.negated = true
				tr.negStart = j
				return
			}
		}
		return
	}
}

// denialReach is how many tokens before a trigger its "that" clause may
// begin for a denial before it to govern the trigger.
const denialReach = 10

// denialVerbs deny the clause they govern.
var denialVerbs = map[string]bool{
	"denied": true, "denies": true, "deny": true, "denying": true, "rejected": true, "rejects": true,
	"refuted": true, "refutes": true, "dismissed": true, "dismisses": true,
}

// phraseAt reports whether the lower-cased tokens from i on are words;
// the caller keeps i+len(words) within its own bound.
func (d *docView) phraseAt(i int, words []string) bool {
	for k, w := range words {
		if d.lower[i+k] != w {
			return false
		}
	}
	return true
}

func (d *docView) hedged(t0, t1 int) bool {
	for i := t0; i < t1; i++ {
		if hedgeCues[d.lower[i]] {
			return true
		}
		for _, p := range hedgePhrases {
			if i+len(p) <= t1 && d.phraseAt(i, p) {
				return true
			}
		}
	}
	return false
}

// has reports whether word w occurs among tokens [i, j).
func (d *docView) has(i, j int, w string) bool {
	for k := i; k < j && k < len(d.lower); k++ {
		if d.lower[k] == w {
			return true
		}
	}
	return false
}

// boundaries counts clause boundaries strictly between tokens i and j.
func (d *docView) boundaries(i, j int) int {
	n := 0
	for k := i + 1; k < j; k++ {
		switch d.lower[k] {
		case ",", ";", "and", "but", "while", "whereas", "—", "–", "(", ")", "after", "before", "when", "since", "until", "because", "although":
			n++
		}
	}
	return n
}

// dateline reports whether the date at token ti is part of a dateline
// ("OSH, May 10 -", "ALMATY, March 10 (Meridian) -").
func (d *docView) dateline(ti, t0, t1 int, tx model.Timex) bool {
	if ti-t0 > 4 {
		return false
	}
	for k := t0; k < ti; k++ {
		if d.lower[k] != "," && !isCapitalised(d.toks[k].Text) {
			return false
		}
	}
	k := d.tokenAt(tx.End)
	k = d.skipBracket(k, t1)
	if k >= t1 {
		return false
	}
	switch d.lower[k] {
	case "-", "—", "–", "--", ":":
		return true
	}
	return false
}

// tokenAt returns the index of the first token starting at or after off.
func (d *docView) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > off })
}

// candidates collects the typed values of a sentence: quantities, dates,
// places and relative locations.
func (d *docView) candidates(s model.Range, t0, t1 int) []candidate {
	var out []candidate
	qs := d.a.Quantities
	for _, i := range d.quantitiesIn(s) {
		q := qs[i]
		if q.Kind == model.KindPercent {
			continue // percentClaims reads percentages on their own
		}
		// A restatement in another currency travels with the amount it
		// restates, not as a second claim.
		if q.Parallel >= 0 && q.Parallel < i && q.Parallel < len(qs) {
			continue
		}
		if d.inRelativeLocation(q) || d.inDesignation(q, t0) {
			continue
		}
		v := quantityValue(q)
		if q.Kind == model.KindMoney && q.Parallel > i && q.Parallel < len(qs) {
			eq := quantityValue(qs[q.Parallel])
			v.Equivalent = &eq
		}
		out = append(out, candidate{span: q.Span, value: v, tok: d.tokenAt(q.Start)})
	}
	for _, i := range d.timexesIn(s) {
		tx := d.a.Timexes[i]
		if tx.Value == "" {
			// "on Friday" in a document with no date: the weekday is all
			// the text says, and all two such values can be compared by.
			tx.Value = weekdayValue(tx.Text)
		}
		if tx.Value == "" {
			continue
		}
		ti := d.tokenAt(tx.Start)
		if d.statementDate(ti, t0) || d.dateline(ti, t0, t1, tx) {
			continue
		}
		v := model.Value{Kind: model.KindDate, Date: tx.Value, Granularity: tx.Granularity}
		if tx.Granularity == model.GranTime && tx.Anchor != "" && !statesDay(tx.Text) {
			// "at 03:15", "from 10 pm": the day is only the document's or
			// an earlier sentence's, so the value is compared as a time.
			v.Date = undatedTime(tx.Value)
		}
		out = append(out, candidate{span: tx.Span, value: v, tok: ti})
	}
	out = append(out, d.placeCandidates(s, t0, t1)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

func quantityValue(q model.Quantity) model.Value {
	v := model.Value{Kind: q.Kind, Amount: q.Amount, Min: q.Min, Max: q.Max}
	if q.Kind == model.KindMoney {
		v.Currency = q.Unit
	} else {
		v.Unit = q.Unit
	}
	return v
}

// inRelativeLocation reports whether a quantity is the distance of a
// relative location ("70 km west of"), which place candidates consume.
func (d *docView) inRelativeLocation(q model.Quantity) bool {
	i := d.tokenAt(q.End)
	if i < len(d.toks) && distanceUnits[d.lower[i]] {
		return true
	}
	if q.Unit == "kilometre" || q.Unit == "mile" || q.Unit == "metre" {
		return i < len(d.toks) && relativeDirections[d.lower[i]]
	}
	return false
}

// statementDate reports whether the date at token ti dates a statement:
// a speech verb within the three tokens before it.
func (d *docView) statementDate(ti, t0 int) bool {
	for k := ti - 1; k >= t0 && k >= ti-3; k-- {
		if speechVerbs[d.lower[k]] {
			return true
		}
	}
	return false
}

// placeCandidates finds places introduced by a locative preposition: named
// place mentions, "the village of X", "X checkpoint", and relative
// locations ("about 70 km west of Almaty").
func (d *docView) placeCandidates(s model.Range, t0, t1 int) []candidate {
	var out []candidate
	covered := func(start, end int) bool {
		for _, c := range out {
			if c.span.Start < end && start < c.span.End {
				return true
			}
		}
		return false
	}
	// Relative locations first, so the named place inside them is not
	// claimed twice.
	for i := t0; i+3 < t1; i++ {
		if d.toks[i].Kind != model.TokenNumber || !distanceUnits[d.lower[i+1]] {
			continue
		}
		j := i + 2
		if !relativeDirections[d.lower[j]] {
			continue
		}
		if d.lower[j] != "from" && d.lower[j] != "outside" {
			j++
			if j >= t1 || d.lower[j] != "of" {
				continue
			}
		}
		j++
		if j < t1 && d.lower[j] == "the" {
			j++
		}
		key, name, end, ok := d.placeAt(j, t1)
		// "the district centre Chaek": a short lowercase description first.
		for skip := 1; !ok && skip <= 2 && j+skip < t1; skip++ {
			if k, n, e, ok2 := d.placeAt(j+skip, t1); ok2 {
				key, name, end, ok = k, n, e, true
				break
			}
			if !isCapitalised(d.toks[j+skip].Text) {
				continue
			}
			if k, n, e, ok2 := d.placeAt(j+skip, t1); ok2 {
				key, name, end, ok = k, n, e, true
			} else if d.toks[j+skip].Kind == model.TokenWord {
				n := d.toks[j+skip].Text
				key, name, end, ok = "name:"+strings.ToLower(n), n, d.toks[j+skip].End, true
			}
		}
		if !ok {
			continue
		}
		start := i
		if i-1 >= t0 && (d.lower[i-1] == "about" || d.lower[i-1] == "some" || d.lower[i-1] == "around" || d.lower[i-1] == "roughly") {
			start = i - 1
		}
		rel := d.text[d.toks[start].Start:d.toks[j-1].End]
		span := model.SpanOf(d.a.Doc.ID, d.text, d.toks[start].Start, end)
		out = append(out, candidate{span: span, value: model.Value{Kind: model.KindPlace, Entity: key, Text: name, Relation: rel}, tok: start})
	}
	for i := t0; i < t1; i++ {
		w := d.lower[i]
		route := d.routeRole(i, t0)
		if !locativePrepositions[w] && route == "" {
			continue
		}
		j := i + 1
		if route == "origin" && j < t1 && d.lower[j] == "from" {
			j++ // "we left from Samara"
		}
		// "bound for the northern Tajik city of Khujand": a short
		// description may stand before the place.
		for j < t1 && (d.lower[j] == "the" || d.lower[j] == "a") {
			j++
		}
		key, name, end, ok := d.placeAt(j, t1)
		var value model.Value
		if ok {
			value = model.Value{Kind: model.KindPlace, Entity: key, Text: name}
			// "at Manas airport" names a site as well as a place.
			if k := d.tokenAt(end - 1); k > j {
				value.Facility = facilityNouns[d.lower[k]]
			}
		}
		// "at his home in Bishkek", "left the bus station in Samara", and
		// a place that names a site: "the Naryn regional hospital".
		if v, e, okF := d.facilityAt(i+1, t1); okF && (!ok || e > end) {
			value, end, ok = v, e, true
			j = i + 1
		}
		for skip := 1; !ok && route != "" && skip <= 3 && j+skip < t1; skip++ {
			if d.toks[j+skip-1].Kind != model.TokenWord || placeLeadIns[d.lower[j+skip-1]] {
				break
			}
			if k, n, e, ok2 := d.placeAt(j+skip, t1); ok2 {
				value, end, ok = model.Value{Kind: model.KindPlace, Entity: k, Text: n}, e, true
				j += skip
			}
		}
		if !ok || covered(d.toks[j].Start, end) {
			continue
		}
		span := model.SpanOf(d.a.Doc.ID, d.text, d.toks[j].Start, end)
		c := candidate{span: span, value: value, tok: j, prep: w, route: route}
		if route != "" {
			c.vehicle = d.routeVehicle(i, d.tokenAt(end-1), t0, t1)
		}
		out = append(out, c)
		if route != "" {
			i = d.tokenAt(end - 1)
		}
	}
	return out
}

// routeRole says whether the word at i introduces where a journey began
// ("origin": "left", "departed", "from" after a travel word) or ended
// ("destination": "bound for", "to" after a travel word), or "".
func (d *docView) routeRole(i, t0 int) string {
	switch w := d.lower[i]; w {
	case "left", "leaving", "departed":
		return "origin"
	case "for":
		if i > t0 && (d.lower[i-1] == "bound" || d.lower[i-1] == "heading" || d.lower[i-1] == "headed" || d.lower[i-1] == "left") {
			return "destination"
		}
	case "from", "to":
		// People moved somewhere: "airlifted to Aktobe", "were later
		// flown to Kyzylorda", "taken by ambulance to".
		if w == "to" {
			for k := i - 1; k >= t0 && i-k <= 4; k-- {
				if movementVerbs[d.lower[k]] {
					return "destination"
				}
				if d.toks[k].Kind != model.TokenWord {
					break
				}
			}
		}
		// A travel word shortly before, in the same clause: "a bus
		// travelling from Samara to Khujand", "on its way to Tajikistan".
		for k := i - 1; k >= t0 && i-k <= 8; k-- {
			if travelWords[d.lower[k]] {
				if w == "from" {
					return "origin"
				}
				return "destination"
			}
			if d.lower[k] == "," || d.lower[k] == ";" || d.lower[k] == "and" && w == "from" {
				break
			}
		}
	}
	return ""
}

// movementVerbs move people to a place: "to" after them is where they were
// taken, whatever vehicle the sentence also mentions.
var movementVerbs = map[string]bool{
	"airlifted": true, "flown": true, "transferred": true, "taken": true, "rushed": true, "brought": true,
	"transported": true, "moved": true, "deported": true, "evacuated": true, "sent": true, "driven": true,
}

// routeVehicle names the vehicle of the journey whose end the word at i
// introduces. People moved somewhere ("flown to Kyzylorda by air
// ambulance") travel by the vehicle named right around the move, not by
// the one the sentence is otherwise about; a journey ("the bus travelling
// from Samara") by the first vehicle of the sentence.
func (d *docView) routeVehicle(i, last, t0, t1 int) string {
	moved := false
	for k := i - 1; k >= t0 && i-k <= 4; k-- {
		if movementVerbs[d.lower[k]] {
			moved = true
			if v := d.vehicleIn(k, i); v != "" {
				return v
			}
			break
		}
	}
	if !moved {
		return d.vehicleIn(t0, t1)
	}
	// "by air ambulance" after the place, within its clause.
	for k := last + 1; k < t1 && k-last <= 5; k++ {
		if d.lower[k] == "," || d.lower[k] == ";" {
			break
		}
		if d.lower[k] == "by" {
			return d.vehicleIn(k+1, min(t1, k+5))
		}
	}
	return ""
}

// vehicleIn is the first vehicle word of tokens [t0, t1) in its singular
// form ("bus", "flight"), or "".
func (d *docView) vehicleIn(t0, t1 int) string {
	for k := t0; k < t1; k++ {
		if v, ok := vehicleWords[d.lower[k]]; ok {
			return v
		}
	}
	return ""
}

// vehicleWords map vehicle words to the name a route fact takes.
var vehicleWords = map[string]string{
	"bus": "bus", "buses": "bus", "coach": "bus", "minibus": "bus", "train": "train", "flight": "flight",
	"plane": "flight", "charter": "flight", "aircraft": "flight", "airliner": "flight", "ferry": "ship",
	"ship": "ship", "boat": "ship", "truck": "truck", "lorry": "truck", "convoy": "convoy",
	"ambulance": "ambulance", "helicopter": "helicopter", "medevac": "ambulance",
}

// travelWords make "from" and "to" after them the ends of a journey.
var travelWords = map[string]bool{
	"travelling": true, "traveling": true, "travelled": true, "traveled": true, "route": true,
	"journey": true, "way": true, "flight": true, "carrying": true, "bound": true, "heading": true,
	"headed": true, "sailing": true, "en": true, "trip": true,
}

// placeAt reads a place starting at token j: a place mention, "village of
// X", or "X checkpoint". It returns the place key, its name and end offset.
func (d *docView) placeAt(j, t1 int) (key, name string, end int, ok bool) {
	if j >= t1 {
		return "", "", 0, false
	}
	start := d.toks[j].Start
	// "village of Shabdan", "the town of X".
	if placeNounsBefore[d.lower[j]] && j+2 < t1 && d.lower[j+1] == "of" && isCapitalised(d.toks[j+2].Text) {
		k := j + 2
		if pi, ok := d.placeAtStart[d.toks[k].Start]; ok {
			m := d.places[pi]
			return mentionKey(m), m.Text, m.End, true
		}
		e := k
		for e+1 < t1 && isCapitalised(d.toks[e+1].Text) && d.toks[e+1].Kind == model.TokenWord {
			e++
		}
		n := d.text[d.toks[k].Start:d.toks[e].End]
		return "name:" + strings.ToLower(n), n, d.toks[e].End, true
	}
	if pi, ok := d.placeAtStart[start]; ok {
		m := d.places[pi]
		// "Kordai checkpoint": keep the place noun in the name.
		if k := d.tokenAt(m.End); k < t1 && placeNounsAfter[d.lower[k]] {
			return mentionKey(m) + " " + d.lower[k], d.text[m.Start:d.toks[k].End], d.toks[k].End, true
		}
		return mentionKey(m), m.Text, m.End, true
	}
	// An unrecognised capitalised name followed by a place noun.
	if isCapitalised(d.toks[j].Text) && d.toks[j].Kind == model.TokenWord {
		e := j
		for e+1 < t1 && e-j < 3 && isCapitalised(d.toks[e+1].Text) && d.toks[e+1].Kind == model.TokenWord {
			e++
		}
		if e+1 < t1 && placeNounsAfter[d.lower[e+1]] {
			n := d.text[d.toks[j].Start:d.toks[e+1].End]
			return "name:" + strings.ToLower(n), n, d.toks[e+1].End, true
		}
	}
	return "", "", 0, false
}

// outletWords are the lower-case names a document's outlet goes by: the
// whole name and each capitalised word of it ("Sanjyra Media" gives
// "sanjyra media" and "sanjyra"), less common words like "Media" or "News".
func outletWords(doc *model.Document) map[string]bool {
	out := map[string]bool{}
	if doc.Outlet == nil || *doc.Outlet == "" {
		return out
	}
	name := strings.ToLower(*doc.Outlet)
	out[name] = true
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if len(w) > 3 && !outletCommonWords[w] {
			out[w] = true
		}
	}
	return out
}

// outletCommonWords are words of outlet names that are no name by themselves.
var outletCommonWords = map[string]bool{"media": true, "news": true, "times": true, "post": true, "info": true, "press": true,
	"agency": true, "daily": true, "weekly": true, "journal": true, "review": true, "courier": true, "express": true,
	"centre": true, "center": true, "rights": true, "voices": true, "observer": true, "ledger": true, "wire": true,
	"service": true, "group": true, "network": true, "online": true, "radio": true, "television": true, "report": true}

// placeLeadIns are words before a name that make it a place.
var placeLeadIns = map[string]bool{"in": true, "from": true, "near": true, "outside": true, "to": true, "towards": true, "across": true}

// placeNotName reports whether a one-word name is a known place and no
// known given name or surname.
func placeNotName(g *gazetteer.Gazetteer, name string) bool {
	if !isPlaceName(g, name) {
		return false
	}
	_, given := g.IsGivenName(name)
	return !given && !g.IsSurname(name)
}

// isPlaceName reports whether a one-word name is a known place.
func isPlaceName(g *gazetteer.Gazetteer, name string) bool {
	if strings.ContainsAny(name, " -") {
		return false
	}
	_, ok := g.Place(name)
	return ok
}

// pastVerb reports whether a trigger word is a past form of a verb
// ("detained", "held", "beaten") rather than a noun ("court", "crash").
func pastVerb(w string) bool {
	switch w {
	case "held", "beat", "beaten", "paid", "freed", "died", "gave", "given", "hit", "struck", "seized", "began", "broke", "met", "sold", "bought", "fled", "came", "sank":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// subjectFor finds who a trigger is about: the object of an active verb
// ("police detained X", "they beat me"), the subject of a passive one ("X
// was detained"), or a possessive before a noun ("his detention").
// Pronouns resolve to the quote's speaker (first person) or the document's
// main person.
func (d *docView) subjectFor(tr trigger, t0, t1 int) (string, string) {
	passive := false
	k := tr.first - 1
	for k >= t0 && skipBeforeTrigger[d.lower[k]] {
		if passiveAux[d.lower[k]] {
			passive = true
		}
		k--
	}
	word := d.lower[tr.first]
	if pastVerb(word) && !passive && !tr.inherently {
		// Active voice: the patient follows.
		n := tr.last + 1
		if n < t1 {
			if subj, name, ok := d.referent(n); ok {
				return subj, name
			}
		}
	}
	if k >= t0 {
		if subj, name, ok := d.referent(k); ok {
			return subj, name
		}
		if _, third := resolve.PersonPronoun(d.lower[k]); third {
			// "she had not been detained" with no woman named before:
			// someone unnamed, not the nearest man.
			return "", ""
		}
	}
	return d.nearestPerson(tr.first, t0, t1)
}

// referent resolves the token at i to a subject: a person mention, a
// pronoun, or a group word.
func (d *docView) referent(i int) (string, string, bool) {
	off := d.toks[i].Start
	lo, hi := d.personWindow(off, off)
	for _, m := range d.persons[lo:hi] {
		if m.Start <= off && off < m.End {
			k := mentionKey(m)
			return k, d.nameOf(k, m.Text), true
		}
	}
	w := d.lower[i]
	if collective(w) {
		if d.otherGroup(i) {
			// "Two other men were beaten too": people set apart from
			// the ones the text speaks of, not the group "we" are.
			return otherGroupSubject, w, true
		}
		// "seven passengers were held", "we were held", "they were
		// beaten": what a group went through is one story-level fact,
		// whoever names the group and however.
		return collectiveSubject, w, true
	}
	if firstPerson[w] {
		if q := d.quoteAt(model.Range{Start: off, End: d.toks[i].End}); q != nil && q.Speaker != nil && *q.Speaker != "" {
			return *q.Speaker, d.nameOf(*q.Speaker, q.SpeakerText), true
		}
	}
	if _, third := resolve.PersonPronoun(w); third || personPronouns[w] {
		// "The driver, Farhod Sharipov, 47, was arrested. On Thursday a
		// court remanded him": the person just named, else the
		// document's main person.
		if k := d.pronounReferent(off, w); k != "" {
			return k, d.nameOf(k, ""), true
		}
	}
	return "", "", false
}

// collectiveSubject is the subject of claims about a group of people.
const collectiveSubject = "group:people"

// otherGroupSubject is the subject of claims about people named as others
// than the ones spoken of ("two other men", "the other passengers").
const otherGroupSubject = "group:other people"

// otherGroup reports whether the group noun at token i is set apart by
// "other" just before it ("other men", "two other men", "the other two").
func (d *docView) otherGroup(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d.lower[k] == "other" {
			return true
		}
	}
	return false
}

// collective reports whether w names a group of people: a plural pronoun,
// a group word, or a plural noun for people ("passengers", "survivors").
func collective(w string) bool {
	if w == "you" {
		return false
	}
	if groupSubjects[w] || pluralPronouns[w] || w == "our" {
		return true
	}
	s := lang.NounLemma(w)
	return s != w && peopleNouns[s]
}

func (d *docView) nameOf(key, fallback string) string {
	if n := d.names[key]; n != "" {
		return n
	}
	return fallback
}

// antecedentReach is how far back, in bytes, a pronoun looks for the
// person it stands for: about two sentences.
const antecedentReach = 250

// pronounReferent is the person (a mention key) the pronoun w at off
// stands for, by resolution's one within-document rule
// (resolve.Antecedent): the person named last before it, at most
// antecedentReach bytes back and within the paragraph, whose gender fits
// ("she" is not Kubanychbek Turdaliev); failing that, for a personal
// pronoun, the document's main person when the gender fits. "" when none.
func (d *docView) pronounReferent(off int, w string) string {
	// A third-person pronoun stands for a person named before it; the
	// pronoun lists are resolution's (resolve.PersonPronoun).
	gender, third := resolve.PersonPronoun(w)
	// Only a person whose last mention before the pronoun ends within
	// reach can be in reach, and only the main person can be the
	// fallback: those are the candidates, not every person of the
	// document (which made a long document quadratic). They stand in the
	// order of their first mentions, as Antecedent breaks ties by it.
	var cands []resolve.Candidate
	var keys []string
	at := map[string]int{}
	add := func(key string) *resolve.Candidate {
		i, ok := at[key]
		if !ok {
			i = len(cands)
			at[key] = i
			g := d.personGender(key)
			cands = append(cands, resolve.Candidate{Before: -1, Fits: gender == 0 || g == 0 || g == gender, Salient: key == d.salient, Mentions: d.personCount[key]})
			keys = append(keys, key)
		}
		return &cands[i]
	}
	lo, hi := d.personWindow(off-antecedentReach, off)
	for k := lo; k < hi; k++ {
		m := &d.persons[k]
		if m.End > off || off-m.End > antecedentReach {
			continue
		}
		if c := add(mentionKey(*m)); m.End > c.Before {
			c.Before = m.End
			c.InReach = third && !strings.Contains(d.text[m.End:off], "\n\n")
		}
	}
	if d.personCount[d.salient] > 0 {
		add(d.salient)
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(d.personFirst[keys[a]], d.personFirst[keys[b]]) })
	sorted := make([]resolve.Candidate, len(cands))
	for i, j := range order {
		sorted[i] = cands[j]
	}
	if i := resolve.Antecedent(sorted, resolve.AntecedentRule{Fallback: personPronouns[w]}); i >= 0 {
		return keys[order[i]]
	}
	return ""
}

// nearestPerson is the person mentioned closest before token i in the
// sentence, else the document's main person.
func (d *docView) nearestPerson(i, t0, t1 int) (string, string) {
	off := d.toks[i].Start
	lo := d.toks[t0].Start
	var best *model.Mention
	from, to := d.personWindow(lo, off)
	for k := from; k < to; k++ {
		m := &d.persons[k]
		if m.Start >= lo && m.End <= off {
			best = m
		}
	}
	if best != nil {
		k := mentionKey(*best)
		return k, d.nameOf(k, best.Text)
	}
	return d.salient, d.salientName
}

// ageSubject is the person an age belongs to: "Name, 31," before it, or "a
// 31-year-old musician, Name" after it, else the main person.
func (d *docView) ageSubject(c candidate, t0, t1 int) (string, string) {
	// "a 17-year-old son": the age is the relative's, who is not named.
	if end := d.tokenAt(c.span.End - 1); end+1 < t1 && kinshipWords[d.lower[end+1]] {
		return "", ""
	}
	var before, after *model.Mention
	lo, hi := d.personWindow(c.span.Start-4, c.span.End+40)
	for k := lo; k < hi; k++ {
		m := &d.persons[k]
		if m.End <= c.span.Start && c.span.Start-m.End <= 4 {
			before = m
		}
		if m.Start >= c.span.End && m.Start-c.span.End <= 40 && after == nil && m.End <= d.toks[t1-1].End {
			after = m
		}
	}
	switch {
	case before != nil:
		k := mentionKey(*before)
		return k, d.nameOf(k, before.Text)
	case after != nil:
		k := mentionKey(*after)
		return k, d.nameOf(k, after.Text)
	}
	// A name the tagger missed: "Gulzat Mamyrova, 44," or "Bolot Isakov, a
	// 62-year-old farmer".
	k := c.tok - 1
	if k > t0 && (d.lower[k] == "a" || d.lower[k] == "an") {
		k--
	}
	if k > t0 && d.lower[k] == "," {
		e := k - 1
		b := e
		for b > t0 && b > e-3 && isCapitalised(d.toks[b-1].Text) && d.toks[b-1].Kind == model.TokenWord {
			b--
		}
		if e >= t0 && isCapitalised(d.toks[e].Text) && d.toks[e].Kind == model.TokenWord && b < e {
			name := d.text[d.toks[b].Start:d.toks[e].End]
			return "name:" + d.lower[e], name
		}
	}
	// "the 47-year-old manager": the person last named before, in this
	// sentence or an earlier one.
	// A name seen once (a byline, an outlet mis-tagged as a person) is a
	// poor antecedent; the document's main person is then the better bet.
	// Only a mention ending within 600 bytes can be taken, so the walk
	// looks no further back.
	var last *model.Mention
	lo, hi = d.personWindow(c.span.Start-600, c.span.Start)
	for k := lo; k < hi; k++ {
		if d.persons[k].End <= c.span.Start {
			last = &d.persons[k]
		}
	}
	if last != nil && d.personCount[mentionKey(*last)] >= 2 && c.span.Start-last.End <= 600 {
		k := mentionKey(*last)
		return k, d.nameOf(k, last.Text)
	}
	return d.nearestPerson(c.tok, t0, t1)
}

// statesDay reports whether a time expression names its day ("on Tuesday
// at 9 pm", "this morning", "5 May, 10:00") rather than only a clock time.
func statesDay(text string) bool {
	for _, t := range tokenize.Tokens(text) {
		w := strings.ToLower(t.Text)
		if dayWords[w] {
			return true
		}
		if t.Kind == model.TokenNumber && !strings.Contains(w, ":") && !clockNeighbour(text, t) {
			return true // a day of the month or a year
		}
	}
	return false
}

// clockNeighbour reports whether a number token is part of a clock time
// ("10 pm", "6 a.m.", "22 h").
func clockNeighbour(text string, t model.Token) bool {
	rest := strings.ToLower(strings.TrimSpace(text[t.End:]))
	for _, w := range []string{"pm", "am", "p.m", "a.m", "o'clock", "h ", "hrs"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return rest == "h"
}

var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "this": true, "last": true, "next": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// undatedTime replaces the calendar day of a time value (or of both ends of
// a range) with "XXXX-XX-XX", which comparison reads as a time of day.
func undatedTime(v string) string {
	parts := strings.Split(v, "/")
	for i, p := range parts {
		if _, clock, ok := strings.Cut(p, "T"); ok {
			parts[i] = "XXXX-XX-XXT" + clock
		}
	}
	return strings.Join(parts, "/")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var pluralPronouns = map[string]bool{"us": true, "them": true, "you": true, "we": true, "they": true}

// receiveVerbs make their subject the one who is paid.
var receiveVerbs = map[string]bool{
	"receive": true, "received": true, "receives": true, "receiving": true, "entitled": true,
	"got": true, "get": true, "gets": true,
}

// payVerbs make their subject the one who pays.
var payVerbs = map[string]bool{"pay": true, "paid": true, "pays": true, "paying": true, "bribe": true, "bribed": true}

// peopleNouns are private people who may pay out of their own pockets.
var peopleNouns = map[string]bool{
	"survivor": true, "passenger": true, "relative": true, "resident": true, "migrant": true, "worker": true,
	"detainee": true, "prisoner": true, "family": true, "parent": true, "villager": true, "driver": true,
	"victim": true, "student": true, "people": true, "person": true, "man": true, "woman": true, "men": true, "women": true,
}

// personAt reports whether token k is a person: a personal pronoun or a
// person mention.
func (d *docView) personAt(k int) bool {
	if k >= len(d.toks) {
		return false
	}
	w := d.lower[k]
	if personPronouns[w] || pluralPronouns[w] || firstPerson[w] {
		return true
	}
	return d.mentionOfType(k, model.Person) != nil
}

// inDesignation reports whether a count's number is part of a name or
// model designation ("AK-47 rifles", "Sea Me We 3 lines", "Boeing 737
// jets"): digits glued by a hyphen to letters, or right after a
// capitalised word that does not start the sentence and is no month or
// weekday.
func (d *docView) inDesignation(q model.Quantity, t0 int) bool {
	if q.Kind != model.KindCount || q.Start <= 0 || q.Start >= len(d.text) || d.text[q.Start] < '0' || d.text[q.Start] > '9' {
		return false
	}
	if d.text[q.Start-1] == '-' && q.Start >= 2 {
		r := d.text[q.Start-2]
		return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z')
	}
	k := d.tokenAt(q.Start) - 1
	if k <= t0 || k >= len(d.toks) || d.toks[k].Kind != model.TokenWord {
		return false
	}
	return isCapitalised(d.toks[k].Text) && !calendarWords[d.lower[k]]
}

// triggerText is a trigger's words, lemmatised, lower case.
func (d *docView) triggerText(tr trigger) string {
	var ws []string
	for k := tr.first; k <= tr.last && k < len(d.lower); k++ {
		ws = append(ws, lemma(d.lower[k]))
	}
	return strings.Join(ws, " ")
}

// voiceOf is who a sentence's statement is attributed to ("according to
// X", else "X said"), or "" for the outlet's own voice; cached.
func (d *docView) voiceOf(s model.Range) string {
	if who, ok := d.voices[s.Start]; ok {
		return who
	}
	who := d.accordingTo(s)
	if who == "" {
		who = d.saidBy(s)
	}
	if d.voices == nil {
		d.voices = map[int]string{}
	}
	d.voices[s.Start] = who
	return who
}

// weekdayValue is "XXXX-WXX-N" (N = 1 for Monday … 7 for Sunday) for a
// time expression that names a weekday, else "".
func weekdayValue(text string) string {
	for _, t := range tokenize.Tokens(text) {
		if n := weekdayNumbers[strings.ToLower(t.Text)]; n > 0 {
			return fmt.Sprintf("XXXX-WXX-%d", n)
		}
	}
	return ""
}
