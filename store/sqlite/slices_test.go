package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// A database whose stories rows still hold the dossier (schema 4) opens
// with the dossiers moved to their own table and the outlets filled in,
// and reads as before.
func TestMigrationMovesDossiersOutOfStoryRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := doc("outlet raw", "Police detained Tashiev in Almaty.")
	a.Outlet = model.Str("Kloop")
	if _, err := s.PutDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	story, _ := storedStory(t, s)
	want, err := s.StoryDossier(ctx, story.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`ALTER TABLE stories ADD COLUMN dossier TEXT NOT NULL DEFAULT ''`,
		`UPDATE stories SET dossier = (SELECT dossier FROM story_dossiers WHERE story = stories.id)`,
		`DROP TABLE story_dossiers`,
		`DROP TABLE document_outlets`,
		`PRAGMA user_version = 4`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.StoryDossier(ctx, story.ID)
	if err != nil {
		t.Fatalf("after migration: %v", err)
	}
	if len(got.Entities) != len(want.Entities) || len(got.Entities) == 0 || len(got.Documents) != len(want.Documents) {
		t.Errorf("dossier after migration: %d entities, %d documents; want %d, %d",
			len(got.Entities), len(got.Documents), len(want.Entities), len(want.Documents))
	}
	outlets, err := s.DocumentOutlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if outlets[a.ID] != "Kloop" || len(outlets) != 2 {
		t.Errorf("outlets after migration = %v", outlets)
	}
	if _, err := s.StoryVersion(ctx, story.ID); err != nil {
		t.Error(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
