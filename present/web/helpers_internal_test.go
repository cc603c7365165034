package web

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

func TestHighlightOverlaps(t *testing.T) {
	text := "Бакыт said \"<b>70,000 tenge</b>\" in Almaty."
	i := strings.Index(text, "70,000")
	j := strings.Index(text, "Almaty")
	marks := []mark{
		{Start: 0, End: len("Бакыт"), Kind: markEntity, Href: "/e/1", Title: `x" onmouseover="y`},
		{Start: i - 4, End: i + 12, Kind: markQuote}, // quote overlaps the fact on both sides
		{Start: i, End: i + len("70,000 tenge"), Kind: markFact},
		{Start: i + 3, End: j + 3, Kind: markTarget},    // crosses the quote's end
		{Start: 1, End: 3, Kind: markEntity},            // inside a Cyrillic letter: skipped
		{Start: 5, End: 400, Kind: markFact},            // out of range: skipped
		{Start: 9, End: 4, Kind: markFact},              // reversed: skipped
		{Start: 0, End: len("Бакыт"), Kind: markEntity}, // nested entity without a link
	}
	got := string(highlight(text, marks, []model.Removed{{Text: "<script>x</script>", Reason: "nav", At: j}, {Text: "tail", Reason: "footer", At: 9999}}))
	// Tags balance.
	for _, tag := range []string{"span", "mark", "a", "details"} {
		if o, c := strings.Count(got, "<"+tag+" ")+strings.Count(got, "<"+tag+">"), strings.Count(got, "</"+tag+">"); o != c {
			t.Errorf("%s: %d opened, %d closed in %s", tag, o, c, got)
		}
	}
	if strings.Count(got, `id="hl"`) != 1 {
		t.Errorf("target id not exactly once: %s", got)
	}
	for _, bad := range []string{"<b>", "<script>", `" onmouseover="`} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in %s", bad, got)
		}
	}
	// Stripping the markup and the removed blocks gives the text back.
	plain := got
	for strings.Contains(plain, "<details") {
		a := strings.Index(plain, "<details")
		b := strings.Index(plain, "</details>")
		plain = plain[:a] + plain[b+len("</details>"):]
	}
	var sb strings.Builder
	in := false
	for _, r := range plain {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			sb.WriteRune(r)
		}
	}
	if un := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&amp;", "&", "&#39;", "'").Replace(sb.String()); un != text {
		t.Errorf("text changed:\n got %q\nwant %q", un, text)
	}
}

func TestSentenceContext(t *testing.T) {
	doc := &model.Document{Text: "First one. The fine was 196,600 tenge. Last.\n\nNext paragraph."}
	s := strings.Index(doc.Text, "196,600")
	// No sentence given: a window bounded by the paragraph break.
	p := sentenceContext(doc, s, s+7, model.Range{})
	if !p.Valid || p.Match != "196,600" || strings.Contains(p.After, "Next") {
		t.Errorf("window: %+v", p)
	}
	sent := model.Range{Start: strings.Index(doc.Text, "The"), End: strings.Index(doc.Text, " Last")}
	p = sentenceContext(doc, s, s+7, sent)
	if p.Before != "The fine was " || p.After != " tenge." {
		t.Errorf("sentence: %+v", p)
	}
	if p := sentenceContext(doc, 5, 1000, sent); p.Valid {
		t.Error("out-of-range span accepted")
	}
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{
		"2025-03-09":                "9 Mar 2025",
		"2025-03":                   "March 2025",
		"2025":                      "2025",
		"2025-03-04/2025-03-06":     "4 Mar 2025 – 6 Mar 2025",
		"2025-03-11T16:30:00+06:00": "11 Mar 2025, 16:30 UTC+6",
		"2025-03-13T19:40:00Z":      "13 Mar 2025, 19:40 UTC",
		"2025-03-09T16:00":          "9 Mar 2025, 16:00",
		"2025-W10":                  "week of 3 Mar–9 Mar 2025",
		"XXXX-03-05":                "XXXX-03-05",
		"":                          "",
	} {
		if got := humanDate(in); got != want {
			t.Errorf("humanDate(%q) = %q, want %q", in, got, want)
		}
	}
	if f, to, ok := dayInterval("2024-02"); !ok || f.Format("2006-01-02") != "2024-02-01" || to.Format("2006-01-02") != "2024-02-29" {
		t.Errorf("month interval %v %v %v", f, to, ok)
	}
	for _, bad := range []string{"XXXX-03-05", "2025-W99", "2025-13", "soon", "2025-03-06/2025-03-01"} {
		if _, _, ok := dayInterval(bad); ok {
			t.Errorf("dayInterval(%q) accepted", bad)
		}
	}
}

