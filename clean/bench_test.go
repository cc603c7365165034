package clean_test

import (
	"context"
	"github.com/parallaxnews/parallax/internal/measure"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/synth"
)

// BenchmarkIngestClean reads and cleans a generated corpus of 10,000 noisy
// articles from disk on one goroutine and reports MB/s, documents/s and
// peak heap.
//
//	go test ./clean -run '^$' -bench IngestClean -benchtime 1x
func BenchmarkIngestClean(b *testing.B) {
	const n = 10_000
	dir := b.TempDir()
	var total int64
	for _, a := range synth.Articles(n, 1) {
		if err := os.WriteFile(filepath.Join(dir, a.Name), a.Body, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(a.Body))
	}
	b.SetBytes(total)
	runtime.GC()
	stopHeap := measure.WatchHeap(20 * time.Millisecond)
	b.ResetTimer()
	docs := 0
	for i := 0; i < b.N; i++ {
		err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{},
			func(in ingest.Input) error {
				if _, err := clean.Document(in); err != nil {
					b.Errorf("%s: %v", in.Source, err)
				}
				docs++
				return nil
			},
			func(e *ingest.Error) { b.Error(e) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	peak := stopHeap()
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
