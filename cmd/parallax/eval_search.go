package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/store/sqlite/searcheval"
)

// evalSearch prints precision and recall of the written search queries over
// ECB+, words as written versus stems and name keys:
// "parallax eval search [-corpus DIR] [-json]".
func evalSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newEvalFlags("search", stdout, stderr)
	var corpus string
	f.StringVar(&corpus, "corpus", "", "ECB+ docs folder (default "+ecbplusDocs+")")
	asJSON := f.Bool("json", false, "print JSON")
	if err := f.parse(args); err != nil {
		return err
	}
	rep, err := searcheval.Run(ctx, defaultECBDocs(corpus))
	if err != nil {
		return fmt.Errorf("eval search: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.Print(stdout)
	return nil
}
