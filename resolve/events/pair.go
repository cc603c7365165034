package events

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/model"
)

// node is one event mention as the pair model reads it.
type node struct {
	doc     int // index of the document in the story
	sent    int // index of the sentence in its document
	m       *model.EventMention
	head    model.Range // the head word, when the sentence was parsed
	cluster string      // Brown cluster path of the head
	time    interval
	firm    bool // time is absolute or resolved against a known date
	sentVec vector
}

// story is what the pair model needs of a whole story.
type story struct {
	docs    []*docView
	docVec  []vector
	docTime []interval // the document's reference date
	nodes   []node
	// simCache holds document similarities already computed.
	simCache map[uint64]float64
}

// vector is a sparse, unit-length TF-IDF vector sorted by term.
type vector []term

type term struct {
	id int32
	w  float32
}

func cosine(a, b vector) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// contentStem is the stem of a word that carries meaning, or "".
func contentStem(w word) string {
	if len(w.lower) < 3 || !hasLetter(w.lower) {
		return ""
	}
	return w.stem
}

// vectors builds the document and sentence vectors of a story, weighting
// each stem by its inverse document frequency in the story.
func (s *story) vectors() {
	vocab := map[string]int32{}
	df := map[int32]int{}
	ids := func(ws []word) []int32 {
		var out []int32
		for _, w := range ws {
			if st := contentStem(w); st != "" {
				id, ok := vocab[st]
				if !ok {
					id = int32(len(vocab))
					vocab[st] = id
				}
				out = append(out, id)
			}
		}
		return out
	}
	docTerms := make([][][]int32, len(s.docs))
	for d, v := range s.docs {
		seen := map[int32]bool{}
		docTerms[d] = make([][]int32, len(v.words))
		for si, ws := range v.words {
			docTerms[d][si] = ids(ws)
			for _, id := range docTerms[d][si] {
				if !seen[id] {
					seen[id] = true
					df[id]++
				}
			}
		}
	}
	n := float64(len(s.docs))
	idf := func(id int32) float64 { return math.Log(1 + n/float64(df[id])) }
	build := func(terms ...[]int32) vector {
		tf := map[int32]float64{}
		for _, ts := range terms {
			for _, id := range ts {
				tf[id]++
			}
		}
		v := make(vector, 0, len(tf))
		var norm float64
		for id, c := range tf {
			w := (1 + math.Log(c)) * idf(id)
			norm += w * w
			v = append(v, term{id, float32(w)})
		}
		norm = math.Sqrt(norm)
		for i := range v {
			v[i].w = float32(float64(v[i].w) / norm)
		}
		sort.Slice(v, func(i, j int) bool { return v[i].id < v[j].id })
		return v
	}
	s.docVec = make([]vector, len(s.docs))
	s.docTime = make([]interval, len(s.docs))
	sentVec := make([][]vector, len(s.docs))
	for d := range s.docs {
		s.docVec[d] = build(docTerms[d]...)
		sentVec[d] = make([]vector, len(docTerms[d]))
		for si := range docTerms[d] {
			sentVec[d][si] = build(docTerms[d][si])
		}
		s.docTime[d] = parseInterval(s.docs[d].a.Reference.Date)
	}
	for i := range s.nodes {
		nd := &s.nodes[i]
		if nd.sent >= 0 && nd.sent < len(sentVec[nd.doc]) {
			nd.sentVec = sentVec[nd.doc][nd.sent]
		}
	}
}

// docSim is the cosine of two documents' vectors, computed once per pair
// of documents.
func (s *story) docSim(a, b int) float64 {
	if a > b {
		a, b = b, a
	}
	k := uint64(a)<<32 | uint64(b)
	if v, ok := s.simCache[k]; ok {
		return v
	}
	if s.simCache == nil {
		s.simCache = map[uint64]float64{}
	}
	v := cosine(s.docVec[a], s.docVec[b])
	s.simCache[k] = v
	return v
}

// interval is a span of days [from, to]; zero when unknown.
type interval struct{ from, to int }

func (i interval) known() bool { return i.to != 0 }

// parseInterval reads an ISO 8601 date value of a timex ("2009-09-30",
// "2009-09", "2009", "2009-W40", "2009-09-28/2009-09-30",
// "2009-09-30T16:00") as days since 1970.
func parseInterval(v string) interval {
	if v == "" {
		return interval{}
	}
	if a, b, ok := strings.Cut(v, "/"); ok {
		x, y := parseInterval(a), parseInterval(b)
		if !x.known() || !y.known() {
			return interval{}
		}
		return interval{x.from, y.to}
	}
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	day := func(t time.Time) int { return int(t.Unix()/86400) + 1 } // +1 keeps 1970-01-01 known
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return interval{day(t), day(t)}
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return interval{day(t), day(t.AddDate(0, 1, -1))}
	}
	if t, err := time.Parse("2006", v); err == nil {
		return interval{day(t), day(t.AddDate(1, 0, -1))}
	}
	var y, w int
	if n, _ := fmtSscanWeek(v, &y, &w); n == 2 {
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return interval{day(monday), day(monday) + 6}
	}
	return interval{}
}

