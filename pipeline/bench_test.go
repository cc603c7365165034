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

// BenchmarkAddOneArticle times adding one article to a stored story of
// 100, 500 and 1,000 synthetic articles, with the other articles'
// annotations and parses read back from the store ("stored") and with
// every document annotated again as before stored annotations
// ("reannotate", which also rewrites them), in CPU seconds per addition
// (after one untimed addition); and reports the stored annotations' bytes per
// document. Each size is set up only when its name is asked for:
//
//	go test -run '^$' -bench 'AddOneArticle/500/stored' -benchtime 3x ./pipeline
func BenchmarkAddOneArticle(b *testing.B) {
	for _, n := range []int{100, 500, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkAddOneArticle(b, n) })
	}
}

func benchmarkAddOneArticle(b *testing.B, n int) {
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
	add := func(b *testing.B, p *pipeline.Pipeline) {
		added++
		one := synthInputs(1, uint64(1000+added))
		one[0].Source = fmt.Sprintf("added-%d/%s", added, one[0].Source)
		if _, err := p.AnalyzeInputs(ctx, st, one, story); err != nil {
			b.Fatal(err)
		}
	}
	for _, mode := range []struct {
		name string
		p    *pipeline.Pipeline
	}{{"stored", p}, {"reannotate", re}} {
		b.Run(mode.name, func(b *testing.B) {
			add(b, mode.p)
			cpu := measure.CPUTime()
			for b.Loop() {
				add(b, mode.p)
			}
			b.ReportMetric((measure.CPUTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(size)/float64(rows), "annotation-bytes/doc")
		})
	}
}
