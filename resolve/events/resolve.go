package events

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/model"
)

// Resolver holds what event coreference loads once: the trained model, the
// word clusters and the lexicon. It is safe for concurrent use.
type Resolver struct {
	model    *trainedModel
	clusters *wordclusters.Clusters
	lex      *lexicon
	// parse parses one sentence's tokens; nil reads arguments from the
	// whole sentence.
	parse func([]model.Token) []model.Word
}

// Load returns a Resolver with the embedded model, word clusters and
// dependency parser.
func Load() (*Resolver, error) {
	syn, err := syntax.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	r, err := LoadModel()
	if err != nil {
		return nil, err
	}
	return r.WithSyntax(syn), nil
}

// WithSyntax returns a copy of r that reads heads, lemmas and arguments
// from the dependency parse: a document's own (model.Annotated.Syntax)
// when it has one, else sentences parsed with m as needed. A nil m reads
// arguments from the whole sentence.
func (r *Resolver) WithSyntax(m *syntax.Model) *Resolver {
	if m == nil {
		return r.WithParse(nil)
	}
	return r.WithParse(m.ParseTokens)
}

// WithParse is WithSyntax with the parser given as a function, so that a
// caller can share one cache of parses between stages (the pipeline
// hands event coreference and fact comparison the same one: no sentence
// is parsed twice).
func (r *Resolver) WithParse(parse func([]model.Token) []model.Word) *Resolver {
	c := *r
	c.parse = parse
	return &c
}

// LoadModel returns a Resolver with the embedded model and word clusters and no
// parser (see WithParse), for callers that hold a parser already.
func LoadModel() (*Resolver, error) {
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return New(embeddedModel, cl)
}

// New returns a Resolver with a model file written by Train and the word
// clusters the model was trained with.
func New(modelFile []byte, cl *wordclusters.Clusters) (*Resolver, error) {
	m, err := readModel(modelFile)
	if err != nil {
		return nil, err
	}
	lx, err := parseLexicon(englishLexicon)
	if err != nil {
		return nil, fmt.Errorf("events: lexicon: %w", err)
	}
	return &Resolver{model: m, clusters: cl, lex: lx}, nil
}

// Options tunes Resolve and Cluster. The zero value means the defaults.
type Options struct {
	// Threshold is the mean pair probability two clusters need to merge;
	// 0 means the model's threshold, chosen on ECB+ dev topics. Higher
	// keeps more events apart.
	Threshold float64
	// Window is how many block neighbours each mention is compared with;
	// 0 means the model's (50).
	Window int
	// BackgroundDays is how many days apart two times must lie to be
	// clearly different: mentions anchored that far apart are never one
	// event, and an event anchored that far from the main event is a
	// background event; 0 means 7. Closer times may still be one event
	// told with different dates, which is for the fact comparison to flag.
	BackgroundDays int
	// MaxPairs bounds the candidate pairs of a story, about: when mentions
	// × Window would pass it, each mention is compared with fewer block
	// neighbours (MaxPairs / mentions, at least 5). 0 means no bound. A
	// story of a thousand reports has tens of thousands of mentions, and
	// the clustering's memory grows with the pairs.
	MaxPairs int
	// RecallDays is how far from the main event a value's own trigger
	// must be anchored for Distinct to read it as a value of an event the
	// story recalls when the other value's trigger has no firm time of
	// its own; 0 means 365. A story's own follow-ups come within weeks or
	// months; an earlier quake, trial or escape that a story recalls lies
	// years back.
	RecallDays int
}

func (o Options) backgroundDays() int {
	if o.BackgroundDays <= 0 {
		return 7
	}
	return o.BackgroundDays
}

func (o Options) recallDays() int {
	if o.RecallDays <= 0 {
		return 365
	}
	return o.RecallDays
}

// Result is the events of one story.
type Result struct {
	// Mentions are every event mention, by document then position; each
	// has its Event set.
	Mentions []model.EventMention
	// Events are the resolved events, the main event first, then by size.
	Events []model.EventInstance

	byID    map[string]int
	byDoc   map[string][]int // document → mention indices in position order
	mainIdx int              // index of the main event in Events, or -1
	pairs   int              // candidate pairs scored
	// firm holds each mention's own time when it is firm (absolute or
	// resolved against a publication date), else the zero interval.
	firm     []interval
	mainSpan interval // the main event's time, or its documents' period
	days     int      // Options.BackgroundDays in effect
	recall   int      // Options.RecallDays in effect
	// heads holds each mention's head word range (zero without a parse);
	// parses the documents' views, for reading a value's place in the parse.
	heads  []model.Range
	parses map[string]*docView
	parse  func([]model.Token) []model.Word
}

