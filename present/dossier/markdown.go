package dossier

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// WriteMarkdown writes the documents section of a dossier in Markdown: one
// entry per document with the metadata it states and where that came from.
// The discrepancy report (present/discrepancy) puts its fact sections above
// this.
func WriteMarkdown(w io.Writer, d *model.Dossier) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Documents (%d)\n\n", len(d.Documents))
	for _, doc := range d.Documents {
		fmt.Fprintf(&b, "### %s\n\n", MarkdownEscape(orDash(doc.Title)))
		fmt.Fprintf(&b, "- Outlet: %s", MarkdownEscape(orDash(doc.Outlet)))
		if doc.OriginalSource != nil {
			fmt.Fprintf(&b, " (republished from %s)", MarkdownEscape(*doc.OriginalSource))
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "- Published: %s\n", MarkdownEscape(orDash(doc.Published)))
		if len(doc.Authors) > 0 {
			fmt.Fprintf(&b, "- Authors: %s\n", MarkdownEscape(strings.Join(doc.Authors, ", ")))
		}
		if doc.URL != nil {
			fmt.Fprintf(&b, "- URL: <%s>\n", strings.ReplaceAll(*doc.URL, ">", "%3E"))
		}
		if doc.DuplicateOf != nil {
			fmt.Fprintf(&b, "- Syndicated copy of `%s`\n", (*doc.DuplicateOf)[:min(12, len(*doc.DuplicateOf))])
		}
		fmt.Fprintf(&b, "- Source: `%s`, id `%s`, %d bytes of text, %d boilerplate blocks removed\n\n",
			doc.Source, doc.ID[:min(12, len(doc.ID))], len(doc.Text), len(doc.Removed))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s *string) string {
	if s == nil || *s == "" {
		return "—"
	}
	return *s
}

// MarkdownEscape escapes characters that would turn article text into
// Markdown or HTML markup.
func MarkdownEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
		"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "\n", " ")
	return r.Replace(s)
}
