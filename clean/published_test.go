package clean

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/ingest"
)

// body is a lead long enough to be an article, with dates mentioned in it
// that must never become the publication date.
const body = "The regional court heard the case on 3 March 2021 and again on March 9, 2021, lawyers for the defence said, adding that the verdict would be appealed.\n\nA second paragraph mentions 14.05.2020 as the day the contract was signed by both parties."

func cleanWith(t *testing.T, text string, format string, opts Options) (published, conf, source, credit, outlet string) {
	t.Helper()
	if format == "" {
		format = ingest.FormatText
	}
	doc, err := DocumentWith(ingest.Input{Source: "t", Format: format, Raw: []byte(text)}, opts)
	if err != nil {
		t.Fatalf("clean: %v\n%s", err, text)
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	return deref(doc.Published), doc.PublishedConfidence, doc.MetaSources["published"], deref(doc.Credit), deref(doc.Outlet)
}

func TestPublishedDate(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text      string
		opts            Options
		want, conf, has string // has: a word the evidence must contain
	}{
		{"body dates are never the publication date", "Court keeps activist in custody\n\n" + body, Options{Now: now}, "", "", ""},
		{"URL path /YYYY/MM/DD/", "https://news.example.com/world/2022/01/10/court-keeps-activist/\n\nCourt keeps activist in custody\n\n" + body, Options{Now: now}, "2022-01-10", "medium", "URL path"},
		{"URL written with spaces, month name", "http : / / articles . example . com / 2013 / may / 03 / local / la - me - rehab\n\nStar checks into rehab\n\n" + body, Options{Now: now}, "2013-05-03", "medium", "URL path"},
		{"URL _DDMMYYYY/", "https://example.kg/ru/news/court_10012022/\n\nCourt keeps activist in custody\n\n" + body, Options{Now: now}, "2022-01-10", "medium", "URL path"},
		{"URL trailing YYYYMMDD", "https://www.example.com/article/us-court-idUSBRE9710UQ20130802\n\nCourt keeps activist in custody\n\n" + body, Options{Now: now}, "2013-08-02", "medium", "URL path"},
		{"date line beats URL", "https://news.example.com/2022/01/10/court/\n\nCourt keeps activist in custody\n\nJanuary 11, 2022, 9:40 AM\n\n" + body, Options{Now: now}, "2022-01-11T09:40", "high", "date line"},
		{"Russian month name", "Суд оставил активиста под стражей\n\n10 января 2022, 14:30\n\n" + body, Options{Now: now}, "2022-01-10T14:30", "high", "date line"},
		{"agency bar line with dashed date", "Court keeps activist in custody\n\nReuters | Updated: 10-01-2022 14:30 IST\n\n" + body, Options{Now: now}, "2022-01-10T14:30", "high", "date line"},
		{"two-digit year", "Court keeps activist in custody\n\n8/2/13 at 1:30 PM\n\n" + body, Options{Now: now}, "2013-08-02", "low", "reading assumed"},
		{"yearless dateline takes the URL year", "https://tass.example/politics/2022/court-case\n\nCourt keeps activist in custody\n\nMOSCOW, January 10. /TASS/. A court in Moscow kept an activist in custody on Monday, his lawyer said, adding that an appeal would follow within days.\n\n" + body, Options{Now: now}, "2022-01-10", "high", "dateline"},
		{"yearless dateline, no URL year, crawl date", "Court keeps activist in custody\n\nKYIV, Ukraine, Jan 10 (Reuters) - A court kept an activist in custody on Monday, his lawyer said, adding that an appeal would follow within days.\n\n" + body, Options{Crawled: time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC)}, "2022-01-10", "high", "crawl date"},
		{"yearless dateline with nothing to give the year", "Court keeps activist in custody\n\nKYIV, Ukraine, Jan 10 (Reuters) - A court kept an activist in custody on Monday, his lawyer said, adding that an appeal would follow within days.\n\n" + body, Options{}, "", "", ""},
		{"relative stamp with crawl date", "Court keeps activist in custody\n\n3 hours ago\n\n" + body, Options{Crawled: time.Date(2022, 1, 10, 2, 0, 0, 0, time.UTC)}, "2022-01-09", "low", "relative"},
		{"relative stamp without crawl date", "Court keeps activist in custody\n\n3 hours ago\n\n" + body, Options{Now: now}, "", "", ""},
		{"future date refused", "https://news.example.com/2022/01/10/court/\n\nCourt keeps activist in custody\n\nJanuary 11, 2031\n\n" + body, Options{Now: now}, "2022-01-10", "medium", "refused"},
		// Issue 18's bad inputs, each with its documented outcome.
		{"no date anywhere", "Court keeps activist in custody\n\nThe court kept the activist in custody for two more months, his lawyer said, adding that an appeal would follow.", Options{Now: now}, "", "", ""},
		{"only date in the future", "Court keeps activist in custody\n\nJanuary 11, 2031\n\n" + body, Options{Now: now}, "", "", ""},
		{"two-digit year, dotted, day first", "Court keeps activist in custody\n\n10.01.22\n\n" + body, Options{Now: now}, "2022-01-10", "low", "reading assumed"},
		{"two-digit year that would be ahead is the last century", "Court keeps activist in custody\n\n10.01.99\n\n" + body, Options{Now: now}, "1999-01-10", "low", "reading assumed"},
		{"Russian genitive month, no time", "Суд оставил активиста под стражей\n\n10 января 2022\n\n" + body, Options{Now: now}, "2022-01-10", "high", "date line"},
		{"Russian abbreviated month in a yearless agency dateline", "https://example.ru/2023/court\n\nСуд оставил активиста под стражей\n\nАНКАРА, 8 фев — РИА Новости. Суд в Анкаре оставил активиста под стражей, сообщил его адвокат журналистам в среду.\n\n" + body, Options{Now: now}, "2023-02-08", "high", "dateline"},
		{"header line with the lead after its date", "date 2022-01-11 Police in the capital detained twelve people on Tuesday after a protest outside the parliament building, officials said.\n\n" + body, Options{Now: now}, "2022-01-11", "high", "header line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, conf, src, _, _ := cleanWith(t, c.text, "", c.opts)
			if got != c.want || conf != c.conf || !strings.Contains(src, c.has) {
				t.Errorf("published %q (%s, %q), want %q (%s, evidence with %q)", got, conf, src, c.want, c.conf, c.has)
			}
		})
	}
}

