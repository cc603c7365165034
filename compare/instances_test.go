package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// factHolding returns the fact whose values include every text, failing
// when none does.
func factHolding(t *testing.T, facts []model.Fact, texts ...string) model.Fact {
	t.Helper()
	for _, f := range facts {
		n := 0
		for _, want := range texts {
			for _, v := range f.Values {
				if v.Text == want {
					n++
					break
				}
			}
		}
		if n == len(texts) {
			return f
		}
	}
	var got []string
	for _, f := range facts {
		for _, v := range f.Values {
			got = append(got, f.Attribute+":"+v.Text)
		}
	}
	t.Fatalf("no fact holds %q: %q", texts, got)
	return model.Fact{}
}

// TestDaysOfARecurringActivity: a trial sits on several days and protests
// come back night after night, so two sources giving different days of
// one are not disputing one date; the one date of a point event the same
// frame holds (a verdict) still is.
func TestDaysOfARecurringActivity(t *testing.T) {
	docs := []*model.Annotated{
		parsedDocOn(t, "a", "2030-05-10", "The trial of the harbour official continued on Tuesday in Lowmere. Students held a protest outside the port authority on 4 May."),
		parsedDocOn(t, "b", "2030-05-10", "The trial of the harbour official continued on Thursday in Lowmere. Students held a protest outside the port authority on 6 May."),
	}
	facts, err := Compare(context.Background(), docs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][]string{{"Tuesday", "Thursday"}, {"4 May", "6 May"}} {
		f := factHolding(t, facts, pair...)
		if f.Status == model.Disputed {
			t.Errorf("%s vs %s: disputed (%s); want two days of one activity", pair[0], pair[1], f.Reason)
		} else if f.Status == model.Related && !strings.Contains(f.Reason, "runs over several days") {
			t.Errorf("%s vs %s: reason %q, want it to say the activity runs over several days", pair[0], pair[1], f.Reason)
		}
	}

	docs = []*model.Annotated{
		parsedDocOn(t, "a", "2030-05-10", "The jury returned its verdict on 7 May, finding the harbour official guilty."),
		parsedDocOn(t, "b", "2030-05-10", "The jury returned its verdict on 3 May, finding the harbour official guilty."),
	}
	facts, err = Compare(context.Background(), docs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := factHolding(t, facts, "7 May", "3 May"); f.Status != model.Disputed {
		t.Errorf("verdict on 7 May vs 3 May: %s (%s); want disputed: a verdict has one date", f.Status, f.Reason)
	}
}

// TestLengthOfARunningActivity: how long riots have gone on grows between
// reports, so undated reports counting four and six days are not rival
// accounts; two reports dated on one day are, and so are two lengths of a
// point event or of no activity at all.
func TestLengthOfARunningActivity(t *testing.T) {
	length := func(doc, published string, days float64, trigger string) model.FactValue {
		v := model.FactValue{Span: model.Span{Doc: doc}, Trigger: trigger,
			Value: model.Value{Kind: model.KindDuration, Amount: days, Unit: "day"}}
		if published != "" {
			v.Date = model.Str(published)
		}
		return v
	}
	c := &comparer{}
	cases := []struct {
		name, attr string
		a, b       model.FactValue
		apart      bool
	}{
		{"undated riots", "riots", length("a", "", 4, ""), length("b", "", 6, ""), true},
		{"one dated, by trigger", "unrest", length("a", "2030-05-10", 4, "rioting"), length("b", "", 6, "riots"), true},
		{"riots counted on one day", "riots", length("a", "2030-05-10", 4, ""), length("b", "2030-05-10", 6, ""), false},
		{"riots counted on two dated days", "riots", length("a", "2030-05-10", 4, ""), length("b", "2030-05-12", 6, ""), false},
		{"a stay, not an activity of many days", "hospitalised", length("a", "", 4, ""), length("b", "", 6, ""), false},
		{"a verdict in a trial frame", "trial", length("a", "", 4, "verdict"), length("b", "", 6, "verdict"), false},
	}
	for _, tc := range cases {
		if got, why := c.otherInstances(tc.attr, tc.a, tc.b); got != tc.apart {
			t.Errorf("%s: otherInstances = %v (%q), want %v", tc.name, got, why, tc.apart)
		}
	}
}

// TestTollsOfUndatedReports: a death toll runs while a story unfolds, so
// two tolls from reports whose order is unknown (one undated) are levels
// of one tally, with no verdict; two reports of one day still dispute it.
func TestTollsOfUndatedReports(t *testing.T) {
	texts := []string{
		"The landslide above Ferrowick killed 9 people, the mayor said.",
		"The landslide above Ferrowick killed 14 people, the mayor said.",
	}
	tolls := func(publishedA, publishedB string) model.Fact {
		docs := []*model.Annotated{parsedDocOn(t, "a", publishedA, texts[0]), parsedDocOn(t, "b", publishedB, texts[1])}
		facts, err := Compare(context.Background(), docs, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return factHolding(t, facts, "9 people", "14 people")
	}
	if f := tolls("2030-05-10", "2030-05-10"); f.Status != model.Disputed {
		t.Fatalf("tolls reported on one day: %s (%s); want disputed, else the test shows nothing", f.Status, f.Reason)
	}
	if f := tolls("", "2030-05-10"); f.Status == model.Disputed || !strings.Contains(f.Reason, "running tally") {
		t.Errorf("one report undated: %s (%s); want no verdict, a running tally's levels", f.Status, f.Reason)
	}
}
