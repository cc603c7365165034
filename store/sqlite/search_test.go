package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// Fictional reports in two languages and two scripts.
func searchStore(t *testing.T, path string) (*sqlite.Store, []*model.Document) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ru := &model.Document{ID: "ru1", Source: "ru.txt", Title: model.Str("Задержание в Бишкеке"), Outlet: model.Str("Вечерний вестник"), Published: model.Str("2025-03-11"),
		Text: "Музыканта задержали в центре Бишкека. Ташиев заявил, что его пытали.", Raw: []byte("ru1")}
	en := &model.Document{ID: "en1", Source: "en.txt", Title: model.Str("Musician held"), Outlet: model.Str("Valley Post"), Published: model.Str("2025-04-02"),
		Text: "The musician said he was tortured after his arrest in Bishkek, Tashiyev's office said.", Raw: []byte("en1")}
	other := &model.Document{ID: "en2", Source: "en2.txt", Title: model.Str("Harvest fair"), Outlet: model.Str("Valley Post"), Published: model.Str("2025-04-20"),
		Text: "The harvest fair opened on Sunday with a torture museum exhibit.", Raw: []byte("en2")}
	docs := []*model.Document{ru, en, other}
	for _, d := range docs {
		if _, err := s.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	story := model.Story{ID: "s-held", Title: "Musician held", Documents: []string{ru.ID, en.ID}}
	d := model.NewDossier()
	d.Entities = []model.Entity{{ID: "p1", Type: model.Person, Name: "Kamchybek Tashiyev", Variants: []model.Variant{{Text: "Kamchybek Tashiyev"}, {Text: "Ташиев"}}}}
	if err := s.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	return s, docs
}

func ids(hits []model.SearchHit) string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return strings.Join(out, ",")
}

func TestStemmedCrossScriptSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := searchStore(t, filepath.Join(t.TempDir(), "s.db"))
	defer s.Close()
	for _, c := range []struct {
		q, want string
		exact   bool
	}{
		{"Bishkek", "ru1,en1", false},    // "Бишкека", "Бишкеке": another script, inflected
		{"Бишкек", "ru1,en1", false},     // and back
		{"Bishkek", "en1", true},         // words as written only
		{"Tashiev", "p1,ru1,en1", false}, // spelling variant: the entity and both reports
		{"torture", "en1,en2", false},    // "tortured" by its stem
		{"пытки", "", false},             // Russian stems stay Russian: "пытали" is another stem
		{"tortur*", "en1,en2", false},    // prefix
		{"musician tortured", "en1", false},
		{`"NOT" OR: ( *`, "", false}, // FTS syntax is just words
	} {
		res, err := s.SearchWith(ctx, model.SearchQuery{Text: c.q, Exact: c.exact})
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		got := map[string]bool{}
		for _, h := range res.Hits {
			got[h.ID] = true
		}
		for _, id := range strings.Split(c.want, ",") {
			if id != "" && !got[id] {
				t.Errorf("%q (exact %v): %s missing from %s", c.q, c.exact, id, ids(res.Hits))
			}
		}
		if c.want == "" && len(res.Hits) > 0 {
			t.Errorf("%q: unexpected hits %s", c.q, ids(res.Hits))
		}
		if len(res.Hits) != len(strings.FieldsFunc(c.want, func(r rune) bool { return r == ',' })) {
			t.Errorf("%q (exact %v): hits %s, want %s", c.q, c.exact, ids(res.Hits), c.want)
		}
	}
	res, _ := s.SearchWith(ctx, model.SearchQuery{Text: "Bishkek"})
	for _, h := range res.Hits {
		if h.ID == "ru1" && !strings.Contains(h.Snippet, "\x01Бишкека\x02") {
			t.Errorf("snippet does not mark the inflected name: %q", h.Snippet)
		}
	}
}

func TestSearchFacetsAndFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := searchStore(t, filepath.Join(t.TempDir(), "s.db"))
	defer s.Close()
	res, err := s.SearchWith(ctx, model.SearchQuery{Text: "Bishkek"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Fatalf("total %d, hits %s", res.Total, ids(res.Hits))
	}
	facet := func(name string) map[string]int {
		m := map[string]int{}
		for _, f := range res.Facets[name] {
			m[f.Value] = f.Count
		}
		return m
	}
	if f := facet("outlet"); f["Valley Post"] != 1 || f["Вечерний вестник"] != 1 {
		t.Errorf("outlet facet %v", res.Facets["outlet"])
	}
	if f := facet("date"); f["2025-03"] != 1 || f["2025-04"] != 1 {
		t.Errorf("date facet %v", res.Facets["date"])
	}
	if f := facet("story"); f["s-held"] != 2 || res.Facets["story"][0].Label != "Musician held" {
		t.Errorf("story facet %v", res.Facets["story"])
	}
	for _, c := range []struct {
		q    model.SearchQuery
		want string
	}{
		{model.SearchQuery{Text: "Bishkek", Outlet: "Valley Post"}, "en1"},
		{model.SearchQuery{Text: "Bishkek", From: "2025-04"}, "en1"},
		{model.SearchQuery{Text: "Bishkek", To: "2025-03-31"}, "ru1"},
		{model.SearchQuery{Text: "Tashiev", Type: "person"}, "p1"},
		{model.SearchQuery{Text: "torture", Story: "s-held"}, "en1"},
	} {
		r, err := s.SearchWith(ctx, c.q)
		if err != nil || ids(r.Hits) != c.want {
			t.Errorf("%+v: %s (%v), want %s", c.q, ids(r.Hits), err, c.want)
		}
	}
}

// A database from before the search index (schema 2) is indexed when
// opened.
func TestSearchIndexMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, _ := searchStore(t, path)
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE doc_terms_fts; DROP TABLE entity_terms_fts; PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.SearchWith(ctx, model.SearchQuery{Text: "Tashiev"})
	if err != nil || ids(res.Hits) == "" || res.Total != 3 {
		t.Errorf("after migration: %s (%v)", ids(res.Hits), err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
