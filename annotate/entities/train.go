package entities

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// TrainOptions tunes training. The zero value means the defaults.
type TrainOptions struct {
	// Seed fixes the order sentences are visited in and the gazetteer
	// dropout, so a run is reproducible. Default 1.
	Seed int64
	// Epochs is the number of passes over the data. Default 12.
	Epochs int
	// MinFeatureCount drops features seen fewer times in training. Default 2.
	MinFeatureCount int
	// GazetteerDropout is the share of tokens whose gazetteer features are
	// hidden in each pass, so the tagger also learns names from context.
	// Default 0.3; negative means none.
	GazetteerDropout float64
	// MinWeight drops averaged weights of smaller magnitude from the saved
	// model, to keep it small. Default 0.02.
	MinWeight float64
	// Corpora names the corpora to train on (see Corpora); nil means
	// DefaultCorpora.
	Corpora []string
	// LowerCaseCopies is the share of training documents that are added a
	// second time in lower case, so the tagger also learns names written
	// without capitals (web text: "flights to philadelphia"). Default 0.3;
	// negative means none.
	LowerCaseCopies float64
	// Ensemble is the number of models trained with seeds Seed, Seed+1, …
	// whose weights are averaged into the one saved. Default 3.
	Ensemble int
	// Clusters are the word clusters the features read; nil means the
	// embedded table (wordclusters.Load). A tagger must be used with the
	// table it was trained with (NewWithClusters).
	Clusters *wordclusters.Clusters
	// Log receives progress lines; nil means silent.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.MinFeatureCount == 0 {
		o.MinFeatureCount = 2
	}
	if o.GazetteerDropout == 0 {
		o.GazetteerDropout = 0.3
	}
	if o.MinWeight == 0 {
		o.MinWeight = 0.02
	}
	if o.Ensemble <= 0 {
		o.Ensemble = 3
	}
	if o.LowerCaseCopies == 0 {
		o.LowerCaseCopies = 0.3
	}
}

// Corpora are the training corpora TrainingData knows: UNER EWT train and
// dev, GUM (minus its dev and test documents), wikigold and re3d.
var Corpora = []string{"uner", "uner-dev", "gum", "wikigold", "re3d"}

// DefaultCorpora are the corpora the shipped model is trained on. re3d is
// left out: it also marks nominal mentions ("the country"), which cost F1
// on UNER EWT test.
var DefaultCorpora = []string{"uner", "uner-dev", "gum", "wikigold"}

// TrainingData reads the English corpora named in which (nil means
// DefaultCorpora). Demonyms outside gold spans are labelled as groups.
func TrainingData(shared string, g *gazetteer.Gazetteer, which []string) ([]CorpusDoc, error) {
	if len(which) == 0 {
		which = DefaultCorpora
	}
	var all []CorpusDoc
	for _, c := range which {
		var docs []CorpusDoc
		var err error
		switch c {
		case "uner":
			docs, err = ReadUNER(shared, "train", g)
		case "uner-dev":
			docs, err = ReadUNER(shared, "dev", g)
		case "gum":
			docs, err = ReadGUM(shared, GUMTrain)
		case "wikigold":
			docs, err = ReadWikigold(shared, g)
		case "re3d":
			docs, err = ReadRe3d(shared)
		default:
			return nil, fmt.Errorf("unknown corpus %q (known: %v)", c, Corpora)
		}
		if err != nil {
			return nil, err
		}
		all = append(all, docs...)
	}
	AddDemonymGroups(all, g)
	return all, nil
}

// TrainFromShared trains the tagger on the corpora under shared and writes
// the model to w.
func TrainFromShared(ctx context.Context, shared string, w io.Writer, opt TrainOptions) error {
	g, err := gazetteer.Load()
	if err != nil {
		return err
	}
	docs, err := TrainingData(shared, g, opt.Corpora)
	if err != nil {
		return err
	}
	return Train(ctx, docs, g, w, opt)
}

// trainExample is one sentence prepared for training.
type trainExample struct {
	infos []tokenInfo
	gold  []int
	// feats[i] and gaz[i] are row indices (or -1) of token i's static and
	// gazetteer features.
	feats [][]int32
	gaz   [][]int32
}

