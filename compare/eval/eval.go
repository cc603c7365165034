// Package eval measures fact comparison against hand-annotated stories and
// runs it over ECB+ topics.
//
// In: a story folder (articles plus gold.json, see testdata/compare/README.md)
// or the ECB+ corpus folder. Out: fact-group precision and recall, value
// precision and recall, status accuracy, and speed; for ECB+, counts of fact
// groups by status with examples.
//
// The documents go through the project's pipeline (ingest, clean,
// tokenize, dates, entities, quantities, quotes, resolution, syndication,
// timeline, comparison), so the figures measure the whole chain that feeds
// the comparison.
package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

// Analyzer runs the project's pipeline (every stage from cleaned text to
// facts) on one goroutine, so speed figures are per core.
type Analyzer struct {
	p *pipeline.Pipeline
}

// NewAnalyzer loads the pipeline's models.
func NewAnalyzer(opts compare.Options) (*Analyzer, error) {
	p, err := pipeline.New(pipeline.Options{Workers: 1, Compare: opts})
	if err != nil {
		return nil, fmt.Errorf("eval facts: %w", err)
	}
	return &Analyzer{p: p}, nil
}

// Analyze returns the dossier of one story's documents.
func (an *Analyzer) Analyze(ctx context.Context, docs []*model.Document) (*model.Dossier, error) {
	d, _, err := an.p.Analyze(ctx, "eval", docs)
	if err != nil {
		return nil, fmt.Errorf("eval facts: %w", err)
	}
	return d, nil
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
