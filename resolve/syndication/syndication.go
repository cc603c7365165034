// Package syndication decides which documents of a story are the same
// source: reprints of one wire story, syndicated copies of another outlet's
// article, near-identical versions. It is a cross-document stage, like
// entity resolution: resolution says which mentions are one entity, this
// says which documents are one source, before comparison counts sources.
//
// In: the story's cleaned documents (Text, Credit, Outlet, Published).
// Out: DuplicateOf set on every document that carries another's story,
// pointing at the group's original; Groups lists each source with its
// carriers.
//
// These signals join documents into one source:
//   - near-identical text: 5-word shingles, MinHash signatures (our own,
//     128 hash functions) and LSH banding over the whole text and over the
//     lead, so candidate pairs come from shared buckets and not from
//     comparing all pairs; each candidate is confirmed on the exact shingle
//     sets (Jaccard ≥ 0.6, or ≥ 0.8 of the shorter contained in the longer);
//   - shared sentences: two or more unquoted sentences of ten words or more
//     word for word, which rewrites and cut reprints keep;
//   - a rewrite sentence by sentence: most of the shorter text's unquoted
//     sentences each keep half or more of a sentence's word stems, in the
//     same order (an outlet's edit of a wire story);
//   - the same wire credit ("(AP)", "/TASS/", "via Kabar"): two outlets
//     reprinting one AP story are one source, AP, with two carriers, even
//     when their edits make the texts differ.
package syndication

import (
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/internal/disjoint"
	"github.com/parallaxnews/parallax/model"
)

// Thresholds and sizes.
const (
	shingleWords       = 5
	duplicateJaccard   = 0.6
	duplicateContained = 0.8
	minShingles        = 20
	numHashes          = 128
	bands              = 32 // 32 bands of 4 rows: pairs of Jaccard ≈ 0.42 and above collide in some band half the time
	rows               = numHashes / bands
	leadWords          = 80 // the lead index: reprints that cut the end keep the lead
	maxBucket          = 64 // a bucket this full is boilerplate shared by many; it proposes no pairs
)

// Group is one independent source and the documents that carry it.
type Group struct {
	// Original is the document the others point at.
	Original string
	// Credit is the agency or outlet the group's documents credit, if any.
	Credit string
	// Carriers are the other documents of the group, in input order.
	Carriers []string
	// Why says what joined them: "near-identical text", "same credit", or both.
	Why string
}

// Mark sets DuplicateOf on every document that carries another's story and
// returns the groups of two or more documents. Documents already marked
// keep their mark and are not regrouped. The original of a group is the
// document published by the credited agency itself, else the earliest by
// Published, else the fullest text, else the first in docs.
func Mark(docs []*model.Document) []Group { return MarkWith(docs, nil) }

