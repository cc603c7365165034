package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// monthNames maps English and Russian month names and abbreviations to
// month numbers. Russian genitive forms are what dates use ("11 января").
var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
	"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11,
	"нояб": 11, "дек": 12,
	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
	"июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

const monthAlt = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)`

var (
	dateISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b`)
	// dateYMDLoose is a year-first date without zero padding ("2019-6-8").
	dateYMDLoose = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b`)
	dateMDY      = regexp.MustCompile(`\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateDMY      = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	dateDot      = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	// dateSlash is "26/11/2025" or "11/26/2025".
	dateSlash = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	// dateDash is "10-01-2022", day first ("AGENCY | 10-01-2022 14:30 IST").
	dateDash = regexp.MustCompile(`\b(\d{1,2})-(\d{1,2})-(\d{4})\b`)
	// dateShortYear is "8/2/13" or "10.01.22": read only on a line that is
	// nothing but a date, never in running text.
	dateShortYear = regexp.MustCompile(`^(\d{1,2})([./])(\d{1,2})[./](\d{2})$`)
	// parenthesised is a short aside on a date line: "(Baku)", "(GMT+5)".
	parenthesised = regexp.MustCompile(`\([^()]{1,30}\)`)
	timeHM        = regexp.MustCompile(`\b(\d{1,2}):(\d{2})\s*(?i:(am|pm|a\.m\.|p\.m\.))?`)
	// dateLineFiller is what may surround a date on a line that is only a
	// date: labels, weekdays, times, zones, separators.
	dateLineFiller = regexp.MustCompile(`(?i)\b\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\b(published|updated|posted|last updated|last edited|edited|modified|date|on|at|time|gmt|utc|bst|cet|cest|eet|eest|msk|almt|ist|est|edt|cst|cdt|pst|pdt|jst|kst|мск|[+-]\d{1,2}|am|pm|a\.m\.|p\.m\.|опубликовано|обновлено|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b|[\s,|:•·/()\-–—]+`)
)

// foundDate is a calendar date (and maybe a time) found in a line.
type foundDate struct {
	start, end int // byte range in the line
	value      string
}

// findDate returns the first full calendar date in s (with a year), as
// "2006-01-02" or "2006-01-02T15:04" when a time follows it.
func findDate(s string) (foundDate, bool) {
	type cand struct {
		start, end int
		y, m, d    int
		hasClock   bool
		clock      string
	}
	var best *cand
	consider := func(c cand) {
		if c.m < 1 || c.m > 12 || c.d < 1 || c.d > 31 || c.y < 1900 || c.y > 2100 {
			return
		}
		if _, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)); err != nil {
			return
		}
		if best == nil || c.start < best.start {
			best = &c
		}
	}
	for _, m := range dateISO.FindAllStringSubmatchIndex(s, -1) {
		c := cand{start: m[0], end: m[1], y: atoi(s, m[2], m[3]), m: atoi(s, m[4], m[5]), d: atoi(s, m[6], m[7])}
		if m[8] >= 0 {
			c.hasClock = true
			c.clock = s[m[8]:m[9]] + ":" + s[m[10]:m[11]]
			if m[14] >= 0 {
				c.clock += ":00" + normaliseZone(s[m[14]:m[15]])
			}
		}
		consider(c)
	}
	for _, m := range dateYMDLoose.FindAllStringSubmatchIndex(s, -1) {
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[2], m[3]), m: atoi(s, m[4], m[5]), d: atoi(s, m[6], m[7])})
	}
	for _, m := range dateMDY.FindAllStringSubmatchIndex(s, -1) {
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[6], m[7]), m: monthNumber(s[m[2]:m[3]]), d: atoi(s, m[4], m[5])})
	}
	for _, m := range dateDMY.FindAllStringSubmatchIndex(s, -1) {
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[6], m[7]), m: monthNumber(s[m[4]:m[5]]), d: atoi(s, m[2], m[3])})
	}
	for _, m := range dateDot.FindAllStringSubmatchIndex(s, -1) {
		// Dotted dates are day-first in the outlets that use them.
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[6], m[7]), m: atoi(s, m[4], m[5]), d: atoi(s, m[2], m[3])})
	}
	for _, m := range dateDash.FindAllStringSubmatchIndex(s, -1) {
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[6], m[7]), m: atoi(s, m[4], m[5]), d: atoi(s, m[2], m[3])})
	}
	for _, m := range dateSlash.FindAllStringSubmatchIndex(s, -1) {
		// Day first unless the first number cannot be a month's day order:
		// "26/11/2025" is DMY, "11/26/2025" is MDY, "05/11/2025" is read
		// day-first as most outlets outside the US write it.
		a, b := atoi(s, m[2], m[3]), atoi(s, m[4], m[5])
		if b > 12 && a <= 12 {
			a, b = b, a
		}
		consider(cand{start: m[0], end: m[1], y: atoi(s, m[6], m[7]), m: b, d: a})
	}
	if best == nil {
		return foundDate{}, false
	}
	v := fmt.Sprintf("%04d-%02d-%02d", best.y, best.m, best.d)
	if best.hasClock {
		v += "T" + best.clock
	} else if tm := timeHM.FindStringSubmatchIndex(s[best.end:]); tm != nil && tm[0] < 12 {
		h, mi := atoi(s[best.end:], tm[2], tm[3]), atoi(s[best.end:], tm[4], tm[5])
		if tm[6] >= 0 {
			ampm := strings.ToLower(s[best.end:][tm[6]:tm[7]])
			if strings.HasPrefix(ampm, "p") && h < 12 {
				h += 12
			} else if strings.HasPrefix(ampm, "a") && h == 12 {
				h = 0
			}
		}
		if h < 24 && mi < 60 {
			v += fmt.Sprintf("T%02d:%02d", h, mi)
			best.end += tm[1]
		}
	}
	return foundDate{start: best.start, end: best.end, value: v}, true
}

func monthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if n, ok := monthNames[name]; ok {
		return n
	}
	if len(name) >= 3 {
		return monthNames[name[:3]]
	}
	return 0
}

func atoi(s string, i, j int) int {
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(s[i:j])
	return n
}

func normaliseZone(z string) string {
	if z == "Z" {
		return "Z"
	}
	if len(z) == 5 { // +0600
		return z[:3] + ":" + z[3:]
	}
	return z
}

// dateLine reports whether line is nothing but a date (with labels, weekday
// and time around it) and returns the date.
func dateLine(line string) (string, bool) {
	if len(line) > 80 || !strings.ContainsAny(line, "0123456789") {
		return "", false
	}
	fd, ok := findDate(unglue(line))
	if !ok {
		return shortYearDate(line)
	}
	line = unglue(line)
	leftover := line[:fd.start] + " " + line[fd.end:]
	leftover = timeHM.ReplaceAllString(leftover, " ")
	leftover = parenthesised.ReplaceAllString(leftover, " ")
	leftover = dateLineFiller.ReplaceAllString(unglue(leftover), " ")
	if rest := strings.Fields(leftover); len(rest) > 0 && !sectionLabel(rest, len(line)) {
		return "", false
	}
	return fd.value, true
}

// gluedWords are a lower-case letter or digit run straight into a capital
// ("NewsSeptember 24", "2018US News"): page furniture glued to a date by
// a scraper.
var gluedWords = regexp.MustCompile(`(\p{Ll}|\d)(\p{Lu})`)

func unglue(s string) string { return gluedWords.ReplaceAllString(s, "$1 $2") }

