package compare

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"

	"github.com/parallaxnews/parallax/resolve"
)

// The person lookups of a value (referent, pronounReferent,
// nearestPerson, ageSubject, ownerAt) each ask for mentions near one byte offset. Walking
// every person mention of the document for each value made a long
// document quadratic (a 10 MB document: tens of seconds); personWindow
// narrows each walk to the mentions that can meet the lookup's condition.

// orderPersons records whether the person mentions run in text order
// (starts and ends both non-decreasing, as the tagger gives them): only
// then is a byte window a contiguous run of them. It also counts the
// mentions of each person and notes where each is first mentioned, which
// ageSubject and pronounReferent read.
func (d *docView) orderPersons() {
	d.personsOrdered = true
	d.personCount = make(map[string]int, len(d.persons))
	d.personFirst = make(map[string]int, len(d.persons))
	d.personGenders = map[string]byte{}
	for i, m := range d.persons {
		k := mentionKey(m)
		if d.personCount[k] == 0 {
			d.personFirst[k] = i
		}
		d.personCount[k]++
		if i > 0 && (m.Start < d.persons[i-1].Start || m.End < d.persons[i-1].End) {
			d.personsOrdered = false
		}
	}
}

// personWindow is the index range [lo, hi) of d.persons that holds every
// mention touching the byte window [from, to] (End >= from, Start <= to),
// in their order; all of them when the mentions are not in text order, so
// a walk over the range finds what a walk over all of them would.
func (d *docView) personWindow(from, to int) (int, int) {
	if !d.personsOrdered {
		return 0, len(d.persons)
	}
	lo := sort.Search(len(d.persons), func(i int) bool { return d.persons[i].End >= from })
	hi := sort.Search(len(d.persons), func(i int) bool { return d.persons[i].Start > to })
	return lo, max(lo, hi)
}

// personGender is the gender of the person with mention key key, by the
// name the document gives it (0 when unknown), worked out once.
func (d *docView) personGender(key string) byte {
	g, ok := d.personGenders[key]
	if !ok {
		g = resolve.NameGender(gaz(), d.nameOf(key, d.persons[d.personFirst[key]].Text))
		d.personGenders[key] = g
	}
	return g
}

// ageOwner is whose age value c is, as the parse says, and at which event
// the age was theirs. An age written with a noun ("25-year-old Guzel",
// "Maral, 45,", "the girls, aged 15", "a 66-year-old woman") is that
// noun's: a person mention, or a name the tagger missed, owns it; a common
// noun names nobody ("a 66-year-old woman", "the 36-year-old driver", "his
// 17-year-old son"), so subj is "" and the age meets no named person's (a
// definite description usually stands for someone, but not always for the
// person named last: the victim's age is not the driver's). An age
// predicated of someone ("Vell is 54", "who were 61") is the subject's. An
// age in an adjunct of a verb ("died at the age of 85", "at the age of 10,
// she began to sing", "elected before the age of 40") is the age of the
// verb's subject at that event: event is the verb's lemma, so an age at
// one event never meets the age at another. An age the parse ties to no one
// ("the 15-year-old", "under age 17") is nobody named. ok is false only
// without a parse: ageSubject then decides as the words do.
func (d *docView) ageOwner(sn *syntax.Sentence, c candidate) (subj, name, event string, ok bool) {
	if sn == nil {
		return "", "", "", false
	}
	subj, name, event = d.parsedAgeOwner(sn, c)
	if subj == "" && event == "" {
		// "One of them, Toktogul Saliev, 81, died": the comma apposition
		// is the age's even where the parse hangs it elsewhere.
		subj, name = d.appositionOwner(c)
	}
	return subj, name, event, true
}

// appositionOwner is the person named right before an age set off by
// commas ("Name, 81,"), or "".
func (d *docView) appositionOwner(c candidate) (subj, name string) {
	lo, hi := d.personWindow(c.span.Start-4, c.span.Start)
	for k := lo; k < hi; k++ {
		m := &d.persons[k]
		if m.End > c.span.Start || strings.TrimSpace(d.text[m.End:c.span.Start]) != "," {
			continue
		}
		rest := strings.TrimSpace(d.text[c.span.End:min(len(d.text), c.span.End+2)])
		if rest == "" || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ".") {
			key := mentionKey(*m)
			return key, d.nameOf(key, m.Text)
		}
	}
	return "", ""
}

