// Package disjoint is a union-find over the integers 0..n-1: the one
// implementation behind every "join these into groups" step (reprint
// groups, value groups, anchor parts, the coreference scorer).
package disjoint

// Sets holds a partition of 0..n-1. The zero value is empty; use New.
type Sets struct{ parent []int }

// New returns n singleton sets.
func New(n int) *Sets {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &Sets{parent: p}
}

// Find is the representative of i's set, halving the path on the way.
func (s *Sets) Find(i int) int {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

// Join puts a's and b's sets together. a's representative stays the
// representative; kept and absorbed are the two former representatives,
// and joined is false when they were already one set. Callers that keep
// per-set data merge absorbed's into kept's.
func (s *Sets) Join(a, b int) (kept, absorbed int, joined bool) {
	ra, rb := s.Find(a), s.Find(b)
	if ra == rb {
		return ra, rb, false
	}
	s.parent[rb] = ra
	return ra, rb, true
}
