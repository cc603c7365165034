package resolve_test

import (
	"testing"

	"github.com/parallaxnews/parallax/resolve"
)

// TestPersonPronoun: the pronoun lists other stages read come from the
// lexicon, per language.
func TestPersonPronoun(t *testing.T) {
	for w, want := range map[string]byte{"he": 'm', "him": 'm', "his": 'm', "himself": 'm', "she": 'f', "her": 'f', "hers": 'f',
		"он": 'm', "его": 'm', "ему": 'm', "она": 'f', "её": 'f', "ее": 'f', "ей": 'f'} {
		if g, ok := resolve.PersonPronoun(w); !ok || g != want {
			t.Errorf("%q: %c %v, want %c", w, g, ok, want)
		}
	}
	for _, w := range []string{"they", "it", "i", "we", "мы", "police", ""} {
		if _, ok := resolve.PersonPronoun(w); ok {
			t.Errorf("%q: a pronoun of one person", w)
		}
	}
}
