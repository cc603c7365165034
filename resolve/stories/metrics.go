package stories

import (
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/resolve/coref"
)

// Scores compares a clustering of documents with a gold one.
type Scores struct {
	B3 coref.Score `json:"b3"`
	// Pairwise scores pairs of documents put in one story.
	Pairwise coref.Score `json:"pairwise"`
	// Purity is the share of documents in the gold story most common in
	// their predicted story.
	Purity float64 `json:"purity"`
	// ARI is the adjusted Rand index (Hubert and Arabie 1985).
	ARI      float64 `json:"ari"`
	Docs     int     `json:"docs"`
	Gold     int     `json:"gold_stories"`
	Response int     `json:"stories"`
}

// Score compares response with key; both map a document to its cluster.
// Documents missing from response count as singletons.
func Score(key, response map[string]string) Scores {
	keyC, respC := clustersOf(key, nil), clustersOf(response, key)
	s := Scores{B3: coref.BCubed(keyC, respC), Docs: len(key), Gold: len(keyC), Response: len(respC)}

	// Contingency table: gold cluster × response cluster.
	table := map[[2]string]int{}
	goldN, respN := map[string]int{}, map[string]int{}
	for d, g := range key {
		r, ok := response[d]
		if !ok {
			r = "\x00" + d
		}
		table[[2]string{g, r}]++
		goldN[g]++
		respN[r]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var both, goldPairs, respPairs float64
	best := map[string]int{}
	for k, n := range table {
		both += pairs(n)
		best[k[1]] = max(best[k[1]], n)
	}
	for _, n := range goldN {
		goldPairs += pairs(n)
	}
	for _, n := range respN {
		respPairs += pairs(n)
	}
	p, r := ratio(both, respPairs), ratio(both, goldPairs)
	s.Pairwise = coref.Score{Precision: p, Recall: r, F1: metric.F1(p, r)}
	pure := 0
	for _, n := range best {
		pure += n
	}
	s.Purity = metric.Ratio(pure, len(key))
	all := pairs(len(key))
	if all > 0 {
		expected := goldPairs * respPairs / all
		maxIndex := (goldPairs + respPairs) / 2
		if maxIndex != expected {
			s.ARI = (both - expected) / (maxIndex - expected)
		}
	}
	return s
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// clustersOf groups documents by cluster; with only set, documents not
// in only are left out.
func clustersOf(m map[string]string, only map[string]string) [][]string {
	idx := map[string]int{}
	var out [][]string
	for d, c := range m {
		if only != nil {
			if _, ok := only[d]; !ok {
				continue
			}
		}
		i, ok := idx[c]
		if !ok {
			i = len(out)
			idx[c] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], d)
	}
	return out
}
