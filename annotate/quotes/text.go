package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// word is one token of the shared token stream (annotate/tokenize) as the
// phrase rules read it: its lower-case form and whether it is a word and
// capitalised.
type word struct {
	start, end int
	text       string
	// lower is the lower-cased text; an abbreviation's single final dot
	// is dropped ("Mr." → "mr"), so it meets the word lists.
	lower  string
	isWord bool
	upper  bool // first rune is upper case
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‚', '‹', '›':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' || r == '‒' || r == '―' }

// wordsOf reads the document's tokens as words. Numbers, and URLs and
// handles, count as words; every other token is punctuation. A possessive
// "'s" the tokeniser split off is read with its word again ("Ashgabat's",
// "it's"): the phrase rules read a possessive as part of the name it
// follows, not as a verb of an aside.
func wordsOf(toks []model.Token) []word {
	words := make([]word, 0, len(toks))
	for _, t := range toks {
		if n := len(words); n > 0 && isPossessive(t.Text) && words[n-1].isWord && words[n-1].end == t.Start {
			prev := &words[n-1]
			prev.end = t.End
			prev.text += t.Text
			prev.lower += lowerWord(t.Text)
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		isWord := t.Kind == model.TokenWord || t.Kind == model.TokenNumber ||
			t.Kind == model.TokenSymbol && strings.IndexFunc(t.Text, unicode.IsLetter) >= 0
		lower := t.Text
		if isWord {
			lower = lowerWord(t.Text)
			if strings.Count(lower, ".") == 1 && strings.HasSuffix(lower, ".") && len(lower) > 1 {
				lower = lower[:len(lower)-1]
			}
		}
		words = append(words, word{start: t.Start, end: t.End, text: t.Text, lower: lower, isWord: isWord, upper: unicode.IsUpper(r)})
	}
	return words
}

func isPossessive(s string) bool {
	return s == "'s" || s == "’s" || s == "'S" || s == "’S"
}

// wordAt returns the index of the first word starting at or after off.
func wordAt(words []word, off int) int {
	lo, hi := 0, len(words)
	for lo < hi {
		m := (lo + hi) / 2
		if words[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// paragraphs returns the paragraph ranges of text: blocks separated by a
// blank line.
func paragraphs(text string) []model.Range {
	var out []model.Range
	start := 0
	for start < len(text) {
		idx := strings.Index(text[start:], "\n\n")
		end := len(text)
		next := len(text)
		if idx >= 0 {
			end = start + idx
			next = end + 2
			for next < len(text) && (text[next] == '\n' || text[next] == '\r') {
				next++
			}
		}
		s, e := trimRange(text, start, end)
		if e > s {
			out = append(out, model.Range{Start: s, End: e})
		}
		start = next
	}
	return out
}

// trimRange shrinks [s, e) past surrounding white space.
func trimRange(text string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// trimContent shrinks [s, e) past white space and the punctuation that
// joins a statement to its attribution (trailing commas, full stops, colons,
// stray quote marks).
func trimContent(text string, s, e int) (int, int) {
	return trimStatement(text, s, e, false)
}

// trimStatement is trimContent that keeps a final full stop when keepStop
// is set (direct quotes keep their own punctuation). An opening quote mark
// left unpaired at the start is dropped too.
func trimStatement(text string, s, e int, keepStop bool) (int, int) {
	s, e = trimRange(text, s, e)
	if s < e {
		r, w := utf8.DecodeRuneInString(text[s:])
		if markFamily(r) == famDouble || markFamily(r) == famGuil {
			n := 0
			for _, c := range text[s:e] {
				if markFamily(c) == famDouble || markFamily(c) == famGuil {
					n++
				}
			}
			last, _ := utf8.DecodeLastRuneInString(text[s:e])
			if n%2 == 1 || markFamily(last) == famDouble || markFamily(last) == famGuil {
				s += w
			}
		}
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[:e])
		if r == '.' && keepStop {
			break
		}
		if r == ',' || r == ';' || r == ':' || r == '.' && !strings.HasSuffix(text[s:e], "...") || unicode.IsSpace(r) || r == '"' || r == '”' || r == '»' || r == '“' {
			if r == '.' && e-s > 2 && isAbbrevEnd(text[s:e]) {
				break
			}
			e -= w
			continue
		}
		break
	}
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:])
		if unicode.IsSpace(r) || r == ',' || r == ':' || isDash(r) && s+w < e && text[s+w] == ' ' {
			s += w
			continue
		}
		break
	}
	return s, e
}

// isAbbrevEnd reports whether s ends in a dotted abbreviation such as "Mo."
// or "U.S." that keeps its dot.
func isAbbrevEnd(s string) bool {
	i := strings.LastIndexAny(s, " \n")
	last := s[i+1:]
	return strings.Count(last, ".") >= 2 && len(last) <= 6
}

// sentenceIndex finds the sentence containing off.
func sentenceIndex(sents []model.Range, off int) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < sents[m].Start:
			hi = m
		case off >= sents[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	if lo > 0 && lo-1 < len(sents) {
		return lo - 1
	}
	return -1
}

// lowerWord lower-cases a word, without allocating when it already is.
func lowerWord(t string) string {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(t)
		}
	}
	return t
}
