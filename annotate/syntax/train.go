package syntax

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"time"

	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// TrainOptions controls training. The zero value means the defaults.
type TrainOptions struct {
	Seed int64 // shuffling and exploration seed (default 1)
	// TagEpochs and ParseEpochs are the training passes (defaults 6, 10;
	// with Dev, ParseEpochs is the most the parser makes).
	TagEpochs, ParseEpochs int
	// Folds is the number of jackknife folds that give the parser's
	// training sentences predicted rather than gold tags (default 2; 1:
	// gold tags).
	Folds int
	// Explore is the chance that, after the first parser pass, training
	// follows the model's own wrong move, so the parser learns to recover
	// from its mistakes (default 0.9).
	Explore float64
	// MinWeight drops averaged weights smaller than it (default 0.3: on EWT
	// dev this loses nothing and keeps the model under 30 MB).
	MinWeight float32
	// Dev, when given, chooses the number of parser passes: after each
	// pass from the middle on, the averaged model parses Dev (with the
	// finished tagger's tags) and the pass with the best UAS + LAS is kept.
	// With ChoosePass, TrainFromShared gives EWT dev.
	Dev        []TreeSentence
	ChoosePass bool
	Log        io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.TagEpochs == 0 {
		o.TagEpochs = 6
	}
	if o.ParseEpochs == 0 {
		o.ParseEpochs = 10
	}
	if o.Folds == 0 {
		o.Folds = 2
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.MinWeight == 0 {
		o.MinWeight = 0.3
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// TrainFromShared trains on the treebanks under shared and writes the model
// to w.
func TrainFromShared(ctx context.Context, shared string, w io.Writer, cl *wordclusters.Clusters, opt TrainOptions) error {
	tb, err := LoadTreebank(shared)
	if err != nil {
		return err
	}
	if opt.ChoosePass {
		opt.Dev = tb.EWTDev
	}
	return Train(ctx, tb.Train, w, cl, opt)
}

// Train trains the tagger, lemmatiser and parser on sents and writes the
// model to w. The same sentences, clusters and options give the same bytes.
func Train(ctx context.Context, sents []TreeSentence, w io.Writer, cl *wordclusters.Clusters, opt TrainOptions) error {
	opt.defaults()
	if len(sents) == 0 {
		return fmt.Errorf("train syntax: no sentences")
	}
	classes, classIndex := collectClasses(sents)
	rels, relIndex := collectRels(sents)
	if len(classes) > 255 || len(rels) > 255 {
		return fmt.Errorf("train syntax: %d tag classes and %d relations exceed the model's limits", len(classes), len(rels))
	}
	classOf := func(w TreeWord) int { return classIndex[tagClass{w.UPOS, w.XPOS}] }
	data := make([]trainSentence, len(sents))
	for i, s := range sents {
		d := trainSentence{info: analyseWords(formsOf(s), cl), gold: make([]int, len(s.Words)),
			heads: make([]int, len(s.Words)+1), rels: make([]int, len(s.Words)+1)}
		d.heads[0], d.rels[0] = -1, -1
		for j, w := range s.Words {
			d.gold[j] = classOf(w)
			d.heads[j+1] = w.Head
			d.rels[j+1] = relIndex[w.Rel]
		}
		data[i] = d
	}
	start := time.Now()
	// Tagger on all sentences, and jackknifed tags for the parser.
	tagW, err := trainTagger(ctx, data, len(classes), opt, opt.Seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(opt.Log, "tagger: %d features (%s)\n", len(tagW), time.Since(start).Round(time.Second))
	predicted := make([][]int, len(data))
	if opt.Folds > 1 {
		for f := 0; f < opt.Folds; f++ {
			var train []trainSentence
			for i := range data {
				if i%opt.Folds != f {
					train = append(train, data[i])
				}
			}
			rows, err := trainTagger(ctx, train, len(classes), opt, opt.Seed+int64(f)+1)
			if err != nil {
				return err
			}
			m := weightsOf(rows, len(classes))
			for i := range data {
				if i%opt.Folds == f {
					predicted[i] = tag(m, data[i].info, nil)
				}
			}
			fmt.Fprintf(opt.Log, "jackknife fold %d/%d (%s)\n", f+1, opt.Folds, time.Since(start).Round(time.Second))
		}
	} else {
		for i := range data {
			predicted[i] = data[i].gold
		}
	}
	var dev *devSentences
	if len(opt.Dev) > 0 {
		dev = devSet(opt.Dev, cl, weightsOf(tagW, len(classes)), relIndex)
	}
	moveW, labelW, err := trainParser(ctx, data, predicted, len(rels), dev, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(opt.Log, "parser: %d move and %d relation features (%s)\n", len(moveW), len(labelW), time.Since(start).Round(time.Second))
	morph := learnMorphology(sents, classOf)

	f := &modelFile[*quantisedWeights]{classes: classes, rels: rels, morph: morph}
	if f.tagger, err = quantise(len(classes), tagW, opt.MinWeight); err != nil {
		return fmt.Errorf("tagger: %w", err)
	}
	if f.moves, err = quantise(3, moveW, opt.MinWeight); err != nil {
		return fmt.Errorf("parser moves: %w", err)
	}
	if f.labels, err = quantise(len(rels), labelW, opt.MinWeight); err != nil {
		return fmt.Errorf("parser relations: %w", err)
	}
	fmt.Fprintf(opt.Log, "kept %d tagger, %d move and %d relation features\n", len(f.tagger.rows), len(f.moves.rows), len(f.labels.rows))
	markHot(f, sents, cl)
	return f.write(w, (*quantisedWeights).write)
}

type trainSentence struct {
	info  []wordInfo
	gold  []int // tag classes
	heads []int // index 0 is the root; heads[i] is word i's head
	rels  []int
}

func collectClasses(sents []TreeSentence) ([]tagClass, map[tagClass]int) {
	seen := map[tagClass]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[tagClass{w.UPOS, w.XPOS}] = true
		}
	}
	classes := make([]tagClass, 0, len(seen))
	for c := range seen {
		classes = append(classes, c)
	}
	sort.Slice(classes, func(i, j int) bool {
		if classes[i].upos != classes[j].upos {
			return classes[i].upos < classes[j].upos
		}
		return classes[i].xpos < classes[j].xpos
	})
	index := map[tagClass]int{}
	for i, c := range classes {
		index[c] = i
	}
	return classes, index
}

func collectRels(sents []TreeSentence) ([]string, map[string]int) {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[w.Rel] = true
		}
	}
	rels := make([]string, 0, len(seen))
	for r := range seen {
		rels = append(rels, r)
	}
	sort.Strings(rels)
	index := map[string]int{}
	for i, r := range rels {
		index[r] = i
	}
	return rels, index
}

func shuffled(n int, rng *rand.Rand) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

func trainTagger(ctx context.Context, data []trainSentence, nClasses int, opt TrainOptions, seed int64) (map[uint64][]classWeight, error) {
	t := newTrainer(nClasses)
	rng := rand.New(rand.NewSource(seed))
	scores := make([]float32, nClasses)
	feats := make([]uint64, 0, 64)
	for epoch := 0; epoch < opt.TagEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, i := range shuffled(len(data), rng) {
			d := &data[i]
			out := make([]int, len(d.info))
			for k := range d.info {
				p1, p2 := -1, -1
				if k > 0 {
					p1 = out[k-1]
				}
				if k > 1 {
					p2 = out[k-2]
				}
				feats = tagFeatures(d.info, k, p1, p2, feats[:0])
				t.score(feats, scores)
				guess := argmax(scores)
				t.tick()
				t.update(feats, d.gold[k], guess)
				out[k] = guess
			}
		}
	}
	return t.averaged(), nil
}

