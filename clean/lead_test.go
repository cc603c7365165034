package clean

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
)

// Issue 18: a page whose only line holding the lead is a date line still
// yields the lead, whatever the date's form; the date goes to metadata.
func TestLeadOnADateLine(t *testing.T) {
	const lead = "Police in the capital detained twelve people on Tuesday after a protest outside the parliament building, officials said."
	const leadRU = "Полиция задержала в столице двенадцать человек во вторник после акции протеста у здания парламента, сообщили в МВД."
	for _, c := range []struct{ name, page, keep, date string }{
		{"header line", "date 2022-01-11 " + lead, lead, "2022-01-11"},
		{"labelled date", "Protest ends in arrests\n\nPublished: 11.01.2022, 09:15 " + lead, lead, "2022-01-11"},
		{"month name and dash", "Protest ends in arrests\n\nJanuary 11, 2022 — " + lead, lead, "2022-01-11"},
		{"Russian month name", "Акция закончилась задержаниями\n\n11 января 2022, 14:30 " + leadRU, leadRU, "2022-01-11"},
		{"date glued to the lead", "Protest ends in arrests\n\n11.01.2022 " + lead, lead, "2022-01-11"},
		{"only the line", "11.01.2022 " + lead, lead, "2022-01-11"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Document(ingest.Input{Source: "t", Format: ingest.FormatText, Raw: []byte(c.page)})
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			if !strings.Contains(doc.Text, c.keep) {
				t.Errorf("lead lost: text %q", doc.Text)
			}
			if doc.Title != nil && strings.Contains(c.keep, *doc.Title) {
				t.Errorf("the lead became the title: %q", *doc.Title)
			}
			if doc.Published == nil || !strings.HasPrefix(*doc.Published, c.date) {
				t.Errorf("published %v, want %s", doc.Published, c.date)
			}
		})
	}
}

// Issue 18: no page that has text is rejected as "no article text": pages
// whose every line looks like furniture (short lines, a lone sentence,
// headline-shaped lines, a dated lead) still give their text back.
func TestNoPageWithTextRejected(t *testing.T) {
	for _, page := range []string{
		"Flood cuts off three villages",
		"Flood cuts off three villages\nRescuers reach them by boat\nRoad to reopen next week",
		"Home | News | Sport\nFlood cuts off three mountain villages in the north of the region overnight",
		"12.03.2026 09:15\nFlood cuts off three villages in the north of the region.",
		"Паводок отрезал три села",
		"* Flood cuts off three villages\n* Rescuers reach them by boat\n* Road to reopen next week",
	} {
		doc, err := Document(ingest.Input{Source: "t", Format: ingest.FormatText, Raw: []byte(page)})
		if err != nil {
			t.Errorf("%q rejected: %v", page, err)
			continue
		}
		if strings.TrimSpace(doc.Text) == "" {
			t.Errorf("%q: empty text", page)
		}
	}
}
