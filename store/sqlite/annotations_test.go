package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// A fictional report with names, dates, sums and a quote, so every kind of
// annotation is stored.
const annotatedText = `Court in Varnel frees activist after 12 days

VARNEL, 3 March 2024 — A court in Varnel on Tuesday released the activist Tamsin Grell, 34, after 12 days in custody and a bail of $5,000.
"I was never told why I was held," Grell told reporters outside the court.
Prosecutor Ilya Markan said the case would go on in April.`

// Annotations read back equal those stored, under the version they were
// stored with and while the document reads as it did; a new version, a
// corrected date or unreadable bytes make them missing, never wrong.
func TestAnnotationsRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := doc("raw annotated", annotatedText)
	d.Published = model.Str("2024-03-03")
	a := storeAndAnnotate(t, s, d)
	if len(a.Tokens) == 0 || len(a.Mentions) == 0 || len(a.Timexes) == 0 || len(a.Quantities) == 0 || len(a.Quotes) == 0 || len(a.Syntax) == 0 {
		t.Fatalf("the example should have every kind of annotation: %d tokens, %d mentions, %d dates, %d quantities, %d quotes, %d parsed sentences",
			len(a.Tokens), len(a.Mentions), len(a.Timexes), len(a.Quantities), len(a.Quotes), len(a.Syntax))
	}
	if err := s.PutAnnotations(ctx, "v1", []*model.Annotated{a}); err != nil {
		t.Fatal(err)
	}
	fresh := func() *model.Document { c := *d; c.Sentences = nil; return &c }
	got, err := s.Annotations(ctx, "v1", []*model.Document{fresh()})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(a)
	back, _ := json.Marshal(got[d.ID])
	if string(back) != string(want) {
		t.Errorf("read back differs from stored:\n got %.300s\nwant %.300s", back, want)
	}

	if got, _ := s.Annotations(ctx, "v2", []*model.Document{fresh()}); len(got) != 0 {
		t.Error("annotations of another version were returned")
	}
	corrected := fresh()
	corrected.Published = model.Str("2024-03-04")
	if got, _ := s.Annotations(ctx, "v1", []*model.Document{corrected}); len(got) != 0 {
		t.Error("annotations made before a correction of the date were returned")
	}
	stranger := doc("never stored", "Nothing here.")
	if err := s.PutAnnotations(ctx, "v1", []*model.Annotated{{Doc: stranger}}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("annotations of a document not stored: err = %v, want ErrNotFound", err)
	}

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE doc_annotations SET data = x'00ff00ff'`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Annotations(ctx, "v1", []*model.Document{fresh()}); err != nil || len(got) != 0 {
		t.Errorf("unreadable annotations: %d returned, err %v; want none and no error", len(got), err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// A store of schema 6, from before stored annotations, gains the table.
func TestAnnotationsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := doc("raw old", "An old report.")
	if _, err := s.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE doc_annotations; PRAGMA user_version = 6`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate from schema 6: %v", err)
	}
	defer s.Close()
	if err := s.PutAnnotations(ctx, "v1", []*model.Annotated{{Doc: d}}); err != nil {
		t.Errorf("after migration: %v", err)
	}
}

// The sentences comparison parsed are kept with a document's annotation
// and come back in Annotated.Syntax (nil for a sentence not parsed); a
// new annotation of the document drops them, and they are never kept for
// an annotation of another version. A store of schema 7 gains the column.
func TestSentenceParses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := doc("raw parsed", annotatedText)
	full := storeAndAnnotate(t, s, d)
	bare := *full
	bare.Syntax = nil
	if err := s.PutAnnotations(ctx, "v1", []*model.Annotated{&bare}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE doc_annotations DROP COLUMN parses; PRAGMA user_version = 7`); err != nil {
		t.Fatal(err)
	}
	if s, err = sqlite.Open(ctx, path); err != nil {
		t.Fatalf("migrate from schema 7: %v", err)
	}
	defer s.Close()

	fresh := func() []*model.Document { c := *d; c.Sentences = nil; return []*model.Document{&c} }
	partial := make([][]model.Word, len(full.Syntax))
	partial[1] = full.Syntax[1]
	if err := s.PutSentenceParses(ctx, "v1", []*model.Annotated{{Doc: d, Syntax: partial}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSentenceParses(ctx, "v2", []*model.Annotated{{Doc: d, Syntax: full.Syntax}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Annotations(ctx, "v1", fresh())
	if err != nil {
		t.Fatal(err)
	}
	syn := got[d.ID].Syntax
	if len(syn) != len(full.Syntax) || len(syn[0]) != 0 || len(syn[2]) != 0 {
		t.Fatalf("read back %d sentences' parses, want %d with only the second parsed (and no parse of another version)", len(syn), len(full.Syntax))
	}
	want, _ := json.Marshal(full.Syntax[1])
	back, _ := json.Marshal(syn[1])
	if string(back) != string(want) {
		t.Errorf("parse read back differs:\n got %.300s\nwant %.300s", back, want)
	}

	if err := s.PutAnnotations(ctx, "v1", []*model.Annotated{&bare}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Annotations(ctx, "v1", fresh()); got[d.ID] == nil || got[d.ID].Syntax != nil {
		t.Error("a new annotation of the document kept the parses of the old one")
	}
	if _, err := db.Exec(`UPDATE doc_annotations SET parses = x'00ff00ff'`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Annotations(ctx, "v1", fresh()); err != nil || got[d.ID] == nil || got[d.ID].Syntax != nil {
		t.Errorf("unreadable parses: err %v; want the annotation without them", err)
	}
}

// storeAndAnnotate stores d and returns its annotation with the parse, as
// analyze would make it.
func storeAndAnnotate(t *testing.T, s *sqlite.Store, d *model.Document) *model.Annotated {
	t.Helper()
	ctx := context.Background()
	if _, err := s.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	annotated, err := p.Annotate(ctx, []*model.Document{d})
	if err != nil {
		t.Fatal(err)
	}
	return annotated[0]
}
