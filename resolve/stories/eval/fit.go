package eval

import (
	"math"

	"github.com/parallaxnews/parallax/resolve/stories"
)

// Example is one decision the clusterer faces: a document against a
// candidate story, and whether the document belongs to it.
type Example struct {
	Inputs [stories.NumInputs]float64
	Same   bool
}

// Examples replays docs in order with the gold stories, and records every
// document's inputs against every candidate story as it arrives: the
// situations clustering meets, with the right answer. Each topic is also
// replayed alone, since within one topic the shared topic words weigh
// less and names decide. opts gives the rarity weighing (PriorDocs).
func Examples(docs []Doc, opts stories.Options, seed uint64) []Example {
	var out []Example
	replay := func(ds []Doc, opts stories.Options) {
		c := stories.New(opts, nil)
		for _, d := range ds {
			c.Observe(d.Profile)
			for _, id := range c.Candidates(d.Profile) {
				out = append(out, Example{Inputs: c.Inputs(d.Profile, c.Story(id)), Same: id == d.Gold()})
			}
			c.AddTo(d.Gold(), d.ID, d.Profile)
		}
	}
	replay(Shuffled(docs, seed), opts)
	byTopic := map[int][]Doc{}
	for _, d := range docs {
		byTopic[d.Topic] = append(byTopic[d.Topic], d)
	}
	for t, ds := range byTopic {
		replay(Shuffled(ds, seed+uint64(t)), opts)
	}
	return out
}

// Fit fits the logistic model to examples by gradient descent with a
// little L2 regularisation, positives and negatives weighed equally.
func Fit(examples []Example) stories.Model {
	n := stories.NumInputs + 1
	w := make([]float64, n)
	pos := 0
	for _, e := range examples {
		if e.Same {
			pos++
		}
	}
	neg := len(examples) - pos
	if pos == 0 || neg == 0 {
		return stories.ModelOf(w)
	}
	wPos, wNeg := 0.5/float64(pos), 0.5/float64(neg)
	const rate, l2 = 2.0, 1e-4
	grad := make([]float64, n)
	for iter := 0; iter < 3000; iter++ {
		clear(grad)
		for _, e := range examples {
			z := w[n-1]
			for i, x := range e.Inputs {
				z += w[i] * x
			}
			p := 1 / (1 + math.Exp(-z))
			y, weight := 0.0, wNeg
			if e.Same {
				y, weight = 1, wPos
			}
			g := weight * (p - y)
			for i, x := range e.Inputs {
				grad[i] += g * x
			}
			grad[n-1] += g
		}
		for i := range w {
			reg := 0.0
			if i < n-1 {
				reg = l2 * w[i]
			}
			w[i] -= rate * (grad[i] + reg)
		}
	}
	for i := range w {
		w[i] = math.Round(w[i]*100) / 100
	}
	return stories.ModelOf(w)
}

// TopicExamples replays docs in order with the gold stories and topics,
// and records every document's inputs against every candidate topic (the
// summed profile of a group of related stories) as it arrives.
func TopicExamples(docs []Doc, opts stories.Options, seed uint64) []Example {
	var out []Example
	c := stories.New(opts, nil)
	topicOf := map[int]string{} // gold topic → the clusterer's topic ID
	for _, d := range Shuffled(docs, seed) {
		c.Observe(d.Profile)
		for _, id := range c.CandidateTopics(d.Profile) {
			out = append(out, Example{Inputs: c.TopicInputs(d.Profile, id), Same: id == topicOf[d.Topic]})
		}
		c.AddToTopic(d.Gold(), topicOf[d.Topic], d.ID, d.Profile)
		topicOf[d.Topic], _ = c.TopicOf(d.Gold())
	}
	return out
}

// RegroupExamples replays docs in order with the gold stories and topics,
// and, as each document joins its story, records the story's whole
// profile against every topic its documents lead to, the story's own topic
// without the story itself: is this event another of the same kind as the
// topic's other events (the same kind of words, people and places, on
// other days), or of another kind? That is the question regrouping asks of
// a story alone in its topic; whether a document reports the same event is
// the story model's.
func RegroupExamples(docs []Doc, opts stories.Options, seed uint64) []Example {
	var out []Example
	c := stories.New(opts, nil)
	topicOf := map[int]string{} // gold topic → the clusterer's topic ID
	for _, d := range Shuffled(docs, seed) {
		c.Observe(d.Profile)
		c.AddToTopic(d.Gold(), topicOf[d.Topic], d.ID, d.Profile)
		topicOf[d.Topic], _ = c.TopicOf(d.Gold())
		own := c.Story(d.Gold())
		for _, id := range c.CandidateTopics(d.Profile) {
			t := c.Topic(id)
			if id != topicOf[d.Topic] {
				out = append(out, Example{Inputs: c.Inputs(own.Profile, t), Same: false})
				continue
			}
			others := stories.NewProfile()
			others.Add(t.Profile)
			others.Subtract(own.Profile)
			if others.Docs > 0 {
				out = append(out, Example{Inputs: c.Inputs(own.Profile, &stories.Story{Profile: others}), Same: true})
			}
		}
	}
	return out
}

// TopicThresholds streams docs in a shuffled order with each value set
// by set (the topic threshold, or the regroup threshold) and returns the
// topic-level B³ F1 of each.
func TopicThresholds(docs []Doc, opts stories.Options, seed uint64, set func(*stories.Options, float64), values []float64) []float64 {
	gold := Gold(docs, "topic")
	out := make([]float64, len(values))
	for i, v := range values {
		o := opts
		set(&o, v)
		out[i] = stories.Score(gold, Stream(Shuffled(docs, seed), o).Topic).B3.F1
	}
	return out
}
