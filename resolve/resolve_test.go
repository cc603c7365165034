package resolve_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// m is a mention to place in a test document: its text and type; the n-th
// (from 0) occurrence of text after the previous mention.
type m struct {
	text string
	typ  model.EntityType
	role string
}

// doc builds an annotated document, locating each mention after the
// previous one so repeated names get their own spans.
func doc(t *testing.T, id, lang, text string, authors []string, ms ...m) *model.Annotated {
	t.Helper()
	a := &model.Annotated{Doc: &model.Document{ID: id, Text: text, Language: model.Str(lang), Authors: authors}}
	pos := 0
	for _, x := range ms {
		i := strings.Index(text[pos:], x.text)
		if i < 0 {
			t.Fatalf("%s: mention %q not found after %d", id, x.text, pos)
		}
		start := pos + i
		span := model.SpanOf(id, text, start, start+len(x.text))
		a.Mentions = append(a.Mentions, model.Mention{Span: span, Type: x.typ, Role: x.role})
		pos = start + 1
	}
	return a
}

func resolveAll(t *testing.T, docs ...*model.Annotated) []model.Entity {
	t.Helper()
	ents, err := resolve.Entities(context.Background(), docs, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		for _, mm := range d.Mentions {
			if d.Doc.Text[mm.Start:mm.End] != mm.Text {
				t.Fatalf("span text mismatch %q", mm.Text)
			}
		}
	}
	return ents
}

// entityOf returns the entity ID of the n-th mention with text in doc d.
func entityOf(t *testing.T, d *model.Annotated, text string, n int) string {
	t.Helper()
	for _, mm := range d.Mentions {
		if mm.Text == text {
			if n == 0 {
				return mm.Entity
			}
			n--
		}
	}
	t.Fatalf("%s: no mention %q", d.Doc.ID, text)
	return ""
}

func same(t *testing.T, kind string, a, b string) {
	t.Helper()
	if a == "" || a != b {
		t.Errorf("%s: want one entity, got %q and %q", kind, a, b)
	}
}

func differ(t *testing.T, kind string, a, b string) {
	t.Helper()
	if a == b {
		t.Errorf("%s: want two entities, both are %q", kind, a)
	}
}

func find(ents []model.Entity, id string) *model.Entity {
	for i := range ents {
		if ents[i].ID == id {
			return &ents[i]
		}
	}
	return nil
}

func TestVariantsAcrossDocuments(t *testing.T) {
	d1 := doc(t, "d1", "en", "Kamchybek Tashiev, head of the security service, said on Monday that the border was calm. Tashiev added that talks would go on.", nil,
		m{"Kamchybek Tashiev", model.Person, ""}, m{"Tashiev", model.Person, ""})
	d2 := doc(t, "d2", "en", "Security chief Kamchybek Tashiyev visited Batken. Kamchyek Tashiev, as one agency misspelled him, met residents.", nil,
		m{"Kamchybek Tashiyev", model.Person, ""}, m{"Batken", model.Place, ""}, m{"Kamchyek Tashiev", model.Person, ""})
	d3 := doc(t, "d3", "ru", "Председатель ГКНБ Камчыбек Ташиев заявил, что ситуация стабильна. Ташиев также посетил Баткен.", nil,
		m{"Камчыбек Ташиев", model.Person, "председатель ГКНБ"}, m{"Ташиев", model.Person, ""}, m{"Баткен", model.Place, ""})
	d4 := doc(t, "d4", "en", "Officials led by Tаshiev (as the scraped page spells it) arrived.", nil,
		m{"Tаshiev", model.Person, ""})
	ents := resolveAll(t, d1, d2, d3, d4)

	id := entityOf(t, d1, "Kamchybek Tashiev", 0)
	same(t, "surname only within a document", id, entityOf(t, d1, "Tashiev", 0))
	same(t, "-iyev spelling", id, entityOf(t, d2, "Kamchybek Tashiyev", 0))
	same(t, "typo", id, entityOf(t, d2, "Kamchyek Tashiev", 0))
	same(t, "Cyrillic", id, entityOf(t, d3, "Камчыбек Ташиев", 0))
	same(t, "Cyrillic surname only", id, entityOf(t, d3, "Ташиев", 0))
	same(t, "mixed-script confusable", id, entityOf(t, d4, "Tаshiev", 0))
	same(t, "place across scripts", entityOf(t, d2, "Batken", 0), entityOf(t, d3, "Баткен", 0))

	e := find(ents, id)
	if e == nil {
		t.Fatal("entity not returned")
	}
	if e.Name != "Kamchybek Tashiev" {
		t.Errorf("canonical name %q", e.Name)
	}
	if e.Type != model.Person || len(e.Mentions) != 7 {
		t.Errorf("type %s, %d mentions", e.Type, len(e.Mentions))
	}
	variants := map[string]int{}
	for _, v := range e.Variants {
		variants[v.Text] = v.Count
		if len(v.Docs) == 0 {
			t.Errorf("variant %q without documents", v.Text)
		}
	}
	for _, want := range []string{"Kamchybek Tashiev", "Tashiev", "Kamchybek Tashiyev", "Kamchyek Tashiev", "Камчыбек Ташиев"} {
		if variants[want] == 0 {
			t.Errorf("variant %q missing from %v", want, variants)
		}
	}
	var descs []string
	for _, d := range e.Descriptions {
		descs = append(descs, d.Text)
		if d.Span.Doc != "" {
			var text string
			for _, dd := range []*model.Annotated{d1, d2, d3, d4} {
				if dd.Doc.ID == d.Span.Doc {
					text = dd.Doc.Text
				}
			}
			if text[d.Span.Start:d.Span.End] != d.Span.Text {
				t.Errorf("description span %+v does not match its text", d.Span)
			}
		}
	}
	joined := strings.Join(descs, "|")
	for _, want := range []string{"head of the security service", "Security chief", "Председатель ГКНБ"} {
		if !strings.Contains(joined, want) {
			t.Errorf("description %q missing from %q", want, joined)
		}
	}
}

