package resolve

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// chain is a set of mentions of one entity inside one document.
type chain struct {
	doc      int
	typ      model.EntityType
	mentions []int // indices into resolver.mentions
	named    bool
	// best is the most complete name seen; names holds every distinct name
	// (by key) for conflict checks.
	best     []namematch.Part
	bestName string
	names    [][]namematch.Part
	nameKeys map[string]bool
	// acronyms used for this chain and the expansions defining them.
	acronyms []string
	descs    []description
	// heads are lemmas that refer to the entity: description heads,
	// nominal heads linked to it, a name's last word ("center").
	heads   map[string]int
	phrases map[string]bool
	plural  bool
	gender  byte // 'm', 'f' or 0
	// pos and sens are the sorted start offsets of the chain's mentions
	// and their sentence indices.
	pos  []int
	sens []int
}

// addPos records a mention position, keeping pos sorted.
func (c *chain) addPos(off, sen int) {
	i := sort.SearchInts(c.pos, off)
	c.pos = append(c.pos, 0)
	c.sens = append(c.sens, 0)
	copy(c.pos[i+1:], c.pos[i:])
	copy(c.sens[i+1:], c.sens[i:])
	c.pos[i], c.sens[i] = off, sen
}

// lastBefore returns the chain's latest mention position before off.
func (c *chain) lastBefore(off int) (pos, sen int, ok bool) {
	i := sort.SearchInts(c.pos, off)
	if i == 0 {
		return -1, -1, false
	}
	return c.pos[i-1], c.sens[i-1], true
}

func (c *chain) addName(parts []namematch.Part, name string) {
	if len(parts) == 0 {
		return
	}
	c.named = true
	k := partsKey(parts)
	if c.nameKeys == nil {
		c.nameKeys = map[string]bool{}
	}
	if !c.nameKeys[k] {
		c.nameKeys[k] = true
		if len(c.names) < 16 {
			c.names = append(c.names, parts)
		}
	}
	if completeness(parts) > completeness(c.best) {
		c.best, c.bestName = parts, name
	}
	if c.heads == nil {
		c.heads = map[string]int{}
	}
	if g := surnameGender(parts); g != 0 && c.gender == 0 {
		c.gender = g
	}
}

func (c *chain) addHead(h string) {
	if h == "" {
		return
	}
	if c.heads == nil {
		c.heads = map[string]int{}
	}
	c.heads[h]++
}

func partsKey(p []namematch.Part) string {
	var b strings.Builder
	for i, x := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.Key)
	}
	return b.String()
}

// completeness ranks names: more full words first, then fewer initials.
func completeness(p []namematch.Part) int {
	n := 0
	for _, x := range p {
		if x.Initial {
			n++
		} else {
			n += 10
		}
	}
	return n
}

// fullWords counts the words of a name that are not initials.
func fullWords(p []namematch.Part) int {
	n := 0
	for _, x := range p {
		if !x.Initial && !x.Particle {
			n++
		}
	}
	return n
}

// surnameGender reads gender off Slavic and Central Asian surname forms.
func surnameGender(p []namematch.Part) byte {
	for i := len(p) - 1; i >= 0; i-- {
		if g := namematch.SurnameGender(p[i].Key); g != 0 {
			return g
		}
	}
	return 0
}

// compatibleTypes reports whether mentions typed a and b may corefer; exact
// reports whether the names are identical, which lets a place and an
// organisation of the same name ("Kazakhstan" as a country and as a
// government) join.
func compatibleTypes(a, b model.EntityType, exact bool) bool {
	if a == b {
		return true
	}
	if exact {
		pa := a == model.Place || a == model.Organization
		pb := b == model.Place || b == model.Organization
		return pa && pb
	}
	return false
}

// sameFullName reports whether two names are the same full name of two
// words or more, spelled alike or as variants: strong enough to join
// mentions the tagger typed differently ("Bakyt Zhumaliyev" tagged a place
// in one sentence).
func (r *resolver) sameFullName(a, b []namematch.Part) bool {
	if fullWords(a) < 2 || fullWords(b) < 2 {
		return false
	}
	res := r.compare(a, b, model.Person)
	return res.Match && !res.Partial
}

// compare is namematch.CompareParts with a cache: a story repeats the same
// spellings many times over. Names of places and organisations are
// compared with namematch.CompareInflected.
func (r *resolver) compare(a, b []namematch.Part, typ model.EntityType) namematch.Result {
	inflected := typ != model.Person && typ != ""
	key := partsKey(a) + "\x00" + partsKey(b)
	if inflected {
		key += "\x00i"
	}
	if res, ok := r.cmpCache[key]; ok {
		return res
	}
	var res namematch.Result
	if inflected {
		res = namematch.CompareInflected(a, b)
	} else {
		res = namematch.CompareParts(a, b)
	}
	if r.cmpCache == nil {
		r.cmpCache = map[string]namematch.Result{}
	}
	r.cmpCache[key] = res
	return res
}

// nameFits checks a name against all the names of a chain or cluster: it
// must match the most complete one and conflict with none.
func (r *resolver) nameFits(parts []namematch.Part, best []namematch.Part, names [][]namematch.Part, typ model.EntityType) (bool, float64) {
	res := r.compare(parts, best, typ)
	if !res.Match {
		return false, 0
	}
	if typ != model.Person && res.Partial && !r.lx.genericOnly(parts, best) && !prefixName(parts, best) && !(typ == model.Organization && r.lx.suffixName(parts, best)) {
		return false, 0
	}
	for _, n := range names {
		if len(n) == 1 && namematch.IsAcronym(n[0].Text) {
			continue
		}
		o := r.compare(parts, n, typ)
		if !o.Match && (o.Reason == namematch.ReasonGivenName || o.Reason == namematch.ReasonGender) {
			return false, 0
		}
	}
	return true, res.Score
}

// genericOnly reports whether two names of a place or organisation differ
// only by generic designators ("Osh" and "Osh Region") or particles.
func (lx *lexicon) genericOnly(a, b []namematch.Part) bool {
	strip := func(p []namematch.Part) map[string]bool {
		m := map[string]bool{}
		for _, x := range p {
			lw := strings.ToLower(x.Text)
			if lx.genericDesignators[lw] || lx.nameConnectors[lw] || x.Particle {
				continue
			}
			m[x.Key] = true
		}
		return m
	}
	x, y := strip(a), strip(b)
	if len(x) == 0 || len(x) != len(y) {
		return false
	}
	for k := range x {
		if !y[k] {
			// allow typo-level differences through a second comparison
			found := false
			for k2 := range y {
				if namematch.CompareParts([]namematch.Part{{Key: k, Text: k}}, []namematch.Part{{Key: k2, Text: k2}}).Match {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}

// prefixName reports whether the shorter of two names is the start of the
// longer, word by word: "Betty Ford" and "Betty Ford Center", "Access" and
// "Access Hollywood". Organisations and places are often shortened so.
func prefixName(a, b []namematch.Part) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || len(a) == len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key {
			return false
		}
	}
	return true
}

// suffixName reports whether the shorter name is the end of the longer one
// and is not a generic word: organisations are often called by their last
// words ("the Saints" for "New Orleans Saints"), never by "Ministry" alone.
func (lx *lexicon) suffixName(a, b []namematch.Part) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || len(a) == len(b) {
		return false
	}
	off := len(b) - len(a)
	for i := range a {
		if a[i].Key != b[off+i].Key {
			return false
		}
	}
	return !lx.genericDesignators[strings.ToLower(a[0].Text)] && !lx.orgWords[strings.ToLower(a[0].Text)]
}
