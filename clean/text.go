package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// meta collects metadata found in a document and where each value came from.
type meta struct {
	title, outlet, published, url, originalSource, language, credit string
	authors                                                         []string
	sources                                                         map[string]string
	// dates are the publication dates the document states, with their
	// evidence; resolvePublished picks one into published.
	dates               []dateCandidate
	publishedConfidence string
	// crawled is when the page was fetched, for "3 hours ago" stamps; zero
	// when unknown.
	crawled time.Time
}

func (m *meta) set(field, value, source string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if field == "published" {
		m.dates = append(m.dates, dateCandidate{value: value, source: source, trust: trustOf(source),
			ambiguous: strings.Contains(source, ambiguousMark)})
		return
	}
	if m.sources == nil {
		m.sources = map[string]string{}
	}
	if _, done := m.sources[field]; done {
		return // the first, most authoritative source wins
	}
	switch field {
	case "title":
		m.title = value
	case "outlet":
		m.outlet = value
	case "published":
		m.published = value
	case "url":
		m.url = value
	case "original_source":
		m.originalSource = value
	case "language":
		m.language = value
	case "credit":
		m.credit = value
	default:
		return
	}
	m.sources[field] = source
}

// setAuthors takes the first source's authors. An agency given as an
// author (a meta tag or a record saying "Associated Press", "Reuters
// staff") is the story's credit, not a person who wrote it.
func (m *meta) setAuthors(names []string, source string) {
	if len(names) == 0 || len(m.authors) > 0 {
		return
	}
	var people []string
	for _, n := range names {
		if agency, ok := wireAgency(stripAgencySuffix(n)); ok {
			m.set("credit", agency, "agency named as the author ("+source+")")
			continue
		}
		people = append(people, n)
	}
	if len(people) == 0 {
		return
	}
	m.authors = people
	if m.sources == nil {
		m.sources = map[string]string{}
	}
	m.sources["authors"] = source
}

// line is one input line and what cleaning decided about it.
type line struct {
	raw     string // trimmed, as in the input
	text    string // trimmed, markdown unwrapped
	heading bool   // a Markdown heading ("# …")
	reason  string // non-empty: removed, for this reason
	words   int
}

// cleanLines is the text cleaner shared by every format: it takes the lines
// of an article (paragraph per line or hard-wrapped, blank lines between
// paragraphs), removes boilerplate, collects metadata into m, and returns the
// cleaned text and what was removed.
func cleanLines(rawLines []string, m *meta) (string, []model.Removed) {
	rawLines = splitDatedLead(rawLines)
	lines := make([]line, len(rawLines))
	for i, raw := range rawLines {
		lines[i] = prepareLine(raw)
	}
	markMetadataLines(lines, m)
	markRuleLines(lines)
	markRepeats(lines)
	markCaptions(lines)
	markLists(lines)
	markTrailingHeadlines(lines)
	markNavigationRuns(lines)
	markHeader(lines, m)
	markTail(lines, m)
	text, removed := assemble(lines)
	if len(strings.TrimSpace(text)) >= minArticleBytes {
		return text, removed
	}
	// Nothing read as an article: give back the lines that were taken
	// for page furniture only by their place or shape (a header line, a
	// short run of lines), so a page whose text is all in such lines is
	// not rejected. Lines a rule named as boilerplate stay out.
	restored := false
	for i := range lines {
		switch lines[i].reason {
		case reasonPageHeader, reasonNavigation, reasonList:
			// Headline-shaped lines come back; menus (separated items,
			// one- and two-word entries, lines of links) stay out.
			if lines[i].words >= 3 && !isSeparatedMenu(lines[i].text) && !mdLink.MatchString(lines[i].raw) {
				lines[i].reason = ""
				restored = true
			}
		}
	}
	if !restored {
		return text, removed
	}
	return assemble(lines)
}

// prepareLine trims a line and unwraps markdown so rules see plain words.
func prepareLine(raw string) line {
	s := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\t' {
			return ' '
		}
		if r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			return -1
		}
		return r
	}, raw))
	if s == "" {
		return line{}
	}
	raw = s
	if mdImage.MatchString(s) && strings.TrimSpace(mdImage.ReplaceAllString(s, "")) == "" {
		return line{raw: raw, text: s, reason: reasonImage, words: 1}
	}
	s = mdImage.ReplaceAllString(s, "")
	linkOnly := strings.TrimSpace(mdListMarker.ReplaceAllString(mdLink.ReplaceAllString(s, ""), "")) == "" && mdLink.MatchString(s)
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutoLink.ReplaceAllString(s, "$1")
	heading := mdHeading.MatchString(s)
	s = mdHeading.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	s = strings.TrimSpace(s)
	l := line{raw: raw, text: s, words: len(strings.Fields(s)), heading: heading}
	switch {
	case linkOnly && l.words <= 12:
		l.reason = reasonNavigation
	case isTagCloud(s, l.words):
		l.reason = reasonTags
	case !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		l.reason = reasonSeparator // "---", "* * *", "•"
	case utf8.RuneCountInString(s) == 1:
		l.reason = reasonSeparator // a drop capital on a line of its own
	}
	return l
}

