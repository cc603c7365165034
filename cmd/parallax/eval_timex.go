package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/parallaxnews/parallax/annotate/timex/eval"
	tleval "github.com/parallaxnews/parallax/compare/timeline/eval"
)

// evalTimex prints detection P/R/F1, value accuracy and speed of the timex
// stage, and timeline merge scores on ECB+: "parallax eval timex [-gold FILE] [-corpus DIR] [-rounds N] [-timeline=false] [-v]".
func evalTimex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval timex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts eval.Options
	fs.StringVar(&opts.Gold, "gold", "", "one gold file (default: the development and held-out sets under testdata/timex)")
	fs.StringVar(&opts.Corpus, "corpus", "", "ECB+ docs folder for the speed run (default ../shared/corpora/ecbplus/docs)")
	fs.IntVar(&opts.SpeedRounds, "rounds", 0, "times to run the corpus for speed (default 3)")
	verbose := fs.Bool("v", false, "print every mismatch")
	withTimeline := fs.Bool("timeline", true, "also build and score timelines over the ECB+ corpus")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *verbose {
		opts.Errors = stdout
	}
	rep, err := eval.Run(ctx, opts)
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	rep.Print(stdout)
	if !*withTimeline {
		return nil
	}
	dir := opts.Corpus
	if dir == "" {
		dir = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	tl, err := tleval.Run(ctx, dir)
	if err != nil {
		fmt.Fprintf(stdout, "timeline: skipped (%v)\n", err)
		return nil
	}
	tl.Print(stdout)
	return nil
}
