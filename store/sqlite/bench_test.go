package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/internal/synth"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// benchStoryDocs is the size of the story the read benchmarks load.
const benchStoryDocs = 200

// synthStory stores benchStoryDocs synthetic articles (raw and text both the
// article) as one story with an otherwise empty dossier, so the benchmarks
// time reading documents, not decoding analyses. It returns the text size.
func synthStory(b *testing.B) (*sqlite.Store, int64) {
	b.Helper()
	ctx := context.Background()
	s := openStore(b)
	story := model.Story{ID: "bench", Title: "synthetic"}
	var size int64
	for _, a := range synth.Articles(benchStoryDocs, 11) {
		d := &model.Document{
			ID: model.DocumentID(a.Body), Source: a.Name, Format: "text",
			Title: model.Str(fmt.Sprintf("Article %s", a.Name)), Text: string(a.Body), Raw: a.Body,
		}
		if _, err := s.PutDocument(ctx, d); err != nil {
			b.Fatal(err)
		}
		story.Documents = append(story.Documents, d.ID)
		size += int64(len(a.Body))
	}
	dossier := model.NewDossier()
	dossier.Stories = []model.Story{story}
	if err := s.PutStory(ctx, story, dossier); err != nil {
		b.Fatal(err)
	}
	return s, size
}

// BenchmarkStoryDocuments reads a 200-document story's documents.
func BenchmarkStoryDocuments(b *testing.B) {
	s, size := synthStory(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		docs, err := s.StoryDocuments(ctx, "bench")
		if err != nil || len(docs) != benchStoryDocs {
			b.Fatalf("%d documents: %v", len(docs), err)
		}
	}
}

// BenchmarkStoryDossier reads the same story as a dossier.
func BenchmarkStoryDossier(b *testing.B) {
	s, size := synthStory(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d, err := s.StoryDossier(ctx, "bench")
		if err != nil || len(d.Documents) != benchStoryDocs {
			b.Fatalf("%d documents: %v", len(d.Documents), err)
		}
	}
}