// maxHeaderLines bounds where metadata lines are looked for at the top.
const maxHeaderLines = 400

// markMetadataLines finds header lines, bylines and date lines near the top
// and metadata footers near the bottom, takes their values, and removes them.
func markMetadataLines(lines []line, m *meta) {
	body := firstBodyLine(lines)
	bodyLinesSeen := 0
	proseSeen := 0 // a prompt or notice that reads as prose can open the "body"
	for i := range lines {
		l := &lines[i]
		if i >= body && l.text != "" {
			bodyLinesSeen++
			if isProse(*l) {
				proseSeen++
			}
		}
		if l.text == "" || l.reason != "" {
			continue
		}
		if mm := headerDateLine.FindStringSubmatch(l.text); mm != nil && i <= body {
			m.set("published", normaliseISO(mm[1]), "header line")
			// A section name after the date ("Nation & World News") is
			// no title; the headline follows on its own line.
			if len(strings.Fields(mm[2])) > 4 {
				m.set("title", mm[2], "header line")
			}
			l.reason = reasonHeaderLine
			continue
		}
		if mm := urlFooter.FindStringSubmatch(l.text); mm != nil {
			m.set("url", mm[1], "original-URL line")
			l.reason = reasonURLFooter
			continue
		}
		// The top of a page ends at its first paragraphs, and in any case
		// within maxHeaderLines lines (a page of menus has no top).
		nearTop := (bodyLinesSeen <= 3 || proseSeen <= 1) && i < maxHeaderLines
		if nearTop && i <= body && (spacedURL.MatchString(l.text) || bareURLLine.MatchString(l.text)) && l.words <= 60 {
			// A page that opens with its own address (tokenised corpora
			// write it with spaces: "http : / / www . x . com / …").
			m.set("url", joinSpacedURL(strings.Trim(l.text, "<>")), "URL line at the top")
			l.reason = reasonURLLine
			continue
		}
		if nearTop && i <= body {
			// "Title: …", "Outlet: …" above the article, as people write
			// a pasted article's header.
			if mm := labelledField.FindStringSubmatch(l.text); mm != nil && l.words <= 40 {
				if field := fieldOfLabel(mm[1]); field != "" {
					m.set(field, mm[2], "labelled line")
					l.reason = reasonHeaderLine
					continue
				}
			}
		}
		if nearTop {
			if v, ok := relativeDate(l.text, m.crawled); ok {
				m.set("published", v, "relative stamp against the crawl time")
				l.reason = reasonTimestamp
				continue
			}
			if v, parts, ok := metaLineDate(l.text); ok {
				source := "date line"
				if ambiguousDateLine(l.text) {
					source += " " + ambiguousMark
				}
				m.set("published", v, source)
				for _, p := range parts {
					if names := bylineNames(bylineInPart(p)); names != nil {
						m.setAuthors(names, "byline")
						break
					}
				}
				for _, p := range parts {
					if agency, ok := wireAgency(p); ok {
						m.set("credit", agency, "agency named on the date line")
						break
					}
				}
				l.reason = reasonDateLine
				continue
			}
			if agency, ok := creditFromLine(l.text); ok {
				m.set("credit", agency, "credit line at the top")
				l.reason = reasonByline
				continue
			}
			if names := bylineNames(l.text); names != nil {
				m.setAuthors(names, "byline")
				if agency, ok := bylineAgency(l.text); ok {
					m.set("credit", agency, "agency named on the byline")
				} else if paper, ok := bylinePaper(l.text); ok {
					m.set("credit", paper, bylinePaperSource)
				}
				l.reason = reasonByline
				continue
			}
			if person, paper, ok := nameAndPaperLine(l.text); ok {
				m.setAuthors([]string{person}, "byline")
				m.set("credit", paper, bylinePaperSource)
				l.reason = reasonByline
				continue
			}
			if v, ok := dateLine(l.text); ok {
				source := "date line"
				if strings.Contains(strings.ToLower(l.text), "updated") && !strings.Contains(strings.ToLower(l.text), "published") {
					source = "date line (updated)"
					if len(m.dates) > 0 {
						l.reason = reasonDateLine
						continue
					}
				}
				m.set("published", v, source)
				l.reason = reasonDateLine
				continue
			}
		}
		if mm := bylineReporting.FindStringSubmatch(l.text); mm != nil && l.words <= 40 {
			// "Reporting by A in Almaty; additional reporting by B; Editing by C"
			first := strings.SplitN(mm[1], ";", 2)[0]
			first = reportingPlace.ReplaceAllString(first, "")
			if names := splitNames(first); names != nil {
				m.setAuthors(names, "reporting credit")
			}
			l.reason = reasonByline
		}
	}
}

