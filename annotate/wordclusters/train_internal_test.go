package wordclusters

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The incremental loss updates of addWord and merge must agree with the
// loss computed from scratch.
func TestIncrementalLossMatchesFresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const V = 60
	counts := map[[2]int32]float64{}
	total := 0.0
	for n := 0; n < 3000; n++ {
		a, c := int32(rng.IntN(V)), int32(rng.IntN(V))
		if rng.IntN(3) == 0 {
			c = (a*7 + 3) % V // some structure
		}
		counts[[2]int32{a, c}]++
		total++
	}
	right := make([][]neighbour, V)
	left := make([][]neighbour, V)
	pl := make([]float64, V)
	pr := make([]float64, V)
	for k := int32(0); k < V; k++ {
		for j := int32(0); j < V; j++ {
			if n := counts[[2]int32{k, j}]; n > 0 {
				right[k] = append(right[k], neighbour{j, n / total})
				left[j] = append(left[j], neighbour{k, n / total})
				pl[k] += n / total
				pr[j] += n / total
			}
		}
	}
	for _, workers := range []int{1, 2} {
		b := newBrown(9, V, workers)
		check := func(when string) {
			for x, i := range b.activeList {
				for _, j := range b.activeList[x+1:] {
					got, want := b.L[i*b.S+j], b.freshLoss(i, j)
					if math.Abs(got-want) > 1e-9 {
						t.Fatalf("%s: L[%d][%d] = %g, fresh %g", when, i, j, got, want)
					}
				}
			}
		}
		for w := int32(0); w < V; w++ {
			b.addWord(w, right[w], left[w], pl[w], pr[w])
			check("after adding a word")
			if b.nActive == b.S {
				mergeAndCheckMI(t, b)
				check("after a merge")
			}
		}
		classOf := make([]int32, V)
		for w := range classOf {
			classOf[w] = b.node[b.wordSlot[w]]
		}
		for b.nActive > 1 {
			mergeAndCheckMI(t, b)
			check("after a final merge")
		}
		if n := len(b.paths(classOf)); n != b.S-1 {
			t.Fatalf("%d class paths, want %d", n, b.S-1)
		}
	}
}

// mergeAndCheckMI merges the best pair and checks that the mutual
// information fell by exactly its loss.
func mergeAndCheckMI(t *testing.T, b *brown) {
	t.Helper()
	mi := func() float64 {
		sum := 0.0
		for _, i := range b.activeList {
			for _, j := range b.activeList {
				sum += q(b.p2[i*b.S+j], math.Log(b.pl[i]), math.Log(b.pr[j]))
			}
		}
		return sum
	}
	before := mi()
	best := math.Inf(1)
	for x, i := range b.activeList {
		for _, j := range b.activeList[x+1:] {
			best = min(best, b.L[i*b.S+j])
		}
	}
	b.mergeBest()
	if after := mi(); math.Abs(before-after-best) > 1e-9 {
		t.Fatalf("MI fell by %g, loss said %g", before-after, best)
	}
	if best < -1e-12 {
		t.Fatalf("negative loss %g", best)
	}
}
