package entities_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/model"
)

// BenchmarkTag tokenises and tags a news-like text; read it as MB/s.
func BenchmarkTag(b *testing.B) {
	t, err := entities.Load()
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile("../../testdata/entities/news/input.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(raw)+"\n\n", 20)
	doc := &model.Document{ID: "bench", Text: text}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := t.Tag(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
