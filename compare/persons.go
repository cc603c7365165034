package compare

import (
	"sort"

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
