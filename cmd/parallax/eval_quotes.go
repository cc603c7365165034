package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/annotate/quotes/eval"
)

// evalQuotes prints quote detection P/R/F1, speaker accuracy and speed of
// the quotes stage: "parallax eval quotes [-gold PATH] [-corpus DIR] [-v]".
func evalQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts eval.Options
	fs.StringVar(&opts.Gold, "gold", "", "gold JSONL file or folder (default testdata/quotes)")
	fs.StringVar(&opts.Corpus, "corpus", "", "ECB+ docs folder for the speed run (default ../shared/corpora/ecbplus/docs)")
	fs.Float64Var(&opts.SpeedSeconds, "seconds", 0, "minimum duration of the speed run (default 2)")
	fs.BoolVar(&opts.NoNER, "no-ner", false, "skip the run with NER mentions")
	verbose := fs.Bool("v", false, "print every mismatch")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *verbose {
		opts.Errors = stdout
	}
	rep, err := eval.Run(ctx, opts)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	rep.Print(stdout)
	return nil
}
