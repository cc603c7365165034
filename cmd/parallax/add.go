package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/parallaxnews/parallax/internal/progress"
	"mime"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/ingest/fetch"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// fetchFlags are the politeness flags add and watch share.
type fetchFlags struct {
	timeout  *time.Duration
	interval *time.Duration
	maxSize  *string
	allow    hostList
}

func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	f := &fetchFlags{
		timeout:  fs.Duration("timeout", 30*time.Second, "time limit of one request, body included"),
		interval: fs.Duration("host-interval", time.Second, "least pause between two requests to one host (a longer robots.txt Crawl-delay wins)"),
		maxSize:  fs.String("max-size", "10MB", "largest accepted page"),
	}
	fs.Var(&f.allow, "allow-host", "a `host` redirects may lead to besides the one named (repeatable)")
	return f
}

// fetcher builds the Fetcher; every request is logged to stderr.
func (m *Main) fetcher(f *fetchFlags, quiet bool) (*fetch.Fetcher, int64, error) {
	limit, err := parseSize(*f.maxSize)
	if err != nil {
		return nil, 0, fmt.Errorf("--max-size: %w", err)
	}
	opts := fetch.Options{Timeout: *f.timeout, MaxBytes: limit, HostInterval: *f.interval, AllowHosts: f.allow}
	if !quiet {
		opts.Log = func(e fetch.Entry) { fmt.Fprintf(m.Stderr, "parallax: %s\n", e) }
	}
	return fetch.New(opts), limit, nil
}

// pageInput turns a fetched page into an input named by its URL, its
// bytes unchanged; the content type decides between HTML and text.
func pageInput(ctx context.Context, p *fetch.Page, limit int64) ([]ingest.Input, []*ingest.Error) {
	name := ""
	if mt, _, err := mime.ParseMediaType(p.ContentType); err == nil {
		switch {
		case strings.Contains(mt, "html"):
			name = "page.html"
		case mt == "text/plain":
			name = "page.txt"
		case strings.HasPrefix(mt, "text/"), strings.Contains(mt, "json"), strings.Contains(mt, "xml"):
		default:
			return nil, []*ingest.Error{{Source: p.Requested, Err: fmt.Errorf("content type %s is not an article page", mt)}}
		}
	}
	return ingest.FromBytes(ctx, p.Requested, name, p.Body, ingest.Options{MaxBytes: limit})
}

// fetchInputs fetches one page and turns it into inputs; failures name
// the URL.
func fetchInputs(ctx context.Context, f *fetch.Fetcher, u string, limit int64) ([]ingest.Input, []error) {
	page, err := f.Get(ctx, u)
	if err != nil {
		return nil, []error{err}
	}
	ins, errs := pageInput(ctx, page, limit)
	failed := make([]error, len(errs))
	for i, e := range errs {
		failed[i] = e
	}
	return ins, failed
}

// openForFetched opens the store and a pipeline that shows progress on a
// terminal, for analysing fetched pages.
func (m *Main) openForFetched(ctx context.Context, dbPath string, limit int64) (*sqlite.Store, *pipeline.Pipeline, *progress.Line, error) {
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return nil, nil, nil, err
	}
	line := progress.New(m.Stderr)
	p, err := pipeline.New(pipeline.Options{Ingest: ingest.Options{MaxBytes: limit}, Progress: line.Update})
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	return st, p, line, nil
}

// runAdd fetches the pages the user names and analyses them as analyze
// does: "parallax add [flags] URL...".
func (m *Main) runAdd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file` (created if missing)")
	format := fs.String("format", "json", "dossier format: json or markdown")
	out := fs.String("out", "", "write the dossier to `file` instead of stdout")
	story := fs.String("story", "", "add the pages to this existing story `id`")
	quiet := fs.Bool("q", false, "log no requests and print no summary line")
	ff := addFetchFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax add [flags] URL...   (fetches only the pages named, politely: robots.txt, one host at a time)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 || *format != "json" && *format != "markdown" {
		fs.Usage()
		return errUsage
	}
	f, limit, err := m.fetcher(ff, *quiet)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax add: %v\n", err)
		return errUsage
	}
	var inputs []ingest.Input
	var failed []error
	for _, u := range fs.Args() {
		ins, errs := fetchInputs(ctx, f, u, limit)
		inputs, failed = append(inputs, ins...), append(failed, errs...)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st, p, line, err := m.openForFetched(ctx, *dbPath, limit)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := p.AnalyzeInputs(ctx, st, inputs, *story)
	if err != nil {
		return err
	}
	res.Failed = append(failed, res.Failed...)
	line.Clear()
	return m.writeResult(res, *format, *out, *quiet, *dbPath)
}
