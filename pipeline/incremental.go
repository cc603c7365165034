package pipeline

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/syndication"
)

// rewriteStore keeps, per story, the outcome of syndication's rewrite
// check of each pair of documents (store/sqlite).
type rewriteStore interface {
	RewriteChecks(ctx context.Context, story, version string) (*syndication.RewriteChecks, error)
	PutRewriteChecks(ctx context.Context, story, version string, checks *syndication.RewriteChecks) error
}

// markSyndicated marks reprints and near-copies among a story's documents
// (syndication.Mark), reading the outcome of the rewrite check of pairs
// checked when the story was last analysed from st, so only the pairs a
// new document brings are checked; the result is Mark's.
func (p *Pipeline) markSyndicated(ctx context.Context, st model.Store, storyID string, docs []*model.Document) error {
	rs, ok := st.(rewriteStore)
	if !ok {
		syndication.Mark(docs)
		return nil
	}
	checks := syndication.NewRewriteChecks()
	if !p.opts.Reannotate {
		var err error
		if checks, err = rs.RewriteChecks(ctx, storyID, p.version); err != nil {
			return stopped(ctx, err)
		}
	}
	syndication.MarkWith(docs, checks)
	p.rewriteChecked.Add(int64(checks.Made()))
	if !checks.Changed() {
		return nil
	}
	return stopped(ctx, rs.PutRewriteChecks(ctx, storyID, p.version, checks))
}

// stopped is ctx's error when ctx was cancelled, else err: a write cut
// short by Ctrl-C fails with whatever the database says ("statement is
// closed"), and the command reports the interruption once, not that.
func stopped(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// RewritesChecked reports how many pairs of documents syndication's
// rewrite check compared for this pipeline's stored stories, as opposed to
// reading the outcome back from the store.
func (p *Pipeline) RewritesChecked() int64 { return p.rewriteChecked.Load() }

// parseStore keeps the sentences comparison parsed with each document's
// stored annotation (store/sqlite), so re-analysing a story does not parse
// them again; the store hands them back in Annotated.Syntax, nil for a
// sentence never parsed.
type parseStore interface {
	PutSentenceParses(ctx context.Context, version string, annotated []*model.Annotated) error
}

// sentenceParses stands in for the parser comparison calls on the
// sentences it must parse (compare.Options.Parse) and notes each parse it
// makes by document and sentence, to be stored after comparison.
type sentenceParses struct {
	parse func([]model.Token) []model.Word
	// count hears of every sentence parsed (Pipeline.SentencesParsed).
	count *atomic.Int64
	docs  []*model.Annotated
	// at finds a sentence by its first token: comparison hands the parser
	// a sentence's tokens as a slice of the document's Tokens.
	at   map[*model.Token]sentenceAt
	mu   sync.Mutex
	made map[sentenceAt][]model.Word
}

type sentenceAt struct{ doc, sentence, tokens int }

func newSentenceParses(parse func([]model.Token) []model.Word, count *atomic.Int64, docs []*model.Annotated) *sentenceParses {
	sp := &sentenceParses{parse: parse, count: count, docs: docs, at: map[*model.Token]sentenceAt{}, made: map[sentenceAt][]model.Word{}}
	for i, a := range docs {
		for si, toks := range tokenize.SentenceTokens(a.Tokens, a.Doc.Sentences) {
			if len(toks) > 0 {
				sp.at[&toks[0]] = sentenceAt{i, si, len(toks)}
			}
		}
	}
	return sp
}

// Parse parses toks and notes the parse when toks are one of the
// documents' sentences; a sentence parsed before is not parsed again.
func (sp *sentenceParses) Parse(toks []model.Token) []model.Word {
	if len(toks) == 0 {
		return sp.parse(toks)
	}
	at, ok := sp.at[&toks[0]]
	ok = ok && at.tokens == len(toks)
	if ok {
		sp.mu.Lock()
		words, done := sp.made[at]
		sp.mu.Unlock()
		if done {
			return words
		}
	}
	words := sp.parse(toks)
	sp.count.Add(1)
	if ok {
		sp.mu.Lock()
		sp.made[at] = words
		sp.mu.Unlock()
	}
	return words
}

// Cached is the parse of toks made so far, or nil: for a stage that reads
// the parses another stage made and parses nothing itself.
func (sp *sentenceParses) Cached(toks []model.Token) []model.Word {
	if len(toks) == 0 {
		return nil
	}
	at, ok := sp.at[&toks[0]]
	if !ok || at.tokens != len(toks) {
		return nil
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.made[at]
}

// store keeps the new parses with the documents' stored annotations: each
// document's parses so far and the new ones.
func (sp *sentenceParses) store(ctx context.Context, st model.Store, version string) error {
	ps, ok := st.(parseStore)
	if !ok || len(sp.made) == 0 {
		return nil
	}
	byDoc := map[int][][]model.Word{}
	var order []int
	for at, words := range sp.made {
		syn := byDoc[at.doc]
		if syn == nil {
			a := sp.docs[at.doc]
			syn = make([][]model.Word, len(a.Doc.Sentences))
			if len(a.Syntax) == len(syn) {
				copy(syn, a.Syntax)
			}
			byDoc[at.doc] = syn
			order = append(order, at.doc)
		}
		syn[at.sentence] = words
	}
	parsed := make([]*model.Annotated, 0, len(order))
	for _, i := range order {
		parsed = append(parsed, &model.Annotated{Doc: sp.docs[i].Doc, Syntax: byDoc[i]})
	}
	if err := ps.PutSentenceParses(ctx, version, parsed); err != nil {
		return stopped(ctx, fmt.Errorf("store sentence parses: %w", err))
	}
	return nil
}

// SentencesParsed reports how many sentences comparison has parsed for
// this pipeline's stored stories, as opposed to reading their parse back
// from the store: re-analysing an unchanged story parses none.
func (p *Pipeline) SentencesParsed() int64 { return p.parsed.Load() }
