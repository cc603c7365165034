package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/web"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// Three reports of one event, with the kinds of disagreement the story page
// exists to show, plus a hostile document whose text, metadata and URL try
// to inject markup and script.
const (
	textA = "ALMATY, March 10 — Kyrgyz musician Bakyt Zhumaliyev, 31, was detained in Almaty on 5 March, police said.\n\nHe was promised 70,000 tenge to take part in the riots, he said on state television. \"I regret everything,\" Zhumaliyev said.\n\nThe consul Marat Sadykov visited him on 11 March."
	textB = "BISHKEK — Bakyt Zhumaliev, a 32-year-old sound engineer, was detained on 6 March in Almaty, friends said.\n\nThe Kyrgyz consul Marat Sadykov said he \"was treated well\" and was not tortured.\n\nHe was released on 12 March after paying a fine of 196,600 tenge."
	textC = "Бакыт Жумалиев <script>alert('x')</script> was beaten, he told Steppe Review in June. <img src=x onerror=alert(1)> \"They told me what to say,\" Zhumaliyev said. javascript:alert(2)"
)

type fixture struct {
	store   *sqlite.Store
	storyID string
	docs    []*model.Document
	dossier *model.Dossier
}

func span(t testing.TB, doc *model.Document, sub string) model.Span {
	t.Helper()
	i := strings.Index(doc.Text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in document %s", sub, doc.ID)
	}
	return model.SpanOf(doc.ID, doc.Text, i, i+len(sub))
}

func sentence(t testing.TB, doc *model.Document, sub string) model.Range {
	t.Helper()
	s := span(t, doc, sub)
	lo := strings.LastIndexAny(doc.Text[:s.Start], ".\n") + 1
	hi := strings.IndexAny(doc.Text[s.End:], ".\n")
	if hi < 0 {
		hi = len(doc.Text)
	} else {
		hi += s.End + 1
	}
	for lo < s.Start && doc.Text[lo] == ' ' {
		lo++
	}
	return model.Range{Start: lo, End: hi}
}

func mention(t testing.TB, doc *model.Document, sub string, typ model.EntityType, entity string) model.Mention {
	s := span(t, doc, sub)
	return model.Mention{Span: s, Type: typ, Sentence: sentence(t, doc, sub), Entity: entity}
}

func str(s string) *string { return &s }

func newDoc(source, title, outlet, published, url, text string) *model.Document {
	raw := []byte(title + "\n\n" + text)
	return &model.Document{
		ID: model.DocumentID(raw), Source: source, Format: "text",
		Title: str(title), Outlet: str(outlet), Published: str(published), URL: model.Str(url),
		Language: str("en"), Authors: []string{"Helen Marsh"},
		MetaSources: map[string]string{"title": "first line", "published": "date line", "outlet": "copyright line"},
		Text:        text, Raw: raw,
		Removed: []model.Removed{{Text: "Most read\n7 hours ago", Reason: "most-read list", At: len(text)}},
	}
}

