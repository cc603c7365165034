package stories

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/parallaxnews/parallax/internal/measure"
)

// synthetic makes n document profiles spread over n/10 stories: each
// story has its own rare words, names, places and days, drawn on top of a
// shared vocabulary of common words with a Zipf distribution, the shape
// of news text.
func synthetic(n int, seed uint64) []*Profile {
	r := rand.New(rand.NewPCG(seed, seed+1))
	zipf := rand.NewZipf(r, 1.1, 1, 50000)
	stories := max(1, n/10)
	out := make([]*Profile, n)
	for i := range out {
		s := r.IntN(stories)
		p := NewProfile()
		p.Docs = 1
		for k := 0; k < 150; k++ {
			p.Features[Terms][fmt.Sprintf("w%d", zipf.Uint64())] = 1 + r.Float64()
		}
		for k := 0; k < 12; k++ {
			p.Features[Terms][fmt.Sprintf("s%d-%d", s, r.IntN(20))] = 1 + r.Float64()
		}
		for k := 0; k < 30; k++ {
			p.Features[Lead][fmt.Sprintf("w%d", zipf.Uint64())] = 1
		}
		for k := 0; k < 4; k++ {
			p.Features[Names][fmt.Sprintf("n%d-%d", s, r.IntN(6))] = 1
			p.Features[Names][fmt.Sprintf("n%d", r.IntN(5000))] = 1
		}
		p.Features[Places][fmt.Sprintf("p%d", s%3000)] = 1
		p.Features[Dates][fmt.Sprintf("2025-%02d-%02d", 1+s%12, 1+s%28)] = 1
		p.Years[2025] = 1
		out[i] = p
	}
	return out
}

// BenchmarkAssign streams synthetic documents into stories (each placed,
// then its story clustered again while it is small) and reports
// documents per CPU second (the machine is shared); the time per document
// should grow slowly with the store, thanks to blocking. Sizes:
// -args -sizes is not offered; edit benchSizes for a longer run.
func BenchmarkAssign(b *testing.B) {
	for _, n := range benchSizes {
		docs := synthetic(n, 1)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				c := New(DefaultOptions(), nil)
				byID := map[string]*Profile{}
				source := func(ids []string) (map[string]*Profile, error) {
					out := make(map[string]*Profile, len(ids))
					for _, id := range ids {
						out[id] = byID[id]
					}
					return out, nil
				}
				start := measure.CPUTime()
				for i, p := range docs {
					id := fmt.Sprint(i)
					byID[id] = p
					story, _ := c.Assign(id, p)
					if _, err := c.Revisit(story, source); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n)/(measure.CPUTime()-start).Seconds(), "docs/cpu-s")
				b.ReportMetric(float64(len(c.Stories())), "stories")
			}
		})
	}
}

// benchSizes are the store sizes benchmarked.
var benchSizes = []int{1000, 10000}
