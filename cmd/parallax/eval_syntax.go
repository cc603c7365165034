package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/parallaxnews/parallax/annotate/syntax/syneval"
)

// evalSyntax prints the tagger's, lemmatiser's and parser's accuracy on EWT
// test and held-out GUM, with gold words and from raw text, and their speed
// and memory: "parallax eval syntax [-json] [-dev] [-model FILE]".
func evalSyntax(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("syntax", stdout, stderr)
	var opt syneval.Options
	f.StringVar(&opt.Shared, "shared", "../shared", "shared data folder")
	f.BoolVar(&opt.Dev, "dev", false, "measure on EWT dev instead of EWT test (for tuning)")
	f.Float64Var(&opt.SpeedSeconds, "speed-seconds", 2, "least duration of the speed run (negative: skip it)")
	modelPath := f.String("model", "", "model file to measure instead of the embedded one (from parallax train syntax --out)")
	asJSON := f.Bool("json", false, "print one JSON object")
	if err := f.parse(args); err != nil {
		return err
	}
	if *modelPath != "" {
		b, err := os.ReadFile(*modelPath)
		if err != nil {
			return fmt.Errorf("eval syntax: %w", err)
		}
		opt.Model = b
	}
	rep, err := syneval.Run(ctx, opt)
	if err != nil {
		return fmt.Errorf("eval syntax: %w", err)
	}
	if *asJSON {
		return rep.PrintJSON(stdout)
	}
	rep.Print(stdout)
	return nil
}
