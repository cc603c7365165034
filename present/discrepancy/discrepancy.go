// Package discrepancy writes a dossier's facts as a Markdown report for
// journalists and fact-checkers.
//
// In: a *model.Dossier (documents with text, entities, facts). Out:
// Markdown that leads with disputed facts and accounts that changed over
// time, each quoting the sentence every source used with the value in bold
// and saying who says what (outlet, date, speaker); then agreed facts, then
// single-source facts, then a short table of the documents.
package discrepancy

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/dossier"
)

// maxSentence is how much of a long sentence a quote shows around its value.
const maxSentence = 360

// Write writes the full report: facts, then the documents table.
func Write(w io.Writer, d *model.Dossier) error {
	r := newReport(d)
	var b strings.Builder
	r.header(&b)
	r.facts(&b)
	r.documents(&b)
	r.decisions(&b)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write discrepancy report: %w", err)
	}
	return nil
}

// WriteFacts writes only the fact sections, for callers that print the
// documents themselves.
func WriteFacts(w io.Writer, d *model.Dossier) error {
	r := newReport(d)
	var b strings.Builder
	r.facts(&b)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write discrepancy report: %w", err)
	}
	return nil
}

type report struct {
	d     *model.Dossier
	docs  map[string]*model.Document
	names map[string]string
	canon map[string]string
}

func newReport(d *model.Dossier) *report {
	r := &report{d: d, docs: map[string]*model.Document{}, names: map[string]string{}, canon: map[string]string{}}
	for i := range d.Documents {
		doc := &d.Documents[i]
		r.docs[doc.ID] = doc
	}
	for _, doc := range d.Documents {
		id := doc.ID
		for n := 0; n < 16; n++ {
			dd := r.docs[id]
			if dd == nil || dd.DuplicateOf == nil {
				break
			}
			id = *dd.DuplicateOf
		}
		r.canon[doc.ID] = id
	}
	for _, e := range d.Entities {
		r.names[e.ID] = e.Name
	}
	return r
}

func (r *report) header(b *strings.Builder) {
	title := "Discrepancy report"
	if len(r.d.Stories) > 0 && r.d.Stories[0].Title != "" {
		title += ": " + esc(r.d.Stories[0].Title)
	}
	fmt.Fprintf(b, "# %s\n\n", title)
	sources := map[string]bool{}
	copies := 0
	for _, doc := range r.d.Documents {
		sources[r.canon[doc.ID]] = true
		if doc.DuplicateOf != nil {
			copies++
		}
	}
	count := map[model.Status]int{}
	for _, f := range r.d.Facts {
		count[f.Status]++
	}
	fmt.Fprintf(b, "%d documents, %d independent sources", len(r.d.Documents), len(sources))
	if copies > 0 {
		fmt.Fprintf(b, " (%d syndicated %s counted once)", copies, plural(copies, "copy", "copies"))
	}
	fmt.Fprintf(b, ". %d facts: %d disputed, %d changed over time, %d agreed, %d related (no verdict), %d single-source.\n\n",
		len(r.d.Facts), count[model.Disputed], count[model.Changed], count[model.Agreed], count[model.Related], count[model.SingleSource])
	r.reprints(b)
}

// reprints lists each source that other documents reprint, with how many.
func (r *report) reprints(b *strings.Builder) {
	carried := map[string]int{}
	var order []string
	for _, doc := range r.d.Documents {
		if doc.DuplicateOf == nil {
			continue
		}
		c := r.canon[doc.ID]
		if carried[c] == 0 {
			order = append(order, c)
		}
		carried[c]++
	}
	if len(order) == 0 {
		return
	}
	parts := make([]string, len(order))
	for i, id := range order {
		name := r.docName(id)
		if doc := r.docs[id]; doc != nil && doc.Credit != nil && *doc.Credit != "" && !strings.EqualFold(*doc.Credit, name) {
			name += " (" + *doc.Credit + " story)"
		}
		parts[i] = fmt.Sprintf("%s carried by %d %s", name, carried[id], plural(carried[id], "reprint", "reprints"))
	}
	fmt.Fprintf(b, "Reprints: %s.\n\n", esc(strings.Join(parts, "; ")))
}

