package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parallaxnews/parallax/resolve/evaluate"
)

// evalNames prints the name matcher's precision and recall on the
// name-variant pair set; -generate rebuilds the set from the gazetteers.
func evalNames(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("names", stdout, stderr)
	pairsPath := f.String("pairs", filepath.Join("testdata", "namematch", "pairs.tsv"), "pair file")
	generate := f.Bool("generate", false, "rebuild the pair file from the gazetteers under -shared, then score it")
	shared := f.String("shared", filepath.Join("..", "shared"), "shared data folder (for -generate)")
	showErrors := f.Int("errors", 0, "print up to this many wrongly judged pairs")
	if err := f.parse(args); err != nil {
		return err
	}
	if *generate {
		var buf bytes.Buffer
		if err := evaluate.GenerateNamePairs(*shared, &buf); err != nil {
			return err
		}
		if err := os.WriteFile(*pairsPath, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write pairs: %w", err)
		}
		fmt.Fprintf(stderr, "wrote %s\n", *pairsPath)
	}
	pairsFile, err := os.Open(*pairsPath)
	if err != nil {
		return fmt.Errorf("open pairs: %w", err)
	}
	defer pairsFile.Close()
	pairs, err := evaluate.ReadNamePairs(pairsFile)
	if err != nil {
		return err
	}
	rep := evaluate.ScoreNames(pairs)
	fmt.Fprintf(stdout, "name matcher on %s: %d pairs (%d same, %d different)\n", *pairsPath, rep.Pairs, rep.TP+rep.FN, rep.FP+rep.TN)
	fmt.Fprintf(stdout, "precision %.3f  recall %.3f  F1 %.3f  (TP %d, FP %d, FN %d, TN %d)\n", rep.Precision, rep.Recall, rep.F1, rep.TP, rep.FP, rep.FN, rep.TN)
	fmt.Fprintf(stdout, "%-36s %6s %8s\n", "kind", "pairs", "matched")
	for _, k := range rep.Kinds {
		label := "same"
		if !k.Same {
			label = "diff"
		}
		fmt.Fprintf(stdout, "%-36s %6d %7.1f%%\n", label+": "+k.Kind, k.Pairs, 100*float64(k.Matched)/float64(k.Pairs))
	}
	fmt.Fprintf(stdout, "speed: %.0f pairs/s of CPU time on one core\n", rep.PairsPerSecond)
	for i, p := range rep.Errors {
		if i >= *showErrors {
			break
		}
		fmt.Fprintf(stdout, "error: same=%v %s: %q vs %q\n", p.Same, p.Kind, p.A, p.B)
	}
	return nil
}
