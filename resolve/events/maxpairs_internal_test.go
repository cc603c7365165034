package events

import (
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// A story of many near-identical reports holds many candidate pairs;
// Options.MaxPairs narrows each mention's window so the pairs stay near
// the bound, and the story still resolves.
func TestMaxPairsNarrowsTheWindow(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "A fire destroyed the harbour warehouse on Tuesday, killing two guards. Firefighters fought the blaze for six hours. Police arrested a man after the fire."
	var docs []*model.Annotated
	for i := 0; i < 40; i++ {
		doc := &model.Document{ID: fmt.Sprintf("d%d", i), Text: text, Published: model.Str("2031-04-16")}
		toks, sents := tokenize.Split(text)
		doc.Sentences = sents
		a := &model.Annotated{Doc: doc, Tokens: toks}
		a.Reference = timex.Reference(doc)
		a.Timexes = timex.Extract(doc, a.Reference)
		docs = append(docs, a)
	}
	full, err := r.Resolve(t.Context(), docs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bound := len(full.Mentions) * 6
	narrow, err := r.Resolve(t.Context(), docs, nil, Options{MaxPairs: bound})
	if err != nil {
		t.Fatal(err)
	}
	if narrow.pairs >= full.pairs || len(narrow.Events) == 0 {
		t.Errorf("MaxPairs %d: %d pairs (%d events), without a bound %d pairs", bound, narrow.pairs, len(narrow.Events), full.pairs)
	}
	if narrow.pairs > 4*bound {
		t.Errorf("MaxPairs %d: %d pairs, far above the bound", bound, narrow.pairs)
	}
}
