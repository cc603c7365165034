package wordclusters

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Options tunes Train. The zero value means the defaults.
type Options struct {
	// Clusters is the number of classes kept active while words are added
	// (the window of Liang 2005): more gives finer clusters and costs time
	// quadratically. Default 256.
	Clusters int
	// MinCount drops words seen fewer times. Default 3.
	MinCount int
	// Workers is the number of goroutines for the quadratic updates.
	// Default: GOMAXPROCS. The result does not depend on it.
	Workers int
	// Log receives progress lines; nil means silent.
	Log io.Writer
}

func (o *Options) defaults() {
	if o.Clusters == 0 {
		o.Clusters = 256
	}
	if o.MinCount == 0 {
		o.MinCount = 3
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
}

// Train clusters the words of sentences (by Key). Words are added in order
// of frequency, most frequent first (ties by key), each as a class of its
// own; whenever Clusters+1 classes are active, the two whose merge loses
// the least average mutual information between adjacent classes are
// merged. When every word is in, the remaining classes are merged down to
// one, which gives the tree. The result depends only on the input:
// training is deterministic.
func Train(ctx context.Context, sentences [][]string, opt Options) (*Clusters, error) {
	opt.defaults()
	start := time.Now()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	counts := map[string]int{}
	inner := map[string]int{}  // occurrences after the first word of a sentence
	capped := map[string]int{} // of those, written with a capital
	for _, s := range sentences {
		for i, w := range s {
			k := Key(w)
			counts[k]++
			if i > 0 && !isOpener(s[i-1]) {
				inner[k]++
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					capped[k]++
				}
			}
		}
	}
	var vocab []string
	for k, n := range counts {
		// The table is one word a line, tab-separated: a token with a tab
		// or line break in it (or none at all) cannot be stored.
		if n >= opt.MinCount && k != "" && !strings.ContainsAny(k, "\t\n\r") {
			vocab = append(vocab, k)
		}
	}
	if len(vocab) < 2 {
		return nil, fmt.Errorf("train clusters: %d words seen at least %d times; need 2", len(vocab), opt.MinCount)
	}
	sort.Slice(vocab, func(i, j int) bool {
		ci, cj := counts[vocab[i]], counts[vocab[j]]
		if ci != cj {
			return ci > cj
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int32, len(vocab))
	for i, k := range vocab {
		id[k] = int32(i)
	}
	// Bigrams of adjacent in-vocabulary words.
	bigrams := map[[2]int32]int{}
	total := 0
	for _, s := range sentences {
		prev := int32(-1)
		for _, w := range s {
			cur, ok := id[Key(w)]
			if !ok {
				cur = -1
			}
			if prev >= 0 && cur >= 0 {
				bigrams[[2]int32{prev, cur}]++
				total++
			}
			prev = cur
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("train clusters: no bigrams")
	}
	V := len(vocab)
	right := make([][]neighbour, V)
	left := make([][]neighbour, V)
	pl := make([]float64, V)
	pr := make([]float64, V)
	N := float64(total)
	for b, n := range bigrams {
		p := float64(n) / N
		right[b[0]] = append(right[b[0]], neighbour{b[1], p})
		left[b[1]] = append(left[b[1]], neighbour{b[0], p})
	}
	for w := range right {
		sort.Slice(right[w], func(i, j int) bool { return right[w][i].word < right[w][j].word })
		sort.Slice(left[w], func(i, j int) bool { return left[w][i].word < left[w][j].word })
		// Sums in a fixed order keep the result independent of map order.
		for _, nb := range right[w] {
			pl[w] += nb.p
		}
		for _, nb := range left[w] {
			pr[w] += nb.p
		}
	}
	logf("clusters: %d words (≥ %d occurrences) of %d, %d bigrams (%s)", V, opt.MinCount, len(counts), total, time.Since(start).Round(time.Millisecond))

	b := newBrown(opt.Clusters+1, V, opt.Workers)
	for w := 0; w < V; w++ {
		if w%500 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if w > 0 && w%2000 == 0 {
				logf("clusters: %d/%d words added (%s)", w, V, time.Since(start).Round(time.Millisecond))
			}
		}
		b.addWord(int32(w), right[w], left[w], pl[w], pr[w])
		if b.nActive == b.S {
			b.mergeBest()
		}
	}
	// The classes now active are the clusters; merging them down to one
	// builds the tree their paths are read from.
	classOf := make([]int32, V)
	for w := range classOf {
		classOf[w] = b.node[b.wordSlot[w]]
	}
	for b.nActive > 1 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b.mergeBest()
	}
	logf("clusters: tree built (%s)", time.Since(start).Round(time.Millisecond))
	c := &Clusters{path: make(map[string]string, V), count: make(map[string]int, V), capShare: make(map[string]int8, V)}
	paths := b.paths(classOf)
	for w, k := range vocab {
		c.path[k] = paths[classOf[w]]
		c.count[k] = counts[k]
		c.capShare[k] = -1
		if n := inner[k]; n >= minCapEvidence {
			c.capShare[k] = int8((100*capped[k] + n/2) / n)
		}
	}
	return c, nil
}

// minCapEvidence is how many mid-sentence occurrences a word needs for its
// capitalised share to be recorded.
const minCapEvidence = 3

// isOpener reports whether a token makes the next one sentence-initial in
// effect (a quote, colon, bracket or dash), so its capital says nothing.
func isOpener(w string) bool {
	switch w {
	case "\"", "“", "«", "'", "‘", ":", "(", "[", "—", "–", "-", "--", "``", ".", "!", "?":
		return true
	}
	return false
}

type neighbour struct {
	word int32
	p    float64
}

// brown is the state of the merge: S slots of active classes, dense
// matrices of adjacent-class probabilities p2[s][t] (s followed by t), their
// mutual-information terms q2, and the loss L[s][t] (s < t) of merging s
// and t.
type brown struct {
	S          int
	p2, q2, L  []float64
	pl, pr     []float64 // class marginals (left and right)
	lpl, lpr   []float64 // their logarithms
	rowcol     []float64 // Σ_k q2[s][k] + q2[k][s]
	active     []bool
	nActive    int
	node       []int32 // tree node of each slot
	wordSlot   []int32 // slot of each word added so far
	members    [][]int32
	children   [][2]int32 // children of internal node V+i
	V          int
	workers    int
	activeList []int
}

func newBrown(S, V, workers int) *brown {
	b := &brown{
		S: S, V: V, workers: workers,
		p2: make([]float64, S*S), q2: make([]float64, S*S), L: make([]float64, S*S),
		pl: make([]float64, S), pr: make([]float64, S), lpl: make([]float64, S), lpr: make([]float64, S),
		rowcol: make([]float64, S), active: make([]bool, S), node: make([]int32, S),
		wordSlot: make([]int32, V), members: make([][]int32, S),
	}
	for i := range b.wordSlot {
		b.wordSlot[i] = -1
	}
	return b
}

// q is one term of the mutual information: p·log(p / (l·r)), with the
// logarithms of the marginals given.
func q(p, logL, logR float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * (math.Log(p) - logL - logR)
}

func (b *brown) refreshActive() {
	b.activeList = b.activeList[:0]
	for s, a := range b.active {
		if a {
			b.activeList = append(b.activeList, s)
		}
	}
}

// parallel runs f over the active slots split among the workers; f must
// only write state owned by its slot index.
func (b *brown) parallel(f func(i int)) {
	list := b.activeList
	if b.workers <= 1 || len(list) < 64 {
		for _, i := range list {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < b.workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Interleaved, so the triangular loops share the work evenly.
			for k := w; k < len(list); k += b.workers {
				f(list[k])
			}
		}(w)
	}
	wg.Wait()
}

func (b *brown) freeSlot() int {
	for s, a := range b.active {
		if !a {
			return s
		}
	}
	panic("wordclusters: no free slot") // callers merge before the slots run out
}

// setQ recomputes q2 along row and column s.
func (b *brown) setQ(s int) {
	S := b.S
	for _, k := range b.activeList {
		b.q2[s*S+k] = q(b.p2[s*S+k], b.lpl[s], b.lpr[k])
		b.q2[k*S+s] = q(b.p2[k*S+s], b.lpl[k], b.lpr[s])
	}
}

func (b *brown) computeRowcol() {
	S := b.S
	for _, s := range b.activeList {
		sum := 0.0
		for _, k := range b.activeList {
			sum += b.q2[s*S+k] + b.q2[k*S+s]
		}
		b.rowcol[s] = sum
	}
}

// freshLoss computes the loss of merging i and j from scratch.
func (b *brown) freshLoss(i, j int) float64 {
	S := b.S
	T := b.rowcol[i] + b.rowcol[j] - b.q2[i*S+i] - b.q2[j*S+j] - b.q2[i*S+j] - b.q2[j*S+i]
	lm := math.Log(b.pl[i] + b.pl[j])
	rm := math.Log(b.pr[i] + b.pr[j])
	after := q(b.p2[i*S+i]+b.p2[i*S+j]+b.p2[j*S+i]+b.p2[j*S+j], lm, rm)
	for _, k := range b.activeList {
		if k == i || k == j {
			continue
		}
		after += q(b.p2[i*S+k]+b.p2[j*S+k], lm, b.lpr[k]) + q(b.p2[k*S+i]+b.p2[k*S+j], b.lpl[k], rm)
	}
	return T - after
}

func (b *brown) setLoss(i, j int, v float64) {
	if i > j {
		i, j = j, i
	}
	b.L[i*b.S+j] = v
}

// addWord makes word w a class of its own.
func (b *brown) addWord(w int32, right, left []neighbour, pl, pr float64) {
	S := b.S
	s := b.freeSlot()
	b.wordSlot[w] = int32(s)
	b.members[s] = append(b.members[s][:0], w)
	b.node[s] = w
	for _, nb := range right {
		if t := b.wordSlot[nb.word]; t >= 0 {
			b.p2[s*S+int(t)] += nb.p
		}
	}
	for _, nb := range left {
		if t := b.wordSlot[nb.word]; t >= 0 && nb.word != w {
			b.p2[int(t)*S+s] += nb.p
		}
	}
	b.pl[s], b.pr[s] = pl, pr
	b.lpl[s], b.lpr[s] = math.Log(pl), math.Log(pr)
	// A word seen only at a sentence's end has no right neighbour: give
	// its marginals a floor so logarithms stay finite.
	if pl <= 0 {
		b.lpl[s] = math.Log(1e-300)
	}
	if pr <= 0 {
		b.lpr[s] = math.Log(1e-300)
	}
	b.active[s] = true
	b.nActive++
	b.refreshActive()
	b.setQ(s)
	// Every existing pair (i, j) now also loses the terms it shares with s.
	b.parallel(func(i int) {
		if i == s {
			return
		}
		for _, j := range b.activeList {
			if j <= i || j == s {
				continue
			}
			lm := math.Log(b.pl[i] + b.pl[j])
			rm := math.Log(b.pr[i] + b.pr[j])
			d := b.q2[i*S+s] + b.q2[s*S+i] + b.q2[j*S+s] + b.q2[s*S+j] -
				q(b.p2[i*S+s]+b.p2[j*S+s], lm, b.lpr[s]) - q(b.p2[s*S+i]+b.p2[s*S+j], b.lpl[s], rm)
			b.L[i*S+j] += d
		}
	})
	b.computeRowcol()
	b.parallel(func(k int) {
		if k != s {
			b.setLoss(s, k, b.freshLoss(s, k))
		}
	})
}

// mergeBest merges the pair of active classes with the smallest loss.
func (b *brown) mergeBest() {
	S := b.S
	bi, bj := -1, -1
	best := math.Inf(1)
	for x, i := range b.activeList {
		for _, j := range b.activeList[x+1:] {
			if v := b.L[i*S+j]; v < best {
				best, bi, bj = v, i, j
			}
		}
	}
	b.merge(bi, bj)
}

// merge folds class c into class a (a < c).
func (b *brown) merge(a, c int) {
	S := b.S
	lab := math.Log(b.pl[a] + b.pl[c])
	rab := math.Log(b.pr[a] + b.pr[c])
	// Update the loss of every pair (i, j) that involves neither a nor c:
	// the terms it shares with a and c are replaced by those with a∪c.
	b.parallel(func(i int) {
		if i == a || i == c {
			return
		}
		newI := q(b.p2[i*S+a]+b.p2[i*S+c], b.lpl[i], rab) + q(b.p2[a*S+i]+b.p2[c*S+i], lab, b.lpr[i])
		oldI := b.q2[i*S+a] + b.q2[a*S+i] + b.q2[i*S+c] + b.q2[c*S+i]
		for _, j := range b.activeList {
			if j <= i || j == a || j == c {
				continue
			}
			newJ := q(b.p2[j*S+a]+b.p2[j*S+c], b.lpl[j], rab) + q(b.p2[a*S+j]+b.p2[c*S+j], lab, b.lpr[j])
			oldJ := b.q2[j*S+a] + b.q2[a*S+j] + b.q2[j*S+c] + b.q2[c*S+j]
			lm := math.Log(b.pl[i] + b.pl[j])
			rm := math.Log(b.pr[i] + b.pr[j])
			pma, pam := b.p2[i*S+a]+b.p2[j*S+a], b.p2[a*S+i]+b.p2[a*S+j]
			pmc, pcm := b.p2[i*S+c]+b.p2[j*S+c], b.p2[c*S+i]+b.p2[c*S+j]
			oldM := q(pma, lm, b.lpr[a]) + q(pam, b.lpl[a], rm) + q(pmc, lm, b.lpr[c]) + q(pcm, b.lpl[c], rm)
			newM := q(pma+pmc, lm, rab) + q(pam+pcm, lab, rm)
			b.L[i*S+j] += (newI + newJ - oldI - oldJ) - (newM - oldM)
		}
	})
	// Fold row and column c into a.
	for _, k := range b.activeList {
		b.p2[a*S+k] += b.p2[c*S+k]
	}
	for _, k := range b.activeList {
		if k != c {
			b.p2[k*S+a] += b.p2[k*S+c]
		}
	}
	for _, k := range b.activeList {
		b.p2[c*S+k], b.p2[k*S+c] = 0, 0
		b.q2[c*S+k], b.q2[k*S+c] = 0, 0
		b.L[c*S+k], b.L[k*S+c] = 0, 0
	}
	b.pl[a] += b.pl[c]
	b.pr[a] += b.pr[c]
	b.lpl[a], b.lpr[a] = lab, rab
	b.active[c] = false
	b.nActive--
	b.refreshActive()
	b.setQ(a)
	b.computeRowcol()
	b.parallel(func(k int) {
		if k != a {
			b.setLoss(a, k, b.freshLoss(a, k))
		}
	})
	// The tree and the word → slot map.
	n := int32(b.V + len(b.children))
	b.children = append(b.children, [2]int32{b.node[a], b.node[c]})
	b.node[a] = n
	for _, w := range b.members[c] {
		b.wordSlot[w] = int32(a)
	}
	b.members[a] = append(b.members[a], b.members[c]...)
	b.members[c] = nil
}

// paths returns the path from the root to each class node (a node in
// classOf): "0" for the first child, "1" for the second. The result is
// indexed by node.
func (b *brown) paths(classOf []int32) map[int32]string {
	isClass := map[int32]bool{}
	for _, n := range classOf {
		isClass[n] = true
	}
	out := map[int32]string{}
	root := int32(b.V + len(b.children) - 1)
	if len(b.children) == 0 {
		root = 0
	}
	type item struct {
		node int32
		path string
	}
	stack := []item{{root, ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if isClass[it.node] {
			out[it.node] = it.path
			continue
		}
		ch := b.children[int(it.node)-b.V]
		stack = append(stack, item{ch[1], it.path + "1"}, item{ch[0], it.path + "0"})
	}
	return out
}
