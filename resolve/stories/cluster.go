package stories

import (
	"fmt"
	"math"
	"sort"
)

// Options tunes clustering. The zero value means the defaults, whose
// model was fitted on the ECB+ training and development topics (1–25) by
// "parallax eval stories -fit"; see docs/stories.md.
type Options struct {
	// Model scores a document against a story from the channels' cosines.
	Model Model
	// Threshold is the least score at which a document joins a story
	// rather than starting a new one.
	Threshold float64
	// MergeThreshold is the least score between two stories at which they
	// are merged, checked for the story a document just joined: one event
	// reported first in two unconnected ways becomes one story once a
	// document links them. 0 means never.
	MergeThreshold float64
	// PriorDocs is a number of imagined documents, none of which has the
	// feature, added to the count when weighing features by rarity: a word
	// in every document of a small store is still a rare word in the news,
	// so its weight must not drop to nothing.
	PriorDocs int
	// BlockFeatures is how many of a document's rarest features per channel
	// look up candidate stories (and index the story it joins).
	BlockFeatures int
	// MaxPostings skips a feature shared by more stories than this when
	// looking up candidates: it is too common to block on.
	MaxPostings int
	// MaxCandidates is how many candidate stories are scored at most.
	MaxCandidates int
	// TopicModel scores a document against a topic (a group of related
	// stories: two earthquakes, two rehab stays) from the same inputs,
	// taken against the topic's summed profile.
	TopicModel Model
	// TopicThreshold is the least TopicModel score at which a new story
	// joins the best topic rather than starting a topic of its own. 0
	// means every story is its own topic.
	TopicThreshold float64
	// RegroupModel scores a story's whole profile against another topic:
	// whether the story is another event of the same kind as the topic's
	// (the same kind of words, people and places, other days). Its zero
	// value means TopicModel.
	RegroupModel Model
	// RegroupThreshold is the least RegroupModel score at which a story
	// alone in its topic moves to another topic as it grows. 0 means
	// never.
	RegroupThreshold float64
	// Revisit is the largest story Clusterer.Revisit clusters again when
	// a new document joins it: streamed, the first reports of two similar
	// events can make one story before the reports that tell them apart
	// arrive. 0 means never.
	Revisit int
}

// Model is a logistic model of "this document reports this story's
// event": the score is σ(Bias + Σ Cosine[c]·cos_c + Σ Shared[c]·both_c +
// YearApart·apart), where cos_c is channel c's TF-IDF cosine between the
// document and the story's summed profile, both_c is 1 when both sides
// have features in channel c (so that a place named on both sides and not
// shared counts against), and apart is the share of the story's documents
// published more than a year from this one. With Baseline set, the score
// is the terms cosine alone.
type Model struct {
	Bias   float64              `json:"bias"`
	Cosine [numChannels]float64 `json:"cosine"`
	Shared [numChannels]float64 `json:"shared"`
	// WithTerms weighs each other channel's cosine times the terms cosine:
	// the same kind of event (terms) with the same people, places or days.
	WithTerms [numChannels]float64 `json:"with_terms"`
	YearApart float64              `json:"year_apart"`
	// WrittenApart weighs the same share for the years the texts point to
	// (Profile.Written), which undated pages have too.
	WrittenApart float64 `json:"written_apart"`
	// OtherDays weighs a document whose days of the year ("07-02") are
	// all unlike the story's: reports of one event name its day.
	OtherDays float64 `json:"other_days"`
	Baseline  bool    `json:"baseline,omitempty"`
}

// NumInputs is the length of the input vector the model weighs.
const NumInputs = 3*int(numChannels) + 3

// Weights returns the model's weights in input order, bias last.
func (m Model) Weights() []float64 {
	w := make([]float64, 0, NumInputs+1)
	w = append(w, m.Cosine[:]...)
	w = append(w, m.Shared[:]...)
	w = append(w, m.WithTerms[:]...)
	return append(w, m.YearApart, m.WrittenApart, m.OtherDays, m.Bias)
}

// ModelOf is Weights' inverse.
func ModelOf(w []float64) Model {
	var m Model
	copy(m.Cosine[:], w[:numChannels])
	copy(m.Shared[:], w[numChannels:2*numChannels])
	copy(m.WithTerms[:], w[2*numChannels:3*numChannels])
	m.YearApart, m.WrittenApart, m.OtherDays, m.Bias = w[3*numChannels], w[3*numChannels+1], w[3*numChannels+2], w[3*numChannels+3]
	return m
}

