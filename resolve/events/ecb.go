package events

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// ecbTopic is one ECB+ topic as the pipeline would see it: documents
// annotated by our own stages (time expressions, entity tagger, entity
// resolution), with the gold event mentions of the sentences ECB+ checked
// for coreference.
type ecbTopic struct {
	topic    int
	docs     []*model.Annotated
	entities []model.Entity
	gold     [][]model.EventMention // per document
	chain    map[string]string      // mention key → gold chain
	scored   []map[int]bool         // per document: sentence indices in the filter
	// annotated marks, per document, the sentences with at least one
	// event mention, in the filter or not.
	annotated []map[int]bool
	// sentence words and gold trigger tags, for the trigger tagger
	words [][][]word // per document, per sentence
	tags  [][][]int
}

// mentionKey names a mention for the scorer: topic, document and span.
func mentionKey(topic int, doc string, r model.Range) string {
	return strconv.Itoa(topic) + "|" + doc + ":" + strconv.Itoa(r.Start) + "-" + strconv.Itoa(r.End)
}

// readECB reads and annotates the given topics of the ECB+ corpus.
func (r *Resolver) readECB(ctx context.Context, corpus string, topics []int, tagger *entities.Tagger) ([]*ecbTopic, error) {
	filter, err := ecbplus.ReadSentenceFilter(filepath.Join(corpus, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return nil, err
	}
	var out []*ecbTopic
	for _, t := range topics {
		raw, err := ecbplus.ReadTopics(filepath.Join(corpus, "docs"), []int{t})
		if err != nil {
			return nil, err
		}
		tp := &ecbTopic{topic: t, chain: map[string]string{}}
		for _, d := range raw {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			a, words, tags, gold, scored, annotated := r.convertECB(d, filter)
			ms, err := tagger.Tag(ctx, a.Doc)
			if err != nil {
				return nil, fmt.Errorf("events: %s: %w", d.Name, err)
			}
			a.Mentions = ms
			if r.parse != nil {
				// parse the scored sentences once, as the pipeline would
				a.Syntax = make([][]model.Word, len(a.Doc.Sentences))
				for si, st := range tokenize.SentenceTokens(a.Tokens, a.Doc.Sentences) {
					if scored[si] {
						a.Syntax[si] = r.parse(st)
					}
				}
			}
			for _, g := range gold {
				tp.chain[mentionKey(t, d.Name, g.m.Range())] = g.chain
			}
			tp.docs = append(tp.docs, a)
			ems := make([]model.EventMention, len(gold))
			for i, g := range gold {
				ems[i] = g.m
			}
			tp.gold = append(tp.gold, ems)
			tp.scored = append(tp.scored, scored)
			tp.annotated = append(tp.annotated, annotated)
			tp.words = append(tp.words, words)
			tp.tags = append(tp.tags, tags)
		}
		if tp.entities, err = resolve.Entities(ctx, tp.docs, resolve.Options{}); err != nil {
			return nil, fmt.Errorf("events: topic %d: %w", t, err)
		}
		out = append(out, tp)
	}
	return out, nil
}

type goldMention struct {
	m     model.EventMention
	chain string
}

// convertECB renders one ECB+ document as annotated text with its time
// expressions, and returns its gold event mentions in the filtered
// sentences, the words and trigger tags of each sentence, which sentences
// are scored and which have event annotation.
func (r *Resolver) convertECB(d *ecbplus.Document, filter ecbplus.SentenceFilter) (a *model.Annotated, words [][]word, tags [][]int, gold []goldMention, scored, annotated map[int]bool) {
	text, spans, sents := d.Text()
	doc := &model.Document{ID: d.Name, Text: text, Sentences: sents, Language: model.Str("en")}
	a = &model.Annotated{Doc: doc}
	sentOf := make([]int, len(d.Tokens)) // token index → sentence index
	posIn := make([]int, len(d.Tokens))  // token index → position in sentence
	scored, annotated = map[int]bool{}, map[int]bool{}
	var texts []string
	si := -1
	for i, t := range d.Tokens {
		if i == 0 || t.Sentence != d.Tokens[i-1].Sentence {
			if si >= 0 {
				words = append(words, newWords(texts, r.clusters))
			}
			si++
			texts = nil
			if filter.Has(d.Name, t.Sentence) {
				scored[si] = true
			}
		}
		sentOf[i], posIn[i] = si, len(texts)
		texts = append(texts, t.Text)
		a.Tokens = append(a.Tokens, model.Token{Start: spans[i].Start, End: spans[i].End, Text: t.Text, Kind: model.TokenWord})
	}
	if si >= 0 {
		words = append(words, newWords(texts, r.clusters))
	}
	tags = make([][]int, len(words))
	for k := range words {
		tags[k] = make([]int, len(words[k]))
	}
	a.Reference = timex.Reference(doc)
	a.Timexes = timex.Extract(doc, a.Reference)

	ti := d.TokenIndex()
	seen := map[model.Range]bool{}
	for _, m := range d.Mentions {
		if !ecbplus.IsEventTag(m.Tag) {
			continue
		}
		first, ok1 := ti[m.Tokens[0]]
		last, ok2 := ti[m.Tokens[len(m.Tokens)-1]]
		if !ok1 || !ok2 || sentOf[first] != sentOf[last] {
			continue
		}
		rg := model.Range{Start: spans[first].Start, End: spans[last].End}
		if seen[rg] {
			continue
		}
		seen[rg] = true
		s := sentOf[first]
		annotated[s] = true
		if scored[s] {
			em := model.EventMention{Span: model.SpanOf(d.Name, text, rg.Start, rg.End), Sentence: sents[s]}
			chain := m.Chain
			if chain == "" {
				chain = "single:" + d.Name + ":" + m.ID
			}
			gold = append(gold, goldMention{em, chain})
		}
		// trigger tags: the first contiguous run of the mention's tokens
		if tags[s][posIn[first]] != tagO {
			continue
		}
		tags[s][posIn[first]] = tagB
		prev := first
		for _, id := range m.Tokens[1:] {
			k, ok := ti[id]
			if !ok || k != prev+1 || tags[s][posIn[k]] != tagO {
				break
			}
			tags[s][posIn[k]] = tagI
			prev = k
		}
	}
	return a, words, tags, gold, scored, annotated
}
