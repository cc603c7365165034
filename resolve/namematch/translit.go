package namematch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scheme is a romanisation system for Cyrillic.
type Scheme int

const (
	// BGNPCGN is the US Board on Geographic Names / UK Permanent Committee
	// on Geographical Names system: Ташиев → Tashiyev, Жапаров → Zhaparov
	// (Kyrgyz: Japarov), Сергеев → Sergeyev.
	BGNPCGN Scheme = iota
	// ICAO is the passport system of ICAO Doc 9303 (2013), used by Russian
	// passports since 2013: Ташиев → Tashiev, Юрий → Iurii.
	ICAO
	// ISO9 is ISO 9:1995, one Latin letter per Cyrillic letter: Жапаров →
	// Žaparov, Щукин → Ŝukin.
	ISO9
	// Scientific is the linguists' system: Юрий → Jurij, Хан → Xan.
	Scientific
	// Press is the habit of the English-language press: Фёдор → Fyodor,
	// Дмитрий → Dmitry, Қайрат → Kairat.
	Press
)

// Schemes lists every scheme, for callers that want all renderings.
var Schemes = []Scheme{BGNPCGN, ICAO, ISO9, Scientific, Press}

func (s Scheme) String() string {
	switch s {
	case BGNPCGN:
		return "BGN/PCGN"
	case ICAO:
		return "ICAO"
	case ISO9:
		return "ISO 9"
	case Scientific:
		return "scientific"
	case Press:
		return "press"
	}
	return "unknown"
}

// Lang is the language whose Cyrillic alphabet is being romanised; it only
// changes letters the languages write differently.
type Lang int

const (
	Russian Lang = iota
	Kazakh
	Kyrgyz
)

// Columns: BGN/PCGN, ICAO, ISO 9, scientific, press.
var russianTable = map[rune][5]string{
	'а': {"a", "a", "a", "a", "a"},
	'б': {"b", "b", "b", "b", "b"},
	'в': {"v", "v", "v", "v", "v"},
	'г': {"g", "g", "g", "g", "g"},
	'д': {"d", "d", "d", "d", "d"},
	'е': {"e", "e", "e", "e", "e"}, // "ye" after vowels and at word start in BGN and press: see yePositions
	'ё': {"ë", "e", "ë", "ë", "yo"},
	'ж': {"zh", "zh", "ž", "ž", "zh"},
	'з': {"z", "z", "z", "z", "z"},
	'и': {"i", "i", "i", "i", "i"},
	'й': {"y", "i", "j", "j", "y"},
	'к': {"k", "k", "k", "k", "k"},
	'л': {"l", "l", "l", "l", "l"},
	'м': {"m", "m", "m", "m", "m"},
	'н': {"n", "n", "n", "n", "n"},
	'о': {"o", "o", "o", "o", "o"},
	'п': {"p", "p", "p", "p", "p"},
	'р': {"r", "r", "r", "r", "r"},
	'с': {"s", "s", "s", "s", "s"},
	'т': {"t", "t", "t", "t", "t"},
	'у': {"u", "u", "u", "u", "u"},
	'ф': {"f", "f", "f", "f", "f"},
	'х': {"kh", "kh", "h", "x", "kh"},
	'ц': {"ts", "ts", "c", "c", "ts"},
	'ч': {"ch", "ch", "č", "č", "ch"},
	'ш': {"sh", "sh", "š", "š", "sh"},
	'щ': {"shch", "shch", "ŝ", "šč", "shch"},
	'ъ': {"”", "ie", "ʺ", "ʺ", ""},
	'ы': {"y", "y", "y", "y", "y"},
	'ь': {"’", "", "ʹ", "ʹ", ""},
	'э': {"e", "e", "è", "è", "e"},
	'ю': {"yu", "iu", "û", "ju", "yu"},
	'я': {"ya", "ia", "â", "ja", "ya"},
	// Letters of Kazakh and Kyrgyz; ICAO has no row for them, so passports
	// fall back on the plain letter.
	'ә': {"ä", "a", "ä", "ä", "a"},
	'ғ': {"gh", "g", "ġ", "ğ", "g"},
	'қ': {"q", "k", "ķ", "q", "k"},
	'ң': {"ng", "n", "ņ", "ŋ", "n"},
	'ө': {"ö", "o", "ô", "ö", "o"},
	'ұ': {"ū", "u", "ù", "u", "u"},
	'ү': {"ü", "u", "ù", "ü", "u"},
	'һ': {"h", "h", "ḩ", "h", "h"},
	'і': {"ī", "i", "ì", "i", "i"},
	// Tajik and Uzbek Cyrillic, for place names of the region.
	'ҳ': {"h", "h", "ḩ", "h", "h"},
	'ӣ': {"ī", "i", "ī", "ī", "i"},
	'ӯ': {"ū", "u", "ū", "ū", "u"},
	'ҷ': {"j", "dzh", "ç", "ǯ", "j"},
	'ў': {"ŭ", "u", "ŭ", "ŭ", "u"},
}