// DefaultOptions are the tuned defaults.
func DefaultOptions() Options {
	return Options{
		Model:          defaultModel,
		Threshold:      0.6,
		MergeThreshold: 0,
		PriorDocs:      300,
		BlockFeatures:  12,
		MaxPostings:    200,
		MaxCandidates:  30,
		TopicModel:     defaultTopicModel,
		TopicThreshold: defaultTopicThreshold,
		// RegroupThreshold is higher than TopicThreshold: a story's summed
		// profile is fuller than one document's, so its cosines run higher.
		RegroupModel:     defaultRegroupModel,
		RegroupThreshold: defaultRegroupThreshold,
		Revisit:          30,
	}
}

// defaultModel was fitted by "parallax eval stories -fit" on the ECB+
// tuning topics.
var defaultModel = Model{
	Bias:         -0.62,
	Cosine:       [numChannels]float64{Terms: 5.59, Names: 4.94, Places: 2.65, Dates: 2.44, Lead: 4.35, Numbers: 3.99},
	Shared:       [numChannels]float64{Terms: -0.38, Names: -1.91, Places: -0.87, Dates: 0.76, Lead: -0.38, Numbers: -1.67},
	WithTerms:    [numChannels]float64{Names: 1.82, Places: 0.26, Dates: 0.98, Lead: 1.7, Numbers: 1.97},
	YearApart:    -1.03,
	WrittenApart: -1.16,
	OtherDays:    -0.56,
}

// defaultTopicModel was fitted by "parallax eval stories -fit" on the ECB+
// tuning topics against the gold topics; the thresholds were chosen there
// (topic B³ F1 of the tuning topics, streamed and all at once).
var defaultTopicModel = Model{
	Bias:         -1.34,
	Cosine:       [numChannels]float64{Terms: 8.9, Names: 8.22, Places: 5.13, Dates: 1.47, Lead: 9.09, Numbers: 2.03},
	Shared:       [numChannels]float64{Terms: -0.88, Names: -0.2, Places: -1.26, Dates: 0.55, Lead: -0.88, Numbers: -0.87},
	WithTerms:    [numChannels]float64{Names: 2.43, Places: 1.65, Dates: 0.63, Lead: 3.07, Numbers: 1.46},
	YearApart:    -0.68,
	WrittenApart: -0.26,
	OtherDays:    -0.69,
}

// defaultRegroupModel was fitted by "parallax eval stories -fit" on the
// ECB+ tuning topics: each gold story's whole profile, as it grows,
// against its gold topic without it (another event of the same kind) and
// against the other topics its documents lead to. Days none of which the
// topic shares count for the topic here (its other events happened on
// other days), and only a shared kind of words, people and places brings
// a story in.
var defaultRegroupModel = Model{
	Bias:         -0.95,
	Cosine:       [numChannels]float64{Terms: 9, Names: 2.49, Places: 6.75, Dates: -0.81, Lead: 15.39, Numbers: -6.08},
	Shared:       [numChannels]float64{Terms: -0.6, Names: -0.98, Places: -1.11, Dates: -3.29, Lead: -0.6, Numbers: 0.08},
	WithTerms:    [numChannels]float64{Names: 0.87, Places: 1.05, Dates: -0.12, Lead: 4.33, Numbers: -0.51},
	YearApart:    0.35,
	WrittenApart: 0.95,
	OtherDays:    1.84,
}

const (
	defaultTopicThreshold   = 0.3
	defaultRegroupThreshold = 0.9
)

// TermsOnly is the baseline: TF-IDF cosine of terms, one threshold.
func TermsOnly(threshold float64) Options {
	o := DefaultOptions()
	o.Model = Model{Baseline: true}
	o.Threshold = threshold
	o.MergeThreshold = 0
	o.PriorDocs = 0
	o.TopicModel = Model{Baseline: true}
	o.RegroupModel = Model{Baseline: true}
	o.Revisit = 0
	return o
}

// Story is one cluster: its ID, its documents and the sum of their
// profiles. A topic is kept in the same shape: its documents are those of
// its stories.
type Story struct {
	ID      string
	Docs    []string
	Profile *Profile
	// Topic is the ID of the story's topic: the group of related stories
	// it belongs to, named after the topic's first story.
	Topic string
	// norms caches the story's weighted vector length per channel, valid
	// while the story is unchanged and the corpus has grown by under a
	// tenth since (document frequencies drift slowly).
	norms     [numChannels]float64
	normsAt   int
	normsDirt bool
}