func (r *report) facts(b *strings.Builder) {
	by := map[model.Status][]model.Fact{}
	for _, f := range r.d.Facts {
		by[f.Status] = append(by[f.Status], f)
	}
	if len(r.d.Facts) == 0 {
		b.WriteString("No comparable facts were found.\n\n")
		return
	}
	if fs := by[model.Disputed]; len(fs) > 0 {
		fmt.Fprintf(b, "## Disputed (%d)\n\nSources give incompatible values.\n\n", len(fs))
		for _, f := range fs {
			r.detailed(b, f, false)
		}
	}
	if fs := by[model.Changed]; len(fs) > 0 {
		fmt.Fprintf(b, "## Changed over time (%d)\n\nThe same speaker or subject gave incompatible accounts at different dates, shown in date order.\n\n", len(fs))
		for _, f := range fs {
			r.detailed(b, f, true)
		}
	}
	if fs := by[model.Agreed]; len(fs) > 0 {
		fmt.Fprintf(b, "## Agreed (%d)\n\n", len(fs))
		for _, f := range fs {
			agreeing, aside := splitAside(f.Values)
			fmt.Fprintf(b, "- **%s** — %s (%d sources: %s)", esc(r.title(f)), esc(r.valueList(agreeing)), r.sources(agreeing), esc(strings.Join(r.outlets(agreeing), ", ")))
			if len(aside) > 0 {
				fmt.Fprintf(b, "; not compared with these: %s (%s)", esc(r.valueList(aside)), esc(strings.Join(r.outlets(aside), ", ")))
			}
			if f.Note != "" {
				fmt.Fprintf(b, ". %s", esc(f.Note))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if fs := by[model.Related]; len(fs) > 0 {
		fmt.Fprintf(b, "## Related values, no verdict (%d)\n\nValues that differ, but that the comparison cannot tell are about one thing; read them yourself.\n\n", len(fs))
		for _, f := range fs {
			fmt.Fprintf(b, "- **%s** — %s (%s)", esc(r.title(f)), esc(r.valueList(f.Values)), esc(strings.Join(r.outlets(f.Values), ", ")))
			if f.Reason != "" {
				fmt.Fprintf(b, ". %s", esc(f.Reason))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if fs := by[model.SingleSource]; len(fs) > 0 {
		fmt.Fprintf(b, "## Single-source (%d)\n\n", len(fs))
		attrs := map[string]int{}
		for _, f := range fs {
			name := dossier.FactLabel(f)
			if name == "" {
				name = f.Attribute
			}
			attrs[name]++
		}
		keys := make([]string, 0, len(attrs))
		for k := range attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s: %d", esc(k), attrs[k]))
		}
		fmt.Fprintf(b, "By attribute: %s.\n\n", strings.Join(parts, ", "))
		for _, f := range fs {
			fmt.Fprintf(b, "- **%s** — %s (%s)\n", esc(r.title(f)), esc(r.valueList(f.Values)), esc(strings.Join(r.outlets(f.Values), ", ")))
		}
		b.WriteString("\n")
	}
}

// detailed writes one disputed or changed fact with a quote per value.
func (r *report) detailed(b *strings.Builder, f model.Fact, byDate bool) {
	fmt.Fprintf(b, "### %s\n\n", esc(r.title(f)))
	if f.Reason != "" {
		fmt.Fprintf(b, "Why: %s\n\n", esc(f.Reason))
	}
	if f.Note != "" {
		fmt.Fprintf(b, "%s\n\n", esc(f.Note))
	}
	vs := append([]model.FactValue(nil), f.Values...)
	if byDate {
		sort.SliceStable(vs, func(i, j int) bool { return deref(vs[i].Date) < deref(vs[j].Date) })
	}
	for _, v := range vs {
		doc := r.docs[v.Doc]
		who := r.outlet(v.Doc)
		if v.AttributedTo != "" {
			who += ", quoting " + r.speaker(v.AttributedTo)
		}
		if date := deref(v.Date); date != "" {
			who += ", " + date
		}
		say := describe(v)
		if v.Hedged {
			say += " (hedged)"
		}
		fmt.Fprintf(b, "- **%s** — %s\n", esc(say), esc(who))
		if doc != nil {
			fmt.Fprintf(b, "  > %s\n", quoteSentence(doc.Text, v))
		}
	}
	b.WriteString("\n")
}

func (r *report) documents(b *strings.Builder) {
	fmt.Fprintf(b, "## Documents (%d)\n\n", len(r.d.Documents))
	b.WriteString("| # | Title | Outlet | Published | Note |\n|---|---|---|---|---|\n")
	for i, doc := range r.d.Documents {
		note := ""
		if doc.DuplicateOf != nil {
			note = "syndicated copy of " + r.docName(*doc.DuplicateOf)
		}
		fmt.Fprintf(b, "| %d | %s | %s | %s | %s |\n", i+1, cell(deref(doc.Title)), cell(deref(doc.Outlet)), cell(deref(doc.Published)), cell(note))
	}
	b.WriteString("\n")
}

func (r *report) docName(id string) string {
	if doc := r.docs[id]; doc != nil {
		if doc.Outlet != nil && *doc.Outlet != "" {
			return *doc.Outlet
		}
		if doc.Title != nil && *doc.Title != "" {
			return *doc.Title
		}
		if doc.Source != "" {
			return doc.Source
		}
	}
	return id[:min(12, len(id))]
}

func (r *report) outlet(id string) string { return r.docName(id) }

func (r *report) speaker(s string) string {
	if n := r.names[s]; n != "" {
		return n
	}
	return strings.TrimPrefix(s, "name:")
}

func (r *report) title(f model.Fact) string {
	subj := f.SubjectName
	if subj == "" {
		subj = r.names[f.Subject]
	}
	if subj == "" {
		subj = strings.TrimPrefix(strings.TrimPrefix(f.Subject, "name:"), "group:")
	}
	name := dossier.FactLabel(f)
	if name == "" {
		name = f.Attribute
	}
	t := subj + ": " + name
	if subj == "" {
		t = name
	}
	return t + reviewTag(f)
}

func (r *report) outlets(vs []model.FactValue) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		o := r.outlet(v.Doc)
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

func (r *report) sources(vs []model.FactValue) int {
	seen := map[string]bool{}
	for _, v := range vs {
		c := r.canon[v.Doc]
		if c == "" {
			c = v.Doc
		}
		seen[c] = true
	}
	return len(seen)
}

// splitAside separates an agreed fact's agreeing values from those aside
// (model.FactValue.Aside).
func splitAside(vs []model.FactValue) (agreeing, aside []model.FactValue) {
	for _, v := range vs {
		if v.Aside {
			aside = append(aside, v)
		} else {
			agreeing = append(agreeing, v)
		}
	}
	return agreeing, aside
}

func (r *report) valueList(vs []model.FactValue) string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		s := describe(v)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, " / ")
}

// describe renders what a value says: its text as written, with "not" for
// negated claims.
func describe(v model.FactValue) string {
	s := strings.Join(strings.Fields(v.Text), " ")
	if v.Value.Kind == model.KindEvent {
		s = v.Value.Text
		if v.Polarity == "negated" {
			s = "not " + s
		}
		return s + ` ("` + strings.Join(strings.Fields(v.Text), " ") + `")`
	}
	if v.Polarity == "negated" {
		s = "not " + s
	}
	return s
}

// quoteSentence returns the value's sentence with the value in bold,
// shortened around the value when long.
func quoteSentence(text string, v model.FactValue) string {
	s, e := v.Sentence.Start, v.Sentence.End
	if s < 0 || e > len(text) || s >= e || v.Start < s || v.End > e {
		if v.Start >= 0 && v.End <= len(text) && v.Start < v.End {
			return "**" + esc(text[v.Start:v.End]) + "**"
		}
		return ""
	}
	pre, val, post := text[s:v.Start], text[v.Start:v.End], text[v.End:e]
	if len(pre) > maxSentence/2 {
		pre = "…" + trimLeft(pre, maxSentence/2)
	}
	if len(post) > maxSentence/2 {
		post = trimRight(post, maxSentence/2) + "…"
	}
	return esc(pre) + "**" + esc(val) + "**" + esc(post)
}

// trimLeft keeps the last n bytes of s, starting at a word.
func trimLeft(s string, n int) string {
	cut := len(s) - n
	for cut < len(s) && s[cut] != ' ' {
		cut++
	}
	return strings.TrimLeft(s[cut:], " ")
}

// trimRight keeps the first n bytes of s, ending at a word.
func trimRight(s string, n int) string {
	cut := n
	for cut > 0 && s[cut] != ' ' {
		cut--
	}
	return s[:cut]
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "\n", " ", "\r", " ")

func esc(s string) string { return escaper.Replace(s) }

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return esc(s)
}