// weightsOf turns training rows into a scoring table without quantising
// (for the jackknife folds).
func weightsOf(rows map[uint64][]classWeight, nClasses int) *weights {
	maxAbs := float32(0)
	for _, r := range rows {
		for _, e := range r {
			maxAbs = max(maxAbs, e.w, -e.w)
		}
	}
	scale := 32767 / maxAbs
	m := newWeights(nClasses, 0, len(rows), 1/scale)
	hashes := make([]uint64, 0, len(rows))
	for h := range rows {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	var row []qEntry
	for _, h := range hashes {
		row = row[:0]
		for _, e := range rows[h] {
			row = append(row, qEntry{e.class, int16(e.w * scale)})
		}
		m.insert(h, row, false)
	}
	return m
}

// devSentences are the sentences that choose the number of parser passes,
// with predicted tags, as the parser sees them at run time.
type devSentences struct {
	info  [][]wordInfo // index 0 is the root
	tags  [][]uint64
	heads [][]int
	rels  [][]int // -1: a relation the training sentences lack
}

func devSet(sents []TreeSentence, cl *wordclusters.Clusters, tagger *weights, relIndex map[string]int) *devSentences {
	d := &devSentences{}
	for _, s := range sents {
		forms := formsOf(s)
		words := analyseWords(forms, cl)
		classes := tag(tagger, words, nil)
		n := len(words)
		info := make([]wordInfo, n+1)
		info[0] = rootInfo()
		copy(info[1:], words)
		tags := make([]uint64, n+1)
		tags[0] = hRoot
		heads, rels := make([]int, n+1), make([]int, n+1)
		heads[0], rels[0] = -1, -1
		for k, w := range s.Words {
			tags[k+1] = tagHash(classes[k])
			heads[k+1] = w.Head
			r, ok := relIndex[w.Rel]
			if !ok {
				r = -1
			}
			rels[k+1] = r
		}
		d.info, d.tags = append(d.info, info), append(d.tags, tags)
		d.heads, d.rels = append(d.heads, heads), append(d.rels, rels)
	}
	return d
}

// score parses the sentences with the averaged weights and returns UAS and
// LAS.
func (d *devSentences) score(moves, labels map[uint64][]classWeight, nRels int) (uas, las float64) {
	mw, lw := weightsOf(moves, 3), weightsOf(labels, nRels)
	attached, labelled, total := 0, 0, 0
	for i := range d.info {
		heads, rels := parse(mw, lw, d.info[i], d.tags[i])
		for k := 1; k < len(heads); k++ {
			if heads[k] == d.heads[i][k] {
				attached++
				if rels[k] == d.rels[i][k] {
					labelled++
				}
			}
			total++
		}
	}
	return float64(attached) / float64(max(total, 1)), float64(labelled) / float64(max(total, 1))
}

func trainParser(ctx context.Context, data []trainSentence, tagged [][]int, nRels int, dev *devSentences, opt TrainOptions) (moves, labels map[uint64][]classWeight, err error) {
	bestScore, bestPass := -1.0, 0
	mt, lt := newTrainer(3), newTrainer(nRels)
	rng := rand.New(rand.NewSource(opt.Seed))
	scores := make([]float32, max(3, nRels))
	feats := make([]uint64, 0, 128)
	start := time.Now()
	for epoch := 0; epoch < opt.ParseEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		correct, total := 0, 0
		for _, i := range shuffled(len(data), rng) {
			d := &data[i]
			n := len(d.info)
			info := make([]wordInfo, n+1)
			info[0] = rootInfo()
			copy(info[1:], d.info)
			tags := make([]uint64, n+1)
			tags[0] = hRoot
			for k, c := range tagged[i] {
				tags[k+1] = tagHash(c)
			}
			p := newParseState(n)
			for !p.terminal() {
				feats = p.features(info, tags, feats[:0])
				mt.score(feats, scores[:3])
				guess := bestValid(p, scores[:3])
				gold, guessOK := bestGold(p, d.heads, scores[:3], guess)
				mt.tick()
				if !guessOK {
					mt.update(feats, gold, guess)
				}
				move := gold
				if guessOK || (epoch > 0 && rng.Float64() < opt.Explore) {
					move = guess
				}
				r := -1
				if move != moveShift {
					h, dep := p.arcOf(move)
					feats = p.relFeatures(info, tags, h, dep, feats[:0])
					lt.score(feats, scores[:nRels])
					r = argmax(scores[:nRels])
					if d.heads[dep] == h {
						lt.tick()
						lt.update(feats, d.rels[dep], r)
						r = d.rels[dep]
					}
				}
				p.apply(move, r)
			}
			for k := 1; k <= n; k++ {
				if p.head[k] == d.heads[k] {
					correct++
				}
			}
			total += n
		}
		fmt.Fprintf(opt.Log, "parser pass %d: training UAS %.4f (%s)\n", epoch+1, float64(correct)/float64(max(total, 1)), time.Since(start).Round(time.Second))
		if dev == nil || 2*(epoch+1) < opt.ParseEpochs {
			continue
		}
		m, l := mt.averaged(), lt.averaged()
		uas, las := dev.score(m, l, nRels)
		fmt.Fprintf(opt.Log, "parser pass %d: dev UAS %.4f LAS %.4f (%s)\n", epoch+1, uas, las, time.Since(start).Round(time.Second))
		if uas+las > bestScore {
			bestScore, bestPass, moves, labels = uas+las, epoch+1, m, l
		}
	}
	if moves != nil {
		fmt.Fprintf(opt.Log, "parser: pass %d kept\n", bestPass)
		return moves, labels, nil
	}
	return mt.averaged(), lt.averaged(), nil
}

