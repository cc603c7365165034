package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/report"
)

// Issue 18: the story header and both reports count independent sources,
// and say how many reprints each source's story carries.
func TestReportCountsReprints(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	put := func(name, outlet, credit, text string, copyOf *model.Document) *model.Document {
		raw := []byte(name + "\n\n" + text)
		doc := &model.Document{ID: model.DocumentID(raw), Source: name + ".txt", Format: "text", Title: str("Dam inspected"),
			Outlet: str(outlet), Published: str("2025-03-11"), Text: text, Raw: raw}
		if credit != "" {
			doc.Credit = str(credit)
		}
		if copyOf != nil {
			doc.DuplicateOf = &copyOf.ID
		}
		if _, err := st.PutDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	wire := "Engineers inspected the dam on Monday and found no cracks, the agency said."
	orig := put("wire", "Northern Agency", "", wire, nil)
	a := put("a", "Valley Post", "Northern Agency", wire, orig)
	b := put("b", "Hill Gazette", "Northern Agency", wire, orig)
	own := put("c", "River Times", "", "The dam was inspected on Monday; a second check is due in May, the council said.", nil)
	story := model.Story{ID: "s1", Title: "Dam", Documents: []string{orig.ID, a.ID, b.ID, own.ID}}
	d := model.NewDossier()
	d.Stories = []model.Story{story}
	if err := st.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	var html, md bytes.Buffer
	if err := report.Write(ctx, &html, st, "s1", report.HTML); err != nil {
		t.Fatal(err)
	}
	if err := report.Write(ctx, &md, st, "s1", report.Markdown); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 independent sources (4 documents, reprints counted once)", "carried by 2 reprints"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	for _, want := range []string{"2 independent sources", "Northern Agency carried by 2 reprints"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown report lacks %q:\n%s", want, md.String())
		}
	}
}
