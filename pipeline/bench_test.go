package pipeline_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/internal/measure"
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

// BenchmarkAddOneArticle times adding one article to a stored story of 100
// and 500 synthetic articles, with the other articles' annotations read
// back from the store ("stored") and with every document annotated again
// as before stored annotations ("reannotate", which also rewrites them),
// in CPU seconds per addition; and reports the stored annotations' bytes
// per document.
//
//	go test -run '^$' -bench AddOneArticle -benchtime 3x ./pipeline
func BenchmarkAddOneArticle(b *testing.B) {
	for _, n := range []int{100, 500} {
		ctx := context.Background()
		p, st := newPipeline(b)
		res, err := p.AnalyzeInputs(ctx, st, synthInputs(n, 11), "")
		if err != nil {
			b.Fatal(err)
		}
		story := res.Story.ID
		re, err := pipeline.New(pipeline.Options{Reannotate: true})
		if err != nil {
			b.Fatal(err)
		}
		rows, size, err := st.AnnotationStats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		added := 0
		for _, mode := range []struct {
			name string
			p    *pipeline.Pipeline
		}{{"stored", p}, {"reannotate", re}} {
			b.Run(fmt.Sprintf("%s/%d", mode.name, n), func(b *testing.B) {
				cpu := measure.CPUTime()
				for b.Loop() {
					added++
					one := synthInputs(1, uint64(1000+added))
					one[0].Source = fmt.Sprintf("added-%d/%s", added, one[0].Source)
					if _, err := mode.p.AnalyzeInputs(ctx, st, one, story); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric((measure.CPUTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(float64(size)/float64(rows), "annotation-bytes/doc")
			})
		}
	}
}
