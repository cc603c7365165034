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
	fit := f.Bool("fit", false, "fit the story and topic models on the tuning topics (1–25) and print them, with topic-level B³ F1 at each topic and regroup threshold, instead of measuring")
	if err := f.parse(args); err != nil {
		return err
	}
	dir := defaultECBDocs(*corpus)
	if *fit {
		docs, err := eval.Load(ctx, dir, eval.TuneTopics)
		if err != nil {
			return fmt.Errorf("eval stories: %w", err)
		}
		opts := stories.DefaultOptions()
		m := eval.Fit(eval.Examples(docs, opts, 7))
		tm := eval.Fit(eval.TopicExamples(docs, opts, 7))
		rm := eval.Fit(eval.RegroupExamples(docs, opts, 7))
		opts.TopicModel, opts.RegroupModel = tm, rm
		sweep := func(name string, set func(*stories.Options, float64), values []float64) {
			for i, f1 := range eval.TopicThresholds(docs, opts, 7, set, values) {
				fmt.Fprintf(stderr, "%s %.2f: topic B³ F1 %.3f (tuning topics, streaming, seed 7)\n", name, values[i], f1)
			}
		}
		sweep("topic threshold (no regrouping)", func(o *stories.Options, v float64) { o.TopicThreshold, o.RegroupThreshold = v, 0 },
			[]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6})
		sweep("regroup threshold", func(o *stories.Options, v float64) { o.RegroupThreshold = v }, []float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.95})
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]stories.Model{"story": m, "topic": tm, "regroup": rm})
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
