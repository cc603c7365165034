// Package eval measures fact comparison against hand-annotated stories and
// runs it over ECB+ topics.
//
// In: a story folder (articles plus gold.json, see testdata/compare/README.md)
// or the ECB+ corpus folder. Out: fact-group precision and recall, value
// precision and recall, status accuracy, and speed; for ECB+, counts of fact
// groups by status with examples.
//
// The documents go through the same stages the pipeline runs (ingest,
// clean, tokenize, dates, entities, quantities, quotes, resolution,
// syndication) so the figures measure the whole chain that feeds the
// comparison.
package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve"
)

// Annotator runs the per-document and cross-document stages the comparison
// consumes.
type Annotator struct {
	tagger *entities.Tagger
}

// NewAnnotator loads the entity tagger.
func NewAnnotator() (*Annotator, error) {
	t, err := entities.Load()
	if err != nil {
		return nil, fmt.Errorf("eval facts: %w", err)
	}
	return &Annotator{tagger: t}, nil
}

// Annotate marks syndicated copies, annotates every document, resolves
// entities across them and fills quote speakers from resolution.
func (an *Annotator) Annotate(ctx context.Context, docs []*model.Document) ([]*model.Annotated, []model.Entity, error) {
	compare.MarkDuplicates(docs)
	out := make([]*model.Annotated, 0, len(docs))
	for _, doc := range docs {
		if len(doc.Sentences) == 0 {
			doc.Sentences = tokenize.Sentences(doc.Text)
		}
		ref := timex.Reference(doc)
		a := &model.Annotated{Doc: doc, Reference: ref}
		a.Timexes = timex.Extract(doc, ref)
		ms, err := an.tagger.Tag(ctx, doc)
		if err != nil {
			return nil, nil, fmt.Errorf("annotate %s: %w", doc.Source, err)
		}
		a.Mentions = ms
		a.Quantities = quantity.Extract(doc)
		a.Quotes = extractQuotes(doc, a.Mentions, a.Timexes, ref)
		out = append(out, a)
	}
	ents, err := resolve.Entities(ctx, out, resolve.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("annotate: %w", err)
	}
	ix := resolve.NewIndex(ents)
	for _, a := range out {
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if q.Speaker == nil && q.SpeakerRef != nil {
				if id, ok := ix.At(*q.SpeakerRef); ok {
					q.Speaker = &id
				}
			}
		}
	}
	return out, ents, nil
}

// ReadStory reads every article of a story folder (all files but gold.json
// and READMEs) and returns the cleaned documents and, for each, the file
// name it came from.
func ReadStory(ctx context.Context, dir string) ([]*model.Document, map[string]string, int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("read story: %w", err)
	}
	var docs []*model.Document
	fileOf := map[string]string{}
	var bytes int64
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "gold.json" || strings.HasPrefix(strings.ToLower(name), "readme") {
			continue
		}
		path := filepath.Join(dir, name)
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("read story: %w", err)
		}
		bytes += int64(len(raw))
		ins, errs := ingest.FromBytes(ctx, path, name, raw, ingest.Options{})
		if len(errs) > 0 {
			return nil, nil, 0, fmt.Errorf("read story %s: %w", path, errs[0])
		}
		for _, in := range ins {
			doc, err := clean.Document(in)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("read story %s: %w", path, err)
			}
			docs = append(docs, doc)
			fileOf[doc.ID] = name
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return fileOf[docs[i].ID] < fileOf[docs[j].ID] })
	return docs, fileOf, bytes, nil
}
