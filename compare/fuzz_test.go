package compare_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/model"
)

// FuzzExtract checks that claim extraction never panics on any text and
// that every claim's value and sentence lie inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The bus, which had left Samara on Sunday bound for the city of Khujand, overturned.",
		"The rescue operation lasted three days. All 52 hours of the operation.",
		"On Thursday a court remanded him in custody for two months.",
		"He denied reports that detainees had been beaten. We were held for five days.",
		"At one point 55% of voice calls in Oslo, 52% in Bergen and 8% in Alta failed. Stocks closed down 3. 9 percent.",
		"left", "bound for", "lasted", "of the", "from to", "denied that", "5% of", "in 5%", "by 5. 4 per",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &model.Document{ID: "fuzz", Text: text}
		toks, sents := tokenize.Split(text)
		doc.Sentences = sents
		a := &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
		for _, cl := range compare.Extract(a, compare.Options{}) {
			if cl.Start < 0 || cl.End > len(text) || cl.Start > cl.End || text[cl.Start:cl.End] != cl.Text {
				t.Fatalf("bad value span %+v", cl.Span)
			}
			if cl.Sentence.Start < 0 || cl.Sentence.End > len(text) || !cl.Sentence.Contains(cl.Range()) {
				t.Fatalf("bad sentence %+v for %+v", cl.Sentence, cl.Span)
			}
		}
	})
}