func TestValueLabels(t *testing.T) {
	name := func(id string) string { return map[string]string{"e1": "Almaty"}[id] }
	for _, c := range []struct {
		v    model.Value
		want string
	}{
		{model.Value{Kind: model.KindMoney, Amount: 196600, Currency: "KZT"}, "196,600 KZT"},
		{model.Value{Kind: model.KindMoney, Amount: 1.5, Currency: "USD"}, "1.5 USD"},
		{model.Value{Kind: model.KindCount, Min: 24, Max: 144, Unit: "people"}, "24–144 people"},
		{model.Value{Kind: model.KindAge, Amount: 31, Unit: "year"}, "31 years"},
		{model.Value{Kind: model.KindDuration, Amount: 1, Unit: "day"}, "1 day"},
		{model.Value{Kind: model.KindPlace, Entity: "e1", Relation: "70 km west of"}, "70 km west of Almaty"},
		{model.Value{Kind: model.KindDate, Date: "2025-03-05"}, "5 Mar 2025"},
		{model.Value{Kind: model.KindEvent, Text: "tortured"}, "tortured"},
		{model.Value{}, "—"},
	} {
		if got := valueLabel(c.v, name); got != c.want {
			t.Errorf("valueLabel(%+v) = %q, want %q", c.v, got, c.want)
		}
	}
	for in, want := range map[string]string{"age/age": "age", "detained/place": "detained · place", "count/count (citizen, KG)": "count (citizen, KG)", "promised_payment": "promised payment"} {
		if got := attributeLabel(in); got != want {
			t.Errorf("attributeLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1": "https://example.org/a?b=1",
		"HTTP://example.org":        "http://example.org",
		"javascript:alert(1)":       "",
		" JavaScript:alert(1)":      "",
		"data:text/html,<script>":   "",
		"//evil.example/x":          "",
		"/relative":                 "",
		"vbscript:msgbox":           "",
		"https://":                  "",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnippet(t *testing.T) {
	got := snippetHTML("a <b>\x01tenge\x02</b> \x01x")
	if got != template.HTML("a &lt;b&gt;tenge&lt;/b&gt; x") {
		t.Errorf("unbalanced markers: %s", got)
	}
	if got := snippetHTML("\x01a\x02 & b"); got != "<mark>a</mark> &amp; b" {
		t.Errorf("snippet %s", got)
	}
}

// FuzzHighlight: any text and any (possibly invalid) offsets give balanced
// markup that strips back to the text.
func FuzzHighlight(f *testing.F) {
	f.Add("Бакыт said “70,000 tenge” in Almaty.", 0, 10, 3, 30, 12, 2)
	f.Add("<script>x</script>", 1, 5, 0, 18, 18, 0)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, at int) {
		if !utf8.ValidString(text) {
			return
		}
		marks := []mark{{Start: a, End: b, Kind: markEntity, Href: "/x"}, {Start: c, End: d, Kind: markQuote}, {Start: a, End: d, Kind: markFact}, {Start: e, End: b, Kind: markTarget}}
		got := string(highlight(text, marks, []model.Removed{{Text: "r", Reason: "x", At: at}}))
		if strings.Count(got, "<details") != 1 {
			t.Fatalf("removed block lost: %s", got)
		}
		plain := got[:strings.Index(got, "<details")] + got[strings.Index(got, "</details>")+len("</details>"):]
		var sb strings.Builder
		depth := 0
		in := false
		for i := 0; i < len(plain); i++ {
			switch {
			case plain[i] == '<':
				in = true
				if i+1 < len(plain) && plain[i+1] == '/' {
					depth--
				} else {
					depth++
				}
			case plain[i] == '>':
				in = false
			case !in:
				sb.WriteByte(plain[i])
			}
			if depth < 0 {
				t.Fatalf("closing tag without opening: %s", got)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced markup: %s", got)
		}
		un := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&amp;", "&", "&#39;", "'").Replace(sb.String())
		// The HTML escaper turns NUL into U+FFFD, on purpose.
		if want := strings.ReplaceAll(text, "\x00", "\uFFFD"); un != want {
			t.Fatalf("text changed: %q → %q", text, un)
		}
	})
}

// A value aside from an agreement keeps that mark in its source's cell,
// and the story page says so next to it.
func TestAsideValueMarked(t *testing.T) {
	d := model.NewDossier()
	d.Stories = []model.Story{{ID: "s", Title: "Flood"}}
	var vals []model.FactValue
	for i, text := range []string{"3,000 people were evacuated.", "3,000 people left.", "Twelve people were evacuated."} {
		doc := model.Document{ID: fmt.Sprint("d", i), Outlet: model.Str(fmt.Sprint("Outlet ", i)), Text: text}
		doc.Sentences = []model.Range{{Start: 0, End: len(text)}}
		d.Documents = append(d.Documents, doc)
		end := strings.Index(text, " were")
		if end < 0 {
			end = strings.Index(text, " left")
		}
		v := model.FactValue{Span: model.SpanOf(doc.ID, text, 0, end), Sentence: doc.Sentences[0],
			Value: model.Value{Kind: model.KindCount, Amount: 3000}, Polarity: "asserted"}
		if i == 2 {
			v.Value.Amount, v.Aside = 12, true
		}
		vals = append(vals, v)
	}
	d.Facts = []model.Fact{{ID: "f", Attribute: "evacuated/count (people)", Status: model.Agreed, Values: vals}}
	v := buildStory(d, "s", serverLinks{})
	if len(v.Facts) != 1 {
		t.Fatalf("%d fact rows", len(v.Facts))
	}
	var aside []string
	for _, c := range v.Facts[0].Cells {
		for _, cv := range c.Values {
			if cv.Aside {
				aside = append(aside, cv.Evidence[0].Literal)
			}
		}
	}
	if strings.Join(aside, "|") != "Twelve people" {
		t.Errorf("aside values %q, want only \"Twelve people\"", aside)
	}
	ps, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	if err := ps.pages["story"].ExecuteTemplate(&page, "story-body", v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "not compared") {
		t.Errorf("story page row does not mark the aside value:\n%s", page.String())
	}
}
