// Package eval measures story clustering on ECB+: each topic holds two
// different but similar events (the "ecb" and "ecbplus" documents, e.g. two
// earthquakes), and each is one gold story.
//
// In: the ECB+ docs folder. Out: a Report with B³, pairwise, purity and
// adjusted Rand figures for the whole corpus as one pile (streamed one
// document at a time in shuffled order, and all at once), for the tuning
// topics (1–25) and the test topics (36–45) as piles of their own, and
// within each topic alone (the hard case: two similar events), next to a
// TF-IDF baseline; plus speed and memory.
package eval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/compare/eval"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/stories"
)

// Options configures Run.
type Options struct {
	// Corpus is the ECB+ docs folder (default ../shared/corpora/ecbplus/docs).
	Corpus string
	// Clustering is the configuration measured (default stories.DefaultOptions).
	Clustering *stories.Options
	// BaselineThreshold is the TF-IDF baseline's threshold (default 0.25,
	// its best on the tuning topics).
	BaselineThreshold float64
	// Seed shuffles the streaming order.
	Seed uint64
}

// Tuning topics are the training and development topics (1–25); test
// topics are never tuned on.
var (
	TuneTopics = append(append([]int{}, ecbplus.TrainTopics...), ecbplus.DevTopics...)
	TestTopics = ecbplus.TestTopics
)

// Doc is one ECB+ document ready to cluster.
type Doc struct {
	ID       string
	Topic    int
	Subtopic string // "ecb" or "ecbplus"
	Profile  *stories.Profile
	Bytes    int
}

// Gold is the document's gold story: topic and sub-topic.
func (d Doc) Gold() string { return strconv.Itoa(d.Topic) + d.Subtopic }

// Row is one clustering run's scores.
type Row struct {
	Set    string         `json:"set"`    // "all 43 topics", "tuning topics 1–25", "test topics 36–45"
	System string         `json:"system"` // "stories, streaming" …
	Level  string         `json:"level"`  // "sub-topic" or "topic"
	Scores stories.Scores `json:"scores"`
}

// Report is every figure Run prints.
type Report struct {
	Documents int   `json:"documents"`
	Topics    int   `json:"topics"`
	Rows      []Row `json:"rows"`
	// Within-topic rows cluster each topic's documents alone, scored over
	// all documents at once (micro-averaged).
	Within []Row `json:"within_topic"`
	// Documents per CPU second of clustering the whole pile, streaming,
	// after the annotation the pipeline does anyway.
	ClusterDocsPerSecond float64 `json:"cluster_docs_per_second"`
	// Documents per CPU second of annotation for clustering (tokens,
	// entities, dates) plus clustering, from the corpus files.
	EndToEndDocsPerSecond float64 `json:"end_to_end_docs_per_second"`
	PeakHeapMB            float64 `json:"peak_heap_mb"`
	PeakRSSMB             float64 `json:"peak_rss_mb"`
}

// Load reads and annotates every document of the given topics (nil: every
// topic in the folder).
func Load(ctx context.Context, dir string, topics []int) ([]Doc, error) {
	edocs, err := ecbplus.ReadTopics(dir, topics)
	if err != nil {
		return nil, err
	}
	tagger, err := entities.Load()
	if err != nil {
		return nil, err
	}
	docs := make([]Doc, 0, len(edocs))
	for _, ed := range edocs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := annotate(ctx, tagger, ed)
		if err != nil {
			return nil, err
		}
		docs = append(docs, Doc{ID: ed.Name, Topic: ed.Topic, Subtopic: ed.Subtopic,
			Profile: stories.Extract(a), Bytes: len(a.Doc.Text)})
	}
	return docs, nil
}