// parsedAgeOwner is ageOwner's reading of the parse.
func (d *docView) parsedAgeOwner(sn *syntax.Sentence, c candidate) (subj, name, event string) {
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return "", "", ""
	}
	// A name the age phrase itself heads ("61-year-old Katia Hollis").
	for k := range ws {
		if ws[k].Start < c.span.Start || ws[k].End > c.span.End {
			continue
		}
		for _, ch := range sn.Children(k) {
			switch universal(ws[ch].Rel) {
			case "flat", "appos":
				if ws[ch].Start >= c.span.End || ws[ch].End <= c.span.Start {
					if s, n, ok := d.namedAt(sn, ch); ok {
						return s, n, d.ageTime(sn, h, c, "")
					}
				}
			}
		}
	}
	// "at the age of 85": a case word on the age noun heading the number
	// (not "with the 15-year-old", where the age names a person).
	adjunct := ""
	for _, ch := range sn.Children(h) {
		if ws[ch].Rel == "case" && ws[h].Start == c.span.Start && ws[h].UPOS != "NUM" {
			adjunct = strings.ToLower(ws[ch].Lemma)
		}
	}
	for _, ch := range sn.Children(h) {
		switch {
		case universal(ws[ch].Rel) == "det" && adjunct == "":
			// "the 32-year-old" with no noun: an anaphoric description.
			// It stands for the one person the document has named before
			// it; with several it may be any of them, so nobody named.
			if s := d.onlyPersonBefore(c.span.Start); s != "" && strings.EqualFold(ws[ch].Lemma, "the") {
				return s, d.nameOf(s, ""), d.ageTime(sn, h, c, "")
			}
			return "", "", ""
		case strings.HasPrefix(ws[ch].Rel, "nsubj"):
			// "Vell is 54", "who were 61 and 48".
			s, n, _ := d.ownerAt(sn, ch)
			return s, n, d.ageTime(sn, h, c, "")
		}
	}
	if universal(ws[h].Rel) == "conj" {
		// "61-year-old A and 48-year-old B", "aged 61 and 48": the head
		// is the other age, and the parse does not say whose this is.
		return "", "", ""
	}
	n := headOf(ws, h)
	if n < 0 {
		return "", "", ""
	}
	switch ws[n].UPOS {
	case "NOUN", "PROPN":
		s, nm := d.nounOwner(sn, n)
		return s, nm, d.ageTime(sn, h, c, adjunct)
	case "VERB":
		switch universal(ws[h].Rel) {
		case "obl", "advcl", "xcomp", "nmod":
		default:
			return "", "", "" // an argument: the age names a person of its own
		}
		for _, ch := range sn.Children(n) {
			if strings.HasPrefix(ws[ch].Rel, "nsubj") {
				s, nm, _ := d.ownerAt(sn, ch)
				return s, nm, d.ageTime(sn, h, c, strings.ToLower(ws[n].Lemma))
			}
		}
	}
	return "", "", ""
}

// ageTime is when an age held, as the words around it say: an adverb of
// the age ("then 15", "now 34") names another time than the story's; else
// at, the event or case word the age is an adjunct of ("died at the age
// of 85" → "die"), or "" for the age the person has in the story.
func (d *docView) ageTime(sn *syntax.Sentence, h int, c candidate, at string) string {
	ws := sn.Words
	for _, ch := range sn.Children(h) {
		if universal(ws[ch].Rel) == "advmod" && (ws[ch].End <= c.span.Start || ws[ch].Start >= c.span.End) {
			return strings.ToLower(ws[ch].Lemma)
		}
	}
	return at
}

// namedAt is the person parse word k names: a person mention at it or at
// its flat name parts, else a proper noun the tagger missed ("name:"
// and its lower-cased text).
func (d *docView) namedAt(sn *syntax.Sentence, k int) (subj, name string, ok bool) {
	ws := sn.Words
	if key := d.personWord(sn, k); key != "" {
		text := ws[k].Text
		if m := d.personMentionAt(ws[k].Start, ws[k].End); m != nil {
			text = m.Text
		}
		return key, d.nameOf(key, text), true
	}
	if ws[k].UPOS == "PROPN" {
		// A name is keyed by its last part ("Bolot Isakov" is
		// "name:isakov"), as nameSubjectsToEntities reads it.
		last := k
		for _, ch := range sn.Children(k) {
			if universal(ws[ch].Rel) == "flat" && ch > last {
				last = ch
			}
		}
		return "name:" + strings.ToLower(ws[last].Text), d.text[ws[k].Start:ws[last].End], true
	}
	return "", "", false
}

