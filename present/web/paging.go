package web

import (
	"fmt"
	"net/url"
	"sort"
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
	maxPageColumns      = 60 // fact columns drawn at most, however many sources give values
	maxTimelineEvents   = 60 // events drawn on the page, those most sources report
	maxEventSources     = 12 // dots drawn per event
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
	// A view of the shared dossier with the timeline cut; nothing of d is
	// changed.
	view := *d
	cut := false
	view.Timeline, cut = cutTimeline(d.Timeline)
	v, ix := buildStoryParts(&view, storyID, serverLinks{})
	v.Events = len(d.Timeline)
	if cut {
		v.TimelineNote = fmt.Sprintf("Drawn: the %d events reported by the most sources, up to %d sources each, of %d events. The JSON and the downloadable report have them all.", min(len(d.Timeline), maxTimelineEvents), maxEventSources, len(d.Timeline))
	}
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
			v.ColumnNote = fmt.Sprintf("Columns: the %d of %d sources that give a value for a fact on this page.", len(cols), len(v.Sources))
			if len(cols) > maxPageColumns {
				v.ColumnNote = fmt.Sprintf("Columns: the first %d (by date) of the %d sources that give a value for a fact on this page, of %d sources. The JSON and the downloadable report have every value.", maxPageColumns, len(cols), len(v.Sources))
				cols = cols[:maxPageColumns]
			}
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

// cutTimeline keeps at most maxTimelineEvents events, those with the most
// sources, in their order, each with at most maxEventSources sources; it
// reports whether anything was cut. The events are copies.
func cutTimeline(events []model.Event) ([]model.Event, bool) {
	cut := false
	keep := events
	if len(events) > maxTimelineEvents {
		cut = true
		idx := make([]int, len(events))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return len(events[idx[a]].Sources) > len(events[idx[b]].Sources) })
		idx = idx[:maxTimelineEvents]
		sort.Ints(idx)
		keep = make([]model.Event, 0, len(idx))
		for _, i := range idx {
			keep = append(keep, events[i])
		}
	}
	out := make([]model.Event, len(keep))
	for i, e := range keep {
		if len(e.Sources) > maxEventSources {
			e.Sources = e.Sources[:maxEventSources]
			cut = true
		}
		out[i] = e
	}
	return out, cut
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
