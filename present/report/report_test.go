package report_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/report"
	"github.com/parallaxnews/parallax/store/sqlite"
)

func str(s string) *string { return &s }

func newStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestReport(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := report.PickStory(ctx, st, ""); !errors.Is(err, report.ErrNoStories) {
		t.Errorf("empty store: %v", err)
	}
	text := "The court fined him 196,600 tenge on 11 March. <script>alert(1)</script>"
	raw := []byte("Fine\n\n" + text)
	doc := &model.Document{ID: model.DocumentID(raw), Source: "a.txt", Format: "text", Title: str("Court fines musician"), Outlet: str("Almaty Courier"), Published: str("2025-03-11"), Text: text, Raw: raw}
	if _, err := st.PutDocument(ctx, doc); err != nil {
		t.Fatal(err)
	}
	i := strings.Index(text, "196,600 tenge")
	d := model.NewDossier()
	story := model.Story{ID: "s1", Title: "Fine", Documents: []string{doc.ID}}
	d.Stories = []model.Story{story}
	d.Facts = []model.Fact{{ID: "f1", Subject: "e1", SubjectName: "Bakyt Zhumaliyev", Attribute: "fine", Status: model.SingleSource,
		Values: []model.FactValue{{Span: model.SpanOf(doc.ID, text, i, i+13), Sentence: model.Range{Start: 0, End: strings.Index(text, " <")}, Value: model.Value{Kind: model.KindMoney, Amount: 196600, Currency: "KZT"}, Polarity: "asserted"}}}}
	if err := st.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	got, err := report.PickStory(ctx, st, "")
	if err != nil || got.ID != "s1" {
		t.Fatalf("newest story: %v %v", got.ID, err)
	}
	if _, err := report.PickStory(ctx, st, "nope"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown story: %v", err)
	}

	var html bytes.Buffer
	if err := report.Write(ctx, &html, st, "s1", report.HTML); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, want := range []string{"<!doctype html>", "<style>", "196,600 KZT", "Almaty Courier", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", `src="http`, `href="/`} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML report is not self-contained or not inert: contains %q", bad)
		}
	}
	var md bytes.Buffer
	if err := report.Write(ctx, &md, st, "s1", report.Markdown); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "196,600 tenge") {
		t.Errorf("Markdown report lacks the fact's sentence:\n%s", md.String())
	}
	for in, want := range map[string]report.Format{"html": report.HTML, "HTM": report.HTML, "markdown": report.Markdown, "md": report.Markdown} {
		if f, err := report.ParseFormat(in); err != nil || f != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, f, err)
		}
	}
	if _, err := report.ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}
