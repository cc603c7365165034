// Package dossier writes a model.Dossier as JSON (format parallax/dossier@1)
// or as a Markdown summary for people.
//
// In: a dossier. Out: bytes on an io.Writer.
package dossier

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax/model"
)

// WriteJSON writes d as indented JSON. Empty arrays are written as [], never
// null, so consumers can rely on every array being present.
func WriteJSON(w io.Writer, d *model.Dossier) error {
	norm := *d
	norm.Format = model.DossierFormat
	if norm.Documents == nil {
		norm.Documents = []model.Document{}
	}
	if norm.Stories == nil {
		norm.Stories = []model.Story{}
	}
	if norm.Entities == nil {
		norm.Entities = []model.Entity{}
	}
	if norm.Quotes == nil {
		norm.Quotes = []model.Quote{}
	}
	if norm.Facts == nil {
		norm.Facts = []model.Fact{}
	}
	if norm.Timeline == nil {
		norm.Timeline = []model.Event{}
	}
	if norm.Decisions == nil {
		norm.Decisions = []model.Decision{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&norm); err != nil {
		return fmt.Errorf("encode dossier: %w", err)
	}
	return nil
}