// Clusterer assigns documents to stories one at a time. It is not safe for
// concurrent use.
type Clusterer struct {
	opts    Options
	newID   func(docID string) string
	docs    int // documents observed, for inverse document frequency
	df      [numChannels]map[string]int
	stories map[string]*Story
	docOf   map[string]string // document ID → story ID
	// postings index stories by their documents' rarest features.
	postings [numChannels]map[string]map[string]bool
	// topics groups related stories; each topic keeps the summed profile
	// of its stories' documents, and topicStories its stories.
	topics       map[string]*Story
	topicStories map[string]map[string]bool
	// pinned documents are never moved by Revisit: a user put them where
	// they are.
	pinned map[string]bool
	// version is the stored clustering's version this state is (Load,
	// StoreAssignment, StoreChange).
	version int64
}

// New returns an empty Clusterer; newID names the story a document starts
// (nil means "s-" and the first 12 hex digits of the document ID).
func New(opts Options, newID func(docID string) string) *Clusterer {
	if opts.BlockFeatures <= 0 {
		opts.BlockFeatures = DefaultOptions().BlockFeatures
	}
	if opts.MaxPostings <= 0 {
		opts.MaxPostings = DefaultOptions().MaxPostings
	}
	if opts.MaxCandidates <= 0 {
		opts.MaxCandidates = DefaultOptions().MaxCandidates
	}
	if newID == nil {
		newID = func(docID string) string {
			if len(docID) > 12 {
				docID = docID[:12]
			}
			return "s-" + docID
		}
	}
	c := &Clusterer{opts: opts, newID: newID, stories: map[string]*Story{}, docOf: map[string]string{},
		topics: map[string]*Story{}, topicStories: map[string]map[string]bool{}, pinned: map[string]bool{}}
	for ch := range c.df {
		c.df[ch] = map[string]int{}
		c.postings[ch] = map[string]map[string]bool{}
	}
	return c
}

// Observe counts a document's features for document frequencies without
// assigning it. Assign observes by itself; call Observe first for every
// document when all of them are known up front (the batch case).
func (c *Clusterer) Observe(p *Profile) {
	c.docs++
	for ch := range p.Features {
		for f := range p.Features[ch] {
			c.df[ch][f]++
		}
	}
}

// Forget undoes Observe, for a document that is removed.
func (c *Clusterer) Forget(p *Profile) {
	c.docs--
	for ch := range p.Features {
		for f := range p.Features[ch] {
			if c.df[ch][f]--; c.df[ch][f] <= 0 {
				delete(c.df[ch], f)
			}
		}
	}
}

func (c *Clusterer) idf(ch int, f string) float64 {
	return math.Log(float64(c.docs+c.opts.PriorDocs+1) / float64(c.df[ch][f]+1))
}

// Match is the best story for a document and its similarity.
type Match struct {
	Story string
	Score float64
}

// Best finds the most similar story among the candidates the document's
// rare features lead to; Story is "" when there is none.
func (c *Clusterer) Best(p *Profile) Match {
	var best Match
	q := c.query(p)
	for _, id := range c.candidates(p) {
		if s := c.score(c.inputs(q, c.stories[id])); s > best.Score {
			best = Match{Story: id, Score: s}
		}
	}
	return best
}

// Assign observes a document and puts it in the best story when that is
// similar enough, or in a new story. It returns the story ID and whether
// the story is new. A document already assigned stays where it is.
func (c *Clusterer) Assign(docID string, p *Profile) (storyID string, isNew bool) {
	if id, ok := c.docOf[docID]; ok {
		return id, false
	}
	c.Observe(p)
	return c.place(docID, p)
}

// place assigns an observed document.
func (c *Clusterer) place(docID string, p *Profile) (string, bool) {
	if m := c.Best(p); m.Story != "" && m.Score >= c.opts.Threshold {
		c.AddTo(m.Story, docID, p)
		c.regroup(c.stories[m.Story], p)
		return c.mergeNear(m.Story, p), false
	}
	id := c.NewID(docID)
	c.AddTo(id, docID, p)
	merged := c.mergeNear(id, p)
	return merged, merged == id
}

// mergeNear merges into story id every story its newest document leads to
// whose whole profile is similar enough to id's, now that the document may
// link them; the larger story keeps its ID. It returns the ID the
// document's story has afterwards.
func (c *Clusterer) mergeNear(id string, p *Profile) string {
	if c.opts.MergeThreshold <= 0 {
		return id
	}
	for _, other := range c.candidates(p) {
		s, o := c.stories[id], c.stories[other]
		if other == id || o == nil || s == nil {
			continue
		}
		if c.Similarity(s.Profile, o) < c.opts.MergeThreshold {
			continue
		}
		into, from := id, other
		if len(o.Docs) > len(s.Docs) {
			into, from = other, id
		}
		c.Merge(into, from)
		id = into
	}
	return id
}

