package eval

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/ecbplus"
)

func TestDateInURL(t *testing.T) {
	for in, want := range map[string]string{
		"http: / / nypost. com / 2013 / 05 / 02 / lindsay":       "2013-05-02",
		"http: / / articles. latimes. com / 2005 / jun / 26 / x": "2005-06-26",
		"http://example.com/2011/CRIME/08/09/x":                  "",
		"http: / / x. com / 2013 / 02 / 30 / y":                  "",
	} {
		got, ok := dateInURL(in)
		if want == "" {
			if ok {
				t.Errorf("%q: got %v, want none", in, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != want {
			t.Errorf("%q: got %v %v, want %s", in, got, ok, want)
		}
	}
}

func TestDetokenize(t *testing.T) {
	words := []string{"Posted", ":", "08", "/", "02", "/", "2013", "at", "1", ":", "30", "pm", ".", "He", "said", "(", "quietly", ")", "."}
	sent := []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}
	d := &ecbplus.Document{Name: "t"}
	for i, w := range words {
		d.Tokens = append(d.Tokens, ecbplus.Token{ID: i + 1, Sentence: sent[i], Text: w})
	}
	text, spans, sents := d.Detokenized()
	if want := "Posted: 08/02/2013 at 1:30 pm.\n\nHe said (quietly)."; text != want {
		t.Fatalf("got %q, want %q", text, want)
	}
	for i, sp := range spans {
		if text[sp.Start:sp.End] != words[i] {
			t.Errorf("token %d: span gives %q", i, text[sp.Start:sp.End])
		}
	}
	if len(sents) != 2 || text[sents[1].Start:sents[1].End] != "He said (quietly)." {
		t.Errorf("sentences %v", sents)
	}
}
