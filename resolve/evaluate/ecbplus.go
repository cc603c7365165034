// Package evaluate measures entity resolution: cross-document coreference
// on ECB+ (gold mentions, CoNLL F1 against the published points) and the
// name matcher's precision and recall on a name-variant pair set.
//
// In: the ECB+ corpus folder, or a pair file under testdata/namematch. Out:
// reports with the figures the "parallax eval coref" and "parallax eval
// names" commands print.
package evaluate

import (
	"context"
	"fmt"
	"github.com/parallaxnews/parallax/internal/measure"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/coref"
)

// CorefOptions tunes ECBPlus. The zero value scores the test topics.
type CorefOptions struct {
	// Topics to score; nil means ecbplus.TestTopics.
	Topics []int
	// AllSentences scores every annotated sentence instead of only those in
	// ECBplus_coreference_sentences.csv.
	AllSentences bool
	// Resolve is passed to resolve.Entities.
	Resolve resolve.Options
}

// CorefReport holds the figures of one ECB+ run.
type CorefReport struct {
	Topics    []int
	Documents int
	Mentions  int
	GoldChain int // gold entities (clusters, singletons included)
	Resolver  coref.Report
	// Lemma is our own same-head-lemma baseline: mentions of a topic with
	// the same lower-cased head lemma form one entity.
	Lemma    coref.Report
	Elapsed  time.Duration // CPU time of resolve.Entities over all topics
	Bytes    int
	PeakHeap uint64
}

// entityType maps an ECB+ tag to the model's entity types. Things
// (NON_HUMAN_PART) have no model type of their own and get "thing".
func entityType(tag string) model.EntityType {
	switch {
	case tag == "HUMAN_PART_ORG":
		return model.Organization
	case tag == "HUMAN_PART_GPE", strings.HasPrefix(tag, "LOC_"):
		return model.Place
	case tag == "HUMAN_PART_GENERIC":
		return model.Group
	case strings.HasPrefix(tag, "HUMAN_PART"):
		return model.Person
	}
	return model.EntityType("thing")
}

// topicInput is one topic converted to the resolver's input, with the gold
// chain and a key for each mention.
type topicInput struct {
	docs []*model.Annotated
	keys [][]string // keys[d][j] names docs[d].Mentions[j]
	gold map[string]string
}

func convertTopic(docs []*ecbplus.Document, filter ecbplus.SentenceFilter, all bool) topicInput {
	in := topicInput{gold: map[string]string{}}
	for _, d := range docs {
		text, spans, sents := d.Text()
		ti := d.TokenIndex()
		a := &model.Annotated{Doc: &model.Document{ID: d.Name, Text: text, Sentences: sents, Language: model.Str("en")}}
		var keys []string
		for _, m := range d.Mentions {
			if !ecbplus.IsEntityTag(m.Tag) {
				continue
			}
			first, ok1 := ti[m.Tokens[0]]
			last, ok2 := ti[m.Tokens[len(m.Tokens)-1]]
			if !ok1 || !ok2 {
				continue
			}
			if !all && !filter.Has(d.Name, d.Tokens[first].Sentence) {
				continue
			}
			span := model.SpanOf(d.Name, text, spans[first].Start, spans[last].End)
			sen, _ := a.Doc.SentenceAt(span.Start)
			a.Mentions = append(a.Mentions, model.Mention{Span: span, Type: entityType(m.Tag), Sentence: sen})
			key := d.Name + ":" + m.ID
			keys = append(keys, key)
			chain := m.Chain
			if chain == "" {
				chain = "single:" + key
			}
			in.gold[key] = chain
		}
		in.docs = append(in.docs, a)
		in.keys = append(in.keys, keys)
	}
	return in
}

// ECBPlus resolves the gold entity mentions of each topic with
// resolve.Entities and scores the result, and the same-head-lemma baseline,
// with MUC, B³, CEAF-e and CoNLL F1. Chains never cross topics.
func ECBPlus(ctx context.Context, corpusDir string, opts CorefOptions) (*CorefReport, error) {
	topics := opts.Topics
	if topics == nil {
		topics = ecbplus.TestTopics
	}
	filter, err := ecbplus.ReadSentenceFilter(filepath.Join(corpusDir, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return nil, err
	}
	rep := &CorefReport{Topics: topics}
	gold := map[string]string{}
	resp := map[string]string{}
	lemma := map[string]string{}
	var elapsed time.Duration
	var heap measure.HeapPeak
	for _, t := range topics {
		docs, err := ecbplus.ReadTopics(filepath.Join(corpusDir, "docs"), []int{t})
		if err != nil {
			return nil, err
		}
		in := convertTopic(docs, filter, opts.AllSentences)
		for k, v := range in.gold {
			gold[k] = fmt.Sprintf("%d|%s", t, v)
		}
		for _, d := range in.docs {
			rep.Bytes += len(d.Doc.Text)
		}
		rep.Documents += len(in.docs)
		start := measure.CPUTime()
		if _, err := resolve.Entities(ctx, in.docs, opts.Resolve); err != nil {
			return nil, fmt.Errorf("topic %d: %w", t, err)
		}
		elapsed += measure.CPUTime() - start
		heap.Sample()
		for i, d := range in.docs {
			for j, m := range d.Mentions {
				key := in.keys[i][j]
				rep.Mentions++
				id := m.Entity
				if id == "" {
					id = "unresolved:" + key
				}
				resp[key] = fmt.Sprintf("%d|%s", t, id)
				lemma[key] = fmt.Sprintf("%d|%s", t, HeadLemma(m.Text))
			}
		}
	}
	g := coref.ClustersOf(gold)
	rep.GoldChain = len(g)
	rep.Resolver = coref.Evaluate(g, coref.ClustersOf(resp))
	rep.Lemma = coref.Evaluate(g, coref.ClustersOf(lemma))
	rep.Elapsed = elapsed
	rep.PeakHeap = heap.Peak()
	return rep, nil
}

// HeadLemma is the baseline's head: the last word before the first
// preposition, lower-cased, with a plural -s removed.
func HeadLemma(text string) string {
	words := strings.Fields(strings.ToLower(text))
	end := len(words)
	for i, w := range words {
		if i > 0 && (w == "of" || w == "in" || w == "at" || w == "from" || w == "with" || w == "for" || w == "on" || w == "by" || w == "to" || w == "who" || w == "that" || w == "which" || w == ",") {
			end = i
			break
		}
	}
	for end > 1 && (words[end-1] == "'s" || words[end-1] == "’s" || words[end-1] == "'" || words[end-1] == "." || words[end-1] == "\"") {
		end--
	}
	if end == 0 {
		return ""
	}
	h := words[end-1]
	switch {
	case len(h) > 4 && strings.HasSuffix(h, "ies"):
		h = h[:len(h)-3] + "y"
	case len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") && !strings.HasSuffix(h, "is"):
		h = h[:len(h)-1]
	}
	return h
}
