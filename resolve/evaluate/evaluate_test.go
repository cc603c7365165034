package evaluate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/resolve/evaluate"
)

func TestReadAndScoreNamePairs(t *testing.T) {
	in := "# comment\n1\ttranslit\tTashiev\tТашиев\n0\tgiven\tSadyr Zhaparov\tAkylbek Zhaparov\n1\thard\tAlmaty\tAlma-Ata\n"
	pairs, err := evaluate.ReadNamePairs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 3 {
		t.Fatalf("got %d pairs", len(pairs))
	}
	rep := evaluate.ScoreNames(pairs)
	// Tashiev/Ташиев matched (TP), the Zhaparovs kept apart (TN), Almaty's
	// old name missed (FN): precision 1, recall 1/2.
	if rep.TP != 1 || rep.TN != 1 || rep.FN != 1 || rep.FP != 0 || rep.Precision != 1 || rep.Recall != 0.5 {
		t.Errorf("report %+v", rep)
	}
	if _, err := evaluate.ReadNamePairs(strings.NewReader("x\ty\n")); err == nil {
		t.Error("want an error for a malformed line")
	}
}

// TestCommittedPairSet guards the matcher against regressions on the
// committed name-variant set.
func TestCommittedPairSet(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "namematch", "pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := evaluate.ReadNamePairs(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 1000 {
		t.Fatalf("only %d pairs", len(pairs))
	}
	rep := evaluate.ScoreNames(pairs)
	if rep.Precision < 0.99 || rep.Recall < 0.95 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.99 and ≥ 0.95", rep.Precision, rep.Recall)
	}
	for _, k := range rep.Kinds {
		if !k.Same && (k.Kind == "gender" || k.Kind == "same surname, other given name") && k.Matched > 0 {
			t.Errorf("%d of %d %q pairs matched", k.Matched, k.Pairs, k.Kind)
		}
	}
}

// TestGenerateIsDeterministic rebuilds the pair set when the shared data is
// present and checks it equals the committed file.
func TestGenerateIsDeterministic(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "gazetteers")); err != nil {
		t.Skip("shared gazetteers not present")
	}
	var a, b strings.Builder
	if err := evaluate.GenerateNamePairs(shared, &a); err != nil {
		t.Fatal(err)
	}
	if err := evaluate.GenerateNamePairs(shared, &b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs differ")
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "namematch", "pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != a.String() {
		t.Error("testdata/namematch/pairs.tsv is stale: run go run ./cmd/parallax eval names -generate")
	}
}
