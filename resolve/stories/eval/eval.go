// Package eval measures story clustering on ECB+: each topic holds two
// different but similar events (the "ecb" and "ecbplus" documents, e.g. two
// earthquakes), and each is one gold story.
//
// In: the ECB+ docs folder. Out: a Report with B³, pairwise, purity and
// adjusted Rand figures against the gold sub-topics and the gold topics
// for the whole corpus as one pile (streamed one document at a time in
// shuffled order, and all at once), scored on every topic, on the topics
// the model was fitted on (1–25) and on the held-out ones (26–45); for the
// ECB+ test topics (36–45) as a pile of their own; and within each topic
// alone (the hard case: two similar events), next to a TF-IDF baseline;
// plus speed and memory.
package eval

import (
	"context"
	"fmt"
	"io"
	"math"
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
	// FiguresOnly measures only what Figures reads: no baseline and no
	// pile of the test topics alone (for the recorded-figures test).
	FiguresOnly bool
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
	Set    string         `json:"set"`    // "all 43 topics", "fitted topics 1–25", "held-out 26–45", "test 36–45, own pile"
	System string         `json:"system"` // "stories, streaming" …
	Level  string         `json:"level"`  // "sub-topic" or "topic"
	Scores stories.Scores `json:"scores"`
}

// Report is every figure Run prints.
type Report struct {
	Documents int `json:"documents"`
	Topics    int `json:"topics"`
	// HeldOutTopics were not used for fitting: every topic but 1–25.
	HeldOutTopics []int `json:"held_out_topics"`
	Rows          []Row `json:"rows"`
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

// Clustering is each document's story and its story's topic (the group
// of related stories).
type Clustering struct {
	Story map[string]string
	Topic map[string]string
}

// result reads a finished clusterer's stories and topics for docs.
func result(c *stories.Clusterer, docs []Doc) Clustering {
	out := Clustering{Story: make(map[string]string, len(docs)), Topic: make(map[string]string, len(docs))}
	for _, d := range docs {
		// A document's story may have been merged away: read the final one.
		s, _ := c.StoryOf(d.ID)
		out.Story[d.ID] = s
		out.Topic[d.ID], _ = c.TopicOf(s)
	}
	return out
}

// Stream clusters docs one at a time in the order given, as they would
// arrive, one run each: each is placed, then its story is clustered again
// when it is small (Clusterer.Revisit), as the pipeline does.
func Stream(docs []Doc, opts stories.Options) Clustering {
	c := stories.New(opts, nil)
	profiles := profilesOf(docs)
	for _, d := range docs {
		id, _ := c.Assign(d.ID, d.Profile)
		_, _ = c.Revisit(id, profiles) // a map lookup never fails
	}
	return result(c, docs)
}

// profilesOf serves the profiles of docs, as a store would.
func profilesOf(docs []Doc) stories.ProfileSource {
	byID := make(map[string]*stories.Profile, len(docs))
	for _, d := range docs {
		byID[d.ID] = d.Profile
	}
	return func(ids []string) (map[string]*stories.Profile, error) {
		out := make(map[string]*stories.Profile, len(ids))
		for _, id := range ids {
			out[id] = byID[id]
		}
		return out, nil
	}
}

// Batch clusters docs known all at once (Clusterer.AssignAll): document
// frequencies from the whole pile first, one pass in the order given, then
// a second pass that places each document again. (A story all of whose
// documents came in one run is not revisited: the second pass did that.)
func Batch(docs []Doc, opts stories.Options) Clustering {
	c := stories.New(opts, nil)
	ids := make([]string, len(docs))
	profiles := make([]*stories.Profile, len(docs))
	for i, d := range docs {
		ids[i], profiles[i] = d.ID, d.Profile
	}
	c.AssignAll(ids, profiles)
	return result(c, docs)
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

// WithinTopics clusters each topic's documents alone (shuffled; streamed,
// or all at once with batch set) and returns the joined story assignment;
// story IDs are prefixed by topic so they never meet across topics.
func WithinTopics(docs []Doc, opts stories.Options, seed uint64, batch bool) map[string]string {
	byTopic := map[int][]Doc{}
	for _, d := range docs {
		byTopic[d.Topic] = append(byTopic[d.Topic], d)
	}
	out := map[string]string{}
	for t, ds := range byTopic {
		sort.Slice(ds, func(i, j int) bool { return ds[i].ID < ds[j].ID }) // the same order whatever the pile's
		cluster := Stream
		if batch {
			cluster = Batch
		}
		for d, s := range cluster(Shuffled(ds, seed), opts).Story {
			out[d] = strconv.Itoa(t) + "/" + s
		}
	}
	return out
}

// HeldOut returns the topics of docs not used for fitting (every topic
// but 1–25), in order.
func HeldOut(docs []Doc) []int {
	tuned := map[int]bool{}
	for _, t := range TuneTopics {
		tuned[t] = true
	}
	seen := map[int]bool{}
	var out []int
	for _, d := range docs {
		if !tuned[d.Topic] && !seen[d.Topic] {
			seen[d.Topic] = true
			out = append(out, d.Topic)
		}
	}
	sort.Ints(out)
	return out
}

// Systems measured, by the names rows carry.
const (
	Streaming = "stories, streaming"
	AllAtOnce = "stories, all at once"
	Baseline  = "baseline TF-IDF, streaming"
)

// Levels scored: the gold sub-topics (one event each) and the gold topics
// (two similar events each).
var Levels = []string{"sub-topic", "topic"}

// Measure clusters loaded docs and scores them: the whole pile streamed in
// a shuffled order, all at once, and by the baseline, each scored on every
// topic, on the topics used for fitting and on the held-out ones; the
// ECB+ test topics (36–45) as a pile of their own; and each topic alone.
func Measure(docs []Doc, opts Options) *Report {
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
	base := stories.TermsOnly(opts.BaselineThreshold)
	rep := &Report{Documents: len(docs)}
	topics := map[int]bool{}
	for _, d := range docs {
		topics[d.Topic] = true
	}
	rep.Topics = len(topics)
	held := HeldOut(docs)
	rep.HeldOutTopics = held

	type run struct {
		system string
		got    Clustering
	}
	score := func(rows *[]Row, set string, ds []Doc, runs []run) {
		for _, level := range Levels {
			gold := Gold(ds, level)
			for _, r := range runs {
				got := r.got.Story
				if level == "topic" {
					got = r.got.Topic
				}
				*rows = append(*rows, Row{Set: set, System: r.system, Level: level, Scores: stories.Score(gold, got)})
			}
		}
	}
	shuffled := Shuffled(docs, opts.Seed)
	pile := []run{{Streaming, Stream(shuffled, cl)}, {AllAtOnce, Batch(shuffled, cl)}}
	within := WithinTopics(docs, cl, opts.Seed, false)
	withinBatch := WithinTopics(docs, cl, opts.Seed, true)
	var withinBase map[string]string
	if !opts.FiguresOnly {
		pile = append(pile, run{Baseline, Stream(shuffled, base)})
		withinBase = WithinTopics(docs, base, opts.Seed, false)
	}
	sets := []struct {
		name string
		docs []Doc
	}{
		{SetAll(len(topics)), docs},
		{SetFitted, Subset(docs, TuneTopics)},
		{SetHeldOut(held), Subset(docs, held)},
	}
	for _, set := range sets {
		score(&rep.Rows, set.name, set.docs, pile)
		gold := Gold(set.docs, "sub-topic")
		rep.Within = append(rep.Within, Row{Set: set.name, System: Streaming, Level: "sub-topic", Scores: stories.Score(gold, within)},
			Row{Set: set.name, System: AllAtOnce, Level: "sub-topic", Scores: stories.Score(gold, withinBatch)})
		if withinBase != nil {
			rep.Within = append(rep.Within, Row{Set: set.name, System: Baseline, Level: "sub-topic", Scores: stories.Score(gold, withinBase)})
		}
	}
	if test := Subset(docs, TestTopics); len(test) > 0 && !opts.FiguresOnly {
		ds := Shuffled(test, opts.Seed)
		score(&rep.Rows, SetTestAlone, ds, []run{{Streaming, Stream(ds, cl)}, {AllAtOnce, Batch(ds, cl)}, {Baseline, Stream(ds, base)}})
	}
	return rep
}

// Names of the sets of topics scored.
const (
	SetFitted    = "fitted topics 1–25"
	SetTestAlone = "test 36–45, own pile"
)

// SetAll names every topic of the pile.
func SetAll(topics int) string { return fmt.Sprintf("all %d topics", topics) }

// SetHeldOut names the held-out topics.
func SetHeldOut(topics []int) string {
	if len(topics) == 0 {
		return "held-out topics (none)"
	}
	return fmt.Sprintf("held-out %d–%d", topics[0], topics[len(topics)-1])
}

// Run loads the corpus and measures quality, speed and memory.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Corpus == "" {
		opts.Corpus = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	cl := stories.DefaultOptions()
	if opts.Clustering != nil {
		cl = *opts.Clustering
	}
	stopHeap := measure.WatchHeap(50 * time.Millisecond)
	cpu0 := measure.CPUTime()
	docs, err := Load(ctx, opts.Corpus, nil)
	if err != nil {
		stopHeap()
		return nil, err
	}
	cpu1 := measure.CPUTime()
	Stream(Shuffled(docs, opts.Seed), cl)
	cpu2 := measure.CPUTime()
	rep := Measure(docs, opts)
	rep.ClusterDocsPerSecond = float64(len(docs)) / (cpu2 - cpu1).Seconds()
	rep.EndToEndDocsPerSecond = float64(len(docs)) / (cpu2 - cpu0).Seconds()
	rep.PeakHeapMB = float64(stopHeap()) / 1e6
	rep.PeakRSSMB = float64(measure.PeakRSS()) / 1e6
	return rep, nil
}

// Find returns the row of a set, system and level, or nil.
func Find(rows []Row, set, system, level string) *stories.Scores {
	for i := range rows {
		if rows[i].Set == set && rows[i].System == system && rows[i].Level == level {
			return &rows[i].Scores
		}
	}
	return nil
}

// Figures are the recorded figures: B³ F1 and adjusted Rand index of the
// whole pile, streamed and all at once, at both levels, on every topic
// and on the held-out ones, and B³ F1 within each held-out topic. Keys
// read "set/level/system/measure" with short names.
func (rep *Report) Figures() map[string]float64 {
	out := map[string]float64{}
	sets := map[string]string{SetAll(rep.Topics): "all", SetHeldOut(rep.HeldOutTopics): "held-out"}
	systems := map[string]string{Streaming: "streaming", AllAtOnce: "all-at-once"}
	for _, r := range rep.Rows {
		set, sys := sets[r.Set], systems[r.System]
		if set == "" || sys == "" {
			continue
		}
		k := set + "/" + r.Level + "/" + sys + "/"
		out[k+"b3_f1"] = round(r.Scores.B3.F1)
		out[k+"ari"] = round(r.Scores.ARI)
	}
	for _, r := range rep.Within {
		if set, sys := sets[r.Set], systems[r.System]; set != "" && sys != "" {
			out[set+"/within-topic/"+sys+"/b3_f1"] = round(r.Scores.B3.F1)
		}
	}
	return out
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Print writes the report as text.
func (rep *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "ECB+ story clustering: %d documents, %d topics, two gold stories (sub-topics) per topic; model fitted on topics 1–25, held out: %s\n",
		rep.Documents, rep.Topics, SetHeldOut(rep.HeldOutTopics))
	header := func(title string) {
		fmt.Fprintf(w, "\n%s\n%-22s %-28s %-9s %6s %6s %6s  %6s %6s %6s  %6s %6s %8s\n", title,
			"set", "system", "level", "B3 P", "R", "F1", "pair P", "R", "F1", "purity", "ARI", "clusters")
	}
	row := func(r Row) {
		s := r.Scores
		fmt.Fprintf(w, "%-22s %-28s %-9s %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %6.3f %6.3f %4d/%-3d\n",
			r.Set, r.System, r.Level, s.B3.Precision, s.B3.Recall, s.B3.F1,
			s.Pairwise.Precision, s.Pairwise.Recall, s.Pairwise.F1, s.Purity, s.ARI, s.Response, s.Gold)
	}
	header("(a) the corpus as one pile (subsets scored on the one clustering), and the test topics as a pile of their own")
	for _, r := range rep.Rows {
		row(r)
	}
	header("(b) within each topic alone: two similar events (scored over all documents of the set)")
	for _, r := range rep.Within {
		row(r)
	}
	fmt.Fprintln(w, "\ntargets (issue 15): sub-topic B³ F1 ≥ 0.85, topic B³ F1 ≥ 0.95, streaming within 0.03 of all at once")
	for _, set := range []string{SetAll(rep.Topics), SetHeldOut(rep.HeldOutTopics)} {
		for _, t := range []struct {
			level string
			min   float64
		}{{"sub-topic", 0.85}, {"topic", 0.95}} {
			st, all := Find(rep.Rows, set, Streaming, t.level), Find(rep.Rows, set, AllAtOnce, t.level)
			if st == nil || all == nil {
				continue
			}
			fmt.Fprintf(w, "  %-16s %-9s streaming %.3f (%s), all at once %.3f (%s), apart %.3f (%s)\n", set, t.level,
				st.B3.F1, met(st.B3.F1 >= t.min), all.B3.F1, met(all.B3.F1 >= t.min),
				math.Abs(st.B3.F1-all.B3.F1), met(math.Abs(st.B3.F1-all.B3.F1) <= 0.03))
		}
	}
	fmt.Fprintf(w, "\nspeed per CPU second: clustering %.0f docs/s (streaming, after annotation); reading + annotation for clustering + clustering %.0f docs/s\n",
		rep.ClusterDocsPerSecond, rep.EndToEndDocsPerSecond)
	fmt.Fprintf(w, "memory: peak Go heap %.0f MB, peak RSS %.0f MB (tagger and corpus loaded)\n", rep.PeakHeapMB, rep.PeakRSSMB)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "missed"
}