// firstBodyLine returns the index of the first line that reads as reporting:
// a paragraph of prose. Everything above it is header territory.
func firstBodyLine(lines []line) int {
	for i, l := range lines {
		if l.reason != "" || l.heading || l.text == "" {
			continue
		}
		if isProse(l) {
			return i
		}
		// A hard-wrapped paragraph: this line runs on into the next.
		if l.words >= 8 && i+1 < len(lines) && lines[i+1].reason == "" && lines[i+1].text != "" &&
			continues(l.text, lines[i+1].text) {
			return i
		}
	}
	return len(lines)
}

// isProse reports whether a line reads like a paragraph of reporting rather
// than a headline, menu item or label: sentences end in punctuation, and
// headlines, however long, do not.
func isProse(l line) bool {
	if l.words >= 35 {
		return true
	}
	if l.words < 8 {
		return false
	}
	t := l.text
	last, size := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("\"”»’", last) {
		// A closing quote ends a sentence only after its punctuation
		// ("…he said."" or «…».); a headline may end on a quoted phrase.
		before, _ := utf8.DecodeLastRuneInString(t[:len(t)-size])
		return strings.ContainsRune(".!?…,", before) || strings.Count(t, ".") >= 2
	}
	return strings.ContainsRune(".!?:;…)*", last)
}

func markRuleLines(lines []line) {
	for i := range lines {
		l := &lines[i]
		if l.text == "" || l.reason != "" {
			continue
		}
		if isVideoTeaser(l.text, l.words) {
			l.reason = reasonVideo
			continue
		}
		if isCommentBox(*l) {
			l.reason = reasonComments
			continue
		}
		lower := strings.ToLower(l.text)
		for _, r := range lineRules {
			if r.maxWords > 0 && l.words > r.maxWords {
				continue
			}
			if !containsAny(lower, r.keys) {
				continue
			}
			if r.re.MatchString(l.text) {
				l.reason = r.reason
				break
			}
		}
		if l.reason == "" && isListHeadingLead(*l) {
			l.reason = reasonList
		}
	}
}

// markLists removes "Most read" / "Related" headings and the headlines and
// "7 hours ago" stamps listed under them, up to the next line of prose.
func markLists(lines []line) {
	for i := 0; i < len(lines); i++ {
		if lines[i].text == "" || !(listHeading.MatchString(lines[i].text) || isListHeading(lines[i])) {
			continue
		}
		lines[i].reason = reasonList
		items := 0
		for j := i + 1; j < len(lines); j++ {
			l := &lines[j]
			if l.text == "" {
				// A blank line ends the list unless the list goes on in
				// the same shape: a headline followed by its timestamp.
				if items > 0 && !listContinuesAfter(lines, j) {
					break
				}
				continue
			}
			if isProse(*l) && l.words >= 20 {
				break
			}
			items++
			if l.reason == "" || l.reason == reasonTimestamp || l.reason == reasonNavigation {
				l.reason = reasonList
			}
		}
	}
}

