package searcheval

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

const corpusDir = "../../../../shared/corpora/ecbplus/docs"

type recorded struct {
	Queries    int `json:"queries"`
	MicroAfter struct {
		Precision, Recall, F1 float64
	} `json:"micro_after"`
	MacroAfter struct {
		Precision, Recall, F1 float64
	} `json:"macro_after"`
}

// TestRecordedFigures fails when search on ECB+ falls more than 0.02
// below the figures recorded in figures.json.
func TestRecordedFigures(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("ECB+ corpus not found at " + corpusDir)
	}
	b, err := os.ReadFile("figures.json")
	if err != nil {
		t.Fatal(err)
	}
	var want recorded
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Queries) < 30 || len(rep.Queries) != want.Queries {
		t.Errorf("%d queries, recorded %d (at least 30 are required)", len(rep.Queries), want.Queries)
	}
	check := func(name string, got, rec float64) {
		if got < rec-0.02 {
			t.Errorf("%s = %.3f, recorded %.3f", name, got, rec)
		}
	}
	check("micro precision", rep.MicroAfter.Precision, want.MicroAfter.Precision)
	check("micro recall", rep.MicroAfter.Recall, want.MicroAfter.Recall)
	check("macro precision", rep.MacroAfter.Precision, want.MacroAfter.Precision)
	check("macro recall", rep.MacroAfter.Recall, want.MacroAfter.Recall)
	// Stems and name keys must beat words as written.
	if rep.MicroAfter.F1 <= rep.MicroBefore.F1 {
		t.Errorf("after F1 %.3f is not above before %.3f", rep.MicroAfter.F1, rep.MicroBefore.F1)
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