// Train fits a structured averaged perceptron (Collins 2002) on docs:
// Viterbi-decode each sentence with the current weights and, where the
// result differs from the gold BILOU tags, reward the gold features and
// penalise the predicted ones. opt.Ensemble such models are trained with
// consecutive seeds, in parallel, and their averaged weights are averaged
// again; a share of the documents is also added in lower case
// (opt.LowerCaseCopies). It writes the averaged, quantised model to w.
func Train(ctx context.Context, docs []CorpusDoc, g *gazetteer.Gazetteer, w io.Writer, opt TrainOptions) error {
	opt.defaults()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	if opt.Clusters == nil {
		cl, err := wordclusters.Load()
		if err != nil {
			return err
		}
		opt.Clusters = cl
	}
	start := time.Now()
	lexicon := commonWords(docs)
	docs = addLowerCaseCopies(docs, opt.LowerCaseCopies, opt.Seed)
	lexSet := make(map[string]bool, len(lexicon))
	for _, w := range lexicon {
		lexSet[w] = true
	}
	cache := &wordCache{}
	// Pass 1: count static features.
	counts := map[uint64]int32{}
	var buf, gbuf []uint64
	type prepared struct {
		infos []tokenInfo
		gold  []int
	}
	var sents []prepared
	tokens := 0
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		infos := analyse(words, g, lexSet, cache, opt.Clusters)
		for i, s := range d.Sentences {
			if len(s.Words) == 0 {
				continue
			}
			sents = append(sents, prepared{infos[i], spansToTags(len(s.Words), s.Spans)})
			tokens += len(s.Words)
			for k := range s.Words {
				buf, gbuf = staticFeatures(infos[i], k, buf[:0], gbuf[:0])
				for _, f := range buf {
					counts[f]++
				}
				for _, f := range gbuf {
					counts[f]++
				}
			}
		}
	}
	if len(sents) == 0 {
		return fmt.Errorf("train: no sentences")
	}
	// Rows for features seen often enough.
	rowOf := map[uint64]int32{}
	var hashes []uint64
	for f, c := range counts {
		if c >= int32(opt.MinFeatureCount) {
			rowOf[f] = int32(len(hashes))
			hashes = append(hashes, f)
		}
	}
	counts = nil
	lookup := func(fs []uint64) []int32 {
		out := make([]int32, 0, len(fs))
		for _, f := range fs {
			if r, ok := rowOf[f]; ok {
				out = append(out, r)
			}
		}
		return out
	}
	examples := make([]trainExample, len(sents))
	for si, s := range sents {
		ex := trainExample{infos: s.infos, gold: s.gold, feats: make([][]int32, len(s.gold)), gaz: make([][]int32, len(s.gold))}
		for k := range s.gold {
			buf, gbuf = staticFeatures(s.infos, k, buf[:0], gbuf[:0])
			ex.feats[k] = lookup(buf)
			ex.gaz[k] = lookup(gbuf)
		}
		examples[si] = ex
	}
	sents = nil
	logf("train: %d sentences, %d tokens, %d static features kept (%s)", len(examples), tokens, len(hashes), time.Since(start).Round(time.Millisecond))

	// Each member of the ensemble is trained with its own seed; their
	// averaged weights are averaged again. The tagger's scores are linear
	// in the weights, so this is the ensemble of the members' scores, at
	// the size of one model.
	members := make([]map[uint64][]float64, opt.Ensemble)
	errs := make([]error, opt.Ensemble)
	var wg sync.WaitGroup
	for m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run := opt
			run.Seed = opt.Seed + int64(m)
			members[m], errs[m] = trainMember(ctx, examples, hashes, rowOf, tokens, run, func(format string, a ...any) {
				logf("[seed %d] "+format, append([]any{run.Seed}, a...)...)
			}, start)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	rows := members[0]
	if len(members) > 1 {
		rows = averageRows(members)
	}
	n, err := writeModel(w, rows, opt.MinWeight, lexicon)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	logf("train: wrote %d feature rows (%s)", n, time.Since(start).Round(time.Millisecond))
	return nil
}

