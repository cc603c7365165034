package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/timex"
)

// tokKind separates the few token shapes the grammar cares about.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tSym
)

// tok is one lexical unit; lower is the lower-cased word text.
type tok struct {
	start, end int
	kind       tokKind
	text       string
	lower      string
}

// lex splits text into words (letters with inner hyphens/apostrophes kept
// only between letters), numbers ("90,000", "8.5", "1 000" is two numbers)
// and single-rune symbols. It is deliberately independent of the shared
// tokenizer: quantities need digit grouping rules of their own.
func lex(text string) []tok {
	toks := make([]tok, 0, len(text)/5)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
				continue
			case c >= '0' && c <= '9':
				j := scanNumber(text, i)
				if j-i <= 3 && !afterMonth(toks) {
					j = commaSpaceGroups(text, i, j)
				}
				toks = append(toks, tok{start: i, end: j, kind: tNum, text: text[i:j]})
				i = j
				continue
			case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
				j := scanWord(text, i)
				toks = append(toks, newWord(text, i, j))
				i = j
				continue
			default:
				toks = append(toks, tok{start: i, end: i + 1, kind: tSym, text: text[i : i+1]})
				i++
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r):
			j := scanWord(text, i)
			toks = append(toks, newWord(text, i, j))
			i = j
		case unicode.IsDigit(r):
			// Non-ASCII digits are rare in news; treat as a symbol so the
			// numeric parser never sees them.
			toks = append(toks, tok{start: i, end: i + w, kind: tSym, text: text[i : i+w]})
			i += w
		default:
			toks = append(toks, tok{start: i, end: i + w, kind: tSym, text: text[i : i+w]})
			i += w
		}
	}
	return toks
}

func newWord(text string, i, j int) tok {
	w := text[i:j]
	return tok{start: i, end: j, kind: tWord, text: w, lower: lowerWord(w)}
}

// lowerWord lower-cases w and folds the typographic apostrophe, allocating
// only when something changes.
func lowerWord(w string) string {
	ascii := true
	upper := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return w
		}
		return strings.ToLower(w)
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

func isLetterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
				j++
				continue
			}
			// Keep "twenty-five", "year-old", "don't" as one word.
			if (c == '-' || c == '\'') && j > i && isLetterAt(text, j+1) {
				j++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			j += w
			continue
		}
		if r == '’' && isLetterAt(text, j+w) {
			j += w
			continue
		}
		break
	}
	return j
}

// scanNumber reads digits with thousands separators ("90,000", "1.250.000")
// and one decimal part ("8.5", "8,5"). A separator counts only when a digit
// follows, so "200." at a sentence end stays "200".
func scanNumber(text string, i int) int {
	j := i
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	for j+1 < len(text) && (text[j] == ',' || text[j] == '.') && text[j+1] >= '0' && text[j+1] <= '9' {
		k := j + 1
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		j = k
	}
	// "3 000", "90 000": digit groups split by a (no-break) space, only
	// after a short leading group and before exactly three digits.
	for j-i <= 3 || spaceGrouped(text[i:j]) {
		sep := 0
		if j < len(text) && text[j] == ' ' {
			sep = 1
		} else if strings.HasPrefix(text[j:], "\u00a0") || strings.HasPrefix(text[j:], "\u202f") || strings.HasPrefix(text[j:], "\u2009") {
			sep = len("\u00a0")
			if !strings.HasPrefix(text[j:], "\u00a0") {
				sep = 3
			}
		}
		if sep == 0 || j+sep+3 > len(text) {
			break
		}
		g := text[j+sep : j+sep+3]
		if !(isDigits(g) && (j+sep+3 == len(text) || text[j+sep+3] < '0' || text[j+sep+3] > '9')) {
			break
		}
		if strings.IndexAny(text[i:j], ",.") >= 0 {
			break
		}
		j += sep + 3
	}
	return j
}

// commaSpaceGroups extends a number of one to three digits ending at j over
// thousands groups written with a comma and a space ("20, 000", "1, 250,
// 000"): text rendered from word tokens joined by spaces writes numbers
// that way. Only exact groups of three digits count, so "3, 4" or a year
// ("5, 2010") stay apart; after a month name the leading number is a day
// ("May 5, 300 people") and the caller does not ask.
func commaSpaceGroups(text string, i, j int) int {
	if !isDigits(text[i:j]) {
		return j
	}
	for strings.HasPrefix(text[j:], ", ") && j+5 <= len(text) && isDigits(text[j+2:j+5]) &&
		(j+5 == len(text) || !isDigitAt(text, j+5)) {
		j += 5
	}
	return j
}

// afterMonth reports whether the last token read names a month that puts
// the day after it ("March 15"), so a number now is the date's day.
func afterMonth(toks []tok) bool {
	return len(toks) > 0 && toks[len(toks)-1].kind == tWord && timex.MonthBeforeDay(toks[len(toks)-1].text)
}

func isDigitAt(text string, k int) bool { return text[k] >= '0' && text[k] <= '9' }

func spaceGrouped(s string) bool { return strings.ContainsAny(s, " \u00a0\u202f\u2009") }

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != ""
}

// parseNumeral reads a digit string with separators. Groups of exactly three
// digits after a separator are thousands; anything else is a decimal part
// ("8.5", "19.6", "2,5").
func parseNumeral(s string) (float64, bool) {
	if strings.ContainsAny(s, " \u00a0\u202f\u2009") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' {
				return -1
			}
			return r
		}, s)
	}
	var parts []string
	var seps []byte
	last := 0
	for k := 0; k < len(s); k++ {
		if s[k] == ',' || s[k] == '.' {
			parts = append(parts, s[last:k])
			seps = append(seps, s[k])
			last = k + 1
		}
	}
	parts = append(parts, s[last:])
	if len(parts) == 1 {
		return atof(parts[0], ""), true
	}
	// Thousands grouping: every group after the first has three digits and
	// every separator is the same character, with at most 3 leading digits.
	grouped := len(parts[0]) <= 3
	for k := 1; k < len(parts); k++ {
		if len(parts[k]) != 3 || seps[k-1] != seps[0] {
			grouped = false
		}
	}
	if grouped && !(len(parts) == 2 && seps[0] == '.' && len(parts[0]) == 1 && parts[0] == "0") {
		// "1.250" with a dot is ambiguous; English news uses dots for
		// decimals, so a single dot group stays a decimal.
		if len(parts) == 2 && seps[0] == '.' {
			return atof(parts[0], parts[1]), true
		}
		return atof(strings.Join(parts, ""), ""), true
	}
	// Mixed: the last separator is the decimal point ("1,250.5").
	intPart := strings.Join(parts[:len(parts)-1], "")
	return atof(intPart, parts[len(parts)-1]), true
}

func atof(intPart, frac string) float64 {
	v := 0.0
	for k := 0; k < len(intPart); k++ {
		v = v*10 + float64(intPart[k]-'0')
	}
	scale := 0.1
	for k := 0; k < len(frac); k++ {
		v += float64(frac[k]-'0') * scale
		scale /= 10
	}
	return v
}