// NewID names a new story started by a document; no story has the name.
func (c *Clusterer) NewID(docID string) string {
	id := c.newID(docID)
	for c.stories[id] != nil { // a split may have taken the name
		id += "x"
	}
	return id
}

// AssignAll places documents known all at once (the batch case: a folder
// given to one run): each is observed first, so every placement weighs
// features by the whole pile's frequencies; then each is placed in the
// order given, and placed once more, which corrects what an early choice
// made with few stories to choose from did (the first two reports of two
// similar events, met before any third, look like one story). Documents
// already assigned stay where they are. It returns each document's story,
// in order.
func (c *Clusterer) AssignAll(docIDs []string, profiles []*Profile) []string {
	fresh := make([]bool, len(docIDs))
	for i, id := range docIDs {
		if _, ok := c.docOf[id]; !ok {
			fresh[i] = true
			c.Observe(profiles[i])
		}
	}
	for pass := 0; pass < 2; pass++ {
		for i, id := range docIDs {
			if fresh[i] {
				c.Reassign(id, profiles[i])
			}
		}
	}
	out := make([]string, len(docIDs))
	for i, id := range docIDs {
		out[i] = c.docOf[id]
	}
	return out
}

// Reassign takes an assigned document out of its story and places it
// again with the current document frequencies: the second pass of the
// batch case, which corrects what an early, poorly informed choice did.
func (c *Clusterer) Reassign(docID string, p *Profile) (string, bool) {
	if id, ok := c.docOf[docID]; ok {
		c.Remove(id, docID, p)
	}
	return c.place(docID, p)
}

// AddTo puts a document in a story, creating the story when it is new; a
// new story joins the topic the document is most like, when it is like
// one enough, or starts a topic of its own. It does not observe the
// document (Assign and Observe do).
func (c *Clusterer) AddTo(storyID, docID string, p *Profile) {
	topic := ""
	if c.stories[storyID] == nil {
		topic = c.BestTopic(p).Story
	}
	c.AddToTopic(storyID, topic, docID, p)
}

// AddToTopic is AddTo with the topic of a new story given ("" starts a
// topic named after the story); an existing story keeps its topic.
func (c *Clusterer) AddToTopic(storyID, topicID, docID string, p *Profile) {
	s := c.stories[storyID]
	if s == nil {
		s = &Story{ID: storyID, Profile: NewProfile()}
		c.stories[storyID] = s
		c.joinTopic(s, topicID)
	}
	addDocs(s, []string{docID}, p)
	t := c.topics[s.Topic]
	addDocs(t, []string{docID}, p)
	c.docOf[docID] = storyID
	for ch := range p.Features {
		for _, f := range c.rarest(ch, p, c.opts.BlockFeatures) {
			if c.postings[ch][f] == nil {
				c.postings[ch][f] = map[string]bool{}
			}
			c.postings[ch][f][storyID] = true
		}
	}
}

// Remove takes a document out of a story; a story left empty is dropped.
// Postings are left: a stale posting only adds a candidate, never a wrong
// answer, since every candidate is scored on its profile.
func (c *Clusterer) Remove(storyID, docID string, p *Profile) {
	s := c.stories[storyID]
	if s == nil {
		return
	}
	removeDoc(s, docID, p)
	delete(c.docOf, docID)
	if t := c.topics[s.Topic]; t != nil {
		removeDoc(t, docID, p)
	}
	if len(s.Docs) == 0 {
		delete(c.stories, storyID)
		c.leaveTopic(s)
	}
}

// addDocs adds documents to a story's or a topic's list and their
// profile to its profile.
func addDocs(s *Story, docs []string, p *Profile) {
	s.Docs = append(s.Docs, docs...)
	s.Profile.Add(p)
	s.normsDirt = true
}

// removeDoc takes a document out of a story's or a topic's list and
// profile.
// A nil profile takes the document out of the list alone.
func removeDoc(s *Story, docID string, p *Profile) {
	for i, d := range s.Docs {
		if d == docID {
			s.Docs = append(s.Docs[:i], s.Docs[i+1:]...)
			if p != nil {
				s.Profile.Subtract(p)
			}
			s.normsDirt = true
			return
		}
	}
}