// trainMember runs the perceptron epochs with opt.Seed over examples whose
// static features have rows rowOf (hashes[row] is each row's feature) and
// returns the averaged weights by feature: static features one weight per
// tag, history features regrouped by base hash.
func trainMember(ctx context.Context, examples []trainExample, staticHashes []uint64, staticRows map[uint64]int32, tokens int, opt TrainOptions, logf func(string, ...any), start time.Time) (map[uint64][]float64, error) {
	hashes := append([]uint64(nil), staticHashes...)
	rowOf := make(map[uint64]int32, len(staticRows))
	for f, r := range staticRows {
		rowOf[f] = r
	}
	p := newPerceptron(len(hashes))
	// Dynamic (tag history) features get rows as they appear.
	pendingOrigin := map[uint64]dynKey{}
	dynOrigin := map[uint64]dynKey{} // history feature → its base hash and previous tag
	dynRow := func(f uint64) int32 {
		if r, ok := rowOf[f]; ok {
			return r
		}
		dynOrigin[f] = pendingOrigin[f]
		r := p.addRow()
		rowOf[f] = r
		hashes = append(hashes, f)
		return r
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x9e3779b97f4a7c15))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	var dyn []uint64
	var rowsBuf []int32
	// dynRows returns the rows of the history features of token k after
	// tag prev; create adds rows for features not seen yet (only on update).
	dynRows := func(ex *trainExample, k, prev int, create bool) []int32 {
		b := dynamicBase(ex.infos, k)
		dyn = appendDynamic(dyn[:0], b, prev)
		if create {
			for j, f := range dyn {
				pendingOrigin[f] = dynKey{[3]uint64{fPrevTag, b[0], b[1]}[j], prev}
			}
		}
		rowsBuf = rowsBuf[:0]
		for _, f := range dyn {
			if r, ok := rowOf[f]; ok {
				rowsBuf = append(rowsBuf, r)
			} else if create {
				rowsBuf = append(rowsBuf, dynRow(f))
			}
		}
		return rowsBuf
	}
	var static [][nTags]float64
	var useGaz []bool
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			ex := &examples[oi]
			n := len(ex.gold)
			p.tick()
			static = static[:0]
			useGaz = useGaz[:0]
			for k := 0; k < n; k++ {
				var sc [nTags]float64
				p.score(ex.feats[k], &sc)
				use := opt.GazetteerDropout < 0 || rng.Float64() >= opt.GazetteerDropout
				if use {
					p.score(ex.gaz[k], &sc)
				}
				static = append(static, sc)
				useGaz = append(useGaz, use)
			}
			var m [nTags + 1][nTags]float64
			pred := viterbi(n, func(k int) *[nTags]float64 { return &static[k] },
				func(k int) *[nTags + 1][nTags]float64 {
					m = [nTags + 1][nTags]float64{}
					for prev := 0; prev <= nTags; prev++ {
						if (k == 0) == (prev == tagStart) {
							p.score(dynRows(ex, k, prev, false), &m[prev])
						}
					}
					return &m
				})
			for k := 0; k < n; k++ {
				gPrev, pPrev := tagStart, tagStart
				if k > 0 {
					gPrev, pPrev = ex.gold[k-1], pred[k-1]
				}
				if pred[k] == ex.gold[k] && gPrev == pPrev {
					continue
				}
				if pred[k] != ex.gold[k] {
					errs++
				}
				for _, side := range [2]struct {
					tag, prev int
					delta     float64
				}{{ex.gold[k], gPrev, 1}, {pred[k], pPrev, -1}} {
					p.add(ex.feats[k], side.tag, side.delta)
					if useGaz[k] {
						p.add(ex.gaz[k], side.tag, side.delta)
					}
					p.add(dynRows(ex, k, side.prev, true), side.tag, side.delta)
				}
			}
		}
		logf("train: epoch %d/%d: %.2f%% token errors (%s)", epoch, opt.Epochs, 100*float64(errs)/float64(tokens), time.Since(start).Round(time.Millisecond))
	}
	// Static features keep one weight per tag; history features are
	// regrouped by base hash into one row of weights per (previous tag,
	// tag), so tagging looks each up once per token.
	rows := make(map[uint64][]float64, len(hashes))
	for r, h := range hashes {
		avg := p.averaged(int32(r))
		o, isDyn := dynOrigin[h]
		if !isDyn {
			rows[h] = avg
			continue
		}
		wide := rows[o.base]
		if wide == nil {
			wide = make([]float64, (nTags+1)*nTags)
			rows[o.base] = wide
		}
		copy(wide[o.prev*nTags:], avg)
	}
	return rows, nil
}

// averageRows averages the weight rows of several models; a feature
// missing from a model counts as zero there.
func averageRows(models []map[uint64][]float64) map[uint64][]float64 {
	out := map[uint64][]float64{}
	for _, m := range models {
		for h, r := range m {
			sum := out[h]
			if sum == nil {
				sum = make([]float64, len(r))
				out[h] = sum
			}
			if len(r) > len(sum) {
				sum = append(sum, make([]float64, len(r)-len(sum))...)
				out[h] = sum
			}
			for i, v := range r {
				sum[i] += v
			}
		}
	}
	k := float64(len(models))
	for _, r := range out {
		for i := range r {
			r[i] /= k
		}
	}
	return out
}

