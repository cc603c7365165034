package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// wordInfo holds the hashed properties of one word that the tagger's and the
// parser's features read, computed once per word.
type wordInfo struct {
	lower   string
	hLower  uint64
	hShape  uint64
	hPre    [3]uint64 // prefixes of 1..3 runes
	hSuf    [4]uint64 // suffixes of 1..4 runes
	hClus   [4]uint64 // cluster path prefixes (4, 6, 10 bits, full); hNone if unclustered
	hFlags  uint64
	hasClus bool
}

// Sentinel values for positions outside the sentence and for the root.
var (
	hNone  = hashString("\x00none")
	hRoot  = hashString("\x00root")
	hStart = hashString("\x00start")
	hEnd   = hashString("\x00end")
)

var clusterPrefixes = [...]int{4, 6, 10, 64}

// maxWordBytes caps how much of a very long "word" the features read.
const maxWordBytes = 64

func analyseWords(forms []string, cl *wordclusters.Clusters) []wordInfo {
	out := make([]wordInfo, len(forms))
	for i, f := range forms {
		out[i] = analyseWord(f, cl)
	}
	return out
}

func analyseWord(form string, cl *wordclusters.Clusters) wordInfo {
	if len(form) > maxWordBytes {
		form = form[:maxWordBytes]
	}
	var w wordInfo
	w.lower = normalise(form)
	w.hLower = hashString(w.lower)
	w.hShape = hashString(shapeOf(form))
	// Rune boundaries of the first 3 and last 4 runes, without allocating.
	var starts [4]int // byte offset after 1, 2, 3 runes
	nr := 0
	for i := range w.lower {
		if nr > 0 && nr <= 3 {
			starts[nr] = i
		}
		nr++
		if nr > 3 {
			break
		}
	}
	runeCount := utf8.RuneCountInString(w.lower)
	for k := 1; k <= 3; k++ {
		switch {
		case k > runeCount:
			w.hPre[k-1] = hNone
		case k == runeCount:
			w.hPre[k-1] = hashString(w.lower)
		default:
			w.hPre[k-1] = hashString(w.lower[:starts[k]])
		}
	}
	end := len(w.lower)
	for k := 1; k <= 4; k++ {
		if k > runeCount {
			w.hSuf[k-1] = hNone
			continue
		}
		_, size := utf8.DecodeLastRuneInString(w.lower[:end])
		end -= size
		w.hSuf[k-1] = hashString(w.lower[end:])
	}
	path := cl.Path(form)
	w.hasClus = path != ""
	for k, n := range clusterPrefixes {
		if path == "" {
			w.hClus[k] = hNone
			continue
		}
		w.hClus[k] = hashString(path[:min(n, len(path))])
	}
	w.hFlags = flagsOf(form)
	return w
}

// normalise lower-cases a word, straightens curly apostrophes and quotes and
// folds digits to 0, so "2,500" and "1,300" share their features.
func normalise(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			r = '"'
		case r >= '0' && r <= '9':
			r = '0'
		case r == '—' || r == '–':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shapeOf maps letters to X/x, digits to d, keeps other marks, and
// collapses repeats: "Kamchybek" → "Xx", "U.S." → "X.X.", "1,250" → "d,d".
func shapeOf(s string) string {
	var b strings.Builder
	var last rune = -1
	n := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			n++
			if n > 8 {
				break
			}
		}
		last = c
	}
	return b.String()
}

func flagsOf(s string) uint64 {
	var f uint64
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		f |= 1
	}
	allUpper := true
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			f |= 2
		case r == '-':
			f |= 4
		case unicode.IsLower(r):
			allUpper = false
		case r >= 0x80 && !unicode.IsLetter(r):
			f |= 8
		}
		if unicode.IsLetter(r) && !(r < 0x250) {
			f |= 16 // a script other than Latin
		}
	}
	if allUpper && f&1 != 0 && len(s) > 1 {
		f |= 32
	}
	return hashString(string(rune('a' + f)))
}
