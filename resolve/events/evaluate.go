package events

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/coref"
)

// Report holds the figures of one ECB+ evaluation, as "parallax eval
// events" prints them.
type Report struct {
	Topics       []int `json:"topics"`
	Documents    int   `json:"documents"`
	GoldMentions int   `json:"gold_mentions"`
	GoldEvents   int   `json:"gold_events"`
	// Triggers scores detected against gold event mentions: a detected
	// mention counts when its span is exactly a gold one.
	Triggers Detection `json:"triggers"`
	// HeadTriggers counts a detected mention right when it overlaps a gold
	// mention (a looser match: "was arrested" for "arrested").
	HeadTriggers Detection `json:"triggers_overlap"`
	// Gold and GoldLemma: ours and the same-head-lemma baseline on gold
	// mentions (the standard setting).
	Gold      coref.Report `json:"gold_mentions_ours"`
	GoldLemma coref.Report `json:"gold_mentions_lemma"`
	// Predicted and PredictedLemma: the same on detected mentions.
	Predicted      coref.Report `json:"predicted_mentions_ours"`
	PredictedLemma coref.Report `json:"predicted_mentions_lemma"`
	Threshold      float64      `json:"threshold"`
	// Elapsed is the CPU time of detection and clustering over all topics
	// (reading and tagging the corpus excluded); Bytes the text it covered.
	Elapsed  time.Duration `json:"elapsed_ns"`
	Bytes    int           `json:"bytes"`
	PeakHeap uint64        `json:"peak_heap_bytes"`
}

// Evaluate scores event detection and coreference on the given ECB+
// topics (nil: the test topics 36–45), scoring only the sentences of
// ECBplus_coreference_sentences.csv, as published work does.
func (r *Resolver) Evaluate(ctx context.Context, corpus string, topics []int, opts Options) (*Report, error) {
	if topics == nil {
		topics = ecbplus.TestTopics
	}
	tagger, err := entities.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	tps, err := r.readECB(ctx, corpus, topics, tagger)
	if err != nil {
		return nil, err
	}
	rep := &Report{Topics: topics, Threshold: opts.Threshold}
	if rep.Threshold <= 0 {
		rep.Threshold = r.model.Threshold
	}
	gold := map[string]string{}
	goldResp, goldLemma := map[string]string{}, map[string]string{}
	predResp, predLemma := map[string]string{}, map[string]string{}
	var tp, fp, fn, otp, ofp, ofn int
	var heap measure.HeapPeak
	for _, t := range tps {
		rep.Documents += len(t.docs)
		for d, a := range t.docs {
			rep.Bytes += len(a.Doc.Text)
			for _, m := range t.gold[d] {
				k := mentionKey(t.topic, a.Doc.ID, m.Range())
				gold[k] = strconv.Itoa(t.topic) + "|" + t.chain[k]
				rep.GoldMentions++
			}
		}
		start := measure.CPUTime()
		res, err := r.Cluster(ctx, t.docs, t.gold, t.entities, opts)
		if err != nil {
			return nil, err
		}
		detected := make([][]model.EventMention, len(t.docs))
		for d, a := range t.docs {
			v, err := r.view(a)
			if err != nil {
				return nil, err
			}
			all, err := r.detect(ctx, v)
			if err != nil {
				return nil, err
			}
			for _, m := range all {
				if si, ok := sentenceIndex(v.sents, m.Start); ok && t.scored[d][si] {
					detected[d] = append(detected[d], m)
				}
			}
		}
		pres, err := r.Cluster(ctx, t.docs, detected, t.entities, opts)
		if err != nil {
			return nil, err
		}
		rep.Elapsed += measure.CPUTime() - start
		heap.Sample()
		for _, m := range res.Mentions {
			k := mentionKey(t.topic, m.Doc, m.Range())
			goldResp[k] = m.Event
			goldLemma[k] = strconv.Itoa(t.topic) + "|" + m.Lemma
		}
		for _, m := range pres.Mentions {
			k := mentionKey(t.topic, m.Doc, m.Range())
			predResp[k] = m.Event
			predLemma[k] = strconv.Itoa(t.topic) + "|" + m.Lemma
		}
		for d, a := range t.docs {
			g := t.gold[d]
			p := detected[d]
			exact := map[model.Range]bool{}
			for _, m := range g {
				exact[m.Range()] = true
			}
			for _, m := range p {
				if exact[m.Range()] {
					tp++
				} else {
					fp++
				}
			}
			fn += len(g) - countIn(p, exact)
			otp += overlapping(p, g)
			ofp += len(p) - overlapping(p, g)
			ofn += len(g) - overlapping(g, p)
			_ = a
		}
	}
	rep.PeakHeap = heap.Peak()
	rep.Triggers = detection(tp, fp, fn)
	rep.HeadTriggers = detection(otp, ofp, ofn)
	key := coref.ClustersOf(gold)
	rep.GoldEvents = len(key)
	rep.Gold = coref.Evaluate(key, coref.ClustersOf(goldResp))
	rep.GoldLemma = coref.Evaluate(key, coref.ClustersOf(goldLemma))
	rep.Predicted = coref.Evaluate(key, coref.ClustersOf(predResp))
	rep.PredictedLemma = coref.Evaluate(key, coref.ClustersOf(predLemma))
	return rep, nil
}

// Detection is trigger precision, recall and F1 with the counts behind them.
type Detection struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

func detection(tp, fp, fn int) Detection {
	p, r, f := metric.PRF(tp, tp+fp, tp+fn)
	return Detection{Precision: p, Recall: r, F1: f, TP: tp, FP: fp, FN: fn}
}

func countIn(ms []model.EventMention, set map[model.Range]bool) int {
	n := 0
	for _, m := range ms {
		if set[m.Range()] {
			n++
		}
	}
	return n
}

// overlapping counts the mentions of a that overlap some mention of b.
func overlapping(a, b []model.EventMention) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x.Range().Overlaps(y.Range()) {
				n++
				break
			}
		}
	}
	return n
}

func sentenceIndex(sents []model.Range, off int) (int, bool) {
	i := sort.Search(len(sents), func(k int) bool { return sents[k].End > off })
	return i, i < len(sents) && sents[i].Start <= off
}