func containsAny(s string, keys []string) bool {
	if len(keys) == 0 {
		return true
	}
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// listContinuesAfter reports whether, after the blank line at j, the next
// lines are still list items: a timestamp, or a headline with a timestamp
// right under it.
func listContinuesAfter(lines []line, j int) bool {
	k := j
	for k < len(lines) && lines[k].text == "" {
		k++
	}
	if k >= len(lines) {
		return false
	}
	if lines[k].reason == reasonTimestamp {
		return true
	}
	return k+1 < len(lines) && lines[k+1].reason == reasonTimestamp
}

// markNavigationRuns removes menus: runs of three or more very short lines
// (single words or "A | B | C"), and pipe-separated menu lines anywhere.
func markNavigationRuns(lines []line) {
	isMenuItem := func(l line) bool {
		if l.text == "" || l.reason != "" {
			return false
		}
		if isSeparatedMenu(l.text) {
			return true
		}
		last, _ := utf8.DecodeLastRuneInString(l.text)
		return l.words <= 3 && !unicode.IsPunct(last) && !unicode.IsDigit(last)
	}
	for i := 0; i < len(lines); {
		if !isMenuItem(lines[i]) {
			i++
			continue
		}
		j, items := i, 0
		for j < len(lines) && (isMenuItem(lines[j]) || lines[j].text == "") {
			if lines[j].text != "" {
				items++
			}
			j++
		}
		if items >= 3 || menuLineIn(lines[i:j]) {
			for k := i; k < j; k++ {
				if lines[k].text != "" {
					lines[k].reason = reasonNavigation
				}
			}
		}
		i = j
	}
}

// markHeader handles what sits above the first paragraph of reporting: the
// headline is kept (and becomes the title unless metadata gave one), and the
// short lines around it (mastheads, section names, "STATEMENT") are page
// furniture. A Markdown heading, if any, is the headline.
func markHeader(lines []line, m *meta) {
	body := firstBodyLine(lines)
	if body >= len(lines) {
		return // no paragraph of reporting: leave short texts alone
	}
	// Menus sit above the headline: a line before the last menu line is a
	// masthead or a banner, not the headline, unless nothing follows it.
	lastMenu := -1
	for i := 0; i < body; i++ {
		if lines[i].reason == reasonNavigation {
			lastMenu = i
		}
	}
	var cands, early []int
	for i := 0; i < body; i++ {
		if lines[i].text != "" && lines[i].reason == "" {
			if i < lastMenu {
				early = append(early, i)
			} else {
				cands = append(cands, i)
			}
		}
	}
	if len(cands) == 0 {
		cands, early = early, nil
	}
	for _, i := range early {
		if lines[i].words < 8 {
			lines[i].reason = reasonPageHeader
		}
	}
	title, source := -1, ""
	for _, i := range cands {
		if lines[i].heading {
			title, source = i, "Markdown heading"
			break
		}
	}
	// The headline is the first line above the article long enough to be
	// one (a standfirst or a video title may follow it; section names and
	// menu items before it are short); failing that, the last line of
	// headline shape.
	headline := func(l line) bool {
		return l.words >= 3 && l.words <= 30 && !isAllCaps(l.text) && !endsSentence(l.text) && !strings.HasSuffix(l.text, ":") &&
			!furnitureLine.MatchString(l.text) && !opensWithDate(l.text)
	}
	if title < 0 {
		for _, k := range cands {
			if l := lines[k]; headline(l) && utf8.RuneCountInString(l.text) >= minHeadlineRunes {
				title, source = k, "headline above the article"
				break
			}
		}
	}
	if title < 0 {
		for k := len(cands) - 1; k >= 0; k-- {
			if headline(lines[cands[k]]) {
				title, source = cands[k], "headline above the article"
				break
			}
		}
	}
	for _, i := range cands {
		if i != title && (lines[i].words < 8 && !endsSentence(lines[i].text) || lines[i].words <= 3) {
			lines[i].reason = reasonPageHeader
		}
	}
	if title >= 0 {
		m.set("title", strings.TrimSpace(trailingUILabel.ReplaceAllString(withoutGluedLabel(lines[title].text), "")), source)
	}
}

// opensWithDate reports a line that starts with a full calendar date
// ("March 3, 2019 in World", "12.03.2026 Section"): a date line with
// furniture beside it, never a headline, which states no date first.
func opensWithDate(s string) bool {
	fd, ok := findDate(unglue(s))
	return ok && fd.start == 0
}

// withoutGluedLabel drops a section or kind label a scraper glued in front
// of a headline or a list heading: a first word all in lower case, of four
// letters or more, before a capitalised word ("story Flood …", "новость
// Суд …"). A headline starts with a capital; name particles ("de", "van")
// are shorter.
func withoutGluedLabel(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok || utf8.RuneCountInString(first) < 4 {
		return s
	}
	for _, r := range first {
		if !unicode.IsLower(r) {
			return s
		}
	}
	rest = strings.TrimSpace(rest)
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return s
	}
	return rest
}

// furnitureLine is page furniture that can look like a headline: parts
// side by side ("CPA | Continental Press Agency", "Politics   Society"), an
// address or handle ("t.me/…", "OKNO.ASIA — English version").
var furnitureLine = regexp.MustCompile(`\||\S\s{2,}\S|(?:^|\s)@\w|\b[\p{L}\d-]+\.(?i:[a-z]{2,6}|рф)(?:/|\s|$)`)

// minHeadlineRunes is the shortest headline preferred over a later line:
// section names and menu items are shorter.
const minHeadlineRunes = 25

// trailingUILabel is a bracketed control glued to a headline ("[View all]").
var trailingUILabel = regexp.MustCompile(`\s*\[[^\[\]]{1,20}\]\s*$`)

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return last == '.' || last == '!' || last == '?'
}

// isSeparatedMenu reports a menu written on one line: "World | Business |
// Markets", "Central Asia / Kazakhstan / Kyrgyzstan", "About · Contacts".
func isSeparatedMenu(s string) bool {
	if parts := strings.Split(s, ", "); len(parts) >= 5 {
		// "News, Business, World, Politics, Sports": a menu written as a list.
		short := 0
		for _, p := range parts {
			r, _ := utf8.DecodeRuneInString(p)
			if n := len(strings.Fields(p)); n >= 1 && n <= 2 && unicode.IsUpper(r) {
				short++
			}
		}
		if short == len(parts) {
			return true
		}
	}
	for _, sep := range []string{"|", " / ", " • ", " · ", " › ", " > "} {
		parts := strings.Split(s, sep)
		if len(parts) < 3 {
			continue
		}
		short := 0
		for _, p := range parts {
			if n := len(strings.Fields(p)); n >= 1 && n <= 4 {
				short++
			}
		}
		if short >= len(parts)-1 {
			return true
		}
	}
	return false
}

func menuLineIn(lines []line) bool {
	for _, l := range lines {
		if l.text != "" && isSeparatedMenu(l.text) {
			return true
		}
	}
	return false
}

// reportingPlace drops "in Almaty" from "Reporting by A in Almaty".
var reportingPlace = regexp.MustCompile(`\s+in\s+[\p{Lu}][\p{L}-]*(\s+[\p{Lu}][\p{L}-]*)*\s*$`)

