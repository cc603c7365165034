package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/parallaxnews/parallax/internal/progress"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/atomicfile"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/discrepancy"
	"github.com/parallaxnews/parallax/present/dossier"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// defaultDB is the database file used when --db is not given.
const defaultDB = "parallax.db"

func (m *Main) runAnalyze(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file` (created if missing)")
	format := fs.String("format", "json", "dossier format: json or markdown")
	out := fs.String("out", "", "write the dossier to `file` instead of stdout")
	maxSize := fs.String("max-size", "10MB", "largest accepted input file (e.g. 500KB, 10MB, 1GB)")
	story := fs.String("story", "", "add the inputs to this existing story `id` instead of starting a new one")
	quiet := fs.Bool("q", false, "do not print the summary line")
	rates := fs.String("rates", "", "exchange rates CSV `file` (date,currency,rate: units per 1 USD) for comparing sums across currencies")
	tolerance := fs.Float64("tolerance", 0.05, "relative difference under which converted sums agree")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax analyze [flags] PATH...   (files, folders, or - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *format != "json" && *format != "markdown" {
		fmt.Fprintf(m.Stderr, "parallax analyze: --format must be json or markdown, not %q\n", *format)
		return errUsage
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax analyze: --max-size: %v\n", err)
		return errUsage
	}
	if err := checkTolerance(*tolerance); err != nil {
		fmt.Fprintf(m.Stderr, "parallax analyze: --tolerance: %v\n", err)
		return errUsage
	}

	st, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := pipeline.Options{Ingest: ingest.Options{MaxBytes: limit, Stdin: m.Stdin}}
	opts.Compare.MoneyTolerance = *tolerance
	if *rates != "" {
		r, err := compare.LoadRates(*rates)
		if err != nil {
			return fmt.Errorf("--rates: %w", err)
		}
		opts.Compare.Rates = r
	}
	line := progress.New(m.Stderr)
	opts.Progress = line.Update
	p, err := pipeline.New(opts)
	if err != nil {
		return err
	}
	res, err := p.AnalyzePaths(ctx, st, fs.Args(), *story)
	if err != nil {
		return err
	}
	line.Clear()
	return m.writeResult(res, *format, *out, *quiet, *dbPath)
}

// writeResult prints the rejected inputs, writes the dossiers of the
// stories analysed and the summary line; it is errFailedInputs when an
// input was rejected.
func (m *Main) writeResult(res *pipeline.Result, format, out string, quiet bool, dbPath string) error {
	for _, f := range res.Failed {
		fmt.Fprintf(m.Stderr, "parallax: %v\n", f)
	}
	if res.Dossier != nil {
		write := func(w io.Writer) error { return writeDossier(w, res.Dossier, format) }
		if len(res.Stories) > 1 {
			write = func(w io.Writer) error { return writeDossiers(w, res.Stories, format) }
		}
		if out == "" {
			if err := write(m.Stdout); err != nil {
				return err
			}
		} else if err := atomicfile.Write(out, write); err != nil {
			return err
		}
	}
	if !quiet {
		storyNote := "no story (no input was accepted)"
		if res.Dossier != nil {
			storyNote = "story " + res.Story.ID
		}
		if len(res.Stories) > 1 {
			storyNote = storiesNote(res.Stories)
		}
		fmt.Fprintf(m.Stderr, "parallax: %d new, %d already stored, %d failed; %s in %s\n",
			res.Added, res.Known, len(res.Failed), storyNote, ingest.Printable(dbPath))
	}
	if len(res.Failed) > 0 {
		return errFailedInputs
	}
	return nil
}

func writeDossier(w io.Writer, d *model.Dossier, format string) error {
	if format == "markdown" {
		return discrepancy.Write(w, d)
	}
	return dossier.WriteJSON(w, d)
}

// maxSizeLimit is the largest accepted --max-size: beyond it a single input
// could not be held in memory on an ordinary machine anyway.
const maxSizeLimit = 1 << 40

// parseSize reads sizes such as "10MB", "500KB", "1GB" or a byte count:
// a whole number of bytes from 1 to 1 TB.
func parseSize(s string) (int64, error) {
	orig := s
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, fmt.Errorf("%q is not a size (e.g. 500KB, 10MB, 1GB)", orig)
	}
	bytes := n * float64(mult)
	if bytes < 1 || bytes > maxSizeLimit {
		return 0, fmt.Errorf("%q is out of range: from 1 byte to 1024GB", orig)
	}
	return int64(bytes), nil
}

// checkTolerance validates --tolerance: a relative difference from 0 to 1.
func checkTolerance(t float64) error {
	if math.IsNaN(t) || t < 0 || t >= 1 {
		return fmt.Errorf("%v is not a relative difference from 0 up to (not including) 1, e.g. 0.05 for 5%%", t)
	}
	return nil
}
