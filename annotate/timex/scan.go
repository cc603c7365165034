package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells the grammar's tokens apart.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// tok is one token of the grammar's own light tokenisation: a run of
// letters, a run of digits, or one other character. Keeping this private
// (rather than using annotate/tokenize) lets the grammar see "4th" as 4 +
// "th" and "16:00" as 16 ":" 00 regardless of how the shared tokeniser
// groups them, and keeps the scan allocation-light.
type tok struct {
	start, end int
	kind       tokKind
	low        string // lower-cased text
	upper      bool   // first letter is upper case
	num        int    // value of a digit run (capped), -1 otherwise
	digits     int    // number of digits in a digit run
	// glued is true when the token starts exactly where the previous one
	// ended (no space between them).
	glued bool
}

// scan splits text[from:to] into tokens. Offsets are absolute.
func scan(text string, from, to int, buf []tok) []tok {
	toks := buf[:0]
	prevEnd := -1
	for i := from; i < to; {
		c := text[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(text[i:to])
		}
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || (c >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += w
			continue
		case c >= '0' && c <= '9':
			j, n := i, 0
			for j < to && text[j] >= '0' && text[j] <= '9' {
				if n < 1_000_000 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			toks = append(toks, tok{start: i, end: j, kind: tNum, low: text[i:j], num: n, digits: j - i, glued: i == prevEnd})
			prevEnd = j
			i = j
			continue
		case isLetter(c, r):
			j := i + w
			ascii := c < utf8.RuneSelf
			upperAny := c >= 'A' && c <= 'Z'
			for j < to {
				c2 := text[j]
				if c2 < utf8.RuneSelf {
					if !(c2 >= 'a' && c2 <= 'z' || c2 >= 'A' && c2 <= 'Z') {
						// Keep "o'clock" whole: an apostrophe between letters.
						break
					}
					if c2 >= 'A' && c2 <= 'Z' {
						upperAny = true
					}
					j++
					continue
				}
				r2, w2 := utf8.DecodeRuneInString(text[j:to])
				if !unicode.IsLetter(r2) {
					break
				}
				ascii = false
				j += w2
			}
			word := text[i:j]
			low := word
			if !ascii {
				low = strings.ToLower(word)
			} else if upperAny {
				low = asciiLower(word)
			}
			toks = append(toks, tok{start: i, end: j, kind: tWord, low: low, upper: unicode.IsUpper(r), num: -1, glued: i == prevEnd})
			prevEnd = j
			i = j
			continue
		default:
			toks = append(toks, tok{start: i, end: i + w, kind: tPunct, low: text[i : i+w], num: -1, glued: i == prevEnd})
			prevEnd = i + w
			i += w
		}
	}
	return toks
}

func isLetter(c byte, r rune) bool {
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return unicode.IsLetter(r)
}

func asciiLower(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}
