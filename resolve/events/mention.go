package events

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// docView is one document split into sentences of words, as the tagger
// and the pair model read it.
type docView struct {
	a      *model.Annotated
	parsed map[int][]model.Word // sentences parsed here, by index
	sents  []model.Range
	toks   [][]model.Token // per sentence
	words  [][]word        // per sentence, parallel to toks
}

func (r *Resolver) view(a *model.Annotated) (*docView, error) { return r.viewWith(a, nil) }

// viewWith is view with the words of earlier documents remembered (nil
// remembers none): the reports of one story repeat most of their words,
// and a word's stem and cluster path cost more than a look-up.
func (r *Resolver) viewWith(a *model.Annotated, memo wordMemo) (*docView, error) {
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
		v.words[i] = memo.words(texts, r.clusters)
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
// from its sentence. With a parse, the head is the word that heads the
// trigger, the lemma comes from the parser's lemmatiser ("fell" → fall),
// and time, places and participants are those among the trigger's own
// dependents (three levels deep), else its clause's; without one, they
// are read from the whole sentence and the time is the sentence's time
// expression nearest the trigger. It returns the head word's range (zero
// without a parse).
func (r *Resolver) describe(v *docView, m *model.EventMention, placeOf map[string]bool) model.Range {
	if m.Sentence == (model.Range{}) {
		if s, ok := v.a.Doc.SentenceAt(m.Start); ok {
			m.Sentence = s
		}
	}
	m.Head = r.head(m.Text)
	m.Lemma = stem(m.Head)
	var inRegion func(model.Range) bool
	var timeRegions [][]bool // where the time is looked for, nearest first
	var ws []model.Word
	var headRange model.Range
	si, _ := sentenceIndex(v.sents, m.Start)
	if ws = v.parse(si, r.parse); ws != nil {
		if h := headIn(ws, m.Range()); h >= 0 {
			headRange = model.Range{Start: ws[h].Start, End: ws[h].End}
			m.Head = strings.ToLower(ws[h].Text)
			if ws[h].Lemma != "" {
				m.Lemma = stem(ws[h].Lemma)
			}
			own := argumentRegion(ws, h)
			clause := own
			c := syntax.ClauseHead(ws, h)
			if c >= 0 && c != h {
				clause = argumentRegion(ws, c)
			}
			inRegion = func(rg model.Range) bool {
				return regionCovers(ws, own, rg) || regionCovers(ws, clause, rg)
			}
			timeRegions = [][]bool{own, clause}
			// A clause with no time of its own takes that of the clause it
			// modifies ("swept through on Tuesday, killing 12"), but not of
			// a verb of saying (when it was said is not when it happened).
			for up := 0; up < 2 && c >= 0 && ws[c].Head >= 0; up++ {
				c = syntax.ClauseHead(ws, ws[c].Head)
				if c < 0 || r.lex.reporting[stem(ws[c].Lemma)] {
					break
				}
				timeRegions = append(timeRegions, argumentRegion(ws, c))
			}
		}
	}
	m.Reporting = r.lex.reporting[m.Lemma] || r.lex.reporting[stem(m.Head)]
	m.Time = nil
	nearestTime := func(ok func(model.Range) bool) *model.Timex {
		best := math.MaxInt
		var out *model.Timex
		for i := range v.a.Timexes {
			tx := &v.a.Timexes[i]
			if !m.Sentence.Contains(tx.Range()) || tx.Value == "" || !ok(tx.Range()) {
				continue
			}
			d := tx.Start - m.End
			if tx.End <= m.Start {
				d = m.Start - tx.End
			}
			if d < best {
				best = max(d, 0)
				t := *tx
				out = &t
			}
		}
		return out
	}
	for _, reg := range timeRegions {
		if m.Time = nearestTime(func(rg model.Range) bool { return regionCovers(ws, reg, rg) }); m.Time != nil {
			break
		}
	}
	if m.Time == nil {
		// no parse, or a parse that hangs the time elsewhere (parsers
		// misattach): the sentence's time nearest the trigger
		m.Time = nearestTime(func(model.Range) bool { return true })
	}
	places, parts := map[string]bool{}, map[string]bool{}
	for _, em := range v.a.Mentions {
		if em.Entity == "" || !m.Sentence.Contains(em.Range()) {
			continue
		}
		if inRegion != nil && !inRegion(em.Range()) {
			continue
		}
		if em.Type == model.Place || placeOf[em.Entity] {
			places[em.Entity] = true
		} else {
			parts[em.Entity] = true
		}
	}
	m.Places, m.Participants = sortedKeys(places), sortedKeys(parts)
	return headRange
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
