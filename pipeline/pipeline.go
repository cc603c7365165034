// Package pipeline is the orchestrator: it runs the stages in order, so the
// whole flow of Parallax can be read top to bottom in Analyze.
//
//	ingest → clean → store → annotate (tokens and sentences, parse when
//	asked, entities, time, quantities, quotes) → resolve → compare
//	(timeline, facts) → dossier
//
// In: inputs (paths or already-read ingest.Inputs) and a model.Store. Out: a
// Result with the story and its dossier, which is also stored. A problem with
// one input is reported in Result.Failed and the run goes on.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/quotes"
	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/compare/timeline"
	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/events"
)

// Options configures a Pipeline. The zero value means the defaults.
type Options struct {
	// Ingest controls reading of paths: size limit and stdin.
	Ingest ingest.Options
	// Workers is how many documents are annotated at once; 0 means one per CPU.
	Workers int
	// Compare sets the money tolerance and user exchange rates.
	Compare compare.Options
	// Resolve tunes cross-document entity resolution.
	Resolve resolve.Options
	// Parse fills Annotated.Syntax with a dependency parse of every
	// sentence (annotate/syntax). Off by default: parsing every sentence
	// roughly triples the CPU of annotation (docs/syntax.md). Without it
	// compare parses only the few sentences where it must know which verb
	// governs a value (compare.Options.Parse).
	Parse bool
	// Progress, when set, hears of each document finished in the long
	// per-document stages; it may be called from several goroutines.
	Progress func(stage string, done, total int)
	// Reannotate ignores stored per-document annotations: every document
	// analysed is annotated again and its stored annotations replaced
	// ("parallax reanalyze", after a stage improved).
	Reannotate bool
}

// Pipeline holds what the stages load once (models, gazetteers) and is safe
// for concurrent use.
type Pipeline struct {
	opts   Options
	tagger *entities.Tagger
	syntax *syntax.Model
	// events resolves which values belong to which event (cross-document
	// event coreference) for comparison.
	events *events.Resolver
	// version stamps stored annotations (annotationVersion).
	version string
	// annotated counts the documents annotated (not read back from the
	// store), for Annotated.
	annotated atomic.Int64
	// parsed counts the sentences comparison parsed, for SentencesParsed;
	// rewriteChecked the pairs syndication checked, for RewritesChecked.
	parsed, rewriteChecked atomic.Int64
}

// New loads every stage's models.
func New(opts Options) (*Pipeline, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	tagger, err := entities.Load()
	if err != nil {
		return nil, fmt.Errorf("load entity tagger: %w", err)
	}
	p := &Pipeline{opts: opts, tagger: tagger, version: annotationVersion(opts.Parse)}
	if p.syntax, err = loadSyntax(); err != nil {
		return nil, fmt.Errorf("load syntax model: %w", err)
	}
	if !opts.Parse {
		p.opts.Compare.Parse = p.syntax.ParseTokens
	}
	if p.events, err = loadEvents(); err != nil {
		return nil, fmt.Errorf("load event coreference model: %w", err)
	}
	return p, nil
}

// loadSyntax loads the parser once per process: the model is read-only
// after loading and safe for concurrent use, and reading it takes seconds.
var loadSyntax = sync.OnceValues(syntax.Load)

// loadEvents loads the event coreference model once per process; it is
// given the story's parses at each analysis, so it loads no parser.
var loadEvents = sync.OnceValues(events.LoadModel)

// Result is what one run produced.
type Result struct {
	Story   model.Story
	Dossier *model.Dossier
	// Added counts documents stored for the first time; Known those that were
	// already stored (same raw bytes).
	Added, Known int
	// Failed has one error per rejected input, each naming the input.
	Failed []error
	// Stories has every story the run analysed when documents were
	// clustered into stories; Story and Dossier are the first of them.
	Stories []Analysed
}

// AnalyzePaths reads files, folders and "-" (stdin) and stores each input
// as soon as it is read and cleaned, so a slow or failing input never holds
// back the good ones before it; then it analyses the story as
// AnalyzeInputs does.
func (p *Pipeline) AnalyzePaths(ctx context.Context, st model.Store, paths []string, storyID string) (*Result, error) {
	in := p.newIntake(st)
	c := p.startCleaning(ctx, in)
	err := ingest.Walk(ctx, paths, p.opts.Ingest, c.add, c.fail)
	if storeErr := c.wait(); storeErr != nil {
		return nil, storeErr
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("read inputs: %w", err)
	}
	return p.finishRun(ctx, in, storyID)
}

