package main

import (
	"context"
	"io"

	"github.com/parallaxnews/parallax/annotate/quotes/eval"
)

// evalQuotes prints quote detection P/R/F1, speaker accuracy and speed of
// the quotes stage: "parallax eval quotes [-gold PATH] [-corpus DIR] [-v]".
func evalQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("quotes", stdout, stderr)
	var opts eval.Options
	f.StringVar(&opts.Gold, "gold", "", "gold JSONL file or folder (default testdata/quotes)")
	f.speedCorpus(&opts.Corpus)
	f.Float64Var(&opts.SpeedSeconds, "seconds", 0, "minimum duration of the speed run (default 2)")
	f.BoolVar(&opts.NoNER, "no-ner", false, "skip the run with NER mentions")
	f.mismatches(&opts.Errors)
	if err := f.parse(args); err != nil {
		return err
	}
	return f.printReport(eval.Run(ctx, opts))
}
