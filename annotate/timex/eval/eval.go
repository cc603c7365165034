// Package eval measures the timex stage: detection precision, recall and F1
// (exact and overlapping spans) and normalised-value accuracy against a
// hand-annotated gold file, and extraction speed over a corpus.
//
// In: testdata/timex/gold.jsonl (one sentence per line with its reference
// date and expected expressions) and optionally the ECB+ corpus for speed.
// Out: a Report, printable as text.
package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/jsonl"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
)

// GoldItem is one line of the gold file.
type GoldItem struct {
	// Source says where the sentence comes from ("ecbplus 19_3ecbplus.xml
	// sentence 2", or "parallax" for sentences written for this set).
	Source string `json:"source"`
	// Reference is the article's date ("2006-01-02"), or "" when unknown.
	Reference string      `json:"reference"`
	Text      string      `json:"text"`
	Timexes   []GoldTimex `json:"timexes"`
}

// GoldTimex is one expected expression; Text occurs in the item's Text, and
// repeated texts are matched in order.
type GoldTimex struct {
	Text        string            `json:"text"`
	Value       string            `json:"value"`
	Granularity model.Granularity `json:"granularity"`
	Modifier    string            `json:"modifier,omitempty"`
}

// DefaultGold are the gold files scored when Options.Gold is empty: the
// development set (rules were written while looking at it) and the
// held-out set (annotated before the system first ran on it, never tuned
// on).
var DefaultGold = []GoldFile{
	{Name: "development", Path: filepath.Join("testdata", "timex", "gold.jsonl")},
	{Name: "held-out", Path: filepath.Join("testdata", "timex", "heldout.jsonl")},
}

// GoldFile names one gold file.
type GoldFile struct{ Name, Path string }

// Options configures Run. The zero value reads the default paths relative
// to the repository root.
type Options struct {
	// Gold is one gold file to score; empty means DefaultGold.
	Gold string
	// Corpus is the ECB+ docs folder for the speed run; default
	// ../shared/corpora/ecbplus/docs. Empty string after defaults and a
	// missing folder skip the speed run.
	Corpus string
	// SpeedRounds repeats the corpus to time it; default 3.
	SpeedRounds int
	// Errors, when non-nil, receives one line per mismatch.
	Errors io.Writer
}

// Report holds the figures: one Scores per gold file, and the speed run.
type Report struct {
	Sets []*Scores
	Speed
}

// Scores are the quality figures on one gold file.
type Scores struct {
	Name                   string
	Items, Gold, Predicted int
	// Exact and Overlap count true positives under each span criterion.
	Exact, Overlap int
	// ValueCorrect counts overlap-matched expressions whose value equals
	// the gold value; GranCorrect the same for granularity.
	ValueCorrect, GranCorrect int
}

// Speed holds the timing of Reference+Extract over a corpus.
type Speed struct {
	SpeedDocs    int
	SpeedBytes   int64
	SpeedSeconds float64 // wall time of all rounds, one goroutine
	// BestRoundSeconds is the fastest single pass over the corpus: on a
	// shared machine it is the figure least disturbed by other work.
	BestRoundSeconds float64
	RoundBytes       int64
	// CPUSeconds is the process's user+system CPU time over the runs: on a
	// busy shared machine, bytes per CPU second is the per-core figure
	// least affected by other processes. 0 when unavailable.
	CPUSeconds   float64
	PeakRSSKB    int64   // VmHWM after the runs, in KiB
	PeakHeapMB   float64 // largest HeapSys sampled
	SpeedSkipped string  // why speed was not measured, if it was not
}

// Print writes the report as text.
func (rep *Report) Print(w io.Writer) {
	for _, s := range rep.Sets {
		s.Print(w)
	}
	rep.Speed.Print(w)
}