// AnalyzeInputs cleans and stores inputs, then analyses the story they
// belong to: a new story when storyID is "", otherwise the existing story
// with these documents added. Each document is stored in its own
// transaction and the story's dossier in one more, so an interrupted run
// leaves the store consistent and a re-run completes the work.
func (p *Pipeline) AnalyzeInputs(ctx context.Context, st model.Store, inputs []ingest.Input, storyID string) (*Result, error) {
	in, err := p.takeInputs(ctx, st, inputs)
	if err != nil {
		return nil, err
	}
	return p.finishRun(ctx, in, storyID)
}

// intake stores cleaned inputs one at a time as they arrive (cleaning
// runs them through clean.Document in parallel).
type intake struct {
	st   model.Store
	res  *Result
	docs []*model.Document // cleaned and stored, without Raw
	seen map[string]bool
	// newStory says the story finish is given is not stored yet.
	newStory bool
	// clustered says the story's documents come from story clustering:
	// one that another run's re-clustering moved to another story while
	// this run analysed it is not stored as a member (clusteredStore).
	clustered bool
}

// clusteredStore is a store that keeps story clustering and can store a
// clustered story checked against it (sqlite.Store).
type clusteredStore interface {
	PutClusteredStory(ctx context.Context, story model.Story, dossier *model.Dossier) error
	ClusteredElsewhere(ctx context.Context, storyID string, docIDs []string) ([]string, error)
}

func (p *Pipeline) newIntake(st model.Store) *intake {
	return &intake{st: st, res: &Result{}, seen: map[string]bool{}}
}

// maxStaleRetries bounds how often one run recomputes a story because other
// writers added documents to it meanwhile.
const maxStaleRetries = 20

// finish analyses the story of the taken inputs and stores it. When another
// writer added documents to the story while this run computed it, the
// store refuses the stale dossier (model.ErrStale) and the story is
// recomputed with everything stored, so no addition is lost.
func (p *Pipeline) finish(ctx context.Context, in *intake, storyID string) (*Result, error) {
	if storyID == "" {
		if res, ok, err := p.finishStories(ctx, in); ok {
			return res, err
		}
	}
	res := in.res
	docs := in.docs
	if storyID != "" && !in.newStory {
		var err error
		if docs, err = p.withStory(ctx, in.st, storyID, in.docs); err != nil {
			return nil, err
		}
	}
	if len(docs) == 0 {
		return res, nil
	}
	if storyID == "" {
		storyID = storyIDOf(docs)
	}
	decisions, err := storyDecisions(ctx, in.st, storyID)
	if err != nil {
		return nil, err
	}
	put := in.st.PutStory
	cs, checked := in.st.(clusteredStore)
	checked = checked && in.clustered
	if checked {
		put = cs.PutClusteredStory
	}
	for attempt := 0; ; attempt++ {
		curate.CorrectDocuments(docs, decisions)
		dossier, story, err := p.analyzeDecided(ctx, in.st, storyID, docs, decisions)
		if err != nil {
			return nil, err
		}
		err = put(ctx, story, dossier)
		if err == nil {
			curate.Apply(dossier, decisions)
			res.Story, res.Dossier = story, dossier
			return res, nil
		}
		if !errors.Is(err, model.ErrStale) || attempt == maxStaleRetries {
			return nil, fmt.Errorf("store story: %w", err)
		}
		// Fresh copies: Analyze annotated the old ones in place.
		if docs, err = p.withStory(ctx, in.st, storyID, p.fresh(ctx, in.st, in.docs)); err != nil {
			return nil, err
		}
		if checked {
			if docs, err = withoutMoved(ctx, cs, storyID, docs); err != nil {
				return nil, err
			}
			if len(docs) == 0 {
				return res, nil // every document moved on: nothing of this story to store
			}
		}
	}
}

// withoutMoved drops the documents the clustering now places in a story
// other than storyID.
func withoutMoved(ctx context.Context, cs clusteredStore, storyID string, docs []*model.Document) ([]*model.Document, error) {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	moved, err := cs.ClusteredElsewhere(ctx, storyID, ids)
	if err != nil || len(moved) == 0 {
		return docs, err
	}
	return slices.DeleteFunc(docs, func(d *model.Document) bool { return slices.Contains(moved, d.ID) }), nil
}

