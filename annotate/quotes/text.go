package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// word is one token of the text as this package sees it: a word (letters,
// digits, inner apostrophes, hyphens and abbreviation dots) or one
// punctuation rune. It is independent of the tokenize package so that the
// phrase rules below do not depend on another stage's quirks.
type word struct {
	start, end int
	text       string
	lower      string
	isWord     bool
	upper      bool // first rune is upper case
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‚', '‹', '›':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' || r == '‒' || r == '―' }

// scanWords splits text into words and punctuation.
func scanWords(text string) []word {
	words := make([]word, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
					j += w2
					continue
				}
				// Inner apostrophe, hyphen or dot followed by a letter or digit:
				// "don't", "29-year-old", "A.J.", "U.S.".
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '‑') && j+w2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+w2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += w2
						continue
					}
				}
				break
			}
			// Abbreviation dot: single capital letters ("L.") and dotted
			// forms ("A.J.", "U.S.") keep their final dot.
			if j < len(text) && text[j] == '.' {
				tok := text[i:j]
				if (utf8.RuneCountInString(tok) == 1 && unicode.IsUpper(r)) || strings.Contains(tok, ".") || unicode.IsUpper(r) && titles[strings.ToLower(tok)] && len(tok) <= 5 && j+1 < len(text) && text[j+1] == ' ' {
					j++
				}
			}
			t := text[i:j]
			words = append(words, word{start: i, end: j, text: t, lower: lowerWord(t), isWord: true, upper: unicode.IsUpper(r)})
			i = j
			continue
		}
		t := text[i : i+w]
		words = append(words, word{start: i, end: i + w, text: t, lower: t})
		i += w
	}
	return words
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

// splitSentences finds sentence ranges with this package's own rules: a
// sentence ends at ".", "!", "?" or "…" (not after a title abbreviation or
// an initial), followed by closing quotes or brackets, white space and an
// upper-case letter, digit, opening quote or dash; and at every paragraph
// end. The rules are kept here so that speaker resolution does not depend
// on another stage's splitter.
func splitSentences(text string, words []word, paras []model.Range) []model.Range {
	var out []model.Range
	for _, p := range paras {
		start := p.Start
		i := wordAt(words, p.Start)
		for ; i < len(words) && words[i].end <= p.End; i++ {
			t := words[i]
			if t.isWord || !(t.text == "." || t.text == "!" || t.text == "?" || t.text == "…") {
				continue
			}
			if t.text == "." && i > 0 && words[i-1].end == t.start && isTitleAbbrev(words[i-1]) {
				continue
			}
			// Closing marks that belong to this sentence.
			end := t.end
			j := i + 1
			for j < len(words) && words[j].end <= p.End && !words[j].isWord && words[j].start == end && (markFamily([]rune(words[j].text)[0]) != famNone || words[j].text == ")" || words[j].text == "]") {
				end = words[j].end
				j++
			}
			if end >= p.End {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsSpace(r) {
				continue
			}
			if j >= len(words) || words[j].start >= p.End {
				break
			}
			nr, _ := utf8.DecodeRuneInString(words[j].text)
			if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || markFamily(nr) != famNone || isDash(nr) || nr == '(') {
				continue
			}
			out = append(out, model.Range{Start: start, End: end})
			start = words[j].start
			i = j - 1
		}
		if start < p.End {
			out = append(out, model.Range{Start: start, End: p.End})
		}
	}
	return out
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
