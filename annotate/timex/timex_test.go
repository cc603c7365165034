package timex_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/model"
)

type want struct {
	text, value string
	gran        model.Granularity
	mod         string
}

func extract(t testing.TB, ref, text string) []model.Timex {
	t.Helper()
	doc := &model.Document{ID: "d1", Text: text, Published: model.Str(ref)}
	got := timex.Extract(doc, timex.Reference(doc))
	for _, x := range got {
		if text[x.Start:x.End] != x.Text || x.Doc != "d1" {
			t.Fatalf("span %+v does not point into the text", x.Span)
		}
		if !x.Sentence.Contains(x.Range()) {
			t.Fatalf("sentence %+v does not contain %+v", x.Sentence, x.Range())
		}
	}
	return got
}

func check(t *testing.T, ref, text string, wants ...want) {
	t.Helper()
	got := extract(t, ref, text)
	if len(got) != len(wants) {
		var g []string
		for _, x := range got {
			g = append(g, x.Text+"="+x.Value)
		}
		t.Fatalf("%q (ref %s): got %d expressions %q, want %d", text, ref, len(got), g, len(wants))
	}
	for i, w := range wants {
		x := got[i]
		if x.Text != w.text || x.Value != w.value || (w.gran != "" && x.Granularity != w.gran) || x.Modifier != w.mod {
			t.Errorf("%q (ref %s):\n got  %q %s %s mod=%q\n want %q %s %s mod=%q", text, ref, x.Text, x.Value, x.Granularity, x.Modifier, w.text, w.value, w.gran, w.mod)
		}
	}
}

const day, week, month, year, rng, tim = model.GranDay, model.GranWeek, model.GranMonth, model.GranYear, model.GranRange, model.GranTime

func TestAbsoluteDates(t *testing.T) {
	ref := "2022-01-11"
	check(t, ref, "Prices rose on 3 January 2022.", want{"3 January 2022", "2022-01-03", day, ""})
	check(t, ref, "He was seen on Jan. 3.", want{"Jan. 3", "2022-01-03", day, ""})
	check(t, ref, "Posted: APRIL 24TH, 2013 at noon.", want{"APRIL 24TH, 2013", "2013-04-24", day, ""}, want{"noon", "2013-04-24T12:00", tim, ""})
	check(t, ref, "Dated 01/03/2022 and 14.02.2023 and 2022-01-09.",
		want{"01/03/2022", "2022-01-03", day, ""}, want{"14.02.2023", "2023-02-14", day, ""}, want{"2022-01-09", "2022-01-09", day, ""})
	check(t, ref, "The form said 25/12/2021.", want{"25/12/2021", "2021-12-25", day, ""})
	check(t, ref, "The contract is dated 14.02.2023.", want{"14.02.2023", "2023-02-14", day, ""})
	check(t, ref, "Version 1.2.3.4 shipped.")
	check(t, ref, "Wednesday, July 28, 2004", want{"Wednesday, July 28, 2004", "2004-07-28", day, ""})
	check(t, ref, "the 6th of January", want{"the 6th of January", "2022-01-06", day, ""})
}

func TestYearInferenceAndTense(t *testing.T) {
	// Past events are not pushed into the next year.
	check(t, "2022-01-11", "The activist was detained on December 28.", want{"December 28", "2021-12-28", day, ""})
	// Future tense looks forward.
	check(t, "2022-01-11", "The trial will be held on February 2.", want{"February 2", "2022-02-02", day, ""})
	// No tense cue: the nearest date.
	check(t, "2021-12-30", "The new tariffs take effect on January 1.", want{"January 1", "2022-01-01", day, ""})
	// Past tense months away from the reference goes back a year.
	check(t, "2005-05-16", "O'Brien, fired on June 8, is suing.", want{"June 8", "2004-06-08", day, ""})
	// A named weekday picks the year it matches.
	check(t, "2022-01-04", "The rally held on Friday, December 31, drew thousands.", want{"Friday, December 31", "2021-12-31", day, ""})
	// Month alone, past and future.
	check(t, "2022-01-11", "Elections were held in November.", want{"November", "2021-11", month, ""})
	check(t, "2022-01-11", "Elections will be held in November.", want{"November", "2022-11", month, ""})
	// Passive participle after "be" is not a past cue.
	check(t, "2013-09-27", "Simpson is scheduled to be sentenced November 8.", want{"November 8", "2013-11-08", day, ""})
}

