package quotes_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/quotes"
	"github.com/parallaxnews/parallax/model"
)

// FuzzExtract checks that no input panics and that every offset slices the
// text to the reported string.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will not stop," said Zhanna Kuanysheva.`,
		"Q: Why?\n\nA: Because.\n\nQ: When?\n\nA: Now.",
		"— Кто? — спросил он.\n\n— Я, — ответила она.",
		"«Нет», — сказал он. „Ja“, sagte sie. ‘No,’ she said.",
		"RFE/RL: Question?\n\nName: Answer.\n\nRFE/RL: Another?\n\n",
		`"Unclosed quote` + "\n\n" + `"and another`,
		"He said: \"", "\"", "— ", ": :", "said, that", "According to , .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &model.Document{ID: "fuzz", Text: text}
		for _, q := range quotes.Extract(doc, nil, nil, nil, model.Reference{}) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote span %+v", q.Span)
			}
			for _, sp := range []*model.Span{q.SpeakerSpan, q.SpeakerRef, q.AddresseeSpan} {
				if sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text) {
					t.Fatalf("bad span %+v", *sp)
				}
			}
		}
	})
}
