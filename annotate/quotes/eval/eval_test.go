package eval_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quotes/eval"
)

// TestAnnotatedSetsHold guards against regressions on the annotated
// passages: the figures may move, but not below these floors.
func TestAnnotatedSetsHold(t *testing.T) {
	rep, err := eval.Run(context.Background(), eval.Options{
		Gold:         filepath.Join("..", "..", "..", "testdata", "quotes"),
		HeldOut:      filepath.Join("..", "..", "..", "testdata", "quotes", "heldout"),
		Corpus:       filepath.Join(t.TempDir(), "none"),
		SpeedSeconds: 0.01,
		NoNER:        true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passages < 60 || rep.HeldOut < 10 {
		t.Fatalf("passages %d, held-out %d", rep.Passages, rep.HeldOut)
	}
	for _, s := range rep.Runs {
		p, r := float64(s.Matched)/float64(s.Pred), float64(s.Matched)/float64(s.Gold)
		if p < 0.9 || r < 0.85 {
			t.Errorf("%s: detection P %.3f R %.3f", s.Mode, p, r)
		}
		if acc := float64(s.SpeakerRightDirect) / float64(s.MatchedDirect); acc < 0.8 {
			t.Errorf("%s: direct speaker accuracy %.3f", s.Mode, acc)
		}
		if wrong := float64(s.SpeakerWrong) / float64(s.Matched); wrong > 0.08 {
			t.Errorf("%s: wrong speakers %.3f", s.Mode, wrong)
		}
	}
	var out strings.Builder
	rep.Print(&out)
	if !strings.Contains(out.String(), "speaker accuracy") || !strings.Contains(out.String(), "MB/s") {
		t.Errorf("report lacks figures:\n%s", out.String())
	}
}

func TestLoadRejectsBadOffsets(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.jsonl")
	line := `{"id":"x","text":"\"Hi there, friend,\" he said.","quotes":[{"start":0,"end":5,"text":"Hi there","speaker":["he"],"direct":true}]}`
	if err := writeFile(path, line); err != nil {
		t.Fatal(err)
	}
	if _, err := eval.Load(path); err == nil || !strings.Contains(err.Error(), "bad.jsonl") {
		t.Errorf("bad offsets accepted or error lacks the file name: %v", err)
	}
}
