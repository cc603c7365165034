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
	"regexp"
	"strings"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// ErrNoArticle means the input held no article text after cleaning.
var ErrNoArticle = errors.New("no article text found")

// minArticleBytes is the least cleaned text we accept as an article.
const minArticleBytes = 40

// Document cleans one input.
func Document(in ingest.Input) (*model.Document, error) {
	var (
		m    meta
		text string
		rem  []model.Removed
		err  error
	)
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
	if len(strings.TrimSpace(text)) < minArticleBytes {
		return nil, fmt.Errorf("%w (%d bytes left after cleaning)", ErrNoArticle, len(strings.TrimSpace(text)))
	}
	outletFromRemoved(rem, &m)
	if m.outlet == "" && m.url != "" {
		m.set("outlet", hostOutlet(m.url), "URL host")
	}
	if lang := detectLanguage(text); lang != "" {
		m.set("language", lang, "detected from text")
	}
	docFormat := format
	if in.Record != nil {
		docFormat = ingest.FormatJSONL
	}
	doc := &model.Document{
		ID:             model.DocumentID(in.Raw),
		Source:         in.Source,
		Format:         docFormat,
		Title:          model.Str(m.title),
		Outlet:         model.Str(m.outlet),
		Authors:        m.authors,
		Published:      model.Str(m.published),
		URL:            model.Str(m.url),
		Language:       model.Str(m.language),
		OriginalSource: model.Str(m.originalSource),
		MetaSources:    m.sources,
		Text:           text,
		Removed:        rem,
		Raw:            in.Raw,
	}
	if doc.Authors == nil {
		doc.Authors = []string{}
	}
	if doc.Removed == nil {
		doc.Removed = []model.Removed{}
	}
	return doc, nil
}

// recordMeta takes the metadata a JSON Lines record states explicitly.
func recordMeta(r *ingest.Record, m *meta) {
	const src = "JSON Lines field"
	m.set("title", r.Title, src)
	m.set("outlet", r.Outlet, src)
	m.set("url", r.URL, src)
	m.set("language", r.Language, src)
	if r.Published != "" {
		if fd, ok := findDate(r.Published); ok {
			m.set("published", fd.value, src)
		}
	}
	m.setAuthors(r.AuthorList(), src)
}

// cleanText cleans plain text or Markdown.
func cleanText(body string, m *meta) (string, []model.Removed) {
	body = strings.TrimPrefix(body, "\ufeff")
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	rawLines := strings.Split(body, "\n")
	title := headingTitle(rawLines)
	text, rem := cleanLines(rawLines, m)
	if title != "" {
		m.set("title", title, "Markdown heading")
	} else if t := headlineTitle(text); t != "" {
		m.set("title", t, "first line")
	}
	return text, rem
}

// headingTitle returns the first level-one Markdown heading near the top.
func headingTitle(lines []string) string {
	for i, l := range lines {
		if i > 40 {
			break
		}
		if strings.HasPrefix(l, "# ") {
			return strings.TrimSpace(mdEmphasis.ReplaceAllString(mdLink.ReplaceAllString(strings.TrimPrefix(l, "# "), "$1"), "$2"))
		}
	}
	return ""
}

// headlineTitle takes the cleaned text's first paragraph as the title when it
// reads as a headline: short, one line, no closing full stop, followed by
// more text.
func headlineTitle(text string) string {
	first, rest, ok := strings.Cut(text, "\n\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	l := line{text: first, words: len(strings.Fields(first))}
	if l.words < 3 || l.words > 25 || isProse(l) || strings.HasSuffix(first, ".") {
		return ""
	}
	return first
}

var (
	copyrightOutlet = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([\p{L}\d][\p{L}\d.&' -]{1,40}?)\s*(?:\.\s|,|;|\ball rights\b|$)`)
	domainToken     = regexp.MustCompile(`\b([\p{L}\d][\p{L}\d-]*\.(?:org|com|net|kg|kz|uz|tj|ru|info|news|media|am|az|ge|ua|by|io|co|tv|asia|eu))\b`)
)

// outletFromRemoved reads the outlet from copyright and reuse notices.
func outletFromRemoved(rem []model.Removed, m *meta) {
	for _, r := range rem {
		if r.Reason != reasonCopyright || m.outlet != "" {
			continue
		}
		if mm := copyrightOutlet.FindStringSubmatch(r.Text); mm != nil {
			name := strings.TrimSpace(mm[1])
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
