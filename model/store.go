package model

import (
	"context"
	"errors"
)

// ErrNotFound is returned by Store lookups when nothing has that ID.
var ErrNotFound = errors.New("not found")

// ErrStale is returned by PutStory when the stored story lists documents
// the new one lacks: another writer added them after this one read the
// story. The caller recomputes the story with them and tries again.
var ErrStale = errors.New("story changed since it was read")

// Store persists raw documents and the analyses derived from them. Raw input
// and cleaned documents are the source of truth; a story's dossier is derived
// data that can be recomputed from them at any time.
//
// Implementations must make every method atomic: a crash mid-call leaves the
// store as it was before the call or after it, never in between.
type Store interface {
	// PutDocument stores doc unless a document with the same ID exists. It
	// reports whether doc was inserted.
	PutDocument(ctx context.Context, doc *Document) (inserted bool, err error)
	// Document returns the document with that ID, including Raw, or
	// ErrNotFound.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents lists every stored document, without Raw, oldest first.
	Documents(ctx context.Context) ([]Document, error)
	// PutStory stores a story and its dossier, replacing any earlier dossier
	// of the same story ID. It fails with ErrStale, storing nothing, when the
	// stored story lists a document that story lacks, so concurrent writers
	// never drop each other's documents.
	PutStory(ctx context.Context, story Story, dossier *Dossier) error
	// Stories lists every stored story, newest first.
	Stories(ctx context.Context) ([]Story, error)
	// StoryDossier returns the stored dossier of a story, or ErrNotFound.
	StoryDossier(ctx context.Context, storyID string) (*Dossier, error)
	// StoryDocuments returns the stored documents of a story, without Raw,
	// in the order the story lists them, or ErrNotFound when there is no
	// such story. It reads neither the dossier nor raw input, so it is the
	// cheap way to get a story's documents for re-analysis.
	StoryDocuments(ctx context.Context, storyID string) ([]Document, error)
	// Search runs a full-text query over documents and entities.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Close releases the store.
	Close() error
}

// AnnotationStore keeps each document's per-document annotations (tokens,
// sentences, parse, mentions, dates, quantities, quotes), so adding an
// article annotates that article only. Version names the rules and models
// that made an annotation; a store returns an annotation only under the
// version it was stored with, and only while the document reads as it did
// when annotated (a corrected date, for instance, makes it stale).
type AnnotationStore interface {
	// PutAnnotations stores the annotations of their documents (Annotated.Doc)
	// under version in one transaction, replacing earlier ones.
	PutAnnotations(ctx context.Context, version string, annotated []*Annotated) error
	// Annotations returns, by document ID, the current annotations stored for
	// docs under version, each with Doc set to the document given and
	// Doc.Sentences filled; documents without one are left out.
	Annotations(ctx context.Context, version string, docs []*Document) (map[string]*Annotated, error)
}

// SearchHit is one full-text search result.
type SearchHit struct {
	Kind    string `json:"kind"` // "document" or "entity"
	ID      string `json:"id"`
	Story   string `json:"story,omitempty"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"` // plain text; the matched terms are between \x01 and \x02
}
