package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"sync/atomic"

	"github.com/parallaxnews/parallax/model"
)

// annotationRules names what the per-document stages (tokenize, entities,
// timex, quantity, quotes, syntax) find. Change it with any change to their
// rules, lexicons or models that changes their output: stored annotations
// made under another value are made again (docs/stories.md, "Incremental
// analysis"). A binary built from a git checkout adds its revision, so a
// built program never reads annotations another revision made.
const annotationRules = "2026-12-07.2"

// annotationVersion is the stamp stored with each annotation.
func annotationVersion(parse bool) string {
	h := sha256.New()
	fmt.Fprintf(h, "rules %s\n", annotationRules)
	if parse {
		fmt.Fprintln(h, "parse")
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				fmt.Fprintf(h, "%s %s\n", s.Key, s.Value)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// annotationChunk is how many documents are read from the store, annotated
// and stored at a time: one transaction per chunk, and at most a chunk of
// annotations in memory beyond what the caller keeps.
const annotationChunk = 256

// annotateStored calls each with the annotation of every document of docs
// (by index), in chunks: annotations stored under the current version are
// read back; the others are made, Options.Workers at a time, and stored in
// one transaction per chunk. st may be nil or a store without annotations:
// then every document is annotated. Progress hears of every document under
// stage.
func (p *Pipeline) annotateStored(ctx context.Context, st model.Store, docs []*model.Document, stage string, each func(i int, a *model.Annotated)) error {
	as, _ := st.(model.AnnotationStore)
	var done atomic.Int64
	for start := 0; start < len(docs); start += annotationChunk {
		chunk := docs[start:min(start+annotationChunk, len(docs))]
		stored := map[string]*model.Annotated{}
		if as != nil && !p.opts.Reannotate {
			var err error
			if stored, err = as.Annotations(ctx, p.version, chunk); err != nil {
				return err
			}
		}
		var missing []int
		for i, d := range chunk {
			if a := stored[d.ID]; a != nil {
				each(start+i, a)
				p.tick(stage, &done, len(docs))
			} else {
				missing = append(missing, i)
			}
		}
		made := make([]*model.Annotated, len(missing))
		err := p.parallel(ctx, len(missing), func(k int) (err error) {
			made[k], err = p.annotate(ctx, chunk[missing[k]])
			p.annotated.Add(1)
			p.tick(stage, &done, len(docs))
			return err
		})
		if err != nil {
			return err
		}
		if as != nil {
			if err := as.PutAnnotations(ctx, p.version, made); err != nil {
				return stopped(ctx, fmt.Errorf("store annotations: %w", err))
			}
		}
		for k, i := range missing {
			each(start+i, made[k])
		}
	}
	return nil
}

// Annotated reports how many documents this pipeline has annotated, as
// opposed to reading their annotations back from the store: adding one
// article to a stored story annotates one.
func (p *Pipeline) Annotated() int64 { return p.annotated.Load() }
