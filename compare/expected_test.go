package compare

import (
	"testing"
)

// TestExpectedTimesAndPlaces: a time or place of what is still to come is
// kept apart from when and where the event happened, and two of them are
// never a dispute.
func TestExpectedTimesAndPlaces(t *testing.T) {
	for _, tc := range []struct {
		name, text, value string
		expected          bool
	}{
		{"a modal auxiliary",
			"The farmer who killed his neighbour on Sunday will be arrested on Thursday.",
			"Thursday", true},
		{"the past clause keeps its day",
			"The farmer who killed his neighbour on Sunday will be arrested on Thursday.",
			"Sunday", false},
		{"a verb of expectation over the clause",
			"The baker is expected to be arrested in Leeds.",
			"Leeds", true},
		{"scheduled",
			"A hearing on the collapse was scheduled for Friday.",
			"Friday", true},
		{"a date after the day of writing",
			"The trial of the two guards opens on 4 September.",
			"4 September", true},
		{"a past date under a past verb",
			"The trial of the two guards opened on 4 May.",
			"4 May", false},
		{"a place under a modal",
			"The bus driver would be detained in Kazan, the lawyer said.",
			"Kazan", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := withPlaces(parsedDocOn(t, "exp", "2025-06-01", tc.text), "Leeds", "Kazan")
			found, got := findClaim(Extract(a, Options{}), tc.value)
			if found == nil {
				t.Fatalf("no claim of %q (all: %q)", tc.value, got)
			}
			_, m := splitModality(found.Attribute)
			if (m == expectedModality) != tc.expected {
				t.Fatalf("%q: attribute %q, want expected=%v (all: %q)", tc.value, found.Attribute, tc.expected, got)
			}
		})
	}
}

// TestExpectedDatesNeverDisputed: two sources giving two different days
// for a hearing still to come raise no dispute.
func TestExpectedDatesNeverDisputed(t *testing.T) {
	facts := storyFacts(t,
		"A hearing for the two guards was scheduled for 12 June.",
		"A hearing for the two guards was scheduled for 19 June.")
	for _, f := range facts {
		if f.Status == "disputed" {
			t.Fatalf("disputed fact %q from values still to come", f.ID)
		}
	}
}
