package web

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strings"
	"time"
)

type timelineSource struct {
	Source   *sourceView
	Date     string // as the source gives it, human-readable
	from, to int    // days since the Unix epoch, inclusive
	dated    bool
	Href     string
	Text     string
}

type timelineRow struct {
	ID       string
	Summary  string
	Date     string
	Conflict bool
	Sources  []timelineSource
	from     int
	dated    bool
}

type timelineResult struct {
	SVG       template.HTML
	Undated   []timelineRow
	Conflicts int
}

func epochDay(t time.Time) int { return int(t.Unix() / 86400) }

func dayTime(d int) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Layout of the timeline chart, in SVG user units (the chart scales to the
// page width).
const (
	tlWidth = 1000

	tlPlotX0  = 390
	tlPlotX1  = 985
	tlAxisH   = 38
	tlRowH    = 26
	tlMaxGap  = 10 // a gap of more days than this between dated clusters is drawn compressed
	tlGapDays = 3  // how many days' width a compressed gap takes
)

// cluster is a run of days that events fall on; the empty stretches
// between clusters are compressed so that a June interview does not squash
// the March events into a corner.
type cluster struct {
	from, to int     // days, inclusive
	x0, x1   float64 // drawn extent
}

type dayScale struct {
	clusters []cluster
	perDay   float64
}

func newDayScale(intervals [][2]int) dayScale {
	sort.Slice(intervals, func(i, j int) bool { return intervals[i][0] < intervals[j][0] })
	var cs []cluster
	for _, iv := range intervals {
		if n := len(cs); n > 0 && iv[0] <= cs[n-1].to+tlMaxGap {
			cs[n-1].to = max(cs[n-1].to, iv[1])
			continue
		}
		cs = append(cs, cluster{from: iv[0], to: iv[1]})
	}
	// Pad single-day charts so a lone date sits in the middle.
	if len(cs) == 1 && cs[0].to-cs[0].from < 2 {
		cs[0].from--
		cs[0].to++
	}
	weight := 0.0
	for i, c := range cs {
		weight += float64(c.to - c.from + 1)
		if i > 0 {
			weight += tlGapDays
		}
	}
	s := dayScale{perDay: (tlPlotX1 - tlPlotX0) / weight}
	x := float64(tlPlotX0)
	for i := range cs {
		if i > 0 {
			x += tlGapDays * s.perDay
		}
		cs[i].x0 = x
		x += float64(cs[i].to-cs[i].from+1) * s.perDay
		cs[i].x1 = x
	}
	s.clusters = cs
	return s
}

// x returns the left edge of day d. Days in a compressed gap fall inside
// the gap's band; days before or after every cluster are clamped to the
// plot's edges.
func (s dayScale) x(d int) float64 {
	for i, c := range s.clusters {
		if d >= c.from && d <= c.to+1 {
			return c.x0 + float64(d-c.from)*s.perDay
		}
		if d < c.from {
			if i == 0 {
				return tlPlotX0
			}
			p := s.clusters[i-1]
			frac := float64(d-p.to-1) / float64(c.from-p.to-1)
			return p.x1 + frac*(c.x0-p.x1)
		}
	}
	return tlPlotX1
}

// inRange reports whether any day of [from, to] falls inside the scale.
func (s dayScale) inRange(from, to int) bool {
	n := len(s.clusters)
	return n > 0 && to >= s.clusters[0].from && from <= s.clusters[n-1].to
}

// tlMaxScaleDays: dates vaguer than this ("in 2022") are drawn but do not
// stretch the axis, which would squash every precise date into a corner.
const tlMaxScaleDays = 27

func buildTimeline(ix *index, sources []*sourceView) timelineResult {
	var res timelineResult
	var rows []timelineRow
	var intervals [][2]int
	for _, ev := range ix.d.Timeline {
		row := timelineRow{ID: ev.ID, Summary: ev.Summary, Date: humanDate(ev.Date), Conflict: ev.Conflict}
		if f, _, ok := dayInterval(ev.Date); ok {
			row.from, row.dated = epochDay(f), true
		}
		dates := map[string]bool{}
		for _, es := range ev.Sources {
			ts := timelineSource{
				Source: ix.sources[es.Doc],
				Date:   humanDate(es.Date),
				Href:   ix.links.document(es.Doc, ix.storyID, es.Range()),
				Text:   es.Text,
			}
			if ts.Source == nil {
				continue
			}
			if f, t, ok := dayInterval(es.Date); ok {
				ts.from, ts.to, ts.dated = epochDay(f), epochDay(t), true
				if ts.to-ts.from < tlMaxScaleDays {
					intervals = append(intervals, [2]int{ts.from, ts.to})
				}
				if !row.dated || ts.from < row.from {
					row.from, row.dated = ts.from, true
				}
			}
			dates[es.Date] = true
			row.Sources = append(row.Sources, ts)
		}
		if len(dates) > 1 {
			row.Conflict = true
		}
		if row.Conflict {
			res.Conflicts++
		}
		if !row.dated || !anyDated(row.Sources) {
			res.Undated = append(res.Undated, row)
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return res
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].from < rows[j].from })
	if len(intervals) == 0 { // only vague dates: let them set the scale
		for _, r := range rows {
			for _, s := range r.Sources {
				if s.dated {
					intervals = append(intervals, [2]int{s.from, s.to})
				}
			}
		}
	}
	res.SVG = drawTimeline(rows, newDayScale(intervals))
	return res
}