// addLowerCaseCopies returns docs plus lower-cased copies of a share of
// them, chosen by a generator seeded with seed.
func addLowerCaseCopies(docs []CorpusDoc, share float64, seed int64) []CorpusDoc {
	if share <= 0 {
		return docs
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x51ed2701))
	out := append([]CorpusDoc(nil), docs...)
	for _, d := range docs {
		if rng.Float64() >= share {
			continue
		}
		c := CorpusDoc{ID: d.ID + "#lower", Sentences: make([]Sentence, len(d.Sentences))}
		for i, s := range d.Sentences {
			words := make([]string, len(s.Words))
			for k, w := range s.Words {
				words[k] = strings.ToLower(w)
			}
			c.Sentences[i] = Sentence{Words: words, Spans: s.Spans}
		}
		out = append(out, c)
	}
	return out
}

// commonWords lists, sorted, the words the training text writes in lower
// case at least three times and at least three times as often as
// capitalised in mid-sentence.
func commonWords(docs []CorpusDoc) []string {
	lower := map[string]int{}
	capped := map[string]int{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i, w := range s.Words {
				r, _ := utf8.DecodeRuneInString(w)
				switch {
				case unicode.IsLower(r):
					lower[w]++
				case unicode.IsUpper(r) && i > 0:
					capped[strings.ToLower(w)]++
				}
			}
		}
	}
	var out []string
	for w, n := range lower {
		if n >= 3 && n >= 3*capped[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// viterbi returns the best BILOU-valid tag sequence for n tokens. static
// returns token k's scores that do not depend on the previous tag; trans
// returns m[prev][tag], the scores of token k's tags after each previous
// tag. Viterbi only reads what they return.
func viterbi[F float32 | float64](n int, static func(k int) *[nTags]F, trans func(k int) *[nTags + 1][nTags]F) []int {
	if n == 0 {
		return nil
	}
	delta := make([][nTags]F, n)
	back := make([][nTags]int8, n)
	valid := make([][nTags]bool, n)
	for k := 0; k < n; k++ {
		next := &nextMid
		if k == n-1 {
			next = &nextLast
		}
		st := static(k)
		m := trans(k)
		for p := 0; p <= nTags; p++ {
			var base F
			switch {
			case k == 0 && p != tagStart, k > 0 && (p == tagStart || !valid[k-1][p]):
				continue
			case k > 0:
				base = delta[k-1][p]
			}
			for _, t := range next[p] {
				v := base + st[t] + m[p][t]
				if !valid[k][t] || v > delta[k][t] {
					delta[k][t] = v
					back[k][t] = int8(p)
					valid[k][t] = true
				}
			}
		}
	}
	best := -1
	for t := 0; t < nTags; t++ {
		if valid[n-1][t] && (best < 0 || delta[n-1][t] > delta[n-1][best]) {
			best = t
		}
	}
	tags := make([]int, n)
	for k := n - 1; k >= 0; k-- {
		tags[k] = best
		best = int(back[k][best])
	}
	return tags
}

// nextMid and nextLast list the tags allowed after each previous tag, for
// inner and final tokens.
var nextMid, nextLast = func() (mid, last [nTags + 1][]int) {
	for p := 0; p <= nTags; p++ {
		for t := 0; t < nTags; t++ {
			if allowed(p, t, false) {
				mid[p] = append(mid[p], t)
			}
			if allowed(p, t, true) {
				last[p] = append(last[p], t)
			}
		}
	}
	return
}()

// dynKey says which history feature a hash stands for.
type dynKey struct {
	base uint64
	prev int
}

// perceptron keeps current weights and the running sums needed to average
// them ("averaged perceptron", Collins 2002) without per-step copies.
type perceptron struct {
	w, u []float64 // row-major, nTags per row; u accumulates c·Δ
	c    float64   // update clock
}

func newPerceptron(rows int) *perceptron {
	return &perceptron{w: make([]float64, rows*nTags, (rows+1024)*nTags), u: make([]float64, rows*nTags, (rows+1024)*nTags), c: 1}
}

func (p *perceptron) addRow() int32 {
	r := int32(len(p.w) / nTags)
	var zero [nTags]float64
	p.w = append(p.w, zero[:]...)
	p.u = append(p.u, zero[:]...)
	return r
}

func (p *perceptron) tick() { p.c++ }

func (p *perceptron) score(rows []int32, s *[nTags]float64) {
	for _, r := range rows {
		row := p.w[int(r)*nTags : int(r)*nTags+nTags]
		for t, v := range row {
			s[t] += v
		}
	}
}

func (p *perceptron) add(rows []int32, tag int, delta float64) {
	for _, r := range rows {
		i := int(r)*nTags + tag
		p.w[i] += delta
		p.u[i] += p.c * delta
	}
}

func (p *perceptron) averaged(r int32) []float64 {
	out := make([]float64, nTags)
	base := int(r) * nTags
	for t := range out {
		out[t] = p.w[base+t] - p.u[base+t]/p.c
	}
	return out
}