// gap is the number of days between two intervals, 0 when they overlap.
func gap(a, b interval) int {
	switch {
	case a.to < b.from:
		return b.from - a.to
	case b.to < a.from:
		return a.from - b.to
	}
	return 0
}

// Feature order of the pair model; featureNames documents each.
const (
	fBias = iota
	fSameLemma
	fSameWord
	fTable
	fTableSeen
	fCluster
	fSameDoc
	fSentDist
	fTimeMatch
	fTimeConflict
	fPlaceMatch
	fPlaceConflict
	fPartOverlap
	fPartDisjoint
	fDocSim
	fSentSim
	fDocTimeMatch
	fDocTimeConflict
	fLemmaDocSim
	fReportingOne
	fReportingBoth
	fTableDocSim
	fClusterDocSim
	fLemmaSentSim
	numFeatures
)

var featureNames = [numFeatures]string{
	"bias", "same lemma", "same word", "lemma-pair log-odds", "lemma pair seen in training",
	"word-cluster path overlap", "same document", "sentence distance (same document)",
	"times overlap", "times differ", "shared place", "places differ",
	"participant overlap", "participants disjoint", "document similarity", "sentence similarity",
	"document dates close", "document dates differ", "same lemma × document similarity",
	"one is reporting", "both are reporting", "lemma-pair log-odds × document similarity",
	"cluster overlap × document similarity", "same lemma × sentence similarity",
}

// lemmaTable holds, for pairs of lemmas, the log-odds that two mentions
// of a topic with those lemmas corefer, as learned on ECB+ train topics.
type lemmaTable map[string]float32

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// features writes the pair features of nodes i and j of s into f.
func (s *story) features(i, j int, table lemmaTable, f *[numFeatures]float64) {
	*f = [numFeatures]float64{}
	a, b := &s.nodes[i], &s.nodes[j]
	f[fBias] = 1
	if a.m.Lemma == b.m.Lemma {
		f[fSameLemma] = 1
	}
	if strings.EqualFold(a.m.Head, b.m.Head) {
		f[fSameWord] = 1
	}
	if v, ok := table[pairKey(a.m.Lemma, b.m.Lemma)]; ok {
		f[fTable] = float64(v) / 4
		f[fTableSeen] = 1
	}
	if a.cluster != "" && b.cluster != "" {
		n := 0
		for n < len(a.cluster) && n < len(b.cluster) && a.cluster[n] == b.cluster[n] {
			n++
		}
		f[fCluster] = float64(n) / float64(max(len(a.cluster), len(b.cluster)))
	}
	if a.doc == b.doc {
		f[fSameDoc] = 1
		d := a.sent - b.sent
		if d < 0 {
			d = -d
		}
		f[fSentDist] = float64(min(d, 10)) / 10
		f[fDocSim] = 1
	} else {
		f[fDocSim] = s.docSim(a.doc, b.doc)
		ta, tb := s.docTime[a.doc], s.docTime[b.doc]
		if ta.known() && tb.known() {
			switch g := gap(ta, tb); {
			case g <= 3:
				f[fDocTimeMatch] = 1
			case g > 30:
				f[fDocTimeConflict] = 1
			}
		}
	}
	if a.time.known() && b.time.known() {
		if gap(a.time, b.time) <= 1 {
			f[fTimeMatch] = 1
		} else {
			f[fTimeConflict] = 1
		}
	}
	if len(a.m.Places) > 0 && len(b.m.Places) > 0 {
		if overlap(a.m.Places, b.m.Places) > 0 {
			f[fPlaceMatch] = 1
		} else {
			f[fPlaceConflict] = 1
		}
	}
	if len(a.m.Participants) > 0 && len(b.m.Participants) > 0 {
		o := overlap(a.m.Participants, b.m.Participants)
		f[fPartOverlap] = float64(o) / float64(len(a.m.Participants)+len(b.m.Participants)-o)
		if o == 0 {
			f[fPartDisjoint] = 1
		}
	}
	f[fSentSim] = cosine(a.sentVec, b.sentVec)
	switch {
	case a.m.Reporting && b.m.Reporting:
		f[fReportingBoth] = 1
	case a.m.Reporting || b.m.Reporting:
		f[fReportingOne] = 1
	}
	f[fLemmaDocSim] = f[fSameLemma] * f[fDocSim]
	f[fTableDocSim] = f[fTable] * f[fDocSim]
	f[fClusterDocSim] = f[fCluster] * f[fDocSim]
	f[fLemmaSentSim] = f[fSameLemma] * f[fSentSim]
}

// overlap counts the strings two sorted lists share.
func overlap(a, b []string) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// probability is the pair model's probability that two mentions corefer.
func probability(w []float64, f *[numFeatures]float64) float64 {
	var z float64
	for k, v := range f {
		if k < len(w) {
			z += w[k] * v
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// fmtSscanWeek reads "YYYY-Www".
func fmtSscanWeek(v string, y, w *int) (int, error) {
	return fmt.Sscanf(v, "%4d-W%2d", y, w)
}
