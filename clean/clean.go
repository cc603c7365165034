// Package clean turns one raw input into a model.Document: cleaned text with
// boilerplate removed (each removed block recorded with its reason) and the
// metadata the document itself states.
//
// In: an ingest.Input (raw bytes and format). Out: a *model.Document whose
// Raw is the input unchanged, Text the cleaned article, and Title, Outlet,
// Authors, Published, URL, Language, OriginalSource set only where the
// document says so (nil otherwise), with MetaSources naming where each came
// from. ErrNoArticle reports input with no article text in it.
package clean

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// ErrNoArticle means the input held no article text after cleaning.
var ErrNoArticle = errors.New("no article text found")

// minArticleBytes is the least cleaned text of an HTML page we accept as
// an article: what go-trafilatura pulls out of a page without one ("Page
// not found", a menu) is shorter.
const minArticleBytes = 40

// minArticleWords is the least cleaned text of a text input we accept: a
// pasted headline is text (issue 18: no page that has text is refused);
// menus and link lists are removed by rule before this is checked.
const minArticleWords = 3

// hasArticleText reports whether cleaned text is enough to be an article.
func hasArticleText(text, format string) bool {
	t := strings.TrimSpace(text)
	if format == ingest.FormatHTML {
		return len(t) >= minArticleBytes
	}
	return len(strings.Fields(t)) >= minArticleWords && strings.ContainsFunc(t, unicode.IsLetter)
}

// Options are what cleaning may know beyond the input itself.
type Options struct {
	// Crawled is when the page was fetched; it resolves "3 hours ago"
	// stamps and the year of a yearless dateline. Zero when unknown.
	Crawled time.Time
	// Now bounds stated dates: a date after it (plus a day and a half) is
	// refused as a publication date. Zero means the time of cleaning.
	Now time.Time
}

// Document cleans one input.
func Document(in ingest.Input) (*model.Document, error) {
	return DocumentWith(in, Options{})
}

// DocumentWith cleans one input with what is known about its fetch.
func DocumentWith(in ingest.Input, opts Options) (*model.Document, error) {
	var (
		m    meta
		text string
		rem  []model.Removed
		err  error
	)
	m.crawled = opts.Crawled
	now := opts.Now
	if now.IsZero() {
		now = opts.Crawled
	}
	body, format := string(in.Raw), in.Format
	if in.Record != nil {
		recordMeta(in.Record, &m)
		body = in.Record.Text
		if format == ingest.FormatHTML {
			body = in.Record.HTML
		}
	}
	switch format {
	case ingest.FormatHTML:
		text, rem, err = cleanHTML(body, &m)
	default:
		text, rem = cleanText(body, &m)
	}
	if err != nil {
		return nil, err
	}
	if !hasArticleText(text, format) {
		return nil, fmt.Errorf("%w (%d bytes left after cleaning)", ErrNoArticle, len(strings.TrimSpace(text)))
	}
	label := readableHostName(m.url)
	if creditsItsURL(&m, label) {
		// "Source: X" then "Original url: <X's page>": the address is the
		// original's, so its host names the credited outlet, not this site.
		label = ""
	}
	outletFromRemoved(rem, &m, label)
	leadMeta(text, &m)
	ownPaperNotCredit(&m, label)
	if m.url != "" {
		if v, ok := urlDate(m.url); ok {
			m.set("published", v, "URL path")
		}
		if m.outlet == "" {
			outletFromPage(body, text, rem, label, &m)
		}
		if m.outlet == "" && label != "" {
			m.set("outlet", hostOutletName(m.url), "name in the URL host")
		}
	}
	m.resolvePublished(now)
	if lang := detectLanguage(text); lang != "" {
		m.set("language", lang, "detected from text")
	}
	docFormat := format
	if in.Record != nil {
		docFormat = ingest.FormatJSONL
	}
	doc := &model.Document{
		ID:                  model.DocumentID(in.Raw),
		Source:              in.Source,
		Format:              docFormat,
		Title:               model.Str(m.title),
		Outlet:              model.Str(m.outlet),
		Authors:             m.authors,
		Published:           model.Str(m.published),
		PublishedConfidence: m.publishedConfidence,
		URL:                 model.Str(m.url),
		Language:            model.Str(m.language),
		OriginalSource:      model.Str(m.originalSource),
		Credit:              model.Str(m.credit),
		MetaSources:         m.sources,
		Text:                text,
		Removed:             rem,
		Raw:                 in.Raw,
	}
	if doc.Authors == nil {
		doc.Authors = []string{}
	}
	if doc.Removed == nil {
		doc.Removed = []model.Removed{}
	}
	return doc, nil
}

// bylinePaperSource is the evidence of a credit read from a byline that
// names a newspaper.
const bylinePaperSource = "newspaper named on the byline"

// ownPaperNotCredit drops a byline's newspaper when it is the site's own
// (its staff's byline on its own page credits no one else).
func ownPaperNotCredit(m *meta, label string) {
	if m.sources["credit"] != bylinePaperSource {
		return
	}
	if label != "" && nameMatchesHost(m.credit, label) || m.outlet != "" && squashName(m.outlet) == squashName(m.credit) {
		m.credit = ""
		delete(m.sources, "credit")
	}
}

// creditsItsURL tells whether the page's address was read from an
// original-URL line that belongs to the outlet its source line credits.
func creditsItsURL(m *meta, label string) bool {
	return label != "" && m.originalSource != "" && m.sources["url"] == "original-URL line" &&
		nameMatchesHost(m.originalSource, label)
}