// fresh reloads documents from the store, without Raw.
func (p *Pipeline) fresh(ctx context.Context, st model.Store, docs []*model.Document) []*model.Document {
	out := make([]*model.Document, 0, len(docs))
	for _, d := range docs {
		if stored, err := st.Document(ctx, d.ID); err == nil {
			stored.Raw = nil
			out = append(out, stored)
		}
	}
	return out
}

// withStory returns docs followed by the stored story's other documents.
func (p *Pipeline) withStory(ctx context.Context, st model.Store, storyID string, docs []*model.Document) ([]*model.Document, error) {
	earlier, err := p.storyDocuments(ctx, st, storyID)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]*model.Document, 0, len(docs)+len(earlier))
	for _, d := range append(docs, earlier...) {
		if !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, d)
		}
	}
	return out, nil
}

// Reanalyze recomputes a stored story from its stored documents, for when a
// stage has improved.
func (p *Pipeline) Reanalyze(ctx context.Context, st model.Store, storyID string) (*model.Dossier, error) {
	if _, err := p.storyDocuments(ctx, st, storyID); err != nil {
		return nil, err
	}
	res, err := p.finish(ctx, p.newIntake(st), storyID)
	if err != nil {
		return nil, err
	}
	return res.Dossier, nil
}

// storyDocuments loads a stored story's documents; the old dossier is not
// read, since it is about to be recomputed.
func (p *Pipeline) storyDocuments(ctx context.Context, st model.Store, storyID string) ([]*model.Document, error) {
	stored, err := st.StoryDocuments(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("load story %s: %w", storyID, err)
	}
	docs := make([]*model.Document, len(stored))
	for i := range stored {
		docs[i] = &stored[i]
	}
	return docs, nil
}

// storyIDOf names a story by its documents, so analysing the same set again
// updates the same story.
func storyIDOf(docs []*model.Document) string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	sort.Strings(ids)
	sum := sha256.Sum256([]byte(strings.Join(ids, ",")))
	return "s-" + hex.EncodeToString(sum[:6])
}

// Analyze runs every analysis stage over one story's documents and returns
// its dossier. It does not touch the store.
func (p *Pipeline) Analyze(ctx context.Context, storyID string, docs []*model.Document) (*model.Dossier, model.Story, error) {
	return p.analyzeDecided(ctx, nil, storyID, docs, nil)
}

// Annotate runs the per-document stages on one story's documents, sorted
// into story order, Options.Workers at a time.
func (p *Pipeline) Annotate(ctx context.Context, docs []*model.Document) ([]*model.Annotated, error) {
	return p.annotateStory(ctx, nil, docs)
}

// annotateStory is Annotate reading and keeping per-document annotations
// in st when it is a model.AnnotationStore (annotateStored).
func (p *Pipeline) annotateStory(ctx context.Context, st model.Store, docs []*model.Document) ([]*model.Annotated, error) {
	sort.SliceStable(docs, func(i, j int) bool { return docOrderKey(docs[i]) < docOrderKey(docs[j]) })
	annotated := make([]*model.Annotated, len(docs))
	err := p.annotateStored(ctx, st, docs, "annotating", func(i int, a *model.Annotated) { annotated[i] = a })
	if err != nil {
		return nil, err
	}
	p.borrowStoryYear(annotated)
	return annotated, nil
}

