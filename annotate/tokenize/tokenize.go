// Package tokenize splits cleaned text into tokens and sentences.
//
// In: a document's cleaned text. Out: tokens and sentence ranges whose
// offsets are bytes into that same text.
//
// PLACEHOLDER: a minimal splitter so other stages can be built against the
// API; the full Unicode-aware tokeniser (issue 3) replaces the internals and
// keeps these signatures.
package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// Tokens returns the tokens of text.
func Tokens(text string) []model.Token {
	var toks []model.Token
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += w2
			}
			kind := model.TokenWord
			if unicode.IsDigit(r) {
				kind = model.TokenNumber
			}
			toks = append(toks, model.Token{Start: i, End: j, Text: text[i:j], Kind: kind})
			i = j
		default:
			toks = append(toks, model.Token{Start: i, End: i + w, Text: text[i : i+w], Kind: model.TokenPunct})
			i += w
		}
	}
	return toks
}

// Sentences returns the sentence ranges of text. Paragraph breaks always end
// a sentence.
func Sentences(text string) []model.Range {
	var out []model.Range
	start := -1
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		end := false
		if r == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			end = true
		} else if (r == '.' || r == '!' || r == '?') && i+w < len(text) && text[i+w] == ' ' {
			end = true
			i += w
			w = 0
		}
		if end && start >= 0 {
			e := i
			for e > start && unicode.IsSpace(rune(text[e-1])) {
				e--
			}
			out = append(out, model.Range{Start: start, End: e})
			start = -1
		}
		i += w
	}
	if start >= 0 {
		e := len(text)
		for e > start && unicode.IsSpace(rune(text[e-1])) {
			e--
		}
		out = append(out, model.Range{Start: start, End: e})
	}
	return out
}
