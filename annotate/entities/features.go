package entities

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// Feature templates. Each feature is the FNV-1a hash of its template id and
// its string parts; the model maps hashes to weight rows.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevWord
	fWordNext
	fPrev2Prev
	fShape
	fPrevShape
	fNextShape
	fShape3
	fPrefix
	fSuffix
	fFlags
	fGiven
	fSurname
	fPlacePos
	fCountry
	fDemonym
	fGivenNextSurname
	fNextGazSurname
	fPrevGazGiven
	fPrevTitle
	fPrevRole
	fNextPlaceNoun
	fPrevPlaceOf
	fNextOrgNoun
	fInsideOrgNoun
	fPrevPlacePrep
	fDocLowerElsewhere
	fDocCapElsewhere
	fDocInSequence
	fScript
	fPrevTag
	fPrev2Tags
	fPrevTagShape
	fPrevTagLower
	fCluster
	fPrevCluster
	fNextCluster
	fCapShare
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func feat(t uint64, parts ...string) uint64 {
	h := uint64(fnvOffset) ^ t
	h *= fnvPrime
	for _, p := range parts {
		h = hashStr(h, p)
		h ^= 0xff
		h *= fnvPrime
	}
	return h
}

func feat1(t uint64, a string) uint64 {
	h := (uint64(fnvOffset) ^ t) * fnvPrime
	return hashStr(h, a)
}

func feat2(t uint64, a, b string) uint64 {
	h := (uint64(fnvOffset) ^ t) * fnvPrime
	h = hashStr(h, a)
	h = (h ^ 0xff) * fnvPrime
	return hashStr(h, b)
}

// Token flags.
const (
	flagCap        = 1 << iota // first letter upper case
	flagAllCaps                // every letter upper case, at least two
	flagHasDigit               //
	flagHasHyphen              //
	flagInitial                // sentence-initial
	flagPunct                  // no letters or digits
	flagCyrillic               //
	flagAbbrev                 // ends in "."
	flagCommonWord             // capitalised, but usually written in lower case
)

// tokenInfo is what features need to know about one token.
type tokenInfo struct {
	word, lower, shape string
	flags              uint16
	placePos           byte   // B, I, L, U of a gazetteer place match, or 0
	gaz                uint16 // gazetteer hits on the word alone
	docFlags           uint8
	cluster            string // Brown cluster path, "" for rare words
	capShare           int8   // percent of the word's mid-sentence occurrences capitalised in unlabeled text; -1 unknown
}

const (
	gazGivenMale = 1 << iota
	gazGivenFemale
	gazGivenAny
	gazSurname
	gazCountry
	gazDemonym
)

const (
	docLowerElsewhere = 1 << iota // the same word appears lower case in a non-initial position
	docCapElsewhere               // appears capitalised in a non-initial position
	docInSequence                 // appears inside a run of two or more capitalised words
)

// analyse builds tokenInfo for every word of a document's sentences,
// including the document-level flags.
func analyse(doc [][]string, g *gazetteer.Gazetteer, lexicon map[string]bool, wc *wordCache, cl *wordclusters.Clusters) [][]tokenInfo {
	out := make([][]tokenInfo, len(doc))
	sc := scratchPool.Get().(*analyseScratch)
	defer func() {
		sc.reset()
		scratchPool.Put(sc)
	}()
	lowerSeen, capSeen, seqSeen := sc.lowerSeen, sc.capSeen, sc.seqSeen
	for si, words := range doc {
		infos := make([]tokenInfo, len(words))
		for i, w := range words {
			ti := &infos[i]
			ti.word = w
			ti.lower = strings.ToLower(w)
			ti.shape = shapeOf(w)
			ti.flags = flagsOf(w)
			key := wordclusters.Key(ti.lower)
			ti.cluster = cl.PathOfKey(key)
			ti.capShare = -1
			if share, ok := cl.CapShareOfKey(key); ok {
				ti.capShare = int8(share)
			}
			if i == 0 || (i > 0 && isOpener(words[i-1])) {
				ti.flags |= flagInitial
			}
			if ti.flags&flagCap != 0 && lexicon[ti.lower] {
				ti.flags |= flagCommonWord
			}
			// Only capitalised words are looked up: matching lower-case
			// words ("philadelphia" in web text) cost more F1 on UNER than
			// they gained.
			if ti.flags&flagCap != 0 {
				ti.gaz = wc.facts(g, w).gaz
			}
		}
		markPlaces(infos, g, wc)
		for i := range infos {
			ti := &infos[i]
			if ti.flags&flagInitial != 0 {
				continue
			}
			if ti.flags&flagCap != 0 {
				capSeen[ti.lower] = true
				if (i > 0 && infos[i-1].flags&flagCap != 0) || (i+1 < len(infos) && infos[i+1].flags&flagCap != 0) {
					seqSeen[ti.lower] = true
				}
			} else if hasLetter(ti.word) {
				lowerSeen[ti.lower] = true
			}
		}
		out[si] = infos
	}
	for _, infos := range out {
		for i := range infos {
			ti := &infos[i]
			if ti.flags&flagCap == 0 {
				continue
			}
			if lowerSeen[ti.lower] {
				ti.docFlags |= docLowerElsewhere
			}
			if capSeen[ti.lower] {
				ti.docFlags |= docCapElsewhere
			}
			if seqSeen[ti.lower] {
				ti.docFlags |= docInSequence
			}
		}
	}
	return out
}

