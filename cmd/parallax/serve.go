package main

import (
	"context"
	"errors"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	return errors.New("serve: not built yet")
}

func (m *Main) runReport(ctx context.Context, args []string) error {
	return errors.New("report: not built yet")
}
