package web

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// markKind orders nested highlights: a lower kind is the outer element.
type markKind int

const (
	markTarget markKind = iota // the span a link asked to show (?hl=)
	markQuote
	markFact
	markEntity
)

// mark is one highlighted byte range of a document's cleaned text.
type mark struct {
	Start, End int
	Kind       markKind
	Class      string // extra CSS class, e.g. the entity type
	Href       string // link target; only entity marks are links
	Title      string // tooltip, plain text
}

// validRange reports whether [start, end) is a non-empty range of text that
// starts and ends on UTF-8 character boundaries. Offsets come from stored
// data and are not trusted to be in range.
func validRange(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	return onBoundary(text, start) && onBoundary(text, end)
}

func onBoundary(text string, off int) bool {
	return off == len(text) || (off >= 0 && off < len(text) && utf8.RuneStart(text[off]))
}

// highlight renders text as HTML with marks wrapped around their byte ranges
// and removed boilerplate shown, collapsed, where it was cut out.
//
// Overlapping or nested marks are handled by cutting the text at every mark
// boundary: each elementary segment opens the elements of all marks covering
// it, outermost first, and closes them again, so markup is always well
// formed whatever the overlap. Invalid marks (out of range, inside a UTF-8
// sequence) are skipped.
func highlight(text string, marks []mark, removed []model.Removed) template.HTML {
	ms := make([]mark, 0, len(marks))
	cuts := map[int]bool{0: true, len(text): true}
	for _, m := range marks {
		if !validRange(text, m.Start, m.End) {
			continue
		}
		ms = append(ms, m)
		cuts[m.Start] = true
		cuts[m.End] = true
	}
	removedAt := map[int][]model.Removed{}
	for _, r := range removed {
		at := r.At
		if at < 0 || at > len(text) || !onBoundary(text, at) {
			at = len(text)
		}
		removedAt[at] = append(removedAt[at], r)
		cuts[at] = true
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Kind != ms[j].Kind {
			return ms[i].Kind < ms[j].Kind
		}
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})

	var b strings.Builder
	b.Grow(len(text) * 2)
	targetOpened := false
	for i, p := range points {
		for _, r := range removedAt[p] {
			writeRemoved(&b, r)
		}
		if i+1 == len(points) {
			break
		}
		q := points[i+1]
		var closers []string
		linked := false
		// One link per piece of text: a name's entity page if a name is
		// here, otherwise the fact's row in the comparison.
		entityHere := false
		for _, m := range ms {
			if m.Kind == markEntity && m.Href != "" && m.Start <= p && m.End >= q {
				entityHere = true
			}
		}
		for _, m := range ms {
			if m.Start > p || m.End < q {
				continue
			}
			switch m.Kind {
			case markTarget:
				b.WriteString(`<span class="hl-target"`)
				if !targetOpened {
					b.WriteString(` id="hl"`)
					targetOpened = true
				}
				b.WriteString(`>`)
				closers = append(closers, `</span>`)
			case markQuote:
				b.WriteString(`<span class="hl-quote` + classSuffix(m.Class) + `"` + titleAttr(m.Title) + `>`)
				closers = append(closers, `</span>`)
			case markFact:
				b.WriteString(`<mark class="hl-fact` + classSuffix(m.Class) + `"` + titleAttr(m.Title) + `>`)
				closers = append(closers, `</mark>`)
				if m.Href != "" && !entityHere && !linked {
					linked = true
					b.WriteString(`<a class="fact-link" href="` + template.HTMLEscapeString(m.Href) + `">`)
					closers = append(closers, `</a>`)
				}
			case markEntity:
				if m.Href != "" && !linked {
					linked = true
					b.WriteString(`<a class="hl-ent` + classSuffix(m.Class) + `" href="` + template.HTMLEscapeString(m.Href) + `"` + titleAttr(m.Title) + `>`)
					closers = append(closers, `</a>`)
				} else {
					b.WriteString(`<span class="hl-ent` + classSuffix(m.Class) + `"` + titleAttr(m.Title) + `>`)
					closers = append(closers, `</span>`)
				}
			}
		}
		b.WriteString(template.HTMLEscapeString(text[p:q]))
		for j := len(closers) - 1; j >= 0; j-- {
			b.WriteString(closers[j])
		}
	}
	return template.HTML(b.String())
}

func writeRemoved(b *strings.Builder, r model.Removed) {
	reason := r.Reason
	if reason == "" {
		reason = "boilerplate"
	}
	b.WriteString(`<details class="removed"><summary title="removed by cleaning: `)
	b.WriteString(template.HTMLEscapeString(reason))
	b.WriteString(`">removed: `)
	b.WriteString(template.HTMLEscapeString(reason))
	b.WriteString(`</summary><span class="removed-text">`)
	b.WriteString(template.HTMLEscapeString(r.Text))
	b.WriteString(`</span></details>`)
}

func classSuffix(c string) string {
	if c == "" {
		return ""
	}
	return " " + template.HTMLEscapeString(c)
}

func titleAttr(t string) string {
	if t == "" {
		return ""
	}
	return ` title="` + template.HTMLEscapeString(t) + `"`
}

// passage is a stretch of text split around one highlighted span, for
// showing a sentence with the span that matters marked.
type passage struct {
	Before, Match, After string
	Valid                bool
}

// sentenceContext returns the sentence sent (or, when it is not usable, a
// window of text around the span) split around [start, end).
func sentenceContext(doc *model.Document, start, end int, sent model.Range) passage {
	if doc == nil || !validRange(doc.Text, start, end) {
		return passage{}
	}
	text := doc.Text
	if !(validRange(text, sent.Start, sent.End) && sent.Start <= start && end <= sent.End) {
		if s, ok := doc.SentenceAt(start); ok && validRange(text, s.Start, s.End) && s.Start <= start && end <= s.End {
			sent = s
		} else {
			sent = window(text, start, end, 160)
		}
	}
	return passage{
		Before: text[sent.Start:start],
		Match:  text[start:end],
		After:  text[end:sent.End],
		Valid:  true,
	}
}

// window widens [start, end) by about pad bytes each way, stopping at
// paragraph breaks and snapping to character boundaries.
func window(text string, start, end, pad int) model.Range {
	lo := max(0, start-pad)
	if i := strings.LastIndex(text[lo:start], "\n\n"); i >= 0 {
		lo += i + 2
	}
	for lo < start && !utf8.RuneStart(text[lo]) {
		lo++
	}
	hi := min(len(text), end+pad)
	if i := strings.Index(text[end:hi], "\n\n"); i >= 0 {
		hi = end + i
	}
	for hi > end && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return model.Range{Start: lo, End: hi}
}

// parseRange reads "start-end" as given in a ?hl= link.
func parseRange(s string) (model.Range, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return model.Range{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return model.Range{}, false
	}
	return model.Range{Start: start, End: end}, true
}