func TestConflictingGivenNamesStayApart(t *testing.T) {
	d1 := doc(t, "d1", "en", "President Sadyr Zhaparov signed the decree. Zhaparov said it was final.", nil,
		m{"Sadyr Zhaparov", model.Person, "President"}, m{"Zhaparov", model.Person, ""})
	d2 := doc(t, "d2", "en", "Prime Minister Akylbek Japarov presented the budget. Japarov said it was balanced.", nil,
		m{"Akylbek Japarov", model.Person, "Prime Minister"}, m{"Japarov", model.Person, ""})
	resolveAll(t, d1, d2)
	differ(t, "same surname, different given names", entityOf(t, d1, "Sadyr Zhaparov", 0), entityOf(t, d2, "Akylbek Japarov", 0))
	same(t, "surname joins its own document's full name", entityOf(t, d1, "Sadyr Zhaparov", 0), entityOf(t, d1, "Zhaparov", 0))
	same(t, "surname joins its own document's full name", entityOf(t, d2, "Akylbek Japarov", 0), entityOf(t, d2, "Japarov", 0))
}

func TestAmbiguousSurnameJoinsNeither(t *testing.T) {
	d1 := doc(t, "d1", "en", "Sadyr Zhaparov spoke.", nil, m{"Sadyr Zhaparov", model.Person, ""})
	d2 := doc(t, "d2", "en", "Akylbek Zhaparov spoke.", nil, m{"Akylbek Zhaparov", model.Person, ""})
	d3 := doc(t, "d3", "en", "Zhaparov spoke.", nil, m{"Zhaparov", model.Person, ""})
	resolveAll(t, d1, d2, d3)
	z := entityOf(t, d3, "Zhaparov", 0)
	differ(t, "ambiguous surname vs Sadyr", z, entityOf(t, d1, "Sadyr Zhaparov", 0))
	differ(t, "ambiguous surname vs Akylbek", z, entityOf(t, d2, "Akylbek Zhaparov", 0))
}

func TestGenderedFormsStayApart(t *testing.T) {
	d1 := doc(t, "d1", "en", "Nursultan Nazarbayev resigned. Nazarbayev kept his post.", nil,
		m{"Nursultan Nazarbayev", model.Person, ""}, m{"Nazarbayev", model.Person, ""})
	d2 := doc(t, "d2", "en", "Dariga Nazarbayeva left the senate. Nazarbayeva declined to comment.", nil,
		m{"Dariga Nazarbayeva", model.Person, ""}, m{"Nazarbayeva", model.Person, ""})
	d3 := doc(t, "d3", "en", "Aigerim Oshurakhunova and Ruzakhunov were detained.", nil,
		m{"Aigerim Oshurakhunova", model.Person, ""}, m{"Ruzakhunov", model.Person, ""})
	resolveAll(t, d1, d2, d3)
	differ(t, "-ev/-eva", entityOf(t, d1, "Nazarbayev", 0), entityOf(t, d2, "Nazarbayeva", 0))
	differ(t, "-ev/-eva full names", entityOf(t, d1, "Nursultan Nazarbayev", 0), entityOf(t, d2, "Dariga Nazarbayeva", 0))
	differ(t, "shared suffix", entityOf(t, d3, "Aigerim Oshurakhunova", 0), entityOf(t, d3, "Ruzakhunov", 0))
}

