package events

import (
	"container/heap"
	"context"
	"slices"
	"sort"
)

// edge is a candidate pair with the pair model's probability; a
// conflict edge (two clearly different times) forbids the pair's clusters
// to merge.
type edge struct {
	i, j     int
	p        float64
	conflict bool
}

// candidates lists the pairs worth scoring: mentions that share a lemma,
// a word-cluster path or a lemma pair the training table knows. Within a
// block, mentions are ordered by document date, document and position,
// and each is paired with at most window followers, so a story of n
// mentions costs O(n·window) pairs, not O(n²).
func (s *story) candidates(table map[string][]string, window int) [][2]int {
	blocks := map[string][]int{}
	for i := range s.nodes {
		nd := &s.nodes[i]
		blocks["l:"+nd.m.Lemma] = append(blocks["l:"+nd.m.Lemma], i)
		if nd.cluster != "" {
			blocks["c:"+nd.cluster] = append(blocks["c:"+nd.cluster], i)
		}
		for _, partner := range table[nd.m.Lemma] {
			// both lemmas of a known pair meet in the block named by the pair
			blocks["p:"+pairKey(nd.m.Lemma, partner)] = append(blocks["p:"+pairKey(nd.m.Lemma, partner)], i)
		}
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out [][2]int
	for _, k := range keys {
		b := blocks[k]
		if len(b) < 2 {
			continue
		}
		sort.SliceStable(b, func(x, y int) bool {
			p, q := &s.nodes[b[x]], &s.nodes[b[y]]
			tp, tq := s.docTime[p.doc].from, s.docTime[q.doc].from
			if tp != tq {
				return tp < tq
			}
			if p.doc != q.doc {
				return p.doc < q.doc
			}
			return p.m.Start < q.m.Start
		})
		for x := range b {
			for y := x + 1; y < len(b) && y <= x+window; y++ {
				out = append(out, [2]int{min(b[x], b[y]), max(b[x], b[y])})
			}
		}
	}
	slices.SortFunc(out, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(out)
}

// cluster joins mentions by average-link agglomeration over the scored
// pairs: the two clusters whose mean probability over the scored pairs
// between them is highest merge, until no mean reaches threshold. Pairs
// the blocking never scored are left out of the mean rather than counted
// as 0, so that an event told by many documents, whose mentions each meet
// only a window of the others, can still form one cluster. It returns a
// cluster number per node.
func cluster(ctx context.Context, n int, edges []edge, threshold float64) ([]int, error) {
	size := make([]int, n)
	parent := make([]int, n)
	links := make([]map[int]link, n)    // cluster → neighbour cluster → scored pairs between them
	conflicts := make([]map[int]int, n) // cluster → cluster → conflicting pairs between them
	for i := range size {
		size[i] = 1
		parent[i] = i
	}
	h := &pairHeap{}
	for _, e := range edges {
		if e.conflict {
			if conflicts[e.i] == nil {
				conflicts[e.i] = map[int]int{}
			}
			if conflicts[e.j] == nil {
				conflicts[e.j] = map[int]int{}
			}
			conflicts[e.i][e.j]++
			conflicts[e.j][e.i]++
			continue
		}
		if links[e.i] == nil {
			links[e.i] = map[int]link{}
		}
		if links[e.j] == nil {
			links[e.j] = map[int]link{}
		}
		links[e.i][e.j] = links[e.i][e.j].add(link{e.p, 1})
		links[e.j][e.i] = links[e.j][e.i].add(link{e.p, 1})
	}
	mean := func(a, b int) float64 {
		l := links[a][b]
		return l.sum / float64(l.n)
	}
	for a := range links {
		for b := range links[a] {
			if avg := mean(a, b); a < b && avg >= threshold {
				heap.Push(h, candidate{avg, a, b})
			}
		}
	}
	for step := 0; h.Len() > 0; step++ {
		if step%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := heap.Pop(h).(candidate)
		if c.avg < threshold {
			break
		}
		a, b := c.a, c.b
		if parent[a] != a || parent[b] != b {
			continue // one side was merged away
		}
		if cur := mean(a, b); cur != c.avg {
			continue // stale
		}
		if conflicts[a][b] > 0 {
			continue // anchored at clearly different times
		}
		// merge b into a. Only the means between a and b's former
		// neighbours change; a's other pairs keep their heap entries.
		changed := make([]int, 0, len(links[b]))
		for nb := range links[b] {
			if nb != a {
				changed = append(changed, nb)
			}
		}
		parent[b] = a
		size[a] += size[b]
		delete(links[a], b)
		for nb, sum := range links[b] {
			if nb == a {
				continue
			}
			links[a][nb] = links[a][nb].add(sum)
			links[nb][a] = links[nb][a].add(sum)
			delete(links[nb], b)
		}
		links[b] = nil
		for nb, k := range conflicts[b] {
			if conflicts[a] == nil {
				conflicts[a] = map[int]int{}
			}
			conflicts[a][nb] += k
			conflicts[nb][a] += k
			delete(conflicts[nb], b)
		}
		conflicts[b] = nil
		sort.Ints(changed)
		for _, nb := range changed {
			avg := mean(a, nb)
			if avg >= threshold {
				x, y := min(a, nb), max(a, nb)
				heap.Push(h, candidate{avg, x, y})
			}
		}
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out, nil
}

// link sums the probabilities of the scored pairs between two clusters.
type link struct {
	sum float64
	n   int
}

func (l link) add(o link) link { return link{l.sum + o.sum, l.n + o.n} }

type candidate struct {
	avg  float64
	a, b int
}

// pairHeap pops the highest mean first; ties go to the lowest pair, so
// clustering is deterministic.
type pairHeap []candidate

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
