package timeline

import (
	"embed"
	"fmt"
	"sync"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lexicon is the timeline's word lists, kept as data per language under
// lexicon/<language>/ (see lang.WordLists and lang.WordTables; each file's
// first line says what it is for). Loaded once, never modified.
type lexicon struct {
	// reportingVerbs end an attribution tail: "…, the prosecutor's office
	// said", and a date right after one dates the report, not the event.
	reportingVerbs map[string]bool
	// reportDateWords are the other words after which a date dates the
	// report ("told reporters Thursday", "in a statement Friday").
	reportDateWords map[string]bool
	stopwords       map[string]bool
	// eventForms maps irregular verb forms and event synonyms to the key
	// clauses are compared by ("held" → "hold", "detained" → "arrest").
	eventForms map[string]string
}

//go:embed lexicon
var lexiconFiles embed.FS

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{}
	if err := lang.LoadWordLists(lexiconFiles, "lexicon", map[string]*map[string]bool{
		"reporting-verbs":   &lx.reportingVerbs,
		"report-date-words": &lx.reportDateWords,
		"stopwords":         &lx.stopwords,
	}); err != nil {
		return nil, fmt.Errorf("timeline lexicon: %w", err)
	}
	tables, err := lang.LoadWordTables(lexiconFiles, "lexicon")
	if err != nil {
		return nil, fmt.Errorf("timeline lexicon: %w", err)
	}
	if lx.eventForms, err = tables.Strings("event-forms"); err != nil {
		return nil, fmt.Errorf("timeline lexicon: %w", err)
	}
	return lx, nil
})

// mustLexicon returns the word lists. They are embedded, so a broken file is
// a build error, caught by the package's tests (TestLexiconLoads), not bad
// input.
func mustLexicon() *lexicon { return lang.MustLoad(loadLexicon) }
