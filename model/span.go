package model

// Range is a half-open byte range [Start, End) into one text.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the range covers.
func (r Range) Len() int { return r.End - r.Start }

// Contains reports whether o lies entirely inside r.
func (r Range) Contains(o Range) bool { return o.Start >= r.Start && o.End <= r.End }

// Overlaps reports whether r and o share at least one byte.
func (r Range) Overlaps(o Range) bool { return r.Start < o.End && o.Start < r.End }

// Span points into one document's cleaned text. It is the unit of provenance:
// every mention, quote, fact value and timeline source carries one.
type Span struct {
	Doc   string `json:"doc"`   // Document.ID
	Start int    `json:"start"` // byte offset into Document.Text
	End   int    `json:"end"`   // exclusive
	Text  string `json:"text"`  // Document.Text[Start:End]
}

// Range returns the span's byte range.
func (s Span) Range() Range { return Range{s.Start, s.End} }

// SpanOf builds a Span for text[start:end] of document doc.
func SpanOf(doc, text string, start, end int) Span {
	return Span{Doc: doc, Start: start, End: end, Text: text[start:end]}
}
