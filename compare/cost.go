package compare

import "github.com/parallaxnews/parallax/model"

// This file keeps what comparison would otherwise work out again and
// again: a word's lemma across the documents of a story, and what the
// verdict reads of one value (its dates, whether it ends a period) across
// every pair of values of a group. Each is a pure function of its key, so
// the memo changes the cost, never the result.

// lemmaMemo maps a lower-case word to lemma(word) for one comparison run:
// a story's documents share most of their words, and the stemmer cost
// more than the rest of extraction.
type lemmaMemo map[string]string

func (m lemmaMemo) of(w string) string {
	if m == nil {
		return lemma(w)
	}
	l, ok := m[w]
	if !ok {
		l = lemma(w)
		m[w] = l
	}
	return l
}

// dayRangeOf is dateRange(v), kept per comparer: a group of n values
// reads each value's date n times.
func (c *comparer) dayRangeOf(v string) (dayRange, bool) {
	if c.dayRanges == nil {
		c.dayRanges = map[string]dayRangeRead{}
	}
	r, ok := c.dayRanges[v]
	if !ok {
		r.r, r.ok = dateRange(v)
		c.dayRanges[v] = r
	}
	return r.r, r.ok
}

// dayRangeRead is one kept dateRange result.
type dayRangeRead struct {
	r  dayRange
	ok bool
}

// valueAt names one value by its place in a document.
type valueAt struct {
	doc        string
	start, end int
}

func valueKey(v model.FactValue) valueAt { return valueAt{v.Doc, v.Start, v.End} }

// dateGapDays is dateGapDays(a, b) through the kept date ranges.
func (c *comparer) dateGapDays(a, b string) (int, bool) { return gapDays(a, b, c.dayRangeOf) }
