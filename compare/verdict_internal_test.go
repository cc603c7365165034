package compare

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

func TestDifferentEventsInGenericFrames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{lemma("explosion"), lemma("exploded"), false}, // one word's forms
		{lemma("fire"), lemma("clash"), true},
		{lemma("incident"), lemma("fire"), false}, // a cover word names any event
		{lemma("fire"), "", false},
	} {
		if got := differentEvents("incident", c.a, c.b); got != c.want {
			t.Errorf("differentEvents(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if differentEvents("detained", "arrest", "detain") {
		t.Error("a frame that is not generic never splits on triggers")
	}
}

func TestDecidableRules(t *testing.T) {
	c := &comparer{places: newPlaceRelations(), texts: map[string]string{}}
	count := func(text, unit string, amount, lo, hi float64) model.FactValue {
		return model.FactValue{Span: model.Span{Doc: "d", Text: text}, Value: model.Value{Kind: model.KindCount, Unit: unit, Amount: amount, Min: lo, Max: hi}}
	}
	date := func(text, v string, g model.Granularity) model.FactValue {
		return model.FactValue{Span: model.Span{Doc: "d", Text: text}, Value: model.Value{Kind: model.KindDate, Date: v, Granularity: g}}
	}
	for _, tc := range []struct {
		name string
		a, b model.FactValue
		want bool
	}{
		{"different counted nouns", count("four commandos", "commandos", 4, 0, 0), count("a dozen warships", "warships", 12, 0, 0), false},
		{"kinds of people", count("five men", "men", 5, 0, 0), count("four citizens", "citizens", 4, 0, 0), true},
		{"both vague", count("millions", "dollars", 2e6, 2e6, 9e6), count("tens of millions", "dollars", 2e7, 2e7, 9.9e7), false},
		{"orders of magnitude", count("41 people", "people", 41, 0, 0), count("tens of thousands", "people", 20000, 20000, 99900), false},
		{"dates years apart", date("1991", "1991", model.GranYear), date("Wednesday", "2010-05-05", model.GranDay), false},
		{"years written as years", date("1968", "1968", model.GranYear), date("1974", "1974", model.GranYear), true},
		{"days apart", date("5 March", "2025-03-05", model.GranDay), date("7 March", "2025-03-07", model.GranDay), true},
		{"a weekday alone", date("Friday", "XXXX-WXX-5", model.GranDay), date("Monday", "XXXX-WXX-1", model.GranDay), false},
		{"attributive durations", model.FactValue{Span: model.Span{Text: "28-year"}, Value: model.Value{Kind: model.KindDuration, Amount: 28, Unit: "year"}},
			model.FactValue{Span: model.Span{Text: "20-year"}, Value: model.Value{Kind: model.KindDuration, Amount: 20, Unit: "year"}}, false},
	} {
		if got, why := c.decidable("x", tc.a, tc.b); got != tc.want {
			t.Errorf("%s: decidable = %v (%s), want %v", tc.name, got, why, tc.want)
		}
	}
}

// A reason names a date as the source wrote it when the date is only
// partly known: "Sunday", not "XXXX-WXX-7".
func TestDescribePartialDate(t *testing.T) {
	weekday := model.FactValue{Span: model.Span{Text: "on Sunday"}, Value: model.Value{Kind: model.KindDate, Date: "XXXX-WXX-7"}}
	if got := describe(weekday); got != "on Sunday" {
		t.Errorf("describe(weekday) = %q, want the text", got)
	}
	full := model.FactValue{Span: model.Span{Text: "on Sunday"}, Value: model.Value{Kind: model.KindDate, Date: "2025-03-09"}}
	if got := describe(full); got != "2025-03-09" {
		t.Errorf("describe(full date) = %q, want the date", got)
	}
}
