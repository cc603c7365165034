// Package tokenize splits cleaned text into tokens and sentences.
//
// In: a document's cleaned text. Out: tokens and sentence ranges whose
// offsets are bytes into that same text, so text[t.Start:t.End] == t.Text
// for every token.
//
// The tokeniser is Unicode-aware (Latin, Cyrillic and any other script whose
// letters Go's unicode tables know). It keeps together:
//   - hyphenated and apostrophised words: "Kassym-Jomart", "O'Brien",
//     "Ak-Jol" (but splits the possessive "'s"/"’s" off, so "Kazakhstan’s"
//     gives "Kazakhstan" and "’s");
//   - numbers with separators: "90,000", "8.5", "10:30", "1990s", "21st";
//   - abbreviations with their period: "Mr.", "Jan.", "U.S.", "e.g.",
//     initials "J.", Russian "г.", "ул.";
//   - URLs and e-mail addresses;
//   - runs of the same dash or dot: "--", "...".
//
// Every other punctuation mark is a token of its own: straight and curly
// quotes, «», em and en dashes, brackets, the ellipsis character.
//
// Sentences end at . ! ? … (plus any closing quotes or brackets) when the
// next token can start a sentence, never after a title, month or initial,
// and always at a paragraph break (a blank line).
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// Tokens returns the tokens of text.
func Tokens(text string) []model.Token {
	toks := make([]model.Token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			i += w
			continue
		}
		end, kind := scanToken(text, i, r, w)
		toks = append(toks, model.Token{Start: i, End: end, Text: text[i:end], Kind: kind})
		i = end
	}
	return toks
}

// Sentences returns the sentence ranges of text. Paragraph breaks always end
// a sentence.
func Sentences(text string) []model.Range {
	_, sents := Split(text)
	return sents
}

// Split returns both the tokens and the sentence ranges of text, tokenising
// once. Every token lies inside exactly one sentence.
func Split(text string) ([]model.Token, []model.Range) {
	toks := Tokens(text)
	return toks, sentencesOf(text, toks)
}

// SentenceTokens groups toks by sentence: out[i] holds the tokens that lie in
// sents[i]. Both inputs must come from the same text, as Split returns them.
func SentenceTokens(toks []model.Token, sents []model.Range) [][]model.Token {
	out := make([][]model.Token, len(sents))
	j := 0
	for i, s := range sents {
		for j < len(toks) && toks[j].Start < s.Start {
			j++
		}
		k := j
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		out[i] = toks[j:k:k]
		j = k
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// runeAt decodes the rune at byte i, or returns -1 past the end.
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(text[i:])
}

func scanToken(text string, i int, r rune, w int) (int, model.TokenKind) {
	switch {
	case unicode.IsDigit(r):
		return scanNumber(text, i), model.TokenNumber
	case isWordRune(r):
		if end, ok := scanURL(text, i); ok {
			return end, model.TokenSymbol
		}
		return scanWord(text, i), model.TokenWord
	case r == '.' || r == '-' || r == '=' || r == '*' || r == '_':
		// Runs of the same mark: "...", "--", "===".
		j := i + w
		for j < len(text) && rune(text[j]) == r {
			j++
		}
		if r == '.' && j == i+1 {
			// ".5" is a number.
			if r2, _ := runeAt(text, j); r2 >= 0 && unicode.IsDigit(r2) {
				return scanNumber(text, j), model.TokenNumber
			}
		}
		return j, kindOf(r)
	case isApostrophe(r):
		// The possessive split off a word: "’s".
		if r2, w2 := runeAt(text, i+w); r2 == 's' || r2 == 'S' {
			if r3, _ := runeAt(text, i+w+w2); r3 < 0 || !isWordRune(r3) {
				if i > 0 {
					if r0, _ := utf8.DecodeLastRuneInString(text[:i]); isWordRune(r0) {
						return i + w + w2, model.TokenWord
					}
				}
			}
		}
	case r == '#' || r == '@':
		// Hashtags and handles keep their sign.
		if r2, _ := runeAt(text, i+w); r2 >= 0 && isWordRune(r2) {
			return scanWord(text, i+w), model.TokenSymbol
		}
	}
	return i + w, kindOf(r)
}

func kindOf(r rune) model.TokenKind {
	if unicode.IsSymbol(r) {
		return model.TokenSymbol
	}
	return model.TokenPunct
}

// scanNumber reads digits with internal separators: 90,000  8.5  10:30
// 1,234.56  and alphanumeric tails: 1990s 21st 5km.
func scanNumber(text string, i int) int {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch {
		case unicode.IsDigit(r):
			j += w
		case r == ',' || r == '.' || r == ':' || r == '/' || r == '\u202f' || r == '\u00a0':
			// A separator only when a digit follows directly.
			r2, _ := runeAt(text, j+w)
			if r2 < 0 || !unicode.IsDigit(r2) {
				return j
			}
			if r == '\u202f' || r == '\u00a0' {
				// Thin-space grouping only for groups of exactly three digits.
				k := j + w
				n := 0
				for k < len(text) && text[k] >= '0' && text[k] <= '9' {
					k++
					n++
				}
				if n != 3 {
					return j
				}
			}
			j += w
		case unicode.IsLetter(r):
			// "1990s", "21st", "5km": letters glued to the number.
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += w2
			}
			return j
		default:
			return j
		}
	}
	return j
}

