package eval

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
)

var update = flag.Bool("update", false, "rewrite testdata/figures.json with the current figures")

// corpus is the ECB+ docs folder seen from this package's folder.
var corpus = filepath.Join("..", "..", "..", "..", "shared", "corpora", "ecbplus", "docs")

// TestRecordedFigures clusters all ECB+ documents as one pile, streamed in
// a shuffled order and all at once, and fails when a recorded figure (B³
// F1 and adjusted Rand index against gold sub-topics and topics, on every
// topic and on the held-out ones, and within each held-out topic) falls
// more than 0.02 below testdata/figures.json, or streaming strays more
// than 0.03 from all at once (in the pile at both levels, and within each
// topic alone).
func TestRecordedFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates and clusters the 982 ECB+ documents")
	}
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("ECB+ not found at %s", corpus)
	}
	docs, err := Load(t.Context(), corpus, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 900 || len(HeldOut(docs)) < 10 {
		t.Fatalf("too little was measured: %d documents, held-out topics %v", len(docs), HeldOut(docs))
	}
	rep := Measure(docs, Options{FiguresOnly: true})
	got := rep.Figures()
	var want map[string]float64
	if !recorded.Load(t, filepath.Join("testdata", "figures.json"), got, &want, *update) {
		return
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g, ok := got[k]
		if !ok {
			t.Errorf("recorded figure %s is no longer measured", k)
			continue
		}
		recorded.AtLeast(t, k, g, want[k])
	}
	for _, set := range []string{"all", "held-out"} {
		for _, level := range append(append([]string(nil), Levels...), "within-topic") {
			s, b := got[set+"/"+level+"/streaming/b3_f1"], got[set+"/"+level+"/all-at-once/b3_f1"]
			t.Logf("%s %s B³ F1: streaming %.3f, all at once %.3f", set, level, s, b)
			if math.Abs(s-b) > 0.03 {
				t.Errorf("%s %s: streaming B³ F1 %.3f is more than 0.03 from all at once %.3f", set, level, s, b)
			}
		}
	}
}
