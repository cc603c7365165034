package compare

import (
	"strings"
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
	withTrigger := func(v model.FactValue, trigger string) model.FactValue { v.Trigger = trigger; return v }
	said := func(v model.FactValue, day string) model.FactValue { v.Date = &day; return v }
	place := func(text, anchor, relation string) model.FactValue {
		return model.FactValue{Span: model.Span{Doc: "d", Text: text}, Value: model.Value{Kind: model.KindPlace, Text: anchor, Relation: relation}}
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
		{"years under different predicates", withTrigger(date("1963", "1963", model.GranYear), "debut"), withTrigger(date("2010", "2010", model.GranYear), "take"), false},
		{"years under one predicate", withTrigger(date("1968", "1968", model.GranYear), "build"), withTrigger(date("1974", "1974", model.GranYear), "build"), true},
		{"reports years apart", said(count("19 wives", "wives", 19, 0, 0), "2008-10-08"), said(count("78 wives", "wives", 78, 0, 0), "2011-08-09"), false},
		{"reports days apart", said(count("19 wives", "wives", 19, 0, 0), "2011-08-01"), said(count("78 wives", "wives", 78, 0, 0), "2011-08-09"), true},
		{"places from different points", place("55 km south of Lowtown", "Lowtown", "55 km south of"), place("320 km from Capital City", "Capital City", "320 km from"), false},
		{"a relative place and another place", place("55 km south of Lowtown", "Lowtown", "55 km south of"), place("Hilltown", "Hilltown", ""), false},
		{"places from one point", place("55 km south of Lowtown", "Lowtown", "55 km south of"), place("30 km north of Lowtown", "Lowtown", "30 km north of"), true},
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

// A figure the words before it make a bound or an approximation is no
// rival of a figure inside it, even when the value lost the bound.
func TestBoundsAndApproximations(t *testing.T) {
	c := &comparer{places: newPlaceRelations(), texts: map[string]string{
		"a": "The cracks reached less than 25 km from the dam.",
		"b": "The sirens went off at about 9:30 in the morning.",
		"c": "The sirens went off at 9:27.",
		"d": "The cracks reached 15 km from the dam.",
		"e": "The cracks reached 40 km from the dam.",
	}}
	at := func(doc, text string, v model.Value) model.FactValue {
		s := c.texts[doc]
		i := strings.Index(s, text)
		return model.FactValue{Span: model.Span{Doc: doc, Start: i, End: i + len(text), Text: text}, Value: v}
	}
	km := func(n float64) model.Value { return model.Value{Kind: model.KindCount, Unit: "kilometre", Amount: n} }
	bound := at("a", "25 km", km(25))
	if ok, why := c.boundsMeet(bound, at("d", "15 km", km(15))); !ok {
		t.Errorf("less than 25 km vs 15 km: want compatible (%s)", why)
	}
	if ok, _ := c.boundsMeet(bound, at("e", "40 km", km(40))); ok {
		t.Error("less than 25 km vs 40 km: want no bound to explain them")
	}
	about := at("b", "9:30", model.Value{Kind: model.KindDate, Date: "2025-03-05T09:30"})
	exact := at("c", "9:27", model.Value{Kind: model.KindDate, Date: "2025-03-05T09:27"})
	if ok, _ := c.boundsMeet(about, exact); !ok {
		t.Error("about 9:30 vs 9:27: want compatible")
	}
	if ok, _ := c.boundsMeet(at("c", "9:27", model.Value{Kind: model.KindDate, Date: "2025-03-05T09:27"}),
		at("c", "9:27", model.Value{Kind: model.KindDate, Date: "2025-03-05T10:27"})); ok {
		t.Error("two exact times an hour apart: want no approximation")
	}
}