func TestPartialDates(t *testing.T) {
	ref := "2022-01-11"
	check(t, ref, "Border crossings reopened in early January.", want{"early January", "2022-01", month, "early"})
	check(t, ref, "Talks should end by the end of July.", want{"the end of July", "2022-07", month, "late"})
	check(t, ref, "Elections are planned in February.", want{"February", "2022-02", month, ""})
	check(t, ref, "The plant was sold in March 2019.", want{"March 2019", "2019-03", month, ""})
	check(t, ref, "Prices rose in April last year.", want{"April last year", "2021-04", month, ""})
	check(t, ref, "The law took effect on March 3 this year.", want{"March 3 this year", "2022-03-03", day, ""})
	check(t, "2023-03-15", "In mid-February the firm reported losses.", want{"mid-February", "2023-02", month, "mid"})
	check(t, ref, "The cable has failed often since late 2007.", want{"late 2007", "2007", year, "late"})
	check(t, ref, "She acted in the 1940s.", want{"the 1940s", "1940/1949", rng, ""})
	check(t, ref, "Earlier this month, prosecutors opened a case.", want{"Earlier this month", "2022-01", month, "early"})
}

func TestWeekdays(t *testing.T) {
	// 2022-01-11 is a Tuesday.
	ref := "2022-01-11"
	check(t, ref, "Protesters gathered on Sunday.", want{"Sunday", "2022-01-09", day, ""})
	check(t, ref, "The internet was restored late Monday.", want{"late Monday", "2022-01-10", day, "late"})
	check(t, ref, "He was arrested last Monday.", want{"last Monday", "2022-01-03", day, ""})
	check(t, ref, "A vote is set for next Tuesday.", want{"next Tuesday", "2022-01-18", day, ""})
	check(t, ref, "Police said Tuesday that 12 died.", want{"Tuesday", "2022-01-11", day, ""})
	check(t, ref, "The hearing will take place on Friday.", want{"Friday", "2022-01-14", day, ""})
	check(t, ref, "Shots rang out Friday night.", want{"Friday night", "2022-01-07", day, ""})
	// Across a year boundary: Monday 2022-01-03, "Thursday" is 2021-12-30.
	check(t, "2022-01-03", "The talks collapsed on Thursday.", want{"Thursday", "2021-12-30", day, ""})
	// Abbreviated weekday only with a date.
	check(t, ref, "(Tue, 16 Aug 2011)", want{"Tue, 16 Aug 2011", "2011-08-16", day, ""})
	check(t, ref, "They married in June.", want{"June", "2021-06", month, ""})
}

func TestRelative(t *testing.T) {
	ref := "2022-01-11"
	check(t, ref, "Yesterday the government resigned.", want{"Yesterday", "2022-01-10", day, ""})
	check(t, ref, "Two days ago, troops fired.", want{"Two days ago", "2022-01-09", day, ""})
	check(t, ref, "The ministry said last week that 164 died.", want{"last week", "2022-W01", week, ""})
	check(t, ref, "Parliament votes this week.", want{"this week", "2022-W02", week, ""})
	check(t, ref, "Last month, the bank raised rates.", want{"Last month", "2021-12", month, ""})
	check(t, ref, "He will travel next month.", want{"next month", "2022-02", month, ""})
	check(t, ref, "Last year, exports fell.", want{"Last year", "2021", year, ""})
	check(t, ref, "He was indicted more than two years ago.", want{"more than two years ago", "2020", year, "approx"})
	check(t, ref, "Three weeks ago the dam broke.", want{"Three weeks ago", "2021-W51", week, ""})
	check(t, ref, "Tonight, a crowd gathered.", want{"Tonight", "2022-01-11", day, ""})
	check(t, ref, "SEACOM failed this morning.", want{"this morning", "2022-01-11", day, ""})
	check(t, ref, "Two climbers died at the weekend.", want{"the weekend", "2022-01-08/2022-01-09", rng, ""})
	// Across a year boundary.
	check(t, "2022-01-01", "Yesterday was the last day of the year.", want{"Yesterday", "2021-12-31", day, ""})
	check(t, "2022-01-03", "Last week was quiet.", want{"Last week", "2021-W52", week, ""})
}

