package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/resolve/stories"
)

// corpus is the ECB+ docs folder seen from this package's folder.
var corpus = filepath.Join("..", "..", "..", "..", "shared", "corpora", "ecbplus", "docs")

// TestRecordedFigures clusters the ECB+ test topics as one pile and each
// topic alone, and fails when B³ F1 falls more than 0.02 below the
// figures recorded in testdata/figures.json.
func TestRecordedFigures(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("ECB+ not found at %s", corpus)
	}
	var want struct {
		Pile   float64 `json:"test_pile_b3_f1"`
		Within float64 `json:"test_within_b3_f1"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "figures.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	docs, err := Load(context.Background(), corpus, TestTopics)
	if err != nil {
		t.Fatal(err)
	}
	opts := stories.DefaultOptions()
	pile := stories.Score(Gold(docs, "sub-topic"), Stream(Shuffled(docs, 1), opts)).B3.F1
	within := stories.Score(Gold(docs, "sub-topic"), WithinTopics(Shuffled(docs, 1), opts, 1)).B3.F1
	t.Logf("test topics: pile B³ F1 %.3f (recorded %.3f), within topics %.3f (recorded %.3f)", pile, want.Pile, within, want.Within)
	if pile < want.Pile-0.02 {
		t.Errorf("pile B³ F1 %.3f fell below recorded %.3f", pile, want.Pile)
	}
	if within < want.Within-0.02 {
		t.Errorf("within-topic B³ F1 %.3f fell below recorded %.3f", within, want.Within)
	}
}
