package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/report"
	"github.com/parallaxnews/parallax/store/sqlite"
)

const decideUsage = `usage: parallax decide [--db FILE] [--story ID] [--user NAME] [--note TEXT] ACTION ARGS...

actions:
  confirm FACT              confirm a fact's verdict (its status)
  dismiss FACT              dismiss a fact's verdict as wrong
  merge ENTITY ENTITY...    make the entities one (the first is kept)
  split ENTITY NAME...      move the mentions spelled NAME into an entity of their own
  correct DOC FIELD VALUE   correct a document's title, outlet or published date
  reprint DOC ORIGINAL      mark DOC as a reprint of ORIGINAL
  undo DECISION             withdraw a decision (by its number)
  list [--json]             the story's decisions and what became of each

Fact and document IDs may be shortened to a unique prefix. The user is
--user, else $PARALLAX_USER, else the login name.
`

func (m *Main) runDecide(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("decide", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbPath := fs.String("db", defaultDB, "database `file`")
	storyID := fs.String("story", "", "story `id` (default: the most recently analysed story)")
	userName := fs.String("user", os.Getenv("PARALLAX_USER"), "who decides (default $PARALLAX_USER, else the login name)")
	note := fs.String("note", "", "why, in a few words (kept with the decision)")
	asJSON := fs.Bool("json", false, "list: print JSON")
	fs.Usage = func() { fmt.Fprint(m.Stderr, decideUsage); fs.PrintDefaults() }
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) == 0 {
		fs.Usage()
		return errUsage
	}
	st, story, err := openStory(ctx, *dbPath, *storyID)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.StoryDossier(ctx, story.ID)
	if err != nil {
		return err
	}
	action, rest := pos[0], pos[1:]
	if action == "list" {
		return m.listDecisions(d, *asJSON)
	}
	x := model.Decision{Kind: model.DecisionKind(action), Note: *note, User: *userName}
	if x.User == "" {
		if u, err := user.Current(); err == nil {
			x.User = u.Username
		}
	}
	need := func(n int, more bool) error {
		if len(rest) < n || (!more && len(rest) > n) {
			fmt.Fprintf(m.Stderr, "parallax decide %s: wrong number of arguments\n", action)
			fs.Usage()
			return errUsage
		}
		return nil
	}
	switch x.Kind {
	case model.DecisionConfirm, model.DecisionDismiss:
		if err := need(1, false); err != nil {
			return err
		}
		if x.Fact, err = byPrefix("fact", rest[0], factIDs(d)); err != nil {
			return err
		}
	case model.DecisionMerge:
		if err := need(2, true); err != nil {
			return err
		}
		x.Entities = rest
	case model.DecisionSplit:
		if err := need(2, true); err != nil {
			return err
		}
		x.Entities, x.Names = rest[:1], rest[1:]
	case model.DecisionCorrect:
		if err := need(3, false); err != nil {
			return err
		}
		if x.Document, err = byPrefix("document", rest[0], docIDs(d)); err != nil {
			return err
		}
		x.Field, x.Value = rest[1], rest[2]
	case model.DecisionReprint:
		if err := need(2, false); err != nil {
			return err
		}
		if x.Document, err = byPrefix("document", rest[0], docIDs(d)); err != nil {
			return err
		}
		if x.Of, err = byPrefix("document", rest[1], docIDs(d)); err != nil {
			return err
		}
	case model.DecisionUndo:
		if err := need(1, false); err != nil {
			return err
		}
		if x.Target, err = strconv.ParseInt(strings.TrimPrefix(rest[0], "#"), 10, 64); err != nil {
			return fmt.Errorf("undo: %q is not a decision number (see parallax decide list)", rest[0])
		}
	default:
		fmt.Fprintf(m.Stderr, "parallax decide: unknown action %q\n", action)
		fs.Usage()
		return errUsage
	}
	got, err := curate.Record(ctx, st, story.ID, x)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "decision %d: %s %s by %s (%s)\n", got.ID, got.Kind, got.Label, got.User, got.State)
	return nil
}

func (m *Main) listDecisions(d *model.Dossier, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d.Decisions)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tat\tuser\tkind\tstate\twhat\tnote\treason")
	for _, x := range d.Decisions {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.At, oneLine(x.User), x.Kind, x.State, oneLine(x.Label), oneLine(x.Note), x.Reason)
	}
	return tw.Flush()
}

// oneLine keeps a user's text from breaking the table.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseInterspersed parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// byPrefix resolves an ID or a unique prefix of one.
func byPrefix(what, given string, ids []string) (string, error) {
	var found []string
	for _, id := range ids {
		if id == given {
			return id, nil
		}
		if given != "" && strings.HasPrefix(id, given) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("no %s %q in this story", what, given)
	}
	return "", fmt.Errorf("%s %q is ambiguous (%d match); give more of it", what, given, len(found))
}

func factIDs(d *model.Dossier) []string {
	ids := make([]string, len(d.Facts))
	for i, f := range d.Facts {
		ids[i] = f.ID
	}
	return ids
}

func docIDs(d *model.Dossier) []string {
	ids := make([]string, len(d.Documents))
	for i, doc := range d.Documents {
		ids[i] = doc.ID
	}
	return ids
}

// openStory opens an existing database and picks a story: the one asked
// for, or the most recently analysed.
func openStory(ctx context.Context, dbPath, storyID string) (*sqlite.Store, model.Story, error) {
	st, err := openDB(ctx, dbPath)
	if err != nil {
		return nil, model.Story{}, err
	}
	story, err := report.PickStory(ctx, st, storyID)
	if err != nil {
		st.Close()
		return nil, model.Story{}, err
	}
	return st, story, nil
}

// openDB opens a database that must already exist.
func openDB(ctx context.Context, dbPath string) (*sqlite.Store, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return nil, fmt.Errorf("database %s: %w", dbPath, errors.Unwrap(err))
	}
	return sqlite.Open(ctx, dbPath)
}
