package entities_test

import (
	"context"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

var (
	fuzzTaggerOnce sync.Once
	fuzzTagger     *entities.Tagger
	fuzzTaggerErr  error
)

// FuzzTag checks that no text panics the entity tagger and that every
// mention slices the text to its reported string.
//
//	go test ./annotate/entities -run '^$' -fuzz FuzzTag -fuzztime 60s
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Bakyt Zhumaliyev, a Kyrgyz musician, was detained in Almaty by the KNB.",
		"The U.N. Security Council met in New York on Monday.",
		"Президент Садыр Жапаров прибыл в Бишкек.", "", "A", "Mr. . . Smith", "ALL CAPS HEADLINE FROM REUTERS",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fuzzTaggerOnce.Do(func() { fuzzTagger, fuzzTaggerErr = entities.Load() })
		if fuzzTaggerErr != nil {
			t.Fatal(fuzzTaggerErr)
		}
		doc := &model.Document{ID: "fuzz", Text: text}
		doc.Sentences = tokenize.Sentences(text)
		ms, err := fuzzTagger.Tag(context.Background(), doc)
		if !utf8.ValidString(text) {
			return // cleaned text is always UTF-8; the tagger may refuse anything else, but must not panic
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention span %+v", m.Span)
			}
		}
	})
}
