package compare

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/internal/disjoint"
	"github.com/parallaxnews/parallax/model"
)

// This file aligns values no predicate class claims ("the intake was
// built in 1968" / "was built in 1974", "a curfew from 22:00 to 06:00" /
// "a curfew from 10 pm to 6 am remains in force"). Such a value carries the
// content words of its clause; values of one kind whose words are much
// alike, weighted by how rare each word is in the story, become one fact
// named after the word they share. A value that meets no other source's
// stays out of the dossier: alone, "in 1968" says nothing comparable.

// contextWord is one content word near a value.
type contextWord struct {
	Lemma string
	Word  string
	// Near is 1 beside the value and falls with distance and clause
	// boundaries.
	Near float64
	// Unit marks the counted noun of a count: it helps align counts but
	// does not name the fact (the count's family shows it).
	Unit bool
}

// contextWindow is how many tokens each side of a value its context spans.
const contextWindow = 14

// context returns the content words around the value span [start, end) in
// sentence s, nearest first.
func (d *docView) context(s model.Range, start, end int) []contextWord {
	first := d.tokenAt(start)
	last := max(first, d.tokenAt(end-1))
	t0 := d.tokenAt(s.Start)
	var out []contextWord
	seen := map[string]bool{}
	add := func(k, dist, crossed int) {
		w := d.lower[k]
		if d.toks[k].Kind != model.TokenWord || !contentWord(w) {
			return
		}
		l := d.lemmaAt(k)
		if seen[l] {
			return
		}
		seen[l] = true
		out = append(out, contextWord{Lemma: l, Word: w, Near: 1 / (1 + float64(dist+3*crossed)/5)})
	}
	crossed := 0
	for k := first - 1; k >= t0 && first-k <= contextWindow; k-- {
		if d.lower[k] == ";" || d.lower[k] == ":" {
			break
		}
		if isClauseBoundary(d.lower[k]) {
			crossed++
		}
		add(k, first-k, crossed)
	}
	crossed = 0
	for k := last + 1; k < len(d.toks) && d.toks[k].End <= s.End && k-last <= contextWindow; k++ {
		if d.lower[k] == ";" || d.lower[k] == ":" {
			break
		}
		if isClauseBoundary(d.lower[k]) {
			crossed++
		}
		add(k, k-last, crossed)
	}
	return out
}

func isClauseBoundary(w string) bool {
	switch w {
	case ",", "and", "but", "while", "whereas", "—", "–", "(", ")", "after", "before", "when", "since", "until", "because", "although", "which", "who":
		return true
	}
	return false
}

// storyIDF weighs words by how rare they are among the story's sentences:
// "intake" or "curfew" tell two values apart, "border" in a border story
// does not.
type storyIDF struct {
	df    map[string]int
	n     int
	cache map[string]string
}

func newStoryIDF(docs []*model.Annotated) *storyIDF {
	x := &storyIDF{df: map[string]int{}, cache: map[string]string{}}
	for _, a := range docs {
		if a == nil || a.Doc == nil {
			continue
		}
		toks, sents := a.Tokens, a.Doc.Sentences
		if len(toks) == 0 || len(sents) == 0 {
			toks, sents = tokenize.Split(a.Doc.Text)
		}
		ti := 0
		for _, s := range sents {
			seen := map[string]bool{}
			for ti < len(toks) && toks[ti].Start < s.Start {
				ti++
			}
			for ; ti < len(toks) && toks[ti].End <= s.End; ti++ {
				w := strings.ToLower(toks[ti].Text)
				if toks[ti].Kind != model.TokenWord || !contentWord(w) {
					continue
				}
				l, ok := x.cache[w]
				if !ok {
					l = lemma(w)
					x.cache[w] = l
				}
				if !seen[l] {
					seen[l] = true
					x.df[l]++
				}
			}
			x.n++
		}
	}
	return x
}

func (x *storyIDF) weight(l string) float64 {
	return math.Log(float64(x.n+1) / float64(x.df[l]+1))
}

