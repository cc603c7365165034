package events

import (
	"container/heap"
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// The clustering's cheaper queue and maps join exactly the clusters the
// former code joined, in graphs with many equal means (a story of
// near-identical reports scores many pairs alike), conflicts, isolated
// nodes and queues large enough to be compacted.
func TestClusterMatchesReference(t *testing.T) {
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 7))
		n := 2 + rng.IntN(300)
		if seed%10 == 0 {
			n = 4000 // a queue large enough to be compacted
		}
		levels := 1 + rng.IntN(6) // few distinct probabilities: many ties
		var edges []edge
		for range rng.IntN(n * 8) {
			i, j := rng.IntN(n), rng.IntN(n)
			if i == j {
				continue
			}
			e := edge{i: min(i, j), j: max(i, j), p: float64(rng.IntN(levels)+1) / float64(levels+1)}
			if rng.IntN(25) == 0 {
				e = edge{i: e.i, j: e.j, conflict: true}
			}
			edges = append(edges, e)
		}
		slices.SortFunc(edges, func(x, y edge) int {
			if x.i != y.i {
				return x.i - y.i
			}
			return x.j - y.j
		})
		edges = slices.CompactFunc(edges, func(x, y edge) bool { return x.i == y.i && x.j == y.j })
		threshold := []float64{0.2, 0.4, 0.5}[rng.IntN(3)]
		want, err := clusterReference(context.Background(), n, edges, threshold)
		if err != nil {
			t.Fatal(err)
		}
		got, err := cluster(context.Background(), n, edges, threshold)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d (%d nodes, %d edges): clusters differ from the reference", seed, n, len(edges))
		}
	}
}

// clusterReference is cluster as it was before its queue and maps were
// made cheaper (session 10), kept to check that the result is the same: the two clusters whose mean probability over the scored pairs
// between them is highest merge, until no mean reaches threshold. Pairs
// the blocking never scored are left out of the mean rather than counted
// as 0, so that an event told by many documents, whose mentions each meet
// only a window of the others, can still form one cluster. It returns a
// cluster number per node.
func clusterReference(ctx context.Context, n int, edges []edge, threshold float64) ([]int, error) {
	size := make([]int, n)
	parent := make([]int, n)
	links := make([]map[int]refLink, n) // cluster → neighbour cluster → scored pairs between them
	conflicts := make([]map[int]int, n) // cluster → cluster → conflicting pairs between them
	for i := range size {
		size[i] = 1
		parent[i] = i
	}
	h := &refHeap{}
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
			links[e.i] = map[int]refLink{}
		}
		if links[e.j] == nil {
			links[e.j] = map[int]refLink{}
		}
		links[e.i][e.j] = links[e.i][e.j].add(refLink{e.p, 1})
		links[e.j][e.i] = links[e.j][e.i].add(refLink{e.p, 1})
	}
	mean := func(a, b int) float64 {
		l := links[a][b]
		return l.sum / float64(l.n)
	}
	for a := range links {
		for b := range links[a] {
			if avg := mean(a, b); a < b && avg >= threshold {
				heap.Push(h, refCandidate{avg, a, b})
			}
		}
	}
	for step := 0; h.Len() > 0; step++ {
		if step%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := heap.Pop(h).(refCandidate)
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
				heap.Push(h, refCandidate{avg, x, y})
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

type refLink struct {
	sum float64
	n   int
}

func (l refLink) add(o refLink) refLink { return refLink{l.sum + o.sum, l.n + o.n} }

type refCandidate struct {
	avg  float64
	a, b int
}

type refHeap []refCandidate

func (h refHeap) Len() int { return len(h) }
func (h refHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h refHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *refHeap) Push(x any)   { *h = append(*h, x.(refCandidate)) }
func (h *refHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// linkTable holds what a map would after any sequence of puts and
// removes, including removes that move entries back over a wrapped probe.
func TestLinkTableMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	var tab linkTable
	want := map[int32]link{}
	keys := make([]int32, 300)
	for i := range keys {
		keys[i] = rng.Int32N(1 << 20)
	}
	for step := range 200_000 {
		k := keys[rng.IntN(min(len(keys), 32+step/1000))]
		if rng.IntN(3) == 0 {
			tab.remove(k)
			delete(want, k)
		} else {
			l := link{float64(step), step % 7}
			tab.put(k, l)
			want[k] = l
		}
		if tab.used != len(want) {
			t.Fatalf("step %d: %d entries, want %d", step, tab.used, len(want))
		}
	}
	for _, k := range keys {
		if got := tab.get(k); got != want[k] {
			t.Fatalf("key %d: %v, want %v", k, got, want[k])
		}
	}
}
