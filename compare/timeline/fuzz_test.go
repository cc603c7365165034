package timeline_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/compare/timeline"
	"github.com/parallaxnews/parallax/model"
)

// FuzzBuild splits the input into documents at "\n---\n", reads their
// dates, and builds the timeline: no panic, and every event source slices
// its document's text to its reported string.
//
//	go test ./compare/timeline -run '^$' -fuzz FuzzBuild -fuzztime 60s
func FuzzBuild(f *testing.F) {
	for _, s := range []string{
		"Police detained Bakyt on 5 March 2025.\n---\nBakyt was detained on 6 March 2025, his lawyer said.",
		"The court met last Tuesday. It adjourned until 12 April.\n---\nOn 12 April the court met again.",
		"In 2024 floods hit. In 2025 floods hit.\n---\n\n---\nOn 1 January 1970 nothing.",
		"", "---", "5 March. 5 March. 5 March.",
	} {
		f.Add(s, "2025-03-10")
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		parts := strings.Split(text, "\n---\n")
		if len(parts) > 8 {
			parts = parts[:8]
		}
		docs := make([]*model.Annotated, 0, len(parts))
		byID := map[string]string{}
		for i, p := range parts {
			doc := &model.Document{ID: fmt.Sprintf("d%d", i), Text: p, Published: &published}
			doc.Sentences = tokenize.Sentences(p)
			a := &model.Annotated{Doc: doc, Reference: timex.Reference(doc)}
			a.Timexes = timex.Extract(doc, a.Reference)
			docs = append(docs, a)
			byID[doc.ID] = p
		}
		events, err := timeline.Build(context.Background(), docs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			for _, s := range e.Sources {
				txt, ok := byID[s.Doc]
				if !ok || s.Start < 0 || s.End > len(txt) || s.Start > s.End || txt[s.Start:s.End] != s.Text {
					t.Fatalf("bad source span %+v", s.Span)
				}
			}
		}
	})
}
