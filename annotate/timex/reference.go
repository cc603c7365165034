package timex

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// datelineReach is how far into the text (in bytes) a date standing on its
// own counts as the article's date line.
const datelineReach = 400

// datelineMaxLen is the longest sentence that can be a date line
// ("Published: Wednesday, July 28, 2004, 10:39 GMT").
const datelineMaxLen = 80

// Reference returns the date that doc's relative expressions are resolved
// against. It is doc.Published when that is a readable date ("2006-01-02" or
// RFC 3339; an RFC 3339 time keeps the calendar day of its own offset).
// Otherwise a date is inferred from the document's own explicit full dates
// and marked Inferred with the reason:
//  1. a date line near the top ("May 3, 2013" alone, or after "Published:");
//  2. else the latest explicit date that is not in a future-tense clause,
//     since a report is written on or after the events it dates.
//
// With neither, Date is empty and Reason says why.
func Reference(doc *model.Document) model.Reference {
	if doc == nil {
		return model.Reference{Reason: "no document"}
	}
	var unreadable string
	if doc.Published != nil && *doc.Published != "" {
		if d, ok := publishedDay(*doc.Published); ok {
			return model.Reference{Date: d}
		}
		unreadable = fmt.Sprintf("published date %q is unreadable; ", *doc.Published)
	}
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	found, tenses := extract(doc.ID, doc.Text, sents, lexiconFor(doc.Language), newResolver(model.Reference{}))
	var explicit []model.Timex
	var explicitTense []tense
	for k, t := range found {
		if t.Granularity == model.GranDay && t.Anchor == "" && len(t.Value) == 10 {
			explicit = append(explicit, t)
			explicitTense = append(explicitTense, tenses[k])
		}
	}
	if len(explicit) == 0 {
		return model.Reference{Reason: unreadable + "no publication date and no explicit full date in the text"}
	}
	for _, t := range explicit {
		if t.Start > datelineReach {
			break
		}
		if isDateline(doc.Text, t) {
			return model.Reference{Date: t.Value, Inferred: true,
				Reason: fmt.Sprintf("%sno publication date; date line %q at byte %d", unreadable, t.Text, t.Start)}
		}
	}
	latest, n := "", 0
	for k, t := range explicit {
		if explicitTense[k] == tenseFuture {
			continue
		}
		n++
		if t.Value > latest {
			latest = t.Value
		}
	}
	if latest == "" {
		return model.Reference{Reason: unreadable + "no publication date; the text's only full dates are in the future tense"}
	}
	return model.Reference{Date: latest, Inferred: true,
		Reason: fmt.Sprintf("%sno publication date; latest of %d explicit past or present dates in the text (the report was written on or after it)", unreadable, n)}
}

// publishedDay reads a published field as a calendar day.
func publishedDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// isDateline reports whether t stands as the date of the article: a short
// sentence that is mostly the date, or one with "Published", "Posted",
// "Updated".
func isDateline(text string, t model.Timex) bool {
	if t.Sentence.Len() > datelineMaxLen {
		return false
	}
	if (t.End-t.Start)*10 >= t.Sentence.Len()*6 {
		return true
	}
	sentence := strings.ToLower(text[t.Sentence.Start:t.Sentence.End])
	for _, cue := range datelineCues {
		if strings.Contains(sentence, cue) {
			return true
		}
	}
	return false
}

// datelineCues are words that introduce an article's own date.
var datelineCues = []string{"published", "posted", "updated", "dated", "last modified"}

// ReferenceInStory is Reference with help from the other documents of the
// same story: when doc has neither a publication date nor a full explicit
// date, but does give days without a year ("detained on 5 March", "after 10
// March"), the year is taken from the story's other reference dates (the
// candidate nearest their median), and the latest such date that is not in
// a future-tense clause becomes the inferred reference. story may include
// doc's own (empty) reference; empty and unparsable dates are ignored.
func ReferenceInStory(doc *model.Document, story []model.Reference) model.Reference {
	ref := Reference(doc)
	if ref.Date != "" || doc == nil {
		return ref
	}
	var known []time.Time
	for _, r := range story {
		if t, err := time.Parse("2006-01-02", r.Date); err == nil {
			known = append(known, t)
		}
	}
	if len(known) == 0 {
		return ref
	}
	sort.Slice(known, func(i, j int) bool { return known[i].Before(known[j]) })
	median := known[len(known)/2]
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	// Resolve year-less dates against the story's median date, past tense
	// or not: the question is only which year is meant.
	r := newResolver(model.Reference{Date: median.Format("2006-01-02")})
	found, tenses := extract(doc.ID, doc.Text, sents, lexiconFor(doc.Language), r)
	latest, text, n := "", "", 0
	for k, t := range found {
		if t.Granularity != model.GranDay || len(t.Value) != 10 || tenses[k] == tenseFuture || !strings.HasPrefix(t.Anchor, "published ") {
			continue
		}
		// Only dates the text spells out (a day and a month), not deictic
		// ones like "yesterday" that were resolved against the median.
		if !hasDigit(t.Text) {
			continue
		}
		n++
		if t.Value > latest {
			latest, text = t.Value, t.Text
		}
	}
	if latest == "" {
		return ref
	}
	return model.Reference{Date: latest, Inferred: true, Reason: fmt.Sprintf(
		"no publication date and no full date in the text; latest of %d explicit day-and-month dates (%q), year from the story's other documents (%s to %s)",
		n, text, known[0].Format("2006-01-02"), known[len(known)-1].Format("2006-01-02"))}
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
