package eventeval_test

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/internal/recorded"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/resolve/events"
	"github.com/parallaxnews/parallax/resolve/events/eventeval"
)

var update = flag.Bool("update", false, "rewrite testdata/figures.json with the current figures")

// rates are the recorded ecbplus-facts figures: the two error rates may
// rise, and the same-event share fall, by at most 0.02.
type rates struct {
	WronglyBackground float64 `json:"wrongly_background"`
	WronglyDistinct   float64 `json:"wrongly_distinct"`
	SameEvent         float64 `json:"same_event"`
}

func TestRecordedFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates and resolves the ecbplus-facts stories")
	}
	r, err := events.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eventeval.Run(t.Context(), filepath.Join("..", "..", "..", "..", "shared", "corpora", "ecbplus-facts"), r, p)
	if err != nil {
		t.Fatal(err)
	}
	tot := rep.Total
	if tot.Governed < 500 || tot.Pairs < 1000 || tot.MainFound != len(rep.Stories) {
		t.Fatalf("too little was measured: %+v", tot)
	}
	got := rates{float64(tot.Background) / float64(tot.Governed), float64(tot.Distinct) / float64(tot.Pairs), float64(tot.Same) / float64(tot.Pairs)}
	var want rates
	if !recorded.Load(t, filepath.Join("testdata", "figures.json"), got, &want, *update) {
		return
	}
	recorded.AtMost(t, "values wrongly called background", got.WronglyBackground, want.WronglyBackground)
	recorded.AtMost(t, "same-fact pairs wrongly distinct", got.WronglyDistinct, want.WronglyDistinct)
	recorded.AtLeast(t, "same-fact pairs in one event", got.SameEvent, want.SameEvent)
}
