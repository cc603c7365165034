package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// CSVHeader is the first row of a CSV export: one row per statement (one
// source's value of one fact).
var CSVHeader = []string{
	"story", "fact", "subject", "attribute", "status", "reason", "review", "review_by", "review_note",
	"document", "source", "outlet", "date", "value", "normalised_value", "kind",
	"polarity", "hedged", "attributed_to", "sentence", "start", "end", "url",
}

// WriteCSV writes one row per statement, fact by fact, as it goes. For
// Excel (excel true) it starts with a UTF-8 byte-order mark, so Excel reads
// the text as UTF-8, and a cell that starts with = + - @ or a tab gets a
// leading apostrophe, so no cell is taken for a formula.
func WriteCSV(w io.Writer, d *model.Dossier, storyID string, excel bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if excel {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw := csv.NewWriter(bw)
	if excel {
		cw.UseCRLF = true
	}
	docs := make(map[string]*model.Document, len(d.Documents))
	for i := range d.Documents {
		docs[d.Documents[i].ID] = &d.Documents[i]
	}
	names := entityNames(d)
	row := make([]string, len(CSVHeader))
	write := func() error {
		if excel {
			for i, c := range row {
				row[i] = defuse(c)
			}
		}
		return cw.Write(row)
	}
	copy(row, CSVHeader)
	if err := write(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, f := range d.Facts {
		review, by, note := "", "", ""
		if f.Review != nil {
			review, by, note = f.Review.Verdict, f.Review.User, f.Review.Note
		}
		for _, v := range f.Values {
			doc := docs[v.Doc]
			date := deref(v.Date)
			source, outlet, url, sentence := "", "", "", ""
			if doc != nil {
				source, outlet, url = docName(doc), deref(doc.Outlet), deref(doc.URL)
				if date == "" {
					date = deref(doc.Published)
				}
				sentence = slice(doc.Text, v.Sentence.Start, v.Sentence.End)
			}
			attributed := v.AttributedTo
			if n := names[attributed]; n != "" {
				attributed = n
			}
			row = append(row[:0], storyID, f.ID, subjectName(f, names), f.Attribute, string(f.Status), f.Reason, review, by, note,
				v.Doc, source, outlet, date, v.Text, Normalised(v.Value, names), string(v.Value.Kind),
				v.Polarity, strconv.FormatBool(v.Hedged), attributed, sentence,
				strconv.Itoa(v.Start), strconv.Itoa(v.End), url)
			if err := write(); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// defuse keeps a spreadsheet from reading a cell as a formula.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Normalised writes a typed value in words a spreadsheet can sort and
// filter: "200 USD", "3–5 people", "2025-03-10", "Almaty (70 km west of)".
func Normalised(v model.Value, names map[string]string) string {
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	amount := func() string {
		switch {
		case v.Min != 0 || v.Max != 0:
			return num(v.Min) + "–" + num(v.Max)
		case v.Amount != 0:
			return num(v.Amount)
		}
		return ""
	}
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch v.Kind {
	case model.KindMoney:
		add(amount())
		add(v.Currency)
	case model.KindDate:
		add(v.Date)
	case model.KindPlace:
		n := names[v.Entity]
		if n == "" {
			n = v.Text
		}
		add(n)
		if v.Relation != "" {
			add("(" + v.Relation + ")")
		}
		if v.Facility != "" {
			add("[" + v.Facility + "]")
		}
	default:
		add(amount())
		add(v.Unit)
		add(v.Date)
		add(v.Text)
	}
	s := strings.Join(parts, " ")
	if v.Equivalent != nil {
		s += " = " + Normalised(*v.Equivalent, names)
	}
	return s
}

func entityNames(d *model.Dossier) map[string]string {
	m := make(map[string]string, len(d.Entities))
	for _, e := range d.Entities {
		m[e.ID] = e.Name
	}
	return m
}

func subjectName(f model.Fact, names map[string]string) string {
	if f.SubjectName != "" {
		return f.SubjectName
	}
	if n := names[f.Subject]; n != "" {
		return n
	}
	return f.Subject
}

func docName(doc *model.Document) string {
	if doc.Title != nil && *doc.Title != "" {
		return *doc.Title
	}
	return doc.Source
}

// slice returns text[start:end] when the range is valid, else "".
func slice(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return text[start:end]
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
