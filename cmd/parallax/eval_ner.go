package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/parallaxnews/parallax/annotate/entities/nereval"
)

// evalNER prints the entity tagger's precision, recall and F1 on UNER EWT
// test and GUM held-out documents, its speed and its peak memory.
func evalNER(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "shared data folder")
	seconds := fs.Float64("speed-seconds", 2, "minimum duration of the speed test")
	modelPath := fs.String("model", "", "model file to measure instead of the embedded one (from parallax train ner --out)")
	noSpeed := fs.Bool("no-speed", false, "skip the speed test")
	errors := fs.Bool("errors", false, "print an error analysis (missed, spurious, boundary, type) instead of the scores")
	dev := fs.Bool("dev", false, "measure on UNER EWT dev and GUM dev instead of the test splits (for tuning a model trained without uner-dev)")
	top := fs.Int("top", 40, "with --errors: how many of the most frequent strings to list per error kind")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	var modelFile []byte
	if *modelPath != "" {
		b, err := os.ReadFile(*modelPath)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		modelFile = b
	}
	if *errors {
		uner, gum, err := nereval.Analyse(ctx, *shared, modelFile, *dev)
		if err != nil {
			return err
		}
		split := "test"
		if *dev {
			split = "dev"
		}
		fmt.Fprintf(stdout, "== UNER EWT %s (PER/ORG/LOC)\n", split)
		nereval.PrintErrorAnalysis(stdout, uner, *top)
		fmt.Fprintf(stdout, "\n== GUM %s (PER/ORG/LOC/GRP)\n", split)
		nereval.PrintErrorAnalysis(stdout, gum, *top)
		return nil
	}
	r, err := nereval.Run(ctx, nereval.Options{Shared: *shared, MinSpeedSeconds: *seconds, Model: modelFile, SkipSpeed: *noSpeed, Dev: *dev})
	if err != nil {
		return err
	}
	r.Print(stdout)
	return nil
}