// Detect finds the event mentions of one document, with their heads,
// times, places and participants (entity IDs of its resolved mentions).
func (r *Resolver) Detect(ctx context.Context, doc *model.Annotated) ([]model.EventMention, error) {
	v, err := r.view(doc)
	if err != nil {
		return nil, err
	}
	ms, err := r.detect(ctx, v)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		r.describe(v, &ms[i], nil)
	}
	return ms, nil
}

// Resolve detects the event mentions of every document of a story and
// resolves them into events. docs should have been through
// resolve.Entities, so their entity mentions carry entity IDs; entities
// (may be nil) tells places from participants when a mention's type does
// not.
func (r *Resolver) Resolve(ctx context.Context, docs []*model.Annotated, entities []model.Entity, opts Options) (*Result, error) {
	views, err := r.views(docs)
	if err != nil {
		return nil, err
	}
	mentions := make([][]model.EventMention, len(docs))
	for i, v := range views {
		if mentions[i], err = r.detect(ctx, v); err != nil {
			return nil, err
		}
	}
	return r.cluster(ctx, views, mentions, entities, opts)
}

// views views a story's documents, which share one memo of their words.
func (r *Resolver) views(docs []*model.Annotated) ([]*docView, error) {
	views := make([]*docView, len(docs))
	words := wordMemo{}
	for i, d := range docs {
		v, err := r.viewWith(d, words)
		if err != nil {
			return nil, err
		}
		views[i] = v
	}
	return views, nil
}

// Cluster resolves given event mentions (mentions[i] belong to docs[i],
// e.g. from Detect or from gold annotation) into events. Only each
// mention's Span and Sentence are read; head, lemma, time and arguments
// are filled in from the document.
func (r *Resolver) Cluster(ctx context.Context, docs []*model.Annotated, mentions [][]model.EventMention, entities []model.Entity, opts Options) (*Result, error) {
	if len(mentions) != len(docs) {
		return nil, fmt.Errorf("events: %d mention lists for %d documents", len(mentions), len(docs))
	}
	views, err := r.views(docs)
	if err != nil {
		return nil, err
	}
	return r.cluster(ctx, views, mentions, entities, opts)
}

