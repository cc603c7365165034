package timeline

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// A parsed sentence's lemmas key the clause words; without a parse the
// one lemmatiser folds the form, and both meet on the same key.
func TestClauseWordKeys(t *testing.T) {
	text := "Police detained the men who fled."
	doc := &model.Document{ID: "d", Text: text, Sentences: []model.Range{{Start: 0, End: len(text)}}}
	parsed := &model.Annotated{Doc: doc, Syntax: [][]model.Word{{
		{Start: 7, End: 15, Text: "detained", Lemma: "detain"},
		{Start: 28, End: 32, Text: "fled", Lemma: "flee"},
	}}}
	lem := lemmasIn(parsed, model.Range{Start: 0, End: len(text)})
	if got, want := lem.key(28, 32, "fled"), stem("flee"); got != want {
		t.Errorf("parsed fled: %q, want %q", got, want)
	}
	if got, want := lem.key(7, 15, "detained"), stem("arrested"); got != want {
		t.Errorf("parsed detained: %q, want the class of arrested %q", got, want)
	}
	var none lemmas // not parsed
	for _, pair := range [][2]string{{"fled", "flee"}, {"arrests", "arrest"}, {"killing", "died"}, {"released", "release"}} {
		if a, b := none.key(0, 0, pair[0]), none.key(0, 0, pair[1]); a != b {
			t.Errorf("%s → %q, %s → %q: want one key", pair[0], a, pair[1], b)
		}
	}
	if lemmasIn(&model.Annotated{Doc: doc}, model.Range{Start: 0, End: len(text)}) != nil {
		t.Error("lemmas of an unparsed document")
	}
}

func TestBorrowedDate(t *testing.T) {
	for _, c := range []struct {
		tx   model.Timex
		want bool
	}{
		{model.Timex{Value: "2011-08-04", Anchor: "previous date 2011-08-04"}, true},  // "the same day"
		{model.Timex{Value: "2011-08-05", Anchor: "previous date 2011-08-04"}, false}, // "the next day"
		{model.Timex{Value: "2011-08-04", Anchor: "published 2011-08-04"}, false},
		{model.Timex{Value: "2011-08-04"}, false},
	} {
		if got := borrowedDate(c.tx); got != c.want {
			t.Errorf("%+v: %v, want %v", c.tx, got, c.want)
		}
	}
}
