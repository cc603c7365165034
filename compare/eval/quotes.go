package eval

import "github.com/parallaxnews/parallax/model"

// extractQuotes is the quote stage as far as this evaluation can use it.
// The quote package was not yet committed when this harness was written, so
// claims are attributed only through "according to"; the pipeline supplies
// real quotes.
func extractQuotes(doc *model.Document, mentions []model.Mention, timexes []model.Timex, ref model.Reference) []model.Quote {
	return nil
}
