package resolve

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/model"
)

// description is an apposition or role found next to a named mention.
type description struct {
	text  string // as written: "jazz pianist", "head of the security service"
	key   string // lower-case, without determiners
	head  string // lemma of its head noun: "pianist", "head"
	span  model.Span
	chain int // local chain it belongs to, set later
}

// docText bundles a document's text and tokens for context look-ups.
type docText struct {
	lx   *lexicon
	id   string
	text string
	toks []model.Token
}

// tokenAt returns the index of the first token starting at or after off.
func (d *docText) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= off })
}

// describe collects the descriptions the text attaches to a named mention:
// the tagger's Role, a title or role noun phrase just before the name
// ("jazz pianist Vikram …", "President Zhaparov"), and an apposition after
// it ("Tashiev, head of the security service, …") or before it ("the head
// of the security service, Kamchybek Tashiev").
func describe(d *docText, mi *mention) []description {
	lx := d.lx
	m := mi.m
	var out []description
	add := func(start, end int) {
		for start < end && (d.text[start] == ' ' || d.text[start] == ',') {
			start++
		}
		for end > start && (d.text[end-1] == ' ' || d.text[end-1] == ',') {
			end--
		}
		if start >= end || start < 0 || end > len(d.text) {
			return
		}
		txt := d.text[start:end]
		words := strings.Fields(strings.ToLower(txt))
		for len(words) > 1 && lx.determiners[words[0]] {
			words = words[1:]
		}
		if len(words) == 0 {
			return
		}
		out = append(out, description{
			text: txt,
			key:  strings.Join(words, " "),
			head: lx.phraseHead(words),
			span: model.SpanOf(d.id, d.text, start, end),
		})
	}

	// Titles inside the mention ("Attorney General Wally Oppal").
	if len(mi.titles) > 0 {
		if i := strings.Index(m.Text, mi.titles[0]); i >= 0 {
			last := mi.titles[len(mi.titles)-1]
			if j := strings.Index(m.Text[i:], last); j >= 0 {
				add(m.Start+i, m.Start+i+j+len(last))
			}
		}
	}
	// The tagger's role, located just before the mention when it is there.
	if m.Role != "" {
		lo := max(0, m.Start-len(m.Role)-40)
		if m.Start <= len(d.text) && lo <= m.Start {
			if i := strings.LastIndex(strings.ToLower(d.text[lo:m.Start]), strings.ToLower(m.Role)); i >= 0 {
				add(lo+i, lo+i+len(m.Role))
			}
		}
		if len(out) == 0 || out[len(out)-1].key != strings.ToLower(m.Role) {
			words := strings.Fields(strings.ToLower(m.Role))
			if len(words) > 0 {
				out = append(out, description{text: m.Role, key: strings.ToLower(m.Role), head: lx.phraseHead(words), span: m.Span})
			}
		}
	}
	if len(d.toks) == 0 {
		return out
	}
	first := d.tokenAt(m.Start)
	last := d.tokenAt(m.End) // first token after the mention

	// Pre-modifier: lower-case words right before the name whose last word
	// is a role noun, or capitalised titles.
	j := first
	for j > 0 && first-j < 4 {
		t := d.toks[j-1]
		lw := strings.ToLower(t.Text)
		if t.Kind != model.TokenWord || lx.determiners[lw] || lx.phraseEnders[lw] || lw == "and" || lw == "said" || lw == "says" || lw == "told" {
			break
		}
		if capitalised(t.Text) && !lx.titles[strings.TrimSuffix(lw, ".")] && !sentenceInitial(d, j-1) {
			break
		}
		j--
	}
	if j < first && lx.isRoleWord(strings.ToLower(strings.TrimSuffix(d.toks[first-1].Text, "."))) {
		add(d.toks[j].Start, d.toks[first-1].End)
	}

	// Apposition after: ", head of Y," / ", a jazz pianist,".
	if last+1 < len(d.toks) && d.toks[last].Text == "," {
		k := last + 1
		w0 := strings.ToLower(d.toks[k].Text)
		if lx.determiners[w0] || lx.isRoleWord(w0) || (d.toks[k].Kind == model.TokenWord && !capitalised(d.toks[k].Text) && lx.isRoleWord(lx.nextRoleWord(d.toks[k:]))) {
			end := k
			for end < len(d.toks) && end-k < 12 {
				tx := d.toks[end].Text
				if tx == "," || tx == "." || tx == ";" || tx == ")" || tx == "said" || tx == "says" || tx == "who" || tx == ":" {
					break
				}
				end++
			}
			if end > k && end < len(d.toks) && (d.toks[end].Text == "," || d.toks[end].Text == "." || d.toks[end].Text == ")") {
				ws := lowerWords(d.toks[k:end])
				if !lx.isClause(ws) && (lx.isRoleWord(lx.phraseHead(ws)) || lx.determiners[w0]) {
					add(d.toks[k].Start, d.toks[end-1].End)
				}
			}
		}
	}

	// Copula: "Tashiev is the head of the security service", "Reid, who is
	// an actress" is left to the apposition rule.
	if last+2 < len(d.toks) {
		v := strings.ToLower(d.toks[last].Text)
		if v == "is" || v == "was" || v == "became" || v == "remains" {
			k := last + 1
			if lx.determiners[strings.ToLower(d.toks[k].Text)] {
				end := k + 1
				for end < len(d.toks) && end-k < 10 {
					tx := strings.ToLower(d.toks[end].Text)
					if tx == "," || tx == "." || tx == ";" || tx == "who" || tx == "that" || tx == "and" || tx == ":" || lx.clauseWords[tx] {
						break
					}
					end++
				}
				ws := lowerWords(d.toks[k:end])
				if end > k+1 && lx.isRoleWord(lx.phraseHead(ws)) {
					add(d.toks[k].Start, d.toks[end-1].End)
				}
			}
		}
	}

	// Apposition before: "The head of the security service, Kamchybek Tashiev".
	if first >= 2 && d.toks[first-1].Text == "," {
		k := first - 2
		for k > 0 && first-1-k < 12 {
			tx := d.toks[k-1].Text
			if tx == "," || tx == "." || tx == ";" || tx == ":" || tx == "\"" || tx == "“" || strings.EqualFold(tx, "said") {
				break
			}
			k--
		}
		w0 := strings.ToLower(d.toks[k].Text)
		if lx.determiners[w0] && k < first-1 {
			ws := lowerWords(d.toks[k : first-1])
			if !lx.isClause(ws) && lx.isRoleWord(lx.phraseHead(ws)) {
				add(d.toks[k].Start, d.toks[first-2].End)
			}
		}
	}
	return out
}