func anyDated(ss []timelineSource) bool {
	for _, s := range ss {
		if s.dated {
			return true
		}
	}
	return false
}

func drawTimeline(rows []timelineRow, sc dayScale) template.HTML {
	height := tlAxisH + len(rows)*tlRowH + 8
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="Timeline of %d events; each dot is one source's date" xmlns="http://www.w3.org/2000/svg">`, tlWidth, height, len(rows))
	fmt.Fprintf(&b, `<rect class="tl-bg" x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`, tlWidth, height)

	// Compressed gaps: a hatched band with a break mark on the axis.
	for i := 1; i < len(sc.clusters); i++ {
		x0, x1 := sc.clusters[i-1].x1, sc.clusters[i].x0
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="#f1f1f1"/>`, x0, tlAxisH-10, x1-x0, height-tlAxisH+10)
		mid := (x0 + x1) / 2
		fmt.Fprintf(&b, `<text class="tl-gap" x="%.1f" y="%d" text-anchor="middle" fill="#888" font-size="11"><title>%d days without events left out</title>⋯</text>`,
			mid, tlAxisH-16, sc.clusters[i].from-sc.clusters[i-1].to-1)
	}

	// Rows.
	for i, r := range rows {
		y := tlAxisH + i*tlRowH
		cy := float64(y) + tlRowH/2
		fill := "#ffffff"
		if i%2 == 1 {
			fill = "#f7f8fa"
		}
		if r.Conflict {
			fill = "#fdecea"
		}
		fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" fill="%s"/>`, y, tlWidth, tlRowH, fill)
		label := shorten(r.Summary, 40)
		if label == "" {
			label = "(event)"
		}
		fmt.Fprintf(&b, `<text x="24" y="%.1f" font-size="11" fill="#5f6b7a" dominant-baseline="middle">%s</text>`, cy, esc(shortDate(r.from, r.Sources)))
		if r.Conflict {
			fmt.Fprintf(&b, `<text x="8" y="%.1f" font-size="13" font-weight="700" fill="#b3261e" dominant-baseline="middle"><title>sources give different dates</title>≠</text>`, cy)
		}
		fmt.Fprintf(&b, `<text class="tl-label" x="106" y="%.1f" font-size="12" fill="#222" dominant-baseline="middle"><title>%s — %s</title>%s</text>`,
			cy, esc(r.Summary), esc(r.Date), esc(label))
		// The spread of dates the sources give, drawn under the dots.
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, s := range r.Sources {
			if !s.dated {
				continue
			}
			lo = math.Min(lo, sc.x(s.from)+sc.perDay/2)
			hi = math.Max(hi, sc.x(s.to)+sc.perDay/2)
		}
		if r.Conflict && hi > lo {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#b3261e" stroke-width="2" stroke-dasharray="4 3"/>`, lo, cy, hi, cy)
		}
		// Sources giving the same day are spread a little so every one
		// stays visible and clickable.
		perDay := map[[2]int]int{}
		seen := map[[2]int]int{}
		for _, s := range r.Sources {
			if s.dated {
				perDay[[2]int{s.from, s.to}]++
			}
		}
		for _, s := range r.Sources {
			if !s.dated {
				continue
			}
			key := [2]int{s.from, s.to}
			k, n := seen[key], perDay[key]
			seen[key]++
			step := 7.0
			if n > 1 {
				step = math.Min(7, math.Max(3.5, (tlRowH*2.2)/float64(n)))
			}
			off := (float64(k) - float64(n-1)/2) * step
			title := fmt.Sprintf("[%d] %s: %s", s.Source.Index, s.Source.Short, s.Date)
			if s.Text != "" {
				title += " — “" + shorten(s.Text, 160) + "”"
			}
			fmt.Fprintf(&b, `<a href="%s"><title>%s</title>`, esc(s.Href), esc(title))
			if !sc.inRange(s.from, s.to) {
				// Outside the drawn period: an arrow at the edge, labelled.
				left := s.to < sc.clusters[0].from
				x, arrow, anchor, tx := float64(tlPlotX0)+4, "◀", "start", float64(tlPlotX0)+14
				if !left {
					x, arrow, anchor, tx = float64(tlPlotX1)-4, "▶", "end", float64(tlPlotX1)-14
				}
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11" fill="%s" text-anchor="middle" dominant-baseline="middle">%s</text><text x="%.1f" y="%.1f" font-size="10.5" fill="#5f6b7a" text-anchor="%s" dominant-baseline="middle">%s</text>`,
					x, cy, s.Source.Colour, arrow, tx, cy, anchor, esc(s.Date))
			} else if s.to > s.from {
				x0, x1 := math.Max(sc.x(s.from), tlPlotX0), math.Min(sc.x(s.to+1), tlPlotX1)
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="8" rx="4" fill="%s" fill-opacity="0.45" stroke="%s"/>`,
					x0, cy-4+off/3, math.Max(x1-x0, 6), s.Source.Colour, s.Source.Colour)
			} else {
				fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5.5" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`,
					sc.x(s.from)+sc.perDay/2+off, cy, s.Source.Colour)
			}
			b.WriteString(`</a>`)
		}
	}

	// Axis with ticks per cluster.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`, tlPlotX0, tlAxisH-1, tlPlotX1, tlAxisH-1)
	lastLabel := math.Inf(-1)
	for _, c := range sc.clusters {
		for _, t := range ticks(c, sc.perDay) {
			x := sc.x(t.day) + sc.perDay/2
			if t.month {
				x = sc.x(t.day)
			}
			if x-lastLabel < 60 { // would overlap the previous label
				continue
			}
			lastLabel = x
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e3e3e3"/>`, x, tlAxisH, x, height-8)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999"/>`, x, tlAxisH-5, x, tlAxisH-1)
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" fill="#555" text-anchor="middle">%s</text>`, x, tlAxisH-9, esc(t.label))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

type tick struct {
	day   int
	label string
	month bool
}

// ticks picks readable tick marks inside one cluster: days, weeks, months
// or years, whichever keeps labels about 55 units apart.
func ticks(c cluster, perDay float64) []tick {
	var out []tick
	for _, step := range []int{1, 2, 7, 14} {
		if float64(step)*perDay < 55 {
			continue
		}
		for d := c.from; d <= c.to; d++ {
			t := dayTime(d)
			if step >= 7 && t.Weekday() != time.Monday {
				continue
			}
			if step == 2 && (d-c.from)%2 != 0 {
				continue
			}
			if step == 14 && (d/7)%2 != 0 {
				continue
			}
			out = append(out, tick{day: d, label: t.Format("2 Jan")})
		}
		return firstLabelled(out, c)
	}
	for _, months := range []int{1, 3, 6, 12} {
		if float64(months)*30.4*perDay < 55 {
			continue
		}
		for d := c.from; d <= c.to; d++ {
			t := dayTime(d)
			if t.Day() != 1 || (int(t.Month())-1)%months != 0 {
				continue
			}
			label := t.Format("Jan 2006")
			if months == 12 {
				label = t.Format("2006")
			}
			out = append(out, tick{day: d, label: label, month: true})
		}
		return firstLabelled(out, c)
	}
	return firstLabelled(nil, c)
}

// firstLabelled makes sure a cluster without any tick still names its
// first day, so no stretch of the chart is undated.
func firstLabelled(ts []tick, c cluster) []tick {
	if len(ts) == 0 {
		return []tick{{day: c.from, label: dayTime(c.from).Format("2 Jan 2006")}}
	}
	return ts
}

// shortDate is the row's date column: the earliest date its sources give.
func shortDate(from int, ss []timelineSource) string {
	t := dayTime(from)
	for _, s := range ss {
		if s.dated && s.from == from && s.to-s.from >= 365 {
			return t.Format("2006")
		}
		if s.dated && s.from == from && s.to-s.from >= 28 {
			return t.Format("Jan 2006")
		}
	}
	return t.Format("2 Jan 2006")
}
