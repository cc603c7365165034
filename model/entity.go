package model

// Entity is one person, organisation, place or group, resolved across every
// document of a story.
type Entity struct {
	ID   string     `json:"id"`
	Type EntityType `json:"type"`
	// Name is the canonical name: the most complete, most common spelling.
	Name         string        `json:"name"`
	Variants     []Variant     `json:"variants"`
	Descriptions []Description `json:"descriptions"`
	Mentions     []Mention     `json:"mentions"`
}

// Variant is one spelling of an entity's name.
type Variant struct {
	Text  string   `json:"text"`
	Count int      `json:"count"`
	Docs  []string `json:"docs"`
}

// Description is an apposition or role the text attaches to an entity
// ("jazz pianist", "head of the security service").
type Description struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Story is a set of documents about the same events.
type Story struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Documents []string `json:"documents"`
	// From and To bound the documents' reference dates, when known.
	From *string `json:"from"`
	To   *string `json:"to"`
}
