package timeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/model"
)

// maxSummary is the longest summary in bytes; longer clauses are cut at a
// word boundary and end with "…".
const maxSummary = 220

// clauseBreaks split a sentence into clauses. Each is matched in lower case
// and the clause boundary falls at its start.
var clauseBreaks = []string{
	"; ", " — ", " – ", " -- ", ", and ", ", but ", ", while ", ", which ", ", who ",
	", whereas ", ", although ", ", though ", ", after which ", ", before ", ", when ",
	", where ", ", as ", ", according to ", ", sparking ", ", prompting ", ", killing ",
}

// maxAttributionWords bounds the length of an attribution tail.
const maxAttributionWords = 7

// isAttribution reports whether tail (lower case, after a comma) is "X
// said" or "according to X".
func isAttribution(tail string) bool {
	tail = strings.TrimSpace(tail)
	if strings.HasPrefix(tail, "according to ") {
		return true
	}
	if len(strings.Fields(tail)) > maxAttributionWords {
		return false
	}
	tail = strings.TrimLeft(tail, "—–- ")
	for v := range mustLexicon().reportingVerbs {
		// "…, police said" and the inverted "…, said the spokesman",
		// Russian "…, — сообщил представитель МВД".
		if strings.HasSuffix(tail, " "+v) || tail == v || strings.HasPrefix(tail, v+" ") {
			return true
		}
	}
	return false
}

// minClause is the shortest clause kept on its own; a shorter one (often a
// bare "on Monday" after a comma) is joined to the clause before it.
const minClause = 40

// clauseOf returns the clause of the sentence that contains the
// expression.
func clauseOf(text string, sent, expr model.Range) model.Range {
	s := text[sent.Start:sent.End]
	low := strings.ToLower(s)
	cuts := []int{0}
	for _, br := range clauseBreaks {
		for from := 0; ; {
			i := strings.Index(low[from:], br)
			if i < 0 {
				break
			}
			at := from + i
			cuts = append(cuts, at)
			from = at + len(br)
		}
	}
	cuts = append(cuts, len(s))
	sortInts(cuts)
	rel := expr.Start - sent.Start
	lo, hi := 0, len(s)
	for k := 0; k+1 < len(cuts); k++ {
		if rel >= cuts[k] && rel < cuts[k+1] {
			lo, hi = cuts[k], cuts[k+1]
			// Join short neighbours: the subject is often in the clause
			// before, the object in the one after.
			for k2 := k; (hi-lo < minClause || coordinatedName(s, lo) || relativeStart(s, lo)) && k2 > 0; k2-- {
				lo = cuts[k2-1]
			}
			for k2 := k + 1; hi-lo < minClause && k2+1 < len(cuts); k2++ {
				hi = cuts[k2+1]
			}
			break
		}
	}
	// The expression itself never straddles a cut.
	lo = min(lo, rel)
	hi = max(hi, expr.End-sent.Start)
	r := model.Range{Start: sent.Start + lo, End: sent.Start + hi}
	return trimRange(text, r)
}

