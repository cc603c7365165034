package events

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/resolve/coref"
)

// TrainOptions tunes Train. The zero value means the defaults.
type TrainOptions struct {
	// TriggerEpochs is the number of perceptron passes; 0 means 8.
	TriggerEpochs int
	// Window is the block window stored in the model; 0 means 50.
	Window int
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// TrainReport says what training learned and chose.
type TrainReport struct {
	TriggerFeatures int
	TablePairs      int
	TrainPairs      int
	Weights         map[string]float64
	Threshold       float64
	DevCoNLL        float64
	// HeldOutCoNLL is the mean the threshold was chosen by.
	HeldOutCoNLL float64
	DevTriggerF1 float64
}

// Train learns the event model from the ECB+ corpus folder: the trigger
// tagger and the lemma-pair table on the train topics (1–22 but 15 and
// 17), the pair model on the train topics' candidate pairs (with the
// table of the other half of the topics, so the model does not learn to
// trust a table that has seen its own pairs), and the clustering
// threshold on the dev topics (23–25) together with each half of the
// train topics scored by a model of the other half. It writes the model file to w.
// The same corpus gives the same model.
func Train(ctx context.Context, corpus string, w io.Writer, opts TrainOptions) (*TrainReport, error) {
	logf := func(format string, a ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", a...)
		}
	}
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	lx, err := parseLexicon(englishLexicon)
	if err != nil {
		return nil, err
	}
	tagger, err := entities.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	syn, err := syntax.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	r := &Resolver{clusters: cl, lex: lx, parse: syn.ParseTokens, model: &trainedModel{Window: opts.Window}}
	if r.model.Window <= 0 {
		r.model.Window = 50
	}
	train, err := r.readECB(ctx, corpus, ecbplus.TrainTopics, tagger)
	if err != nil {
		return nil, err
	}
	dev, err := r.readECB(ctx, corpus, ecbplus.DevTopics, tagger)
	if err != nil {
		return nil, err
	}
	logf("read %d train and %d dev topics", len(train), len(dev))

	// 1. Trigger tagger, on the scored sentences of the train topics.
	var sents [][]word
	var tags [][]int
	for _, tp := range train {
		for d := range tp.words {
			for si := range tp.words[d] {
				if tp.scored[d][si] || tp.annotated[d][si] {
					sents = append(sents, tp.words[d][si])
					tags = append(tags, tp.tags[d][si])
				}
			}
		}
	}
	epochs := opts.TriggerEpochs
	if epochs <= 0 {
		epochs = 8
	}
	r.model.Trigger = trainTriggers(sents, tags, epochs)
	devTrig := triggerF1(r.model.Trigger, dev)
	logf("trigger tagger: %d sentences, %d features; dev F1 %.3f", len(sents), len(r.model.Trigger), devTrig)

	// 2. Lemma-pair tables: all train topics, and each half for the other.
	var half [2][]*ecbTopic
	for i, tp := range train {
		half[i%2] = append(half[i%2], tp)
	}
	var foldTable [2]lemmaTable
	if r.model.Table, err = r.learnTable(ctx, train); err != nil {
		return nil, err
	}
	for k := 0; k < 2; k++ {
		if foldTable[k], err = r.learnTable(ctx, half[1-k]); err != nil {
			return nil, err
		}
	}
	r.model.index()
	logf("lemma-pair table: %d pairs", len(r.model.Table))

	// 3. Pair model on the candidate pairs of the gold mentions; one model
	// per half too, to choose the threshold on the other half.
	var xs [][numFeatures]float64
	var ys []float64
	var halfX [2][][numFeatures]float64
	var halfY [2][]float64
	for i, tp := range train {
		s, err := r.goldStory(ctx, tp)
		if err != nil {
			return nil, err
		}
		keys := nodeKeys(tp, s)
		var f [numFeatures]float64
		for _, pr := range s.candidates(r.model.partners, r.model.Window) {
			s.features(pr[0], pr[1], foldTable[i%2], &f)
			y := 0.0
			if tp.chain[keys[pr[0]]] == tp.chain[keys[pr[1]]] {
				y = 1
			}
			xs, ys = append(xs, f), append(ys, y)
			halfX[i%2], halfY[i%2] = append(halfX[i%2], f), append(halfY[i%2], y)
		}
	}
	r.model.Pair = fitLogistic(xs, ys, 400)
	logf("pair model: %d pairs", len(xs))

	// 4. Threshold: the best mean CoNLL F1 over the dev topics (scored by
	// the full model) and each train half (scored by the model of the
	// other half, with that half's table), weighted by topics: 23 topics
	// choose it, not 3.
	type scoredSet struct {
		r      *Resolver
		topics []*ecbTopic
	}
	sets := []scoredSet{{r, dev}}
	for k := 0; k < 2; k++ {
		m := *r.model
		m.Pair = fitLogistic(halfX[1-k], halfY[1-k], 400)
		m.Table = foldTable[k] // learned on half 1-k
		m.index()
		sets = append(sets, scoredSet{&Resolver{model: &m, clusters: r.clusters, lex: r.lex, parse: r.parse}, half[k]})
	}
	bestT, bestF, bestDev := 0.5, -1.0, 0.0
	for t := 0.10; t <= 0.901; t += 0.05 {
		var sum float64
		var n int
		var devF float64
		for k, set := range sets {
			rep, err := set.r.scoreGold(ctx, set.topics, Options{Threshold: t})
			if err != nil {
				return nil, err
			}
			sum += rep.CoNLL * float64(len(set.topics))
			n += len(set.topics)
			if k == 0 {
				devF = rep.CoNLL
			}
		}
		logf("threshold %.2f: dev CoNLL %.2f, mean with held-out train halves %.2f", t, 100*devF, 100*sum/float64(n))
		if sum/float64(n) > bestF+1e-9 {
			bestT, bestF, bestDev = t, sum/float64(n), devF
		}
	}
	r.model.Threshold = math.Round(bestT*100) / 100
	if err := r.model.write(w); err != nil {
		return nil, err
	}
	rep := &TrainReport{TriggerFeatures: len(r.model.Trigger), TablePairs: len(r.model.Table), TrainPairs: len(xs),
		Weights: map[string]float64{}, Threshold: r.model.Threshold, DevCoNLL: bestDev, HeldOutCoNLL: bestF, DevTriggerF1: devTrig}
	for k, name := range featureNames {
		rep.Weights[name] = r.model.Pair[k]
	}
	return rep, nil
}

