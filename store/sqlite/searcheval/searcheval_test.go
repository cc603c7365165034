package searcheval

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
)

const corpusDir = "../../../../shared/corpora/ecbplus/docs"

var update = flag.Bool("update", false, "rewrite figures.json from this run")

// figures is what figures.json records of a run.
type figures struct {
	Command     string `json:"command"`
	Documents   int    `json:"documents"`
	Queries     int    `json:"queries"`
	MicroBefore Score  `json:"micro_before"`
	MicroAfter  Score  `json:"micro_after"`
	MacroBefore Score  `json:"macro_before"`
	MacroAfter  Score  `json:"macro_after"`
}

// TestRecordedFigures fails when search on ECB+ falls more than
// recorded.Tolerance below the figures recorded in figures.json.
func TestRecordedFigures(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("ECB+ corpus not found at " + corpusDir)
	}
	rep, err := Run(context.Background(), corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	got := figures{Command: "parallax eval search", Documents: rep.Documents, Queries: len(rep.Queries),
		MicroBefore: rep.MicroBefore, MicroAfter: rep.MicroAfter, MacroBefore: rep.MacroBefore, MacroAfter: rep.MacroAfter}
	var want figures
	if !recorded.Load(t, "figures.json", got, &want, *update) {
		return
	}
	if got.Queries < 30 || got.Queries != want.Queries {
		t.Errorf("%d queries, recorded %d (at least 30 are required)", got.Queries, want.Queries)
	}
	recorded.AtLeast(t, "micro precision", got.MicroAfter.Precision, want.MicroAfter.Precision)
	recorded.AtLeast(t, "micro recall", got.MicroAfter.Recall, want.MicroAfter.Recall)
	recorded.AtLeast(t, "macro precision", got.MacroAfter.Precision, want.MacroAfter.Precision)
	recorded.AtLeast(t, "macro recall", got.MacroAfter.Recall, want.MacroAfter.Recall)
	// Stems and name keys must beat words as written.
	if got.MicroAfter.F1 <= got.MicroBefore.F1 {
		t.Errorf("after F1 %.3f is not above before %.3f", got.MicroAfter.F1, got.MicroBefore.F1)
	}
}

func TestQueriesAreWellFormed(t *testing.T) {
	qs, err := Queries()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Q == "" || len(q.All) == 0 || q.Kind == "" {
			t.Errorf("query %+v lacks text, kind or relevance forms", q)
		}
	}
}