// analyzeAnnotated runs the cross-document stages; the users' merges and
// splits of entities among decisions apply before comparison.
func (p *Pipeline) analyzeAnnotated(ctx context.Context, st model.Store, storyID string, annotated []*model.Annotated, decisions []model.Decision) (*model.Dossier, model.Story, error) {

	// Cross-document stages: syndicated copies, who is who, when, what.
	docList := make([]*model.Document, len(annotated))
	for i, a := range annotated {
		docList[i] = a.Doc
	}
	if err := p.markSyndicated(ctx, st, storyID, docList); err != nil {
		return nil, model.Story{}, err
	}
	ents, err := resolve.Entities(ctx, annotated, p.opts.Resolve)
	if err != nil {
		return nil, model.Story{}, fmt.Errorf("resolve entities: %w", err)
	}
	ents, merged := mergeDecided(annotated, ents, decisions)
	var allQuotes []model.Quote
	byMention := resolve.NewIndex(ents)
	for _, a := range annotated {
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if q.SpeakerRef != nil {
				if id, ok := byMention.At(*q.SpeakerRef); ok {
					q.Speaker = model.Str(id)
				}
			}
		}
		allQuotes = append(allQuotes, a.Quotes...)
	}
	entries, err := timeline.Build(ctx, annotated, ents)
	if err != nil {
		return nil, model.Story{}, fmt.Errorf("build timeline: %w", err)
	}
	facts, parses, err := p.compareStory(ctx, annotated, ents, st != nil)
	if err != nil {
		return nil, model.Story{}, err
	}
	// The sentences parsed for comparison are kept with the stored
	// annotations, so the next analysis of the story reads them back.
	if parses != nil && st != nil {
		if err := parses.store(ctx, st, p.version); err != nil {
			return nil, model.Story{}, err
		}
	}

	d := model.NewDossier()
	story := storyOf(storyID, annotated)
	d.Stories = []model.Story{story}
	for _, a := range annotated {
		doc := *a.Doc
		doc.Raw = nil
		d.Documents = append(d.Documents, doc)
	}
	d.Entities = append(d.Entities, ents...)
	d.Quotes = append(d.Quotes, allQuotes...)
	d.Timeline = append(d.Timeline, entries...)
	d.Facts = append(d.Facts, facts...)
	d.EntityDecisions = append(d.EntityDecisions, merged...)
	return d, story, nil
}

// CompareStory is the comparison stage of Analyze on annotated documents
// whose entities are resolved: event coreference, then the facts (for
// timing the stage alone, as "parallax eval facts -scale" does).
func (p *Pipeline) CompareStory(ctx context.Context, annotated []*model.Annotated, ents []model.Entity) ([]model.Fact, error) {
	facts, _, err := p.compareStory(ctx, annotated, ents, false)
	return facts, err
}

// compareStory compares the story's facts, telling comparison which event
// each value belongs to (cross-document event coreference, resolved the
// first time comparison asks: see storyEvents). Both stages read parses
// through one cache, returned for storing; nil when the documents carry
// their own parse.
// The parses are kept only for a store (keep) or for event coreference,
// which reads them and needs two documents: one long document parsed as
// it goes holds none (10 MB: about 700 MB of peak heap).
func (p *Pipeline) compareStory(ctx context.Context, annotated []*model.Annotated, ents []model.Entity, keep bool) ([]model.Fact, *sentenceParses, error) {
	opts := p.opts.Compare
	var parses *sentenceParses
	if opts.Parse != nil && !p.opts.Parse && (keep || len(annotated) >= 2) {
		parses = newSentenceParses(opts.Parse, &p.parsed, annotated)
		opts.Parse = parses.Parse
	}
	var evs *storyEvents
	if len(annotated) >= 2 {
		r := p.events
		if parses != nil {
			r = r.WithParse(parses.Cached)
		}
		evs = &storyEvents{resolve: func() (*events.Result, error) {
			return r.Resolve(ctx, annotated, ents, events.Options{MaxPairs: maxEventPairs})
		}}
		opts.Events = evs
	}
	facts, err := compare.Compare(ctx, annotated, ents, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("compare facts: %w", err)
	}
	if evs != nil && evs.err != nil {
		return nil, nil, fmt.Errorf("resolve events: %w", evs.err)
	}
	return facts, parses, nil
}

// maxEventPairs bounds the pairs event coreference scores in one story
// (events.Options.MaxPairs): stories of a few dozen reports stay far
// below it; one of a thousand reports would otherwise hold 3.9 million
// pairs and over a gigabyte of clustering state.
const maxEventPairs = 1_000_000

// storyEvents is a story's event coreference, resolved the first time
// comparison asks about a value: only values that conflict are asked
// about, so a story without conflicts never pays for it, and by then
// comparison has parsed the sentences its rules read, which the resolver
// reuses (it parses none of its own: elsewhere it reads a sentence's words,
// as it would without a parser). A failed resolution answers as if no
// event were known and is reported after comparison.
type storyEvents struct {
	once    sync.Once
	resolve func() (*events.Result, error)
	res     *events.Result
	err     error
}

func (s *storyEvents) result() *events.Result {
	s.once.Do(func() { s.res, s.err = s.resolve() })
	return s.res
}

// Distinct implements compare.EventIdentity.
func (s *storyEvents) Distinct(docA string, a model.Range, docB string, b model.Range) bool {
	r := s.result()
	return r != nil && r.Distinct(docA, a, docB, b)
}