// maxWeight is the weight of a word found in no sentence.
func (x *storyIDF) maxWeight() float64 { return math.Log(float64(x.n + 1)) }

// openFamily is the kind of value an open claim holds, for alignment:
// counts only meet counts of the same kind of thing.
func openFamily(cl Claim) string {
	switch {
	case cl.Value.Kind == model.KindDate && cl.Value.Granularity == model.GranTime:
		return "time"
	case cl.Value.Kind == model.KindCount:
		return "count:" + unitClass(unitKey(cl.Value.Unit))
	}
	return string(cl.Value.Kind)
}

// openSimilarity is the least cosine similarity of two values' weighted
// contexts for them to be read as the same fact; a value joining a group
// must also be, on average, half as close to all of it.
const openSimilarity = 0.35

// nameWeight scales capitalised context words: names place a value in the
// story ("Kazakhstan", "Samara") but say little about what it measures.
const nameWeight = 0.5

// alignOpenClaims groups the open claims (see Claim.Open) by their context
// words. A group with values from two or more sources is named after the
// word its values share; a value that meets no other source keeps its
// fallback attribute ("count", "amount", "duration"), or is dropped when it
// has none (a date alone says nothing comparable). Other claims pass
// through unchanged.
// maxLinksPerValue is how many candidate links (the strongest) a value
// keeps towards later values.
const maxLinksPerValue = 64

