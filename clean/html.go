package clean

import (
	"encoding/json"
	"fmt"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallaxnews/parallax/model"
)

// maxHTMLTreeSize bounds the elements trafilatura will look at, so a
// pathological page fails cleanly instead of taking minutes.
const maxHTMLTreeSize = 100_000

// cleanHTML extracts the main text of a page with go-trafilatura, keeps its
// paragraph breaks by walking the content tree, then applies the same line
// rules as plain text to what is left (captions, read-more prompts,
// bylines). Blocks of the page outside the main content are recorded as
// removed.
func cleanHTML(page string, m *meta) (string, []model.Removed, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", nil, fmt.Errorf("parse HTML: %w", err)
	}
	pageMeta(root, m)
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Disabled, // dates only from metadata: never guess from the page body
		MaxTreeSize:     maxHTMLTreeSize,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		if err == nil {
			err = fmt.Errorf("extractor found nothing")
		}
		return "", nil, fmt.Errorf("%w in HTML: %v", ErrNoArticle, err)
	}
	md := res.Metadata
	m.set("title", md.Title, "HTML metadata (title)")
	if md.Author != "" {
		m.setAuthors(splitAuthorField(md.Author), "HTML metadata (author)")
	}
	if !strings.Contains(md.Sitename, ".") || strings.Contains(md.Sitename, " ") {
		// A bare host name is trafilatura's guess from the URL, not
		// the site's name; the URL host is read later, and better.
		m.set("outlet", md.Sitename, "HTML metadata (site name)")
	}
	m.set("url", md.URL, "HTML metadata (canonical URL)")
	if !md.Date.IsZero() {
		m.set("published", md.Date.Format("2006-01-02"), "HTML metadata (date)")
	}
	m.set("language", strings.ToLower(strings.SplitN(md.Language, "-", 2)[0]), "HTML lang attribute")

	var lines []string
	blockLines(res.ContentNode, &lines)
	text, removed := cleanLines(lines, m)
	removed = append(removed, outsideBlocks(root, text, removed)...)
	return text, removed, nil
}

// splitAuthorField splits an author meta value ("A; B", "A, B", "A and B").
func splitAuthorField(s string) []string {
	if names := splitNames(strings.ReplaceAll(s, ";", ",")); names != nil {
		return names
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pageMeta reads publication metadata that pages state explicitly: meta
// tags and JSON-LD. It runs before the extractor so these, the most precise
// sources, win.
func pageMeta(root *html.Node, m *meta) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				content := attr(n, "content")
				switch key {
				case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
					"dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "date":
					if fd, ok := findDate(content); ok {
						m.set("published", fd.value, "HTML meta "+key)
					}
				case "og:site_name", "application-name":
					m.set("outlet", content, "HTML meta "+key)
				case "og:url":
					m.set("url", content, "HTML meta og:url")
				case "og:title":
					m.set("title", content, "HTML meta og:title")
				case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author":
					if !strings.HasPrefix(content, "http") {
						m.setAuthors(splitAuthorField(content), "HTML meta "+key)
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.set("url", attr(n, "href"), "HTML link rel=canonical")
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					jsonLDMeta(n.FirstChild.Data, m)
				}
			case atom.Html:
				if lang := attr(n, "lang"); lang != "" {
					m.set("language", strings.ToLower(strings.SplitN(lang, "-", 2)[0]), "HTML lang attribute")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}

// jsonLDMeta reads datePublished, headline, author and publisher from a
// JSON-LD block (a NewsArticle object, a list, or an @graph).
func jsonLDMeta(data string, m *meta) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				visit(x)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				visit(g)
			}
			typ := fmt.Sprint(t["@type"])
			if !strings.Contains(typ, "Article") && !strings.Contains(typ, "Posting") && !strings.Contains(typ, "Report") {
				return
			}
			if s, ok := t["datePublished"].(string); ok {
				if fd, ok := findDate(s); ok {
					m.set("published", fd.value, "JSON-LD datePublished")
				}
			}
			if s, ok := t["headline"].(string); ok {
				m.set("title", s, "JSON-LD headline")
			}
			if names := ldNames(t["author"]); len(names) > 0 {
				m.setAuthors(names, "JSON-LD author")
			}
			if names := ldNames(t["publisher"]); len(names) > 0 {
				m.set("outlet", names[0], "JSON-LD publisher")
			}
		}
	}
	visit(v)
}

func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case map[string]any:
		if s, ok := t["name"].(string); ok && s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, ldNames(x)...)
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// isBlock reports elements that start a new paragraph.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Pre, atom.Td, atom.Th, atom.Tr, atom.Figcaption, atom.Dd, atom.Dt, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.Main, atom.Aside, atom.Nav, atom.Hr:
		return true
	}
	return false
}

// blockLines flattens a content tree into one line per block, with a blank
// line between blocks, so paragraph breaks survive.
func blockLines(n *html.Node, out *[]string) {
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			*out = append(*out, s, "")
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
}

// outsideBlocks lists the text blocks of the whole page that did not make it
// into the cleaned text, so nothing disappears without a record.
func outsideBlocks(root *html.Node, cleaned string, already []model.Removed) []model.Removed {
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if body != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if body == nil {
		return nil
	}
	var lines []string
	blockLines(body, &lines)
	flat := strings.Join(strings.Fields(cleaned), " ")
	var out []model.Removed
	seen := map[string]bool{}
	for _, r := range already {
		for _, l := range strings.Split(r.Text, "\n") {
			seen[strings.Join(strings.Fields(mdLink.ReplaceAllString(l, "$1")), " ")] = true
		}
	}
	for _, l := range lines {
		if l == "" || seen[l] || strings.Contains(flat, l) {
			continue
		}
		seen[l] = true
		out = append(out, model.Removed{Text: l, Reason: reasonOutsideMain, At: 0})
	}
	return out
}
