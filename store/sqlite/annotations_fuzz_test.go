package sqlite

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// FuzzDecodeAnnotation feeds any bytes to the reader of stored
// annotations: it must return an error or spans inside the text, never
// panic.
//
//	go test ./store/sqlite -run '^$' -fuzz FuzzDecodeAnnotation -fuzztime 30s
func FuzzDecodeAnnotation(f *testing.F) {
	const text = `Police in Varnel held Tamsin Grell on 3 March. "We will appeal," her lawyer said.`
	doc := &model.Document{ID: "d", Text: text}
	toks, sents := tokenize.Split(text)
	doc.Sentences = sents
	a := &model.Annotated{Doc: doc, Tokens: toks,
		Mentions: []model.Mention{{Span: model.Span{Doc: "d", Start: 10, End: 16, Text: text[10:16]}, Type: model.Place}},
		Quotes:   []model.Quote{{Span: model.Span{Doc: "d", Start: 48, End: 65, Text: text[48:65]}}}}
	good, err := encodeAnnotation(a)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{})
	f.Add(good[:len(good)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &model.Document{ID: "d", Text: text}
		got, err := decodeAnnotation(data, d)
		if err != nil {
			return
		}
		for _, m := range got.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Fatalf("mention %d-%d outside the text", m.Start, m.End)
			}
		}
		for _, tk := range got.Tokens {
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token %d-%d is not the text there", tk.Start, tk.End)
			}
		}
	})
}

// FuzzDecodeParses feeds any bytes to the reader of stored sentence
// parses: an error or words inside the text, never a panic.
//
//	go test ./store/sqlite -run '^$' -fuzz FuzzDecodeParses -fuzztime 30s
func FuzzDecodeParses(f *testing.F) {
	const text = `Police in Varnel held Tamsin Grell on 3 March.`
	doc := &model.Document{ID: "d", Text: text}
	syn := [][]model.Word{nil, {{Start: 0, End: 6, Text: "Police", UPOS: "NOUN", Head: 2, Rel: "nsubj"}}}
	good, err := encodeParses(syn, text)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{})
	f.Add(good[:len(good)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeParses(data, doc)
		if err != nil {
			return
		}
		for _, words := range got {
			for _, w := range words {
				if w.Text != text[w.Start:w.End] {
					t.Fatalf("word %d-%d is not the text there", w.Start, w.End)
				}
			}
		}
	})
}
