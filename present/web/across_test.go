package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/web"
)

// A second story names the same man, spelt otherwise and in Cyrillic; a
// third names someone else.
func TestEntityAcrossStories(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := newDoc("later.txt", "Musician freed", "Steppe Review", "2025-09-01", "", "Бакыт Жумалиев was freed on 1 September, Zhumaliev's lawyer said.")
	other := newDoc("other.txt", "Harvest", "Valley Post", "2025-09-02", "", "Marat Osmonov opened the fair.")
	for _, d := range []*model.Document{doc, other} {
		if _, err := f.store.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	d := model.NewDossier()
	d.Entities = []model.Entity{
		{ID: "e-zh", Type: model.Person, Name: "Бакыт Жумалиев", Variants: []model.Variant{{Text: "Бакыт Жумалиев", Count: 1}, {Text: "Zhumaliev", Count: 1}}},
		{ID: "e-os", Type: model.Person, Name: "Marat Osmonov", Variants: []model.Variant{{Text: "Marat Osmonov", Count: 1}}},
	}
	d.Facts = []model.Fact{{ID: "f-freed", Subject: "e-zh", SubjectName: "Бакыт Жумалиев", Attribute: "released", Status: model.SingleSource,
		Values: []model.FactValue{{Span: span(t, doc, "freed"), Sentence: sentence(t, doc, "freed"), Value: model.Value{Kind: model.KindDate, Date: "2025-09-01"}, Polarity: "asserted"}}}}
	if err := f.store.PutStory(ctx, model.Story{ID: "s2", Title: "Musician freed", Documents: []string{doc.ID, other.ID}}, d); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, f, web.Options{})
	var a web.AcrossDetail
	rec := get(t, s, "/api/stories/s1/entities/e-bakyt/across")
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v", rec.Code, err)
	}
	if len(a.Stories) != 2 || a.Stories[0].Story != "s1" || a.Stories[1].Story != "s2" || len(a.Stories[1].Facts) != 1 {
		t.Fatalf("across: %+v", a.Stories)
	}
	body := get(t, s, "/stories/s1/entities/e-bakyt/across").Body.String()
	mustContain(t, body, "Musician freed", "Cyrillic", "Latin", "Бакыт Жумалиев", "/stories/s2/entities/e-zh")
	mustNotContain(t, body, "Osmonov")
	inert(t, body)
	mustContain(t, get(t, s, "/stories/s1/entities/e-bakyt").Body.String(), `/stories/s1/entities/e-bakyt/across`)
	if rec := get(t, s, "/stories/s1/entities/nope/across"); rec.Code != 404 {
		t.Errorf("unknown entity: %d", rec.Code)
	}
}

// The search page offers facets as links that filter, and finds the other
// spellings and scripts of a name.
func TestSearchPageFacets(t *testing.T) {
	f := newFixture(t)
	s := newServer(t, f, web.Options{})
	body := get(t, s, "/search?q=Zhumaliyev").Body.String()
	mustContain(t, body, `class="facets"`, "Outlet", "Meridian Press", "Ala-Too Times", "Жумалиев")
	inert(t, body)
	filtered := get(t, s, "/search?q=Zhumaliyev&outlet=Ala-Too+Times").Body.String()
	mustContain(t, filtered, "Filtered by:", "Outlet: Ala-Too Times")
	if strings.Count(filtered, `class="hit hit-document"`) != 1 {
		t.Errorf("outlet filter left %d documents", strings.Count(filtered, `class="hit hit-document"`))
	}
}
