package namematch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsAcronym reports whether s looks like an acronym: 2 to 8 letters, all
// capitals, optionally with periods ("CSTO", "U.N.", "ОДКБ", "GKNB").
// Mixed forms such as "KazMunayGas" are not acronyms.
func IsAcronym(s string) bool {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) || r == '&' || r == '-' {
				continue
			}
			return false
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

// stopWords are the function words acronyms usually skip.
var stopWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "at": true, "to": true, "&": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "et": true,
	"и": true, "по": true, "о": true, "в": true, "на": true, "для": true, "при": true,
}

// Initials returns the candidate acronyms of an expanded name: the first
// letters of all words, and of the words that are not function words
// ("Collective Security Treaty Organization" → "CSTO"; "Committee for
// State Security" → "CSS", "CFSS"). Hyphenated words give a letter per
// piece as well. Letters are upper-case.
func Initials(expansion string) []string {
	words := strings.FieldsFunc(expansion, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' || r == '"' || r == '«' || r == '»'
	})
	var all, content, pieces strings.Builder
	for _, w := range words {
		w = strings.Trim(w, ".'’")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		all.WriteRune(unicode.ToUpper(r))
		if !stopWords[strings.ToLower(w)] {
			content.WriteRune(unicode.ToUpper(r))
		}
		for _, p := range strings.Split(w, "-") {
			if p == "" || stopWords[strings.ToLower(p)] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(p)
			pieces.WriteRune(unicode.ToUpper(r))
		}
	}
	out := []string{content.String()}
	if all.String() != content.String() {
		out = append(out, all.String())
	}
	if p := pieces.String(); p != content.String() && p != all.String() {
		out = append(out, p)
	}
	return out
}

// AcronymOf reports whether acronym abbreviates expansion by its initials,
// in the same script or across scripts after romanisation ("ГКНБ" and
// "GKNB" abbreviate "Государственный комитет национальной безопасности").
func AcronymOf(acronym, expansion string) bool {
	if !IsAcronym(acronym) {
		return false
	}
	acr := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(acronym), ".", ""))
	for _, ini := range Initials(expansion) {
		if len([]rune(ini)) < 2 {
			continue
		}
		if ini == acr {
			return true
		}
		if HasCyrillic(ini) != HasCyrillic(acr) {
			if Transliterate(ini, Russian, ICAO) == Transliterate(acr, Russian, ICAO) {
				return true
			}
			// Cyrillic initials read letter by letter: Г→G, Х→K(h).
			if firstLetters(ini) == firstLetters(acr) {
				return true
			}
		}
	}
	return false
}

// firstLetters romanises each letter of an acronym and keeps the first
// Latin letter of each, so ГКНБ → GKNB and ЦИК → TIK.
func firstLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		t := Transliterate(string(r), Russian, ICAO)
		if t == "" {
			continue
		}
		f, _ := utf8.DecodeRuneInString(t)
		b.WriteRune(unicode.ToUpper(f))
	}
	return b.String()
}
