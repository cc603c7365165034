package syneval_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax/syneval"
)

const shared = "../../../../shared"

// TestFiguresHold measures the embedded model on the first sentences of
// EWT test and held-out GUM and fails when a figure falls more than 0.02
// below the value recorded in testdata/recorded.json (written from a full
// "parallax eval syntax" run's slice; see docs/syntax.md).
func TestFiguresHold(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "corpora/ud-en/ewt")); err != nil {
		t.Skipf("no treebanks under %s: %v", shared, err)
	}
	var recorded struct {
		Sentences int                `json:"sentences"`
		Figures   map[string]float64 `json:"figures"`
	}
	b, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &recorded); err != nil {
		t.Fatal(err)
	}
	rep, err := syneval.Run(context.Background(), syneval.Options{Shared: shared, MaxSentences: recorded.Sentences, SpeedSeconds: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := figuresOf(rep)
	if len(recorded.Figures) == 0 {
		t.Fatal("testdata/recorded.json records no figures")
	}
	for name, want := range recorded.Figures {
		g, ok := got[name]
		if !ok {
			t.Errorf("recorded figure %q is not measured", name)
			continue
		}
		if g < want-0.02 {
			t.Errorf("%s = %.4f, recorded %.4f: fell by more than 0.02", name, g, want)
		} else {
			t.Logf("%s = %.4f (recorded %.4f)", name, g, want)
		}
	}
}

// figuresOf names the figures of a report the regression test guards.
func figuresOf(r *syneval.Report) map[string]float64 {
	return map[string]float64{
		"ewt_upos": r.EWT.UPOS, "ewt_xpos": r.EWT.XPOS, "ewt_lemma": r.EWT.Lemma, "ewt_uas": r.EWT.UAS, "ewt_las": r.EWT.LAS,
		"gum_upos": r.GUM.UPOS, "gum_uas": r.GUM.UAS, "gum_las": r.GUM.LAS,
		"ewt_raw_words": r.EWTRaw.Words, "ewt_raw_uas": r.EWTRaw.UAS, "ewt_raw_las": r.EWTRaw.LAS,
		"gum_raw_uas": r.GUMRaw.UAS, "gum_raw_las": r.GUMRaw.LAS,
	}
}

// TestRecordFigures writes testdata/recorded.json when SYNTAX_RECORD=1.
func TestRecordFigures(t *testing.T) {
	if os.Getenv("SYNTAX_RECORD") != "1" {
		t.Skip("set SYNTAX_RECORD=1 to record the figures of the embedded model")
	}
	const n = 300
	rep, err := syneval.Run(context.Background(), syneval.Options{Shared: shared, MaxSentences: n, SpeedSeconds: -1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(map[string]any{"sentences": n, "figures": figuresOf(rep)}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/recorded.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
