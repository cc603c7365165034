package discrepancy_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/discrepancy"
)

func value(doc *model.Document, text, date string, kind model.ValueKind, pol, who string) model.FactValue {
	start := strings.Index(doc.Text, text)
	if start < 0 {
		panic("fixture: " + text)
	}
	s, _ := doc.SentenceAt(start)
	v := model.FactValue{Span: model.SpanOf(doc.ID, doc.Text, start, start+len(text)), Sentence: s,
		Value: model.Value{Kind: kind, Text: "tortured"}, Polarity: pol, AttributedTo: who, Date: model.Str(date)}
	return v
}

func TestReportOrderAndQuotes(t *testing.T) {
	a := model.Document{ID: "a", Outlet: model.Str("Wire One"), Published: model.Str("2024-05-10"), Title: model.Str("Journalist held"),
		Text: "Aliev was detained on May 3. \"He was not tortured,\" his lawyer said."}
	a.Sentences = []model.Range{{Start: 0, End: 28}, {Start: 29, End: len(a.Text)}}
	b := model.Document{ID: "b", Outlet: model.Str("Daily"), Published: model.Str("2024-05-11"),
		Text: "Aliev was arrested on May 5."}
	b.Sentences = []model.Range{{Start: 0, End: len(b.Text)}}
	c := model.Document{ID: "c", Outlet: model.Str("Long Read"), Published: model.Str("2024-09-01"),
		Text: "\"They beat me for three days,\" Aliev said."}
	c.Sentences = []model.Range{{Start: 0, End: len(c.Text)}}
	cp := b
	cp.ID, cp.Outlet, cp.DuplicateOf = "b2", model.Str("Copy Site"), model.Str("b")

	d := model.NewDossier()
	d.Stories = []model.Story{{ID: "s", Title: "Aliev case"}}
	d.Documents = []model.Document{a, b, cp, c}
	d.Entities = []model.Entity{{ID: "e1", Name: "Timur Aliev", Type: model.Person}}
	d.Facts = []model.Fact{
		{ID: "f3", Subject: "e1", Attribute: "age/age", Status: model.Agreed, Values: []model.FactValue{
			value(&a, "Aliev", "2024-05-10", model.KindAge, "asserted", ""), value(&b, "Aliev", "2024-05-11", model.KindAge, "asserted", "")}},
		{ID: "f2", Subject: "e1", Attribute: "tortured/event", Status: model.Changed, Note: "account changed", Values: []model.FactValue{
			value(&c, "beat", "2024-09-01", model.KindEvent, "asserted", "e1"), value(&a, "not tortured", "2024-05-10", model.KindEvent, "negated", "his lawyer")}},
		{ID: "f1", Subject: "e1", Attribute: "detained/date", Status: model.Disputed, Note: "May 3 vs May 5", Values: []model.FactValue{
			value(&a, "May 3", "2024-05-10", model.KindDate, "asserted", ""), value(&b, "May 5", "2024-05-11", model.KindDate, "asserted", "")}},
		{ID: "f4", Subject: "", Attribute: "injured/count (people)", Status: model.SingleSource, Values: []model.FactValue{
			value(&b, "May 5", "2024-05-11", model.KindCount, "asserted", "")}},
	}
	var sb strings.Builder
	if err := discrepancy.Write(&sb, d); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	order := []string{"# Discrepancy report: Aliev case", "## Disputed (1)", "Timur Aliev: detained/date", "## Changed over time (1)",
		"## Agreed (1)", "## Single-source (1)", "## Documents (4)"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < 0 {
			t.Fatalf("missing %q in\n%s", s, out)
		}
		if i < last {
			t.Errorf("%q out of order", s)
		}
		last = i
	}
	for _, s := range []string{
		"> Aliev was detained on **May 3**.",
		"Wire One, 2024-05-10",
		"quoting Timur Aliev, 2024-09-01",
		"quoting his lawyer",
		"3 independent sources (1 syndicated copy counted once)",
		"syndicated copy of Daily",
		"Reprints: Daily carried by 1 reprint.",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in\n%s", s, out)
		}
	}
	// Changed accounts are in date order: the May denial before the September account.
	if strings.Index(out, "not tortured") > strings.Index(out, "They **beat** me") {
		t.Errorf("changed values not in date order:\n%s", out)
	}
}

func TestEmptyDossier(t *testing.T) {
	var sb strings.Builder
	if err := discrepancy.Write(&sb, model.NewDossier()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "No comparable facts") {
		t.Errorf("got %q", sb.String())
	}
}

// An agreed fact lists its agreeing values and sources, and the values
// aside (model.FactValue.Aside) apart, outside the agreement.
func TestAgreedListsAsideApart(t *testing.T) {
	mk := func(id, outlet, text string) model.Document {
		d := model.Document{ID: id, Outlet: model.Str(outlet), Published: model.Str("2025-09-04"), Text: text}
		d.Sentences = []model.Range{{Start: 0, End: len(text)}}
		return d
	}
	a := mk("a", "North Post", "About 3,000 people were evacuated.")
	b := mk("b", "River Daily", "Some 3,000 people were evacuated.")
	c := mk("c", "Plain Times", "Twelve people were evacuated.")
	d := model.NewDossier()
	d.Stories = []model.Story{{ID: "s", Title: "Flood"}}
	d.Documents = []model.Document{a, b, c}
	aside := value(&c, "Twelve people", "", model.KindCount, "asserted", "")
	aside.Aside = true
	d.Facts = []model.Fact{{ID: "f", Attribute: "evacuated/count (people)", Status: model.Agreed, Values: []model.FactValue{
		value(&a, "3,000 people", "", model.KindCount, "asserted", ""), value(&b, "3,000 people", "", model.KindCount, "asserted", ""), aside}}}
	var sb strings.Builder
	if err := discrepancy.Write(&sb, d); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	want := "3,000 people (2 sources: North Post, River Daily); not compared with these: Twelve people (Plain Times)"
	if !strings.Contains(out, want) {
		t.Errorf("missing %q in\n%s", want, out)
	}
}
