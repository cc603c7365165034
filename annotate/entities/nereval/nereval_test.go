package nereval_test

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/entities/nereval"
)

func TestTextDocsAlignsGoldSpans(t *testing.T) {
	docs := []entities.CorpusDoc{{ID: "d", Sentences: []entities.Sentence{
		{Text: "I don't like Kassym-Jomart Tokayev.", Words: []string{"I", "do", "n't", "like", "Kassym-Jomart", "Tokayev", "."},
			Spans: []entities.Span{{Start: 4, End: 6, Label: "PER"}}},
		{Text: "Words that do not match", Words: []string{"Other", "words"}},
		{Text: "Almaty is big.", Words: []string{"Almaty", "is", "big", "."}, Spans: []entities.Span{{Start: 0, End: 1, Label: "LOC"}}},
	}}}
	out, skipped := nereval.TextDocs(docs)
	if skipped != 1 || len(out) != 1 {
		t.Fatalf("TextDocs: %d docs, %d skipped; want 1, 1", len(out), skipped)
	}
	d := out[0]
	want := []string{"Kassym-Jomart Tokayev", "Almaty"}
	if len(d.Gold) != len(want) {
		t.Fatalf("gold = %v", d.Gold)
	}
	for i, g := range d.Gold {
		if got := d.Text[g.Start:g.End]; got != want[i] {
			t.Errorf("gold %d slices to %q, want %q", i, got, want[i])
		}
	}
	// A tagger that finds the person exactly and the place with a wrong
	// boundary scores P = R = 0.5.
	tag := func(ctx context.Context, td nereval.TextDoc) ([]nereval.CharSpan, error) {
		g := td.Gold
		return []nereval.CharSpan{g[0], {Start: g[1].Start, End: g[1].End + 3, Label: "LOC"}}, nil
	}
	sc, err := nereval.ScoreText(context.Background(), out, nereval.UNERLabels, tag)
	if err != nil {
		t.Fatal(err)
	}
	if p, r := sc.Overall.Precision(), sc.Overall.Recall(); p != 0.5 || r != 0.5 {
		t.Errorf("P, R = %v, %v; want 0.5, 0.5", p, r)
	}
}
