package main

import (
	"context"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/annotate/timex/eval"
	tleval "github.com/parallaxnews/parallax/compare/timeline/eval"
)

// evalTimex prints detection P/R/F1, value accuracy and speed of the timex
// stage, and timeline merge scores on ECB+: "parallax eval timex [-gold FILE] [-corpus DIR] [-rounds N] [-timeline=false] [-v]".
func evalTimex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("timex", stdout, stderr)
	var opts eval.Options
	f.StringVar(&opts.Gold, "gold", "", "one gold file (default: the development and held-out sets under testdata/timex)")
	f.speedCorpus(&opts.Corpus)
	f.IntVar(&opts.SpeedRounds, "rounds", 0, "times to run the corpus for speed (default 3)")
	f.mismatches(&opts.Errors)
	withTimeline := f.Bool("timeline", true, "also build and score timelines over the ECB+ corpus")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.printReport(eval.Run(ctx, opts)); err != nil || !*withTimeline {
		return err
	}
	tl, err := tleval.Run(ctx, defaultECBDocs(opts.Corpus))
	if err != nil {
		fmt.Fprintf(stdout, "timeline: skipped (%v)\n", err)
		return nil
	}
	tl.Print(stdout)
	return nil
}
