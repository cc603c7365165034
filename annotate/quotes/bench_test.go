package quotes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quotes"
	"github.com/parallaxnews/parallax/annotate/quotes/eval"
	"github.com/parallaxnews/parallax/model"
)

// BenchmarkExtract runs the extractor over the annotated passages; it
// reports MB/s through b.SetBytes.
func BenchmarkExtract(b *testing.B) {
	ps, err := eval.Load(filepath.Join("..", "..", "testdata", "quotes"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []*model.Document
	size := 0
	for _, p := range ps {
		docs = append(docs, &model.Document{ID: p.ID, Text: p.Text})
		size += len(p.Text)
	}
	if extra := os.Getenv("QUOTES_BENCH_TEXT"); extra != "" {
		raw, err := os.ReadFile(extra)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range strings.Split(string(raw), "\f") {
			docs = append(docs, &model.Document{ID: "x", Text: t})
			size += len(t)
		}
	}
	quotes.Extract(docs[0], nil, nil, nil, model.Reference{})
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			quotes.Extract(d, nil, nil, nil, model.Reference{})
		}
	}
}

// BenchmarkExtractLongDocument runs the extractor on one long document (all
// passages joined, eight times over, about 300 KB) to keep the cost linear
// in document length.
func BenchmarkExtractLongDocument(b *testing.B) {
	ps, err := eval.Load(filepath.Join("..", "..", "testdata", "quotes"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for r := 0; r < 8; r++ {
		for _, p := range ps {
			sb.WriteString(p.Text)
			sb.WriteString("\n\n")
		}
	}
	doc := &model.Document{ID: "long", Text: sb.String()}
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		quotes.Extract(doc, nil, nil, nil, model.Reference{})
	}
}
