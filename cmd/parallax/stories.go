package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/resolve/stories"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// openExisting opens a database that must exist already: reading
// commands do not create an empty one by mistake.
func openExisting(ctx context.Context, path string) (*sqlite.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w", path, errors.Unwrap(err))
	}
	return sqlite.Open(ctx, path)
}

// writeDossiers writes several stories' dossiers: as JSON, one array of
// dossiers (so any JSON reader takes the output whole); as Markdown, the
// reports one after another, separated by a rule.
func writeDossiers(w io.Writer, analysed []pipeline.Analysed, format string) error {
	sep, open, end := "\n---\n\n", "", ""
	if format != "markdown" {
		sep, open, end = ",\n", "[\n", "]\n"
	}
	if _, err := io.WriteString(w, open); err != nil {
		return err
	}
	for i, a := range analysed {
		if i > 0 {
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
		}
		if err := writeDossier(w, a.Dossier, format); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, end)
	return err
}

// storiesNote summarises the stories of one run for the summary line.
func storiesNote(analysed []pipeline.Analysed) string {
	fresh := 0
	parts := make([]string, len(analysed))
	for i, a := range analysed {
		if a.New {
			fresh++
		}
		parts[i] = fmt.Sprintf("%s (%d docs)", a.Story.ID, len(a.Story.Documents))
	}
	return fmt.Sprintf("%d stories (%d new): %s", len(analysed), fresh, strings.Join(parts, ", "))
}

// runStories lists, merges and splits stories:
//
//	parallax stories list
//	parallax stories merge INTO FROM...
//	parallax stories split STORY DOC...
func (m *Main) runStories(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file`")
	user := fs.String("user", os.Getenv("USER"), "who decides (recorded with a merge or split)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, `usage: parallax stories [--db FILE] [--user NAME] ACTION
  list                    every story: ID, documents, dates, title; then the merges and splits made
  merge INTO FROM...      move every document of FROM... into INTO
  split STORY DOC...      move the named documents of STORY into a new story`)
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return errUsage
	}
	action := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	rest := fs.Args()
	switch {
	case action == "list" && len(rest) == 0:
	case action == "merge" && len(rest) >= 2:
	case action == "split" && len(rest) >= 2:
	default:
		fs.Usage()
		return errUsage
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	if action == "list" {
		return m.listStories(ctx, st)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	if action == "merge" {
		a, err := p.MergeStories(ctx, st, rest[0], rest[1:], *user)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "merged into %s: %d documents, %d facts\n", a.Story.ID, len(a.Story.Documents), len(a.Dossier.Facts))
		return nil
	}
	out, err := p.SplitStory(ctx, st, rest[0], rest[1:], *user)
	if err != nil {
		return err
	}
	for _, a := range out {
		fmt.Fprintf(m.Stdout, "%s: %d documents, %d facts\n", a.Story.ID, len(a.Story.Documents), len(a.Dossier.Facts))
	}
	return nil
}

func (m *Main) listStories(ctx context.Context, st *sqlite.Store) error {
	list, err := st.Stories(ctx)
	if err != nil {
		return err
	}
	topics, err := st.StoryTopics(ctx)
	if err != nil {
		return err
	}
	for _, s := range list {
		span := ""
		if s.From != nil && s.To != nil {
			span = *s.From
			if *s.To != *s.From {
				span += "…" + *s.To
			}
		}
		topic := topics[s.ID]
		if topic == "" {
			topic = s.ID // analysed before clustering: a topic of its own
		}
		fmt.Fprintf(m.Stdout, "%s\t%d docs\ttopic %s\t%s\t%s\n", s.ID, len(s.Documents), topic, span, s.Title)
	}
	decisions, err := st.StoryDecisions(ctx)
	if err != nil {
		return err
	}
	for _, d := range decisions {
		fmt.Fprintf(m.Stdout, "decision\t%s\t%s\t%s → %s\t%s\t%s\n", d.At, d.Kind, strings.Join(d.Stories, "+"), d.Result, strings.Join(d.Docs, ","), d.User)
	}
	return nil
}

var _ stories.Store = (*sqlite.Store)(nil)
