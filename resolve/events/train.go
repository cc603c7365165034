package events

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/resolve/coref"
)

// TrainOptions tunes Train. The zero value means the defaults.
type TrainOptions struct {
	// TriggerEpochs is the number of perceptron passes; 0 means 8.
	TriggerEpochs int
	// Window is the block window stored in the model; 0 means 100.
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
}

// Train learns the event model from the ECB+ corpus folder: the trigger
// tagger and the lemma-pair table on the train topics (1–22 but 15 and
// 17), the pair model on the train topics' candidate pairs (with the
// table of the other half of the topics, so the model does not learn to
// trust a table that has seen its own pairs), and the clustering
// threshold on the dev topics (23–25). It writes the model file to w.
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
	r := &Resolver{clusters: cl, lex: lx, model: &trainedModel{Window: opts.Window}}
	if r.model.Window <= 0 {
		r.model.Window = 100
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
				if tp.scored[d][si] {
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
	logf("trigger tagger: %d sentences, %d features", len(sents), len(r.model.Trigger))

	// 2. Lemma-pair tables: all train topics, and each half for the other.
	var half [2][]*ecbTopic
	for i, tp := range train {
		half[i%2] = append(half[i%2], tp)
	}
	r.model.Table = r.learnTable(train)
	foldTable := [2]lemmaTable{r.learnTable(half[1]), r.learnTable(half[0])}
	r.model.index()
	logf("lemma-pair table: %d pairs", len(r.model.Table))

	// 3. Pair model on the candidate pairs of the gold mentions.
	var xs [][numFeatures]float64
	var ys []float64
	for i, tp := range train {
		s, err := r.goldStory(ctx, tp)
		if err != nil {
			return nil, err
		}
		keys := nodeKeys(tp, s)
		var f [numFeatures]float64
		for _, pr := range s.candidates(r.model.partners, r.model.Window) {
			s.features(pr[0], pr[1], foldTable[i%2], &f)
			xs = append(xs, f)
			y := 0.0
			if tp.chain[keys[pr[0]]] == tp.chain[keys[pr[1]]] {
				y = 1
			}
			ys = append(ys, y)
		}
	}
	r.model.Pair = fitLogistic(xs, ys, 400)
	logf("pair model: %d pairs", len(xs))

	// 4. Threshold on dev.
	bestT, bestF := 0.5, -1.0
	for t := 0.30; t <= 0.901; t += 0.05 {
		rep, err := r.scoreGold(ctx, dev, Options{Threshold: t})
		if err != nil {
			return nil, err
		}
		logf("dev threshold %.2f: CoNLL %.2f", t, 100*rep.CoNLL)
		if rep.CoNLL > bestF+1e-9 {
			bestT, bestF = t, rep.CoNLL
		}
	}
	r.model.Threshold = math.Round(bestT*100) / 100
	if err := r.model.write(w); err != nil {
		return nil, err
	}
	rep := &TrainReport{TriggerFeatures: len(r.model.Trigger), TablePairs: len(r.model.Table), TrainPairs: len(xs),
		Weights: map[string]float64{}, Threshold: r.model.Threshold, DevCoNLL: bestF}
	for k, name := range featureNames {
		rep.Weights[name] = r.model.Pair[k]
	}
	return rep, nil
}

// learnTable counts, over every pair of gold mentions of a topic, how often
// mentions with those two lemmas corefer, and keeps the smoothed log-odds
// of pairs seen at least three times (and, for two different lemmas,
// coreferent at least twice).
func (r *Resolver) learnTable(topics []*ecbTopic) lemmaTable {
	type count struct{ pos, all int }
	counts := map[string]*count{}
	for _, tp := range topics {
		var lemmas, chains []string
		for d, ms := range tp.gold {
			for _, m := range ms {
				lemmas = append(lemmas, stem(r.head(m.Text)))
				chains = append(chains, tp.chain[mentionKey(tp.topic, tp.docs[d].Doc.ID, m.Range())])
			}
		}
		for i := range lemmas {
			for j := i + 1; j < len(lemmas); j++ {
				k := pairKey(lemmas[i], lemmas[j])
				c := counts[k]
				if c == nil {
					c = &count{}
					counts[k] = c
				}
				c.all++
				if chains[i] == chains[j] {
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
	return t
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
			r.describe(v, &m, placeOf)
			s.nodes = append(s.nodes, node{doc: i, m: &m})
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
	return coref.Evaluate(clusters(gold), clusters(resp)), nil
}
