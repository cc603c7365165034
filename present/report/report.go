// Package report writes one stored story as a file to share: a single
// self-contained HTML page (inline CSS and SVG, no scripts, no external
// assets; opens offline and prints) or Markdown.
//
// In: a model.Store and a story ID. Out: the report, written to an
// io.Writer.
package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/discrepancy"
	"github.com/parallaxnews/parallax/present/web"
)

// Format is a report format.
type Format string

const (
	HTML     Format = "html"
	Markdown Format = "markdown"
)

// ErrNoStories is returned when the store holds no story to report on.
var ErrNoStories = errors.New("the database holds no stories; run parallax analyze first")

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "html", "htm":
		return HTML, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown report format %q (want html or markdown)", s)
}

// PickStory returns the story with that ID, or the most recently updated
// story when id is "".
func PickStory(ctx context.Context, st model.Store, id string) (model.Story, error) {
	stories, err := st.Stories(ctx)
	if err != nil {
		return model.Story{}, err
	}
	if len(stories) == 0 {
		return model.Story{}, ErrNoStories
	}
	if id == "" {
		return stories[0], nil
	}
	for _, s := range stories {
		if s.ID == id {
			return s, nil
		}
	}
	return model.Story{}, fmt.Errorf("story %s: %w", id, model.ErrNotFound)
}

// Write writes the report of one story in format f.
func Write(ctx context.Context, w io.Writer, st model.Store, storyID string, f Format) error {
	d, err := st.StoryDossier(ctx, storyID)
	if err != nil {
		return err
	}
	switch f {
	case HTML:
		return web.WriteReport(w, d, storyID)
	case Markdown:
		return discrepancy.Write(w, d)
	}
	return fmt.Errorf("unknown report format %q", f)
}
