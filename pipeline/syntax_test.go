package pipeline_test

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

// TestAnnotateParsesEverySentence checks the one token stream: the
// document's sentences, its tokens and one parse per sentence, whose words
// lie inside their sentence and slice the text.
func TestAnnotateParsesEverySentence(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{Workers: 1, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	text := "Police said the driver didn't stop.\n\nThe storm destroyed 51 of the 90 houses in the village."
	doc := &model.Document{ID: "d1", Source: "d1.txt", Text: text}
	got, err := p.Annotate(context.Background(), []*model.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	a := got[0]
	if len(a.Doc.Sentences) != 2 || len(a.Syntax) != 2 || len(a.Tokens) == 0 {
		t.Fatalf("%d sentences, %d parses, %d tokens", len(a.Doc.Sentences), len(a.Syntax), len(a.Tokens))
	}
	for i, words := range a.Syntax {
		s := a.Doc.Sentences[i]
		roots := 0
		for _, w := range words {
			if w.Start < s.Start || w.End > s.End || text[w.Start:w.End] != w.Text {
				t.Errorf("sentence %d: word %q at %d-%d outside %v or not its text", i, w.Text, w.Start, w.End, s)
			}
			if w.Head == -1 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d: %d roots", i, roots)
		}
	}
	if w := a.Syntax[0][1]; w.Lemma != "say" || w.Rel != "root" {
		t.Errorf("second word of the first sentence: %+v, want the root \"say\"", w)
	}
	// Without Parse the tokens and sentences are there, the parse is not
	// (compare parses the few sentences it needs itself).
	p, err = pipeline.New(pipeline.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	doc = &model.Document{ID: "d2", Source: "d2.txt", Text: text}
	got, err = p.Annotate(context.Background(), []*model.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	if a := got[0]; a.Syntax != nil || len(a.Tokens) == 0 || len(a.Doc.Sentences) != 2 {
		t.Errorf("without Parse: %d parses, %d tokens, %d sentences", len(a.Syntax), len(a.Tokens), len(a.Doc.Sentences))
	}
}