func alignOpenClaims(ctx context.Context, c *comparer, claims []Claim, idf *storyIDF, canon map[string]string) []Claim {
	var open []int
	for i, cl := range claims {
		if cl.Open {
			open = append(open, i)
		}
	}
	if len(open) == 0 {
		return claims
	}
	vecs := make([]map[string]float64, len(open))
	norms := make([]float64, len(open))
	// Scoring every candidate pair is the inner loop of a big story:
	// the vectors are also kept as word IDs in order, so a cosine is a
	// merge of two short lists, not a string hash per word.
	sparse := make([]sparseVector, len(open))
	wordIDs := map[string]int32{}
	sim := func(k, j int) float64 { return sparse[k].cosine(sparse[j], norms[k], norms[j]) }
	source := func(k int) string { return canonOf(canon, claims[open[k]].Doc) }
	fams := make([]string, len(open))
	srcs := make([]string, len(open))
	// Candidates meet through a shared context word, among values of one
	// kind from other sources: posting lists by word and kind, split by
	// source, so a document with thousands of values is never compared
	// with itself.
	postings := map[string]map[string][]int{}
	for k, i := range open {
		vecs[k], norms[k] = contextVector(claims[i].Context, idf)
		sparse[k] = newSparseVector(vecs[k], wordIDs)
		fams[k], srcs[k] = openFamily(claims[i]), source(k)
		for l := range vecs[k] {
			key := l + "\x00" + fams[k]
			if postings[key] == nil {
				postings[key] = map[string][]int{}
			}
			postings[key][srcs[k]] = append(postings[key][srcs[k]], k)
		}
	}
	sets := disjoint.New(len(open))
	members := make([][]int, len(open))
	sums := make([]*groupSums, len(open))
	for k := range open {
		members[k] = []int{k}
		sums[k] = newGroupSums(k, vecs[k], norms[k], source(k), claims[open[k]].Doc+"\x00"+claims[open[k]].AttributedTo)
	}
	find := sets.Find
	union := func(a, b int) {
		ra, rb, joined := sets.Join(a, b)
		if !joined {
			return
		}
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
		sums[ra].merge(sums[rb])
		sums[rb] = nil
	}
	// A range or pair written together ("from 23:00 to 05:00", "on 14
	// and 15 April") is one account: its ends travel together.
	// Values of other kinds may sit between them ("6 am remains" read as
	// a count), so the nearest earlier value of the same kind is the other
	// end.
	for k := 1; k < len(open); k++ {
		b := claims[open[k]]
		for j := k - 1; j >= 0; j-- {
			a := claims[open[j]]
			if a.Doc != b.Doc || a.Sentence != b.Sentence {
				break
			}
			if openFamily(a) == openFamily(b) {
				if b.Start-a.End <= len(" and between ") {
					union(j, k)
				}
				break
			}
		}
	}
	// Candidate links, strongest first, so that a value joins the group it
	// is most like.
	var links []link
	// triedBy[j] is k+1 once j was scored against k: a stamp per value
	// instead of a fresh set per value, which cost more than the scoring
	// in a list of thousands of similar values.
	triedBy := make([]int, len(open))
	for k := range open {
		if k%256 == 0 && ctx.Err() != nil {
			break
		}
		first := len(links)
		for l := range vecs[k] {
			for src, js := range postings[l+"\x00"+fams[k]] {
				if src == srcs[k] {
					continue
				}
				// A posting list holds values in order: only those after
				// k are scored from k.
				for _, j := range js[sort.SearchInts(js, k+1):] {
					if triedBy[j] == k+1 {
						continue
					}
					triedBy[j] = k + 1
					s := sim(k, j)
					if s < openSimilarity && sharesHead(claims[open[k]].Context, claims[open[j]].Context, idf) {
						// "after two days of fighting" / "the fighting lasted
						// about 38 hours": long sentences dilute the cosine,
						// but the word right at the value says what it measures.
						s = openSimilarity
					}
					if s >= openSimilarity {
						links = keepStrongest(links, first, link{k, j, s})
					}
				}
			}
		}
	}
	// An outlet does not contradict itself in one voice: two values it
	// gives that cannot both hold ("54 passengers on board", "five
	// passengers were airlifted") measure different things.
	// Only values of one document and voice can conflict this way, so
	// only those pairs are compared (groups are indexed by voice).
	selfConflict := func(ra, rb int) bool {
		a, b := sums[ra].byVoice, sums[rb].byVoice
		if len(b) < len(a) {
			a, b = b, a
		}
		for voice, xs := range a {
			ys := b[voice]
			if len(ys) == 0 {
				continue
			}
			for _, x := range xs {
				for _, y := range ys {
					if v, _ := c.compare(claims[open[x]].FactValue, claims[open[y]].FactValue); v == incompatible {
						return true
					}
				}
			}
		}
		return false
	}
	slices.SortFunc(links, func(a, b link) int {
		if c := cmp.Compare(b.s, a.s); c != 0 {
			return c
		}
		if c := cmp.Compare(a.k, b.k); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	})
	for i, ln := range links {
		if i%1024 == 0 && ctx.Err() != nil {
			break
		}
		ra, rb := find(ln.k), find(ln.j)
		if ra == rb || selfConflict(ra, rb) {
			continue
		}
		if avg, ok := sums[ra].meanCrossSimilarity(sums[rb]); ok && avg >= openSimilarity/2 {
			union(ra, rb)
		}
	}
	drop := make([]bool, len(claims))
	for r, ms := range members {
		if len(ms) == 0 || find(r) != r {
			continue
		}
		sources := map[string]bool{}
		for _, k := range ms {
			sources[source(k)] = true
		}
		if len(sources) >= 2 {
			name := sharedWord(claims, open, ms, vecs)
			for _, k := range ms {
				if name != "" {
					claims[open[k]].Attribute = name
				} else if claims[open[k]].Attribute == "" {
					claims[open[k]].Attribute = "other"
				}
			}
			continue
		}
		// A value no other source meets is a fact of its own: binned with
		// other lone values of its kind it would look like a dispute
		// ("two years" vs "six hours") between things nobody compared.
		for _, k := range ms {
			drop[open[k]] = claims[open[k]].Attribute == ""
			claims[open[k]].Lone = fmt.Sprintf("%s@%d", claims[open[ms[0]]].Doc, claims[open[ms[0]]].Start)
		}
	}
	out := claims[:0]
	for i, cl := range claims {
		if !drop[i] {
			out = append(out, cl)
		}
	}
	return out
}

