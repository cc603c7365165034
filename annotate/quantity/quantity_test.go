package quantity_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/model"
)

type want struct {
	text     string
	kind     model.ValueKind
	amount   float64
	min, max float64
	unit     string
	approx   bool
}

func extract(t testing.TB, text string) []model.Quantity {
	t.Helper()
	doc := &model.Document{ID: "doc", Text: text}
	qs := quantity.Extract(doc)
	for _, q := range qs {
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("span %d:%d = %q, Text %q", q.Start, q.End, text[q.Start:q.End], q.Text)
		}
		if q.Doc != "doc" {
			t.Fatalf("span doc %q", q.Doc)
		}
	}
	return qs
}

func check(t *testing.T, text string, wants ...want) {
	t.Helper()
	qs := extract(t, text)
	if len(qs) != len(wants) {
		t.Fatalf("%q: got %d quantities %+v, want %d", text, len(qs), qs, len(wants))
	}
	for i, w := range wants {
		q := qs[i]
		if q.Text != w.text || q.Kind != w.kind || q.Amount != w.amount || q.Min != w.min || q.Max != w.max || q.Unit != w.unit || q.Approx != w.approx {
			t.Errorf("%q #%d:\n got  %q %s %g [%g,%g] %q approx=%v\n want %q %s %g [%g,%g] %q approx=%v",
				text, i, q.Text, q.Kind, q.Amount, q.Min, q.Max, q.Unit, q.Approx,
				w.text, w.kind, w.amount, w.min, w.max, w.unit, w.approx)
		}
	}
}

func TestMoney(t *testing.T) {
	m := model.KindMoney
	cases := []struct {
		text string
		want []want
	}{
		{"He was offered $200.", []want{{"$200", m, 200, 0, 0, "USD", false}}},
		{"He got 200 dollars.", []want{{"200 dollars", m, 200, 0, 0, "USD", false}}},
		{"a fee of 200 US dollars", []want{{"200 US dollars", m, 200, 0, 0, "USD", false}}},
		{"It cost 183 euros.", []want{{"183 euros", m, 183, 0, 0, "EUR", false}}},
		{"Fines of 5,000 som and 3 000 rubles.", []want{{"5,000 som", m, 5000, 0, 0, "KGS", false}, {"3 000 rubles", m, 3000, 0, 0, "RUB", false}}},
		{"Paid ₸90,000 or KZT 90,000 in cash.", []want{{"₸90,000", m, 90000, 0, 0, "KZT", false}, {"KZT 90,000", m, 90000, 0, 0, "KZT", false}}},
		{"Only 90 thousand tenge.", []want{{"90 thousand tenge", m, 90000, 0, 0, "KZT", false}}},
		{"A $19.6m loss and US$50 more.", []want{{"$19.6m", m, 19.6e6, 0, 0, "USD", false}, {"US$50", m, 50, 0, 0, "USD", false}}},
		{"Он получил 90 тысяч тенге.", []want{{"90 тысяч тенге", m, 90000, 0, 0, "KZT", false}}},
		{"about $200 each", []want{{"about $200", m, 200, 180, 220, "USD", true}}},
	}
	for _, c := range cases {
		check(t, c.text, c.want...)
	}
}

func TestParallelAmounts(t *testing.T) {
	for _, text := range []string{
		"He was offered 90,000 tenge [$207] to join.",
		"He was offered 90 thousand tenge (183 euros) to join.",
		"Damage reached 8.5 billion tenge ($19.6 million).",
		"He was offered 90,000 tenge, or about $207, to join.",
	} {
		qs := extract(t, text)
		if len(qs) != 2 {
			t.Fatalf("%q: %d quantities", text, len(qs))
		}
		if qs[0].Parallel != 1 || qs[1].Parallel != 0 {
			t.Errorf("%q: parallel = %d, %d; want 1, 0", text, qs[0].Parallel, qs[1].Parallel)
		}
	}
	qs := extract(t, "He paid $200 and 90,000 tenge.")
	if len(qs) != 2 || qs[0].Parallel != -1 || qs[1].Parallel != -1 {
		t.Errorf("amounts joined by 'and' must not be parallel: %+v", qs)
	}
}

