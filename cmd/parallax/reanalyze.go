package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/report"
)

func (m *Main) runReanalyze(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("reanalyze", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file`")
	storyID := fs.String("story", "", "story `id` (default: the most recently analysed story)")
	all := fs.Bool("all", false, "re-analyse every stored story")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: parallax reanalyze [--db FILE] [--story ID | --all]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	st, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	var ids []string
	if *all {
		stories, err := st.Stories(ctx)
		if err != nil {
			return err
		}
		for _, s := range stories {
			ids = append(ids, s.ID)
		}
	} else {
		s, err := report.PickStory(ctx, st, *storyID)
		if err != nil {
			return err
		}
		ids = []string{s.ID}
	}
	p, err := pipeline.New(pipeline.Options{Reannotate: true})
	if err != nil {
		return err
	}
	for _, id := range ids {
		d, err := p.Reanalyze(ctx, st, id)
		if err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
		states := map[model.DecisionState]int{}
		for _, x := range d.Decisions {
			states[x.State]++
		}
		fmt.Fprintf(m.Stdout, "story %s: %d facts, %d entities; decisions: %d applied, %d orphaned, %d superseded, %d undone\n",
			id, len(d.Facts), len(d.Entities), states[model.DecisionApplied], states[model.DecisionOrphaned],
			states[model.DecisionSuperseded], states[model.DecisionUndone])
	}
	return nil
}
