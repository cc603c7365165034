package clean

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Publication date. Every place a document states its date adds a
// candidate with its evidence; resolvePublished picks one by trust:
//
//	trustStructured  JSON Lines field, HTML meta tags, JSON-LD
//	trustDateLine    a date line or dateline at the top or bottom of the text
//	trustURL         the URL path (/2022/01/10/, _10012022/, -20220110)
//	trustRelative    "3 hours ago" against a known crawl date
//
// A date merely mentioned in the body is never a candidate: the reference
// date for such documents is inferred later (annotate/timex) and marked so.
type trust int

const (
	trustStructured trust = iota
	trustDateLine
	trustURL
	trustRelative
)

// dateCandidate is one stated publication date and its evidence.
type dateCandidate struct {
	value  string // "2006-01-02" or "2006-01-02T15:04[...]"
	source string // where it was found, as recorded in MetaSources
	trust  trust
	// ambiguous marks a date whose reading is a guess (a two-digit year, a
	// day/month order that could go either way).
	ambiguous bool
}

// trustOf ranks a metadata source by the words its name starts with.
func trustOf(source string) trust {
	switch {
	case strings.HasPrefix(source, "JSON"), strings.HasPrefix(source, "HTML"):
		return trustStructured
	case strings.HasPrefix(source, "URL path"):
		return trustURL
	case strings.HasPrefix(source, "relative"):
		return trustRelative
	}
	return trustDateLine
}

// maxFutureSlack is how far past the crawl (or cleaning) time a stated date
// may lie: time zones put a fresh article's date up to a day ahead.
const maxFutureSlack = 36 * time.Hour

// resolvePublished picks the publication date from the candidates, most
// trusted first (the first found within one level), and sets m.published,
// its source and confidence. Documented outcomes:
//   - a date after now (plus slack) is not a publication date; the next
//     candidate is used, and the evidence says which date was refused;
//   - structured metadata and the URL path disagreeing by more than a day:
//     the structured date is kept (URLs are often built from a first draft
//     or a section date), confidence "medium", the evidence names the URL
//     date;
//   - ambiguous readings (two-digit year, day/month order) and relative
//     stamps: confidence "low";
//   - no candidate: published stays null (the reference date is inferred
//     from the text downstream and marked inferred there).
func (m *meta) resolvePublished(now time.Time) {
	if now.IsZero() {
		now = time.Now()
	}
	var refused []string
	var best *dateCandidate
	for i := range m.dates {
		c := &m.dates[i]
		if t, ok := parseDay(c.value); ok && t.After(now.Add(maxFutureSlack)) {
			refused = append(refused, fmt.Sprintf("%s from %s is in the future", c.value, c.source))
			continue
		}
		if best == nil || c.trust < best.trust {
			best = c
		}
	}
	if best == nil {
		return
	}
	if best.ambiguous {
		// A day/month order that could go either way takes the reading
		// the URL agrees with.
		for _, c := range m.dates {
			if c.trust == trustURL && len(best.value) >= 10 {
				if sw := swapDayMonth(best.value); sw != "" && sw[:10] == c.value[:min(10, len(c.value))] {
					swapped := *best
					swapped.value = sw
					swapped.source = strings.Replace(best.source, ambiguousMark, "(day and month order from the URL)", 1)
					swapped.ambiguous = false
					best = &swapped
				}
			}
		}
	}
	conf := "high"
	switch {
	case best.ambiguous, best.trust == trustRelative:
		conf = "low"
	case best.trust == trustURL:
		conf = "medium"
	}
	evidence := best.source
	for _, c := range m.dates {
		if c.trust == best.trust || c.value == best.value {
			continue
		}
		if daysApart(c.value, best.value) > 1 {
			evidence += fmt.Sprintf("; %s says %s", c.source, c.value[:min(10, len(c.value))])
			if conf == "high" {
				conf = "medium"
			}
		}
	}
	for _, r := range refused {
		evidence += "; refused " + r
	}
	m.published = best.value
	m.publishedConfidence = conf
	if m.sources == nil {
		m.sources = map[string]string{}
	}
	m.sources["published"] = evidence
}

