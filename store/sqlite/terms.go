package sqlite

import (
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// Search terms. Besides the words as written (documents_fts,
// entities_fts), every text is indexed by the lemma of each word (English
// and Russian Snowball stems, irregular English verbs: "tortured" and
// "torture" meet) and, for each capitalised word, by its name key
// (namematch.Skeleton of the word and of its Russian stem, so "Bishkek"
// meets "Бишкека" and "Tashiyev" meets "Tashiev"). A query word is looked up
// by the same two forms.

// words splits text into words: runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isCyrillic(w string) bool {
	for _, r := range w {
		return unicode.Is(unicode.Cyrillic, r)
	}
	return false
}

// nameKeys returns the name keys of one word: its skeleton, and for a
// Cyrillic word also the skeleton of its stem (case endings dropped).
func nameKeys(w string) []string {
	k := namematch.Skeleton(w)
	if k == "" {
		return nil
	}
	keys := []string{k}
	if isCyrillic(w) {
		if s := namematch.Skeleton(lang.Fold(w)); s != "" && s != k {
			keys = append(keys, s)
		}
	}
	return keys
}

// indexTerms returns the stems, name keys and lower-case words of a text,
// space-separated, each distinct term once (the words serve prefixes,
// which stems can cut short: "nominat*" must reach "nominated", stem
// "nomin").
func indexTerms(text string) (stems, keys, lower string) {
	seenS, seenK, seenW := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var sb, kb, wb strings.Builder
	for _, w := range words(text) {
		if lw := strings.ToLower(w); !seenW[lw] {
			seenW[lw] = true
			wb.WriteString(lw)
			wb.WriteByte(' ')
		}
		if s := lang.Fold(w); s != "" && !seenS[s] {
			seenS[s] = true
			sb.WriteString(s)
			sb.WriteByte(' ')
		}
		if r := []rune(w); len(r) >= 3 && unicode.IsUpper(r[0]) {
			for _, k := range nameKeys(w) {
				if !seenK[k] {
					seenK[k] = true
					kb.WriteString(k)
					kb.WriteByte(' ')
				}
			}
		}
	}
	return sb.String(), kb.String(), wb.String()
}

// queryTerm is one word of a query.
type queryTerm struct {
	word   string
	prefix bool
}

func parseQuery(q string) []queryTerm {
	var out []queryTerm
	for _, f := range strings.Fields(q) {
		prefix := strings.HasSuffix(f, "*")
		for _, w := range words(f) {
			out = append(out, queryTerm{word: w})
		}
		if prefix && len(out) > 0 {
			out[len(out)-1].prefix = true
		}
	}
	return out
}

// termsQuery builds the FTS5 query over terms_fts: for each word, its stem
// or one of its name keys; all words must match. Every term is quoted, so
// user input cannot inject FTS syntax.
func termsQuery(terms []queryTerm) string {
	quote := func(s string, prefix bool) string {
		q := `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		return q
	}
	var parts []string
	for _, t := range terms {
		var alts []string
		lower := strings.ToLower(t.word)
		if t.prefix {
			// A prefix is matched against stems and words as typed.
			alts = append(alts, "stems:"+quote(lower, true), "words:"+quote(lower, true))
		} else if s := lang.Fold(t.word); s != "" {
			alts = append(alts, "stems:"+quote(s, false))
		}
		if len([]rune(t.word)) >= 4 {
			for _, k := range nameKeys(t.word) {
				alts = append(alts, "keys:"+quote(k, t.prefix))
			}
		}
		if len(alts) > 0 {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(parts, " AND ")
}