// annotate rebuilds a document's text and runs what clustering reads. The
// first line of an ECB+ document is its web address when it has one; it is
// dropped, as a fetched page keeps its address as provenance, not text
// (and the address would give away which of a topic's two events it is).
func annotate(ctx context.Context, tagger *entities.Tagger, ed *ecbplus.Document) (*model.Annotated, error) {
	trimmed := *ed
	if len(ed.Tokens) > 0 && strings.HasPrefix(ed.Tokens[0].Text, "http") {
		trimmed.Tokens = nil
		for _, t := range ed.Tokens {
			if t.Sentence != ed.Tokens[0].Sentence {
				trimmed.Tokens = append(trimmed.Tokens, t)
			}
		}
	}
	doc := eval.ECBDocument(&trimmed)
	doc.Sentences = tokenize.Sentences(doc.Text)
	if len(doc.Sentences) > 0 {
		doc.Title = model.Str(doc.Text[doc.Sentences[0].Start:doc.Sentences[0].End])
	}
	mentions, err := tagger.Tag(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ed.Name, err)
	}
	a := &model.Annotated{Doc: doc, Mentions: mentions, Reference: timex.Reference(doc)}
	a.Timexes = timex.Extract(doc, a.Reference)
	return a, nil
}

// Stream clusters docs one at a time in the order given, as they would
// arrive, and returns each document's story.
func Stream(docs []Doc, opts stories.Options) map[string]string {
	c := stories.New(opts, nil)
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		id, _ := c.Assign(d.ID, d.Profile)
		out[d.ID] = id
	}
	// A document's story may have been merged away: read the final one.
	for d := range out {
		out[d], _ = c.StoryOf(d)
	}
	return out
}

// Batch clusters docs known all at once: document frequencies from the
// whole pile first, one pass in the order given, then a second pass that
// places each document again.
func Batch(docs []Doc, opts stories.Options) map[string]string {
	c := stories.New(opts, nil)
	for _, d := range docs {
		c.Observe(d.Profile)
	}
	for _, d := range docs {
		c.Reassign(d.ID, d.Profile)
	}
	for _, d := range docs {
		c.Reassign(d.ID, d.Profile)
	}
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		out[d.ID], _ = c.StoryOf(d.ID)
	}
	return out
}

// Gold maps each document to its gold story at a level: "sub-topic" or
// "topic".
func Gold(docs []Doc, level string) map[string]string {
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		if level == "topic" {
			out[d.ID] = strconv.Itoa(d.Topic)
		} else {
			out[d.ID] = d.Gold()
		}
	}
	return out
}

