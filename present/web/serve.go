package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

// ErrTokenRequired is returned by Serve when asked to listen beyond the
// loopback interface without an access token.
var ErrTokenRequired = errors.New("listening on a non-loopback address requires an access token (--token or PARALLAX_TOKEN)")

// Serve serves s on ln until ctx is cancelled, then shuts down gracefully.
// It refuses a non-loopback listener when s has no access token.
func Serve(ctx context.Context, ln net.Listener, s *Server) error {
	if s.opts.Token == "" && !IsLoopback(ln.Addr().String()) {
		return fmt.Errorf("%s: %w", ln.Addr(), ErrTokenRequired)
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Uploads and analysis can take minutes on a slow machine.
		ReadTimeout:  5 * time.Minute,
		WriteTimeout: 15 * time.Minute,
		IdleTimeout:  2 * time.Minute,
		BaseContext:  func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			return fmt.Errorf("shut down: %w", err)
		}
		return nil
	}
}

// PipelineAnalyzer adapts the analysis pipeline to Analyzer: added
// articles are cleaned, stored in st and analysed into a story.
func PipelineAnalyzer(p *pipeline.Pipeline, st model.Store) Analyzer {
	return AnalyzerFunc(func(ctx context.Context, inputs []ingest.Input, storyID string) (*AnalyzeResult, error) {
		res, err := p.AnalyzeInputs(ctx, st, inputs, storyID)
		if err != nil {
			return nil, err
		}
		return &AnalyzeResult{StoryID: res.Story.ID, Added: res.Added, Known: res.Known, Failed: res.Failed}, nil
	})
}