// signOffOutlet recognises the outlet line of a sign-off ("Outlet.org,").
var signOffOutlet = regexp.MustCompile(`^([\p{L}\d][\p{L}\d.-]*\.(?:org|com|net|kg|kz|uz|tj|ru|info|news|media|am|az|ge|ua|by|io|co|tv|fm|asia|eu|de|uk))\s*,?$`)

// markTail handles the end of an article: source credits, sign-offs, author
// bios and a trailing title-less URL line.
func markTail(lines []line, m *meta) {
	// A bare agency credit closing the page ("AP/AFP", "(Reuters)") may
	// already be marked as a photo credit; it credits the story.
	for i, seen := len(lines)-1, 0; i >= 0 && seen < 3; i-- {
		l := &lines[i]
		if l.text == "" {
			continue
		}
		seen++
		if l.words <= 4 && (l.reason == "" || l.reason == reasonPhoto) && !sourceFooter.MatchString(l.text) {
			if agency, ok := creditFromLine(l.text); ok {
				m.set("credit", agency, "credit line at the end")
				l.reason = reasonSourceFooter
				break
			}
		}
	}
	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].text != "" && lines[i].reason == "" {
			last = i
			break
		}
	}
	if last < 0 {
		return
	}
	// Content lines from the end, newest first, at most a few.
	var tail []int
	for i := last; i >= 0 && len(tail) < 6; i-- {
		if lines[i].text != "" && lines[i].reason == "" {
			tail = append(tail, i)
		}
	}
	markSignOff(lines, tail, m)
	n := -1
	for _, i := range tail {
		l := &lines[i]
		if l.reason != "" {
			continue
		}
		n++
		if mm := sourceFooter.FindStringSubmatch(l.text); mm != nil && l.words <= 10 && n < 3 {
			src := strings.TrimSpace(mm[len(mm)-1])
			m.set("original_source", src, "source credit line")
			if agency, ok := wireAgency(src); ok {
				src = agency
			}
			m.set("credit", src, "source credit line")
			l.reason = reasonSourceFooter
			continue
		}
		if agency, ok := creditFromLine(l.text); ok && n < 3 {
			m.set("credit", agency, "credit line at the end")
			l.reason = reasonSourceFooter
			continue
		}
		if site, ok := creditFromSourceLink(l.text); ok && n < 3 {
			m.set("credit", site, "link to the source at the end")
			if l.words <= 6 {
				l.reason = reasonSourceFooter
			}
			continue
		}
		if mm := bareURLLine.FindStringSubmatch(l.text); mm != nil && n < 3 {
			m.set("url", mm[1], "URL line at the end")
			l.reason = reasonURLFooter
			continue
		}
		if n < 3 && bioCue.MatchString(l.text) && l.words <= 80 && mentionsAuthorOrIsBio(l.text, m.authors) {
			l.reason = reasonAuthorBio
			continue
		}
		if n < 3 && l.words <= 120 && opensWithSignedName(lines, i) {
			l.reason = reasonAuthorBio
		}
	}
}

// markSignOff reads a closing "Name,\nOutlet.org,\nJanuary 9, 2022".
func markSignOff(lines []line, tail []int, m *meta) {
	if len(tail) < 2 {
		return
	}
	i := 0
	date := ""
	if v, ok := dateLine(lines[tail[0]].text); ok {
		date = v
		i = 1
	}
	outlet := ""
	if i < len(tail) {
		if mm := signOffOutlet.FindStringSubmatch(lines[tail[i]].text); mm != nil {
			outlet = mm[1]
			i++
		}
	}
	if date == "" && outlet == "" {
		// A closing line that is only a name ("Pavel Dorofeev") signs the piece.
		if t := strings.TrimSuffix(lines[tail[0]].text, ","); isPersonName(t) && len(strings.Fields(t)) <= 4 {
			lines[tail[0]].reason = reasonSignOff
			m.setAuthors([]string{t}, "sign-off")
		}
		return
	}
	var names []string
	if i < len(tail) {
		t := strings.TrimSuffix(lines[tail[i]].text, ",")
		if isPersonName(t) {
			names = []string{t}
		}
	}
	if names == nil && (date == "" || outlet == "") {
		return // a lone date or domain at the end is not a sign-off
	}
	for k := 0; k < i; k++ {
		lines[tail[k]].reason = reasonSignOff
	}
	if names != nil {
		lines[tail[i]].reason = reasonSignOff
		m.setAuthors(names, "sign-off")
	}
	if outlet != "" {
		m.set("outlet", outlet, "sign-off")
	}
	if date != "" {
		m.set("published", date, "sign-off")
	}
}

func mentionsAuthorOrIsBio(text string, authors []string) bool {
	for _, a := range authors {
		if fields := strings.Fields(a); len(fields) > 0 && strings.Contains(text, fields[len(fields)-1]) {
			return true
		}
	}
	lower := strings.ToLower(text)
	return strings.HasPrefix(lower, "about the author") || strings.HasPrefix(lower, "the author") ||
		nameIsA.MatchString(text)
}

