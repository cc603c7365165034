package pipeline_test

import (
	"context"
	"testing"

	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// synthStoryDocs is the size of the stored story the benchmarks re-read.
const synthStoryDocs = 200

// storedSynthStory analyses synthStoryDocs synthetic articles into a fresh
// store once and returns the pipeline, the store, the story ID and the
// articles' raw size.
func storedSynthStory(b *testing.B) (*pipeline.Pipeline, *sqlite.Store, string, int64) {
	b.Helper()
	p, st := newPipeline(b)
	inputs := synthInputs(synthStoryDocs, 7)
	var size int64
	for _, in := range inputs {
		size += int64(len(in.Raw))
	}
	res, err := p.AnalyzeInputs(context.Background(), st, inputs, "")
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Failed) > 0 || len(res.Dossier.Documents) != synthStoryDocs {
		b.Fatalf("stored %d documents, failed %v; want %d", len(res.Dossier.Documents), res.Failed, synthStoryDocs)
	}
	return p, st, res.Story.ID, size
}

// BenchmarkLoadStoryDocuments times reading a stored story's documents back
// for re-analysis, without the analysis.
func BenchmarkLoadStoryDocuments(b *testing.B) {
	p, st, story, size := storedSynthStory(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		docs, err := pipeline.StoryDocuments(p, ctx, st, story)
		if err != nil || len(docs) != synthStoryDocs {
			b.Fatalf("loaded %d documents: %v", len(docs), err)
		}
	}
}

// BenchmarkReanalyze times re-analysing a stored story of synthetic
// articles: load, every stage, store.
func BenchmarkReanalyze(b *testing.B) {
	p, st, story, size := storedSynthStory(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d, err := p.Reanalyze(ctx, st, story)
		if err != nil || len(d.Documents) != synthStoryDocs {
			b.Fatalf("re-analysed %d documents: %v", len(d.Documents), err)
		}
	}
}
