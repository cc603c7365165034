package events

import (
	"hash/fnv"
	"strings"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
)

// Trigger tags: outside, first word of a trigger, later word of a trigger.
const (
	tagO = iota
	tagB
	tagI
	numTags
)

// triggerWeights is the trigger tagger: an averaged perceptron over hashed
// features of each word and its neighbours, decoded greedily left to right.
type triggerWeights map[uint64][numTags]float32

// word is what the tagger and the pair model read of one token.
type word struct {
	text    string // as written
	lower   string
	stem    string
	cluster string // Brown cluster path, "" when unknown
}

func newWords(texts []string, cl *wordclusters.Clusters) []word {
	return wordMemo(nil).words(texts, cl)
}

// wordMemo remembers the words made from each token text; a nil memo
// remembers nothing.
type wordMemo map[string]word

func (m wordMemo) words(texts []string, cl *wordclusters.Clusters) []word {
	ws := make([]word, len(texts))
	for i, t := range texts {
		w, ok := m[t]
		if !ok {
			w = word{text: t, lower: strings.ToLower(t), stem: stem(t), cluster: cl.Path(t)}
			if m != nil {
				m[t] = w
			}
		}
		ws[i] = w
	}
	return ws
}

func hashFeature(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func suffix(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// staticFeatures are the features of word i that do not depend on the
// tags already chosen.
func staticFeatures(ws []word, i int, out []uint64) []uint64 {
	at := func(k int) word {
		if k < 0 {
			return word{lower: "<s>", stem: "<s>", cluster: "<s>"}
		}
		if k >= len(ws) {
			return word{lower: "</s>", stem: "</s>", cluster: "</s>"}
		}
		return ws[k]
	}
	w := ws[i]
	out = append(out,
		hashFeature("bias"),
		hashFeature("w", w.lower),
		hashFeature("s", w.stem),
		hashFeature("suf3", suffix(w.lower, 3)),
		hashFeature("suf2", suffix(w.lower, 2)),
		hashFeature("suf4", suffix(w.lower, 4)),
		hashFeature("shape", entities.Shape(w.text)),
		hashFeature("c4", prefix(w.cluster, 4)),
		hashFeature("c6", prefix(w.cluster, 6)),
		hashFeature("c10", prefix(w.cluster, 10)),
		hashFeature("c", w.cluster),
		hashFeature("first", boolString(i == 0)),
	)
	for _, d := range []int{-2, -1, 1, 2} {
		n := at(i + d)
		ds := string(rune('0' + d + 2))
		out = append(out, hashFeature("w"+ds, n.lower), hashFeature("c6"+ds, prefix(n.cluster, 6)))
	}
	p, n := at(i-1), at(i+1)
	out = append(out,
		hashFeature("pw_w", p.lower, w.stem),
		hashFeature("w_nw", w.stem, n.lower),
		hashFeature("pc_c", prefix(p.cluster, 6), prefix(w.cluster, 6)),
	)
	return out
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// dynamicFeature is the feature of the previous tag with the word's stem.
func dynamicFeatures(ws []word, i, prevTag int, out []uint64) []uint64 {
	pt := string(rune('0' + prevTag))
	return append(out, hashFeature("pt", pt), hashFeature("pt_s", pt, ws[i].stem))
}

// score adds the weights of feats for every tag.
func (tw triggerWeights) score(feats []uint64) [numTags]float32 {
	var s [numTags]float32
	for _, f := range feats {
		if w, ok := tw[f]; ok {
			for t := range s {
				s[t] += w[t]
			}
		}
	}
	return s
}

// tag returns one tag per word of a sentence.
func (tw triggerWeights) tag(ws []word) []int {
	tags := make([]int, len(ws))
	var buf []uint64
	prev := tagO
	for i := range ws {
		buf = staticFeatures(ws, i, buf[:0])
		buf = dynamicFeatures(ws, i, prev, buf)
		s := tw.score(buf)
		best := tagO
		for t := tagB; t < numTags; t++ {
			if t == tagI && prev == tagO {
				continue // an I needs a trigger to continue
			}
			if s[t] > s[best] {
				best = t
			}
		}
		tags[i] = best
		prev = best
	}
	return tags
}

// runs turns tags into [first, last] word index pairs.
func runs(tags []int) [][2]int {
	var out [][2]int
	for i, t := range tags {
		switch {
		case t == tagB:
			out = append(out, [2]int{i, i})
		case t == tagI && len(out) > 0 && out[len(out)-1][1] == i-1:
			out[len(out)-1][1] = i
		}
	}
	return out
}

// trainTriggers learns trigger weights from tagged sentences with an
// averaged perceptron; the sentence order is fixed, so training is
// deterministic.
func trainTriggers(sents [][]word, gold [][]int, epochs int) triggerWeights {
	w := map[uint64]*[numTags]float32{}
	total := map[uint64]*[numTags]float64{}
	stamp := map[uint64]int{}
	step := 1
	update := func(f uint64, t int, d float32) {
		ww, ok := w[f]
		if !ok {
			ww = &[numTags]float32{}
			w[f] = ww
			total[f] = &[numTags]float64{}
			stamp[f] = step
		}
		// lazy averaging: add the weight held since the last change
		tt := total[f]
		for k := range tt {
			tt[k] += float64(step-stamp[f]) * float64(ww[k])
		}
		stamp[f] = step
		ww[t] += d
	}
	var buf []uint64
	for e := 0; e < epochs; e++ {
		for si, ws := range sents {
			prev := tagO
			for i := range ws {
				buf = staticFeatures(ws, i, buf[:0])
				buf = dynamicFeatures(ws, i, prev, buf)
				var s [numTags]float32
				for _, f := range buf {
					if ww, ok := w[f]; ok {
						for t := range s {
							s[t] += ww[t]
						}
					}
				}
				best := tagO
				for t := tagB; t < numTags; t++ {
					if t == tagI && prev == tagO {
						continue
					}
					if s[t] > s[best] {
						best = t
					}
				}
				g := gold[si][i]
				if best != g {
					for _, f := range buf {
						update(f, g, 1)
						update(f, best, -1)
					}
				}
				prev = g
				step++
			}
		}
	}
	out := make(triggerWeights, len(w))
	for f, ww := range w {
		tt := total[f]
		var avg [numTags]float32
		keep := false
		for k := range avg {
			v := (tt[k] + float64(step-stamp[f])*float64(ww[k])) / float64(step)
			avg[k] = float32(v)
			if v > 1e-3 || v < -1e-3 {
				keep = true
			}
		}
		if keep {
			out[f] = avg
		}
	}
	return out
}
