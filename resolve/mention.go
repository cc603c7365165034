package resolve

import (
	"strings"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// kind is what a mention is made of.
type kind uint8

const (
	kindName    kind = iota // a proper name: "Kamchybek Tashiev", "CSTO"
	kindNominal             // a common noun phrase: "the head of the security service"
	kindPronoun             // "he", "its", "who"
)

// mention is one input mention with what the resolver reads off it.
type mention struct {
	doc, idx int // docs[doc].Mentions[idx]
	m        *model.Mention
	kind     kind
	// name is the mention's name without titles, determiners and the
	// possessive ("Wally Oppal" for "Attorney General Wally Oppal's").
	name  string
	parts []namematch.Part
	// head is the lemma of the head noun ("head" for "the head of the
	// security service", "tashiev" for a name).
	head string
	// phrase is a nominal's text without its determiner, lower-cased.
	phrase   string
	acronym  bool
	lower    string // the mention text, lower-cased
	titles   []string
	sentence int // index of the sentence in the document, or -1
}

// analyse reads one mention's text.
func analyse(m *model.Mention, partsOf func(string) []namematch.Part, lx *lexicon) mention {
	out := mention{m: m, lower: strings.ToLower(strings.TrimSpace(m.Text)), sentence: -1}
	toks := tokenize.Tokens(m.Text)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		words = append(words, t.Text)
	}
	// Drop a trailing possessive and surrounding punctuation.
	for len(words) > 0 {
		last := strings.ToLower(words[len(words)-1])
		if last == "'s" || last == "’s" || last == "'" || last == "’" || !isWord(last) {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	for len(words) > 0 && !isWord(words[0]) {
		words = words[1:]
	}
	if len(words) == 0 {
		out.kind = kindNominal
		out.phrase = out.lower
		out.head = out.lower
		return out
	}
	if len(words) == 1 && lx.isPronoun(strings.ToLower(words[0])) {
		out.kind = kindPronoun
		out.head = strings.ToLower(words[0])
		return out
	}
	if len(words) == 2 && strings.EqualFold(words[0], "each") && strings.EqualFold(words[1], "other") {
		out.kind = kindPronoun
		out.head = "each other"
		return out
	}
	// Head: the last word before a preposition or relative pronoun.
	headEnd := len(words)
	for i, w := range words {
		if i > 0 && lx.phraseEnders[strings.ToLower(w)] {
			headEnd = i
			break
		}
	}
	headWord := words[headEnd-1]
	for headEnd > 1 && !isWord(headWord) {
		headEnd--
		headWord = words[headEnd-1]
	}
	if !capitalised(headWord) && !namematch.IsAcronym(headWord) {
		out.kind = kindNominal
		start := 0
		for start < headEnd-1 && lx.determiners[strings.ToLower(words[start])] {
			start++
		}
		out.phrase = strings.ToLower(strings.Join(words[start:], " "))
		out.head = lang.NounLemma(headWord)
		return out
	}
	// A name: the run of capitalised words (and particles) ending at the
	// head, with leading titles set aside.
	start := headEnd - 1
	for start > 0 {
		w := words[start-1]
		lw := strings.ToLower(w)
		if lx.phraseEnders[lw] || lx.nameConnectors[lw] {
			break // "In Queens", "IN RICHMOND HILL" in a headline
		}
		if capitalised(w) || namematch.IsAcronym(w) || (len(lw) <= 4 && lx.isNameParticle(lw)) || w == "-" || w == "." {
			start--
			continue
		}
		break
	}
	end := headEnd
	for end < len(words) {
		w := words[end]
		if capitalised(w) || namematch.IsAcronym(w) || lx.isNameParticle(strings.ToLower(w)) || w == "-" {
			end++
			continue
		}
		break
	}
	for end > headEnd && lx.isNameParticle(strings.ToLower(words[end-1])) {
		end--
	}
	nameWords := words[start:end]
	for len(nameWords) > 1 && lx.determiners[strings.ToLower(nameWords[0])] {
		nameWords = nameWords[1:] // "The New Orleans Saints"
	}
	for len(nameWords) > 1 && lx.titles[strings.ToLower(strings.TrimSuffix(nameWords[0], "."))] {
		out.titles = append(out.titles, nameWords[0])
		nameWords = nameWords[1:]
	}
	for start > 0 && lx.determiners[strings.ToLower(words[start-1])] {
		start--
	}
	out.kind = kindName
	out.name = joinName(nameWords)
	out.parts = partsOf(out.name)
	out.acronym = len(nameWords) == 1 && namematch.IsAcronym(nameWords[0])
	out.head = strings.ToLower(namematch.Skeleton(nameWords[len(nameWords)-1]))
	if len(out.parts) == 0 {
		out.kind = kindNominal
		out.phrase = out.lower
		out.head = lang.NounLemma(headWord)
	}
	return out
}

// joinName joins name words, re-attaching hyphens and initials' periods.
func joinName(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && w != "-" && w != "." && words[i-1] != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// personish reports whether an entity type can be referred to by he/she.
func personish(t model.EntityType) bool { return t == model.Person }

// lowerWordSet returns the words the document writes in lower case.
func (d *docText) lowerWordSet() map[string]bool {
	set := map[string]bool{}
	for _, t := range d.toks {
		if t.Kind == model.TokenWord && !capitalised(t.Text) {
			set[t.Text] = true
		}
	}
	return set
}

// commonWordName reports whether a one-word "name" is really a common noun
// capitalised by position: at the start of a sentence or in a title-case
// headline ("Rehab", "Lawyer"), while the document also writes it in lower
// case or it is a role noun.
func commonWordName(d *docText, mi *mention, lower map[string]bool) bool {
	if len(mi.parts) != 1 || mi.acronym {
		return false
	}
	w := mi.parts[0].Text
	lw := strings.ToLower(w)
	if !lower[lw] && !lower[lang.NounLemma(lw)] && !d.lx.roleNouns[lw] && !d.lx.roleNouns[lang.NounLemma(lw)] {
		return false
	}
	i := d.tokenAt(mi.m.Start)
	for i < len(d.toks) && d.toks[i].Text != w && d.toks[i].Start < mi.m.End {
		i++
	}
	if i >= len(d.toks) || d.toks[i].Text != w {
		return false
	}
	if sentenceInitial(d, i) {
		return true
	}
	// A title-case line: most words around it are capitalised.
	lo, hi := i, i
	for lo > 0 && i-lo < 8 && !strings.Contains(d.text[d.toks[lo-1].End:d.toks[lo].Start], "\n") && d.toks[lo-1].Text != "." {
		lo--
	}
	for hi+1 < len(d.toks) && hi-i < 8 && !strings.Contains(d.text[d.toks[hi].End:d.toks[hi+1].Start], "\n") && d.toks[hi+1].Text != "." {
		hi++
	}
	words, caps := 0, 0
	for _, t := range d.toks[lo : hi+1] {
		if t.Kind != model.TokenWord || len(t.Text) <= 3 && !capitalised(t.Text) {
			continue
		}
		words++
		if capitalised(t.Text) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// demote turns a mention read as a name into a nominal.
func (lx *lexicon) demote(mi *mention) {
	mi.kind = kindNominal
	mi.phrase = lx.keyText(mi.name)
	mi.head = lang.NounLemma(strings.ToLower(mi.parts[len(mi.parts)-1].Text))
	mi.parts, mi.name, mi.acronym = nil, "", false
}
