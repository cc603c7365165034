package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/ingest/fetch"
)

// runWatch follows RSS and Atom feeds and sitemaps: every interval it
// reads each source, fetches the articles it has not fetched yet, and
// analyses them into stories: "parallax watch [flags] URL...". Articles
// are fetched only from the hosts of the sources named (and
// --allow-host).
func (m *Main) runWatch(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file` (created if missing)")
	every := fs.Duration("every", 15*time.Minute, "time between two readings of the sources")
	once := fs.Bool("once", false, "read the sources once and stop")
	maxLinks := fs.Int("max-links", 200, "most articles fetched from one source in one reading")
	quiet := fs.Bool("q", false, "log no requests")
	ff := addFetchFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax watch [flags] FEED-OR-SITEMAP-URL...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 || *every < time.Second || *maxLinks < 1 {
		fs.Usage()
		return errUsage
	}
	f, limit, err := m.fetcher(ff, *quiet)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax watch: %v\n", err)
		return errUsage
	}
	named := map[string]bool{}
	for _, h := range ff.allow {
		named[strings.ToLower(h)] = true
	}
	for _, s := range fs.Args() {
		u, err := url.Parse(s)
		if err != nil || u.Hostname() == "" {
			fmt.Fprintf(m.Stderr, "parallax watch: %q is not a URL\n", s)
			return errUsage
		}
		named[strings.ToLower(u.Hostname())] = true
	}
	st, p, line, err := m.openForFetched(ctx, *dbPath, limit)
	if err != nil {
		return err
	}
	defer st.Close()
	w := &watcher{m: m, f: f, named: named, seen: map[string]bool{}, limit: limit, maxLinks: *maxLinks}
	for {
		inputs, failed := w.pass(ctx, fs.Args())
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := p.AnalyzeInputs(ctx, st, inputs, "")
		line.Clear()
		if err != nil {
			return err
		}
		res.Failed = append(failed, res.Failed...)
		for _, e := range res.Failed {
			fmt.Fprintf(m.Stderr, "parallax: %v\n", e)
		}
		note := "no new story"
		if len(res.Stories) > 0 {
			note = storiesNote(res.Stories)
		}
		fmt.Fprintf(m.Stdout, "%s: %d new, %d already stored, %d failed; %s\n",
			time.Now().UTC().Format(time.RFC3339), res.Added, res.Known, len(res.Failed), note)
		if *once {
			if len(res.Failed) > 0 {
				return errFailedInputs
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(*every):
		}
	}
}

// watcher is one watch command's state: the articles already fetched.
type watcher struct {
	m        *Main
	f        *fetch.Fetcher
	named    map[string]bool
	seen     map[string]bool
	limit    int64
	maxLinks int
}

// pass reads every source once and fetches its new articles.
func (w *watcher) pass(ctx context.Context, sources []string) ([]ingest.Input, []error) {
	var inputs []ingest.Input
	var failed []error
	for _, src := range sources {
		links, err := w.links(ctx, src, true)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		fetched := 0
		for _, link := range links {
			if ctx.Err() != nil || fetched == w.maxLinks {
				break
			}
			if w.seen[link] {
				continue
			}
			w.seen[link] = true
			if u, err := url.Parse(link); err != nil || !w.named[strings.ToLower(u.Hostname())] {
				fmt.Fprintf(w.m.Stderr, "parallax: skip %s: its host was not named (allow it with --allow-host)\n", link)
				continue
			}
			fetched++
			ins, errs := fetchInputs(ctx, w.f, link, w.limit)
			inputs, failed = append(inputs, ins...), append(failed, errs...)
		}
	}
	return inputs, failed
}

// links fetches a feed or sitemap and returns its article links; a
// sitemap index is followed one level, to child sitemaps on named hosts.
func (w *watcher) links(ctx context.Context, src string, top bool) ([]string, error) {
	page, err := w.f.Get(ctx, src)
	if err != nil {
		return nil, err
	}
	kind, links, err := fetch.Links(page.Body, page.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	if kind != fetch.KindSitemapIndex {
		return links, nil
	}
	if !top {
		return nil, fmt.Errorf("%s: a sitemap index inside a sitemap index is not followed", src)
	}
	var all []string
	for _, child := range links {
		u, err := url.Parse(child)
		if err != nil || !w.named[strings.ToLower(u.Hostname())] {
			continue
		}
		got, err := w.links(ctx, child, false)
		if err != nil {
			fmt.Fprintf(w.m.Stderr, "parallax: %v\n", err)
			continue
		}
		all = append(all, got...)
	}
	return all, nil
}