// parseDay reads the calendar day of a candidate value.
func parseDay(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}

func daysApart(a, b string) float64 {
	ta, ok1 := parseDay(a)
	tb, ok2 := parseDay(b)
	if !ok1 || !ok2 {
		return 0
	}
	d := ta.Sub(tb).Hours() / 24
	if d < 0 {
		d = -d
	}
	return d
}

// URL path dates: "/2022/01/10/", "/2013/may/03/", "/2022-01-10/",
// "_10012022/" (day, month, year), and a trailing "-20130504" or
// "idUSBRE9710UQ20130802" (year, month, day).
var (
	urlYMD      = regexp.MustCompile(`(?i)/((?:19|20)\d\d)[/-](\d\d?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](\d\d?)(?:/|$|[^\d])`)
	urlDMYGlued = regexp.MustCompile(`_(\d{2})(\d{2})((?:19|20)\d\d)(?:/|\.|$)`)
	urlYMDGlued = regexp.MustCompile(`[^\d]((?:19|20)\d\d)(\d{2})(\d{2})(?:[_./-]|$)`)
	urlYMSlashD = regexp.MustCompile(`/((?:19|20)\d\d)(\d{2})/(\d{2})/`)
)

// urlDate returns the publication date a URL's path states, if any.
func urlDate(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	path := u.EscapedPath()
	if mm := urlYMD.FindStringSubmatch(path); mm != nil {
		if v, ok := validDate(atoiS(mm[1]), monthOrNumber(mm[2]), atoiS(mm[3])); ok {
			return v, true
		}
	}
	if mm := urlYMSlashD.FindStringSubmatch(path); mm != nil {
		if v, ok := validDate(atoiS(mm[1]), atoiS(mm[2]), atoiS(mm[3])); ok {
			return v, true
		}
	}
	if mm := urlDMYGlued.FindStringSubmatch(path); mm != nil {
		if v, ok := validDate(atoiS(mm[3]), atoiS(mm[2]), atoiS(mm[1])); ok {
			return v, true
		}
	}
	for _, mm := range urlYMDGlued.FindAllStringSubmatch(path, -1) {
		if v, ok := validDate(atoiS(mm[1]), atoiS(mm[2]), atoiS(mm[3])); ok {
			return v, true
		}
	}
	return "", false
}

func atoiS(s string) int { return atoi(s, 0, len(s)) }

func monthOrNumber(s string) int {
	if n := atoiS(s); n > 0 {
		return n
	}
	return monthNumber(s)
}