// analyseScratch holds per-document maps, reused across documents so
// short documents do not pay for allocating them.
type analyseScratch struct {
	lowerSeen, capSeen, seqSeen map[string]bool
}

func (s *analyseScratch) reset() {
	clear(s.lowerSeen)
	clear(s.capSeen)
	clear(s.seqSeen)
}

var scratchPool = sync.Pool{New: func() any {
	return &analyseScratch{
		lowerSeen: map[string]bool{}, capSeen: map[string]bool{}, seqSeen: map[string]bool{},
	}
}}

// isOpener reports whether a token makes the next one sentence-initial in
// effect: an opening quote, a colon, a dash or bracket.
func isOpener(w string) bool {
	switch w {
	case "\"", "“", "«", "'", "‘", ":", "(", "[", "—", "–", "-", "--", "``":
		return true
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func gazHits(g *gazetteer.Gazetteer, w string) uint16 {
	var h uint16
	if gender, ok := g.IsGivenName(w); ok {
		switch gender {
		case "male":
			h |= gazGivenMale
		case "female":
			h |= gazGivenFemale
		default:
			h |= gazGivenAny
		}
	}
	if g.IsSurname(w) {
		h |= gazSurname
	}
	if _, ok := g.Country(w); ok {
		h |= gazCountry
	}
	if _, ok := g.Demonym(w); ok {
		h |= gazDemonym
	}
	return h
}

// wordFacts are the gazetteer facts about one capitalised word.
type wordFacts struct {
	gaz   uint16 // gaz* bits
	place uint8  // place* bits
}

// wordCache remembers wordFacts across documents, so repeated names cost a
// map lookup instead of several binary searches. It is safe for concurrent
// use and stops growing at maxCachedWords entries; a nil cache computes
// every time.
type wordCache struct {
	m sync.Map // string → wordFacts
	n atomic.Int64
}

const maxCachedWords = 200_000

func (c *wordCache) facts(g *gazetteer.Gazetteer, w string) wordFacts {
	if c != nil {
		if f, ok := c.m.Load(w); ok {
			return f.(wordFacts)
		}
	}
	f := wordFacts{gaz: gazHits(g, w), place: placeKnown}
	if _, ok := g.Place(w); ok {
		f.place |= placeAlone
	}
	if g.HasPhrasePrefix(gazetteer.SectionPlaces, w) || g.HasPhrasePrefix(gazetteer.SectionCountries, w) {
		f.place |= placePrefix
	}
	if c != nil && c.n.Load() < maxCachedWords {
		if _, loaded := c.m.LoadOrStore(strings.Clone(w), f); !loaded {
			c.n.Add(1)
		}
	}
	return f
}

// Place-start facts cached per word: is it a place alone, does a longer
// place name start with it?
const (
	placeAlone = 1 << iota
	placePrefix
	placeKnown // the entry is filled
)

// markPlaces finds the longest gazetteer place names (up to five words)
// and marks them B/I/L/U, or b/i/l/u when the first word is lower case.
func markPlaces(infos []tokenInfo, g *gazetteer.Gazetteer, words *wordCache) {
	for i := 0; i < len(infos); {
		t := &infos[i]
		if t.flags&flagCap == 0 {
			i++
			continue
		}
		c := words.facts(g, t.word).place
		best := 0
		if c&placeAlone != 0 {
			best = 1
		}
		if c&placePrefix != 0 {
			phrase := t.word
			for n := 2; n <= 5 && i+n <= len(infos); n++ {
				phrase += " " + infos[i+n-1].word
				if _, ok := g.Place(phrase); ok {
					best = n
				}
				if !g.HasPhrasePrefix(gazetteer.SectionPlaces, phrase) && !g.HasPhrasePrefix(gazetteer.SectionCountries, phrase) {
					break
				}
			}
		}
		if best == 0 {
			i++
			continue
		}
		var b, in, l, u byte = 'B', 'I', 'L', 'U'
		if t.flags&flagCap == 0 {
			b, in, l, u = 'b', 'i', 'l', 'u'
		}
		if best == 1 {
			infos[i].placePos = u
		} else {
			infos[i].placePos = b
			for k := i + 1; k < i+best-1; k++ {
				infos[k].placePos = in
			}
			infos[i+best-1].placePos = l
		}
		i += best
	}
}

// Shape maps letters to X/x and digits to d, collapsing repeats:
// "Kassym-Jomart" → "Xx-Xx", "90,000" → "d,d", "U.S." → "X.X.". Other
// taggers (resolve/events) use it as a feature too.
func Shape(w string) string { return shapeOf(w) }

// shapeOf is Shape.
func shapeOf(w string) string {
	var b [32]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

func flagsOf(w string) uint16 {
	var f uint16
	letters, uppers := 0, 0
	first := true
	alnum := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			alnum = true
			if unicode.IsUpper(r) {
				uppers++
				if first {
					f |= flagCap
				}
			}
			if unicode.Is(unicode.Cyrillic, r) {
				f |= flagCyrillic
			}
			first = false
		} else if unicode.IsDigit(r) {
			f |= flagHasDigit
			alnum = true
			first = false
		} else if r == '-' {
			f |= flagHasHyphen
		}
	}
	if letters >= 2 && uppers == letters {
		f |= flagAllCaps
	}
	if !alnum {
		f |= flagPunct
	}
	if len(w) > 1 && strings.HasSuffix(w, ".") {
		f |= flagAbbrev
	}
	return f
}

var flagNames = [...]string{"cap", "allcaps", "digit", "hyphen", "initial", "punct", "cyr", "abbr", "common"}

// staticFeatures appends the features of token i that do not depend on
// predicted tags. Gazetteer-derived features go to gaz so training can drop
// them at random and learn contexts too.
func staticFeatures(s []tokenInfo, i int, out, gaz []uint64) ([]uint64, []uint64) {
	out, gaz = wordFeatures(&s[i], out, gaz)
	return contextFeatures(s, i, out, gaz)
}

// wordFeatures appends the static features that depend only on the token
// itself: its word and flags (wordKey). Tagging sums their weights once per
// distinct word and caches the sum (see Tagger.wordScores).
func wordFeatures(t *tokenInfo, out, gaz []uint64) ([]uint64, []uint64) {
	out = append(out,
		fBias,
		feat1(fWord, t.word),
		feat1(fLower, t.lower),
		feat1(fShape, t.shape),
	)
	// Word clusters: prefixes of the Brown path (Ratinov & Roth 2009).
	out = appendClusterFeatures(out, fCluster, t.cluster)
	// How often the word is capitalised in unlabeled text, against how it
	// is written here: "philadelphia" is nearly always capitalised, so in
	// lower case it is still likely a name; "After" is almost never.
	if t.flags&flagPunct == 0 {
		out = append(out, feat2(fCapShare, capShareBucket(t.capShare), caseKey(t.flags)))
	}
	// Affixes, by rune.
	runes := 0
	for k := range t.lower {
		runes++
		if runes > 1 && runes <= 4 {
			out = append(out, feat1(fPrefix, t.lower[:k]))
		}
	}
	if runes <= 4 {
		out = append(out, feat1(fPrefix, t.lower))
	}
	n := 0
	for k := len(t.lower); k > 0 && n < 4; {
		_, w := utf8.DecodeLastRuneInString(t.lower[:k])
		k -= w
		n++
		out = append(out, feat2(fSuffix, string(rune('0'+n)), t.lower[k:]))
	}
	for b, name := range flagNames {
		if t.flags&(1<<b) != 0 {
			out = append(out, feat1(fFlags, name))
		}
	}
	if t.flags&flagCap != 0 && t.flags&flagInitial == 0 {
		out = append(out, feat1(fFlags, "cap-inner"))
	}
	if t.flags&flagCommonWord != 0 {
		out = append(out, feat2(fFlags, "common", boolStr(t.flags&flagInitial != 0)))
	}
	if t.flags&flagCyrillic != 0 {
		out = append(out, feat1(fScript, "cyr"))
	}
	capped := t.flags&flagCap != 0
	if orgNouns[t.lower] && capped {
		out = append(out, fInsideOrgNoun)
	}
	if placeNouns[t.lower] && capped {
		out = append(out, feat1(fNextPlaceNoun, "self"))
	}
	// Gazetteer hits on the word alone.
	cs := "lc"
	switch {
	case t.flags&flagAllCaps != 0:
		cs = "uc"
	case capped:
		cs = "cap"
	}
	if t.gaz&gazGivenMale != 0 {
		gaz = append(gaz, feat2(fGiven, "m", cs))
	}
	if t.gaz&gazGivenFemale != 0 {
		gaz = append(gaz, feat2(fGiven, "f", cs))
	}
	if t.gaz&gazGivenAny != 0 {
		gaz = append(gaz, feat2(fGiven, "a", cs))
	}
	if t.gaz&gazSurname != 0 {
		gaz = append(gaz, feat1(fSurname, cs))
	}
	if t.gaz&gazCountry != 0 {
		gaz = append(gaz, feat1(fCountry, cs))
	}
	if t.gaz&gazDemonym != 0 {
		gaz = append(gaz, feat1(fDemonym, cs))
	}
	return out, gaz
}

// wordKey is everything wordFeatures reads: the word (which fixes its
// lower case, shape, cluster, capitalised share and gazetteer hits) and its
// flags (which add sentence position and the common-word mark).
type wordKey struct {
	word  string
	flags uint16
}

// contextFeatures appends the static features of token i that look at its
// neighbours, its place-name match or the document.
func contextFeatures(s []tokenInfo, i int, out, gaz []uint64) ([]uint64, []uint64) {
	t := &s[i]
	at := func(k int) *tokenInfo {
		if k < 0 || k >= len(s) {
			return nil
		}
		return &s[k]
	}
	lw := func(k int) string {
		if x := at(k); x != nil {
			return x.lower
		}
		if k < 0 {
			return "<s>"
		}
		return "</s>"
	}
	sh := func(k int) string {
		if x := at(k); x != nil {
			return x.shape
		}
		return "_"
	}
	out = append(out,
		feat1(fPrevLower, lw(i-1)),
		feat1(fNextLower, lw(i+1)),
		feat1(fPrev2Lower, lw(i-2)),
		feat1(fNext2Lower, lw(i+2)),
		feat2(fPrevWord, lw(i-1), t.lower),
		feat2(fWordNext, t.lower, lw(i+1)),
		feat2(fPrev2Prev, lw(i-2), lw(i-1)),
		feat2(fPrevShape, sh(i-1), t.shape),
		feat2(fNextShape, t.shape, sh(i+1)),
		feat(fShape3, sh(i-1), t.shape, sh(i+1)),
	)
	if p := at(i - 1); p != nil {
		out = appendClusterFeatures(out, fPrevCluster, p.cluster)
	}
	if nx := at(i + 1); nx != nil {
		out = appendClusterFeatures(out, fNextCluster, nx.cluster)
	}
	if t.flags&flagCommonWord != 0 {
		if nx := at(i + 1); nx != nil && nx.flags&flagCap != 0 {
			out = append(out, feat1(fFlags, "common-before-cap"))
		}
	}
	capped := t.flags&flagCap != 0
	// Cues from word classes.
	if p := at(i - 1); p != nil && capped {
		if titleWords[p.lower] {
			out = append(out, fPrevTitle)
		}
		if roleNouns[p.lower] {
			out = append(out, fPrevRole)
		}
		if placePrepositions[p.lower] {
			out = append(out, fPrevPlacePrep)
		}
		if p.lower == "of" {
			if pp := at(i - 2); pp != nil && placeNouns[pp.lower] {
				out = append(out, feat1(fPrevPlaceOf, "placenoun-of"))
			}
			if pp := at(i - 2); pp != nil && orgNouns[pp.lower] && pp.flags&flagCap != 0 {
				out = append(out, feat1(fPrevPlaceOf, "orgnoun-of"))
			}
		}
	}
	if nx := at(i + 1); nx != nil && capped {
		if placeNouns[nx.lower] {
			out = append(out, feat2(fNextPlaceNoun, "next", boolStr(nx.flags&flagCap != 0)))
		}
		if orgNouns[nx.lower] {
			out = append(out, feat2(fNextOrgNoun, "next", boolStr(nx.flags&flagCap != 0)))
		}
	}
	// Document-level consistency.
	if capped {
		if t.docFlags&docLowerElsewhere != 0 {
			out = append(out, feat1(fDocLowerElsewhere, boolStr(t.flags&flagInitial != 0)))
		}
		if t.docFlags&docCapElsewhere != 0 {
			out = append(out, feat1(fDocCapElsewhere, boolStr(t.flags&flagInitial != 0)))
		}
		if t.docFlags&docInSequence != 0 {
			out = append(out, fDocInSequence)
		}
	}
	// Gazetteers in context.
	if t.placePos != 0 {
		gaz = append(gaz, feat1(fPlacePos, string(t.placePos)))
	}
	if nx := at(i + 1); nx != nil && nx.gaz&gazSurname != 0 && nx.flags&flagCap != 0 && capped {
		gaz = append(gaz, fNextGazSurname)
		if t.gaz&(gazGivenMale|gazGivenFemale|gazGivenAny) != 0 {
			gaz = append(gaz, fGivenNextSurname)
		}
	}
	if p := at(i - 1); p != nil && p.gaz&(gazGivenMale|gazGivenFemale|gazGivenAny) != 0 && capped {
		gaz = append(gaz, fPrevGazGiven)
	}
	if nx := at(i + 1); nx != nil && nx.placePos != 0 {
		gaz = append(gaz, feat1(fPlacePos, "next-"+string(nx.placePos)))
	}
	return out, gaz
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// dynamicFeatures appends the features that depend on the tag predicted
// for the previous token: the tag itself, and the tag with this token's
// shape and with its lower-cased form.
func dynamicFeatures(s []tokenInfo, i int, prev int, out []uint64) []uint64 {
	return appendDynamic(out, dynamicBase(s, i), prev)
}

// dynamicBase hashes the tag-independent parts of the dynamic features once
// per token, so trying every previous tag costs a multiply per feature.
func dynamicBase(s []tokenInfo, i int) [2]uint64 {
	return [2]uint64{feat1(fPrevTagShape, s[i].shape), feat1(fPrevTagLower, dynLowerKey(&s[i]))}
}

// dynLowerKey limits the word-specific history feature to short function
// words and punctuation ("of", "and", "&", "'s"), which decide whether a
// name goes on; for other words it is the empty key, which the model never
// learns and tagging skips quickly.
func dynLowerKey(t *tokenInfo) string {
	if t.flags&flagCap == 0 && len(t.lower) <= 4 {
		return t.lower
	}
	return ""
}

func withTag(h uint64, prev int) uint64 {
	return (h ^ uint64(prev+1)*0x9e3779b97f4a7c15) * fnvPrime
}

func appendDynamic(out []uint64, base [2]uint64, prev int) []uint64 {
	return append(out, withTag(fPrevTag, prev), withTag(base[0], prev), withTag(base[1], prev))
}

// capShareBucket groups capitalised shares: "u" unknown (a rare word),
// then 0–9%, 10–39%, 40–74%, 75–94%, 95–100%.
func capShareBucket(share int8) string {
	switch {
	case share < 0:
		return "u"
	case share < 10:
		return "0"
	case share < 40:
		return "1"
	case share < 75:
		return "2"
	case share < 95:
		return "3"
	}
	return "4"
}

// caseKey names how a token is written: lower case, capitalised
// (sentence-initial or not) or all capitals.
func caseKey(flags uint16) string {
	switch {
	case flags&flagAllCaps != 0:
		return "uc"
	case flags&flagCap != 0 && flags&flagInitial != 0:
		return "cap-init"
	case flags&flagCap != 0:
		return "cap"
	}
	return "lc"
}

// clusterPrefixes are the path lengths used as features: coarse to fine.
var clusterPrefixes = [...]int{4, 6, 10, 20}

func appendClusterFeatures(out []uint64, t uint64, path string) []uint64 {
	if path == "" {
		return out
	}
	for _, n := range clusterPrefixes {
		// Each length is its own feature, so a short path is not confused
		// with a prefix of a long one.
		out = append(out, feat2(t, string(rune('a'+n)), path[:min(n, len(path))]))
		if n >= len(path) {
			break
		}
	}
	return out
}
