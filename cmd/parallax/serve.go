package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/atomicfile"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/report"
	"github.com/parallaxnews/parallax/present/web"
	"github.com/parallaxnews/parallax/store/sqlite"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file` (created if missing)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`; anything but loopback needs --token")
	token := fs.String("token", os.Getenv("PARALLAX_TOKEN"), "access `token` required on every request (default $PARALLAX_TOKEN)")
	maxSize := fs.String("max-size", "10MB", "largest accepted uploaded file or pasted text")
	readOnly := fs.Bool("read-only", false, "do not offer adding articles (and do not load the pipeline)")
	userName := fs.String("user", os.Getenv("PARALLAX_USER"), "`name` decisions are recorded under when a form or API request gives none (default $PARALLAX_USER)")
	var allowHosts hostList
	fs.Var(&allowHosts, "allow-host", "also answer to this host `name` (e.g. a reverse proxy's); repeatable. Other names than localhost and IP addresses are refused")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax serve [--db FILE] [--addr 127.0.0.1:8080] [--token T]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	limit, err := parseSize(*maxSize)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax serve: --max-size: %v\n", err)
		return errUsage
	}
	if *token == "" && !web.IsLoopback(*addr) {
		return fmt.Errorf("%s: %w", *addr, web.ErrTokenRequired)
	}
	st, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := web.Options{Store: st, Token: *token, MaxFile: limit, AllowedHosts: allowHosts, User: *userName}
	if !*readOnly {
		p, err := pipeline.New(pipeline.Options{Ingest: ingest.Options{MaxBytes: limit}})
		if err != nil {
			return err
		}
		opts.Analyzer = web.PipelineAnalyzer(p, st)
	}
	srv, err := web.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "parallax: serving %s on http://%s/\n", *dbPath, ln.Addr())
	if *token != "" {
		fmt.Fprintf(m.Stderr, "parallax: an access token is required: open http://%s/?token=<token> once in the browser, or send \"Authorization: Bearer <token>\"\n", ln.Addr())
	} else {
		fmt.Fprintln(m.Stderr, "parallax: no access token; listening on loopback only")
	}
	return web.Serve(ctx, ln, srv)
}

func (m *Main) runReport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file`")
	storyID := fs.String("story", "", "story `id` (default: the most recently analysed story)")
	format := fs.String("format", "html", "report format: html (one self-contained file) or markdown")
	out := fs.String("out", "", "write the report to `file` instead of stdout")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax report [--db FILE] [--story ID] [--format html|markdown] [--out FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax report: %v\n", err)
		return errUsage
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	story, err := report.PickStory(ctx, st, *storyID)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return report.Write(ctx, w, st, story.ID, f) }
	if *out == "" {
		return write(m.Stdout)
	}
	if err := atomicfile.Write(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "parallax: wrote %s report of story %s to %s\n", f, story.ID, *out)
	return nil
}

// hostList collects repeated --allow-host flags.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" || strings.ContainsAny(v, "/ ") {
		return fmt.Errorf("%q is not a host name", v)
	}
	*h = append(*h, v)
	return nil
}