// Print writes the scores as text.
func (r *Scores) Print(w io.Writer) {
	fmt.Fprintf(w, "timex %s set: %d sentences, %d gold expressions, %d predicted\n", r.Name, r.Items, r.Gold, r.Predicted)
	p, rc, f := metric.PRF(r.Exact, r.Predicted, r.Gold)
	fmt.Fprintf(w, "  detection, exact span:   P %.3f  R %.3f  F1 %.3f\n", p, rc, f)
	p, rc, f = metric.PRF(r.Overlap, r.Predicted, r.Gold)
	fmt.Fprintf(w, "  detection, overlap:      P %.3f  R %.3f  F1 %.3f\n", p, rc, f)
	acc := 0.0
	if r.Overlap > 0 {
		acc = float64(r.ValueCorrect) / float64(r.Overlap)
	}
	fmt.Fprintf(w, "  value accuracy (of detected):     %.3f (%d/%d)\n", acc, r.ValueCorrect, r.Overlap)
	fmt.Fprintf(w, "  value accuracy (of all gold):     %.3f (%d/%d)\n", float64(r.ValueCorrect)/float64(max(1, r.Gold)), r.ValueCorrect, r.Gold)
	p, rc, f = metric.PRF(r.ValueCorrect, r.Predicted, r.Gold)
	fmt.Fprintf(w, "  value P/R/F1 (TempEval-3 style):  P %.3f  R %.3f  F1 %.3f   (HeidelTime on TempEval-3: value F1 ~0.78)\n", p, rc, f)
	gacc := 0.0
	if r.Overlap > 0 {
		gacc = float64(r.GranCorrect) / float64(r.Overlap)
	}
	fmt.Fprintf(w, "  granularity accuracy (of detected): %.3f\n", gacc)
}

// Print writes the speed figures as text.
func (r *Speed) Print(w io.Writer) {
	if r.SpeedSkipped != "" {
		fmt.Fprintf(w, "speed: skipped (%s)\n", r.SpeedSkipped)
		return
	}
	mb := float64(r.SpeedBytes) / 1e6
	fmt.Fprintf(w, "speed (Reference+Extract, GOMAXPROCS=1): %d docs, %.2f MB in %.2f s: mean %.1f MB/s per core, %.0f docs/s; best round %.1f MB/s\n",
		r.SpeedDocs, mb, r.SpeedSeconds, mb/r.SpeedSeconds, float64(r.SpeedDocs)/r.SpeedSeconds, float64(r.RoundBytes)/1e6/r.BestRoundSeconds)
	if r.CPUSeconds > 0 {
		fmt.Fprintf(w, "  per CPU second (user+sys, includes GC): %.1f MB/s\n", mb/r.CPUSeconds)
	}
	fmt.Fprintf(w, "memory: peak RSS %.1f MB (includes the loaded corpus), peak Go heap %.1f MB\n", float64(r.PeakRSSKB)/1024, r.PeakHeapMB)
}

// ReadGold reads a gold file.
func ReadGold(path string) ([]GoldItem, error) {
	items, err := jsonl.Read[GoldItem](path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return items, nil
}

// goldSpans locates each gold expression in the text, in order.
func goldSpans(it GoldItem) ([]model.Range, error) {
	out := make([]model.Range, len(it.Timexes))
	from := 0
	for k, g := range it.Timexes {
		at := strings.Index(it.Text[from:], g.Text)
		if at < 0 {
			// Gold lists may not be in text order; search from the start.
			at = strings.Index(it.Text, g.Text)
			if at < 0 {
				return nil, fmt.Errorf("gold %q: %q not in text", it.Source, g.Text)
			}
		} else {
			at += from
		}
		out[k] = model.Range{Start: at, End: at + len(g.Text)}
		from = at + len(g.Text)
	}
	return out, nil
}

// Run scores the gold file and times the corpus.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Corpus == "" {
		opts.Corpus = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if opts.SpeedRounds <= 0 {
		opts.SpeedRounds = 3
	}
	files := DefaultGold
	if opts.Gold != "" {
		files = []GoldFile{{Name: filepath.Base(opts.Gold), Path: opts.Gold}}
	}
	rep := &Report{}
	for _, f := range files {
		logf(opts.Errors, "== %s (%s)", f.Name, f.Path)
		sc, err := ScoreFile(ctx, f, opts.Errors)
		if err != nil {
			return nil, err
		}
		rep.Sets = append(rep.Sets, sc)
	}
	if err := speed(ctx, &rep.Speed, opts); err != nil {
		return nil, err
	}
	return rep, nil
}

// ScoreFile scores Reference+Extract on one gold file; mismatches go to
// errs when it is not nil.
func ScoreFile(ctx context.Context, f GoldFile, errs io.Writer) (*Scores, error) {
	items, err := ReadGold(f.Path)
	if err != nil {
		return nil, err
	}
	sc := &Scores{Name: f.Name, Items: len(items)}
	for n, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gold, err := goldSpans(it)
		if err != nil {
			return nil, err
		}
		doc := &model.Document{ID: "gold-" + strconv.Itoa(n+1), Text: it.Text, Published: model.Str(it.Reference)}
		pred := timex.Extract(doc, timex.Reference(doc))
		score(sc, it, gold, pred, errs)
	}
	return sc, nil
}

