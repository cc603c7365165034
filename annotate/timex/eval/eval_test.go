package eval_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex/eval"
)

func TestScoreFile(t *testing.T) {
	f := eval.GoldFile{Name: "sample", Path: filepath.Join("..", "..", "..", "testdata", "timex", "eval-sample", "gold.jsonl")}
	var errs bytes.Buffer
	sc, err := eval.ScoreFile(context.Background(), f, &errs)
	if err != nil {
		t.Fatal(err)
	}
	// "January 12" in the past tense of a January 11 article stays in
	// 2022 only if nearest; the sentence is past tense, so the system gives
	// 2021-01-12: one value error. "early March" overlaps the gold "March"
	// (span error, value right).
	if sc.Items != 3 || sc.Gold != 3 || sc.Predicted != 3 {
		t.Fatalf("counts: %+v\n%s", sc, errs.String())
	}
	if sc.Exact != 2 || sc.Overlap != 3 {
		t.Errorf("exact %d overlap %d, want 2 and 3\n%s", sc.Exact, sc.Overlap, errs.String())
	}
	if sc.ValueCorrect != 2 {
		t.Errorf("value correct %d, want 2\n%s", sc.ValueCorrect, errs.String())
	}
	if !strings.Contains(errs.String(), "VALUE") || !strings.Contains(errs.String(), "SPAN") {
		t.Errorf("mismatch log: %s", errs.String())
	}
	var out bytes.Buffer
	sc.Print(&out)
	if !strings.Contains(out.String(), "P 0.667") {
		t.Errorf("report: %s", out.String())
	}
}

func TestBadGold(t *testing.T) {
	if _, err := eval.ReadGold("does-not-exist.jsonl"); err == nil {
		t.Error("missing file: no error")
	}
}
