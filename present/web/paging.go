package web

import (
	"net/url"
	"strconv"

	"github.com/parallaxnews/parallax/model"
)

// Bounds of one story page, so a page of a story of thousands of articles
// costs about what a page of a small one does (issue 19): the facts come a
// page at a time, the fact table shows only the sources with a value on
// the page, and long quote lists are cut with a pointer to the speaker's
// page. The standalone report keeps everything.
const (
	maxFactsPerPage     = 100
	factValueBudget     = 1500 // values shown per page of facts
	maxFactColumns      = 24   // above this many sources, only the page's own columns
	maxSpeakers         = 40
	maxQuotesPerSpeaker = 12
	maxEntitiesPerGroup = 200
)

// pager links the pages of a paged list.
type pager struct {
	Page, Pages int
	First, Last int // 1-based numbers of the items shown
	Total       int
	Prev, Next  string
	FirstHref   string
	LastHref    string
}

// factPages splits sorted facts into pages of at most maxFactsPerPage facts
// and factValueBudget values (at least one fact each); each page is
// [start, end).
func factPages(facts []model.Fact) [][2]int {
	var pages [][2]int
	start, values := 0, 0
	for i, f := range facts {
		if i > start && (i-start >= maxFactsPerPage || values+len(f.Values) > factValueBudget) {
			pages = append(pages, [2]int{start, i})
			start, values = i, 0
		}
		values += len(f.Values)
	}
	if start < len(facts) {
		pages = append(pages, [2]int{start, len(facts)})
	}
	return pages
}

// buildStoryPage is the story page for the server: like buildStory, with
// facts on page `page` (1-based; out of range is clamped) and lists cut.
func buildStoryPage(d *model.Dossier, storyID string, page int) *storyView {
	v, ix := buildStoryParts(d, storyID, serverLinks{})
	facts := sortedFacts(d)
	v.FactTotal = len(facts)
	pages := factPages(facts)
	if len(pages) > 0 {
		page = min(max(page, 1), len(pages))
		lo, hi := pages[page-1][0], pages[page-1][1]
		shown := facts[lo:hi]
		cols := v.Sources
		if len(cols) > maxFactColumns {
			cols = sourcesWithValues(ix, shown, v.Sources)
		}
		v.Facts = factRows(ix, shown, cols)
		v.FactColumns = cols
		if len(pages) > 1 {
			href := func(p int) string {
				return serverLinks{}.story(storyID) + "?" + url.Values{"page": {strconv.Itoa(p)}}.Encode() + "#facts"
			}
			pg := &pager{Page: page, Pages: len(pages), First: lo + 1, Last: hi, Total: len(facts), FirstHref: href(1), LastHref: href(len(pages))}
			if page > 1 {
				pg.Prev = href(page - 1)
			}
			if page < len(pages) {
				pg.Next = href(page + 1)
			}
			v.FactPager = pg
		}
	}
	if len(v.Speakers) > maxSpeakers {
		v.MoreSpeakers = len(v.Speakers) - maxSpeakers
		v.Speakers = v.Speakers[:maxSpeakers]
	}
	for i := range v.Speakers {
		if q := v.Speakers[i].Quotes; len(q) > maxQuotesPerSpeaker {
			v.Speakers[i].More = len(q) - maxQuotesPerSpeaker
			v.Speakers[i].Quotes = q[:maxQuotesPerSpeaker]
		}
	}
	for i := range v.Entities {
		if it := v.Entities[i].Items; len(it) > maxEntitiesPerGroup {
			v.Entities[i].More = len(it) - maxEntitiesPerGroup
			v.Entities[i].Items = it[:maxEntitiesPerGroup]
		}
	}
	return v
}

// sourcesWithValues keeps the sources, in order, that give a value for one
// of facts.
func sourcesWithValues(ix *index, facts []model.Fact, sources []*sourceView) []*sourceView {
	has := map[string]bool{}
	for _, f := range facts {
		for _, fv := range f.Values {
			has[fv.Doc] = true
		}
	}
	var out []*sourceView
	for _, sv := range sources {
		if has[sv.ID] {
			out = append(out, sv)
		}
	}
	return out
}