func TestPublishedConflictStructuredVsURL(t *testing.T) {
	page := `<html><head><link rel="canonical" href="https://news.example.com/2022/01/09/court/">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Court keeps activist in custody","datePublished":"2022-01-12T08:00:00Z"}</script></head>
<body><article><h1>Court keeps activist in custody</h1><p>` + strings.ReplaceAll(body, "\n\n", "</p><p>") + `</p></article></body></html>`
	got, conf, src, _, _ := cleanWith(t, page, ingest.FormatHTML, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if !strings.HasPrefix(got, "2022-01-12") || conf != "medium" || !strings.Contains(src, "URL path says 2022-01-09") {
		t.Errorf("published %q (%s, %q), want the JSON-LD date, medium, with the URL date as evidence", got, conf, src)
	}
}

func TestCredit(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Quake kills dozens\n\nADANA, Turkey (AP) — Rescuers raced on Tuesday to find survivors in the rubble of buildings, officials said, as the toll rose.\n\n" + body, "AP"},
		{"Суд оставил активиста под стражей\n\nМОСКВА, 10 января. /ТАСС/. Суд в Москве оставил активиста под стражей, сообщил его адвокат журналистам в понедельник.\n\n" + body, "TASS"},
		{"Quake kills dozens\n\n" + body + "\n\nvia Kabar", "Kabar"},
		{"Quake kills dozens\n\nBy The Associated Press\n\n" + body, "AP"},
		{"Quake kills dozens\n\n" + body + "\n\nCopyright 2023 The Associated Press. All rights reserved.", "AP"},
		{"Quake kills dozens\n\n" + body + "\n\nSource: BBC", "BBC"},
		// A photo credit naming an agency is not the article's credit.
		{"Quake kills dozens\n\nRescuers search the rubble in Antakya. (Ali Ozturk/AP)\n\n" + body, ""},
		{"Quake kills dozens\n\n" + body, ""},
		// An agency-style dateline names the source in its agency's place,
		// whether or not the lexicon knows it.
		{"Паводок отрезал три села\n\nОМСК, 3 апр — Сибирский Курьер. Вода поднялась за ночь и отрезала от райцентра три села, сообщили в администрации района.\n\n" + body, "Сибирский Курьер"},
		{"Паводок отрезал три села\n\nТОМСК, 3 апреля, СибПресс. Вода поднялась за ночь и отрезала от райцентра три села, сообщили в администрации района.\n\n" + body, "СибПресс"},
		// A sentence after a dateline in ordinary case is no agency.
		{"Паводок отрезал три села\n\nОМСК, 3 апр. Вода поднялась за ночь. Село отрезано от райцентра, сообщили в администрации района.\n\n" + body, ""},
		// A rewrite attributing its lead to an agency after a comma carries
		// that agency's story; an opening citation attributes a detail.
		{"Суд вынес приговор бывшему мэру\n\nСуд приговорил бывшего мэра города к девяти годам колонии за взятки, передает корреспондент ТАСС из зала суда.\n\n" + body, "TASS"},
		{"Суд вынес приговор бывшему мэру\n\nСуд приговорил бывшего мэра города к девяти годам колонии. Как передает РИА Новости, защита намерена обжаловать приговор.\n\n" + body, ""},
		{"Суд вынес приговор бывшему мэру\n\nСуд приговорил бывшего мэра города к девяти годам колонии за взятки, сообщает местная газета «Вечерний город».\n\n" + body, ""},
		// A byline naming another newspaper credits it; the site's own
		// paper does not.
		{"Quake toll rises\n\nBy Ann Roe Lakeshore Times\n\n" + body, "Lakeshore Times"},
		{"Quake toll rises\n\nAnn Roe Lakeshore Times\n\n" + body, "Lakeshore Times"},
		{"Quake toll rises\n\nBy Ann Roe, The Valley Tribune\n\n" + body, "Valley Tribune"},
		{"Quake toll rises\n\nBy Emily Post\n\n" + body, ""},
		{"https://www.valleytribune.example/2021/03/10/quake\n\nQuake toll rises\n\nBy Ann Roe, Valley Tribune\n\n" + body, ""},
	} {
		_, _, _, got, _ := cleanWith(t, c.text, "", Options{})
		if got != c.want {
			t.Errorf("credit %q, want %q\n%s", got, c.want, c.text[:60])
		}
	}
}

