package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/internal/atomicfile"
	"github.com/parallaxnews/parallax/present/export"
	"github.com/parallaxnews/parallax/present/report"
)

func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file`")
	storyID := fs.String("story", "", "story `id` (default: the most recently analysed story)")
	format := fs.String("format", "json", "ftm (followthemoney JSON lines), csv, csv-excel (UTF-8 with BOM), json, markdown or html")
	out := fs.String("out", "", "write to `file` instead of stdout")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax export [--db FILE] [--story ID] --format ftm|csv|csv-excel|json|markdown|html [--out FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax export: %v\n", err)
		return errUsage
	}
	st, story, err := openStory(ctx, *dbPath, *storyID)
	if err != nil {
		return err
	}
	defer st.Close()
	write := func(w io.Writer) error {
		if f == export.HTML {
			return report.Write(ctx, w, st, story.ID, report.HTML)
		}
		d, err := st.StoryDossier(ctx, story.ID)
		if err != nil {
			return err
		}
		return export.Write(w, d, story.ID, f)
	}
	if *out == "" {
		return write(m.Stdout)
	}
	if err := atomicfile.Write(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "parallax: wrote story %s as %s to %s\n", story.ID, f, *out)
	return nil
}
