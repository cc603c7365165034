package timeline

import (
	"slices"
	"sort"

	"github.com/parallaxnews/parallax/model"
)

// spanIndex finds the items of one document (mentions, time expressions)
// that lie in or overlap a range without walking them all: accountsOf asks
// for every dated clause, and a scan per clause made one long document
// (thousands of clauses × thousands of mentions) quadratic.
type spanIndex struct {
	order  []int // item indices sorted by start
	starts []int // starts[k] is the start of item order[k]
	maxLen int   // the longest item, which bounds how far back an overlap can start
}

func newSpanIndex(n int, rangeOf func(i int) model.Range) spanIndex {
	ix := spanIndex{order: make([]int, n), starts: make([]int, n)}
	for i := range ix.order {
		ix.order[i] = i
	}
	sort.SliceStable(ix.order, func(x, y int) bool { return rangeOf(ix.order[x]).Start < rangeOf(ix.order[y]).Start })
	for k, i := range ix.order {
		r := rangeOf(i)
		ix.starts[k] = r.Start
		ix.maxLen = max(ix.maxLen, r.End-r.Start)
	}
	return ix
}

// near returns, in ascending order (the order of the caller's slice, so
// results do not depend on the index), the items that may overlap r: every
// item that does, and some that do not, which the caller tests exactly.
func (ix spanIndex) near(r model.Range) []int {
	lo := sort.SearchInts(ix.starts, r.Start-ix.maxLen)
	var out []int
	for k := lo; k < len(ix.starts) && ix.starts[k] <= max(r.End, r.Start); k++ {
		out = append(out, ix.order[k])
	}
	slices.Sort(out)
	return out
}

// docSpans indexes one document's mentions and time expressions.
type docSpans struct {
	mentions, timexes spanIndex
}

func indexSpans(a *model.Annotated) docSpans {
	return docSpans{
		mentions: newSpanIndex(len(a.Mentions), func(i int) model.Range { return a.Mentions[i].Range() }),
		timexes:  newSpanIndex(len(a.Timexes), func(i int) model.Range { return a.Timexes[i].Range() }),
	}
}
