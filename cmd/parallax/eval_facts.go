package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/compare/eval"
)

// evalFacts scores fact comparison on the evaluation stories and runs it on
// ECB+ topics: "parallax eval facts [-stories DIR] [-ecb DIR|-] [-topics 36,37] [-ecb-topics] [-rates FILE] [-v] [-json] [-scale N] [-judged DIR [-pages DIR] [-corpora LIST]]".
func evalFacts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval facts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts eval.Options
	fs.StringVar(&opts.Stories, "stories", "", "folder of story folders with gold.json (default testdata/compare)")
	fs.StringVar(&opts.ECB, "ecb", "", "ECB+ docs folder (default ../shared/corpora/ecbplus/docs; - to skip)")
	topics := fs.String("topics", "", "comma-separated ECB+ topics (default 36-45)")
	rates := fs.String("rates", "", "exchange rates CSV (date,currency,rate per USD)")
	tol := fs.Float64("tolerance", 0, "money tolerance after conversion (default 0.05)")
	fs.BoolVar(&opts.Details, "v", false, "print every gold group's outcome")
	fs.BoolVar(&opts.TopicsOnly, "ecb-topics", false, "only the ECB+ topic check: each topic analysed as a new user would (story clustering on), its disputed and changed facts counted (-topics, -json)")
	fs.IntVar(&opts.Scale, "scale", 0, "time the comparison of ONE story made of the first N ECB+ documents (e.g. 1000)")
	fs.BoolVar(&opts.JSON, "json", false, "print one JSON object with the figures of each story and the total (no ECB+ counts)")
	judged := fs.String("judged", "", "hand-judged flags folder (testdata/facts/judged): re-run ECB+ topics 36-45 and 1-35, -pages and ecbplus-facts, print judged precision of disputed and changed, list flags not judged yet")
	corpora := fs.String("corpora", "", "with -judged: comma-separated corpora to re-run (default all: ecb-topics,ecb-topics-dev,pages,page-events,ecbplus-facts)")
	pages := fs.String("pages", "", "with -judged: folder of cleaned real pages (default ../pages-cache)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	for _, t := range strings.Split(*topics, ",") {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			return fmt.Errorf("eval facts: topic %q: %w", t, err)
		}
		opts.Topics = append(opts.Topics, n)
	}
	opts.Compare.MoneyTolerance = *tol
	if *rates != "" {
		r, err := compare.LoadRates(*rates)
		if err != nil {
			return fmt.Errorf("eval facts: %w", err)
		}
		opts.Compare.Rates = r
	}
	if *judged != "" {
		var names []string
		for _, c := range strings.Split(*corpora, ",") {
			if c = strings.TrimSpace(c); c != "" {
				names = append(names, c)
			}
		}
		err := eval.RunJudged(ctx, stdout, eval.JudgedOptions{Dir: *judged, ECB: opts.ECB, Pages: *pages, Corpora: names, JSON: opts.JSON, Details: opts.Details, Compare: opts.Compare})
		if err != nil {
			return fmt.Errorf("eval facts: %w", err)
		}
		return nil
	}
	if err := eval.Run(ctx, stdout, opts); err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	return nil
}
