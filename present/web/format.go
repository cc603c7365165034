package web

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/dossier"
)

// dayInterval parses an ISO 8601 value as the dossier writes it ("2025",
// "2025-03", "2025-W10", "2025-03-09", "2025-03-09T16:00",
// "2025-03-04/2025-03-06", RFC 3339 date-times) into the days it covers,
// [from, to] inclusive, in UTC.
func dayInterval(s string) (from, to time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if a, b, isRange := strings.Cut(s, "/"); isRange {
		f, _, ok1 := dayInterval(a)
		_, t, ok2 := dayInterval(b)
		if !ok1 || !ok2 || t.Before(f) {
			return time.Time{}, time.Time{}, false
		}
		return f, t, true
	}
	switch {
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			break
		}
		f := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return f, f.AddDate(1, 0, -1), true
	case len(s) == 7 && s[4] == '-':
		if t, err := time.Parse("2006-01", s); err == nil {
			return t, t.AddDate(0, 1, -1), true
		}
	case len(s) == 8 && s[4] == '-' && s[5] == 'W':
		y, err1 := strconv.Atoi(s[:4])
		w, err2 := strconv.Atoi(s[6:])
		if err1 != nil || err2 != nil || w < 1 || w > 53 {
			break
		}
		// ISO week 1 contains 4 January; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		return monday, monday.AddDate(0, 0, 6), true
	case len(s) >= 10:
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, t, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// humanDate renders an ISO value for reading: "9 Mar 2025", "March 2025",
// "9 Mar 2025, 16:30", "4–6 Mar 2025". Unparseable values come back as they
// are.
func humanDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if a, b, isRange := strings.Cut(s, "/"); isRange {
		fa, fb := humanDate(a), humanDate(b)
		return fa + " – " + fb
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			out := t.Format("2 Jan 2006, 15:04")
			if _, off := t.Zone(); strings.ContainsAny(s[10:], "Z+-") {
				out += " " + utcOffset(off)
			}
			return out
		}
	}
	switch {
	case len(s) == 4:
		return s
	case len(s) == 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return t.Format("January 2006")
		}
	case len(s) == 8 && s[5] == 'W':
		if f, t, ok := dayInterval(s); ok {
			return "week of " + f.Format("2 Jan") + "–" + t.Format("2 Jan 2006")
		}
	case len(s) == 10:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t.Format("2 Jan 2006")
		}
	}
	return s
}

func utcOffset(sec int) string {
	if sec == 0 {
		return "UTC"
	}
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	h, m := sec/3600, sec%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// number formats a value with thousands separators and at most two
// decimals: 196600 → "196,600", 1.5 → "1.5".
func number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// amount formats an amount, a range of amounts or a vague count.
func amount(v model.Value) string {
	switch {
	case v.Min != 0 || v.Max != 0:
		if v.Min != 0 && v.Max != 0 && v.Min != v.Max {
			return number(v.Min) + "–" + number(v.Max)
		}
		if v.Amount != 0 {
			return number(v.Amount)
		}
		if v.Max != 0 {
			return "up to " + number(v.Max)
		}
		return "at least " + number(v.Min)
	default:
		return number(v.Amount)
	}
}

// valueLabel renders a normalised fact value. entityName resolves entity
// IDs to names.
func valueLabel(v model.Value, entityName func(string) string) string {
	switch v.Kind {
	case model.KindMoney:
		cur := v.Currency
		if cur == "" {
			cur = v.Unit
		}
		return strings.TrimSpace(amount(v) + " " + cur)
	case model.KindCount, model.KindAge, model.KindDuration:
		unit := v.Unit
		if unit == "" && v.Kind == model.KindAge {
			unit = "year"
		}
		if timeUnits[unit] && !(v.Amount == 1 && v.Min == 0 && v.Max == 0) {
			unit += "s"
		}
		return strings.TrimSpace(amount(v) + " " + unit)
	case model.KindDate:
		if v.Date != "" {
			return humanDate(v.Date)
		}
	case model.KindPlace:
		name := v.Text
		if v.Entity != "" {
			if n := entityName(v.Entity); n != "" {
				name = n
			}
		}
		return strings.TrimSpace(v.Relation + " " + name)
	}
	if v.Text != "" {
		return v.Text
	}
	if v.Date != "" {
		return humanDate(v.Date)
	}
	if v.Amount != 0 || v.Min != 0 || v.Max != 0 {
		return strings.TrimSpace(amount(v) + " " + v.Currency + v.Unit)
	}
	return "—"
}

// safeURL returns u when it is an absolute http or https URL, else "".
// Document URLs come from untrusted articles; anything else (javascript:,
// data:, relative paths) is shown as text, never as a link.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	if s := strings.ToLower(p.Scheme); s != "http" && s != "https" {
		return ""
	}
	return p.String()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// shorten cuts s to at most n characters, ending in "…" when cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// timeUnits are the singular units of ages and durations, pluralised for
// display ("31 years", "2 days").
var timeUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true, "minute": true, "second": true}

// attributeLabel makes an attribute readable: "detained/place" becomes
// "detained · place", "age/age" becomes "age", underscores become spaces.
// factLabel names a fact from its typed fields (dossier.FactLabel), or
// from its attribute key for a dossier without them.
func factLabel(f model.Fact) string {
	if l := dossier.FactLabel(f); l != "" {
		return l
	}
	return attributeLabel(f.Attribute)
}

func attributeLabel(a string) string {
	a = strings.ReplaceAll(a, "_", " ")
	head, rest, ok := strings.Cut(a, "/")
	if !ok {
		return a
	}
	kind, extra, _ := strings.Cut(rest, " ")
	if kind == head {
		return strings.TrimSpace(head + " " + extra)
	}
	return head + " · " + rest
}
