package compare

import (
	"sort"
	"strings"

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

// ageOwner is whose age value c is, as the parse says: the noun the age
// is written with ("25-year-old Guzel", "Maral, 45,", "the girls, aged 15",
// "a 66-year-old woman"). A person mention there, or a name the tagger
// missed, owns it; a common noun that names no one ("a 66-year-old
// woman", "girls age 6", "one 16-year-old student") means nobody named,
// so subj is "" and the age meets no named person's. ok is false when the
// parse does not tie the age to a noun, or ties it to a definite singular
// description ("the 47-year-old manager"), which usually stands for a
// person named before: ageSubject then decides as the words do.
func (d *docView) ageOwner(sn *syntax.Sentence, c candidate) (subj, name string, ok bool) {
	if sn == nil {
		return "", "", false
	}
	ws := sn.Words
	h := spanHead(ws, c.span.Start, c.span.End)
	if h < 0 {
		return "", "", false
	}
	n := headOf(ws, h)
	if n < 0 || (ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN") {
		return "", "", false
	}
	cands := []int{n}
	for _, ch := range sn.Children(n) {
		switch universal(ws[ch].Rel) {
		case "flat", "compound", "appos":
			cands = append(cands, ch)
		}
	}
	for _, k := range cands {
		if key := d.personWord(sn, k); key != "" {
			m := d.personMentionAt(ws[k].Start, ws[k].End)
			text := ws[k].Text
			if m != nil {
				text = m.Text
			}
			return key, d.nameOf(key, text), true
		}
	}
	if ws[n].UPOS == "PROPN" {
		return "name:" + strings.ToLower(ws[n].Text), ws[n].Text, true
	}
	if kinshipWords[strings.ToLower(ws[n].Text)] {
		return "", "", true
	}
	for _, ch := range sn.Children(n) {
		if universal(ws[ch].Rel) == "det" && strings.EqualFold(ws[ch].Lemma, "the") && !plural(ws[n]) {
			return "", "", false
		}
		if ws[ch].Rel == "nmod:poss" {
			return "", "", false // "his 17-year-old son": kinship and possession stay with the words
		}
	}
	return "", "", true
}

// plural reports whether a parse word is a plural noun.
func plural(w model.Word) bool {
	return w.Feats.Number == "Plur"
}