func TestPreviousDateAnchor(t *testing.T) {
	got := extract(t, "2022-01-11", "The clashes began on January 5. The day before, police had dispersed a rally. Two days later, troops arrived.")
	if len(got) != 3 {
		t.Fatalf("got %d expressions: %+v", len(got), got)
	}
	if got[1].Value != "2022-01-04" || got[1].Anchor != "previous date 2022-01-05" {
		t.Errorf("the day before: got %s anchored %q", got[1].Value, got[1].Anchor)
	}
	if got[2].Value != "2022-01-06" || got[2].Anchor != "previous date 2022-01-04" {
		t.Errorf("two days later: got %s anchored %q", got[2].Value, got[2].Anchor)
	}
	got = extract(t, "2022-01-11", "Police detained him on January 5. He was released the same day, and later that day he flew home.")
	if len(got) != 3 || got[1].Text != "the same day" || got[1].Value != "2022-01-05" || got[2].Text != "later that day" || got[2].Value != "2022-01-05" {
		t.Errorf("same day: %+v", got)
	}
	// Relative to an event, not a date: not an expression.
	check(t, "2022-01-11", "Troops arrived the day before the vote.")
}

func TestRanges(t *testing.T) {
	ref := "2022-01-11"
	const r = "2022-01-04/2022-01-06"
	check(t, ref, "Curfew ran from the 4th to the 6th of January.", want{"from the 4th to the 6th of January", r, rng, ""})
	check(t, ref, "Clashes were reported on January 4-6.", want{"January 4-6", r, rng, ""})
	check(t, ref, "The curfew ran from 4 to 6 January.", want{"from 4 to 6 January", r, rng, ""})
	check(t, ref, "The refinery was shut from March 1 to March 5, 2021.", want{"from March 1 to March 5, 2021", "2021-03-01/2021-03-05", rng, ""})
	check(t, ref, "Talks ran between 4 and 6 January.", want{"between 4 and 6 January", r, rng, ""})
	// A range across the year boundary.
	check(t, ref, "Offices closed from December 30 to January 3.", want{"from December 30 to January 3", "2021-12-30/2022-01-03", rng, ""})
}

func TestTimes(t *testing.T) {
	ref := "2022-01-11"
	check(t, ref, "Shots were heard around 4 pm.", want{"around 4 pm", "2022-01-11T16:00", tim, "approx"})
	check(t, ref, "He spoke at 16:00 on Friday.", want{"16:00", "2022-01-07T16:00", tim, ""}, want{"Friday", "2022-01-07", day, ""})
	check(t, ref, "The blast came at about 9:30 a.m. local time.", want{"about 9:30 a.m.", "2022-01-11T09:30", tim, "approx"})
	check(t, ref, "It ended at 12 am.", want{"12 am", "2022-01-11T00:00", tim, ""})
	// The hour told by the part of the day, in words or digits.
	check(t, ref, "The bus left at about five in the morning.", want{"about five in the morning", "2022-01-11T05:00", tim, "approx"})
	check(t, ref, "Shelling resumed at 10 at night.", want{"10 at night", "2022-01-11T22:00", tim, ""})
	check(t, ref, "They came back at three in the afternoon.", want{"three in the afternoon", "2022-01-11T15:00", tim, ""})
	check(t, ref, "The meeting began at eleven o'clock.", want{"eleven o'clock", "2022-01-11T11:00", tim, ""})
}

func TestNotTemporal(t *testing.T) {
	ref := "2022-01-11"
	for _, s := range []string{
		"Officials approved 2,000 tonnes of aid and 1500 tents.",
		"The score was 20-13 and he may march on.",
		"More than 2000 people attended.",
		"They sent 12 trucks, 3 days of food and a map.",
		"Visit https://example.com/2022/01/09 for details.",
		"The Bush midnight rules were reversed.",
		"Room 12:5 and ratio 3:1.",
	} {
		got := extract(t, ref, s)
		for _, x := range got {
			t.Errorf("%q: unexpected %q = %s", s, x.Text, x.Value)
		}
	}
}

func TestNoReference(t *testing.T) {
	doc := &model.Document{ID: "d", Text: "He died on Monday. The vote is on March 3. It began in 1990."}
	got := timex.Extract(doc, model.Reference{})
	if len(got) != 3 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Value != "" || got[0].Anchor != "no reference date" {
		t.Errorf("Monday without reference: %+v", got[0])
	}
	if got[1].Value != "XXXX-03-03" {
		t.Errorf("March 3 without reference: %+v", got[1])
	}
	if got[2].Value != "1990" {
		t.Errorf("1990: %+v", got[2])
	}
}