func TestFirstNameOnlyAttachesWithinDocument(t *testing.T) {
	d1 := doc(t, "d1", "en", "Jazz pianist Vikram Seth played on Friday. Vikram said he was tired.", nil,
		m{"Vikram Seth", model.Person, ""}, m{"Vikram", model.Person, ""})
	ents := resolveAll(t, d1)
	id := entityOf(t, d1, "Vikram Seth", 0)
	same(t, "first name only", id, entityOf(t, d1, "Vikram", 0))
	e := find(ents, id)
	found := false
	for _, d := range e.Descriptions {
		if strings.EqualFold(d.Text, "jazz pianist") {
			found = true
		}
	}
	if !found {
		t.Errorf("descriptions %+v lack the pre-modifier", e.Descriptions)
	}
}

func TestAcronyms(t *testing.T) {
	d1 := doc(t, "d1", "en", "The Collective Security Treaty Organization (CSTO) sent troops. The CSTO said they would stay.", nil,
		m{"Collective Security Treaty Organization", model.Organization, ""}, m{"CSTO", model.Organization, ""}, m{"CSTO", model.Organization, ""})
	d2 := doc(t, "d2", "en", "CSTO peacekeepers left on Thursday.", nil, m{"CSTO", model.Organization, ""})
	d3 := doc(t, "d3", "en", "The Shanghai Cooperation Organisation met. Later the SCO issued a statement.", nil,
		m{"Shanghai Cooperation Organisation", model.Organization, ""}, m{"SCO", model.Organization, ""})
	resolveAll(t, d1, d2, d3)
	id := entityOf(t, d1, "Collective Security Treaty Organization", 0)
	same(t, "acronym defined in text", id, entityOf(t, d1, "CSTO", 0))
	same(t, "acronym in another document", id, entityOf(t, d2, "CSTO", 0))
	same(t, "acronym by initials", entityOf(t, d3, "Shanghai Cooperation Organisation", 0), entityOf(t, d3, "SCO", 0))
	differ(t, "different organisations", id, entityOf(t, d3, "SCO", 0))
}

func TestRoleOnlyMentionLinksByDescription(t *testing.T) {
	d1 := doc(t, "d1", "en", "Kamchybek Tashiev, head of the security service, arrived in Osh.", nil,
		m{"Kamchybek Tashiev", model.Person, ""}, m{"Osh", model.Place, ""})
	d2 := doc(t, "d2", "en", "The head of the security service said the border was closed.", nil,
		m{"The head of the security service", model.Person, ""})
	resolveAll(t, d1, d2)
	same(t, "role-only mention", entityOf(t, d1, "Kamchybek Tashiev", 0), entityOf(t, d2, "The head of the security service", 0))
}

func TestBylineIsNotAnEntity(t *testing.T) {
	d1 := doc(t, "d1", "en", "By Ainura Asankojoeva\n\nAinura Asankojoeva reports that Tashiev met Japarov.", []string{"Ainura Asankojoeva"},
		m{"Ainura Asankojoeva", model.Person, ""}, m{"Ainura Asankojoeva", model.Person, ""}, m{"Tashiev", model.Person, ""}, m{"Japarov", model.Person, ""})
	ents := resolveAll(t, d1)
	for _, e := range ents {
		if strings.Contains(e.Name, "Asankojoeva") {
			t.Errorf("author became an entity: %+v", e)
		}
	}
	if got := entityOf(t, d1, "Ainura Asankojoeva", 0); got != "" {
		t.Errorf("author mention resolved to %q", got)
	}
	differ(t, "two people", entityOf(t, d1, "Tashiev", 0), entityOf(t, d1, "Japarov", 0))
}

func TestPronounsAndNominals(t *testing.T) {
	d1 := doc(t, "d1", "en", "Actress Tara Reid checked into rehab. She said the clinic was quiet. The actress thanked fans.", nil,
		m{"Tara Reid", model.Person, ""}, m{"She", model.Person, ""}, m{"the clinic", model.Place, ""}, m{"The actress", model.Person, ""})
	resolveAll(t, d1)
	id := entityOf(t, d1, "Tara Reid", 0)
	same(t, "pronoun", id, entityOf(t, d1, "She", 0))
	same(t, "nominal via pre-modifier description", id, entityOf(t, d1, "The actress", 0))
	differ(t, "place is not the person", id, entityOf(t, d1, "the clinic", 0))
}

