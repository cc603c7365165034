package compare_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/compare/internal/fixture"
	"github.com/parallaxnews/parallax/model"
)

// story builds annotated documents from fixture docs and compares them.
func story(t *testing.T, opts compare.Options, docs ...fixture.Doc) ([]model.Fact, []*model.Annotated) {
	t.Helper()
	var as []*model.Annotated
	for _, d := range docs {
		a, err := fixture.Build(d)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	facts, err := compare.Compare(context.Background(), as, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	return facts, as
}

func factFor(t *testing.T, facts []model.Fact, attribute string) model.Fact {
	t.Helper()
	for _, f := range facts {
		if f.Attribute == attribute {
			return f
		}
	}
	var got []string
	for _, f := range facts {
		got = append(got, f.Attribute+"="+string(f.Status))
	}
	t.Fatalf("no fact %q among %v", attribute, got)
	return model.Fact{}
}

func doc(id, outlet, date, text string) fixture.Doc {
	return fixture.Doc{ID: id, Outlet: outlet, Published: date, Text: text}
}

func TestMoneyConvertedWithParallelAmount(t *testing.T) {
	facts, _ := story(t, compare.Options{},
		doc("a", "A", "2025-03-10", "He was paid 70,000 tenge [$152] by the organisers."),
		doc("b", "B", "2025-03-10", "He was paid $150 by the organisers."),
		doc("c", "C", "2025-03-11", "He was paid 70 thousand tenge by the organisers."),
	)
	f := factFor(t, facts, "paid/money")
	if f.Status != model.Agreed {
		t.Fatalf("status %s (%s), want agreed", f.Status, f.Note)
	}
	if !strings.Contains(f.Note, "implied by") {
		t.Errorf("note should say where the rate came from: %q", f.Note)
	}
	if f.Values[0].Value.Equivalent == nil || f.Values[0].Value.Equivalent.Currency != "USD" {
		t.Errorf("parallel amount not kept: %+v", f.Values[0].Value)
	}
}

func TestMoneyWithoutRateIsNotComparable(t *testing.T) {
	facts, _ := story(t, compare.Options{},
		doc("a", "A", "2025-03-10", "He was paid 70,000 tenge by the organisers."),
		doc("b", "B", "2025-03-10", "He was paid $150 by the organisers."),
	)
	f := factFor(t, facts, "paid/money")
	if f.Status == model.Agreed || !strings.Contains(f.Note, "not comparable") {
		t.Fatalf("status %s note %q: without a rate the amounts must not be called agreed", f.Status, f.Note)
	}
}

func TestMoneyWithRatesFile(t *testing.T) {
	rates, err := compare.ParseRates(strings.NewReader("date,currency,rate\n2025-03-01,KZT,500\n2025-03-10,KZT,466\n"))
	if err != nil {
		t.Fatal(err)
	}
	facts, _ := story(t, compare.Options{Rates: rates},
		doc("a", "A", "2025-03-10", "He was paid 70,000 tenge by the organisers."),
		doc("b", "B", "2025-03-10", "He was paid $150 by the organisers."),
	)
	f := factFor(t, facts, "paid/money")
	if f.Status != model.Agreed || !strings.Contains(f.Note, "rates file (2025-03-10)") {
		t.Fatalf("status %s note %q", f.Status, f.Note)
	}
	// A tighter tolerance turns the same amounts into a dispute.
	facts, _ = story(t, compare.Options{Rates: rates, MoneyTolerance: 0.001},
		doc("a", "A", "2025-03-10", "He was paid 70,000 tenge by the organisers."),
		doc("b", "B", "2025-03-10", "He was paid $150 by the organisers."),
	)
	if f := factFor(t, facts, "paid/money"); f.Status != model.Disputed {
		t.Fatalf("status %s with 0.1%% tolerance, want disputed", f.Status)
	}
}

func TestParseRatesErrors(t *testing.T) {
	for _, in := range []string{"2025-03-01,KZT", "2025-13-01,KZT,5", "2025-03-01,KZTX,5", "2025-03-01,KZT,-5", "2025-03-01,KZT,abc"} {
		if _, err := compare.ParseRates(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	if _, err := compare.LoadRates("testdata/does-not-exist.csv"); err == nil {
		t.Error("missing file: no error")
	}
}

func TestCountsAsRanges(t *testing.T) {
	facts, _ := story(t, compare.Options{},
		doc("a", "A", "2025-03-10", "Officials said 9,800 people were detained."),
		doc("b", "B", "2025-03-10", "Nearly 10,000 people were detained, the ministry said."),
		doc("c", "C", "2025-03-11", "More than 9,800 people were detained."),
	)
	if f := factFor(t, facts, "detained/count (people)"); f.Status != model.Agreed {
		t.Fatalf("status %s (%s), want agreed", f.Status, f.Note)
	}
	facts, _ = story(t, compare.Options{},
		doc("a", "A", "2025-03-10", "Officials said 86 people were killed."),
		doc("b", "B", "2025-03-10", "At least 120 people were killed, rights groups said."),
	)
	if f := factFor(t, facts, "killed/count (people)"); f.Status != model.Disputed {
		t.Fatalf("status %s, want disputed", f.Status)
	}
}

func TestDatesByGranularity(t *testing.T) {
	mk := func(id, text, tx, val, gran string) fixture.Doc {
		d := doc(id, strings.ToUpper(id), "2025-03-20", text)
		d.Mentions = []fixture.Mention{{Text: "Zhumaliyev", Type: "person", Entity: "e1"}}
		d.Timexes = []fixture.Timex{{Text: tx, Value: val, Granularity: gran}}
		return d
	}
	facts, _ := story(t, compare.Options{},
		mk("a", "Zhumaliyev was detained in March.", "March", "2025-03", "month"),
		mk("b", "Zhumaliyev was detained on 5 March.", "5 March", "2025-03-05", "day"),
		mk("c", "Zhumaliyev was detained in the week of 3 March.", "the week of 3 March", "2025-W10", "week"),
	)
	if f := factFor(t, facts, "detained/date"); f.Status != model.Agreed {
		t.Fatalf("status %s (%s), want agreed: a month contains its days", f.Status, f.Note)
	}
	facts, _ = story(t, compare.Options{},
		mk("a", "Zhumaliyev was detained on 5 March.", "5 March", "2025-03-05", "day"),
		mk("b", "Zhumaliyev was detained on 7 March.", "7 March", "2025-03-07", "day"),
	)
	f := factFor(t, facts, "detained/date")
	if f.Status != model.Disputed || !strings.Contains(f.Note, "2025-03-05 (A) vs 2025-03-07 (B)") {
		t.Fatalf("status %s note %q", f.Status, f.Note)
	}
}

func TestPlacesContainedIn(t *testing.T) {
	mk := func(id, text string) fixture.Doc {
		d := doc(id, strings.ToUpper(id), "2025-03-20", text)
		d.Mentions = []fixture.Mention{{Text: "Zhumaliyev", Type: "person", Entity: "e1"}}
		return d
	}
	facts, _ := story(t, compare.Options{},
		mk("a", "Zhumaliyev was detained in the village of Shabdan, Zhambyl district."),
		mk("b", "Zhumaliyev was detained in Zhambyl district."),
	)
	if f := factFor(t, facts, "detained/place"); f.Status != model.Agreed || !strings.Contains(f.Note, "is in") {
		t.Fatalf("status %s (%s), want agreed by containment", f.Status, f.Note)
	}
	facts, _ = story(t, compare.Options{},
		mk("a", "Zhumaliyev was detained in the village of Shabdan."),
		mk("b", "Zhumaliyev was detained at the Kordai checkpoint."),
	)
	if f := factFor(t, facts, "detained/place"); f.Status != model.Disputed {
		t.Fatalf("status %s, want disputed", f.Status)
	}
}

func TestAgesAndDurations(t *testing.T) {
	mk := func(id, text string) fixture.Doc {
		d := doc(id, strings.ToUpper(id), "2025-03-20", text)
		d.Mentions = []fixture.Mention{{Text: "Bakyt Zhumaliyev", Type: "person", Entity: "e1"}}
		return d
	}
	facts, _ := story(t, compare.Options{},
		mk("a", "Bakyt Zhumaliyev, 31, was detained."),
		mk("b", "A 32-year-old musician, Bakyt Zhumaliyev, was detained."),
		mk("c", "Bakyt Zhumaliyev was sentenced to three months."),
		mk("d", "Bakyt Zhumaliyev was sentenced to 90 days."),
	)
	if f := factFor(t, facts, "age/age"); f.Status != model.Disputed || f.Subject != "e1" {
		t.Fatalf("age: status %s subject %q", f.Status, f.Subject)
	}
	if f := factFor(t, facts, "sentenced/duration"); f.Status != model.Agreed {
		t.Fatalf("duration: status %s (%s), want agreed: three months ≈ 90 days", f.Status, f.Note)
	}
}

func TestSingleSourceAndSyndication(t *testing.T) {
	orig := doc("a", "Wire", "2025-03-10", "Officials said 86 people were killed in the unrest.")
	cp := doc("b", "Copy", "2025-03-10", "Officials said 86 people were killed in the unrest.")
	cp.DuplicateOf = "a"
	facts, _ := story(t, compare.Options{}, orig, cp)
	if f := factFor(t, facts, "killed/count (people)"); f.Status != model.SingleSource || len(f.Values) != 2 {
		t.Fatalf("a syndicated copy is not a second source: status %s, %d values", f.Status, len(f.Values))
	}
}

func TestChangedAccount(t *testing.T) {
	a := doc("a", "Radio", "2025-03-12", "\"He was not tortured,\" the consul said.")
	a.Mentions = []fixture.Mention{{Text: "Zhumaliyev", Type: "person", Entity: "e1"}}
	a.Text = "Zhumaliyev met the consul. " + a.Text
	a.Quotes = []fixture.Quote{{Text: "He was not tortured,", SpeakerText: "the consul"}}
	b := doc("b", "Review", "2025-06-23", "Zhumaliyev said he was beaten for two days in the basement.")
	b.Mentions = []fixture.Mention{{Text: "Zhumaliyev", Type: "person", Entity: "e1"}}
	facts, _ := story(t, compare.Options{}, a, b)
	f := factFor(t, facts, "tortured/event")
	if f.Status != model.Changed {
		t.Fatalf("status %s (%s), want changed", f.Status, f.Note)
	}
	if !strings.Contains(f.Note, "not tortured until 2025-03-12") || !strings.Contains(f.Note, "from 2025-06-23") {
		t.Errorf("note %q should give both dates", f.Note)
	}
	neg, pos := 0, 0
	for _, v := range f.Values {
		if v.Polarity == "negated" {
			neg++
		} else {
			pos++
		}
	}
	if neg != 1 || pos != 1 {
		t.Errorf("polarities: %d negated, %d asserted", neg, pos)
	}
}

func TestHedgingAndAttribution(t *testing.T) {
	d := doc("a", "A", "2025-03-10", "He was allegedly offered $200, according to the interior ministry.")
	d.Mentions = []fixture.Mention{{Text: "interior ministry", Type: "organization", Entity: "e-mvd"}}
	facts, _ := story(t, compare.Options{}, d)
	f := factFor(t, facts, "paid/money")
	v := f.Values[0]
	if !v.Hedged || v.AttributedTo != "e-mvd" || v.Polarity != "asserted" {
		t.Fatalf("value %+v", v)
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	bad := []*model.Annotated{nil, {Doc: nil}, {Doc: &model.Document{ID: "x"}},
		{Doc: &model.Document{ID: "y", Text: "He was detained."}, Quantities: []model.Quantity{{Kind: model.KindMoney, Parallel: 7}}}}
	if _, err := compare.Compare(context.Background(), bad, nil, compare.Options{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, as := story(t, compare.Options{}, doc("a", "A", "2025-03-10", "He was paid $5."))
	if _, err := compare.Compare(ctx, as, nil, compare.Options{}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestYearlessDates(t *testing.T) {
	mk := func(id, date, text, tx, val string) fixture.Doc {
		d := doc(id, strings.ToUpper(id), date, text)
		d.Mentions = []fixture.Mention{{Text: "Zhumaliyev", Type: "person", Entity: "e1"}}
		d.Timexes = []fixture.Timex{{Text: tx, Value: val, Granularity: "day"}}
		return d
	}
	facts, _ := story(t, compare.Options{},
		mk("a", "", "Zhumaliyev was detained on 5 March.", "5 March", "XXXX-03-05"),
		mk("b", "2025-03-10", "Zhumaliyev was detained on March 5.", "March 5", "2025-03-05"),
		mk("c", "2025-03-12", "Zhumaliyev was detained on March 7.", "March 7", "2025-03-07"),
	)
	f := factFor(t, facts, "detained/date")
	if f.Status != model.Disputed || !strings.Contains(f.Note, "2025-03-07 (C)") || strings.Contains(f.Note, "cannot") {
		t.Fatalf("status %s note %q", f.Status, f.Note)
	}
}

func TestPlaceNames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want model.Status
	}{
		// GeoNames lists Frunze as a former name of Bishkek: one place.
		{"Bishkek", "Frunze", model.Agreed},
		{"Bishkek", "Tokmok", model.Disputed},
	} {
		a := doc("a", "A", "2025-03-10", "The warehouse fire broke out in "+c.a+".")
		a.Mentions = []fixture.Mention{{Text: c.a, Type: "place", Entity: "p1"}}
		b := doc("b", "B", "2025-03-10", "The warehouse fire broke out in "+c.b+".")
		b.Mentions = []fixture.Mention{{Text: c.b, Type: "place", Entity: "p2"}}
		facts, _ := story(t, compare.Options{}, a, b)
		if f := factFor(t, facts, "incident/place"); f.Status != c.want {
			t.Errorf("%s vs %s: status %s (%s), want %s", c.a, c.b, f.Status, f.Note, c.want)
		}
	}
}