// RecalledDate implements compare.EventIdentity.
func (s *storyEvents) RecalledDate(doc string, at model.Range) string {
	if r := s.result(); r != nil {
		return r.RecalledDate(doc, at)
	}
	return ""
}

// EventAt implements compare.EventIdentity.
func (s *storyEvents) EventAt(doc string, at model.Range) (model.EventInstance, bool) {
	if r := s.result(); r != nil {
		return r.EventAt(doc, at)
	}
	return model.EventInstance{}, false
}

// annotate runs the per-document stages.
func (p *Pipeline) annotate(ctx context.Context, doc *model.Document) (*model.Annotated, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Tokens and sentences once per document; later stages and the parse
	// read the same tokens.
	toks, sents := tokenize.Split(doc.Text)
	doc.Sentences = sents
	mentions, err := p.tagger.TagTokens(ctx, doc, toks)
	if err != nil {
		return nil, fmt.Errorf("%s: tag entities: %w", doc.Source, err)
	}
	a := &model.Annotated{Doc: doc, Tokens: toks, Mentions: mentions}
	a.Reference = timex.Reference(doc)
	a.Timexes = timex.Extract(doc, a.Reference)
	a.Quantities = quantity.Extract(doc)
	if p.opts.Parse {
		a.Syntax = p.syntax.ParseSentences(toks, sents)
	}
	a.Quotes = quotes.Extract(doc, toks, a.Mentions, a.Timexes, a.Reference)
	return a, nil
}

// borrowStoryYear gives a document with no date of its own ("detained on
// 5 March", no year anywhere) a reference inferred with the years of the
// story's other documents, then re-reads its dates and quotes against it.
func (p *Pipeline) borrowStoryYear(docs []*model.Annotated) {
	refs := make([]model.Reference, len(docs))
	for i, a := range docs {
		refs[i] = a.Reference
	}
	for _, a := range docs {
		if a.Reference.Date != "" {
			continue
		}
		ref := timex.ReferenceInStory(a.Doc, refs)
		if ref.Date == "" {
			continue
		}
		a.Reference = ref
		a.Timexes = timex.Extract(a.Doc, ref)
		a.Quotes = quotes.Extract(a.Doc, a.Tokens, a.Mentions, a.Timexes, ref)
	}
}

// docOrderKey sorts documents by reference date, then source, so dossiers
// are stable and read in the order events were reported.
func docOrderKey(d *model.Document) string {
	date := "9999"
	if d.Published != nil {
		date = *d.Published
	}
	return date + "\x00" + d.Source + "\x00" + d.ID
}

// storyOf builds the story record: its title is the earliest titled
// document's title, else the opening words of the earliest document's
// first sentence; From and To bound the documents' reference dates.
func storyOf(id string, docs []*model.Annotated) model.Story {
	s := model.Story{ID: id, Documents: make([]string, 0, len(docs))}
	for _, a := range docs {
		s.Documents = append(s.Documents, a.Doc.ID)
		if s.Title == "" && a.Doc.Title != nil {
			s.Title = *a.Doc.Title
		}
		if date := a.Reference.Date; date != "" {
			if s.From == nil || date < *s.From {
				s.From = model.Str(date)
			}
			if s.To == nil || date > *s.To {
				s.To = model.Str(date)
			}
		}
	}
	if s.Title == "" && len(docs) > 0 {
		s.Title = openingWords(docs[0].Doc)
	}
	if s.Title == "" {
		s.Title = "Untitled story"
	}
	return s
}

// storyTitleWords bounds a title made from a document's opening words.
const storyTitleWords = 12

// openingWords returns the first sentence of doc, cut to storyTitleWords
// words with an ellipsis: a document with no headline is still named by
// what it says.
func openingWords(doc *model.Document) string {
	text := doc.Text
	if len(doc.Sentences) > 0 {
		if r := doc.Sentences[0]; r.Start >= 0 && r.End <= len(text) && r.Start < r.End {
			text = text[r.Start:r.End]
		}
	}
	if i := strings.IndexByte(strings.TrimSpace(text), '\n'); i > 0 {
		text = strings.TrimSpace(text)[:i]
	}
	words := strings.Fields(text)
	if len(words) > storyTitleWords {
		return strings.Join(words[:storyTitleWords], " ") + " …"
	}
	return strings.Join(words, " ")
}
