package main

import (
	"context"
	"errors"
)

// runTrain rebuilds shipped models (NER tagger, gazetteer) from ../shared.
func (m *Main) runTrain(ctx context.Context, args []string) error {
	return errors.New("train: not built yet")
}
