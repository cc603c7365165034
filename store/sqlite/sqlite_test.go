package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"
)

func openStore(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func doc(raw, text string) *model.Document {
	return &model.Document{
		ID: model.DocumentID([]byte(raw)), Source: "t.txt", Format: "text",
		Title: model.Str("Кыргыз musician detained"), Text: text, Raw: []byte(raw),
		Removed: []model.Removed{{Text: "Read more", Reason: "prompt"}},
	}
}

func TestPutDocumentIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	d := doc("raw bytes\x00kept", "Police detained Tashiev in Almaty.")
	ins, err := s.PutDocument(ctx, d)
	if err != nil || !ins {
		t.Fatalf("first put: inserted=%v err=%v", ins, err)
	}
	ins, err = s.PutDocument(ctx, d)
	if err != nil || ins {
		t.Fatalf("second put: inserted=%v err=%v, want false, nil", ins, err)
	}
	got, err := s.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != string(d.Raw) || got.Text != d.Text || *got.Title != *d.Title {
		t.Errorf("round trip changed the document: %+v", got)
	}
	docs, err := s.Documents(ctx)
	if err != nil || len(docs) != 1 {
		t.Fatalf("Documents = %d, %v; want 1", len(docs), err)
	}
}

func TestDocumentNotFound(t *testing.T) {
	s := openStore(t)
	if _, err := s.Document(context.Background(), "nope"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if _, err := s.StoryDossier(context.Background(), "nope"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestStoryAndSearch(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	d := doc("a", "Police detained Kamchybek Tashiev near the Zhibek Zholu checkpoint.")
	if _, err := s.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	dossier := model.NewDossier()
	story := model.Story{ID: "s1", Title: "t", Documents: []string{d.ID}}
	dossier.Stories = []model.Story{story}
	dossier.Entities = []model.Entity{{ID: "e1", Type: model.Person, Name: "Kamchybek Tashiev",
		Variants: []model.Variant{{Text: "Tashiyev", Count: 1}, {Text: "Ташиев", Count: 1}}}}
	if err := s.PutStory(ctx, story, dossier); err != nil {
		t.Fatal(err)
	}
	// Replacing the dossier must not duplicate index rows.
	if err := s.PutStory(ctx, story, dossier); err != nil {
		t.Fatal(err)
	}
	got, err := s.StoryDossier(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 1 || got.Documents[0].Text != d.Text || len(got.Entities) != 1 {
		t.Fatalf("dossier round trip: %+v", got)
	}
	for _, q := range []string{"tashiev", "Ташиев", "checkpoint", `"NOT" OR: (`} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if q == `"NOT" OR: (` {
			continue // only has to be safe
		}
		if len(hits) == 0 {
			t.Errorf("search %q: no hits", q)
		}
		for _, h := range hits {
			if h.Kind == "entity" && h.ID != "e1" {
				t.Errorf("search %q: entity hit %+v", q, h)
			}
		}
	}
	hits, _ := s.Search(ctx, "tashiyev", 10)
	if len(hits) != 1 || hits[0].Kind != "entity" || !strings.Contains(hits[0].Snippet, "Tashiyev") {
		t.Errorf("variant search: %+v", hits)
	}
}
