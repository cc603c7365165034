package main

import (
	"context"
	"errors"
)

func (m *Main) runAnalyze(ctx context.Context, args []string) error {
	return errors.New("analyze: not built yet")
}
