package namematch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// confusables maps letters that look alike across Latin and Cyrillic.
var latinToCyrillic = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і', 'j': 'ј', 's': 'ѕ',
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У', 'I': 'І', 'J': 'Ј', 'S': 'Ѕ',
}

var cyrillicToLatin = func() map[rune]rune {
	m := make(map[rune]rune, len(latinToCyrillic)+4)
	for l, c := range latinToCyrillic {
		m[c] = l
	}
	m['к'], m['м'], m['т'], m['н'], m['в'] = 'k', 'm', 't', 'h', 'b'
	return m
}()

// FoldConfusables repairs words written in two scripts, as scraped pages
// sometimes have ("Tаshiev" with a Cyrillic а): in each word, look-alike
// letters of the minority script are replaced by their twins in the majority
// script. Words in one script are returned unchanged.
func FoldConfusables(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		b.WriteString(foldWord(s[start:end]))
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

func foldWord(w string) string {
	var lat, cyr int
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Latin, r):
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	if lat == 0 || cyr == 0 {
		return w
	}
	toLatin := lat >= cyr
	var b strings.Builder
	for _, r := range w {
		switch {
		case toLatin && unicode.Is(unicode.Cyrillic, r):
			if l, ok := cyrillicToLatin[r]; ok {
				r = l
			}
		case !toLatin && unicode.Is(unicode.Latin, r):
			if c, ok := latinToCyrillic[r]; ok {
				r = c
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// romanLetters spells out the letters of romanisation schemes so that every
// scheme's output lands on the same ASCII letters before the skeleton rules.
var romanLetters = map[rune]string{
	'š': "sh", 'ž': "zh", 'č': "ch", 'ŝ': "shch", 'ë': "e", 'è': "e", 'é': "e",
	'û': "yu", 'â': "ya", 'ä': "a", 'ö': "o", 'ô': "o", 'ü': "u", 'ū': "u", 'ù': "u",
	'ī': "i", 'ì': "i", 'ı': "i", 'ġ': "g", 'ğ': "g", 'ķ': "k", 'ņ': "n", 'ŋ': "n", 'ḩ': "h",
	'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'đ': "d", 'ə': "a",
}

// Skeleton reduces one name word, in any script or romanisation, to a key
// on which spelling variants agree: Ташиев, Tashiyev, Tashiev → "tashiev";
// Жапаров, Zhaparov, Japarov, Dzhaparov → "japarov"; Ахметов, Akhmetov,
// Ahmetov → "ahmetov"; Юрий, Yuriy, Yuri, Iurii → "uri". Different names
// may share a skeleton only when they are spelling variants under some
// scheme; the gendered forms (-ov/-ova) keep different skeletons.
func Skeleton(word string) string { return skeleton(word, jMixed) }

// jMode says how a Latin j is read: English press habit reads it as ж/дж
// (Japarov, Andijon), scientific romanisation as the glide й (Jurij).
type jMode int

const (
	jMixed jMode = iota // a glide after a vowel (Sergej), else ж (Japarov)
	jGlide              // always a glide: Jurij = Yuriy
	jHush               // always ж: Andijon = Andizhan
)

// skeletons returns the word's key and, when the word has a Latin j, its
// keys under the other readings of j.
func skeletons(word string) []string {
	k := skeleton(word, jMixed)
	lw := strings.ToLower(word)
	out := []string{k}
	if strings.ContainsAny(lw, "jј") {
		for _, m := range []jMode{jGlide, jHush} {
			if a := skeleton(word, m); a != k && (len(out) < 2 || out[1] != a) {
				out = append(out, a)
			}
		}
	}
	// Scientific romanisation writes х as x (Axmetov): read x as kh too.
	if strings.ContainsRune(lw, 'x') && !HasCyrillic(lw) {
		if a := skeleton(strings.NewReplacer("x", "kh", "X", "Kh").Replace(word), jMixed); a != k {
			out = append(out, a)
		}
	}
	return out
}

func skeleton(word string, mode jMode) string {
	w := FoldConfusables(word)
	if HasCyrillic(w) {
		w = Transliterate(w, GuessLang(w), Press)
	}
	w = strings.ToLower(w)
	// Spell out scheme letters, then strip any remaining accents.
	var b strings.Builder
	for _, r := range w {
		if s, ok := romanLetters[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	w = b.String()
	b.Reset()
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return skeletonASCII(b.String(), mode)
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// skeletonASCII applies the equivalences of the schemes and press habits to
// a lower-case ASCII word.
func skeletonASCII(w string, mode jMode) string {
	if w == "" {
		return ""
	}
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); {
		rest := w[i:]
		prevVowel := len(out) > 0 && isVowel(out[len(out)-1])
		switch {
		case strings.HasPrefix(rest, "shch"):
			out, i = append(out, 's', 'h'), i+4
		case strings.HasPrefix(rest, "sch"):
			out, i = append(out, 's', 'h'), i+3
		case strings.HasPrefix(rest, "tch"):
			out, i = append(out, 'c', 'h'), i+3
		case strings.HasPrefix(rest, "dzh"), strings.HasPrefix(rest, "dsh"):
			out, i = append(out, 'J'), i+3
		case strings.HasPrefix(rest, "zh"), strings.HasPrefix(rest, "dj"):
			out, i = append(out, 'J'), i+2
		case strings.HasPrefix(rest, "kh"):
			out, i = append(out, 'h'), i+2
		case strings.HasPrefix(rest, "gh"):
			out, i = append(out, 'g'), i+2
		case strings.HasPrefix(rest, "ph"):
			out, i = append(out, 'f'), i+2
		case strings.HasPrefix(rest, "ck"):
			out, i = append(out, 'k'), i+2
		case strings.HasPrefix(rest, "ts"), strings.HasPrefix(rest, "tz"), strings.HasPrefix(rest, "cz"):
			out, i = append(out, 'c'), i+2
		case strings.HasPrefix(rest, "ch"):
			out, i = append(out, 'c', 'h'), i+2
		case rest[0] == 'x':
			out, i = append(out, 'k', 's'), i+1
		case rest[0] == 'q':
			out, i = append(out, 'k'), i+1
		case rest[0] == 'w':
			out, i = append(out, 'v'), i+1
		case rest[0] == 'j':
			// After a vowel j is the glide й (Sergej, Nikolaj); elsewhere the
			// English press writes ж/дж with it (Japarov, Jumabek).
			if mode == jGlide || (mode == jMixed && prevVowel) {
				out = append(out, 'y')
			} else {
				out = append(out, 'J')
			}
			i++
		case rest[0] == 'y' && len(out) > 0 && !prevVowel && len(rest) > 1 && (rest[1] == 'o'):
			// ё after a consonant: Fyodor, Pyotr, Semyon = Fedor, Petr, Semen.
			out, i = append(out, 'e'), i+2
		default:
			out, i = append(out, rest[0]), i+1
		}
	}
	// y is i; then drop glides that schemes write or omit.
	for k, c := range out {
		if c == 'y' {
			out[k] = 'i'
		}
	}
	out = collapseDoubles(out)
	res := make([]byte, 0, len(out))
	for k := 0; k < len(out); k++ {
		c := out[k]
		if c == 'i' && k+1 < len(out) && isVowel(out[k+1]) && out[k+1] != 'i' {
			// Word-initial glide (Yermek = Ermek, Iurii = Yuri) and the glide
			// between vowels (Sergeyev = Sergeev, Tokayev = Tokaev).
			if k == 0 || isVowel(out[k-1]) {
				continue
			}
		}
		res = append(res, c)
	}
	// A final h after a vowel is silent: Abdullah = Abdulla.
	if n := len(res); n > 2 && res[n-1] == 'h' && isVowel(res[n-2]) {
		res = res[:n-1]
	}
	res = collapseDoubles(res)
	return strings.ToLower(string(res))
}

func collapseDoubles(b []byte) []byte {
	out := b[:0]
	for k, c := range b {
		if k > 0 && c == b[k-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}