// cluster is Cluster on documents already viewed (Resolve views each
// document once, for detection and for clustering).
func (r *Resolver) cluster(ctx context.Context, views []*docView, mentions [][]model.EventMention, entities []model.Entity, opts Options) (*Result, error) {
	placeOf := map[string]bool{}
	for _, e := range entities {
		if e.Type == model.Place {
			placeOf[e.ID] = true
		}
	}
	s := &story{}
	for i, v := range views {
		d := v.a
		s.docs = append(s.docs, v)
		for j := range mentions[i] {
			m := mentions[i][j]
			if m.Start < 0 || m.End > len(d.Doc.Text) || m.Start >= m.End {
				return nil, fmt.Errorf("events: document %s: mention at %d-%d outside its text", d.Doc.ID, m.Start, m.End)
			}
			m.Doc = d.Doc.ID
			m.Text = d.Doc.Text[m.Start:m.End]
			m.Event = ""
			hr := r.describe(v, &m, placeOf)
			s.nodes = append(s.nodes, node{doc: i, m: &m, head: hr})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.prepare(s)
	labels, pairs, err := r.clusterStory(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	res := buildResult(s, labels, opts)
	res.pairs = pairs
	res.parses = map[string]*docView{}
	for _, v := range s.docs {
		res.parses[v.a.Doc.ID] = v
	}
	res.parse = r.parse
	return res, nil
}

// prepare fills each node's sentence, cluster path and time, and the
// story's vectors.
func (r *Resolver) prepare(s *story) {
	for i := range s.nodes {
		nd := &s.nodes[i]
		v := s.docs[nd.doc]
		nd.sent = sort.Search(len(v.sents), func(k int) bool { return v.sents[k].End > nd.m.Start })
		nd.cluster = r.clusters.Path(nd.m.Head)
		if nd.m.Time != nil {
			nd.time = parseInterval(nd.m.Time.Value)
			nd.firm = nd.time.known() && firmAnchor(nd.m.Time.Anchor)
		}
	}
	s.vectors()
}

// firmAnchor reports whether a time expression's value can be trusted
// enough to keep two events apart: an absolute date, or one resolved
// against the publication date or an earlier explicit date. A date
// resolved against a guessed reference is left to the pair model.
func firmAnchor(anchor string) bool {
	return anchor == "" || strings.HasPrefix(anchor, "published") || strings.HasPrefix(anchor, "previous date")
}

// clusterStory scores the candidate pairs and clusters them.
func (r *Resolver) clusterStory(ctx context.Context, s *story, opts Options) ([]int, int, error) {
	window := opts.Window
	if window <= 0 {
		window = r.model.Window
	}
	if window <= 0 {
		window = 50
	}
	if n := len(s.nodes); opts.MaxPairs > 0 && n > 0 && n*window > opts.MaxPairs {
		window = max(opts.MaxPairs/n, 5)
	}
	threshold := opts.Threshold
	if threshold <= 0 {
		threshold = r.model.Threshold
	}
	days := opts.backgroundDays()
	pairs := s.candidates(r.model.partners, window)
	edges := make([]edge, 0, len(pairs))
	var f [numFeatures]float64
	for k, pr := range pairs {
		if k%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		a, b := &s.nodes[pr[0]], &s.nodes[pr[1]]
		if a.firm && b.firm && gap(a.time, b.time) > days {
			edges = append(edges, edge{i: pr[0], j: pr[1], conflict: true})
			continue
		}
		s.features(pr[0], pr[1], r.model.Table, &f)
		// every scored pair counts in the means, however unlikely
		edges = append(edges, edge{i: pr[0], j: pr[1], p: probability(r.model.Pair, &f)})
	}
	labels, err := cluster(ctx, len(s.nodes), edges, threshold)
	return labels, len(pairs), err
}

// buildResult turns cluster labels into events with stable IDs and roles.
func buildResult(s *story, labels []int, opts Options) *Result {
	groups := map[int][]int{}
	var order []int
	for i, l := range labels {
		if _, ok := groups[l]; !ok {
			order = append(order, l)
		}
		groups[l] = append(groups[l], i)
	}
	res := &Result{byID: map[string]int{}, byDoc: map[string][]int{}, mainIdx: -1}
	type built struct {
		ev      model.EventInstance
		members []int
		span    interval
		nonRep  bool
		far     bool // anchored far from the dates of its own documents
		firm    int  // members with a firm time of their own
	}
	days := opts.backgroundDays()
	var evs []built
	for _, l := range order {
		members := groups[l]
		ev := model.EventInstance{}
		heads := map[string]int{}
		dates := map[string]int{}
		grans := map[string]model.Granularity{}
		docSeen := map[string]bool{}
		firm := 0
		var docTimes []interval
		nonRep := false
		var spanKeys []string
		for _, i := range members {
			nd := &s.nodes[i]
			m := nd.m
			heads[m.Head]++
			if m.Time != nil && nd.firm {
				firm++
				dates[m.Time.Value]++
				grans[m.Time.Value] = m.Time.Granularity
			}
			if !docSeen[m.Doc] {
				docSeen[m.Doc] = true
				ev.Docs = append(ev.Docs, m.Doc)
				if t := s.docTime[nd.doc]; t.known() && !s.docs[nd.doc].a.Reference.Inferred {
					docTimes = append(docTimes, t)
				}
			}
			if !m.Reporting {
				nonRep = true
			}
			ev.Mentions = append(ev.Mentions, m.Span)
			spanKeys = append(spanKeys, fmt.Sprintf("%s:%d-%d", m.Doc, m.Start, m.End))
		}
		ev.Label = mostCommon(heads)
		if d := mostCommon(dates); d != "" {
			ev.Date, ev.Granularity = d, grans[d]
		}
		sort.Strings(spanKeys)
		sum := sha256.Sum256([]byte(strings.Join(spanKeys, ",")))
		ev.ID = "evt_" + hex.EncodeToString(sum[:6])
		b := built{ev: ev, members: members, span: parseInterval(ev.Date), nonRep: nonRep, firm: firm}
		if b.span.known() && len(docTimes) > 0 {
			b.far = true
			for _, t := range docTimes {
				if gap(b.span, interval{t.from - days, t.to}) == 0 {
					b.far = false
				}
			}
		}
		evs = append(evs, b)
	}
	// The main event: of the events that are not reports and not anchored
	// far from their documents' dates, the one told by the most
	// documents, then with the most mentions.
	eligible := func(b built) bool { return b.nonRep && !b.far }
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if eligible(a) != eligible(b) {
			return eligible(a)
		}
		if len(a.ev.Docs) != len(b.ev.Docs) {
			return len(a.ev.Docs) > len(b.ev.Docs)
		}
		return len(a.members) > len(b.members)
	})
	var mainSpan interval
	if len(evs) > 0 && eligible(evs[0]) {
		res.mainIdx = 0
		evs[0].ev.Role = model.EventMain
		evs[0].ev.Reason = fmt.Sprintf("told by %d of %d documents", len(evs[0].ev.Docs), len(s.docs))
		mainSpan = evs[0].span
		if !mainSpan.known() {
			// no own date: the period the main event's documents were written
			for _, id := range evs[0].ev.Docs {
				for d, v := range s.docs {
					if v.a.Doc.ID == id && s.docTime[d].known() && !v.a.Reference.Inferred {
						t := s.docTime[d]
						if !mainSpan.known() {
							mainSpan = interval{t.from - days, t.to}
						} else {
							mainSpan = interval{min(mainSpan.from, t.from-days), max(mainSpan.to, t.to)}
						}
					}
				}
			}
		}
	}
	for k := range evs {
		if k == res.mainIdx {
			continue
		}
		e := &evs[k].ev
		e.Role = model.EventRelated
		switch {
		case 2*evs[k].firm < len(evs[k].members):
			// most mentions have no firm time: a few dated ones (an
			// earlier event the cluster wrongly took in) do not make the
			// rest background
		case evs[k].span.known() && mainSpan.known():
			if g := gap(evs[k].span, mainSpan); g > days {
				e.Role = model.EventBackground
				e.Reason = fmt.Sprintf("anchored at %s, %d days from the main event", e.Date, g)
			}
		case evs[k].far:
			e.Role = model.EventBackground
			e.Reason = fmt.Sprintf("anchored at %s, far from the dates of its documents", e.Date)
		}
	}
	for k, b := range evs {
		res.Events = append(res.Events, b.ev)
		res.byID[b.ev.ID] = k
		for _, i := range b.members {
			s.nodes[i].m.Event = b.ev.ID
		}
	}
	res.mainSpan, res.days, res.recall = mainSpan, days, opts.recallDays()
	for i := range s.nodes {
		res.Mentions = append(res.Mentions, *s.nodes[i].m)
		res.heads = append(res.heads, s.nodes[i].head)
		if s.nodes[i].firm {
			res.firm = append(res.firm, s.nodes[i].time)
		} else {
			res.firm = append(res.firm, interval{})
		}

	}
	for i, m := range res.Mentions {
		res.byDoc[m.Doc] = append(res.byDoc[m.Doc], i)
	}
	for _, idx := range res.byDoc {
		sort.SliceStable(idx, func(a, b int) bool { return res.Mentions[idx[a]].Start < res.Mentions[idx[b]].Start })
	}
	return res
}

// mostCommon returns the key with the highest count, the smallest on ties.
func mostCommon(counts map[string]int) string {
	best, n := "", 0
	for k, c := range counts {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

// Event returns the event with the given ID.
func (res *Result) Event(id string) (model.EventInstance, bool) {
	k, ok := res.byID[id]
	if !ok {
		return model.EventInstance{}, false
	}
	return res.Events[k], true
}

// Main returns the story's main event; ok is false when the story has no
// event other than reports.
func (res *Result) Main() (model.EventInstance, bool) {
	if res.mainIdx < 0 {
		return model.EventInstance{}, false
	}
	return res.Events[res.mainIdx], true
}

// Governing returns the event mention a value at span at of document doc
// belongs to: the nearest trigger in the value's sentence that is not a
// verb of saying (in "police said 12 died", 12 belongs to "died"). Until
// the dependency parse lands, nearness is counted in bytes, with a
// trigger before the value preferred on ties. ok is false when the
// sentence has no such trigger.
func (res *Result) Governing(doc string, at model.Range) (model.EventMention, bool) {
	i := res.governing(doc, at)
	if i < 0 {
		return model.EventMention{}, false
	}
	return res.Mentions[i], true
}

// governing is Governing's mention index, or -1. With a parse, it walks
// from the value's head word up the tree to the first word that heads a
// trigger that is not a verb of saying; else, or when the walk finds none,
// it takes the nearest such trigger of the sentence.
func (res *Result) governing(doc string, at model.Range) int {
	if v := res.parses[doc]; v != nil {
		si, ok := sentenceIndex(v.sents, at.Start)
		if ws := v.parse(si, res.parse); ok && ws != nil {
			byHead := map[model.Range]int{}
			for _, i := range res.byDoc[doc] {
				if h := res.heads[i]; h != (model.Range{}) && !res.Mentions[i].Reporting && res.Mentions[i].Sentence.Contains(at) {
					byHead[h] = i
				}
			}
			k := headIn(ws, at)
			for steps := 0; k >= 0 && steps <= len(ws); steps++ {
				if i, ok := byHead[model.Range{Start: ws[k].Start, End: ws[k].End}]; ok {
					return i
				}
				k = ws[k].Head
			}
		}
	}
	best, bestDist := -1, 0
	for _, i := range res.byDoc[doc] {
		m := &res.Mentions[i]
		if m.Reporting || !m.Sentence.Contains(at) {
			continue
		}
		d := at.Start - m.End // trigger before the value
		if m.Start >= at.End {
			d = m.Start - at.End + 1 // after: one byte worse on ties
		}
		if d < 0 {
			d = 0
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// EventAt returns the event that the value at span at of document doc
// belongs to (the event of its Governing trigger).
func (res *Result) EventAt(doc string, at model.Range) (model.EventInstance, bool) {
	m, ok := res.Governing(doc, at)
	if !ok {
		return model.EventInstance{}, false
	}
	return res.Event(m.Event)
}

// Same reports whether two values, each given by document and span,
// belong to the same event. It is false when either has no event.
func (res *Result) Same(docA string, a model.Range, docB string, b model.Range) bool {
	ea, ok1 := res.EventAt(docA, a)
	eb, ok2 := res.EventAt(docB, b)
	return ok1 && ok2 && ea.ID == eb.ID
}

// Background reports whether the value at span at of document doc belongs
// to a background event: its trigger's own firm time (absolute, or
// resolved against the publication date) lies more than BackgroundDays
// from the main event; or, when the trigger has no firm time, its event
// is a background event. A value with no trigger is not background.
func (res *Result) Background(doc string, at model.Range) bool {
	i := res.governing(doc, at)
	if i < 0 {
		return false
	}
	if t := res.ownTime(i, at); t.known() && res.mainSpan.known() {
		return gap(t, res.mainSpan) > res.days
	}
	ev, ok := res.Event(res.Mentions[i].Event)
	return ok && ev.Role == model.EventBackground
}

// Distinct reports whether two values clearly belong to different events,
// which is the evidence a fact comparison can act on without risking a
// false dispute: their triggers are anchored at firm times more than
// BackgroundDays apart, or, when only one or neither is, one value is
// Recalled and the other is not. A trigger's time that is the value itself
// is no evidence (two dates given for one arrest are the disagreement to
// show). Values whose events are merely not known to be the same are not
// Distinct (use Same for the stricter question).
func (res *Result) Distinct(docA string, a model.Range, docB string, b model.Range) bool {
	i, j := res.governing(docA, a), res.governing(docB, b)
	if i < 0 || j < 0 {
		return false
	}
	if ti, tj := res.ownTime(i, a), res.ownTime(j, b); ti.known() && tj.known() {
		return gap(ti, tj) > res.days
	}
	return res.recalled(i, a) != res.recalled(j, b)
}

// Recalled reports whether the value at span at of document doc belongs to
// an event the story recalls: its trigger's own firm time (not the value
// itself) lies more than Options.RecallDays from the main event. It reads
// the trigger's own time only, never its cluster's role: clusters gather
// mentions of several events, and a story's follow-ups weeks after the
// main event are not background.
func (res *Result) Recalled(doc string, at model.Range) bool {
	return res.recalled(res.governing(doc, at), at)
}

// RecalledDate is the time of the recalled event value at belongs to (see
// Recalled) as an ISO value ("2004-12-26"), or "".
func (res *Result) RecalledDate(doc string, at model.Range) string {
	i := res.governing(doc, at)
	if !res.recalled(i, at) {
		return ""
	}
	return res.Mentions[i].Time.Value
}

func (res *Result) recalled(i int, at model.Range) bool {
	if i < 0 {
		return false
	}
	t := res.ownTime(i, at)
	return t.known() && res.mainSpan.known() && gap(t, res.mainSpan) > res.recall
}

// ownTime is the firm time of mention i as evidence about the value at
// span at: none when that time is the value itself. Two dates given for
// one arrest ("on 5 March" / "on 20 March") anchor their triggers apart,
// but that is the disagreement to show, not evidence of two arrests.
func (res *Result) ownTime(i int, at model.Range) interval {
	if tx := res.Mentions[i].Time; tx != nil && tx.Range().Overlaps(at) {
		return interval{}
	}
	return res.firm[i]
}