// learnTable counts, over every pair of gold mentions of a topic, how often
// mentions with those two lemmas corefer, and keeps the smoothed log-odds
// of pairs seen at least three times (and, for two different lemmas,
// coreferent at least twice).
func (r *Resolver) learnTable(ctx context.Context, topics []*ecbTopic) (lemmaTable, error) {
	type count struct{ pos, all int }
	counts := map[string]*count{}
	for _, tp := range topics {
		s, err := r.goldStory(ctx, tp)
		if err != nil {
			return nil, err
		}
		keys := nodeKeys(tp, s)
		for i := range s.nodes {
			for j := i + 1; j < len(s.nodes); j++ {
				k := pairKey(s.nodes[i].m.Lemma, s.nodes[j].m.Lemma)
				c := counts[k]
				if c == nil {
					c = &count{}
					counts[k] = c
				}
				c.all++
				if tp.chain[keys[i]] == tp.chain[keys[j]] {
					c.pos++
				}
			}
		}
	}
	t := lemmaTable{}
	for k, c := range counts {
		a, b, _ := cut(k)
		if c.all < 3 || (a != b && c.pos < 2) {
			continue
		}
		t[k] = float32(math.Log((float64(c.pos) + 0.5) / (float64(c.all-c.pos) + 0.5)))
	}
	return t, nil
}

// fitLogistic fits logistic-regression weights by full-batch gradient
// descent with AdaGrad steps and a light L2 penalty: deterministic.
func fitLogistic(xs [][numFeatures]float64, ys []float64, iters int) []float64 {
	w := make([]float64, numFeatures)
	g2 := make([]float64, numFeatures)
	const rate, l2 = 0.5, 1e-4
	n := float64(len(xs))
	for it := 0; it < iters; it++ {
		grad := make([]float64, numFeatures)
		for i := range xs {
			p := probability(w, &xs[i])
			d := p - ys[i]
			for k, v := range xs[i] {
				if v != 0 {
					grad[k] += d * v
				}
			}
		}
		for k := range w {
			g := grad[k]/n + l2*w[k]
			g2[k] += g * g
			w[k] -= rate * g / (math.Sqrt(g2[k]) + 1e-8)
		}
	}
	return w
}

// goldStory builds the story of one topic's gold mentions.
func (r *Resolver) goldStory(ctx context.Context, tp *ecbTopic) (*story, error) {
	s := &story{}
	placeOf := placeSet(tp)
	for i, d := range tp.docs {
		v, err := r.view(d)
		if err != nil {
			return nil, err
		}
		s.docs = append(s.docs, v)
		for j := range tp.gold[i] {
			m := tp.gold[i][j]
			hr := r.describe(v, &m, placeOf)
			s.nodes = append(s.nodes, node{doc: i, m: &m, head: hr})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.prepare(s)
	return s, nil
}

func placeSet(tp *ecbTopic) map[string]bool {
	out := map[string]bool{}
	for _, e := range tp.entities {
		if e.Type == "place" {
			out[e.ID] = true
		}
	}
	return out
}

// nodeKeys names each node of a topic's story for the scorer.
func nodeKeys(tp *ecbTopic, s *story) []string {
	keys := make([]string, len(s.nodes))
	for i, nd := range s.nodes {
		keys[i] = mentionKey(tp.topic, tp.docs[nd.doc].Doc.ID, nd.m.Range())
	}
	return keys
}

// scoreGold clusters the gold mentions of the topics and scores them.
func (r *Resolver) scoreGold(ctx context.Context, topics []*ecbTopic, opts Options) (coref.Report, error) {
	gold, resp := map[string]string{}, map[string]string{}
	for _, tp := range topics {
		res, err := r.Cluster(ctx, tp.docs, tp.gold, tp.entities, opts)
		if err != nil {
			return coref.Report{}, err
		}
		for _, m := range res.Mentions {
			k := mentionKey(tp.topic, m.Doc, m.Range())
			resp[k] = m.Event
			gold[k] = strconv.Itoa(tp.topic) + "|" + tp.chain[k]
		}
	}
	return coref.Evaluate(coref.ClustersOf(gold), coref.ClustersOf(resp)), nil
}

// triggerF1 is the exact-span F1 of the tagger on the scored sentences of
// the topics.
func triggerF1(tw triggerWeights, topics []*ecbTopic) float64 {
	var tp, pred, gold int
	for _, t := range topics {
		for d := range t.words {
			for si, ws := range t.words[d] {
				if !t.scored[d][si] {
					continue
				}
				want := map[[2]int]bool{}
				for _, r := range runs(t.tags[d][si]) {
					want[r] = true
				}
				got := runs(tw.tag(ws))
				gold += len(want)
				pred += len(got)
				for _, r := range got {
					if want[r] {
						tp++
					}
				}
			}
		}
	}
	_, _, f := metric.PRF(tp, pred, gold)
	return f
}