// score matches predictions to gold one-to-one: exact spans first, then
// any overlap.
func score(rep *Scores, it GoldItem, gold []model.Range, pred []model.Timex, errs io.Writer) {
	rep.Gold += len(gold)
	rep.Predicted += len(pred)
	usedP := make([]bool, len(pred))
	matched := make([]int, len(gold))
	for g := range matched {
		matched[g] = -1
	}
	for g, gr := range gold {
		for k, p := range pred {
			if !usedP[k] && p.Start == gr.Start && p.End == gr.End {
				usedP[k], matched[g] = true, k
				rep.Exact++
				break
			}
		}
	}
	for g, gr := range gold {
		if matched[g] >= 0 {
			continue
		}
		for k, p := range pred {
			if !usedP[k] && p.Range().Overlaps(gr) {
				usedP[k], matched[g] = true, k
				break
			}
		}
	}
	for g, k := range matched {
		gt := it.Timexes[g]
		if k < 0 {
			logf(errs, "MISS  %-28q want %-22s | ref %s | %s", gt.Text, gt.Value, it.Reference, it.Text)
			continue
		}
		rep.Overlap++
		p := pred[k]
		if p.Value == gt.Value {
			rep.ValueCorrect++
		} else {
			logf(errs, "VALUE %-28q got %-22s want %-22s | ref %s | %s", p.Text, p.Value, gt.Value, it.Reference, it.Text)
		}
		if p.Granularity == gt.Granularity {
			rep.GranCorrect++
		}
		if p.Start != gold[g].Start || p.End != gold[g].End {
			logf(errs, "SPAN  got %q want %q", p.Text, gt.Text)
		}
	}
	for k, p := range pred {
		if !usedP[k] {
			logf(errs, "EXTRA %-28q value %-22s | ref %s | %s", p.Text, p.Value, it.Reference, it.Text)
		}
	}
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// speed times Reference+Extract over every ECB+ document, single-threaded.
func speed(ctx context.Context, rep *Speed, opts Options) error {
	if _, err := os.Stat(opts.Corpus); err != nil {
		rep.SpeedSkipped = "corpus not found at " + opts.Corpus
		return nil
	}
	var topics []int
	entries, err := os.ReadDir(opts.Corpus)
	if err != nil {
		return fmt.Errorf("speed: %w", err)
	}
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			topics = append(topics, n)
		}
	}
	edocs, err := ecbplus.ReadTopics(opts.Corpus, topics)
	if err != nil {
		return fmt.Errorf("speed: %w", err)
	}
	docs := make([]*model.Document, 0, len(edocs))
	for _, d := range edocs {
		text, _, sents := d.Text()
		docs = append(docs, &model.Document{ID: d.Name, Text: text, Sentences: sents})
	}
	if len(docs) == 0 {
		rep.SpeedSkipped = "no documents in " + opts.Corpus
		return nil
	}
	// One core: GOMAXPROCS(1) keeps the collector on the same core, so the
	// figure is per core.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.GC()
	var heap measure.HeapPeak
	sink := 0
	cpu0 := cpuSeconds()
	start := time.Now()
	for round := 0; round < opts.SpeedRounds; round++ {
		roundStart := time.Now()
		rep.RoundBytes = 0
		for k, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			sink += len(timex.Extract(d, timex.Reference(d)))
			rep.SpeedBytes += int64(len(d.Text))
			rep.RoundBytes += int64(len(d.Text))
			rep.SpeedDocs++
			if k%200 == 0 {
				heap.Sample()
			}
		}
		if sec := time.Since(roundStart).Seconds(); rep.BestRoundSeconds == 0 || sec < rep.BestRoundSeconds {
			rep.BestRoundSeconds = sec
		}
	}
	rep.SpeedSeconds = time.Since(start).Seconds()
	if cpu0 >= 0 {
		rep.CPUSeconds = cpuSeconds() - cpu0
	}
	if sink == 0 {
		return errors.New("speed: no expression found in the corpus")
	}
	rep.PeakHeapMB = float64(heap.Peak()) / (1 << 20)
	rep.PeakRSSKB = int64(measure.PeakRSS() / 1024)
	return nil
}

// cpuSeconds is the process's user+system CPU time, or -1 when unknown.
func cpuSeconds() float64 {
	if t := measure.CPUTime(); t > 0 {
		return t.Seconds()
	}
	return -1
}
