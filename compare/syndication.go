package compare

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

import "github.com/parallaxnews/parallax/model"

// Syndication thresholds. Shingles are runs of shingleWords lower-cased
// words; two documents are copies when their shingle sets are nearly the
// same (Jaccard) or one is nearly contained in the other (a copy with its
// last paragraphs cut, or with boilerplate added).
const (
	shingleWords       = 5
	duplicateJaccard   = 0.6
	duplicateContained = 0.8
	minShingles        = 20
	sampleModulus      = 4 // index one shingle hash in four to find candidates
	maxPosting         = 64
)

// MarkDuplicates sets DuplicateOf on every document that is a near-identical
// copy of an earlier one, so comparison counts syndicated copies as one
// source. "Earlier" is by Published date when both have one, otherwise the
// fuller text, then position in docs; the earliest stays the original. Documents already
// marked keep their mark. It returns the number of documents marked.
func MarkDuplicates(docs []*model.Document) int {
	type entry struct {
		doc  *model.Document
		pos  int
		sh   map[uint64]struct{}
		date string
	}
	entries := make([]entry, 0, len(docs))
	for i, d := range docs {
		if d == nil {
			continue
		}
		e := entry{doc: d, pos: i, sh: shingles(d.Text)}
		if d.Published != nil && len(*d.Published) >= 10 {
			e.date = (*d.Published)[:10]
		}
		entries = append(entries, e)
	}
	// Originals first: by date when both dates are known and differ;
	// otherwise the fuller text first (a copy tends to lose its last
	// paragraphs), then input order.
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.date != "" && b.date != "" && a.date != b.date {
			return a.date < b.date
		}
		if len(a.sh) != len(b.sh) {
			return len(a.sh) > len(b.sh)
		}
		return a.pos < b.pos
	})
	// Candidate pairs from an index of sampled shingles.
	posting := map[uint64][]int{}
	marked := 0
	for i := range entries {
		e := &entries[i]
		shared := map[int]int{}
		for h := range e.sh {
			if h%sampleModulus != 0 {
				continue
			}
			for _, j := range posting[h] {
				shared[j]++
			}
		}
		if e.doc.DuplicateOf == nil && len(e.sh) >= minShingles {
			best, bestScore := -1, 0.0
			for j, n := range shared {
				if n < 2 {
					continue
				}
				o := &entries[j]
				if o.doc.DuplicateOf != nil {
					continue // point at the original, never at a copy
				}
				jac, con := similarity(e.sh, o.sh)
				if (jac >= duplicateJaccard || con >= duplicateContained) && (con > bestScore || (con == bestScore && j < best)) {
					best, bestScore = j, con
				}
			}
			if best >= 0 {
				id := entries[best].doc.ID
				e.doc.DuplicateOf = &id
				marked++
			}
		}
		for h := range e.sh {
			if h%sampleModulus == 0 && len(posting[h]) < maxPosting {
				posting[h] = append(posting[h], i)
			}
		}
	}
	return marked
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
