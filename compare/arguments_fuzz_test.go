package compare

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// FuzzArguments runs the parse matchers (argument facts, parsed counts)
// over any two texts: no panic, every value inside its text and
// sentence, and no verdict but agreement from the argument facts.
func FuzzArguments(f *testing.F) {
	for _, s := range [][2]string{
		{"The ferry sank, killing 41 of the 90 people onboard.", "41 of the 90 people onboard were killed when the ferry sank."},
		{"A clerk found the parcel.", "The parcel found by a clerk held wires."},
		{"Inspectors found no mould.", "Inspectors found mould."},
		{"of of of 3 of 4 of", "killed 1,000,000,000,000,000,000,000 of the 5 people"},
		{"", "."},
	} {
		f.Add(s[0], s[1])
	}
	m, err := testParser()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		var docs []*model.Annotated
		for i, text := range []string{x, y} {
			doc := &model.Document{ID: string(rune('a' + i)), Text: text, Outlet: model.Str(string(rune('a' + i)))}
			toks, sents := tokenize.Split(text)
			doc.Sentences = sents
			a := &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
			a.Syntax = m.ParseSentences(toks, sents)
			docs = append(docs, a)
			for _, cl := range Extract(a, Options{}) {
				if cl.Start < 0 || cl.End > len(text) || cl.Start > cl.End || text[cl.Start:cl.End] != cl.Text {
					t.Fatalf("bad value span %+v", cl.Span)
				}
			}
		}
		facts, err := argumentFacts(context.Background(), docs, Options{}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{"a": x, "b": y}
		for _, f := range facts {
			if f.Status != model.Agreed {
				t.Fatalf("argument fact %s is %s", f.Attribute, f.Status)
			}
			for _, v := range f.Values {
				text := texts[v.Doc]
				if v.Start < 0 || v.End > len(text) || v.Start > v.End || text[v.Start:v.End] != v.Text {
					t.Fatalf("bad value span %+v", v.Span)
				}
			}
		}
	})
}