// Shuffled returns a copy of docs in a random order fixed by seed.
func Shuffled(docs []Doc, seed uint64) []Doc {
	out := append([]Doc(nil), docs...)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Subset keeps the documents of the given topics.
func Subset(docs []Doc, topics []int) []Doc {
	want := map[int]bool{}
	for _, t := range topics {
		want[t] = true
	}
	var out []Doc
	for _, d := range docs {
		if want[d.Topic] {
			out = append(out, d)
		}
	}
	return out
}

// WithinTopics clusters each topic's documents alone (streaming, shuffled)
// and returns the joined assignment; story IDs are prefixed by topic so
// they never meet across topics.
func WithinTopics(docs []Doc, opts stories.Options, seed uint64) map[string]string {
	byTopic := map[int][]Doc{}
	for _, d := range docs {
		byTopic[d.Topic] = append(byTopic[d.Topic], d)
	}
	out := map[string]string{}
	for t, ds := range byTopic {
		sort.Slice(ds, func(i, j int) bool { return ds[i].ID < ds[j].ID }) // the same order whatever the pile's
		for d, s := range Stream(Shuffled(ds, seed), opts) {
			out[d] = strconv.Itoa(t) + "/" + s
		}
	}
	return out
}

// Run loads the corpus and measures.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Corpus == "" {
		opts.Corpus = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	cl := stories.DefaultOptions()
	if opts.Clustering != nil {
		cl = *opts.Clustering
	}
	if opts.BaselineThreshold == 0 {
		opts.BaselineThreshold = 0.25
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	stopHeap := measure.WatchHeap(50 * time.Millisecond)
	cpu0 := measure.CPUTime()
	docs, err := Load(ctx, opts.Corpus, nil)
	if err != nil {
		stopHeap()
		return nil, err
	}
	rep := &Report{Documents: len(docs)}
	topics := map[int]bool{}
	for _, d := range docs {
		topics[d.Topic] = true
	}
	rep.Topics = len(topics)

	shuffled := Shuffled(docs, opts.Seed)
	cpu1 := measure.CPUTime()
	streamed := Stream(shuffled, cl)
	cpu2 := measure.CPUTime()
	rep.ClusterDocsPerSecond = float64(len(docs)) / (cpu2 - cpu1).Seconds()
	rep.EndToEndDocsPerSecond = float64(len(docs)) / (cpu2 - cpu0).Seconds()

	sets := []struct {
		name   string
		topics []int
	}{{fmt.Sprintf("all %d topics", len(topics)), nil}, {"tuning topics 1–25", TuneTopics}, {"test topics 36–45", TestTopics}}
	base := stories.TermsOnly(opts.BaselineThreshold)
	for _, set := range sets {
		ds := shuffled
		if set.topics != nil {
			ds = Shuffled(Subset(docs, set.topics), opts.Seed)
		}
		runs := []struct {
			system string
			assign map[string]string
		}{
			{"stories, streaming", Stream(ds, cl)},
			{"stories, all at once", Batch(ds, cl)},
			{"baseline TF-IDF, streaming", Stream(ds, base)},
		}
		if set.topics == nil {
			runs[0].assign = streamed
		}
		for _, level := range []string{"sub-topic", "topic"} {
			gold := Gold(ds, level)
			for _, r := range runs {
				rep.Rows = append(rep.Rows, Row{Set: set.name, System: r.system, Level: level, Scores: stories.Score(gold, r.assign)})
			}
		}
		within := []struct {
			system string
			opts   stories.Options
		}{{"stories, streaming", cl}, {"baseline TF-IDF, streaming", base}}
		for _, w := range within {
			rep.Within = append(rep.Within, Row{Set: set.name, System: w.system, Level: "sub-topic",
				Scores: stories.Score(Gold(ds, "sub-topic"), WithinTopics(ds, w.opts, opts.Seed))})
		}
	}
	rep.PeakHeapMB = float64(stopHeap()) / 1e6
	rep.PeakRSSMB = float64(measure.PeakRSS()) / 1e6
	return rep, nil
}

// Find returns the row of a set, system and level, or nil.
func (rep *Report) Find(rows []Row, set, system, level string) *stories.Scores {
	for i := range rows {
		if rows[i].Set == set && rows[i].System == system && rows[i].Level == level {
			return &rows[i].Scores
		}
	}
	return nil
}

// Print writes the report as text.
func (rep *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "ECB+ story clustering: %d documents, %d topics, two gold stories (sub-topics) per topic\n", rep.Documents, rep.Topics)
	header := func(title string) {
		fmt.Fprintf(w, "\n%s\n%-22s %-28s %-9s %6s %6s %6s  %6s %6s %6s  %6s %6s %8s\n", title,
			"set", "system", "level", "B3 P", "R", "F1", "pair P", "R", "F1", "purity", "ARI", "stories")
	}
	row := func(r Row) {
		s := r.Scores
		fmt.Fprintf(w, "%-22s %-28s %-9s %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %6.3f %6.3f %4d/%-3d\n",
			r.Set, r.System, r.Level, s.B3.Precision, s.B3.Recall, s.B3.F1,
			s.Pairwise.Precision, s.Pairwise.Recall, s.Pairwise.F1, s.Purity, s.ARI, s.Response, s.Gold)
	}
	header("(a) the corpus as one pile")
	for _, r := range rep.Rows {
		row(r)
	}
	header("(b) within each topic alone: two similar events (scored over all documents of the set)")
	for _, r := range rep.Within {
		row(r)
	}
	fmt.Fprintf(w, "\nspeed per CPU second: clustering %.0f docs/s (streaming, after annotation); reading + annotation for clustering + clustering %.0f docs/s\n",
		rep.ClusterDocsPerSecond, rep.EndToEndDocsPerSecond)
	fmt.Fprintf(w, "memory: peak Go heap %.0f MB, peak RSS %.0f MB (tagger and corpus loaded)\n", rep.PeakHeapMB, rep.PeakRSSMB)
}