// headNear is the closeness (contextWord.Near) of the words that count as
// a value's head: at most two tokens between.
const headNear = 0.6

// sharesHead reports whether two contexts share a content word right at
// their values that is not common in the story (its IDF weight at least
// half the largest possible).
// link is a candidate pair of open values k < j and their similarity s.
type link struct {
	k, j int
	s    float64
}

// keepStrongest adds ln to the links of one value, links[first:], keeping
// only its maxLinksPerValue strongest (by similarity, then the earlier
// j): only those can decide its group, and keeping every one made a list
// of thousands of values cost memory and time quadratic in its length.
// Once full, links[first:] is a heap with the weakest link on top, so a
// value with thousands of candidates costs O(log maxLinksPerValue) each,
// not a sort of them all.
func keepStrongest(links []link, first int, ln link) []link {
	mine := links[first:]
	if len(mine) < maxLinksPerValue {
		links = append(links, ln)
		if len(mine)+1 == maxLinksPerValue {
			mine = links[first:]
			for i := len(mine)/2 - 1; i >= 0; i-- {
				siftWeakest(mine, i)
			}
		}
		return links
	}
	if weaker(ln, mine[0]) {
		return links
	}
	mine[0] = ln
	siftWeakest(mine, 0)
	return links
}

// weaker orders links from the weakest: lower similarity, then later j.
func weaker(a, b link) bool {
	if a.s != b.s {
		return a.s < b.s
	}
	return a.j > b.j
}

// siftWeakest restores the heap property of h (the weakest on top) below i.
func siftWeakest(h []link, i int) {
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && weaker(h[l], h[w]) {
			w = l
		}
		if r < len(h) && weaker(h[r], h[w]) {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// sparseVector is a context vector as word IDs in increasing order with
// their weights.
type sparseVector struct {
	ids []int32
	ws  []float64
}

func newSparseVector(v map[string]float64, ids map[string]int32) sparseVector {
	type entry struct {
		id int32
		w  float64
	}
	es := make([]entry, 0, len(v))
	// IDs are given in the order of the words, not of the map: the
	// order a cosine adds its terms in must not change from run to run.
	for _, l := range slices.Sorted(maps.Keys(v)) {
		w := v[l]
		id, ok := ids[l]
		if !ok {
			id = int32(len(ids))
			ids[l] = id
		}
		es = append(es, entry{id, w})
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	out := sparseVector{ids: make([]int32, len(es)), ws: make([]float64, len(es))}
	for i, e := range es {
		out.ids[i], out.ws[i] = e.id, e.w
	}
	return out
}

// cosine is the cosine similarity of a and b, whose norms are na and nb.
func (a sparseVector) cosine(b sparseVector, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.ws[i] * b.ws[j]
			i++
			j++
		}
	}
	return dot / (na * nb)
}

func sharesHead(a, b []contextWord, idf *storyIDF) bool {
	for _, x := range a {
		if x.Near < headNear || x.Unit || isCapitalised(x.Word) {
			continue
		}
		for _, y := range b {
			if y.Near >= headNear && !y.Unit && y.Lemma == x.Lemma && idf.weight(x.Lemma) >= idf.maxWeight()/2 {
				return true
			}
		}
	}
	return false
}

// sharedWord names an aligned group after the word most of its values
// share, the rarest first on a tie, in its most common written form; ""
// when they share only what they count.
func sharedWord(claims []Claim, open, ms []int, vecs []map[string]float64) string {
	count := map[string]int{}
	mass := map[string]float64{}
	forms := map[string]map[string]int{}
	for _, k := range ms {
		for _, cw := range claims[open[k]].Context {
			if vecs[k][cw.Lemma] == 0 || cw.Unit {
				continue
			}
			count[cw.Lemma]++
			mass[cw.Lemma] += vecs[k][cw.Lemma]
			if forms[cw.Lemma] == nil {
				forms[cw.Lemma] = map[string]int{}
			}
			forms[cw.Lemma][cw.Word]++
		}
	}
	// A common word ("returned", "curfew") names what happened better than
	// a name ("Almaty") that only says where.
	named := map[string]bool{}
	for l, fs := range forms {
		for w := range fs {
			named[l] = named[l] || isCapitalised(w)
		}
	}
	best := ""
	better := func(l string) bool {
		switch {
		case best == "":
			return true
		case named[l] != named[best]:
			return !named[l]
		case count[l] != count[best]:
			return count[l] > count[best]
		case mass[l] != mass[best]:
			return mass[l] > mass[best]
		}
		return l < best
	}
	for l := range count {
		if count[l] >= 2 && better(l) {
			best = l
		}
	}
	if best == "" {
		return ""
	}
	var words []string
	for w := range forms[best] {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		fi, fj := forms[best][words[i]], forms[best][words[j]]
		if fi != fj {
			return fi > fj
		}
		return words[i] < words[j]
	})
	return words[0]
}