// bestGold returns the best-scoring move among those of least cost under
// the dynamic oracle, and whether guess is one of them.
func bestGold(p *parseState, heads []int, scores []float32, guess int) (int, bool) {
	shift, left, right := p.valid()
	const inf = 1 << 30
	costs := [3]int{inf, inf, inf}
	if shift {
		costs[moveShift] = shiftCost(p, heads)
	}
	if left {
		costs[moveLeft] = leftCost(p, heads)
	}
	if right {
		costs[moveRight] = rightCost(p, heads)
	}
	least := min(costs[0], costs[1], costs[2])
	best := -1
	for move, c := range costs {
		if c == least && (best < 0 || scores[move] > scores[best]) {
			best = move
		}
	}
	return best, costs[guess] == least
}

// The costs count the gold arcs a move makes unreachable (Goldberg and
// Nivre 2013, arc-hybrid). Words on the stack and in the buffer have no
// head yet.

func leftCost(p *parseState, heads []int) int {
	s0, s1, b := p.s(0), p.s(1), p.b
	cost := 0
	if h := heads[s0]; h != b && (h == s1 || h > b) {
		cost++
	}
	for d := b; d <= p.n; d++ {
		if heads[d] == s0 {
			cost++
		}
	}
	return cost
}

func rightCost(p *parseState, heads []int) int {
	s0, b := p.s(0), p.b
	cost := 0
	if h := heads[s0]; h >= b && b <= p.n {
		cost++
	}
	for d := b; d <= p.n; d++ {
		if heads[d] == s0 {
			cost++
		}
	}
	return cost
}

func shiftCost(p *parseState, heads []int) int {
	b, s0 := p.b, p.s(0)
	cost := 0
	for _, k := range p.stack {
		if heads[b] == k && k != s0 {
			cost++
		}
		if k != 0 && heads[k] == b {
			cost++
		}
	}
	return cost
}

func formsOf(s TreeSentence) []string {
	forms := make([]string, len(s.Words))
	for j, w := range s.Words {
		forms[j] = w.Form
	}
	return forms
}
