package curate

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/model"
)

// Store is what recording a decision needs: the story's dossier as it
// stands (decisions applied) and a place to keep the decision.
type Store interface {
	StoryDossier(ctx context.Context, storyID string) (*model.Dossier, error)
	model.DecisionStore
}

// Record checks x against the story's current dossier and stores it. The
// returned decision has its ID, and the State it has once applied.
func Record(ctx context.Context, st Store, storyID string, x model.Decision) (model.Decision, error) {
	d, err := st.StoryDossier(ctx, storyID)
	if err != nil {
		return x, err
	}
	x, err = Prepare(d, storyID, x, time.Now())
	if err != nil {
		return x, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	stored, err := st.AddDecision(ctx, x)
	if err != nil {
		return x, err
	}
	after, err := st.StoryDossier(ctx, storyID)
	if err != nil {
		return stored, err
	}
	for _, y := range after.Decisions {
		if y.ID == stored.ID {
			return y, nil
		}
	}
	return stored, nil
}

// ErrInvalid marks a decision refused by Prepare (bad input, not a storage
// failure).
var ErrInvalid = errors.New("invalid decision")