// joinTopic puts a story that has no documents yet in a topic; "" or an
// unknown topic starts one named after the story.
func (c *Clusterer) joinTopic(s *Story, topicID string) {
	if c.topics[topicID] == nil {
		topicID = s.ID
		for c.topics[topicID] != nil { // a merged-away story's name may be taken
			topicID += "x"
		}
		c.topics[topicID] = &Story{ID: topicID, Profile: NewProfile()}
		c.topicStories[topicID] = map[string]bool{}
	}
	s.Topic = topicID
	c.topicStories[topicID][s.ID] = true
}

// leaveTopic takes a dropped story out of its topic; a topic left without
// stories is dropped.
func (c *Clusterer) leaveTopic(s *Story) {
	members := c.topicStories[s.Topic]
	delete(members, s.ID)
	if len(members) == 0 {
		delete(c.topics, s.Topic)
		delete(c.topicStories, s.Topic)
	}
}

// regroup moves a story that is alone in its topic to the topic its whole
// profile is most like, when that is like it enough: a story's first
// document may not have shown how it relates to the others. A topic of several stories is never renamed, so no other story's
// topic changes.
func (c *Clusterer) regroup(s *Story, p *Profile) {
	if s == nil || c.opts.RegroupThreshold <= 0 || len(c.topicStories[s.Topic]) != 1 {
		return
	}
	var m Match
	q := c.query(s.Profile)
	for _, id := range c.CandidateTopics(p) {
		if id == s.Topic {
			continue
		}
		if sc := c.scoreWith(c.regroupModel(), c.inputs(q, c.topics[id])); sc > m.Score && sc >= c.opts.RegroupThreshold {
			m = Match{Story: id, Score: sc}
		}
	}
	if m.Story == "" {
		return
	}
	t := c.topics[m.Story]
	addDocs(t, s.Docs, s.Profile)
	delete(c.topics, s.Topic)
	delete(c.topicStories, s.Topic)
	s.Topic = m.Story
	c.topicStories[m.Story][s.ID] = true
}

func (c *Clusterer) regroupModel() Model {
	if c.opts.RegroupModel == (Model{}) {
		return c.opts.TopicModel
	}
	return c.opts.RegroupModel
}

// BestTopic finds the topic a document is most like, among the topics of
// its candidate stories; Story is "" when none scores TopicThreshold.
func (c *Clusterer) BestTopic(p *Profile) Match {
	var best Match
	if c.opts.TopicThreshold <= 0 {
		return best
	}
	q := c.query(p)
	for _, id := range c.CandidateTopics(p) {
		if s := c.scoreWith(c.opts.TopicModel, c.inputs(q, c.topics[id])); s > best.Score {
			best = Match{Story: id, Score: s}
		}
	}
	if best.Score < c.opts.TopicThreshold {
		return Match{}
	}
	return best
}

