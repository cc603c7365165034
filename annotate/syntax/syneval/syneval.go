// Package syneval measures the syntax model on held-out treebank text: tag,
// lemma and feature accuracy, unlabelled and labelled attachment, with the
// treebank's own words and from raw text through annotate/tokenize, plus
// speed and memory.
package syneval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/annotate/wordclusters"
	"github.com/parallaxnews/parallax/internal/measure"
)

// Options controls a run. The zero value means the defaults.
type Options struct {
	Shared string // shared data folder (default ../shared)
	// Model is a model file to measure instead of the embedded one.
	Model []byte
	// Dev measures on EWT dev instead of EWT test.
	Dev bool
	// MaxSentences, when positive, measures only the first that many
	// sentences of each set (for fast tests).
	MaxSentences int
	// SpeedSeconds is the least time the speed run takes (default 2; a
	// negative value skips it).
	SpeedSeconds float64
}

// Scores are the figures on one set with the treebank's words.
type Scores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	Feats     float64 `json:"feats"`
	UAS       float64 `json:"uas"`
	// LAS counts the universal relation ("obl" for "obl:tmod"), as the
	// CoNLL 2018 shared task did; LASFull counts the whole relation.
	LAS     float64 `json:"las"`
	LASFull float64 `json:"las_full"`
}