func TestReference(t *testing.T) {
	pub := func(s string) *model.Document {
		return &model.Document{ID: "d", Text: "Protests spread on Sunday.", Published: model.Str(s)}
	}
	if got := timex.Reference(pub("2022-01-11")); got.Date != "2022-01-11" || got.Inferred {
		t.Errorf("plain date: %+v", got)
	}
	// RFC 3339 keeps the calendar day of its own offset.
	if got := timex.Reference(pub("2022-01-11T23:30:00+06:00")); got.Date != "2022-01-11" || got.Inferred {
		t.Errorf("RFC 3339: %+v", got)
	}
	// A date line near the top.
	doc := &model.Document{ID: "d", Text: "Quake hits Aceh\n\nJuly 2, 2013\n\nA quake hit on Tuesday. In 2004 a tsunami struck. It will be studied on July 30, 2013."}
	got := timex.Reference(doc)
	if got.Date != "2013-07-02" || !got.Inferred || !strings.Contains(got.Reason, "date line") {
		t.Errorf("date line: %+v", got)
	}
	// No date line: the latest past date, not a future one.
	doc = &model.Document{ID: "d", Text: "The protest on January 5, 2022 turned violent, after fuel prices rose on January 2, 2022. A trial will be held on March 3, 2022."}
	got = timex.Reference(doc)
	if got.Date != "2022-01-05" || !got.Inferred || got.Reason == "" {
		t.Errorf("latest past date: %+v", got)
	}
	// Unreadable published value is reported, and inference still runs.
	doc = &model.Document{ID: "d", Text: "It happened on 3 May 2021, officials said.", Published: model.Str("yesterday-ish")}
	got = timex.Reference(doc)
	if got.Date != "2021-05-03" || !got.Inferred || !strings.Contains(got.Reason, "unreadable") {
		t.Errorf("unreadable published: %+v", got)
	}
	// Nothing to infer from.
	doc = &model.Document{ID: "d", Text: "Protests spread on Sunday."}
	if got := timex.Reference(doc); got.Date != "" || got.Inferred || got.Reason == "" {
		t.Errorf("nothing: %+v", got)
	}
	// The inferred reference is named as such in anchors.
	doc = &model.Document{ID: "d", Text: "Posted: 10 June 2013\n\nA hearing is set for Wednesday."}
	ref := timex.Reference(doc)
	ex := timex.Extract(doc, ref)
	if len(ex) != 2 || ex[1].Value != "2013-06-12" || ex[1].Anchor != "inferred reference 2013-06-10" {
		t.Errorf("anchors with inferred reference: %+v", ex)
	}
}

func TestOddInputNeverPanics(t *testing.T) {
	for _, s := range []string{"", " ", "\x00\xff\xfe", "31/31/31", "99:99 pm", "February 30", "the", "from", "between 3 and",
		"January", "2022-13-45", "0/0/0000", "Monday Monday Monday", "9999999999999999999999 days ago", "a.m.", "Январь 2022 года, 3 января"} {
		doc := &model.Document{ID: "x", Text: s, Published: model.Str("2022-01-11")}
		_ = timex.Extract(doc, timex.Reference(doc))
		doc.Published = nil
		_ = timex.Extract(doc, timex.Reference(doc))
	}
	if got := timex.Extract(nil, model.Reference{}); got != nil {
		t.Errorf("nil document: %v", got)
	}
	check(t, "2022-01-11", "It was February 30.") // not a date
}

func BenchmarkExtract(b *testing.B) {
	para := "Fuel prices doubled on January 2, sparking rallies. On Sunday, troops fired on protesters, " +
		"and two days ago the government resigned. The trial will be held on February 2 at 16:00. " +
		"Officials approved 2,000 tonnes of aid and 300 tents for the 4,500 displaced people in the region.\n\n"
	text := strings.Repeat(para, 200)
	doc := &model.Document{ID: "b", Text: text, Published: model.Str("2022-01-11")}
	ref := timex.Reference(doc)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		timex.Extract(doc, ref)
	}
}

func TestReferenceInStory(t *testing.T) {
	doc := &model.Document{ID: "ngo", Text: "Since 6 March, we have recorded 61 complaints. He was detained on 5 March. Two people died after 10 March. A hearing will be held on 28 March."}
	story := []model.Reference{{Date: "2025-03-10"}, {Date: "2025-03-11"}, {}, {Date: "2025-06-23"}}
	got := timex.ReferenceInStory(doc, story)
	if got.Date != "2025-03-10" || !got.Inferred || !strings.Contains(got.Reason, "story") {
		t.Errorf("got %+v", got)
	}
	// A document with its own date keeps it.
	doc.Published = model.Str("2025-03-12")
	if got := timex.ReferenceInStory(doc, story); got.Date != "2025-03-12" || got.Inferred {
		t.Errorf("published: %+v", got)
	}
	// No story dates: nothing to add.
	doc.Published = nil
	if got := timex.ReferenceInStory(doc, nil); got.Date != "" {
		t.Errorf("no story: %+v", got)
	}
}
