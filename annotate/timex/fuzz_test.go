package timex_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// FuzzExtract checks that no text panics the time expression reader and
// that every timex slices the text to its reported string.
//
//	go test ./annotate/timex -run '^$' -fuzz FuzzExtract -fuzztime 60s
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"On 5 March 2025 police detained him; two days later he was freed.",
		"Last Tuesday, at 16:00, the court met. In early 2024 and by mid-June.",
		"5 марта 2022 года. 2022-01-09T16:00. 31/12/1999. Q3 2020.",
		"yesterday today tomorrow", "the 1990s", "99999-99-99", "0 January 0", "",
	} {
		f.Add(s, "2025-03-10")
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		doc := &model.Document{ID: "fuzz", Text: text, Published: &published}
		doc.Sentences = tokenize.Sentences(text)
		ref := timex.Reference(doc)
		for _, x := range timex.Extract(doc, ref) {
			if x.Start < 0 || x.End > len(text) || x.Start > x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("bad timex span %+v", x.Span)
			}
		}
		timex.ReferenceInStory(doc, []model.Reference{ref})
	})
}
