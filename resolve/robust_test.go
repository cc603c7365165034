package resolve_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// TestRandomInputNeverPanics feeds random texts and spans, valid UTF-8 or
// not, and checks Entities returns without panicking and keeps its
// promises: every resolved mention belongs to a returned entity.
func TestRandomInputNeverPanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"Tashiev", "Ташиев", " ", ", ", ". ", "the head of ", "CSTO", "(", ")", "he", "She", "\n\n", "Mr.", "-", "'s", "\xff", "Ü", "Zhaparova", "A.", "of", "OSRC"}
	types := []model.EntityType{model.Person, model.Organization, model.Place, model.Group, "", "thing"}
	for round := 0; round < 200; round++ {
		var docs []*model.Annotated
		for d := 0; d < 1+rng.IntN(4); d++ {
			text := ""
			for i := 0; i < rng.IntN(30); i++ {
				text += pieces[rng.IntN(len(pieces))]
			}
			a := &model.Annotated{Doc: &model.Document{ID: string(rune('a' + d)), Text: text}}
			if rng.IntN(4) == 0 {
				a.Doc.Authors = []string{pieces[rng.IntN(len(pieces))]}
			}
			for m := 0; m < rng.IntN(8) && len(text) > 0; m++ {
				s := rng.IntN(len(text))
				e := s + rng.IntN(len(text)-s+1)
				a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(a.Doc.ID, text, s, e), Type: types[rng.IntN(len(types))]})
			}
			docs = append(docs, a)
		}
		ents, err := resolve.Entities(context.Background(), docs, resolve.Options{})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		ids := map[string]bool{}
		for _, e := range ents {
			ids[e.ID] = true
			if !utf8.ValidString(e.ID) {
				t.Fatalf("bad ID %q", e.ID)
			}
		}
		for _, d := range docs {
			for _, m := range d.Mentions {
				if m.Entity != "" && !ids[m.Entity] {
					t.Fatalf("round %d: mention %q points to missing entity %q", round, m.Text, m.Entity)
				}
			}
		}
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := []*model.Annotated{{Doc: &model.Document{ID: "x", Text: "Tashiev"}, Mentions: []model.Mention{{Span: model.Span{Doc: "x", Start: 0, End: 7, Text: "Tashiev"}, Type: model.Person}}}}
	if _, err := resolve.Entities(ctx, docs, resolve.Options{}); err == nil {
		t.Error("want an error from a cancelled context")
	}
}