// newFixture stores the documents and a full dossier in a real SQLite file.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a := newDoc("examples/a.txt", "Kyrgyz musician detained in Almaty", "Meridian Press", "2025-03-10T16:12:00+05:00", "https://meridian.example/a", textA)
	b := newDoc("examples/b.txt", "Friends say Zhumaliev was coerced", "Ala-Too Times", "2025-03-11", "https://alatoo.example/b", textB)
	c := newDoc("examples/c.txt", "<b onmouseover=alert(3)>Interview</b>", "Steppe <Review>", "2025-06-23", "javascript:alert(4)", textC)
	docs := []*model.Document{a, b, c}
	for _, d := range docs {
		if _, err := st.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	d := model.NewDossier()
	story := model.Story{ID: "s1", Title: "Kyrgyz musician's televised confession", Documents: []string{a.ID, b.ID, c.ID}, From: str("2025-03-10"), To: str("2025-06-23")}
	d.Stories = []model.Story{story}
	bakyt := model.Entity{ID: "e-bakyt", Type: model.Person, Name: "Bakyt Zhumaliyev",
		Variants:     []model.Variant{{Text: "Bakyt Zhumaliyev", Count: 2, Docs: []string{a.ID}}, {Text: "Bakyt Zhumaliev", Count: 1, Docs: []string{b.ID}}, {Text: "Бакыт Жумалиев", Count: 1, Docs: []string{c.ID}}},
		Descriptions: []model.Description{{Text: "Kyrgyz musician", Span: span(t, a, "Kyrgyz musician")}, {Text: "sound engineer", Span: span(t, b, "sound engineer")}},
		Mentions: []model.Mention{
			mention(t, a, "Bakyt Zhumaliyev", model.Person, "e-bakyt"),
			mention(t, a, "Zhumaliyev said", model.Person, "e-bakyt"),
			mention(t, b, "Bakyt Zhumaliev", model.Person, "e-bakyt"),
			mention(t, c, "Бакыт Жумалиев", model.Person, "e-bakyt"),
		}}
	bakyt.Mentions[1].Span = span(t, a, "Zhumaliyev")
	bakyt.Mentions[1].Span = model.SpanOf(a.ID, a.Text, strings.Index(a.Text, "Zhumaliyev said"), strings.Index(a.Text, "Zhumaliyev said")+len("Zhumaliyev"))
	sadykov := model.Entity{ID: "e-sadykov", Type: model.Person, Name: "Marat Sadykov",
		Variants: []model.Variant{{Text: "Marat Sadykov", Count: 2, Docs: []string{a.ID, b.ID}}},
		Mentions: []model.Mention{mention(t, a, "Marat Sadykov", model.Person, "e-sadykov"), mention(t, b, "Marat Sadykov", model.Person, "e-sadykov")}}
	almaty := model.Entity{ID: "e-almaty", Type: model.Place, Name: "Almaty",
		Variants: []model.Variant{{Text: "Almaty", Count: 2, Docs: []string{a.ID, b.ID}}},
		Mentions: []model.Mention{mention(t, a, "Almaty on", model.Place, "e-almaty"), mention(t, b, "Almaty,", model.Place, "e-almaty")}}
	almaty.Mentions[0].Span = model.SpanOf(a.ID, a.Text, strings.Index(a.Text, "Almaty on"), strings.Index(a.Text, "Almaty on")+6)
	almaty.Mentions[1].Span = model.SpanOf(b.ID, b.Text, strings.Index(b.Text, "Almaty,"), strings.Index(b.Text, "Almaty,")+6)
	d.Entities = []model.Entity{bakyt, sadykov, almaty}

	bk, sd := "e-bakyt", "e-sadykov"
	q1 := model.Quote{ID: "q1", Span: span(t, a, "I regret everything,"), Speaker: &bk, SpeakerText: "Zhumaliyev", Cue: "said", Direct: true, Channel: "broadcast", Date: str("2025-03-09"), Sentence: sentence(t, a, "I regret everything")}
	q2 := model.Quote{ID: "q2", Span: span(t, b, "was treated well"), Speaker: &sd, SpeakerText: "Marat Sadykov", Cue: "said", Direct: true, Date: str("2025-03-11"), Sentence: sentence(t, b, "was treated well")}
	q3 := model.Quote{ID: "q3", Span: span(t, c, "They told me what to say,"), Speaker: &bk, SpeakerText: "Zhumaliyev", Cue: "told", Addressee: "Steppe Review", Direct: true, Channel: "interview", Date: str("2025-06-23"), Sentence: sentence(t, c, "They told me")}
	d.Quotes = []model.Quote{q1, q2, q3}

	fv := func(doc *model.Document, sub string, v model.Value) model.FactValue {
		return model.FactValue{Span: span(t, doc, sub), Sentence: sentence(t, doc, sub), Value: v, Polarity: "asserted", Date: doc.Published}
	}
	ageA := fv(a, "31", model.Value{Kind: model.KindAge, Amount: 31, Unit: "years"})
	ageB := fv(b, "32-year-old", model.Value{Kind: model.KindAge, Amount: 32, Unit: "years"})
	detA := fv(a, "5 March", model.Value{Kind: model.KindDate, Date: "2025-03-05", Granularity: model.GranDay})
	detB := fv(b, "6 March", model.Value{Kind: model.KindDate, Date: "2025-03-06", Granularity: model.GranDay})
	tortB := fv(b, "not tortured", model.Value{Kind: model.KindEvent, Text: "tortured"})
	tortB.Polarity, tortB.AttributedTo = "negated", "e-sadykov"
	tortC := fv(c, "was beaten", model.Value{Kind: model.KindEvent, Text: "tortured"})
	tortC.AttributedTo = "e-bakyt"
	payA := fv(a, "70,000 tenge", model.Value{Kind: model.KindMoney, Amount: 70000, Currency: "KZT"})
	fineB := fv(b, "196,600 tenge", model.Value{Kind: model.KindMoney, Amount: 196600, Currency: "KZT"})
	placeA := fv(a, "Almaty", model.Value{Kind: model.KindPlace, Entity: "e-almaty"})
	placeB := fv(b, "in Almaty", model.Value{Kind: model.KindPlace, Entity: "e-almaty"})
	placeA2 := fv(a, "in Almaty", model.Value{Kind: model.KindPlace, Entity: "e-almaty"}) // the same value again
	d.Facts = []model.Fact{
		{ID: "f-place", Subject: "e-bakyt", SubjectName: "Bakyt Zhumaliyev", Attribute: "detention_place", Status: model.Agreed, Values: []model.FactValue{placeA, placeB, placeA2}},
		{ID: "f-fine", Subject: "e-bakyt", Attribute: "fine", Status: model.SingleSource, Values: []model.FactValue{fineB}},
		{ID: "f-age", Subject: "e-bakyt", Attribute: "age", Status: model.Disputed, Values: []model.FactValue{ageA, ageB}, Note: "31 vs 32"},
		{ID: "f-detained", Subject: "e-bakyt", Attribute: "detention_date", Status: model.Disputed, Values: []model.FactValue{detA, detB}},
		{ID: "f-torture", Subject: "e-bakyt", Attribute: "tortured", Status: model.Changed, Values: []model.FactValue{tortB, tortC}, Note: "consul on 11 March vs interview in June"},
		{ID: "f-pay", Subject: "e-bakyt", Attribute: "promised_payment", Status: model.SingleSource, Values: []model.FactValue{payA}},
	}
	ev := func(doc *model.Document, sub, date string) model.EventSource {
		return model.EventSource{Span: span(t, doc, sub), Sentence: sentence(t, doc, sub), Date: date}
	}
	d.Timeline = []model.Event{
		{ID: "ev-detained", Date: "2025-03-05", Granularity: model.GranDay, Summary: "Zhumaliyev detained in Almaty", Entities: []string{"e-bakyt"}, Conflict: true,
			Sources: []model.EventSource{ev(a, "detained in Almaty on 5 March", "2025-03-05"), ev(b, "detained on 6 March", "2025-03-06")}},
		{ID: "ev-visit", Date: "2025-03-11", Granularity: model.GranDay, Summary: "Consul visits <script>x</script>", Entities: []string{"e-sadykov"},
			Sources: []model.EventSource{ev(a, "visited him on 11 March", "2025-03-11")}},
		{ID: "ev-release", Date: "2025-03-12", Granularity: model.GranDay, Summary: "Released after fine",
			Sources: []model.EventSource{ev(b, "released on 12 March", "2025-03-12")}},
		{ID: "ev-interview", Date: "2025-06", Granularity: model.GranMonth, Summary: "Interview: beaten in custody",
			Sources: []model.EventSource{ev(c, "in June", "2025-06")}},
	}
	if err := st.PutStory(ctx, story, d); err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		doc.Raw = nil
		d.Documents = append(d.Documents, *doc)
	}
	return &fixture{store: st, storyID: story.ID, docs: docs, dossier: d}
}

