package clean

import (
	"strings"
	"sync"
	"unicode"
)

// stopwords are the most frequent function words of each language we tell
// apart. Detection counts them; it is reliable on article-length text and
// returns "" when no language clearly leads.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "a", "is", "was", "that", "for", "on", "with", "he", "said", "by", "it", "as", "at", "his", "from"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "он", "как", "это", "из", "за", "от", "к", "для", "о", "его", "также", "был", "заявил"},
	"uk": {"і", "в", "не", "на", "що", "з", "та", "у", "як", "це", "до", "від", "для", "його", "також", "був", "заявив", "й", "із", "щоб"},
	"kk": {"және", "мен", "бұл", "деп", "үшін", "оның", "да", "де", "бойынша", "туралы", "бар", "жоқ", "қазақстан", "болды", "сол", "ол", "бір", "еді", "өз", "осы"},
	"ky": {"жана", "менен", "бул", "деп", "үчүн", "анын", "да", "боюнча", "тууралуу", "бар", "жок", "кыргызстан", "болду", "ал", "бир", "эле", "өз", "ошол", "дагы", "бирок"},
	"de": {"der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als"},
	"fr": {"le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "pour", "dans", "qui", "par", "sur", "au", "pas", "il"},
	"es": {"el", "la", "de", "que", "y", "en", "los", "se", "del", "las", "un", "por", "con", "una", "para", "es", "al", "lo", "como", "su"},
}

// stopwordIndex maps each stopword to the languages it belongs to; built
// once, read-only afterwards.
var stopwordIndex = sync.OnceValue(func() map[string][]string {
	index := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			index[w] = append(index[w], lang)
		}
	}
	return index
})

// detectLanguage returns the ISO 639-1 code of text's language, or "".
func detectLanguage(text string) string {
	counts := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < 5 {
		return ""
	}
	index := stopwordIndex()
	for _, w := range words {
		for _, lang := range index[w] {
			counts[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range counts {
		if best == "" || n > counts[best] || (n == counts[best] && lang < best) {
			if best != "" {
				second = max(second, counts[best])
			}
			best = lang
		} else {
			second = max(second, n)
		}
	}
	if best == "" || counts[best] < 3 || float64(counts[best]) < 1.3*float64(second) ||
		float64(counts[best]) < 0.05*float64(len(words)) {
		return ""
	}
	return best
}
