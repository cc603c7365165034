package timeline

import (
	"strings"
	"time"
)

// interval is the span of days a date value covers, as days since the Unix
// epoch, both ends included.
type interval struct{ start, end int }

func (iv interval) days() int { return iv.end - iv.start + 1 }

func (iv interval) overlaps(o interval) bool { return iv.start <= o.end && o.start <= iv.end }

// gap is the number of days between two disjoint intervals, 0 when they
// overlap.
func (iv interval) gap(o interval) int {
	switch {
	case iv.overlaps(o):
		return 0
	case iv.end < o.start:
		return o.start - iv.end
	default:
		return iv.start - o.end
	}
}

func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

// parseValue reads an ISO value as produced by annotate/timex: a day, a
// day with a time, a month, an ISO week, a year or a range of these. Values
// with unknown parts ("XXXX-01-03") or empty values are rejected.
func parseValue(v string) (interval, bool) {
	if v == "" || strings.Contains(v, "X") {
		return interval{}, false
	}
	if a, b, ok := strings.Cut(v, "/"); ok {
		lo, ok1 := parseValue(a)
		hi, ok2 := parseValue(b)
		if !ok1 || !ok2 || hi.end < lo.start {
			return interval{}, false
		}
		return interval{lo.start, hi.end}, true
	}
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	switch {
	case len(v) == 10:
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return interval{}, false
		}
		d := dayNumber(t)
		return interval{d, d}, true
	case len(v) == 8 && v[5] == 'W':
		t, err := time.Parse("2006", v[:4])
		if err != nil {
			return interval{}, false
		}
		w := 0
		for _, c := range v[6:] {
			if c < '0' || c > '9' {
				return interval{}, false
			}
			w = w*10 + int(c-'0')
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(t.Year(), 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		d := dayNumber(monday)
		return interval{d, d + 6}, true
	case len(v) == 7:
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return interval{}, false
		}
		return interval{dayNumber(t), dayNumber(t.AddDate(0, 1, -1))}, true
	case len(v) == 4:
		t, err := time.Parse("2006", v)
		if err != nil {
			return interval{}, false
		}
		return interval{dayNumber(t), dayNumber(t.AddDate(1, 0, -1))}, true
	}
	return interval{}, false
}
