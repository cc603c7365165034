package events_test

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
	"github.com/parallaxnews/parallax/resolve/events"
)

var update = flag.Bool("update", false, "rewrite testdata/figures.json with the current figures")

// figures are the recorded ECB+ test-topic figures; each may fall at most
// 0.02 below its record.
type figures struct {
	TriggerF1          float64 `json:"trigger_f1"`
	GoldCoNLL          float64 `json:"gold_mentions_conll_f1"`
	GoldLemmaCoNLL     float64 `json:"gold_mentions_lemma_conll_f1"`
	DetectedCoNLL      float64 `json:"detected_mentions_conll_f1"`
	DetectedLemmaCoNLL float64 `json:"detected_mentions_lemma_conll_f1"`
}

var ecbCorpus = filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus")

func TestRecordedFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and scores the ECB+ test topics")
	}
	r := load(t)
	rep, err := r.Evaluate(t.Context(), ecbCorpus, nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := figures{rep.Triggers.F1, rep.Gold.CoNLL, rep.GoldLemma.CoNLL, rep.Predicted.CoNLL, rep.PredictedLemma.CoNLL}
	var want figures
	if !recorded.Load(t, filepath.Join("testdata", "figures.json"), got, &want, *update) {
		return
	}
	recorded.AtLeast(t, "trigger F1", got.TriggerF1, want.TriggerF1)
	recorded.AtLeast(t, "CoNLL F1 on gold mentions", got.GoldCoNLL, want.GoldCoNLL)
	recorded.AtLeast(t, "CoNLL F1 on detected mentions", got.DetectedCoNLL, want.DetectedCoNLL)
	if got.GoldCoNLL <= got.GoldLemmaCoNLL {
		t.Errorf("CoNLL F1 on gold mentions %.4f does not beat the same-head-lemma baseline %.4f", got.GoldCoNLL, got.GoldLemmaCoNLL)
	}
}