// MarkWith is Mark reading and recording the outcome of the rewrite check
// of each pair of documents in checks (nil: none kept). The check reads
// only the two texts, so a story analysed again with one more document
// checks only the pairs that document brings, with the same result as
// Mark.
func MarkWith(docs []*model.Document, checks *RewriteChecks) []Group {
	if checks != nil {
		checks.used, checks.made = map[[2]string]bool{}, 0
	}
	var items []*item
	nums := newStemNumbers()
	for i, d := range docs {
		if d == nil || d.DuplicateOf != nil {
			continue
		}
		it := &item{doc: d, pos: i, sh: shingles(d.Text), nums: nums}
		if d.Published != nil && len(*d.Published) >= 10 {
			it.date = (*d.Published)[:10]
		}
		if d.Credit != nil {
			it.credit = normCredit(*d.Credit)
		}
		items = append(items, it)
	}
	uf := disjoint.New(len(items))
	type edge struct {
		a, b   int
		reason string
	}
	var edges []edge
	join := func(a, b int, reason string) {
		uf.Join(a, b)
		edges = append(edges, edge{a, b, reason})
	}
	for _, p := range candidatePairs(items, wholeShingles, leadShingles) {
		a, b := items[p[0]], items[p[1]]
		if len(a.sh) < minShingles || len(b.sh) < minShingles {
			continue
		}
		if jac, con := similarity(a.sh, b.sh); jac >= duplicateJaccard || con >= duplicateContained {
			join(p[0], p[1], "near-identical text")
		}
	}
	for _, p := range sharedSentencePairs(items) {
		join(p[0], p[1], "shared sentences")
	}
	for _, p := range rewritePairs(items, checks) {
		join(p[0], p[1], "rewritten sentence by sentence")
	}
	// Reprints of one agency or outlet (a credit that is not the page's
	// own outlet) are one source.
	byCredit := map[string]int{}
	for i, it := range items {
		if it.credit == "" || it.credit == normCredit(outletOf(it.doc)) {
			continue
		}
		if j, ok := byCredit[it.credit]; ok {
			join(j, i, "same credit")
		} else {
			byCredit[it.credit] = i
		}
	}
	// The credited agency's own document, the first one, joins them: it is
	// the original. Its other documents stay separate pieces.
	ownJoined := map[string]bool{}
	for i, it := range items {
		own := normCredit(outletOf(it.doc))
		if j, ok := byCredit[own]; ok && j != i && !ownJoined[own] {
			join(j, i, "same credit")
			ownJoined[own] = true
		}
	}
	why := map[int]map[string]bool{}
	for _, e := range edges {
		r := uf.Find(e.a)
		if why[r] == nil {
			why[r] = map[string]bool{}
		}
		why[r][e.reason] = true
	}
	components := map[int][]int{}
	for i := range items {
		r := uf.Find(i)
		components[r] = append(components[r], i)
	}
	var groups []Group
	for _, members := range components {
		if len(members) < 2 {
			continue
		}
		orig := pickOriginal(items, members)
		g := Group{Original: items[orig].doc.ID, Credit: creditOf(items, members)}
		reasons := why[uf.Find(orig)]
		var rs []string
		for r := range reasons {
			rs = append(rs, r)
		}
		sort.Strings(rs)
		g.Why = strings.Join(rs, " and ")
		for _, m := range members {
			if m == orig {
				continue
			}
			id := items[orig].doc.ID
			items[m].doc.DuplicateOf = &id
			g.Carriers = append(g.Carriers, items[m].doc.ID)
		}
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Original < groups[j].Original })
	return groups
}

type item struct {
	doc    *model.Document
	pos    int
	sh     map[uint64]struct{}
	date   string
	credit string
	sents  *stemText           // computed on first use
	stems  map[uint64]struct{} // every sentence's stems, on first use
	nums   *stemNumbers        // numbers the stems of every item of one Mark
}

func (it *item) sentences() []stemSentence { return it.stemmed().sents }

func (it *item) stemmed() *stemText {
	if it.sents == nil {
		it.sents = it.nums.text(sentenceStems(it.doc.Text, it.doc.Sentences))
	}
	return it.sents
}

func outletOf(d *model.Document) string {
	if d.Outlet == nil {
		return ""
	}
	return *d.Outlet
}

