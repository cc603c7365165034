package quantity_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/model"
)

// FuzzExtract checks that no input panics, that every span slices the text
// to its reported string, and that parallel links point at real amounts.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"He was paid 90,000 tenge [$207] and 183 euros.",
		"Among the dead was Aida Bekova, 38",
		"Three of the injured and about twenty of us, one of the dead.",
		"between 20 and", "of us", "Ivanov, 4", "$", "5,", "1 000 000 000 000 000 000 000 рублей",
		"nearly one hundred thousand people", "9 of the",
		"at one point as much as 55% of voice traffic in Oslo, 52% in Bergen, and 8",
		"rose 5. 4 per cent", "5. ", "3 percentage", "7% of the", "12% of Ann's", "на 3 процентных пунктов",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := quantity.Extract(&model.Document{ID: "fuzz", Text: text})
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v", q.Span)
			}
			if q.Parallel >= len(qs) {
				t.Fatalf("parallel %d out of %d", q.Parallel, len(qs))
			}
		}
	})
}