// contextVector weighs a value's context words by closeness and rarity
// (names count half) and returns the vector and its norm.
func contextVector(ctx []contextWord, idf *storyIDF) (map[string]float64, float64) {
	v := map[string]float64{}
	for _, cw := range ctx {
		w := cw.Near * idf.weight(cw.Lemma)
		if isCapitalised(cw.Word) {
			w *= nameWeight
		}
		if w <= 0 {
			continue
		}
		v[cw.Lemma] = w
	}
	var n float64
	for _, l := range slices.Sorted(maps.Keys(v)) {
		n += v[l] * v[l]
	}
	return v, math.Sqrt(n)
}

// groupSums hold what alignOpenClaims needs of a group of open values to
// join groups in time linear in their vectors, not in their members: the
// sum of its members' unit context vectors, the same per source (two
// values of one source are never compared), and its members by document
// and voice (the only pairs that can contradict each other).
type groupSums struct {
	total    map[string]float64
	bySource map[string]map[string]float64
	n        int
	nSource  map[string]int
	byVoice  map[string][]int
}

func newGroupSums(k int, v map[string]float64, norm float64, source, voice string) *groupSums {
	unit := make(map[string]float64, len(v))
	if norm > 0 {
		for l, w := range v {
			unit[l] = w / norm
		}
	}
	perSource := make(map[string]float64, len(unit))
	for l, w := range unit {
		perSource[l] = w
	}
	return &groupSums{total: unit, bySource: map[string]map[string]float64{source: perSource}, n: 1,
		nSource: map[string]int{source: 1}, byVoice: map[string][]int{voice: {k}}}
}

func addInto(dst, src map[string]float64) {
	for l, w := range src {
		dst[l] += w
	}
}

func dot(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	var s float64
	for l, w := range a {
		s += w * b[l]
	}
	return s
}

// merge adds o into g.
func (g *groupSums) merge(o *groupSums) {
	addInto(g.total, o.total)
	for s, v := range o.bySource {
		if g.bySource[s] == nil {
			g.bySource[s] = map[string]float64{}
		}
		addInto(g.bySource[s], v)
		g.nSource[s] += o.nSource[s]
	}
	g.n += o.n
	for voice, ks := range o.byVoice {
		g.byVoice[voice] = append(g.byVoice[voice], ks...)
	}
}

// meanCrossSimilarity is the mean cosine similarity over the pairs of a
// member of g and a member of o from different sources; ok is false when
// there is no such pair.
func (g *groupSums) meanCrossSimilarity(o *groupSums) (float64, bool) {
	total, pairs := dot(g.total, o.total), g.n*o.n
	for s, v := range g.bySource {
		if w, ok := o.bySource[s]; ok {
			total -= dot(v, w)
			pairs -= g.nSource[s] * o.nSource[s]
		}
	}
	if pairs <= 0 {
		return 0, false
	}
	return total / float64(pairs), true
}