func TestStableIDsAndEntityAt(t *testing.T) {
	mk := func() *model.Annotated {
		return doc(t, "d1", "en", "Kamchybek Tashiev said Tashiev would stay.", nil, m{"Kamchybek Tashiev", model.Person, ""}, m{"Tashiev", model.Person, ""})
	}
	a, b := mk(), mk()
	e1 := resolveAll(t, a)
	e2 := resolveAll(t, b)
	if e1[0].ID != e2[0].ID || e1[0].ID == "" {
		t.Errorf("IDs differ between runs: %q %q", e1[0].ID, e2[0].ID)
	}
	span := a.Mentions[1].Span
	if id, ok := resolve.EntityAt(e1, span); !ok || id != e1[0].ID {
		t.Errorf("EntityAt(%+v) = %q, %v", span, id, ok)
	}
	inner := model.SpanOf("d1", a.Doc.Text, 10, 17) // "Tashiev" inside the full name
	if id, ok := resolve.NewIndex(e1).At(inner); !ok || id != e1[0].ID {
		t.Errorf("Index.At(inner) = %q, %v", id, ok)
	}
	if _, ok := resolve.EntityAt(e1, model.Span{Doc: "other", Start: 0, End: 3}); ok {
		t.Error("EntityAt found a mention in an unknown document")
	}
}

func TestBadInput(t *testing.T) {
	_, err := resolve.Entities(context.Background(), []*model.Annotated{{Doc: &model.Document{ID: "x", Text: "abc"}, Mentions: []model.Mention{{Span: model.Span{Doc: "x", Start: 1, End: 9}}}}}, resolve.Options{})
	if err == nil || !strings.Contains(err.Error(), "x") {
		t.Errorf("want an error naming the document, got %v", err)
	}
	if _, err := resolve.Entities(context.Background(), []*model.Annotated{nil}, resolve.Options{}); err == nil {
		t.Error("want an error for a nil document")
	}
	ents, err := resolve.Entities(context.Background(), nil, resolve.Options{})
	if err != nil || len(ents) != 0 {
		t.Errorf("empty input: %v, %v", ents, err)
	}
}

func TestCopulaDescription(t *testing.T) {
	d1 := doc(t, "d1", "en", "Kamchybek Tashiev is the head of the security service. He spoke on Monday.", nil, m{"Kamchybek Tashiev", model.Person, ""})
	ents := resolveAll(t, d1)
	found := false
	for _, d := range ents[0].Descriptions {
		if d.Text == "the head of the security service" && d1.Doc.Text[d.Span.Start:d.Span.End] == d.Text {
			found = true
		}
	}
	if !found {
		t.Errorf("descriptions %+v lack the copula phrase", ents[0].Descriptions)
	}
}

func TestRussianDeclension(t *testing.T) {
	d1 := doc(t, "r1", "ru", "Камчыбек Ташиев прибыл в Баткен. Встреча Камчыбека Ташиева с жителями прошла спокойно. Жанар Ташиева не пришла.", nil,
		m{"Камчыбек Ташиев", model.Person, ""}, m{"Баткен", model.Place, ""}, m{"Камчыбека Ташиева", model.Person, ""}, m{"Жанар Ташиева", model.Person, ""})
	d2 := doc(t, "r2", "en", "Kamchybek Tashiev visited Batken.", nil, m{"Kamchybek Tashiev", model.Person, ""}, m{"Batken", model.Place, ""})
	resolveAll(t, d1, d2)
	id := entityOf(t, d1, "Камчыбек Ташиев", 0)
	same(t, "genitive full name after the nominative", id, entityOf(t, d1, "Камчыбека Ташиева", 0))
	differ(t, "a woman named Tashieva", id, entityOf(t, d1, "Жанар Ташиева", 0))
	same(t, "declined name does not block the cross-document merge", id, entityOf(t, d2, "Kamchybek Tashiev", 0))
}

// TestEntityAtAgreesWithIndex checks the scanning EntityAt and Index.At
// give the same answers.
func TestEntityAtAgreesWithIndex(t *testing.T) {
	d1 := doc(t, "d1", "en", "President Sadyr Zhaparov met Kamchybek Tashiev. Tashiev spoke.", nil,
		m{"Sadyr Zhaparov", model.Person, ""}, m{"Kamchybek Tashiev", model.Person, ""}, m{"Tashiev", model.Person, ""})
	ents := resolveAll(t, d1)
	ix := resolve.NewIndex(ents)
	for start := 0; start < len(d1.Doc.Text); start += 3 {
		for end := start + 1; end <= len(d1.Doc.Text) && end < start+30; end += 4 {
			span := model.SpanOf("d1", d1.Doc.Text, start, end)
			a, aok := resolve.EntityAt(ents, span)
			b, bok := ix.At(span)
			if aok != bok || (aok && a != b) {
				t.Fatalf("span %q: EntityAt %q %v, Index.At %q %v", span.Text, a, aok, b, bok)
			}
		}
	}
}