// kyrgyzBGN holds the letters BGN/PCGN's Kyrgyz table writes unlike its
// Russian one.
var kyrgyzBGN = map[rune]string{'ж': "j", 'ң': "ng", 'ө': "ö", 'ү': "ü"}

func isCyrillicVowel(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяәөұүі", unicode.ToLower(r))
}

// Transliterate romanises the Cyrillic letters of s under scheme for lang;
// every other character is kept. Capitals stay capitals: Жапаров → Zhaparov,
// ЖАПАРОВ → ZHAPAROV.
func Transliterate(s string, lang Lang, scheme Scheme) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	var prev rune
	for i, r := range s {
		lower := unicode.ToLower(r)
		row, ok := russianTable[lower]
		if !ok {
			b.WriteRune(r)
			prev = r
			continue
		}
		out := row[scheme]
		if scheme == BGNPCGN && lang == Kyrgyz {
			if k, ok := kyrgyzBGN[lower]; ok {
				out = k
			}
		}
		wordStart := prev == 0 || !unicode.IsLetter(prev)
		afterVowelOrSign := isCyrillicVowel(prev) || strings.ContainsRune("йъьЙЪЬ", prev)
		switch {
		case lower == 'е' && (scheme == BGNPCGN || scheme == Press) && (wordStart || afterVowelOrSign):
			out = "ye"
		case lower == 'ё' && scheme == BGNPCGN && (wordStart || afterVowelOrSign):
			out = "yë"
		case lower == 'ё' && scheme == Press && !(wordStart || afterVowelOrSign) && strings.ContainsRune("жшчщЖШЧЩ", prev):
			out = "e" // after ж, ш, ч, щ the press writes e: Горбачёв → Gorbachev
		case lower == 'й' && scheme == Press && prev != 0 && (unicode.ToLower(prev) == 'и' || unicode.ToLower(prev) == 'ы') && endsWord(s, i+utf8.RuneLen(r)):
			out = "" // Дмитрий → Dmitry, Юрий → Yury: the press drops the final й after и/ы
		}
		if unicode.IsUpper(r) && out != "" {
			o, w := utf8.DecodeRuneInString(out)
			nextUpper := false
			if n, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsUpper(n) {
				nextUpper = true
			}
			if nextUpper {
				out = strings.ToUpper(out)
			} else {
				out = string(unicode.ToUpper(o)) + out[w:]
			}
		}
		// The press writes a final "ий" as "y": Дмитрий → Dmitry.
		if scheme == Press && lower == 'и' && nextIs(s, i+utf8.RuneLen(r), 'й') && endsWord(s, i+utf8.RuneLen(r)+len("й")) {
			if unicode.IsUpper(r) {
				out = "Y"
			} else {
				out = "y"
			}
		}
		b.WriteString(out)
		prev = r
	}
	return b.String()
}

func nextIs(s string, i int, want rune) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.ToLower(r) == want
}

func endsWord(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r)
}

// HasCyrillic reports whether s contains a Cyrillic letter.
func HasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// GuessLang tells Kazakh from Kyrgyz from Russian by the letters only those
// alphabets have; it returns Russian when nothing tells them apart.
func GuessLang(s string) Lang {
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ә', 'ғ', 'қ', 'ұ', 'һ', 'і':
			return Kazakh
		}
	}
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ң', 'ө', 'ү':
			return Kyrgyz
		}
	}
	return Russian
}