func (lx *lexicon) nextRoleWord(toks []model.Token) string {
	for i, t := range toks {
		if i > 3 {
			break
		}
		if capitalised(t.Text) {
			continue
		}
		if lw := strings.ToLower(t.Text); lx.isRoleWord(lw) {
			return lw
		}
	}
	return ""
}

func lowerWords(toks []model.Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, strings.ToLower(t.Text))
	}
	return out
}

// phraseHead returns the lemma of a noun phrase's head: the last word before
// a preposition ("head" in "head of the security service").
func (lx *lexicon) phraseHead(words []string) string {
	end := len(words)
	for i, w := range words {
		if i > 0 && lx.phraseEnders[w] {
			end = i
			break
		}
	}
	for end > 1 && !isWord(words[end-1]) {
		end--
	}
	if end == 0 {
		return ""
	}
	return lang.NounLemma(words[end-1])
}

// sentenceInitial reports whether token i starts a sentence: the first
// token, or one after . ! ? or a line break.
func sentenceInitial(d *docText, i int) bool {
	if i == 0 {
		return true
	}
	prev := d.toks[i-1]
	if strings.ContainsAny(d.text[prev.End:d.toks[i].Start], "\n") {
		return true
	}
	switch prev.Text {
	case ".", "!", "?", "…", "\"", "“", "«":
		return true
	}
	return false
}

// DescriptionHead is the lemma of the head noun of a description the
// resolver attached to an entity (model.Description.Text): "master" of "a
// master of the district gas service". Comparison reads it to link a
// definite description ("the 38-year-old master") to the entity it
// describes.
func DescriptionHead(text string) string {
	lx := lang.MustLoad(loadLexicon)
	words := strings.Fields(strings.ToLower(text))
	for len(words) > 1 && lx.determiners[words[0]] {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	return lx.phraseHead(words)
}