// sectionLabel reports whether the words left beside a date on a short
// line are a section name ("News", "US News"): at most two capitalised
// words on a line of at most 40 bytes, or up to three after a preposition
// that files the date under its section ("… in World/Asia", "… в
// Политике").
func sectionLabel(words []string, lineLen int) bool {
	maxWords, maxLen := 2, 40
	if len(words) > 1 && containsStr(sectionPrepositions, words[0]) {
		words, maxWords, maxLen = words[1:], 3, 60
	}
	if len(words) > maxWords || lineLen > maxLen {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// metaSeparators split a header line that lists metadata side by side.
var metaSeparators = regexp.MustCompile(`\s*[·|•]\s*|\s+[—–-]\s+`)

// metaLineDate reads the publication date from a short header line that
// gives it among other metadata: "Interview · 3 May 2025 · By A. Bekova ·
// Reading time: 7 min", "17.04.2026 19:40 · Author: I. Petrov",
// "Published: 12.03.2026, 09:15 | Updated: 12.03.2026, 17:05". Every other
// part must be short (a label, a byline, a section name, a view count),
// so a sentence that happens to hold a date is not taken. A part that says
// "updated" or "modified" is used only when no other part has a date.
// parts are the line's parts, for the caller to read a byline from.
func metaLineDate(line string) (date string, parts []string, ok bool) {
	line = strings.Trim(line, " *_")
	if len(line) > 200 {
		return "", nil, false
	}
	if v, ok := dateLine(line); ok {
		return v, nil, true // "15.04.2026 | 10:47": the time belongs to the date
	}
	parts = metaSeparators.Split(line, -1)
	if len(parts) < 2 {
		return "", nil, false
	}
	updated := ""
	for k, p := range parts {
		if p == "" {
			continue
		}
		if v, isDate := dateLine(p); isDate {
			lower := strings.ToLower(p)
			if strings.Contains(lower, "updated") || strings.Contains(lower, "modified") || strings.Contains(lower, "edited") || strings.Contains(lower, "обновлено") {
				if updated == "" {
					updated = v
				}
				continue
			}
			if date == "" {
				date = v
				// "28 November 2025 · 14:30": a time on its own follows its date.
				if k+1 < len(parts) && len(v) == 10 {
					if tm := timeHM.FindStringSubmatch(parts[k+1]); tm != nil && tm[0] == strings.TrimSpace(parts[k+1]) && tm[3] == "" {
						if h, mi := atoi(tm[1], 0, len(tm[1])), atoi(tm[2], 0, len(tm[2])); h < 24 && mi < 60 {
							date += fmt.Sprintf("T%02d:%02d", h, mi)
						}
					}
				}
			}
			continue
		}
		if len(strings.Fields(p)) > 6 || strings.ContainsAny(p, ".!?") && len(strings.Fields(p)) > 3 {
			return "", nil, false
		}
	}
	if date == "" {
		date = updated
	}
	return date, parts, date != ""
}

// shortYearDate reads a date with a two-digit year standing alone on a
// line ("8/2/13", "10.01.22", with a time after it allowed). Outcome,
// documented in docs/clean.md: the year is 20YY (19YY when that would be
// more than a year in the future of 2000+current); dots are day first;
// slashes are month first (the US "M/D/YY" habit; pages elsewhere write
// dots or four-digit years) unless the first number cannot be a month.
// The caller marks such dates ambiguous.
func shortYearDate(line string) (string, bool) {
	if len(line) > 40 || !strings.ContainsAny(line, "./") {
		return "", false
	}
	s := strings.TrimSpace(timeHM.ReplaceAllString(line, ""))
	s = strings.TrimSpace(dateLineFiller.ReplaceAllStringFunc(s, func(f string) string {
		if strings.ContainsAny(f, "./") {
			return f
		}
		return ""
	}))
	s = strings.Trim(s, " ,|")
	mm := dateShortYear.FindStringSubmatch(s)
	if mm == nil {
		return "", false
	}
	a, b, yy := atoiS(mm[1]), atoiS(mm[3]), atoiS(mm[4])
	y := 2000 + yy
	if y > time.Now().Year()+1 {
		y -= 100
	}
	d, mo := a, b
	if mm[2] == "/" && a <= 12 {
		d, mo = b, a
	}
	return validDate(y, mo, d)
}

// ambiguousDateLine reports whether a date line's reading is a guess: a
// two-digit year, or a slashed date whose day and month could swap.
func ambiguousDateLine(line string) bool {
	if _, ok := findDate(line); !ok {
		_, short := shortYearDate(line)
		return short
	}
	mm := dateSlash.FindStringSubmatch(line)
	return mm != nil && atoiS(mm[1]) <= 12 && atoiS(mm[2]) <= 12 && mm[1] != mm[2]
}
