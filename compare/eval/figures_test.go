package eval

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/internal/recorded"
)

var update = flag.Bool("update", false, "rewrite testdata/facts/figures.json with the current figures")

// recordedPath holds the figures the sets below last reached; a figure
// more than 0.02 below its record fails the test.
var recordedPath = filepath.Join("..", "..", "testdata", "facts", "figures.json")

// figureSets are the story sets whose totals are recorded: the real
// ECB+ sub-topics with hand gold (../shared, present in CI), the
// fictional development stories and the fictional held-out stories.
var figureSets = []struct{ name, dir string }{
	{"ecbplus-facts", filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus-facts")},
	{"development", filepath.Join("..", "..", "testdata", "compare")},
	{"heldout", filepath.Join("..", "..", "testdata", "compare-heldout")},
}

func TestRecordedFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline on three story sets")
	}
	an, err := NewAnalyzer(compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Figures{}
	for _, s := range figureSets {
		set, _, err := ScoreSet(t.Context(), an, s.dir)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		f := set.Total
		f.Name, f.DocsPerSecond = s.name, 0
		got[s.name] = f
	}
	var want map[string]Figures
	if !recorded.Load(t, recordedPath, got, &want, *update) {
		return
	}
	for _, s := range figureSets {
		w, ok := want[s.name]
		if !ok {
			t.Errorf("%s: no recorded figures for %s", recordedPath, s.name)
			continue
		}
		for _, r := range Regressions(w, got[s.name], 0.02) {
			t.Error(r)
		}
	}
}

func TestRegressionsFlagsOnlyDrops(t *testing.T) {
	want := Figures{Name: "x", GroupRecall: 0.5, Disputed: VerdictFigures{Precision: 0.9}, ValueRecallBy: map[string]float64{"date": 0.4}}
	got := want
	got.GroupRecall = 0.49
	got.Disputed.Precision = 0.95
	got.ValueRecallBy = map[string]float64{"date": 0.37}
	r := Regressions(want, got, 0.02)
	if len(r) != 1 || r[0] != "x: value recall (date) 0.370, recorded 0.400" {
		t.Fatalf("got %q, want only the date drop", r)
	}
}

// topicsPath holds the verdict counts of the ECB+ topic check
// (ScoreTopics on topics 36–45); a verdict across the two sub-topics'
// events is false for certain, so their number may not rise.
var topicsPath = filepath.Join("..", "..", "testdata", "facts", "ecb-topics.json")

func TestRecordedTopicCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline with story clustering on ten ECB+ topics")
	}
	fig, err := ScoreTopics(t.Context(), filepath.Join("..", "..", "..", "shared", "corpora", "ecbplus", "docs"),
		[]int{36, 37, 38, 39, 40, 41, 42, 43, 44, 45}, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := fig.Total
	var want TopicCounts
	if !recorded.Load(t, topicsPath, got, &want, *update) {
		return
	}
	if got.Docs != want.Docs {
		t.Fatalf("%d documents, recorded %d", got.Docs, want.Docs)
	}
	check := func(name string, g, w int) {
		if g > w {
			t.Errorf("%s rose from %d to %d", name, w, g)
		}
	}
	check("disputed facts across sub-topics", got.Disputed.CrossEvent, want.Disputed.CrossEvent)
	check("changed facts across sub-topics", got.Changed.CrossEvent, want.Changed.CrossEvent)
}