// RawScores are the figures from raw text: F1 over words aligned by their
// characters (a word counts when our tokeniser found exactly its span).
type RawScores struct {
	GoldWords int     `json:"gold_words"`
	Words     float64 `json:"words"`
	Sentences float64 `json:"sentences"`
	UPOS      float64 `json:"upos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
}

// Report is the result of a run.
type Report struct {
	// The top-level figures are EWT test with gold words and predicted
	// tags, the ones the targets name.
	UPOS   float64 `json:"upos"`
	UAS    float64 `json:"uas"`
	LAS    float64 `json:"las"`
	MBPerS float64 `json:"mb_per_s"`

	EWTSet    string    `json:"ewt_set"`
	EWT       Scores    `json:"ewt"`
	GUM       Scores    `json:"gum"`
	EWTRaw    RawScores `json:"ewt_raw"`
	GUMRaw    RawScores `json:"gum_raw"`
	ModelHeap uint64    `json:"model_heap_bytes"`
	PeakHeap  uint64    `json:"peak_heap_bytes"`
	SpeedMB   float64   `json:"speed_mb"`
}

// Run measures the model.
func Run(ctx context.Context, opt Options) (*Report, error) {
	if opt.Shared == "" {
		opt.Shared = "../shared"
	}
	if opt.SpeedSeconds == 0 {
		opt.SpeedSeconds = 2
	}
	tb, err := syntax.LoadTreebank(opt.Shared)
	if err != nil {
		return nil, err
	}
	cl, err := wordclusters.Load()
	if err != nil {
		return nil, err
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var m *syntax.Model
	if opt.Model != nil {
		m, err = syntax.Read(bytes.NewReader(opt.Model), cl)
	} else {
		m, err = syntax.Load()
	}
	if err != nil {
		return nil, err
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	rep := &Report{EWTSet: "test", ModelHeap: after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)}
	ewt, ewtDocs := tb.EWTTest, tb.EWTTestDocs
	if opt.Dev {
		rep.EWTSet = "dev"
		ewt = tb.EWTDev
		ewtDocs = splitDocs(tb.EWTDev)
	}
	gum, gumDocs := tb.GUMTest, tb.GUMTestDocs
	if opt.MaxSentences > 0 {
		ewt, gum = ewt[:min(len(ewt), opt.MaxSentences)], gum[:min(len(gum), opt.MaxSentences)]
		ewtDocs, gumDocs = limitDocs(ewtDocs, opt.MaxSentences), limitDocs(gumDocs, opt.MaxSentences)
	}
	rep.EWT = goldWords(m, ewt)
	rep.GUM = goldWords(m, gum)
	rep.EWTRaw = rawText(m, ewtDocs)
	rep.GUMRaw = rawText(m, gumDocs)
	rep.UPOS, rep.UAS, rep.LAS = rep.EWT.UPOS, rep.EWT.UAS, rep.EWT.LAS
	if opt.SpeedSeconds > 0 {
		var texts []string
		for _, d := range append(append([][]syntax.TreeSentence{}, ewtDocs...), gumDocs...) {
			text, _ := docText(d)
			texts = append(texts, text)
		}
		var peak measure.HeapPeak
		bytesDone := 0
		cpu0, wall0 := measure.CPUTime(), time.Now()
		for time.Since(wall0).Seconds() < opt.SpeedSeconds {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for _, t := range texts {
				m.ParseText(t)
				bytesDone += len(t)
			}
			peak.Sample()
		}
		cpu := measure.CPUTime() - cpu0
		if cpu <= 0 {
			cpu = time.Since(wall0)
		}
		rep.MBPerS = float64(bytesDone) / 1e6 / cpu.Seconds()
		rep.SpeedMB = float64(bytesDone) / 1e6
		rep.PeakHeap = peak.Peak()
	}
	return rep, nil
}

func splitDocs(ss []syntax.TreeSentence) [][]syntax.TreeSentence {
	var out [][]syntax.TreeSentence
	for i, s := range ss {
		if i == 0 || s.NewDoc {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

func limitDocs(docs [][]syntax.TreeSentence, n int) [][]syntax.TreeSentence {
	var out [][]syntax.TreeSentence
	for _, d := range docs {
		if n <= 0 {
			break
		}
		if len(d) > n {
			d = d[:n]
		}
		out = append(out, d)
		n -= len(d)
	}
	return out
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

func goldWords(m *syntax.Model, sents []syntax.TreeSentence) Scores {
	var sc Scores
	var upos, xpos, lemma, feats, uas, las, lasFull int
	for _, s := range sents {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		got := m.ParseWords(forms)
		sc.Sentences++
		for i, g := range s.Words {
			p := got[i]
			sc.Words++
			if p.UPOS == g.UPOS {
				upos++
			}
			if p.XPOS == g.XPOS {
				xpos++
			}
			if p.Lemma == g.Lemma {
				lemma++
			}
			if p.Feats == syntax.ParseFeatures(g.Feats) {
				feats++
			}
			if p.Head+1 == g.Head {
				uas++
				if universal(p.Rel) == universal(g.Rel) {
					las++
				}
				if p.Rel == g.Rel {
					lasFull++
				}
			}
		}
	}
	n := float64(max(sc.Words, 1))
	sc.UPOS, sc.XPOS, sc.Lemma, sc.Feats = float64(upos)/n, float64(xpos)/n, float64(lemma)/n, float64(feats)/n
	sc.UAS, sc.LAS, sc.LASFull = float64(uas)/n, float64(las)/n, float64(lasFull)/n
	return sc
}

type span struct{ start, end int }

// docText joins a document's sentence texts (paragraphs by blank lines) and
// returns each gold word's byte span in it, sentence by sentence; a word
// that cannot be found gets span {-1,-1}.
func docText(doc []syntax.TreeSentence) (string, [][]span) {
	var b strings.Builder
	spans := make([][]span, len(doc))
	for si, s := range doc {
		if si > 0 {
			if s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		base := b.Len()
		text := s.Text
		b.WriteString(text)
		pos := 0
		spans[si] = make([]span, len(s.Words))
		for i := 0; i < len(s.Words); i++ {
			w := s.Words[i]
			if w.Token != "" && w.TokenFirst {
				// A multiword token: its words share its characters, in
				// order when they spell it out, else all of it.
				j := i
				for j < len(s.Words) && !s.Words[j].TokenLast {
					j++
				}
				k := strings.Index(text[pos:], w.Token)
				if k < 0 || j >= len(s.Words) {
					for x := i; x <= j && x < len(s.Words); x++ {
						spans[si][x] = span{-1, -1}
					}
					i = j
					continue
				}
				start := pos + k
				end := start + len(w.Token)
				off := start
				for x := i; x <= j; x++ {
					f := s.Words[x].Form
					if off+len(f) <= end && strings.EqualFold(text[off:off+len(f)], f) {
						spans[si][x] = span{base + off, base + off + len(f)}
						off += len(f)
					} else {
						spans[si][x] = span{base + start, base + end}
					}
				}
				pos = end
				i = j
				continue
			}
			k := strings.Index(text[pos:], w.Form)
			if k < 0 || k > 8 {
				spans[si][i] = span{-1, -1}
				continue
			}
			spans[si][i] = span{base + pos + k, base + pos + k + len(w.Form)}
			pos += k + len(w.Form)
		}
	}
	return b.String(), spans
}

func rawText(m *syntax.Model, docs [][]syntax.TreeSentence) RawScores {
	var r RawScores
	var predWords, wordsOK, upos, lemma, uas, las int
	var goldSents, predSents, sentsOK int
	for _, doc := range docs {
		text, spans := docText(doc)
		type goldRef struct{ sent, word int }
		gold := map[span]goldRef{}
		goldSentSpans := map[span]bool{}
		for si, ss := range spans {
			for wi, sp := range ss {
				if sp.start >= 0 {
					gold[sp] = goldRef{si, wi}
				}
			}
			r.GoldWords += len(ss)
			goldSents++
			if len(ss) > 0 && ss[0].start >= 0 && ss[len(ss)-1].start >= 0 {
				goldSentSpans[span{ss[0].start, ss[len(ss)-1].end}] = true
			}
		}
		for _, sent := range m.ParseText(text) {
			predSents++
			if goldSentSpans[span{sent[0].Start, sent[len(sent)-1].End}] {
				sentsOK++
			}
			for _, p := range sent {
				predWords++
				g, ok := gold[span{p.Start, p.End}]
				if !ok {
					continue
				}
				wordsOK++
				gw := doc[g.sent].Words[g.word]
				if p.UPOS == gw.UPOS {
					upos++
				}
				if p.Lemma == gw.Lemma {
					lemma++
				}
				// The head is right when it is the gold head's span (or
				// both are the root).
				headOK := false
				switch {
				case p.Head < 0:
					headOK = gw.Head == 0
				case gw.Head > 0:
					h := sent[p.Head]
					headOK = spans[g.sent][gw.Head-1] == span{h.Start, h.End}
				}
				if headOK {
					uas++
					if universal(p.Rel) == universal(gw.Rel) {
						las++
					}
				}
			}
		}
	}
	f1 := func(correct, pred, gold int) float64 {
		if pred+gold == 0 {
			return 0
		}
		return 2 * float64(correct) / float64(pred+gold)
	}
	r.Words = f1(wordsOK, predWords, r.GoldWords)
	r.Sentences = f1(sentsOK, predSents, goldSents)
	r.UPOS = f1(upos, predWords, r.GoldWords)
	r.Lemma = f1(lemma, predWords, r.GoldWords)
	r.UAS = f1(uas, predWords, r.GoldWords)
	r.LAS = f1(las, predWords, r.GoldWords)
	return r
}

// Print writes the report as text.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "gold words, predicted tags     UPOS    XPOS    lemma   feats   UAS     LAS     LAS(full rel)  words\n")
	row := func(name string, s Scores) {
		fmt.Fprintf(w, "%-30s %.4f  %.4f  %.4f  %.4f  %.4f  %.4f  %.4f         %d\n", name, s.UPOS, s.XPOS, s.Lemma, s.Feats, s.UAS, s.LAS, s.LASFull, s.Words)
	}
	row("EWT "+r.EWTSet, r.EWT)
	row("GUM test (held out)", r.GUM)
	fmt.Fprintf(w, "\nraw text, our tokeniser (F1)   words   sents   UPOS    lemma   UAS     LAS\n")
	raw := func(name string, s RawScores) {
		fmt.Fprintf(w, "%-30s %.4f  %.4f  %.4f  %.4f  %.4f  %.4f\n", name, s.Words, s.Sentences, s.UPOS, s.Lemma, s.UAS, s.LAS)
	}
	raw("EWT "+r.EWTSet, r.EWTRaw)
	raw("GUM test (held out)", r.GUMRaw)
	if r.SpeedMB > 0 {
		fmt.Fprintf(w, "\nspeed: %.2f MB/s per core (tokenise + tag + parse, %.1f MB of text)\n", r.MBPerS, r.SpeedMB)
	}
	fmt.Fprintf(w, "heap: model %.1f MB; peak during the speed run %.1f MB\n", float64(r.ModelHeap)/1e6, float64(r.PeakHeap)/1e6)
}

// PrintJSON writes the report as one JSON object.
func (r *Report) PrintJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	return enc.Encode(r)
}
