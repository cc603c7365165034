// Command bench runs Parallax's entity tagger and github.com/jdkato/prose/v2
// (the existing Go NER) on the same raw-text evaluation data in one run and
// prints their exact-span precision, recall and F1, speed and memory side by
// side. It is a separate module so that prose never becomes a dependency of
// Parallax itself.
//
//	cd bench && go run . [-shared ../../shared] [-prose-docs N]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/entities/nereval"
)

func main() {
	shared := flag.String("shared", "../../shared", "shared data folder")
	proseDocs := flag.Int("prose-docs", 0, "tag only the first N documents of each set with both taggers (0: all)")
	flag.Parse()
	if err := run(context.Background(), *shared, *proseDocs); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// proseLabels maps prose's entity labels to the evaluation labels. prose
// has no group label; GPE and LOCATION both become places.
var proseLabels = map[string]string{"PERSON": "PER", "ORGANIZATION": "ORG", "ORG": "ORG", "GPE": "LOC", "LOCATION": "LOC"}

func run(ctx context.Context, shared string, limit int) error {
	uner, gum, err := nereval.Sets(shared)
	if err != nil {
		return err
	}
	unerText, _ := nereval.TextDocs(uner)
	gumText, _ := nereval.TextDocs(gum)
	if limit > 0 {
		unerText = unerText[:min(limit, len(unerText))]
		gumText = gumText[:min(limit, len(gumText))]
	}

	t0 := time.Now()
	ours, err := entities.Load()
	if err != nil {
		return err
	}
	oursLoad := time.Since(t0)
	oursHeap := heapInUse()

	t0 = time.Now()
	// prose embeds its model; build it once and reuse it for every
	// document (loading it per document costs ~0.3 s).
	first, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		return fmt.Errorf("prose: %w", err)
	}
	proseModel := first.Model
	proseLoad := time.Since(t0)
	bothHeap := heapInUse()

	oursTag := func(ctx context.Context, d nereval.TextDoc) ([]nereval.CharSpan, error) {
		return nereval.Ours(ctx, ours, d)
	}
	proseTag := func(ctx context.Context, d nereval.TextDoc) ([]nereval.CharSpan, error) {
		doc, err := prose.NewDocument(d.Text, prose.UsingModel(proseModel), prose.WithSegmentation(false))
		if err != nil {
			return nil, err
		}
		return proseSpans(d.Text, doc), nil
	}
	sets := []struct {
		name   string
		docs   []nereval.TextDoc
		labels []string
	}{
		{"UNER EWT test", unerText, nereval.UNERLabels},
		{"GUM test", gumText, nereval.GUMLabels},
		{"GUM test, PER/ORG/LOC only", gumText, nereval.UNERLabels},
	}
	fmt.Printf("Raw text, exact byte spans, CoNLL-style. prose has no group type: GRP counts against it in the\nfirst GUM table only; the second leaves groups out for both taggers.\n")
	if limit > 0 {
		fmt.Printf("Subsampled: the first %d documents of each set.\n", limit)
	}
	var speeds []string
	for _, s := range sets {
		bytes := 0
		for _, d := range s.docs {
			bytes += len(d.Text)
		}
		for _, tg := range []struct {
			name string
			tag  nereval.TagFunc
		}{{"parallax", oursTag}, {"prose", proseTag}} {
			start := time.Now()
			cpu0 := cpuTime()
			sc, err := nereval.ScoreText(ctx, s.docs, s.labels, tg.tag)
			if err != nil {
				return fmt.Errorf("%s on %s: %w", tg.name, s.name, err)
			}
			cpu := cpuTime() - cpu0
			wall := time.Since(start)
			sc.Print(os.Stdout, fmt.Sprintf("%s — %s (%d docs, %.2f MB)", s.name, tg.name, len(s.docs), float64(bytes)/1e6))
			if s.name == "GUM test, PER/ORG/LOC only" {
				continue
			}
			speeds = append(speeds, fmt.Sprintf("  %-14s %-9s %6.3f MB/s per core (CPU time), %6.3f MB/s wall", s.name, tg.name,
				nereval.MBps(int64(bytes), cpu), nereval.MBps(int64(bytes), wall)))
		}
	}
	fmt.Println("speed (tokenise + tag, one goroutine):")
	for _, l := range speeds {
		fmt.Println(l)
	}
	fmt.Printf("load: parallax %s (heap after load %.1f MB), prose %s (heap with both loaded %.1f MB)\n",
		oursLoad.Round(time.Millisecond), float64(oursHeap)/1e6, proseLoad.Round(time.Millisecond), float64(bothHeap)/1e6)
	fmt.Printf("peak RSS of this run: %.1f MB\n", float64(nereval.PeakRSS())/1e6)
	return nil
}

// proseSpans finds prose's entities in text. prose reports entity text,
// not offsets, so each is located at or after the end of the previous
// match, in order.
func proseSpans(text string, doc *prose.Document) []nereval.CharSpan {
	var out []nereval.CharSpan
	pos := 0
	for _, e := range doc.Entities() {
		label, ok := proseLabels[e.Label]
		if !ok {
			continue
		}
		i := indexFrom(text, e.Text, pos)
		if i < 0 {
			continue
		}
		out = append(out, nereval.CharSpan{Start: i, End: i + len(e.Text), Label: label})
		pos = i + len(e.Text)
	}
	return out
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
