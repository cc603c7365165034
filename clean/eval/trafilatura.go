package eval

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/parallaxnews/parallax/model"
)

// TrafilaturaRow sets go-trafilatura's own metadata for one HTML page
// beside ours: what we keep and what we override.
type TrafilaturaRow struct {
	Case   string            `json:"case"`
	Theirs map[string]string `json:"trafilatura"`
	Ours   map[string]string `json:"ours"`
}

// compareTrafilatura runs go-trafilatura with its defaults (its own date
// search on) on a page.
func compareTrafilatura(name string, raw []byte, doc *model.Document) TrafilaturaRow {
	row := TrafilaturaRow{Case: name, Theirs: map[string]string{}, Ours: map[string]string{}}
	res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{EnableFallback: true})
	if err == nil && res != nil {
		md := res.Metadata
		row.Theirs["title"] = md.Title
		row.Theirs["outlet"] = md.Sitename
		row.Theirs["author"] = md.Author
		if !md.Date.IsZero() {
			row.Theirs["published"] = md.Date.Format("2006-01-02")
		}
	} else {
		row.Theirs["error"] = fmt.Sprint(err)
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	row.Ours["title"] = deref(doc.Title)
	row.Ours["outlet"] = deref(doc.Outlet)
	row.Ours["author"] = strings.Join(doc.Authors, "; ")
	row.Ours["published"] = day(deref(doc.Published))
	row.Ours["credit"] = deref(doc.Credit)
	return row
}

func printTrafilatura(w io.Writer, rows []TrafilaturaRow) {
	fmt.Fprintln(w, "  go-trafilatura's metadata beside ours (HTML pages):")
	for _, r := range rows {
		for _, f := range []string{"published", "title", "outlet", "author"} {
			t, o := r.Theirs[f], r.Ours[f]
			verdict := "same"
			switch {
			case t == o:
			case t == "":
				verdict = "ours only"
			case o == "":
				verdict = "theirs only"
			default:
				verdict = "we override"
			}
			fmt.Fprintf(w, "    %-18s %-10s trafilatura %-28q ours %-28q %s\n", r.Case, f, t, o, verdict)
		}
	}
}
