package events

import (
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
//
// A cluster is named by its lowest node; of two pairs with the same mean
// the one with the lower names merges first, so the result does not
// depend on the order of edges. The queue holds one entry per pair and
// mean pushed; an entry whose pair was merged away or whose mean has
// changed since is skipped when it comes up (stale).
func cluster(ctx context.Context, n int, edges []edge, threshold float64) ([]int, error) {
	parent := make([]int32, n)
	links := make([]linkTable, n)         // cluster → neighbour cluster → scored pairs between them
	conflicts := make([]map[int32]int, n) // cluster → cluster → conflicting pairs between them
	for i := range parent {
		parent[i] = int32(i)
	}
	for _, e := range edges {
		i, j := int32(e.i), int32(e.j)
		if e.conflict {
			if conflicts[i] == nil {
				conflicts[i] = map[int32]int{}
			}
			if conflicts[j] == nil {
				conflicts[j] = map[int32]int{}
			}
			conflicts[i][j]++
			conflicts[j][i]++
			continue
		}
		links[i].put(j, links[i].get(j).add(link{e.p, 1}))
		links[j].put(i, links[j].get(i).add(link{e.p, 1}))
	}
	var h pairHeap
	for a := range links {
		for _, s := range links[a].slots {
			if s.key == -1 || int32(a) >= s.key {
				continue
			}
			if avg := s.mean(); avg >= threshold {
				h = append(h, candidate{avg, int32(a), s.key})
			}
		}
	}
	h.init()
	stale := 0 // entries known to have gone stale since the queue was last compacted
	for step := 0; len(h) > 0; step++ {
		if step%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := h.pop()
		if c.avg < threshold {
			break
		}
		a, b := c.a, c.b
		if parent[a] != a || parent[b] != b {
			continue // one side was merged away
		}
		if cur := links[a].get(b).mean(); cur != c.avg {
			continue // stale
		}
		if conflicts[a][b] > 0 {
			continue // anchored at clearly different times
		}
		// merge b into a. Only the means between a and b's former
		// neighbours change; a's other pairs keep their entries.
		parent[b] = a
		links[a].remove(b)
		stale += links[b].used // b's pairs
		for _, s := range links[b].slots {
			nb := s.key
			if nb == -1 || nb == a {
				continue
			}
			l := links[a].get(nb).add(link{s.sum, int(s.n)})
			links[a].put(nb, l)
			links[nb].remove(b)
			links[nb].put(a, l)
			if avg := l.mean(); avg >= threshold {
				h.push(candidate{avg, min(a, nb), max(a, nb)})
			}
		}
		links[b] = linkTable{}
		if stale > len(h)/2 && len(h) > 1<<14 {
			// dropping the pairs of merged clusters is an array look-up;
			// a pair whose mean changed is left to be skipped when popped
			h = h.compact(func(c candidate) bool { return parent[c.a] == c.a && parent[c.b] == c.b })
			stale = 0
		}
		for nb, k := range conflicts[b] {
			if conflicts[a] == nil {
				conflicts[a] = map[int32]int{}
			}
			conflicts[a][nb] += k
			conflicts[nb][a] += k
			delete(conflicts[nb], b)
		}
		conflicts[b] = nil
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	out := make([]int, n)
	for i := range out {
		out[i] = int(find(int32(i)))
	}
	return out, nil
}

// link sums the probabilities of the scored pairs between two clusters.
type link struct {
	sum float64
	n   int
}

func (l link) add(o link) link { return link{l.sum + o.sum, l.n + o.n} }

func (l link) mean() float64 { return l.sum / float64(l.n) }

func (s linkSlot) mean() float64 { return s.sum / float64(s.n) }

// candidate is a pair of clusters a < b and their mean at the time it was
// queued.
type candidate struct {
	avg  float64
	a, b int32
}

// before orders the queue: the highest mean first, ties to the lowest
// pair, so clustering is deterministic.
func (x candidate) before(y candidate) bool {
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.a != y.a {
		return x.a < y.a
	}
	return x.b < y.b
}

// pairHeap is a 4-ary heap of candidates: four 16-byte children share
// a cache line, and the queue of a thousand-report story holds over a
// million entries (container/heap's interface calls and boxing were a
// third of the clustering's time).
type pairHeap []candidate

func (h pairHeap) init() {
	for i := (len(h) - 2) / 4; i >= 0; i-- {
		h.down(i)
	}
}

// compact keeps the entries keep accepts (every entry that may still be
// valid) and orders them again. The queue's order is total, so those come
// up in the same order as without compacting; the others, stale, are
// simply not popped.
func (h pairHeap) compact(keep func(candidate) bool) pairHeap {
	out := h[:0]
	for _, c := range h {
		if keep(c) {
			out = append(out, c)
		}
	}
	out.init()
	return out
}

func (h *pairHeap) push(c candidate) {
	*h = append(*h, c)
	q := *h
	i := len(q) - 1
	for i > 0 {
		p := (i - 1) / 4
		if !q[i].before(q[p]) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (h *pairHeap) pop() candidate {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	*h = q[:last]
	h.down(0)
	return top
}

func (h pairHeap) down(i int) {
	n := len(h)
	for {
		first := 4*i + 1
		if first >= n {
			return
		}
		m := first
		for c := first + 1; c < min(first+4, n); c++ {
			if h[c].before(h[m]) {
				m = c
			}
		}
		if !h[m].before(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
