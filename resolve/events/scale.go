package events

import (
	"context"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/model"
)

// ScaleReport is the cost of resolving one large story.
type ScaleReport struct {
	Documents int           `json:"documents"`
	Mentions  int           `json:"mentions"`
	Events    int           `json:"events"`
	Pairs     int           `json:"candidate_pairs"`
	Elapsed   time.Duration `json:"elapsed_ns"` // CPU time of Resolve
}

// Scale times Resolve on one story of n documents made by repeating the
// ECB+ test documents under new IDs: the worst case for blocking, since
// every lemma recurs in every copy.
func (r *Resolver) Scale(ctx context.Context, corpus string, n int, opts Options) (*ScaleReport, error) {
	if n <= 0 {
		return nil, fmt.Errorf("events: scale: want a positive document count, got %d", n)
	}
	tagger, err := entities.Load()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	tps, err := r.readECB(ctx, corpus, ecbplus.TestTopics, tagger)
	if err != nil {
		return nil, err
	}
	var base []*model.Annotated
	var ents []model.Entity
	for _, t := range tps {
		base = append(base, t.docs...)
		ents = append(ents, t.entities...)
	}
	docs := make([]*model.Annotated, 0, n)
	for i := 0; len(docs) < n; i++ {
		src := base[i%len(base)]
		cp := *src
		d := *src.Doc
		d.ID = fmt.Sprintf("%s#%d", d.ID, i/len(base))
		cp.Doc = &d
		docs = append(docs, &cp)
	}
	start := measure.CPUTime()
	res, err := r.Resolve(ctx, docs, ents, opts)
	if err != nil {
		return nil, err
	}
	el := measure.CPUTime() - start
	rep := &ScaleReport{Documents: n, Mentions: len(res.Mentions), Events: len(res.Events), Pairs: res.pairs, Elapsed: el}
	return rep, nil
}
