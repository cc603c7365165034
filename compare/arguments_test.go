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
	facts, err := Compare(context.Background(), docs, nil, Options{})
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
		{"where a framed event happened, named by a common noun",
			[]string{"A fire broke out on the roof of the warehouse late on Friday.", "Flames broke out on the roof of the old warehouse."},
			"start/site", true},
		{"a fixed phrase places nothing",
			[]string{"Police detained nine people in total after the match.", "Officers detained nine fans in total at the stadium."},
			"detention/site", false},
		{"where someone merely was is no event's site",
			[]string{"The singer stood on the stage of the hall for an hour.", "The singer stood on the stage of the hall and waved."},
			"stand/site", false},
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
	runClaimFrames(t, []claimFrameCase{
		{"the part of a partitive is the count", "The ferry sank on Sunday, killing 41 of the 90 people onboard.", "41", "killed"},
		{"the whole of a partitive is not", "The ferry sank on Sunday, killing 41 of the 90 people onboard.", "90 people", ""},
		{"the subject of a verb with no object", "Nine workers died in the blast at the depot.", "Nine workers", "killed"},
		{"the object, not the agent", "Two gunmen killed three guards at the depot gate.", "three guards", "killed"},
		{"an agent is no victim count", "Two gunmen killed three guards at the depot gate.", "Two gunmen", ""},
		{"the passive subject", "Fourteen men were arrested by police after the march.", "Fourteen men", "detained"},
	})
}

// claimFrameCase is a sentence, a value in it and the frame its claim
// must have (attr "": the value is no frame's).
type claimFrameCase struct{ name, text, value, attr string }

// runClaimFrames checks each case in a subtest of its own.
func runClaimFrames(t *testing.T, cases []claimFrameCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkClaimFrame(t, tc.text, tc.value, tc.attr) })
	}
}

// checkClaimFrame fails unless the parsed text's claim of value is of
// frame attr ("": of no frame, or no claim at all).
func checkClaimFrame(t *testing.T, text, value, attr string) {
	t.Helper()
	found, got := findClaim(parsedClaims(t, text), value)
	switch {
	case found == nil && attr != "":
		t.Fatalf("no claim of %q (got %q)", value, got)
	case found != nil && attr == "" && !found.Open:
		t.Fatalf("%q is a %s claim, want no frame (all: %q)", value, found.Attribute, got)
	case found != nil && attr != "" && found.Attribute != attr:
		t.Fatalf("%q: %s, want %s (all: %q)", value, found.Attribute, attr, got)
	}
}

// TestNewsFrames: a sentence of our own per news frame; the count, date
// or place is read into the frame the parse gives it, and the counted
// noun, not the verb, tells people from things.
func TestNewsFrames(t *testing.T) {
	runClaimFrames(t, []claimFrameCase{
		{"seizure of things", "Coast guards seized three fishing boats off the island.", "three fishing boats", "seized"},
		{"a seizure of people is a detention", "Troops seized 14 suspects at the crossing.", "14 suspects", "detained"},
		{"a capture of things is a seizure", "Rebels captured two tanks near the bridge.", "two tanks", "seized"},
		{"every item of a list", "Agents confiscated 30 pistols, 12 rifles and four boats at the port.", "12 rifles", "seized"},
		{"words between number and noun", "Eight pistols, 13 fully loaded magazines and a radio were seized from the boat.", "13 fully loaded magazines", "seized"},
		{"a trigger noun of another verb", "Organisers put the march at 8,000 people.", "8,000 people", "protested"},
		{"a passive agent of a trigger noun", "The rally was attended by 6,000 people.", "6,000 people", "protested"},
		{"destruction", "The fire destroyed 14 homes in the valley.", "14 homes", "destroyed"},
		{"strike", "Some 3,000 nurses went on strike in the capital.", "Some 3,000 nurses", "struck"},
		{"vote", "The bill passed with 151 votes in the chamber.", "151 votes", "voted"},
		{"launch date", "The company launched the tablet on 3 March.", "3 March", "launched"},
		{"charge", "Prosecutors indicted four officials over the contract.", "four officials", "charged"},
		{"rescue to safety", "Firefighters led 12 residents to safety.", "12 residents", "rescued"},
		{"evacuation", "About 400 residents were forced to leave the coast.", "About 400 residents", "evacuated"},
		{"a month is no march", "The union marched on 5 March.", "5 March", "protested"},
	})
}
