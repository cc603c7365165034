package timeline

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// TestSpanIndexMatchesScan checks that the index finds, in the same order,
// exactly the items a walk over all of them finds, for containment and
// overlap, with empty, nested and repeated ranges among them.
func TestSpanIndexMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 1))
	for trial := 0; trial < 200; trial++ {
		items := make([]model.Range, rng.IntN(60))
		for i := range items {
			start := rng.IntN(500)
			items[i] = model.Range{Start: start, End: start + rng.IntN(40)}
		}
		ix := newSpanIndex(len(items), func(i int) model.Range { return items[i] })
		for q := 0; q < 50; q++ {
			start := rng.IntN(520)
			r := model.Range{Start: start, End: start + rng.IntN(120)}
			var wantIn, wantOver, gotIn, gotOver []int
			for i, it := range items {
				if r.Contains(it) {
					wantIn = append(wantIn, i)
				}
				if r.Overlaps(it) {
					wantOver = append(wantOver, i)
				}
			}
			for _, i := range ix.near(r) {
				if r.Contains(items[i]) {
					gotIn = append(gotIn, i)
				}
				if r.Overlaps(items[i]) {
					gotOver = append(gotOver, i)
				}
			}
			if !slices.Equal(wantIn, gotIn) || !slices.Equal(wantOver, gotOver) {
				t.Fatalf("items %v, range %v: contained %v, want %v; overlapping %v, want %v", items, r, gotIn, wantIn, gotOver, wantOver)
			}
		}
	}
}
