package events_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

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
	path := filepath.Join("testdata", "figures.json")
	if *update {
		raw, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("recorded figures: %v (run with -update to record)", err)
	}
	var want figures
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	check := func(name string, got, want float64) {
		if got < want-0.02 {
			t.Errorf("%s fell from %.4f to %.4f", name, want, got)
		}
	}
	check("trigger F1", got.TriggerF1, want.TriggerF1)
	check("CoNLL F1 on gold mentions", got.GoldCoNLL, want.GoldCoNLL)
	check("CoNLL F1 on detected mentions", got.DetectedCoNLL, want.DetectedCoNLL)
	if got.GoldCoNLL <= got.GoldLemmaCoNLL {
		t.Errorf("CoNLL F1 on gold mentions %.4f does not beat the same-head-lemma baseline %.4f", got.GoldCoNLL, got.GoldLemmaCoNLL)
	}
}