var (
	// nameIsA is the opening of a bio: "Firstname Lastname is a …".
	nameIsA = regexp.MustCompile(`^[\p{Lu}][\p{L}'-]+( [\p{Lu}][\p{L}'-]+){1,3} (is|was|has been|works as) an? `)
	// nameSeparators split a list of names: "A, B and C".
	nameSeparators = regexp.MustCompile(`\s*(?:,|\band\b|&|\bи\b)\s*`)
)

// bylineNames returns the author names of a byline, or nil if line is not one.
func bylineNames(text string) []string {
	for _, re := range []*regexp.Regexp{bylineBy, bylineLabel} {
		if mm := re.FindStringSubmatch(text); mm != nil && len(strings.Fields(text)) <= 14 {
			return splitNames(mm[1])
		}
	}
	return nil
}

// splitNames splits "A, B and C" into names, dropping a trailing outlet or
// role ("A, Reuters"; "A, staff writer") and requiring each part to look like
// a person's name.
func splitNames(s string) []string {
	s = strings.TrimSpace(strings.TrimRight(s, ".|"))
	if i := strings.IndexAny(s, "|•·–—~"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	parts := nameSeparators.Split(s, -1)
	var names []string
	for k, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if person, _, ok := splitTrailingPaper(p); ok {
			return append(names, person) // "Ann Roe Lakeshore Times"
		}
		if k > 0 && isNewspaperName(p) {
			break // "A, Valley Tribune"
		}
		if !isPersonName(p) {
			if k > 0 && len(names) > 0 {
				break // "A, Reuters" or "A, staff writer"
			}
			return nil
		}
		names = append(names, p)
	}
	if len(names) == 0 {
		return nil
	}
	return names
}

// isPersonName reports whether s looks like a personal name: two to four
// capitalised words (any script), allowing particles and initials.
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
			for _, c := range w {
				if !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.') {
					return false
				}
			}
		case isNameParticle(w):
		default:
			return false
		}
	}
	return caps >= 2
}

func isNameParticle(w string) bool {
	switch strings.ToLower(w) {
	case "de", "van", "von", "der", "la", "le", "del", "da", "di", "bin", "ibn", "al", "ul", "uulu", "kyzy", "uly":
		return true
	}
	return false
}

