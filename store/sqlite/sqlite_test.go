package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
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
	// A spelling variant finds the entity (its variant marked) and, by the
	// name key, the document that spells the name otherwise.
	hits, _ := s.Search(ctx, "tashiyev", 10)
	if len(hits) != 2 || hits[0].Kind != "entity" || !strings.Contains(hits[0].Snippet, "\x01Tashiyev\x02") ||
		hits[1].Kind != "document" || !strings.Contains(hits[1].Snippet, "\x01Tashiev\x02") {
		t.Errorf("variant search: %+v", hits)
	}
}

// fullDoc is a document with every field set, so a round trip that drops
// or mangles one shows up.
func fullDoc(raw, text, source, published string) *model.Document {
	end := len(text)
	return &model.Document{
		ID: model.DocumentID([]byte(raw)), Source: source, Format: "html",
		Title: model.Str("Задержан " + source), Outlet: model.Str("Kloop"), Authors: []string{"Aizada Kim", "Марат Исаков"},
		Published: model.Str(published), URL: model.Str("https://example.org/" + source), Language: model.Str("en"),
		OriginalSource: model.Str("DW"), MetaSources: map[string]string{"title": "html meta og:title", "published": "date line"},
		Text:        text,
		Removed:     []model.Removed{{Text: "Read more: floods", Reason: "prompt", At: 3}},
		Sentences:   []model.Range{{Start: 0, End: end}},
		DuplicateOf: model.Str("feedface"),
		Raw:         []byte(raw),
	}
}

func putStory(tb testing.TB, s *sqlite.Store, id string, docIDs ...string) {
	tb.Helper()
	story := model.Story{ID: id, Title: "t", Documents: docIDs}
	d := model.NewDossier()
	d.Stories = []model.Story{story}
	if err := s.PutStory(context.Background(), story, d); err != nil {
		tb.Fatal(err)
	}
}

func TestStoryDocuments(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	docs := []*model.Document{
		fullDoc("raw one\x00", "Police detained Tashiev in Almaty.", "a.html", "2022-01-05"),
		fullDoc("raw two", "В Бишкеке задержали Ташиева.", "b.html", "2022-01-06T10:00:00+06:00"),
		fullDoc("raw three", "Tashiyev was released on bail of 500,000 som.", "c.html", "2022-01-07"),
	}
	for _, d := range docs {
		if _, err := s.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// The story lists the documents in another order than they were stored.
	order := []*model.Document{docs[2], docs[0], docs[1]}
	putStory(t, s, "s1", order[0].ID, order[1].ID, order[2].ID)

	got, err := s.StoryDocuments(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(order) {
		t.Fatalf("got %d documents, want %d", len(got), len(order))
	}
	for i, want := range order {
		want := *want
		want.Raw = nil
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("document %d:\n got %+v\nwant %+v", i, got[i], want)
		}
		if got[i].Raw != nil {
			t.Errorf("document %d: Raw was read (%d bytes)", i, len(got[i].Raw))
		}
	}

	again, err := s.StoryDocuments(ctx, "s1")
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("second read differs: %v", err)
	}
	d, err := s.StoryDossier(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Documents, got) {
		t.Errorf("StoryDossier documents differ from StoryDocuments")
	}

	// Re-storing the story without one of its documents is refused: that
	// is what a writer that read the story before another added to it
	// would do.
	fewer := model.Story{ID: "s1", Documents: []string{docs[1].ID}}
	if err := s.PutStory(ctx, fewer, model.NewDossier()); !errors.Is(err, model.ErrStale) {
		t.Errorf("story stored without a member: err = %v, want ErrStale", err)
	}
	if got, err = s.StoryDocuments(ctx, "s1"); err != nil || len(got) != len(order) {
		t.Errorf("after the refused update: %d documents, %v; want %d", len(got), err, len(order))
	}
}

// Many writers, each on its own connection to one file, add a document to
// one story by read-modify-write with retry on ErrStale; none is lost.
func TestConcurrentStoryWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	first, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	putStory(t, first, "s")
	const writers = 24
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := sqlite.Open(ctx, path)
			if err != nil {
				errs <- err
				return
			}
			defer st.Close()
			d := doc(fmt.Sprintf("raw %d", w), fmt.Sprintf("Text of writer %d.", w))
			if _, err := st.PutDocument(ctx, d); err != nil {
				errs <- err
				return
			}
			for {
				members, err := st.StoryDocuments(ctx, "s")
				if err != nil {
					errs <- err
					return
				}
				story := model.Story{ID: "s", Documents: []string{d.ID}}
				for _, m := range members {
					story.Documents = append(story.Documents, m.ID)
				}
				err = st.PutStory(ctx, story, model.NewDossier())
				if err == nil {
					return
				}
				if !errors.Is(err, model.ErrStale) {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := first.StoryDocuments(ctx, "s")
	if err != nil || len(got) != writers {
		t.Errorf("story has %d documents (%v), want %d", len(got), err, writers)
	}
	if err := first.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestStoryDocumentsEdgeCases(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	_, err := s.StoryDocuments(ctx, "no-such-story")
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "no-such-story") {
		t.Errorf("unknown story: err = %v, want ErrNotFound naming the story", err)
	}

	putStory(t, s, "empty")
	got, err := s.StoryDocuments(ctx, "empty")
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("story without documents: %#v, %v; want an empty list", got, err)
	}

	putStory(t, s, "dangling", "0000missing")
	_, err = s.StoryDocuments(ctx, "dangling")
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "0000missing") {
		t.Errorf("missing document: err = %v, want ErrNotFound naming the document", err)
	}
}

// Problem 7 of issue 19: --db paths with '?' or '#' were pasted unescaped
// into a file: URI, so the database went to another file.
func TestOpenPathWithURICharacters(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a?mode=ro.db", "b#frag.db", "c%41.db", "d?x#y%z.db"} {
		path := filepath.Join(dir, name)
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := s.PutDocument(context.Background(), doc("raw "+name, "Text.")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the database is not at its path: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch strings.TrimSuffix(strings.TrimSuffix(e.Name(), "-wal"), "-shm") {
		case "a?mode=ro.db", "b#frag.db", "c%41.db", "d?x#y%z.db":
		default:
			t.Errorf("stray file %q", e.Name())
		}
	}
}