// leadMeta reads the dateline of the first paragraph: the agency it
// credits and the day it names. The paragraph stays in the text (it is the
// lead); only metadata is taken. A dateline without a year takes the URL's
// year, else the latest year that does not put it after the crawl; with
// neither it gives no date.
func leadMeta(text string, m *meta) {
	lead := firstParagraph(text)
	if agency, ok := creditFromLead(lead); ok {
		m.set("credit", agency, "dateline of the lead paragraph")
	}
	if agency, ok := creditFromReportVerb(lead); ok {
		m.set("credit", agency, "agency named by the lead's reporting verb")
	}
	y, mo, d, ok := datelineDay(lead)
	if !ok {
		return
	}
	source := "dateline of the lead paragraph"
	if y == 0 {
		// Only the crawl dates a page; the time of cleaning may be years
		// after it, and a guessed year is the error issue 18 began with.
		y = yearFor(mo, d, urlYear(m.url), m.crawled)
		source += " (year from the URL or the crawl date)"
	}
	if v, ok := validDate(y, mo, d); ok {
		m.set("published", v, source)
	}
}

// recordMeta takes the metadata a JSON Lines record states explicitly.
// Evidence names the key a value was read from when it is not the
// field's own name ("JSON Lines field headline").
func recordMeta(r *ingest.Record, m *meta) {
	src := func(field string) string {
		if k := r.Keys[field]; k != "" && k != field {
			return recordFieldSource + " " + k
		}
		return recordFieldSource
	}
	m.set("title", r.Title, src("title"))
	m.set("outlet", r.Outlet, src("outlet"))
	m.set("url", r.URL, src("url"))
	m.set("language", r.Language, src("language"))
	if r.Published != "" {
		if fd, ok := findDate(r.Published); ok {
			m.set("published", fd.value, src("published"))
		}
	}
	m.setAuthors(r.AuthorList(), src("authors"))
}

// recordFieldSource is the evidence of a value a record states.
const recordFieldSource = "JSON Lines field"

// cleanText cleans plain text or Markdown.
func cleanText(body string, m *meta) (string, []model.Removed) {
	body = strings.TrimPrefix(body, "\ufeff")
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	rawLines := strings.Split(body, "\n")
	homeLinkOutlet(rawLines, m)
	return cleanLines(rawLines, m)
}

// homeLinkOutlet takes the outlet from a link to a site's front page in the
// page header ("[Nomad Ledger](https://nomadledger.kz/)").
func homeLinkOutlet(lines []string, m *meta) {
	for i, l := range lines {
		if i > 15 {
			return
		}
		for _, mm := range mdLink.FindAllStringSubmatch(l, -1) {
			u, err := url.Parse(mm[2])
			name := strings.TrimSpace(mm[1])
			if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
				continue
			}
			if n := len(strings.Fields(name)); n == 0 || n > 4 || strings.EqualFold(name, "home") {
				continue
			}
			m.set("outlet", name, "link to the site's front page")
			return
		}
	}
}

var (
	copyrightOutlet = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([\p{L}\d][\p{L}\d.&' -]{1,40}?)\s*(?:\.\s|,|;|\ball rights\b|$)`)
	domainToken     = regexp.MustCompile(`\b([\p{L}\d][\p{L}\d-]*\.(?:org|com|net|kg|kz|uz|tj|ru|info|news|media|am|az|ge|ua|by|io|co|tv|asia|eu))\b`)
)

// outletFromPage finds the site's name written on the page: a masthead
// line at the top that the URL host spells ("NewsNation" on
// newsnationnow.com), else the name where the page refers to itself
// ("MPR News helps you…", "сообщает On.kz").
func outletFromPage(raw, text string, rem []model.Removed, label string, m *meta) {
	if label == "" {
		return
	}
	seen := 0
	for _, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		if n := len(strings.Fields(l)); n <= 4 && nameMatchesHost(l, label) {
			m.set("outlet", l, "masthead (matches the URL host)")
			return
		}
	}
	var b strings.Builder
	b.WriteString(text)
	for _, r := range rem {
		b.WriteString("\n")
		b.WriteString(r.Text)
	}
	if name := selfReference(b.String(), label); name != "" {
		m.set("outlet", name, "the page names itself (matches the URL host)")
	}
}

// outletFromRemoved reads the outlet from copyright and reuse notices. A
// copyright naming an agency, or naming another outlet than the URL host's,
// credits the story's source rather than the site.
func outletFromRemoved(rem []model.Removed, m *meta, label string) {
	for _, r := range rem {
		if r.Reason != reasonCopyright {
			continue
		}
		if agency, ok := copyrightAgency(r.Text); ok {
			// An agency's copyright on another site's page: the page
			// carries the agency's story.
			m.set("credit", agency, "copyright line")
			continue
		}
		if m.outlet != "" {
			continue
		}
		if mm := copyrightOutlet.FindStringSubmatch(r.Text); mm != nil {
			name := strings.TrimSpace(mm[1])
			if label != "" && !nameMatchesHost(name, label) && !strings.EqualFold(name, "all rights reserved") {
				m.set("credit", name, "copyright line naming another outlet than the site")
				continue
			}
			if !strings.EqualFold(name, "all rights reserved") && len(strings.Fields(name)) <= 5 {
				m.set("outlet", name, "copyright line")
				continue
			}
		}
		if mm := domainToken.FindStringSubmatch(r.Text); mm != nil {
			m.set("outlet", mm[1], "reuse notice")
		}
	}
}

// firstParagraph is the first paragraph of text that reads as reporting
// (the title, when kept above it, is skipped).
func firstParagraph(text string) string {
	paras := strings.SplitN(text, "\n\n", 4)
	for _, p := range paras {
		if isProse(line{text: p, words: len(strings.Fields(p))}) {
			return p
		}
	}
	return paras[0]
}
