package pipeline

import (
	"context"
	"fmt"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
)

// storyDecisions returns the users' decisions on a story when the store
// keeps them. finish applies corrected metadata to the documents before
// analysis (so a corrected date anchors the document's relative dates),
// merges and splits to the resolved entities before comparison (so facts
// about merged entities are compared as one: analyzeDecided), and verdict
// decisions to the dossier after comparison, by fact ID. What is stored is
// the analysis with merges and splits but without the other decisions: the
// store applies them on every read, so an undo of a verdict takes effect at
// once, and an undo of a merge or split at the next re-analysis.
func storyDecisions(ctx context.Context, st model.Store, storyID string) ([]model.Decision, error) {
	ds, ok := st.(model.DecisionStore)
	if !ok {
		return nil, nil
	}
	decisions, err := ds.Decisions(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("load decisions of story %s: %w", storyID, err)
	}
	return decisions, nil
}

// analyzeDecided is Analyze with the story's merges and splits applied to
// the resolved entities before the timeline and the facts are built, and
// the per-document annotations kept in st (nil: none).
func (p *Pipeline) analyzeDecided(ctx context.Context, st model.Store, storyID string, docs []*model.Document, decisions []model.Decision) (*model.Dossier, model.Story, error) {
	annotated, err := p.annotateStory(ctx, st, docs)
	if err != nil {
		return nil, model.Story{}, err
	}
	return p.analyzeAnnotated(ctx, st, storyID, annotated, decisions)
}

// mergeDecided applies the users' merges and splits to the resolved
// entities, returns the IDs of those applied, and points the documents' mentions at the entities they now
// belong to, since the timeline and comparison read a mention's entity.
func mergeDecided(annotated []*model.Annotated, ents []model.Entity, decisions []model.Decision) ([]model.Entity, []int64) {
	merged, applied := curate.MergeEntities(ents, decisions)
	if len(applied) == 0 {
		return merged, nil
	}
	owner := map[model.Span]string{}
	for _, e := range merged {
		for _, m := range e.Mentions {
			owner[m.Span] = e.ID
		}
	}
	for _, a := range annotated {
		for i := range a.Mentions {
			m := &a.Mentions[i]
			if id, ok := owner[m.Span]; ok && m.Entity != "" {
				m.Entity = id
			}
		}
	}
	return merged, applied
}