// assemble joins the kept lines into paragraphs separated by blank lines and
// records where each removed block was. Lines of one paragraph that were
// hard-wrapped (the next starts in lower case) are joined with a space.
func assemble(lines []line) (string, []model.Removed) {
	var b strings.Builder
	var removed []model.Removed
	var pending *model.Removed
	flush := func() {
		if pending != nil {
			removed = append(removed, *pending)
			pending = nil
		}
	}
	prevKept := -1
	blankSince := false
	for i, l := range lines {
		if l.text == "" {
			blankSince = true
			continue
		}
		if l.reason != "" {
			if pending != nil && pending.Reason == l.reason {
				pending.Text += "\n" + l.raw
			} else {
				flush()
				pending = &model.Removed{Text: l.raw, Reason: l.reason, At: b.Len()}
			}
			continue
		}
		flush()
		if prevKept >= 0 {
			if !blankSince && continues(lines[prevKept].text, l.text) {
				b.WriteByte(' ')
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(l.text)
		prevKept = i
		blankSince = false
	}
	flush()
	text := b.String()
	for i := range removed {
		if removed[i].At > len(text) {
			removed[i].At = len(text)
		}
	}
	return text, removed
}

// continues reports whether next is the hard-wrapped continuation of prev.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”»…)", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// normaliseISO trims an ISO date-time to "2006-01-02" or "2006-01-02T15:04".
func normaliseISO(s string) string {
	if fd, ok := findDate(s); ok {
		return fd.value
	}
	return s
}

// bylineInPart turns "Interview by A. Bekova" or "Conducted by A. Bekova",
// one part of a metadata line, into "by A. Bekova" for bylineNames.
func bylineInPart(p string) string {
	lower := strings.ToLower(p)
	if i := strings.Index(lower, " by "); i > 0 && len(strings.Fields(p[:i])) <= 2 {
		return strings.TrimSpace(p[i:])
	}
	return p
}

// splitDatedLead splits a header line that carries the whole lead
// paragraph after its date ("date 2022-01-11 Police said on Monday …"):
// the date part is metadata, the rest is the lead, not a title.
func splitDatedLead(raw []string) []string {
	seen, proseSeen := 0, false
	for i, r := range raw {
		t := strings.TrimSpace(r)
		if t == "" {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		cut := -1
		if mm := headerDateLine.FindStringSubmatchIndex(t); mm != nil && mm[4] >= 0 {
			cut = mm[4]
		} else if c, ok := dateBeforeLead(t); ok && !proseSeen {
			cut = c
		}
		if cut < 0 {
			// Once the lead came without a date, a date opening a later
			// paragraph is the body's.
			proseSeen = proseSeen || isProse(line{text: t, words: len(strings.Fields(t))})
			continue
		}
		rest := t[cut:]
		if !isProse(line{text: rest, words: len(strings.Fields(rest))}) {
			continue
		}
		out := make([]string, 0, len(raw)+2)
		out = append(out, raw[:i]...)
		out = append(out, strings.TrimSpace(t[:cut]), "", rest)
		return append(out, raw[i+1:]...)
	}
	return raw
}

// leadAfterDate is what may stand between a date opening a line and the
// lead glued after it: a time, a zone, separators.
var leadAfterDate = regexp.MustCompile(`^(?:,?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?i:am|pm|gmt|utc|msk|мск)?))?\s*[,|:—–-]*\s*`)

// dateBeforeLead finds a scraper's date line glued to the lead ("11.01.2022
// Police …", "Published: 11.01.2022, 09:15 Police …", "11 января 2022,
// 14:30 Полиция …"): the line opens with a full date (after at most a date
// label) and continues, past a time and separators, with a capitalised
// sentence. It returns where the lead starts.
func dateBeforeLead(t string) (int, bool) {
	fd, ok := findDate(t)
	if !ok || fd.start > 20 {
		return 0, false
	}
	if strings.TrimSpace(dateLineFiller.ReplaceAllString(t[:fd.start], " ")) != "" {
		return 0, false // words before the date other than a label ("WASHINGTON, …")
	}
	end := fd.end + len(leadAfterDate.FindString(t[fd.end:]))
	if end >= len(t) {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(t[end:]); !unicode.IsUpper(r) {
		return 0, false
	}
	return end, true
}

// bylineSeparator splits "By A and B – Associated Press" before the agency.
var bylineSeparator = regexp.MustCompile(`\s[–—~|-]\s|,\s`)

// bylineAgency reads the agency a byline names after its authors.
func bylineAgency(text string) (string, bool) {
	parts := bylineSeparator.Split(text, -1)
	if len(parts) < 2 {
		return "", false
	}
	return wireAgency(stripAgencySuffix(parts[len(parts)-1]))
}

// isTagCloud reports a line of topic tags: five or more words, no
// punctuation at all, and a pair of capitalised words listed twice (tag
// blocks repeat their first tags at the end: "Turkey Syria quake victims
// Turkey Syria").
func isTagCloud(s string, words int) bool {
	if words < 5 || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '-' }) {
		return false
	}
	ws := strings.Fields(s)
	seen := map[string]bool{}
	for i := 0; i+1 < len(ws); i++ {
		a, _ := utf8.DecodeRuneInString(ws[i])
		b, _ := utf8.DecodeRuneInString(ws[i+1])
		if !unicode.IsUpper(a) || !unicode.IsUpper(b) {
			continue
		}
		pair := ws[i] + " " + ws[i+1]
		if seen[pair] {
			return true
		}
		seen[pair] = true
	}
	return false
}

// isListHeading reports a short line that opens a list of links with one
// of the lexicon's headings ("Most read stories", "Горячие новости").
func isListHeading(l line) bool {
	if l.words > 5 || endsSentence(l.text) {
		return false
	}
	lower := strings.ToLower(strings.Trim(withoutGluedLabel(l.text), " :#*"))
	for _, h := range listHeadingWords {
		if strings.HasPrefix(lower, h) {
			return true
		}
	}
	return false
}

// markTrailingHeadlines removes a run of headline-shaped lines after the
// article's last paragraph (a related-articles or news-feed block without
// a heading): three or more short lines without sentence punctuation, or
// bare dates and times, with nothing but such lines after them.
func markTrailingHeadlines(lines []line) {
	var run []int
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.text == "" || l.reason != "" && l.reason != reasonTimestamp {
			continue
		}
		if !trailingItem(l) {
			break
		}
		run = append(run, i)
	}
	if len(run) < 3 {
		return
	}
	for _, i := range run {
		lines[i].reason = reasonList
	}
}

func trailingItem(l line) bool {
	if l.reason == reasonTimestamp {
		return true
	}
	if _, ok := dateLine(strings.TrimLeft(l.text, "-–—•* ")); ok {
		return true
	}
	if l.words < 3 || l.words > 16 || isProse(l) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l.text)
	return !strings.ContainsRune(".!?:;…\"”»", last)
}

// markRepeats handles lines given twice in a row: a headline repeated
// above the article keeps its first copy; inside the article a repeated
// line is a picture's caption and its alternative text, and both go.
func markRepeats(lines []line) {
	body := firstBodyLine(lines)
	prev := -1
	for i := range lines {
		if lines[i].text == "" {
			continue
		}
		if prev >= 0 && prev > body && lines[i].reason == "" && lines[prev].reason == "" && len(lines[prev].text) > 20 &&
			strings.HasPrefix(lines[i].text, lines[prev].text) && captionCredit.MatchString(lines[i].text) {
			// A caption, then the same caption with its credit glued on.
			lines[prev].reason, lines[i].reason = reasonPhoto, reasonPhoto
			prev = i
			continue
		}
		if prev >= 0 && lines[prev].text == lines[i].text && lines[i].reason == "" {
			lines[i].reason = reasonRepeat
			if prev > body && lines[prev].reason == "" {
				lines[prev].reason = reasonPhoto
				lines[i].reason = reasonPhoto
			}
		}
		prev = i
	}
}