// CandidateTopics lists the topics of a document's candidate stories, in
// the candidates' order.
func (c *Clusterer) CandidateTopics(p *Profile) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range c.candidates(p) {
		if t := c.stories[id].Topic; !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// TopicInputs are what the topic model weighs for a document and a topic.
func (c *Clusterer) TopicInputs(p *Profile, topicID string) [NumInputs]float64 {
	return c.inputs(c.query(p), c.topics[topicID])
}

// TopicOf returns the topic of a story.
func (c *Clusterer) TopicOf(storyID string) (string, bool) {
	s := c.stories[storyID]
	if s == nil {
		return "", false
	}
	return s.Topic, true
}

// Merge moves every document of story from into story into.
func (c *Clusterer) Merge(into, from string) error {
	a, b := c.stories[into], c.stories[from]
	if a == nil || b == nil {
		return fmt.Errorf("merge %s and %s: no such story", into, from)
	}
	if a == b {
		return nil
	}
	// The merged documents move to the surviving story's topic; the other
	// stories of from's topic stay where they are, so no stored story's
	// topic changes behind its back.
	if ta, tb := c.topics[a.Topic], c.topics[b.Topic]; ta != tb {
		addDocs(ta, b.Docs, b.Profile)
		for _, d := range b.Docs {
			removeDoc(tb, d, nil)
		}
		tb.Profile.Subtract(b.Profile)
	}
	addDocs(a, b.Docs, b.Profile)
	for _, d := range b.Docs {
		c.docOf[d] = into
	}
	for ch := range c.postings {
		for _, set := range c.postings[ch] {
			if set[from] {
				delete(set, from)
				set[into] = true
			}
		}
	}
	delete(c.stories, from)
	c.leaveTopic(b)
	return nil
}

// StoryOf returns the story a document is in.
func (c *Clusterer) StoryOf(docID string) (string, bool) {
	id, ok := c.docOf[docID]
	return id, ok
}

// Story returns a story, or nil.
func (c *Clusterer) Story(id string) *Story { return c.stories[id] }

// Topic returns a topic (its documents and summed profile), or nil.
func (c *Clusterer) Topic(id string) *Story { return c.topics[id] }

// Stories returns every story, largest first, then by ID.
func (c *Clusterer) Stories() []*Story {
	out := make([]*Story, 0, len(c.stories))
	for _, s := range c.stories {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Docs) != len(out[j].Docs) {
			return len(out[i].Docs) > len(out[j].Docs)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Restore puts a stored story back in its topic ("" for a story stored
// before topics were kept: a topic of its own), with its documents and
// profile, and indexes it for candidates. Document frequencies are
// restored separately with Observe or SetFrequencies.
func (c *Clusterer) Restore(id, topic string, docs []string, p *Profile) {
	s := &Story{ID: id, Docs: append([]string(nil), docs...), Profile: p, normsDirt: true}
	c.stories[id] = s
	if topic == "" {
		topic = id
	}
	t := c.topics[topic]
	if t == nil {
		t = &Story{ID: topic, Profile: NewProfile()}
		c.topics[topic] = t
		c.topicStories[topic] = map[string]bool{}
	}
	s.Topic = topic
	c.topicStories[topic][id] = true
	addDocs(t, docs, p)
	for _, d := range docs {
		c.docOf[d] = id
	}
	for ch := range p.Features {
		for _, f := range c.rarest(ch, p, c.opts.BlockFeatures*4) {
			if c.postings[ch][f] == nil {
				c.postings[ch][f] = map[string]bool{}
			}
			c.postings[ch][f][id] = true
		}
	}
}

// Frequencies are the document frequencies, to be stored with the
// stories so a later run weighs features as this one did.
type Frequencies struct {
	Docs int                         `json:"docs"`
	DF   [numChannels]map[string]int `json:"df"`
}

// Frequencies returns a copy of the document frequencies.
func (c *Clusterer) Frequencies() Frequencies {
	f := Frequencies{Docs: c.docs}
	for ch := range c.df {
		f.DF[ch] = make(map[string]int, len(c.df[ch]))
		for k, v := range c.df[ch] {
			f.DF[ch][k] = v
		}
	}
	return f
}

// SetFrequencies replaces the document frequencies with stored ones.
func (c *Clusterer) SetFrequencies(f Frequencies) {
	c.docs = f.Docs
	for ch := range c.df {
		c.df[ch] = map[string]int{}
		for k, v := range f.DF[ch] {
			c.df[ch][k] = v
		}
	}
}

// candidates lists the stories that share the document's rarest
// features, skipping features too common to block on; of those, the
// MaxCandidates that share the most rarity (summed inverse document
// frequency) are scored, so the cost of one document stays bounded as the
// store grows.
func (c *Clusterer) candidates(p *Profile) []string {
	shared := map[string]float64{}
	for ch := range p.Features {
		if c.opts.Model.Baseline && ch != int(Terms) {
			continue
		}
		for _, f := range c.rarest(ch, p, c.opts.BlockFeatures) {
			set := c.postings[ch][f]
			if len(set) > c.opts.MaxPostings {
				continue
			}
			idf := c.idf(ch, f)
			for id := range set {
				if c.stories[id] != nil {
					shared[id] += idf
				}
			}
		}
	}
	out := make([]string, 0, len(shared))
	for id := range shared {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { // deterministic ties
		if shared[out[i]] != shared[out[j]] {
			return shared[out[i]] > shared[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > c.opts.MaxCandidates {
		out = out[:c.opts.MaxCandidates]
	}
	return out
}

// rarest returns up to k features of a channel with the highest weight
// times inverse document frequency.
func (c *Clusterer) rarest(ch int, p *Profile, k int) []string {
	feats := p.Features[ch]
	type fw struct {
		f string
		w float64
	}
	all := make([]fw, 0, len(feats))
	for f, w := range feats {
		all = append(all, fw{f, w * c.idf(ch, f)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].f < all[j].f
	})
	if len(all) > k {
		all = all[:k]
	}
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.f
	}
	return out
}

// Similarity scores a document against a story with the model.
func (c *Clusterer) Similarity(p *Profile, s *Story) float64 {
	return c.score(c.Inputs(p, s))
}

func (c *Clusterer) score(in [NumInputs]float64) float64 {
	return c.scoreWith(c.opts.Model, in)
}

func (c *Clusterer) scoreWith(m Model, in [NumInputs]float64) float64 {
	if m.Baseline {
		return in[Terms]
	}
	z := m.Bias
	for i, w := range m.Weights()[:NumInputs] {
		z += w * in[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Inputs are what the model weighs for a document and a story: each
// channel's cosine, whether both sides have the channel, and the share of
// the story's documents published more than a year apart.
func (c *Clusterer) Inputs(p *Profile, s *Story) [NumInputs]float64 {
	return c.inputs(c.query(p), s)
}

// query is a profile made ready to score against many stories: each
// feature's weight times its squared rarity, and the vector lengths.
type query struct {
	p     *Profile
	feats [numChannels][]weighted
	norms [numChannels]float64
}

type weighted struct {
	f string
	w float64
}

func (c *Clusterer) query(p *Profile) *query {
	q := &query{p: p}
	for ch := range q.feats {
		n := 0.0
		q.feats[ch] = make([]weighted, 0, len(p.Features[ch]))
		for f, x := range p.Features[ch] {
			idf := c.idf(ch, f)
			n += x * x * idf * idf
			q.feats[ch] = append(q.feats[ch], weighted{f, x * idf * idf})
		}
		q.norms[ch] = math.Sqrt(n)
	}
	return q
}

func (c *Clusterer) inputs(q *query, s *Story) [NumInputs]float64 {
	if s.normsDirt || float64(c.docs) > 1.1*float64(s.normsAt) {
		for ch := range s.norms {
			s.norms[ch] = c.norm(ch, s.Profile.Features[ch])
		}
		s.normsAt, s.normsDirt = c.docs, false
	}
	var in [NumInputs]float64
	for ch := range q.feats {
		dn := q.norms[ch]
		if dn == 0 || s.norms[ch] == 0 {
			continue
		}
		in[int(numChannels)+ch] = 1
		dot := 0.0
		sf := s.Profile.Features[ch]
		for _, x := range q.feats[ch] {
			if y, ok := sf[x.f]; ok {
				dot += x.w * y
			}
		}
		in[ch] = dot / (dn * s.norms[ch])
	}
	for ch := Names; ch < numChannels; ch++ {
		in[2*int(numChannels)+int(ch)] = in[Terms] * in[ch]
	}
	in[3*numChannels] = 1 - yearAgreement(q.p.Years, s.Profile.Years)
	in[3*numChannels+1] = 1 - yearAgreement(q.p.Written, s.Profile.Written)
	if otherDays(q.p, s.Profile) {
		in[3*numChannels+2] = 1
	}
	return in
}

func (c *Clusterer) norm(ch int, feats map[string]float64) float64 {
	n := 0.0
	for f, w := range feats {
		x := w * c.idf(ch, f)
		n += x * x
	}
	return math.Sqrt(n)
}

// otherDays reports whether a document names days of the year and the
// story names days too, none of them the document's.
func otherDays(p, s *Profile) bool {
	mine, theirs := false, false
	for k := range p.Features[Dates] {
		if isDayKey(k) {
			if _, ok := s.Features[Dates][k]; ok {
				return false
			}
			mine = true
		}
	}
	if !mine {
		return false
	}
	for k := range s.Features[Dates] {
		if isDayKey(k) {
			theirs = true
			break
		}
	}
	return theirs
}

// yearAgreement is the share of the story's dated documents (counts per
// year, s) within a year of the document's years (p); 1 when either side
// has none.
func yearAgreement(p, s map[int]int) float64 {
	if len(p) == 0 || len(s) == 0 {
		return 1
	}
	near, all := 0, 0
	for sy, n := range s {
		all += n
		for y := range p {
			if y-sy <= 1 && sy-y <= 1 {
				near += n
				break
			}
		}
	}
	if all == 0 {
		return 1
	}
	return float64(near) / float64(all)
}

// ChannelCosine is one channel's TF-IDF cosine between two profiles.
func (c *Clusterer) ChannelCosine(ch int, p, q *Profile) float64 {
	a, b := c.norm(ch, p.Features[ch]), c.norm(ch, q.Features[ch])
	if a == 0 || b == 0 {
		return 0
	}
	dot := 0.0
	for f, x := range p.Features[ch] {
		if y, ok := q.Features[ch][f]; ok {
			idf := c.idf(ch, f)
			dot += x * y * idf * idf
		}
	}
	return dot / (a * b)
}

// Candidates lists the stories a document's rarest features lead to.
func (c *Clusterer) Candidates(p *Profile) []string { return c.candidates(p) }

// Move is a document Revisit placed in another story.
type Move struct {
	Doc, From, To string
}

// ProfileSource returns the profiles of assigned documents (a story keeps
// only its summed profile; the store keeps each document's).
type ProfileSource func(docIDs []string) (map[string]*Profile, error)

// Pin keeps documents where they are: Revisit never moves them, nor the
// other documents of their story (a user merged or split them there).
func (c *Clusterer) Pin(docIDs ...string) {
	for _, d := range docIDs {
		c.pinned[d] = true
	}
}

// Revisit clusters a story's documents again, all at once, when it has
// at most Options.Revisit documents (a larger story is settled and left
// as it is); call it when documents joined the story in a later run than
// its others. Streamed, each report is placed against the stories of the
// reports before it: the first two reports of two similar events, met
// before any third, look like one story, and every later report of either
// joins it. Moving one document at a time cannot undo that (each still
// scores best against the story that holds its own event's other
// reports); clustering the story's documents afresh, as the all-at-once
// case places a pile (two passes, with the whole store's rarity weights),
// splits them. The group with the most of the story's documents keeps its
// ID; each other group joins the story its whole profile is most like,
// when that scores the threshold, else becomes a new story. A story
// holding a pinned document is left alone. It returns the documents that
// changed story.
func (c *Clusterer) Revisit(storyID string, profiles ProfileSource) ([]Move, error) {
	own := storyID
	if c.stories[own] == nil || c.opts.Revisit <= 0 {
		return nil, nil
	}
	docs := c.stories[own].Docs
	if len(docs) < 2 || len(docs) > c.opts.Revisit {
		return nil, nil
	}
	for _, d := range docs {
		if c.pinned[d] {
			return nil, nil // a user's decision stands
		}
	}
	docs = append([]string(nil), docs...)
	profs, err := profiles(docs)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if profs[d] == nil {
			return nil, nil // a profile is missing: leave the story as it is
		}
	}
	// A clusterer of the story's documents alone, weighing rarity by the
	// whole store's frequencies (shared, never changed by it).
	local := c.opts
	local.TopicThreshold, local.RegroupThreshold, local.Revisit = 0, 0, 0
	sub := New(local, nil)
	sub.docs, sub.df = c.docs, c.df
	for pass := 0; pass < 2; pass++ {
		for _, d := range docs {
			sub.Reassign(d, profs[d])
		}
	}
	names := c.nameGroups(sub, docs)
	for g, name := range names {
		if name != own {
			names[g] = c.settle(sub.stories[g].Profile, own, name)
		}
	}
	var moves []Move
	for _, d := range docs {
		to := names[sub.docOf[d]]
		if to == own {
			continue
		}
		c.Remove(own, d, profs[d])
		c.AddTo(to, d, profs[d])
		moves = append(moves, Move{Doc: d, From: own, To: to})
	}
	return moves, nil
}

// settle returns the story a group split off story own joins: the other
// story its whole profile is most like, when that scores the threshold
// (the group was an early report of an event that has a story of its own
// by now), else the new story named.
func (c *Clusterer) settle(p *Profile, own, named string) string {
	q := c.query(p)
	best := Match{Story: named}
	for _, id := range c.candidates(p) {
		if id == own {
			continue
		}
		if sc := c.score(c.inputs(q, c.stories[id])); sc >= c.opts.Threshold && sc > best.Score {
			best = Match{Story: id, Score: sc}
		}
	}
	return best.Story
}

// nameGroups names each story of a local clustering of docs: the group
// holding the most documents keeps their story's ID (the first document's
// group on a tie); every other group is a new story named after its first
// document.
func (c *Clusterer) nameGroups(sub *Clusterer, docs []string) map[string]string {
	size := map[string]int{}
	for _, d := range docs {
		size[sub.docOf[d]]++
	}
	keep := sub.docOf[docs[0]]
	for _, d := range docs {
		if g := sub.docOf[d]; size[g] > size[keep] {
			keep = g
		}
	}
	names := map[string]string{keep: c.docOf[docs[0]]}
	used := map[string]bool{}
	for _, d := range docs {
		if g := sub.docOf[d]; names[g] == "" {
			id := c.NewID(d)
			for used[id] {
				id += "x"
			}
			names[g], used[id] = id, true
		}
	}
	return names
}

// Joined lists, in order, the stories the given documents are in that
// hold other documents too: the stories a batch joined rather than made.
func (c *Clusterer) Joined(docIDs []string) []string {
	batch := make(map[string]bool, len(docIDs))
	for _, d := range docIDs {
		batch[d] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, d := range docIDs {
		id, ok := c.docOf[d]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		for _, other := range c.stories[id].Docs {
			if !batch[other] {
				out = append(out, id)
				break
			}
		}
	}
	return out
}
