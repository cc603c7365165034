package events

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// docView is one document split into sentences of words, as the tagger
// and the pair model read it.
type docView struct {
	a     *model.Annotated
	sents []model.Range
	toks  [][]model.Token // per sentence
	words [][]word        // per sentence, parallel to toks
}

func (r *Resolver) view(a *model.Annotated) (*docView, error) {
	if a == nil || a.Doc == nil {
		return nil, fmt.Errorf("events: a document is missing")
	}
	text := a.Doc.Text
	toks := a.Tokens
	if toks == nil {
		toks = tokenize.Tokens(text)
	}
	sents := a.Doc.Sentences
	if sents == nil {
		sents = tokenize.Sentences(text)
	}
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start > t.End {
			return nil, fmt.Errorf("events: document %s: token %q at %d-%d outside its text", a.Doc.ID, t.Text, t.Start, t.End)
		}
	}
	v := &docView{a: a, sents: sents}
	v.toks = tokenize.SentenceTokens(toks, sents)
	v.words = make([][]word, len(v.toks))
	for i, st := range v.toks {
		texts := make([]string, len(st))
		for j, t := range st {
			texts[j] = text[t.Start:t.End]
		}
		v.words[i] = newWords(texts, r.clusters)
	}
	return v, nil
}

// detect tags the triggers of one document.
func (r *Resolver) detect(ctx context.Context, v *docView) ([]model.EventMention, error) {
	var out []model.EventMention
	for si, ws := range v.words {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for _, run := range runs(r.model.Trigger.tag(ws)) {
			if !hasLetter(ws[run[0]].text) {
				continue
			}
			st := v.toks[si]
			m := model.EventMention{
				Span:     model.SpanOf(v.a.Doc.ID, v.a.Doc.Text, st[run[0]].Start, st[run[1]].End),
				Sentence: v.sents[si],
			}
			out = append(out, m)
		}
	}
	return out, nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// head picks a trigger's main word: the first that is not an auxiliary
// ("was arrested" → arrested), else the last.
func (r *Resolver) head(trigger string) string {
	ws := strings.Fields(strings.ToLower(trigger))
	if len(ws) == 0 {
		return ""
	}
	for _, w := range ws {
		w = strings.Trim(w, `"'“”‘’.,;:!?()`)
		if w != "" && !r.lex.auxiliary[w] {
			return w
		}
	}
	return ws[len(ws)-1]
}

// describe fills a mention's head, lemma, time, places and participants
// from its sentence. Until the dependency parse lands, arguments are read
// from the whole sentence; the time is the sentence's time expression
// nearest the trigger.
func (r *Resolver) describe(v *docView, m *model.EventMention, placeOf map[string]bool) {
	if m.Sentence == (model.Range{}) {
		if s, ok := v.a.Doc.SentenceAt(m.Start); ok {
			m.Sentence = s
		}
	}
	m.Head = r.head(m.Text)
	m.Lemma = stem(m.Head)
	m.Reporting = r.lex.reporting[m.Lemma]
	best := math.MaxInt
	for i := range v.a.Timexes {
		tx := &v.a.Timexes[i]
		if !m.Sentence.Contains(tx.Range()) || tx.Value == "" {
			continue
		}
		d := tx.Start - m.End
		if tx.End <= m.Start {
			d = m.Start - tx.End
		}
		if d < 0 {
			d = 0
		}
		if d < best {
			best = d
			t := *tx
			m.Time = &t
		}
	}
	places, parts := map[string]bool{}, map[string]bool{}
	for _, em := range v.a.Mentions {
		if em.Entity == "" || !m.Sentence.Contains(em.Range()) {
			continue
		}
		if em.Type == model.Place || placeOf[em.Entity] {
			places[em.Entity] = true
		} else {
			parts[em.Entity] = true
		}
	}
	m.Places, m.Participants = sortedKeys(places), sortedKeys(parts)
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
