// Package coref scores a coreference clustering against a gold one with the
// standard metrics: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998),
// entity-based CEAF (CEAF-e, Luo 2005) and their unweighted average, the
// CoNLL F1 (Pradhan et al. 2012/2014).
//
// In: two clusterings, each a list of clusters of mention keys (any string
// that names a mention uniquely, e.g. "doc:start-end"). Out: recall,
// precision and F1 per metric. The functions are pure; a mention missing from
// one side is treated as a singleton there, as the reference scorer does
// when mentions are not identical.
package coref

import (
	"math"
	"sort"

	"github.com/parallaxnews/parallax/internal/disjoint"
)

// Score is one metric's recall, precision and F1, each in [0, 1].
type Score struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
}

func score(rNum, rDen, pNum, pDen float64) Score {
	var s Score
	if rDen > 0 {
		s.Recall = rNum / rDen
	}
	if pDen > 0 {
		s.Precision = pNum / pDen
	}
	if s.Recall+s.Precision > 0 {
		s.F1 = 2 * s.Recall * s.Precision / (s.Recall + s.Precision)
	}
	return s
}

// Report holds all three metrics and the CoNLL average of their F1.
type Report struct {
	MUC   Score   `json:"muc"`
	B3    Score   `json:"b3"`
	CEAFe Score   `json:"ceaf_e"`
	CoNLL float64 `json:"conll_f1"`
}

// Evaluate scores response against key with every metric.
func Evaluate(key, response [][]string) Report {
	r := Report{MUC: MUC(key, response), B3: BCubed(key, response), CEAFe: CEAFe(key, response)}
	r.CoNLL = (r.MUC.F1 + r.B3.F1 + r.CEAFe.F1) / 3
	return r
}

// ClustersOf groups mention keys by their label (a chain or entity ID) into
// clusters, in a fixed order: labels sorted, keys sorted within each.
func ClustersOf(labels map[string]string) [][]string {
	by := map[string][]string{}
	for k, l := range labels {
		by[l] = append(by[l], k)
	}
	names := make([]string, 0, len(by))
	for l := range by {
		names = append(names, l)
	}
	sort.Strings(names)
	out := make([][]string, 0, len(by))
	for _, l := range names {
		c := by[l]
		sort.Strings(c)
		out = append(out, c)
	}
	return out
}

// index maps each mention to the number of its cluster.
func index(clusters [][]string) map[string]int {
	m := make(map[string]int)
	for i, c := range clusters {
		for _, x := range c {
			m[x] = i
		}
	}
	return m
}

// mucSide computes Σ(|K|-|p(K)|) and Σ(|K|-1) for clusters ks partitioned by
// the clusters in other; mentions absent from other count as singletons.
func mucSide(ks [][]string, other map[string]int) (num, den float64) {
	for _, k := range ks {
		if len(k) == 0 {
			continue
		}
		parts := make(map[int]bool)
		missing := 0
		for _, x := range k {
			if j, ok := other[x]; ok {
				parts[j] = true
			} else {
				missing++
			}
		}
		num += float64(len(k) - len(parts) - missing)
		den += float64(len(k) - 1)
	}
	return num, den
}

// MUC is the link-based metric: how many links must be added to the response
// to recover each key cluster. Singletons carry no links and do not count.
func MUC(key, response [][]string) Score {
	rn, rd := mucSide(key, index(response))
	pn, pd := mucSide(response, index(key))
	return score(rn, rd, pn, pd)
}

// b3Side computes Σ_K Σ_R |K∩R|²/|K| and Σ|K|.
func b3Side(ks [][]string, other map[string]int) (num, den float64) {
	for _, k := range ks {
		if len(k) == 0 {
			continue
		}
		overlap := make(map[int]int)
		for _, x := range k {
			if j, ok := other[x]; ok {
				overlap[j]++
			}
		}
		var sq float64
		for _, n := range overlap {
			sq += float64(n * n)
		}
		num += sq / float64(len(k))
		den += float64(len(k))
	}
	return num, den
}

// BCubed is the mention-based metric: for each mention, the share of its key
// cluster found in its response cluster (recall) and vice versa (precision).
func BCubed(key, response [][]string) Score {
	rn, rd := b3Side(key, index(response))
	pn, pd := b3Side(response, index(key))
	return score(rn, rd, pn, pd)
}

// CEAFe aligns key and response clusters one to one so that the summed
// similarity φ4(K,R) = 2|K∩R|/(|K|+|R|) is largest, and divides that sum by
// the number of key clusters (recall) and response clusters (precision).
// The optimal alignment is found per connected component of the overlap
// graph, which keeps the assignment problems small.
func CEAFe(key, response [][]string) Score {
	var keys, resp [][]string
	for _, k := range key {
		if len(k) > 0 {
			keys = append(keys, k)
		}
	}
	for _, r := range response {
		if len(r) > 0 {
			resp = append(resp, r)
		}
	}
	rIdx := index(resp)
	// Union-find over key clusters (0..n-1) and response clusters (n..n+m-1).
	n, m := len(keys), len(resp)
	sets := disjoint.New(n + m)
	overlap := make([]map[int]int, n)
	for i, k := range keys {
		overlap[i] = make(map[int]int)
		for _, x := range k {
			if j, ok := rIdx[x]; ok {
				overlap[i][j]++
				sets.Join(n+j, i)
			}
		}
	}
	comps := make(map[int][2][]int)
	for i := 0; i < n+m; i++ {
		c := comps[sets.Find(i)]
		if i < n {
			c[0] = append(c[0], i)
		} else {
			c[1] = append(c[1], i-n)
		}
		comps[sets.Find(i)] = c
	}
	var total float64
	for _, c := range comps {
		ks, rs := c[0], c[1]
		if len(ks) == 0 || len(rs) == 0 {
			continue
		}
		w := make([][]float64, len(ks))
		for a, ki := range ks {
			w[a] = make([]float64, len(rs))
			for b, rj := range rs {
				if o := overlap[ki][rj]; o > 0 {
					w[a][b] = 2 * float64(o) / float64(len(keys[ki])+len(resp[rj]))
				}
			}
		}
		total += maxAssignment(w)
	}
	return score(total, float64(n), total, float64(m))
}

// maxAssignment returns the largest total weight of a one-to-one assignment
// of rows to columns (the Hungarian algorithm on costs -w, O(n³)).
func maxAssignment(w [][]float64) float64 {
	rows := len(w)
	if rows == 0 {
		return 0
	}
	cols := len(w[0])
	if rows > cols {
		t := make([][]float64, cols)
		for j := range t {
			t[j] = make([]float64, rows)
			for i := range w {
				t[j][i] = w[i][j]
			}
		}
		w, rows, cols = t, cols, rows
	}
	// Potentials-based Hungarian algorithm for rows <= cols, minimising cost.
	inf := math.Inf(1)
	u := make([]float64, rows+1)
	v := make([]float64, cols+1)
	p := make([]int, cols+1) // p[j]: row matched to column j (1-based), 0 = none
	way := make([]int, cols+1)
	for i := 1; i <= rows; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, cols+1)
		used := make([]bool, cols+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	var total float64
	for j := 1; j <= cols; j++ {
		if p[j] != 0 {
			total += w[p[j]-1][j-1]
		}
	}
	return total
}
