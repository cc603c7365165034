package entities

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
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
}

// TrainingData reads the English corpora the shipped model is trained on:
// UNER EWT train, GUM (all but its dev and test documents), wikigold and
// re3d. Demonyms outside gold spans are labelled as groups.
func TrainingData(shared string, g *gazetteer.Gazetteer) ([]CorpusDoc, error) {
	var all []CorpusDoc
	uner, err := ReadUNER(shared, "train", g)
	if err != nil {
		return nil, err
	}
	gum, err := ReadGUM(shared, GUMTrain)
	if err != nil {
		return nil, err
	}
	wg, err := ReadWikigold(shared, g)
	if err != nil {
		return nil, err
	}
	re3d, err := ReadRe3d(shared)
	if err != nil {
		return nil, err
	}
	all = append(all, uner...)
	all = append(all, gum...)
	all = append(all, wg...)
	all = append(all, re3d...)
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
	docs, err := TrainingData(shared, g)
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

// Train fits an averaged perceptron on docs with greedy left-to-right BILOU
// decoding and writes the model to w.
func Train(ctx context.Context, docs []CorpusDoc, g *gazetteer.Gazetteer, w io.Writer, opt TrainOptions) error {
	opt.defaults()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	start := time.Now()
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
		infos := analyse(words, g)
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

	p := newPerceptron(len(hashes))
	// Dynamic (tag history) features get rows as they appear.
	dynRow := func(f uint64) int32 {
		if r, ok := rowOf[f]; ok {
			return r
		}
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
	var dynRows []int32
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			ex := &examples[oi]
			prev, prev2 := tagStart, tagStart
			n := len(ex.gold)
			for k := 0; k < n; k++ {
				p.tick()
				useGaz := opt.GazetteerDropout < 0 || rng.Float64() >= opt.GazetteerDropout
				dyn = dynamicFeatures(ex.infos, k, prev, prev2, dyn[:0])
				dynRows = dynRows[:0]
				for _, f := range dyn {
					dynRows = append(dynRows, dynRow(f))
				}
				var scores [nTags]float64
				p.score(ex.feats[k], &scores)
				if useGaz {
					p.score(ex.gaz[k], &scores)
				}
				p.score(dynRows, &scores)
				best := bestTag(&scores, prev, k == n-1)
				gold := ex.gold[k]
				if best != gold {
					errs++
					p.update(ex.feats[k], gold, best)
					if useGaz {
						p.update(ex.gaz[k], gold, best)
					}
					p.update(dynRows, gold, best)
				}
				prev2, prev = prev, best
			}
		}
		logf("train: epoch %d/%d: %.2f%% token errors (%s)", epoch, opt.Epochs, 100*float64(errs)/float64(tokens), time.Since(start).Round(time.Millisecond))
	}
	rows := make(map[uint64][]float64, len(hashes))
	for r, h := range hashes {
		rows[h] = p.averaged(int32(r))
	}
	n, err := writeModel(w, rows, opt.MinWeight)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	logf("train: wrote %d feature rows (%s)", n, time.Since(start).Round(time.Millisecond))
	return nil
}

// bestTag picks the highest-scoring tag allowed after prev.
func bestTag[F float32 | float64](scores *[nTags]F, prev int, last bool) int {
	best := -1
	for t := 0; t < nTags; t++ {
		if !allowed(prev, t, last) {
			continue
		}
		if best < 0 || scores[t] > scores[best] {
			best = t
		}
	}
	return best
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

func (p *perceptron) update(rows []int32, gold, pred int) {
	for _, r := range rows {
		base := int(r) * nTags
		p.w[base+gold]++
		p.u[base+gold] += p.c
		p.w[base+pred]--
		p.u[base+pred] -= p.c
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
