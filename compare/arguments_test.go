package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// parsedDoc annotates text as the pipeline's cheap stages do and parses
// every sentence.
func parsedDoc(t *testing.T, id, text string) *model.Annotated {
	t.Helper()
	return parsedDocOn(t, id, "2025-06-01", text)
}

// parsedDocOn is parsedDoc published on the given date.
func parsedDocOn(t *testing.T, id, published, text string) *model.Annotated {
	t.Helper()
	m, err := testParser()
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{ID: id, Text: text, Outlet: model.Str(id), Published: model.Str(published)}
	toks, sents := tokenize.Split(text)
	doc.Sentences = sents
	a := &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
	a.Reference = timex.Reference(doc)
	a.Timexes = timex.Extract(doc, a.Reference)
	a.Syntax = m.ParseSentences(toks, sents)
	return a
}

// storyFacts compares one parsed document per text.
func storyFacts(t *testing.T, texts ...string) []model.Fact {
	t.Helper()
	var docs []*model.Annotated
	for i, text := range texts {
		docs = append(docs, parsedDoc(t, string(rune('a'+i)), text))
	}
	facts, err := Compare(context.Background(), docs, nil, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return facts
}

// TestArgumentFacts: who did what to whom, read from the parse, agrees
// across sources whatever the voice, and only what is asserted agrees.
func TestArgumentFacts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		texts    []string
		attr     string // attribute prefix of the argument fact
		wantFact bool
	}{
		{"active and passive give one agent",
			[]string{"A clerk found the parcel outside the bank on Monday.", "The parcel was found by a clerk outside the bank."},
			"find/agent", true},
		{"the patient of a participle modifying a noun",
			[]string{"The parcel found by a clerk held wires.", "A clerk found the parcel near the door."},
			"find/patient", true},
		{"a negating determiner is a denial, not an agreement",
			[]string{"Inspectors found no mould in the kitchen of the hostel.", "Inspectors found mould in the kitchen of the hostel."},
			"find/patient", false},
		{"under a negated clause nothing is asserted",
			[]string{"The driver did not have a permit to carry cargo across the border.", "The driver was banned because he failed to carry cargo across the border."},
			"carry/patient", false},
		{"whose daughter is not resolved",
			[]string{"The nurses treated my daughter kindly at the clinic.", "The nurses treated your daughter kindly at the clinic."},
			"treat/patient", false},
		{"triggers of one frame meet",
			[]string{"Police arrested the driver near the depot on Monday.", "The driver was detained by police near the depot."},
			"detention/patient", true},
		{"a nominal trigger takes its arguments too",
			[]string{"Police arrested the harbour pilot near the depot on Monday.", "The arrest of the harbour pilot near the depot angered the union."},
			"detention/patient", true},
		{"one source is no agreement",
			[]string{"A clerk found the parcel outside the bank.", "Police closed the street for the weekend."},
			"find/agent", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			facts := storyFacts(t, tc.texts...)
			var got []string
			var found *model.Fact
			for i, f := range facts {
				got = append(got, f.Attribute+"="+string(f.Status))
				if strings.HasPrefix(f.Attribute, tc.attr) {
					found = &facts[i]
				}
			}
			switch {
			case tc.wantFact && found == nil:
				t.Fatalf("no %s fact (got %q)", tc.attr, got)
			case !tc.wantFact && found != nil:
				t.Fatalf("got %s %s: %s", found.Attribute, found.Status, found.Reason)
			case found != nil && (found.Status != model.Agreed || len(found.Values) != 2):
				t.Fatalf("%s: %s with %d values, want agreed with 2", found.Attribute, found.Status, len(found.Values))
			}
		})
	}
}

// TestParsedCounts: a count belongs to the trigger it is an argument of,
// and the whole of a partitive is not the trigger's count.
func TestParsedCounts(t *testing.T) {
	for _, tc := range []struct {
		name, text, value, attr string // attr "" : the value is no frame's
	}{
		{"the part of a partitive is the count", "The ferry sank on Sunday, killing 41 of the 90 people onboard.", "41", "killed"},
		{"the whole of a partitive is not", "The ferry sank on Sunday, killing 41 of the 90 people onboard.", "90 people", ""},
		{"the subject of a verb with no object", "Nine workers died in the blast at the depot.", "Nine workers", "killed"},
		{"the object, not the agent", "Two gunmen killed three guards at the depot gate.", "three guards", "killed"},
		{"an agent is no victim count", "Two gunmen killed three guards at the depot gate.", "Two gunmen", ""},
		{"the passive subject", "Fourteen men were arrested by police after the march.", "Fourteen men", "detained"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found, got := findClaim(parsedClaims(t, tc.text), tc.value)
			switch {
			case found == nil && tc.attr != "":
				t.Fatalf("no claim of %q (got %q)", tc.value, got)
			case found != nil && tc.attr == "" && !found.Open:
				t.Fatalf("%q is a %s claim, want no frame (all: %q)", tc.value, found.Attribute, got)
			case found != nil && tc.attr != "" && found.Attribute != tc.attr:
				t.Fatalf("%q: %s, want %s (all: %q)", tc.value, found.Attribute, tc.attr, got)
			}
		})
	}
}
