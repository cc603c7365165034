package compare

import (
	"testing"
	"testing/fstest"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// TestFrameExamples reads every frame's example sentences and checks that
// the frame claims the example's value: adding a frame to frames/*.json
// means adding a sentence it must read.
func TestFrameExamples(t *testing.T) {
	for _, pc := range predicateClasses {
		if len(pc.Examples) == 0 {
			t.Errorf("frame %q has no example sentence", pc.Name)
		}
		for _, ex := range pc.Examples {
			doc := &model.Document{ID: "ex", Text: ex.Text, Published: model.Str("2025-06-01")}
			toks, sents := tokenize.Split(ex.Text)
			doc.Sentences = sents
			a := &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
			a.Reference = timex.Reference(doc)
			a.Timexes = timex.Extract(doc, a.Reference)
			found := false
			for _, cl := range Extract(a, Options{}) {
				if cl.Attribute == pc.Name && cl.Text == ex.Value {
					found = true
				}
			}
			if !found {
				var got []string
				for _, cl := range Extract(a, Options{}) {
					got = append(got, cl.Attribute+":"+cl.Text)
				}
				t.Errorf("frame %q: %q yields no %q claim of %q (got %q)", pc.Name, ex.Text, pc.Name, ex.Value, got)
			}
		}
	}
}

func TestLoadFramesRejectsBadFiles(t *testing.T) {
	for name, body := range map[string]string{
		"not json":   `{`,
		"no frame":   `[{"name": "x"}]`,
		"duplicate":  `[{"name": "x", "frame": "x"}, {"name": "x", "frame": "y"}]`,
		"wrong type": `[{"name": "x", "frame": "x", "triggers": "y"}]`,
	} {
		if _, err := loadFrames(fstest.MapFS{"frames/xx.json": {Data: []byte(body)}}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	cs, err := loadFrames(fstest.MapFS{"frames/xx.json": {Data: []byte(`[{"name": "x", "frame": "y", "triggers": ["z"]}]`)}})
	if err != nil || len(cs) != 1 || cs[0].Frame != "y" {
		t.Fatalf("%v %v", cs, err)
	}
}
