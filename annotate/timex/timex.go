// Package timex finds and normalises temporal expressions in English news
// text.
//
// In: a document (its cleaned Text, sentences and publication date). Out: its
// reference date (Reference) and every temporal expression (Extract) with
// its byte span, sentence, ISO 8601 value, granularity, what a relative
// expression was resolved against, and a modifier (early/mid/late/approx).
//
// Covered: absolute dates with and without a year ("January 3", "3 January
// 2022", "Jan. 3", "01/03/2022", "2022-01-09"), partial dates ("May 1984",
// "in February", "early January", "the end of July", "mid-2022"), years and
// decades, weekdays and deictic expressions against the reference date
// ("Sunday", "late Monday", "last Monday", "yesterday", "two days ago", "last
// week", "this year", "the weekend"), expressions relative to the previous
// date in the text ("the day before", "three days later", "the same day"),
// ranges ("January 4-6", "from 4 to 6 January", "the 4th to the 6th of
// January") and clock times ("around 4 pm", "at 16:00").
//
// A missing year, and the direction of a bare weekday, follow the tense of
// the nearest verb: news reports mostly look back, so "on December 28" in an
// article of 2022-01-11 is 2021-12-28, while "will be held on February 2" is
// 2022-02-02.
//
// The grammar is hand-written over a private light tokenisation and word
// classes kept in a lexicon (lexicon.go); another language is another
// lexicon. Durations ("for three days"), sets ("every Monday") and vague
// references ("recently", "now", "this season") are out of scope.
package timex

import (
	"strings"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// Extract returns every temporal expression in doc.Text, in text order,
// resolved against ref (see Reference). Expressions that need a reference
// date when ref has none keep an empty Value (or "XXXX-01-03" for a day and
// month without a year) and Anchor "no reference date".
func Extract(doc *model.Document, ref model.Reference) []model.Timex {
	if doc == nil || doc.Text == "" {
		return nil
	}
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	out, _ := extract(doc.ID, doc.Text, sents, lexiconFor(doc.Language), newResolver(ref))
	return out
}

// lexiconFor returns the word tables for a document language (ISO 639-1):
// the language's own when lexicon/ has a folder for it, English otherwise
// (other languages still get numeric dates, ISO dates and years from the
// English tables).
func lexiconFor(lang *string) *lexicon {
	if lang != nil {
		if lx := mustLexicons()[strings.ToLower(strings.TrimSpace(*lang))]; lx != nil {
			return lx
		}
	}
	return english()
}

// found is one expression in a sentence before resolution.
type found struct {
	n  node
	tn tense
}

// extract finds and resolves the expressions of text; it also returns the
// tense around each one, which Reference uses.
func extract(docID, text string, sents []model.Range, lx *lexicon, r *resolver) ([]model.Timex, []tense) {
	var out []model.Timex
	var tenses []tense
	var buf []tok
	var hits []found
	for _, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		buf = scan(text, s.Start, s.End, buf)
		p := &parser{lx: lx, toks: buf}
		hits = hits[:0]
		last := 0
		for i := 0; i < len(buf); {
			if !p.mayStart(i) {
				i++
				continue
			}
			n, ok := p.match(i)
			if !ok {
				i++
				continue
			}
			if n.i < last {
				n.i = last
			}
			hits = append(hits, found{n: n, tn: p.tenseAround(n.i, n.j)})
			last = n.j
			i = n.j
		}
		if len(hits) == 0 {
			continue
		}
		// Clock times take their day from a day expression in the same
		// sentence: resolve the others first.
		res := make([]resolved, len(hits))
		var sentenceDay *resolved
		for k, h := range hits {
			if h.n.kind == kTime {
				continue
			}
			res[k] = r.resolve(h.n, h.tn, nil)
			if res[k].hasDay && (sentenceDay == nil || h.n.kind != kDate || res[k].gran == model.GranDay) {
				if sentenceDay == nil {
					sentenceDay = &res[k]
				}
			}
			if res[k].hasDay {
				r.prev, r.prevOK = res[k].day, true
			}
		}
		for k, h := range hits {
			if h.n.kind != kTime {
				continue
			}
			if sentenceDay != nil {
				res[k] = r.resolve(h.n, h.tn, &sentenceDay.day)
			} else {
				res[k] = r.resolve(h.n, h.tn, nil)
			}
		}
		for k, h := range hits {
			start, end := buf[h.n.i].start, buf[h.n.j-1].end
			out = append(out, model.Timex{
				Span:        model.SpanOf(docID, text, start, end),
				Sentence:    s,
				Value:       res[k].value,
				Granularity: res[k].gran,
				Anchor:      res[k].anchor,
				Modifier:    h.n.modifier,
			})
			tenses = append(tenses, h.tn)
		}
	}
	return out, tenses
}

// mayStart is a cheap test that token i can begin an expression, so the
// full grammar runs on few tokens: numbers, trigger words, and "the" or a
// count word followed by a word that can continue one ("the end of",
// "the weekend", "two days ago").
func (p *parser) mayStart(i int) bool {
	t := p.toks[i]
	switch t.kind {
	case tNum:
		return true
	case tPunct:
		return false
	}
	lx := p.lx
	if lx.triggers[t.low] {
		return true
	}
	if lx.the[t.low] || lx.numbers[t.low] > 0 {
		if i+1 >= len(p.toks) {
			return false
		}
		next := p.toks[i+1]
		if lx.numbers[t.low] > 0 && (next.low == "in" || next.low == "at" || next.low == "o" || lx.oclock[next.low]) {
			return true // "five in the morning", "ten at night", "eleven o'clock"
		}
		return next.kind == tNum || next.kind == tWord && lx.afterThe[next.low]
	}
	return false
}