// scanWord reads letters and digits joined by hyphens or apostrophes, then
// attaches a period when the word is an abbreviation.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if isHyphen(r) || isApostrophe(r) {
			r2, w2 := runeAt(text, j+w)
			if r2 < 0 || !isWordRune(r2) {
				break
			}
			if isApostrophe(r) && (r2 == 's' || r2 == 'S') {
				// Possessive: split "’s" off unless more letters follow ("O’Sullivan").
				if r3, _ := runeAt(text, j+w+w2); r3 < 0 || !isWordRune(r3) {
					break
				}
			}
			j += w + w2
			continue
		}
		if r == '.' {
			if end, ok := dottedAbbrev(text, i, j); ok {
				return end
			}
		}
		break
	}
	if j < len(text) && text[j] == '.' && isAbbreviation(text[i:j]) {
		return j + 1
	}
	return j
}

// dottedAbbrev extends "U" at text[i:j] followed by "." into "U.S." or
// "e.g." when every part is one or two letters and another part follows.
func dottedAbbrev(text string, i, j int) (int, bool) {
	if utf8.RuneCountInString(text[i:j]) > 2 || !allLetters(text[i:j]) {
		return 0, false
	}
	k := j
	parts := 1
	for k < len(text) && text[k] == '.' {
		// Another short letter group followed by a period?
		m := k + 1
		n := 0
		for m < len(text) {
			r, w := utf8.DecodeRuneInString(text[m:])
			if !unicode.IsLetter(r) {
				break
			}
			m += w
			n++
		}
		if n == 0 || n > 2 || m >= len(text) || text[m] != '.' {
			break
		}
		parts++
		k = m
	}
	if parts < 2 {
		return 0, false
	}
	return k + 1, true
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// isAbbreviation reports whether word followed by a period is a known
// abbreviation or an initial.
func isAbbreviation(word string) bool {
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) || abbreviations[word] != abbrevNone
	}
	return abbreviations[word] != abbrevNone || abbreviations[strings.ToLower(word)] != abbrevNone
}

// abbrevKind tells whether an abbreviation can end a sentence.
type abbrevKind uint8

const (
	abbrevNone abbrevKind = iota
	// abbrevInner never ends a sentence: titles, months, "No.", "vs.".
	abbrevInner
	// abbrevAny may end one: "etc.", "Inc.", "U.S." before "The".
	abbrevAny
)

// abbreviations lists words written with a trailing period. Kept as data.
var abbreviations = func() map[string]abbrevKind {
	m := map[string]abbrevKind{}
	for _, w := range strings.Fields(`Mr Mrs Ms Mx Dr Prof Sr Jr St Mt Ft Rev Hon Gen Col Lt Sgt Capt Cpl Pvt Pte Maj Adm Cmdr Det Gov Sen Rep Pres Amb Supt Insp Atty Dist Asst
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		No Nos Vol Vols vs v Fig Art Ch Sec Para pp p Ave Blvd Rd Dept Univ approx ca cf al
		г гг ул д им т е см тыс млн млрд руб долл ст пр пер обл р-н с пос п кв корп тел рис Ген Проф Акад`) {
		m[w] = abbrevInner
	}
	for _, w := range strings.Fields(`etc Inc Ltd Co Corp Bros Plc LLC esp km kg cm mm mi ft lb oz hr min sec yr yrs mln bn`) {
		m[w] = abbrevAny
	}
	return m
}()

// scanURL reads a URL or e-mail address starting at i, if there is one.
func scanURL(text string, i int) (int, bool) {
	rest := text[i:]
	isURL := strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")
	if !isURL {
		// user@host.tld
		j := i
		for j < len(text) && (isASCIIWord(text[j]) || text[j] == '.' || text[j] == '-') {
			j++
		}
		if j >= len(text) || text[j] != '@' || j == i {
			return 0, false
		}
		k := j + 1
		dot := false
		for k < len(text) && (isASCIIWord(text[k]) || text[k] == '.' || text[k] == '-') {
			if text[k] == '.' {
				dot = true
			}
			k++
		}
		for k > j+1 && text[k-1] == '.' {
			k--
		}
		if !dot || k == j+1 {
			return 0, false
		}
		return k, true
	}
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' {
			break
		}
		j += w
	}
	// Trailing punctuation belongs to the sentence, not the URL.
	for j > i {
		r, w := utf8.DecodeLastRuneInString(text[i:j])
		if strings.ContainsRune(".,;:!?)]}'’", r) {
			j -= w
			continue
		}
		break
	}
	return j, true
}

func isASCIIWord(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '+'
}
