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