// nounOwner is the person the noun at parse word n names: its own name,
// a name it is written with ("the driver, Anthony Varo", "Varo, 36,"), or
// "" for a common noun that names nobody.
func (d *docView) nounOwner(sn *syntax.Sentence, n int) (subj, name string) {
	ws := sn.Words
	cands := []int{n}
	for _, ch := range sn.Children(n) {
		switch universal(ws[ch].Rel) {
		case "flat", "compound", "appos":
			cands = append(cands, ch)
		}
	}
	if p := headOf(ws, n); p >= 0 && universal(ws[n].Rel) == "appos" {
		cands = append(cands, p) // "Bolot Isakov, a 62-year-old farmer"
	}
	for _, k := range cands {
		if ws[k].UPOS != "PROPN" && d.personWord(sn, k) == "" {
			continue
		}
		if s, nm, ok := d.namedAt(sn, k); ok {
			return s, nm
		}
	}
	for _, ch := range sn.Children(n) {
		if strings.HasPrefix(ws[ch].Rel, "nsubj") {
			// "He is a young man, 38 years old".
			s, nm, _ := d.ownerAt(sn, ch)
			return s, nm
		}
	}
	if ws[n].UPOS == "NOUN" && !plural(ws[n]) {
		for _, ch := range sn.Children(n) {
			if universal(ws[ch].Rel) == "det" && strings.EqualFold(ws[ch].Lemma, "the") {
				// "the 38-year-old master": someone the story describes
				// so, not the one person named before ("the 36-year-old
				// driver" may be new to the text); describedSubjects looks
				// the noun up among the descriptions resolution gave the
				// document's persons.
				return describedPrefix + lang.NounLemma(strings.ToLower(ws[n].Text)), ws[n].Text
			}
		}
	}
	return "", ""
}

// describedPrefix marks the subject of a value written with a definite
// description ("noun:master"), until describedSubjects resolves it.
const describedPrefix = "noun:"

// describedSubjects gives a claim whose subject is a definite description
// ("noun:master") the one person entity mentioned in the claim's document
// whose descriptions, in any document of the story, have that head noun
// ("Erbol Sarsenov, a master of the gas service" elsewhere); with none or
// several, the claim's subject is nobody named.
func describedSubjects(claims []Claim, entities []model.Entity) []Claim {
	type docHead struct{ doc, head string }
	var index map[docHead][]string
	for i, cl := range claims {
		head, ok := strings.CutPrefix(cl.Subject, describedPrefix)
		if !ok {
			continue
		}
		if index == nil {
			index = map[docHead][]string{}
			for _, e := range entities {
				if e.Type != model.Person {
					continue
				}
				heads := map[string]bool{}
				for _, ds := range e.Descriptions {
					if h := resolve.DescriptionHead(ds.Text); h != "" {
						heads[h] = true
					}
				}
				docs := map[string]bool{}
				for _, m := range e.Mentions {
					docs[m.Doc] = true
				}
				for h := range heads {
					for doc := range docs {
						k := docHead{doc, h}
						index[k] = append(index[k], e.ID)
					}
				}
			}
		}
		claims[i].Subject, claims[i].SubjectName = "", ""
		if ids := index[docHead{cl.Doc, head}]; len(ids) == 1 {
			claims[i].Subject = ids[0]
		}
	}
	return claims
}

// plural reports whether a parse word is a plural noun.
func plural(w model.Word) bool {
	return w.Feats.Number == "Plur"
}

// onlyPersonBefore is the key of the one person the document names before
// byte off, or "" when it names none or several.
func (d *docView) onlyPersonBefore(off int) string {
	only := ""
	for k := range d.persons {
		m := &d.persons[k]
		if m.End > off {
			break
		}
		if key := mentionKey(*m); only == "" {
			only = key
		} else if key != only {
			return ""
		}
	}
	return only
}
