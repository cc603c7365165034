package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// ErrNotFeed marks a body that is neither an RSS or Atom feed nor a
// sitemap (an HTML page, invalid XML).
var ErrNotFeed = errors.New("not an RSS or Atom feed or a sitemap")

// Kinds of link list.
const (
	KindFeed         = "feed"
	KindSitemap      = "sitemap"
	KindSitemapIndex = "sitemap index"
)

// Links reads the article links of a feed or sitemap, or the child
// sitemaps of a sitemap index, resolved against base, in document order.
func Links(body []byte, base string) (kind string, links []string, err error) {
	baseURL, err := url.Parse(base)
	if err != nil {
		return "", nil, err
	}
	resolve := func(ref string) string {
		u, err := baseURL.Parse(strings.TrimSpace(ref))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return u.String()
	}
	if root := rootElement(body); root == "urlset" || root == "sitemapindex" {
		var sm struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
			Maps []struct {
				Loc string `xml:"loc"`
			} `xml:"sitemap"`
		}
		if err := xml.Unmarshal(body, &sm); err != nil {
			return "", nil, fmt.Errorf("sitemap: %w", err)
		}
		kind = KindSitemap
		for _, u := range sm.URLs {
			if l := resolve(u.Loc); l != "" {
				links = append(links, l)
			}
		}
		if root == "sitemapindex" {
			kind = KindSitemapIndex
			for _, m := range sm.Maps {
				if l := resolve(m.Loc); l != "" {
					links = append(links, l)
				}
			}
		}
		return kind, links, nil
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	for _, it := range feed.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if l := resolve(link); l != "" {
			links = append(links, l)
		}
	}
	return KindFeed, links, nil
}

// rootElement is the local name of a document's first element, or "".
func rootElement(body []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	for i := 0; i < 64; i++ {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
	return ""
}
