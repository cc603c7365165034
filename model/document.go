package model

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document is one news article: its raw bytes, exactly as they arrived, and
// the cleaned text every later stage reads.
type Document struct {
	// ID is the hex SHA-256 of Raw, so the same input is stored once.
	ID string `json:"id"`
	// Source is where the input came from: a path, "-" for stdin, a URL, or
	// "path#line" for one line of a JSON Lines file.
	Source string `json:"source"`
	// Format is the input format that was parsed: "text", "html" or "jsonl".
	Format string `json:"format"`

	Title     *string  `json:"title"`
	Outlet    *string  `json:"outlet"`
	Authors   []string `json:"authors"`
	Published *string  `json:"published"` // "2006-01-02" or RFC 3339 date-time
	URL       *string  `json:"url"`
	Language  *string  `json:"language"` // ISO 639-1, e.g. "en", "ru"
	// OriginalSource is the outlet a republished piece credits ("Source: DW"),
	// kept next to Outlet, the site that published this copy.
	OriginalSource *string `json:"original_source"`
	// Credit is the wire agency or outlet whose story this page carries
	// ("(AP)", "/TASS/", "Reuters |", "via Kabar"), so reprints of one
	// agency story count as one source.
	Credit *string `json:"credit"`
	// PublishedConfidence grades Published by its evidence (MetaSources
	// ["published"]): "high" (structured metadata or a date line that agrees
	// with everything else), "medium" (URL path, or a source that conflicts
	// with another), "low" (a relative stamp or an ambiguous short date).
	PublishedConfidence string `json:"published_confidence,omitempty"`
	// MetaSources says, for each metadata field that has a value, where in the
	// document it was found ("html meta og:title", "byline", "date line", …).
	MetaSources map[string]string `json:"meta_sources,omitempty"`

	// Text is the cleaned text: boilerplate removed, paragraphs separated by
	// a blank line. It is immutable once stored; all offsets point into it.
	Text string `json:"text"`
	// Removed lists every block cleaning dropped, in order, with the reason.
	Removed []Removed `json:"removed"`
	// Sentences are the sentence boundaries in Text.
	Sentences []Range `json:"sentences,omitempty"`

	// DuplicateOf is the ID of an earlier document this one is a syndicated
	// copy of, so comparison counts them as one source.
	DuplicateOf *string `json:"duplicate_of,omitempty"`

	// Raw is the input exactly as read. It is stored but not put in dossiers.
	Raw []byte `json:"-"`
}

// Removed is one block of boilerplate that cleaning dropped.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
	// At is the byte offset in the cleaned Text where the block used to be,
	// so the removal can be shown in place.
	At int `json:"at"`
}

// DocumentID is the identity of raw input: the hex SHA-256 of its bytes.
func DocumentID(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// SentenceAt returns the sentence containing byte offset off, or the zero
// Range and false when off falls outside every sentence.
func (d *Document) SentenceAt(off int) (Range, bool) {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		s := d.Sentences[mid]
		switch {
		case off < s.Start:
			hi = mid
		case off >= s.End:
			lo = mid + 1
		default:
			return s, true
		}
	}
	return Range{}, false
}

// Str returns a pointer to s, or nil when s is empty: metadata fields are
// null when the document does not say.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