// validDate formats y-m-d if it is a real calendar day in a plausible year.
func validDate(y, m, d int) (string, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// spacedURL is a URL written with spaces between its tokens, as tokenised
// corpora give it ("http : / / www . x . com / 2013 / 05 / 03 / …").
var spacedURL = regexp.MustCompile(`^(?i:https?)\s*:\s*/\s*/\s*\S`)

// joinSpacedURL undoes the tokeniser's spaces in such a URL.
func joinSpacedURL(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Datelines open the lead paragraph: "MOSCOW, January 10. /TASS/. …",
// "KYIV, Ukraine, Jan 10 (Reuters) - …", "ADANA, Turkey (AP) — …". The
// place is upper case or a capitalised name; the day may come without a
// year. datelineDate reads the month and day; the agency part is read by
// creditFromLead.
var datelineDate = regexp.MustCompile(`^[\p{Lu}][\p{L}.'’ -]{1,40},\s*(?:[\p{Lu}][\p{L}.' -]{1,30},\s*)?(` + monthAlt + `)\.?\s+(\d{1,2})(?:,?\s+((?:19|20)\d\d))?\b`)

// datelineDayFirst is the day-first dateline of Russian and European
// agencies: "МОСКВА, 10 января. /ТАСС/.", "АНКАРА, 8 фев — РИА Новости.",
// "LONDON, 10 January (Reuters) -"; the month is followed by a period,
// a comma, a dash, a slash, a parenthesis or the year, never by a word.
var datelineDayFirst = regexp.MustCompile(`^[\p{Lu}][\p{L}.'’ -]{1,40},\s*(?:[\p{Lu}][\p{L}.' -]{1,30},\s*)?(\d{1,2})\s+(` + monthAlt + `)(?:,?\s+((?:19|20)\d\d))?\.?\s*(?:[.,/(—–-]|$)`)

// datelineDay reads "Month D[, YYYY]" or "D Month[ YYYY]" from the start
// of a lead paragraph and returns year (0 when not stated), month and day.
func datelineDay(text string) (y, mo, d int, ok bool) {
	if mm := datelineDate.FindStringSubmatch(text); mm != nil {
		mo, d = monthNumber(mm[1]), atoiS(mm[2])
		if mm[3] != "" {
			y = atoiS(mm[3])
		}
	} else if mm := datelineDayFirst.FindStringSubmatch(text); mm != nil {
		d, mo = atoiS(mm[1]), monthNumber(mm[2])
		if mm[3] != "" {
			y = atoiS(mm[3])
		}
	} else {
		return 0, 0, 0, false
	}
	return y, mo, d, mo > 0 && d >= 1 && d <= 31
}

// yearFor picks the year of a yearless day: the URL's year when the URL
// has one, else the latest year that does not put the day after now
// (a dateline is written on the day it names).
func yearFor(mo, d int, urlYear int, now time.Time) int {
	if urlYear > 0 {
		return urlYear
	}
	if now.IsZero() {
		return 0
	}
	y := now.Year()
	if time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).After(now.Add(maxFutureSlack)) {
		y--
	}
	return y
}

var urlYearOnly = regexp.MustCompile(`/((?:19|20)\d\d)/`)

// urlYear is the year a URL path names on its own ("/2022/").
func urlYear(raw string) int {
	if mm := urlYearOnly.FindStringSubmatch(raw); mm != nil {
		return atoiS(mm[1])
	}
	if v, ok := urlDate(raw); ok && len(v) >= 4 {
		return atoiS(v[:4]) // "/20230208/", "_10012022/"
	}
	return 0
}

// relativeStamp is a "3 hours ago" / "5 часов назад" stamp near the top.
var relativeStamp = regexp.MustCompile(`(?i)^(?:published|updated|posted|опубликовано|обновлено)?\s*:?\s*(\d{1,3})\s*(minutes?|mins?|hours?|hrs?|days?|минут[ауы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+(?:ago|назад)$`)

// relativeDate resolves a relative stamp against the crawl time.
func relativeDate(line string, crawled time.Time) (string, bool) {
	if crawled.IsZero() {
		return "", false
	}
	mm := relativeStamp.FindStringSubmatch(strings.TrimSpace(line))
	if mm == nil {
		return "", false
	}
	n := atoiS(mm[1])
	unit := strings.ToLower(mm[2])
	var d time.Duration
	switch {
	case strings.HasPrefix(unit, "min"):
		d = time.Duration(n) * time.Minute
	case strings.HasPrefix(unit, "h"), strings.HasPrefix(unit, "час"):
		d = time.Duration(n) * time.Hour
	default:
		d = time.Duration(n) * 24 * time.Hour
	}
	return crawled.Add(-d).UTC().Format("2006-01-02"), true
}

// URLDate returns the publication date a URL's path states
// ("/2022/01/10/", "_10012022/", "-20130504"), for evaluations that take
// the URL as the expected date.
func URLDate(raw string) (string, bool) { return urlDate(raw) }

// swapDayMonth reads "2013-02-08…" the other way round ("2013-08-02…"),
// or returns "" when the swap is no date.
func swapDayMonth(v string) string {
	if len(v) < 10 {
		return ""
	}
	y, mo, d := atoiS(v[:4]), atoiS(v[5:7]), atoiS(v[8:10])
	sw, ok := validDate(y, d, mo)
	if !ok {
		return ""
	}
	return sw + v[10:]
}
