package main

import (
	"context"
	"flag"
	"io"

	"github.com/parallaxnews/parallax/annotate/entities/nereval"
)

// evalNER prints the entity tagger's precision, recall and F1 on UNER EWT
// test and GUM held-out documents, its speed and its peak memory.
func evalNER(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "shared data folder")
	seconds := fs.Float64("speed-seconds", 2, "minimum duration of the speed test")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	r, err := nereval.Run(ctx, nereval.Options{Shared: *shared, MinSpeedSeconds: *seconds})
	if err != nil {
		return err
	}
	r.Print(stdout)
	return nil
}
