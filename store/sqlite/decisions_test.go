package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"

	_ "modernc.org/sqlite"
)

func storedStory(t *testing.T, s *sqlite.Store) (model.Story, *model.Dossier) {
	t.Helper()
	ctx := context.Background()
	a := doc("first raw", "Police detained Tashiev in Almaty.")
	if _, err := s.PutDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	story := model.Story{ID: "s-dec", Title: "t", Documents: []string{a.ID}}
	d := model.NewDossier()
	d.Stories = []model.Story{story}
	d.Entities = []model.Entity{
		{ID: "e1", Type: model.Person, Name: "Tashiev", Variants: []model.Variant{{Text: "Tashiev", Count: 1}}, Mentions: []model.Mention{{Span: model.Span{Doc: a.ID, Start: 16, End: 23, Text: "Tashiev"}}}},
		{ID: "e2", Type: model.Person, Name: "Tashiyev", Variants: []model.Variant{{Text: "Tashiyev", Count: 1}}},
	}
	d.Facts = []model.Fact{{ID: "f1", Subject: "e1", Attribute: "detained/place", Status: model.Disputed}}
	if err := s.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	return story, d
}

func TestDecisionsAreAppliedOnEveryRead(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	story, machine := storedStory(t, s)
	x, err := curate.Record(ctx, s, story.ID, model.Decision{Kind: model.DecisionDismiss, Fact: "f1", User: "ana", Note: "<b>wrong</b>"})
	if err != nil || x.ID == 0 || x.State != model.DecisionApplied {
		t.Fatalf("Record = %+v, %v", x, err)
	}
	if _, err := curate.Record(ctx, s, story.ID, model.Decision{Kind: model.DecisionMerge, Entities: []string{"e1", "e2"}, User: "ben"}); err != nil {
		t.Fatal(err)
	}
	if _, err := curate.Record(ctx, s, story.ID, model.Decision{Kind: model.DecisionMerge, Entities: []string{"e1", "e1"}, User: "ben"}); !errors.Is(err, curate.ErrInvalid) {
		t.Errorf("self-merge: %v, want ErrInvalid", err)
	}
	// A re-analysis stores a fresh dossier: the decisions still apply.
	if err := s.PutStory(ctx, story, machine); err != nil {
		t.Fatal(err)
	}
	d, err := s.StoryDossier(ctx, story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Decisions) != 2 || d.Facts[0].Review == nil || d.Facts[0].Review.Note != "<b>wrong</b>" || len(d.Entities) != 1 {
		t.Fatalf("after re-analysis: decisions %d, review %+v, entities %d", len(d.Decisions), d.Facts[0].Review, len(d.Entities))
	}
	if _, err := curate.Record(ctx, s, story.ID, model.Decision{Kind: model.DecisionUndo, Target: 2, User: "ana"}); err != nil {
		t.Fatal(err)
	}
	d, err = s.StoryDossier(ctx, story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 2 || d.Decisions[1].State != model.DecisionUndone {
		t.Errorf("undo: %d entities, merge %s", len(d.Entities), d.Decisions[1].State)
	}
	if _, err := s.AddDecision(ctx, model.Decision{Story: "s-none", Kind: model.DecisionConfirm, User: "ana"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("decision on an unknown story: %v", err)
	}
}

// A database made before decisions existed (schema version 1) gets the
// table when opened, and keeps its stories.
func TestMigrationAddsDecisions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	story, _ := storedStory(t, s)
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE decisions; PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := curate.Record(ctx, s, story.ID, model.Decision{Kind: model.DecisionConfirm, Fact: "f1", User: "ana"}); err != nil {
		t.Fatalf("after migration: %v", err)
	}
}