func TestReadableHostName(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"https://cdn.example.com/a", "example"},
		{"https://origin-web.example.com/a", "example"},
		{"https://example-prod.cdn.vendorcdn.net/a", "example"},
		{"https://edition.example.co.uk/2020/a", "example"},
		{"https://www.example.kg/ru/", "example"},
		{"http://articles.latimes-like.com/2013/may/03/", "latimes-like"},
		// Second-level country suffixes come from the Public Suffix List,
		// not from a list of our own: every country's is known.
		{"https://www.radiowave.co.ke/news/2010/04/a/", "radiowave"},
		{"https://www.dailypaper.com.br/a", "dailypaper"},
		{"https://www.example.or.jp/a", "example"},
		{"https://news.example.org.uk/a", "example"},
		{"https://www.example.com.au/a", "example"},
		{"https://someone.blogspot.com/2011/10/a.html", "someone"},
		{"https://example.ng/a", "example"},
		{"https://example.ru./a", "example"},
	} {
		if got := readableHostName(c.url); got != c.want {
			t.Errorf("readableHostName(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

func TestVideoTeaser(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Rescuers reach the flooded valley 02:15", true},
		{"1:45 Watch the rescue at the mine", true},
		{"Polls close at 20:00", false},
		{"Voting ends until 20:00", false},
	} {
		l := prepareLine(c.line)
		lines := []line{l}
		markRuleLines(lines)
		if got := lines[0].reason == reasonVideo; got != c.want {
			t.Errorf("%q: video teaser %v, want %v (reason %q)", c.line, got, c.want, lines[0].reason)
		}
	}
}

// FuzzPublishedParsers checks the date, dateline, URL and credit readers
// never panic and give only valid calendar days.
//
//	go test ./clean -run '^$' -fuzz FuzzPublishedParsers -fuzztime 30s
func FuzzPublishedParsers(f *testing.F) {
	for _, s := range []string{"https://x.example/2022/01/10/a_10012022/b-20130504", "MOSCOW, January 10. /TASS/. Text",
		"АНКАРА, 8 фев — РИА Новости. Текст", "8/2/13 at 1:30 PM", "2019-6-8 20:55 |", "NewsSeptember 24, 2018",
		"http : / / www . x . com / 2013 / may / 03 /", "ERCIS, Turkey (AP) -- A survivor", "AP/AFP", "tvc.ru »"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []string{mustDay(urlDate(s)), mustDay(dateLine(s)), mustDay(shortYearDate(s))} {
			if v != "" {
				if _, ok := parseDay(v); !ok {
					t.Errorf("%q gave invalid day %q", s, v)
				}
			}
		}
		datelineDay(s)
		creditFromLead(s)
		creditFromLine(s)
		creditFromSourceLink(s)
		isVideoTeaser(s, len(strings.Fields(s)))
		readableHostName(s)
		swapDayMonth(s)
	})
}

func mustDay(v string, ok bool) string {
	if !ok {
		return ""
	}
	return v
}

// A page of navigation only, 5 MB of it, is refused as having no article
// text, in bounded time, with no partial document.
func TestNavigationOnlyPage(t *testing.T) {
	var b strings.Builder
	for b.Len() < 5<<20 {
		b.WriteString("Home | World | Business | Sport | Culture | Opinion\nMenu\nSearch\n\n")
	}
	start := time.Now()
	doc, err := DocumentWith(ingest.Input{Source: "nav", Format: ingest.FormatText, Raw: []byte(b.String())}, Options{})
	if err == nil || doc != nil {
		t.Fatalf("navigation-only page accepted: %v", err)
	}
	if !errors.Is(err, ErrNoArticle) {
		t.Errorf("error %v, want ErrNoArticle", err)
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("took %v", d)
	}
}
