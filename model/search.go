package model

import "context"

// SearchQuery is a search with its options and filters.
type SearchQuery struct {
	// Text is the user's words: all must match. A word ending in * matches
	// as a prefix ("tortur*").
	Text string
	// Limit applies to each kind of hit (documents, entities); 0 means 50.
	Limit int
	// Exact matches words as written only (no stems, no name spellings).
	Exact bool
	// Filters, each ignored when empty: the story, the outlet, the kind or
	// entity type ("document", "person", "organization", "place", "group"),
	// and the publication date range (YYYY-MM-DD prefixes, inclusive).
	Story, Outlet, Type, From, To string
}

// SearchResult is the hits of a search and the facets of all matches.
type SearchResult struct {
	Hits []SearchHit `json:"hits"`
	// Facets count every match (before the limit) by "story", "outlet",
	// "date" (YYYY-MM) and "type".
	Facets map[string][]FacetCount `json:"facets"`
	// Total is the number of matches before the limit.
	Total int `json:"total"`
}

// FacetCount is one value of a facet and how many matches have it.
type FacetCount struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// Searcher is a store with stemmed, name-aware search and facets.
type Searcher interface {
	SearchWith(ctx context.Context, q SearchQuery) (*SearchResult, error)
}

// EntityRef names one entity of one story.
type EntityRef struct {
	Story      string     `json:"story"`
	StoryTitle string     `json:"story_title"`
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Type       EntityType `json:"type"`
}

// EntityFinder finds the entities of every story that carry a name.
type EntityFinder interface {
	// SameEntities returns the entities of type typ, in any story, one of
	// whose spellings matches one of names (namematch: across scripts and
	// spelling variants).
	SameEntities(ctx context.Context, typ EntityType, names []string) ([]EntityRef, error)
}
