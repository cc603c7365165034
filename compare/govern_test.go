package compare

import (
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/model"
)

var testParser = sync.OnceValues(syntax.Load)

// parsedClaims extracts the claims of text with every sentence parsed, as
// the pipeline does for sentences that carry a value.
func parsedClaims(t *testing.T, text string) []Claim {
	t.Helper()
	return Extract(parsedDoc(t, "gov", text), Options{})
}

// findClaim is the claim of cls whose value text is value (nil when none),
// and every claim as "attribute:text", for failure messages.
func findClaim(cls []Claim, value string) (*Claim, []string) {
	var got []string
	var found *Claim
	for i, c := range cls {
		got = append(got, c.Attribute+":"+c.Text)
		if c.Text == value {
			found = &cls[i]
		}
	}
	return found, got
}

// TestGoverningVerb checks each parse rule on a sentence of its own: the
// value belongs to the frame of the verb that governs it.
func TestGoverningVerb(t *testing.T) {
	for _, tc := range []struct {
		name, text, value string
		wantAttr          string // "" with wantNone: no frame holds the value
		wantNone          bool
	}{
		{"a sum spent under another verb is not the fine",
			"The trader paid a fine of 3,000 dollars, and his brother spent 800 dollars on an appeal.",
			"800 dollars", "amount", false},
		{"the fine itself stays the fine",
			"The trader paid a fine of 3,000 dollars, and his brother spent 800 dollars on an appeal.",
			"3,000 dollars", "fined", false},
		{"a request is not an account",
			"The prosecutor asked for a detention of 20 days, but the judge released the farmer.",
			"20 days", withModality("detained", "requested"), false},
		{"a possibility is not an account",
			"The activists could face imprisonment of four years under the new law.",
			"four years", withModality("sentenced", "possible"), false},
		{"the day of a court step is not the day of the killing",
			"Officers said the farmer, who killed his neighbour on Sunday, will be arraigned on Thursday.",
			"Thursday", "", true},
		{"the killing keeps its own day",
			"Officers said the farmer, who killed his neighbour on Sunday, will be arraigned on Thursday.",
			"Sunday", "killed", false},
		{"a day in a coordinated clause is that clause's",
			"The driver was arrested on Friday and appeared before a judge on Tuesday.",
			"Tuesday", "", true},
		{"the arrest keeps its own day",
			"The driver was arrested on Friday and appeared before a judge on Tuesday.",
			"Friday", "detained", false},
		{"a participle modifying a noun passes the day up",
			"The singer launched a new perfume called Lumen in March.",
			"March", "launched", false},
		{"a thing sent somewhere is no journey",
			"The embassy sent a letter to Tbilisi asking about the detained sailors.",
			"Tbilisi", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found, got := findClaim(parsedClaims(t, tc.text), tc.value)
			if tc.wantNone {
				if found != nil && !found.Open {
					t.Fatalf("%q: got a claim of %q, want none (all: %q)", tc.value, found.Attribute, got)
				}
				return
			}
			if found == nil {
				t.Fatalf("no claim of %q (got %q)", tc.value, got)
			}
			if found.Attribute != tc.wantAttr {
				t.Errorf("%q: attribute %q, want %q (all: %q)", tc.value, found.Attribute, tc.wantAttr, got)
			}
		})
	}
}

// TestStandingTallyIsNotACount: an open count under a verb of a state that
// goes on ("remain") is not disputed by a count of an event.
func TestStandingTallyIsNotACount(t *testing.T) {
	c := &comparer{places: newPlaceRelations(), texts: map[string]string{}}
	count := func(text string, amount float64, verb string) model.FactValue {
		return model.FactValue{Span: model.Span{Doc: "d", Text: text}, Trigger: verb,
			Value: model.Value{Kind: model.KindCount, Unit: "people", Amount: amount}}
	}
	if ok, _ := c.decidable("count", count("300 people", 300, "remain"), count("2,000 people", 2000, "pass")); ok {
		t.Error("a standing tally and an event count were decidable")
	}
	if ok, _ := c.decidable("count", count("300 people", 300, "remain"), count("400 people", 400, "stay")); !ok {
		t.Error("two standing tallies were not decidable")
	}
}

// withPlaces marks every occurrence of each name in a's text as a place
// mention, as the recogniser would.
func withPlaces(a *model.Annotated, names ...string) *model.Annotated {
	text := a.Doc.Text
	for _, name := range names {
		if name == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			start := off + i
			a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(a.Doc.ID, text, start, start+len(name)),
				Type: model.Place, Entity: "p-" + strings.ToLower(name)})
			off = start + len(name)
		}
	}
	return a
}

// TestPerceivedPlace: where an event was felt is not where it happened.
func TestPerceivedPlace(t *testing.T) {
	text := "Strong shaking from the quake was felt in Lahore."
	found, got := findClaim(Extract(withPlaces(parsedDoc(t, "gov", text), "Lahore"), Options{}), "Lahore")
	if found != nil && !found.Open {
		t.Fatalf("Lahore: got a claim of %q, want none (all: %q)", found.Attribute, got)
	}
}
