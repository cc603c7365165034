package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// ScaleFigures are the cost of comparing one large story.
type ScaleFigures struct {
	Docs   int `json:"docs"`
	Claims int `json:"claims"`
	Facts  int `json:"facts"`
	// Seconds is the time of the comparison stage alone (event
	// coreference and compare.Compare), on one goroutine, after annotation
	// and entity resolution.
	Seconds       float64 `json:"compare_seconds"`
	DocsPerSecond float64 `json:"compare_docs_per_second"`
	PeakHeapMB    float64 `json:"peak_heap_mb"`
}

// RunScale reads the first n ECB+ documents (topics in order) as ONE story,
// the worst case for comparison: a thousand reports of forty-odd events,
// annotates and resolves them, then times the comparison alone.
func RunScale(ctx context.Context, w io.Writer, an *Analyzer, dir string, n int, asJSON bool, opts compare.Options) error {
	var topics []int
	for t := 1; t <= 45; t++ {
		topics = append(topics, t)
	}
	var docs []*model.Document
	for _, t := range topics {
		eds, err := ecbplus.ReadTopics(dir, []int{t})
		if err != nil {
			continue // ECB+ skips some topic numbers
		}
		for _, ed := range eds {
			if len(docs) < n {
				docs = append(docs, ECBDocument(ed))
			}
		}
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval facts: no ECB+ documents under %s", dir)
	}
	annotated, err := an.p.Annotate(ctx, docs)
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	ents, err := resolve.Entities(ctx, annotated, resolve.Options{})
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	claims := 0
	for _, a := range annotated {
		claims += len(compare.Extract(a, opts))
	}
	stopPeak := measure.WatchHeap(20 * time.Millisecond)
	start := time.Now()
	facts, err := an.p.CompareStory(ctx, annotated, ents)
	secs := time.Since(start).Seconds()
	peak := stopPeak()
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	f := ScaleFigures{Docs: len(docs), Claims: claims, Facts: len(facts), Seconds: secs, DocsPerSecond: float64(len(docs)) / secs, PeakHeapMB: float64(peak) / (1 << 20)}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(f)
	}
	fmt.Fprintf(w, "one story of %d ECB+ documents: %d claims, %d facts; comparison %.1f s on one goroutine (%.1f docs/s), peak heap %.0f MB\n",
		f.Docs, f.Claims, f.Facts, f.Seconds, f.DocsPerSecond, f.PeakHeapMB)
	return nil
}