// opensWithSignedName reports a closing paragraph that starts with the
// name standing alone on the line before it (a signature, then the
// author's bio: "Name" / "Name was the dean of …").
func opensWithSignedName(lines []line, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if lines[k].text == "" {
			continue
		}
		name := strings.TrimSuffix(lines[k].text, ",")
		return isPersonName(name) && strings.HasPrefix(lines[i].text, name+" ")
	}
	return false
}

// isCommentBox reports a comment box's heading or prompt ("Comments (12)",
// "Leave a comment", "Комментарии").
func isCommentBox(l line) bool {
	if l.words > 8 {
		return false
	}
	lower := strings.ToLower(l.text)
	for _, c := range commentCues {
		if strings.HasPrefix(lower, c) {
			rest := strings.TrimSpace(lower[len(c):])
			return rest == "" || !strings.ContainsFunc(rest, unicode.IsLetter) || l.words <= 6
		}
	}
	return false
}

// isListHeadingLead reports a related-article pointer: a list heading
// with the linked headline after it on the same line ("Also read:
// Landslide kills 12", "Читайте также: …").
func isListHeadingLead(l line) bool {
	if l.words > 25 {
		return false
	}
	lower := strings.ToLower(l.text)
	for _, h := range listHeadingWords {
		if strings.HasPrefix(lower, h) {
			rest := strings.TrimSpace(lower[len(h):])
			return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "»")
		}
	}
	return false
}

// Captions without a credit: one sentence in a caption's present tense
// ("X reacts after …") whose content the paragraph next to it restates.
const (
	captionMaxWords     = 45
	captionVerbWithin   = 12  // the verb follows its subject closely
	captionRestatedStem = 0.5 // share of the caption's stems the neighbour repeats
	captionStemRunes    = 5
)

// markCaptions removes a picture's caption left in the text: a line that
// is one sentence, with a caption verb among its first words, next to a
// paragraph of prose that repeats most of its content words (the caption
// restates the story it illustrates).
func markCaptions(lines []line) {
	for i := range lines {
		l := &lines[i]
		if l.reason != "" || l.words < 6 || l.words > captionMaxWords || !endsSentence(l.text) || !oneSentence(l.text) {
			continue
		}
		if !hasCaptionVerb(l.text) {
			continue
		}
		for _, j := range []int{neighbourLine(lines, i, 1), neighbourLine(lines, i, -1)} {
			if j >= 0 && isProse(lines[j]) && restates(lines[j].text, l.text) {
				l.reason = reasonPhoto
				break
			}
		}
	}
}

// oneSentence reports a line with no sentence end before its last word.
func oneSentence(s string) bool {
	words := strings.Fields(s)
	for _, w := range words[:len(words)-1] {
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
			// An initial or abbreviation ("U.S.", "Gen.") is not an end.
			if r := []rune(strings.Trim(w, ".")); len(r) > 3 || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
				return false
			}
		}
	}
	return true
}

func hasCaptionVerb(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	if len(words) > captionVerbWithin {
		words = words[:captionVerbWithin]
	}
	// The verb follows a subject: never the line's first word.
	head := " " + strings.Join(words[1:], " ") + " "
	head = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || r == ' ' {
			return r
		}
		return ' '
	}, head)
	for _, v := range captionVerbs {
		if strings.Contains(head, " "+v+" ") {
			return true
		}
	}
	return false
}

// neighbourLine returns the nearest line with text in direction dir that
// is not removed, or -1.
func neighbourLine(lines []line, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(lines); j += dir {
		if lines[j].text == "" {
			continue
		}
		if lines[j].reason != "" {
			return -1
		}
		return j
	}
	return -1
}

// restates reports whether text repeats at least captionRestatedStem of
// caption's content-word stems (words of four letters or more, cut to
// captionStemRunes letters; numbers whole).
func restates(text, caption string) bool {
	have := map[string]bool{}
	for _, s := range contentStems(text) {
		have[s] = true
	}
	stems := contentStems(caption)
	if len(stems) == 0 {
		return false
	}
	seen := map[string]bool{}
	shared, total := 0, 0
	for _, s := range stems {
		if seen[s] {
			continue
		}
		seen[s] = true
		total++
		if have[s] {
			shared++
		}
	}
	return float64(shared) >= captionRestatedStem*float64(total)
}

func contentStems(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		if len(r) < 4 && !unicode.IsDigit(r[0]) {
			continue
		}
		if len(r) > captionStemRunes && !unicode.IsDigit(r[0]) {
			r = r[:captionStemRunes]
		}
		out = append(out, string(r))
	}
	return out
}