// normCredit folds a credit or outlet name for comparison: an agency's
// written forms to its canonical name ("The Associated Press" → "ap"),
// other names by case, spaces and a leading "the".
func normCredit(s string) string {
	if canon, ok := clean.WireAgency(s); ok {
		s = canon
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// pickOriginal chooses the group's original: the credited agency's own
// document, else the earliest dated, else the fullest, else the first.
func pickOriginal(items []*item, members []int) int {
	credit := creditOf(items, members)
	best := members[0]
	better := func(a, b *item) bool {
		ownA := credit != "" && normCredit(outletOf(a.doc)) == normCredit(credit)
		ownB := credit != "" && normCredit(outletOf(b.doc)) == normCredit(credit)
		if ownA != ownB {
			return ownA
		}
		if a.date != "" && b.date != "" && a.date != b.date {
			return a.date < b.date
		}
		if (a.date != "") != (b.date != "") {
			return a.date != ""
		}
		if len(a.sh) != len(b.sh) {
			return len(a.sh) > len(b.sh)
		}
		return a.pos < b.pos
	}
	for _, m := range members[1:] {
		if better(items[m], items[best]) {
			best = m
		}
	}
	return best
}

// creditOf is the credit most members give.
func creditOf(items []*item, members []int) string {
	count := map[string]int{}
	name := map[string]string{}
	for _, m := range members {
		if d := items[m].doc; d.Credit != nil && *d.Credit != "" {
			k := normCredit(*d.Credit)
			count[k]++
			name[k] = *d.Credit
		}
	}
	best := ""
	for k, n := range count {
		if best == "" || n > count[best] || n == count[best] && k < best {
			best = k
		}
	}
	return name[best]
}

// The sets candidate pairs are drawn from: the whole text's shingles, the
// lead's, and the text's word stems (a rewrite shares few shingles).
func wholeShingles(it *item) map[uint64]struct{} { return it.sh }
func leadShingles(it *item) map[uint64]struct{}  { return shingles(leadOf(it.doc.Text)) }
func stemSet(it *item) map[uint64]struct{} {
	if it.stems != nil {
		return it.stems
	}
	it.stems = map[uint64]struct{}{}
	for _, s := range it.sentences() {
		for _, h := range s.sorted {
			it.stems[h] = struct{}{}
		}
	}
	return it.stems
}

// candidatePairs returns index pairs that share an LSH bucket in the
// signature of any of the given sets.
func candidatePairs(items []*item, parts ...func(*item) map[uint64]struct{}) [][2]int {
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, part := range parts {
		buckets := map[uint64][]int{}
		for i, it := range items {
			sh := part(it)
			if len(sh) < minShingles/2 {
				continue
			}
			sig := signature(sh)
			for b := 0; b < bands; b++ {
				key := bandKey(b, sig[b*rows:(b+1)*rows])
				if len(buckets[key]) < maxBucket {
					buckets[key] = append(buckets[key], i)
				}
			}
		}
		for _, members := range buckets {
			for x := 0; x < len(members); x++ {
				for y := x + 1; y < len(members); y++ {
					p := [2]int{members[x], members[y]}
					if !seen[p] {
						seen[p] = true
						out = append(out, p)
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// leadOf is the first leadWords words of text.
func leadOf(text string) string {
	words := strings.Fields(text)
	if len(words) > leadWords {
		words = words[:leadWords]
	}
	return strings.Join(words, " ")
}

// hashSeeds are the multipliers and offsets of the MinHash family
// h_i(x) = a_i·x + b_i (mod 2^64), drawn once from a fixed splitmix64
// stream so signatures are the same on every run.
var hashSeeds = func() (s [numHashes][2]uint64) {
	state := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// signature is the MinHash signature of a shingle set.
func signature(sh map[uint64]struct{}) [numHashes]uint64 {
	var sig [numHashes]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for x := range sh {
		for i, ab := range hashSeeds {
			if v := ab[0]*x + ab[1]; v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

func bandKey(band int, rowsOf []uint64) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	buf[0] = byte(band)
	h.Write(buf[:1])
	for _, v := range rowsOf {
		for k := 0; k < 8; k++ {
			buf[k] = byte(v >> (8 * k))
		}
		h.Write(buf[:])
	}
	return h.Sum64()
}

// similarity returns the Jaccard index and the containment of the smaller
// set in the larger.
func similarity(a, b map[uint64]struct{}) (jaccard, contained float64) {
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for h := range a {
		if _, ok := b[h]; ok {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 || len(a) == 0 {
		return 0, 0
	}
	return float64(inter) / float64(union), float64(inter) / float64(len(a))
}

// shingles hashes every run of shingleWords consecutive words of text.
func shingles(text string) map[uint64]struct{} {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := make(map[uint64]struct{}, len(words))
	for i := 0; i+shingleWords <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = struct{}{}
	}
	return out
}

// Shared sentences: reprints that rewrite or cut a story keep some of its
// sentences word for word. minSharedWords is the shortest sentence that
// counts, minShared how many a pair must share, and minSharedShare what
// part of the shorter text's long sentences that must be. Sentences with quotation
// marks do not count: independent reports quote the same statement.
const (
	minSharedWords = 10
	minShared      = 2
	minSharedShare = 0.3
)

// sharedSentencePairs returns index pairs that share minShared sentences,
// found through an index of sentence hashes (no all-pairs comparison).
func sharedSentencePairs(items []*item) [][2]int {
	index := map[uint64][]int{}
	for i, it := range items {
		seen := map[uint64]bool{}
		for _, h := range sentenceHashes(it.doc.Text, it.doc.Sentences) {
			if seen[h] {
				continue
			}
			seen[h] = true
			if len(index[h]) < maxBucket {
				index[h] = append(index[h], i)
			}
		}
	}
	long := make([]int, len(items))
	for _, docs := range index {
		for _, i := range docs {
			long[i]++
		}
	}
	count := map[[2]int]int{}
	for _, docs := range index {
		for x := 0; x < len(docs); x++ {
			for y := x + 1; y < len(docs); y++ {
				count[[2]int{docs[x], docs[y]}]++
			}
		}
	}
	var out [][2]int
	for p, n := range count {
		// Enough of the shorter text's sentences, not a borrowed line or two.
		if n >= minShared && float64(n) >= minSharedShare*float64(min(long[p[0]], long[p[1]])) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// sentenceHashes hashes each long unquoted sentence of text, folded to
// lower-case words.
func sentenceHashes(text string, sents []model.Range) []uint64 {
	var out []uint64
	eachSentence(text, sents, func(s string, words []string) {
		if strings.ContainsAny(s, quoteMarks) || len(words) < minSharedWords {
			return
		}
		h := fnv.New64a()
		for _, w := range words {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out = append(out, h.Sum64())
	})
	return out
}

// eachSentence calls f with each sentence of text and its lower-cased
// words: the document's sentences (annotate/tokenize, the one splitter),
// split now when the document has none yet.
func eachSentence(text string, sents []model.Range, f func(s string, words []string)) {
	if sents == nil {
		sents = tokenize.Sentences(text)
	}
	for _, r := range sents {
		if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
			continue
		}
		s := text[r.Start:r.End]
		f(s, strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}))
	}
}

// Rewritten copies: an outlet that rewrites another's story sentence by
// sentence ("stood still" for "stood motionless", "storey" for "story")
// keeps no five-word run and no whole sentence, but each of its sentences
// keeps most of the original's content words, in the same order. Two
// reports written independently about one event share names and numbers
// but not sentence after sentence in order. A sentence pair matches when
// the Jaccard index of their word stems is at least rewriteSentenceMatch;
// a document pair is a rewrite when at least rewriteMinSentences of the
// shorter text's sentences match, in order, and they are at least
// rewriteShare of its sentences.
const (
	rewriteSentenceMatch = 0.5
	rewriteMinSentences  = 5
	rewriteShare         = 0.6
	rewriteMinStems      = 5 // shorter sentences (a name, a dateline) say too little to match
	stemRunes            = 5 // a stem is a word's first five letters: "collapsed"/"collapse", "землетрясения"/"землетрясение"
)

// stemSentence is one sentence's stems and whether it holds a quotation.
type stemSentence struct {
	sorted []uint64 // its distinct stems in order
	nums   []int32  // the same stems numbered (stemNumbers)
	quoted bool
}

// stemNumbers numbers the stems of the texts of one Mark densely, so that
// the checks of a candidate pair mark and find stems in arrays instead of
// hash maps: among thousands of reports of one event, the look-ups were
// most of the stage's time. The arrays are scratch for one pair at a
// time; a stamp voids the last pair's entries without clearing them.
type stemNumbers struct {
	of    map[uint64]int32
	stamp int32
	// mark[n] == stamp: stem n is in the text the pair is checked against.
	mark []int32
	// head[n] is the last entry of stem n in that text's unquoted
	// sentences when headAt[n] == stamp; entry e is of sentence
	// entrySent[e], and entryNext[e] is the stem's entry before it (-1:
	// none).
	head, headAt         []int32
	entrySent, entryNext []int32
	// indexed is the text the entries are of, under stamp indexedAt:
	// candidate pairs come sorted by their first document, so the next
	// pair often checks against the same text.
	indexed   *stemText
	indexedAt int32
	counts    []int32 // stems shared with each sentence
}

func newStemNumbers() *stemNumbers { return &stemNumbers{of: map[uint64]int32{}} }

// text numbers the stems of sents and returns them as a text.
func (n *stemNumbers) text(sents []stemSentence) *stemText {
	for i := range sents {
		nums := make([]int32, len(sents[i].sorted))
		for k, h := range sents[i].sorted {
			id, ok := n.of[h]
			if !ok {
				id = int32(len(n.of))
				n.of[h] = id
			}
			nums[k] = id
		}
		sents[i].nums = nums
	}
	if grow := len(n.of) - len(n.mark); grow > 0 {
		n.mark = append(n.mark, make([]int32, grow)...)
		n.head = append(n.head, make([]int32, grow)...)
		n.headAt = append(n.headAt, make([]int32, grow)...)
	}
	return &stemText{sents: sents, nums: n}
}

// index enters each stem of t's unquoted sentences with the sentences
// holding it, unless t is the text entered last, and returns the stamp
// the entries are under.
func (n *stemNumbers) index(t *stemText) int32 {
	if n.indexed == t {
		return n.indexedAt
	}
	stamp := n.next()
	n.entrySent, n.entryNext = n.entrySent[:0], n.entryNext[:0]
	for j, s := range t.sents {
		if s.quoted {
			continue
		}
		for _, k := range s.nums {
			if n.headAt[k] != stamp {
				n.headAt[k], n.head[k] = stamp, -1
			}
			n.entrySent = append(n.entrySent, int32(j))
			n.entryNext = append(n.entryNext, n.head[k])
			n.head[k] = int32(len(n.entrySent) - 1)
		}
	}
	n.indexed, n.indexedAt = t, stamp
	return stamp
}

// next starts the checks of another pair and returns its stamp.
func (n *stemNumbers) next() int32 {
	if n.stamp == math.MaxInt32 {
		clear(n.mark)
		clear(n.headAt)
		n.stamp, n.indexed = 0, nil
	}
	n.stamp++
	return n.stamp
}

// quoteMarks open or close a quotation in English and Russian text.
const quoteMarks = "\"“”«»„`"

// rewritePairs returns index pairs that are rewrites of one another;
// candidates come from LSH buckets over the texts' stem sets.
func rewritePairs(items []*item, checks *RewriteChecks) [][2]int {
	var out [][2]int
	for _, p := range candidatePairs(items, stemSet) {
		a, b := items[p[0]], items[p[1]]
		rewrite, known := checks.outcome(a.doc.ID, b.doc.ID)
		if !known {
			rewrite = possibleRewrite(a.stemmed(), b.stemmed()) && isRewrite(a.stemmed(), b.stemmed())
			checks.record(a.doc.ID, b.doc.ID, rewrite)
		}
		if rewrite {
			out = append(out, p)
		}
	}
	return out
}

// RewriteChecks keeps the outcome of the rewrite check, by the two
// documents' IDs, across calls of MarkWith. Not safe for concurrent use.
type RewriteChecks struct {
	known map[[2]string]bool
	// used are the pairs the last MarkWith consulted or checked: the ones
	// worth keeping (Each); made counts those it checked.
	used map[[2]string]bool
	made int
}

// NewRewriteChecks returns an empty record.
func NewRewriteChecks() *RewriteChecks {
	return &RewriteChecks{known: map[[2]string]bool{}, used: map[[2]string]bool{}}
}

func checkKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Add records the outcome of the check of documents a and b, read back
// from where Each's were kept.
func (c *RewriteChecks) Add(a, b string, rewrite bool) { c.known[checkKey(a, b)] = rewrite }

// Len is how many outcomes are known.
func (c *RewriteChecks) Len() int { return len(c.known) }

// Made is how many pairs the last MarkWith checked, as opposed to reading
// the outcome.
func (c *RewriteChecks) Made() int { return c.made }

// Changed reports whether the last MarkWith checked a pair or left a known
// one unused: then what Each lists differs from what was added.
func (c *RewriteChecks) Changed() bool { return c.made > 0 || len(c.used) != len(c.known) }

// Each calls fn with every outcome the last MarkWith consulted or made,
// in a stable order.
func (c *RewriteChecks) Each(fn func(a, b string, rewrite bool)) {
	keys := make([][2]string, 0, len(c.used))
	for k := range c.used {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		fn(k[0], k[1], c.known[k])
	}
}

func (c *RewriteChecks) outcome(a, b string) (rewrite, known bool) {
	if c == nil {
		return false, false
	}
	k := checkKey(a, b)
	rewrite, known = c.known[k]
	if known {
		c.used[k] = true
	}
	return rewrite, known
}

func (c *RewriteChecks) record(a, b string, rewrite bool) {
	if c == nil {
		return
	}
	k := checkKey(a, b)
	c.known[k], c.used[k] = rewrite, true
	c.made++
}

// possibleRewrite is a necessary condition of isRewrite that costs one
// look-up per stem instead of one comparison per pair of sentences: a
// sentence that matches one of the other text's at Jaccard ≥ 1/2 has at
// least half its stems somewhere in the other text, and isRewrite needs
// enough such sentences. Among thousands of reports of one event most
// candidate pairs fail here.
func possibleRewrite(x, y *stemText) bool {
	a, b := x, y
	if len(a.sents) > len(b.sents) {
		a, b = b, a
	}
	n := a.nums
	in := n.next()
	for _, s := range b.sents {
		for _, k := range s.nums {
			n.mark[k] = in
		}
	}
	need := max(float64(rewriteMinSentences), rewriteShare*float64(len(a.sents)))
	enough := 0
	for _, s := range a.sents {
		if s.quoted || len(s.sorted) == 0 {
			continue
		}
		shared := 0
		for _, k := range s.nums {
			if n.mark[k] == in {
				shared++
			}
		}
		if float64(shared) >= rewriteSentenceMatch*float64(len(s.sorted)) {
			enough++
		}
	}
	return float64(enough) >= need
}

// stemText is one text's sentences, their stems numbered by nums.
type stemText struct {
	sents []stemSentence
	nums  *stemNumbers
}

// isRewrite counts the shorter text's sentences whose best match in the
// longer one is close enough and comes after the previous match. A quoted
// sentence never matches: independent reports quote the same statement.
// The best match of a sentence is found through the longer text's stem
// index (counting shared stems per sentence) rather than by a Jaccard
// against each of its sentences: among thousands of reports of one event
// this check runs on most candidate pairs.
func isRewrite(x, y *stemText) bool {
	if len(x.sents) > len(y.sents) {
		x, y = y, x
	}
	a, b := x.sents, y.sents
	if len(a) < rewriteMinSentences {
		return false
	}
	n := x.nums
	stamp := n.index(y)
	if len(n.counts) < len(b) {
		n.counts = make([]int32, len(b))
	}
	counts := n.counts
	need := max(float64(rewriteMinSentences), rewriteShare*float64(len(a)))
	matched, last := 0, -1
	var touched []int32
	for i, s := range a {
		if float64(matched+len(a)-i) < need {
			return false // too few sentences left to match
		}
		if s.quoted {
			continue
		}
		touched = touched[:0]
		for _, k := range s.nums {
			if n.headAt[k] != stamp {
				continue
			}
			for e := n.head[k]; e >= 0; e = n.entryNext[e] {
				j := n.entrySent[e]
				if counts[j] == 0 {
					touched = append(touched, j)
				}
				counts[j]++
			}
		}
		// The first sentence of the highest Jaccard index, as a walk over
		// b in order would find it.
		best, at := 0.0, -1
		for _, j := range touched {
			inter := int(counts[j])
			counts[j] = 0
			jac := float64(inter) / float64(len(s.sorted)+len(b[j].sorted)-inter)
			if jac > best || jac == best && int(j) < at {
				best, at = jac, int(j)
			}
		}
		if best >= rewriteSentenceMatch && at > last {
			matched++
			last = at
		}
	}
	return float64(matched) >= need
}

// sentenceStems returns the hashed stems of each sentence long enough to
// match: words of four letters or more cut to stemRunes, and numbers.
func sentenceStems(text string, sents []model.Range) []stemSentence {
	out := []stemSentence{}
	eachSentence(text, sents, func(sentence string, words []string) {
		set := map[uint64]struct{}{}
		for _, w := range words {
			r := []rune(w)
			if len(r) < 4 && !unicode.IsDigit(r[0]) {
				continue
			}
			if len(r) > stemRunes {
				r = r[:stemRunes]
			}
			h := fnv.New64a()
			h.Write([]byte(string(r)))
			set[h.Sum64()] = struct{}{}
		}
		if len(set) >= rewriteMinStems {
			sorted := make([]uint64, 0, len(set))
			for h := range set {
				sorted = append(sorted, h)
			}
			slices.Sort(sorted)
			out = append(out, stemSentence{sorted: sorted, quoted: strings.ContainsAny(sentence, quoteMarks)})
		}
	})
	return out
}
