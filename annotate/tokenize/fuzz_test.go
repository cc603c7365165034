package tokenize_test

import (
	"testing"

	"github.com/parallaxnews/parallax/annotate/tokenize"
)

// FuzzSplit checks that no text panics the tokenizer and that tokens and
// sentences are in order, inside the text, and slice it to their text.
//
//	go test ./annotate/tokenize -run '^$' -fuzz FuzzSplit -fuzztime 60s
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Dr. Smith arrived at 5 p.m. He left.", "«Нет», — сказал он. Это всё.", "U.S.-led talks; $1.5bn (approx.).",
		"...", "", "\n\n\n", "a\u200bb", "e.g. i.e. No. 5", "Q: Why?\n\nA: Because.", "\xff\xfe", "1,000,000.5%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := tokenize.Split(text)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End < tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v after %d", tk, prev)
			}
			prev = tk.End
		}
		prev = 0
		for _, s := range sents {
			if s.Start < prev || s.End < s.Start || s.End > len(text) {
				t.Fatalf("bad sentence %+v after %d", s, prev)
			}
			prev = s.End
		}
	})
}