func TestCounts(t *testing.T) {
	c := model.KindCount
	cases := []struct {
		text string
		want []want
	}{
		{"Police detained 38 Kyrgyz citizens.", []want{{"38 Kyrgyz citizens", c, 38, 0, 0, "citizens", false}}},
		{"Some 2,500 troops arrived.", []want{{"Some 2,500 troops", c, 2500, 2250, 2750, "troops", true}}},
		{"It left 164 people killed.", []want{{"164 people", c, 164, 0, 0, "people", false}}},
		{"Dozens of people were hurt.", []want{{"Dozens of people", c, 24, 24, 99, "people", true}}},
		{"Tens of thousands of protesters marched.", []want{{"Tens of thousands of protesters", c, 20000, 20000, 99900, "protesters", true}}},
		{"nearly one hundred thousand people", []want{{"nearly one hundred thousand people", c, 100000, 90000, 100000, "people", true}}},
		{"more than 100 detainees", []want{{"more than 100 detainees", c, 100, 100, 0, "detainees", true}}},
		{"up to 50 soldiers", []want{{"up to 50 soldiers", c, 50, 0, 50, "soldiers", true}}},
		{"between 20 and 30 journalists", []want{{"between 20 and 30 journalists", c, 20, 20, 30, "journalists", false}}},
		{"about 30 police officers", []want{{"about 30 police officers", c, 30, 27, 33, "police officers", true}}},
		{"Twenty-five protesters and a dozen officers", []want{{"Twenty-five protesters", c, 25, 0, 0, "protesters", false}, {"a dozen officers", c, 12, 0, 0, "officers", false}}},
		{"several hundred residents", []want{{"several hundred residents", c, 300, 300, 900, "residents", true}}},
		{"one hundred and twenty houses", []want{{"one hundred and twenty houses", c, 120, 0, 0, "houses", false}}},
		{"Three of the injured were flown to Kyzylorda.", []want{{"Three of the injured", c, 3, 0, 0, "people", false}}},
		{"They took about twenty of us to the police.", []want{{"about twenty of us", c, 20, 18, 22, "people", true}}},
		// A month word that is also a verb ("may") is no month in lower case.
		{"Some 12 may leave; 40 miners stayed.", []want{{"40 miners", c, 40, 0, 0, "miners", false}}},
		{"В марте 15 человек задержали.", []want{{"15 человек", c, 15, 0, 0, "человек", false}}},
	}
	for _, cs := range cases {
		check(t, cs.text, cs.want...)
	}
}

func TestNotQuantities(t *testing.T) {
	for _, text := range []string{
		"It happened on January 3, 2022 at 10:30.",
		"He ran 5 per day.",
		"The 2022 elections were held.",
		"One of them left three days ago.",
		"Call 555 now.",
		"Two of them left. One of the injured died.",
		// A day number before a month name is part of a date, whatever
		// noun comes after the month.
		"9 февраля толпа рассерженных граждан собралась у здания.",
		"On 12 October pickets of miners formed.",
		"К 30 ноября жители трёх сёл уехали.",
	} {
		if qs := extract(t, text); len(qs) != 0 {
			t.Errorf("%q: unexpected %+v", text, qs)
		}
	}
}

func TestAgesAndDurations(t *testing.T) {
	a, d := model.KindAge, model.KindDuration
	check(t, "A 42-year-old man", want{"42-year-old", a, 42, 0, 0, "year", false})
	check(t, "a man aged 42", want{"aged 42", a, 42, 0, 0, "year", false})
	check(t, "He is 42 years old.", want{"42 years old", a, 42, 0, 0, "year", false})
	check(t, "Aida Bekova, 38, said", want{"38", a, 38, 0, 0, "year", false})
	check(t, "Among the dead was Aida Bekova, 38.", want{"38", a, 38, 0, 0, "year", false})
	check(t, "Among the dead was Aida Bekova, 38", want{"38", a, 38, 0, 0, "year", false})
	check(t, "In Bishkek, 23 were hurt.", want{"23", model.KindCount, 23, 0, 0, "", false})
	check(t, "He was held for 10 days.", want{"10 days", d, 10, 0, 0, "day", false})
	check(t, "sentenced to three months", want{"three months", d, 3, 0, 0, "month", false})
	check(t, "a 15-day term", want{"15-day", d, 15, 0, 0, "day", false})
}

func TestSentences(t *testing.T) {
	text := "First sentence here. He was paid $200 yesterday."
	doc := &model.Document{ID: "x", Text: text, Sentences: []model.Range{{Start: 0, End: 20}, {Start: 21, End: len(text)}}}
	qs := quantity.Extract(doc)
	if len(qs) != 1 || qs[0].Sentence != (model.Range{Start: 21, End: len(text)}) {
		t.Fatalf("got %+v", qs)
	}
}

func TestFixtureArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "quantity", "news", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	qs := extract(t, string(raw))
	got := map[string]bool{}
	for _, q := range qs {
		got[q.Text] = true
	}
	for _, s := range []string{"164 people", "nearly 10,000 people", "8.5 billion tenge", "$19.6 million",
		"More than 100 shops", "about 400 vehicles", "42-year-old", "90,000 tenge", "$207",
		"90 thousand tenge", "183 euros", "Dozens of people", "some 2,500 soldiers", "10 days", "three months", "38", "twenty-five detainees"} {
		if !got[s] {
			t.Errorf("missing %q", s)
		}
	}
	if got["16 members"] == false {
		t.Errorf("missing %q", "16 members")
	}
}

func TestOddInput(t *testing.T) {
	for _, text := range []string{"", "$", "$ ", "1,", "₸", "aged", "between 5 and", "twenty-", "\xff\xfe 12 \xff", "1.2.3.4.5 6,7,8"} {
		extract(t, text)
	}
	if quantity.Extract(nil) != nil {
		t.Error("nil document")
	}
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "quantity", "news", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc := &model.Document{ID: "bench", Text: string(raw)}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		quantity.Extract(doc)
	}
}

func TestBareCasualtyCounts(t *testing.T) {
	c := model.KindCount
	check(t, "Nine were injured.", want{"Nine", c, 9, 0, 0, "", false})
	check(t, "Officials said 86 killed.", want{"86", c, 86, 0, 0, "", false})
	check(t, "The death toll rose to 13 on Saturday.", want{"13", c, 13, 0, 0, "", false})
	if qs := extract(t, "In 2022 were killed"); len(qs) != 0 {
		t.Errorf("year taken as a count: %+v", qs)
	}
}

func TestMeasurements(t *testing.T) {
	c := model.KindCount
	check(t, "at a depth of 280 metres", want{"280 metres", c, 280, 0, 0, "metre", false})
	check(t, "about 40 km south of Chaek", want{"about 40 km", c, 40, 36, 44, "kilometre", true})
}

// Text rendered from word tokens writes thousands as "20, 000"; a day
// after a month and a year after a comma stay apart.
func TestCommaSpaceThousands(t *testing.T) {
	cases := []struct {
		text   string
		amount float64 // of the first quantity found
		span   string
	}{
		{"Police said 20, 000 people marched.", 20000, "20, 000 people"},
		{"Officials counted 1, 250, 000 voters.", 1250000, "1, 250, 000 voters"},
		{"On May 5, 300 people marched.", 300, "300 people"},
		{"Marks of 3, 4 and 5 people.", 3, ""},
	}
	for _, c := range cases {
		qs := extract(t, c.text)
		if c.span == "" {
			for _, q := range qs {
				if q.Amount > 5 {
					t.Errorf("%q: read %q as %g", c.text, q.Text, q.Amount)
				}
			}
			continue
		}
		if len(qs) == 0 || qs[0].Amount != c.amount || qs[0].Text != c.span {
			t.Errorf("%q: got %+v, want %q = %g first", c.text, qs, c.span, c.amount)
		}
	}
}

// TestDesignations: a model designation ("AK-47", "F-16", "A320", "Boeing
// 737") names a thing and counts nothing; before a counted noun it belongs
// to the noun's phrase, and the number before it is the count: the unit
// keeps it, since "nine AK-47 rifles" count a kind of rifle.
func TestDesignations(t *testing.T) {
	c := model.KindCount
	check(t, "Customs found nine AK-47 hunting rifles in the van.", want{"nine AK-47 hunting rifles", c, 9, 0, 0, "ak-47 rifles", false})
	check(t, "Four F-16 fighters flew over the border.", want{"Four F-16 fighters", c, 4, 0, 0, "f-16 fighters", false})
	check(t, "The airline grounded three Boeing 737 planes on Monday.", want{"three Boeing 737 planes", c, 3, 0, 0, "boeing 737 planes", false})
	check(t, "The A320 landed safely and a T-72 was towed away.")
	check(t, "A B-52 bomber and an MH-60 helicopter took part.")
	// Not designations: a date, money written with a code, a plain count.
	check(t, "On May 12 workers protested.")
	check(t, "They paid KZT500 and 40 workers left.",
		want{"KZT500", model.KindMoney, 500, 0, 0, "KZT", false},
		want{"40 workers", c, 40, 0, 0, "workers", false})
}
