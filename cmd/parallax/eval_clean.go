package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/clean/eval"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

// evalClean prints date, outlet, title, credit, boilerplate and reprint
// figures of cleaning: "parallax eval clean [-fixtures DIR] [-ecb DIR|-]
// [-pages CACHE -expected FILE [-facts=false]] [-v] [-json]".
func evalClean(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("clean", stdout, stderr)
	var opts eval.Options
	f.StringVar(&opts.Fixtures, "fixtures", "", "fixture cases folder (default testdata/clean; - to skip)")
	f.StringVar(&opts.ECB, "ecb", "", "ECB+ docs folder (default "+ecbplusDocs+"; - to skip)")
	f.StringVar(&opts.Pages, "pages", "", "cache folder holding the check set's page texts (skipped when empty)")
	f.StringVar(&opts.Expected, "expected", "", "check set list with expected metadata (default testdata/clean/pages.jsonl)")
	facts := f.Bool("facts", true, "with -pages: run the fact pipeline over the check set and count facts drawn from boilerplate")
	asJSON := f.Bool("json", false, "print one JSON object")
	f.mismatches(&opts.Errors)
	if err := f.parse(args); err != nil {
		return err
	}
	if *facts && opts.Pages != "" && opts.Pages != "-" {
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			return fmt.Errorf("eval clean: %w", err)
		}
		opts.Analyze = func(ctx context.Context, storyID string, docs []*model.Document) ([]model.Fact, error) {
			dossier, _, err := p.Analyze(ctx, storyID, docs)
			if err != nil {
				return nil, err
			}
			return dossier.Facts, nil
		}
	}
	rep, err := eval.Run(ctx, opts)
	if err != nil {
		return fmt.Errorf("eval clean: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		return enc.Encode(rep)
	}
	rep.Print(stdout)
	return nil
}
