package pipeline

import (
	"context"
	"fmt"

	"github.com/parallaxnews/parallax/model"
)

// storyDecisions returns the users' decisions on a story when the store
// keeps them. finish applies corrected metadata to the documents before
// analysis (so a corrected date anchors the document's relative dates) and
// every decision to the dossier after comparison. What is stored is the
// analysis without the decisions: the store applies them on every read, so
// an undo takes effect at once.
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