// coordinatedName reports whether the clause at s[lo:] begins ", and Name"
// or ", or Name": the second half of a coordinated subject, which needs the
// clause before it.
func coordinatedName(s string, lo int) bool {
	rest := strings.TrimLeft(s[lo:], ", ")
	for _, conj := range []string{"and ", "or "} {
		if strings.HasPrefix(strings.ToLower(rest), conj) {
			r, _ := utf8.DecodeRuneInString(rest[len(conj):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// relativeStart reports whether the clause at s[lo:] is a relative clause
// (", which began on March 2"), whose antecedent is in the clause before.
func relativeStart(s string, lo int) bool {
	if lo == 0 {
		return false
	}
	rest := strings.ToLower(strings.TrimLeft(s[lo:], ", "))
	return strings.HasPrefix(rest, "which ") || strings.HasPrefix(rest, "who ") || strings.HasPrefix(rest, "whose ")
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// trimRange drops leading separators and spaces and trailing spaces.
func trimRange(text string, r model.Range) model.Range {
	for r.Start < r.End {
		c, w := utf8.DecodeRuneInString(text[r.Start:r.End])
		if !(unicode.IsSpace(c) || strings.ContainsRune(";,—–-", c)) {
			break
		}
		r.Start += w
	}
	for r.End > r.Start {
		c, w := utf8.DecodeLastRuneInString(text[r.Start:r.End])
		if !unicode.IsSpace(c) {
			break
		}
		r.End -= w
	}
	return r
}

// summarize turns a clause into a one-line summary: whitespace collapsed,
// a trailing attribution ("…, police said.") removed, long clauses cut.
func summarize(text string, cl model.Range) string {
	s := strings.Join(strings.Fields(text[cl.Start:cl.End]), " ")
	s = strings.TrimRight(s, ".;:, ")
	// The comma is found in s itself: lower-casing may change byte lengths
	// (invalid UTF-8 becomes U+FFFD), so offsets into a lowered copy do not
	// fit s.
	if i := strings.LastIndex(s, ","); i > 0 && isAttribution(strings.ToLower(s[i+1:])) {
		s = strings.TrimRight(s[:i], " ,")
	}
	if len(s) > maxSummary {
		cut := strings.LastIndex(s[:maxSummary], " ")
		if cut < maxSummary/2 {
			cut = maxSummary
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		s = strings.TrimRight(s[:cut], " ,;") + "…"
	}
	s = strings.TrimLeft(s, "\"“”'‘’ ")
	if s == "" {
		return ""
	}
	r, w := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[w:]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// forEachWord calls fn with the byte range [i, j) of each word of the
// document's shared tokens (annotate/tokenize) inside r; a compound token
// gives each of its parts ("year-old": "year", "old"), as clauses are
// compared by the words they share.
func forEachWord(toks []model.Token, r model.Range, fn func(i, j int)) {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= r.Start })
	for ; k < len(toks) && toks[k].End <= r.End; k++ {
		t := toks[k]
		if t.Kind != model.TokenWord && t.Kind != model.TokenNumber {
			continue
		}
		i := -1
		for off, c := range t.Text {
			switch {
			case isWordRune(c) && i < 0:
				i = off
			case !isWordRune(c) && i >= 0:
				fn(t.Start+i, t.Start+off)
				i = -1
			}
		}
		if i >= 0 {
			fn(t.Start+i, t.End)
		}
	}
}

// actionWords are the clause's content words, lightly stemmed, without the
// participants' names and the date: what the clause says happened.
func actionWords(text string, toks []model.Token, cl model.Range, a *model.Annotated, spans docSpans, lem lemmas) map[string]bool {
	skip := make([]model.Range, 0, 8)
	for _, i := range spans.mentions.near(cl) {
		if m := a.Mentions[i]; cl.Overlaps(m.Range()) {
			skip = append(skip, m.Range())
		}
	}
	for _, i := range spans.timexes.near(cl) {
		if t := a.Timexes[i]; cl.Overlaps(t.Range()) {
			skip = append(skip, t.Range())
		}
	}
	words := map[string]bool{}
	forEachWord(toks, cl, func(i, j int) {
		for _, s := range skip {
			if i >= s.Start && i < s.End {
				return
			}
		}
		wd := strings.ToLower(text[i:j])
		if utf8.RuneCountInString(wd) > 2 && !stopword(wd) && !isNumber(wd) {
			words[lem.key(i, j, wd)] = true
		}
	})
	return words
}

// isVerbForm reports whether w is, by its form, a verb: a past or
// participle form (-ed, -ing, or an irregular one). Only these can be the
// head verb that two sources must share to disagree on its date, so that
// "detained on March 7" and "crossed the border on March 13" are not one
// event.
func isVerbForm(w string) bool {
	if _, ok := mustLexicon().eventForms[w]; ok {
		return true
	}
	if isCyrillic(w) {
		// Russian past tense and short passive participles: "задержали",
		// "задержан", "освобождена".
		if utf8.RuneCountInString(w) < 5 {
			return false
		}
		for _, suf := range []string{"л", "ла", "ло", "ли", "лся", "лась", "лись", "ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены"} {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
		return false
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isCyrillic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Cyrillic, r)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stem folds a word to the key clauses are compared by: the event class of
// lexicon/<language>/event-forms.tsv when it has one ("detained" →
// "arrest"), folded by the product's one lemmatiser (lang.Fold), so
// "arrested", "arrests" and "arresting" meet.
func stem(w string) string {
	if class, ok := mustLexicon().eventForms[w]; ok {
		w = class
	}
	return lang.Fold(w)
}

// stopword reports whether w says nothing about which event a clause
// reports: a function word, a reporting verb, a date word.
func stopword(w string) bool { return mustLexicon().stopwords[w] }

// reportDated reports whether the expression dates a statement rather than
// the event: it follows a reporting verb ("said Thursday", "it was
// reported Wednesday", "announced on Friday"). Such an account still joins
// the event its clause describes when the dates agree, but a different date
// on it is the date of the report, not a conflict about the event.
func reportDated(text string, sent model.Range, tx model.Timex) bool {
	before := strings.Fields(strings.ToLower(text[sent.Start:tx.Start]))
	n := len(before)
	if n > 0 && before[n-1] == "on" {
		n--
	}
	if n == 0 {
		return false
	}
	last := strings.Trim(before[n-1], ",.;:\"'“”")
	lx := mustLexicon()
	return lx.reportingVerbs[last] || lx.reportDateWords[last]
}

// headVerb is the verb the date most likely attaches to: the nearest verb
// form before the expression within the clause ("was detained on March 5",
// "returned to Bishkek on Thursday"), else the nearest after it ("On
// Sunday, troops fired"). It is returned stemmed, or "" when the clause has
// no verb form.
func headVerb(text string, toks []model.Token, cl model.Range, tx model.Timex, lem lemmas) string {
	type word struct {
		start, end int
		w          string
	}
	var ws []word
	forEachWord(toks, cl, func(i, j int) {
		if i < tx.Start || i >= tx.End {
			ws = append(ws, word{i, j, strings.ToLower(text[i:j])})
		}
	})
	for k := len(ws) - 1; k >= 0; k-- {
		if ws[k].start < tx.Start && isVerbForm(ws[k].w) && !stopword(ws[k].w) {
			return lem.key(ws[k].start, ws[k].end, ws[k].w)
		}
	}
	for _, x := range ws {
		if x.start >= tx.End && isVerbForm(x.w) && !stopword(x.w) {
			return lem.key(x.start, x.end, x.w)
		}
	}
	return ""
}

// lemmas are the lemmas the parse gave the words of a clause, by their
// byte range; nil when the document was not parsed.
type lemmas map[[2]int]string

// lemmasIn reads the lemmas of the parsed words inside r.
func lemmasIn(a *model.Annotated, r model.Range) lemmas {
	if len(a.Syntax) == 0 || len(a.Syntax) != len(a.Doc.Sentences) {
		return nil
	}
	sents := a.Doc.Sentences
	k := sort.Search(len(sents), func(k int) bool { return sents[k].End > r.Start })
	var out lemmas
	for ; k < len(sents) && sents[k].Start < r.End; k++ {
		for _, w := range a.Syntax[k] {
			if w.Start >= r.Start && w.End <= r.End && w.Lemma != "" {
				if out == nil {
					out = lemmas{}
				}
				out[[2]int{w.Start, w.End}] = strings.ToLower(w.Lemma)
			}
		}
	}
	return out
}

// key is the key a clause word w at [i, j) is compared by: its lemma in
// context where the sentence was parsed, else its form, folded by stem.
func (l lemmas) key(i, j int, w string) string {
	if lemma, ok := l[[2]int{i, j}]; ok {
		w = lemma
	}
	return stem(w)
}