// fakeAnalyzer stores inputs as documents of one story, as the pipeline
// would, without annotation.
type fakeAnalyzer struct{ st model.Store }

func (f fakeAnalyzer) Analyze(ctx context.Context, inputs []ingest.Input, storyID string) (*web.AnalyzeResult, error) {
	res := &web.AnalyzeResult{StoryID: storyID}
	if storyID == "" {
		res.StoryID = "new-story"
	}
	story := model.Story{ID: res.StoryID, Title: "Added story"}
	if storyID != "" {
		d, err := f.st.StoryDossier(ctx, storyID)
		if err != nil {
			return nil, err
		}
		for _, s := range d.Stories {
			if s.ID == storyID {
				story = s
			}
		}
	}
	for _, in := range inputs {
		doc := &model.Document{ID: model.DocumentID(in.Raw), Source: in.Source, Format: in.Format, Text: string(in.Raw), Raw: in.Raw, Title: str(in.Source)}
		ok, err := f.st.PutDocument(ctx, doc)
		if err != nil {
			return nil, err
		}
		if ok {
			res.Added++
		} else {
			res.Known++
		}
		story.Documents = append(story.Documents, doc.ID)
	}
	d := model.NewDossier()
	d.Stories = []model.Story{story}
	return res, f.st.PutStory(ctx, story, d)
}

func newServer(t testing.TB, f *fixture, opts web.Options) *web.Server {
	t.Helper()
	if opts.Store == nil {
		opts.Store = f.store
	}
	if opts.Analyzer == nil {
		opts.Analyzer = fakeAnalyzer{f.store}
	}
	s, err := web.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}
