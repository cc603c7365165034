package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/resolve/stories"
	"github.com/parallaxnews/parallax/resolve/stories/eval"
)

// evalStories measures story clustering on ECB+: "parallax eval stories
// [-corpus DIR] [-seed N] [-json] [-fit]".
func evalStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("stories", stdout, stderr)
	corpus := f.String("corpus", "", "ECB+ docs folder (default "+ecbplusDocs+")")
	seed := f.Uint64("seed", 1, "seed of the shuffled streaming order")
	asJSON := f.Bool("json", false, "print the report as JSON")
	fit := f.Bool("fit", false, "fit the clustering model on the tuning topics (1–25) and print it, instead of measuring")
	if err := f.parse(args); err != nil {
		return err
	}
	dir := defaultECBDocs(*corpus)
	if *fit {
		docs, err := eval.Load(ctx, dir, eval.TuneTopics)
		if err != nil {
			return fmt.Errorf("eval stories: %w", err)
		}
		m := eval.Fit(eval.Examples(docs, stories.DefaultOptions(), 7))
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	}
	rep, err := eval.Run(ctx, eval.Options{Corpus: dir, Seed: *seed})
	if err != nil {
		return fmt.Errorf("eval stories: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.Print(stdout)
	return nil
}
