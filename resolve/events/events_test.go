package events_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/events"
)

var (
	loadOnce sync.Once
	loaded   *events.Resolver
	loadErr  error
)

func load(t testing.TB) *events.Resolver {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = events.Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

// annotated builds a document the way the pipeline does, with time
// expressions; entity mentions are placed by hand.
func annotated(id, published, text string, ents map[string]model.EntityType) *model.Annotated {
	toks, sents := tokenize.Split(text)
	doc := &model.Document{ID: id, Text: text, Sentences: sents, Published: model.Str(published), Language: model.Str("en")}
	a := &model.Annotated{Doc: doc, Tokens: toks}
	a.Reference = timex.Reference(doc)
	a.Timexes = timex.Extract(doc, a.Reference)
	for name, typ := range ents {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := model.SpanOf(id, text, off+i, off+i+len(name))
			sen, _ := doc.SentenceAt(s.Start)
			a.Mentions = append(a.Mentions, model.Mention{Span: s, Type: typ, Sentence: sen, Entity: "ent_" + strings.ToLower(strings.ReplaceAll(name, " ", "_"))})
			off += i + len(name)
		}
	}
	return a
}

// A fictional story in our own words: a flood in Varnell this week,
// and a flood of 2019 named as background.
func floodStory() []*model.Annotated {
	places := map[string]model.EntityType{"Varnell": model.Place, "Ostrava Valley": model.Place}
	return []*model.Annotated{
		annotated("d1", "2031-04-16", "A flood swept through Varnell on Tuesday, killing 12 people, officials said.\n\nThe flood destroyed 300 homes. In 2019, a flood in the Ostrava Valley killed 40 people.", places),
		annotated("d2", "2031-04-16", "Floodwaters swept through Varnell on Tuesday. At least 14 people were killed in the flood, the mayor said.", places),
		annotated("d3", "2031-04-17", "Rescuers searched Varnell after Tuesday's flood killed 12 people. The flood was the worst since 2019, when 40 people died in the Ostrava Valley.", places),
	}
}

func TestResolveFloodStory(t *testing.T) {
	r := load(t)
	docs := floodStory()
	res, err := r.Resolve(t.Context(), docs, nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mentions) == 0 {
		t.Fatal("no event mentions detected")
	}
	for _, m := range res.Mentions {
		var doc *model.Annotated
		for _, d := range docs {
			if d.Doc.ID == m.Doc {
				doc = d
			}
		}
		if doc.Doc.Text[m.Start:m.End] != m.Text || !m.Sentence.Contains(m.Range()) || m.Event == "" {
			t.Errorf("mention %+v: bad span, sentence or event", m)
		}
		if _, ok := res.Event(m.Event); !ok {
			t.Errorf("mention %q: event %s unknown", m.Text, m.Event)
		}
	}
	main, ok := res.Main()
	if !ok {
		t.Fatal("no main event")
	}
	if main.Role != model.EventMain || len(main.Docs) < 2 {
		t.Errorf("main event %+v: want one told by at least two documents", main)
	}
	// The two counts of this week's dead belong to one event; the 2019
	// toll belongs to another, a background event.
	at := func(doc, text, value string) model.Range {
		for _, d := range docs {
			if d.Doc.ID == doc {
				s := strings.Index(d.Doc.Text, text)
				i := strings.Index(d.Doc.Text[s:], value)
				return model.Range{Start: s + i, End: s + i + len(value)}
			}
		}
		t.Fatalf("%s: no %q", doc, text)
		return model.Range{}
	}
	this1 := at("d1", "killing 12", "12")
	this3 := at("d3", "killed 12", "12")
	old := at("d1", "killed 40", "40")
	e1, ok1 := res.EventAt("d1", this1)
	e3, ok3 := res.EventAt("d3", this3)
	eo, oko := res.EventAt("d1", old)
	if !ok1 || !ok3 || !oko {
		t.Fatalf("values without event: %v %v %v", ok1, ok3, oko)
	}
	if e1.ID == eo.ID {
		t.Errorf("this week's toll and the 2019 toll share event %s (%s)", e1.ID, e1.Label)
	}
	if eo.Role != model.EventBackground {
		t.Errorf("2019 flood: role %s (%s), want background", eo.Role, eo.Reason)
	}
	if g, ok := res.Governing("d1", this1); !ok || g.Reporting {
		t.Errorf("governing trigger of 12: %+v %v", g, ok)
	}
	_ = e3
	if !res.Background("d1", old) || res.Background("d1", this1) || res.Background("d3", this3) {
		t.Errorf("Background: 2019 toll %v, this week's %v and %v; want true, false, false",
			res.Background("d1", old), res.Background("d1", this1), res.Background("d3", this3))
	}
	if !res.Distinct("d1", this1, "d1", old) {
		t.Error("this week's toll and the 2019 toll are not Distinct")
	}
	if res.Distinct("d1", this1, "d3", this3) {
		t.Error("two tolls of this week's flood are Distinct")
	}
}

func TestBadInput(t *testing.T) {
	r := load(t)
	if _, err := r.Resolve(t.Context(), []*model.Annotated{nil}, nil, events.Options{}); err == nil {
		t.Error("want an error for a missing document")
	}
	empty := annotated("e", "2031-01-01", "", nil)
	res, err := r.Resolve(t.Context(), []*model.Annotated{empty}, nil, events.Options{})
	if err != nil || len(res.Mentions) != 0 {
		t.Errorf("empty document: %v, %d mentions", err, len(res.Mentions))
	}
	if _, ok := res.Main(); ok {
		t.Error("an empty story has no main event")
	}
	d := annotated("x", "2031-01-01", "The bridge collapsed.", nil)
	bad := [][]model.EventMention{{{Span: model.Span{Start: 5, End: 500}}}}
	if _, err := r.Cluster(t.Context(), []*model.Annotated{d}, bad, nil, events.Options{}); err == nil {
		t.Error("want an error for a mention outside the text")
	}
	if _, err := r.Cluster(t.Context(), []*model.Annotated{d}, nil, nil, events.Options{}); err == nil {
		t.Error("want an error for mention lists that do not match the documents")
	}
	many := annotated("n", "2031-01-01", strings.Repeat("12 34 56 78 ", 2500), nil)
	if _, err := r.Resolve(t.Context(), []*model.Annotated{many}, nil, events.Options{}); err != nil {
		t.Errorf("10,000 numbers: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	r := load(t)
	a, err := r.Resolve(t.Context(), floodStory(), nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Resolve(t.Context(), floodStory(), nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Events) != len(b.Events) {
		t.Fatalf("%d vs %d events", len(a.Events), len(b.Events))
	}
	for i := range a.Events {
		if a.Events[i].ID != b.Events[i].ID || a.Events[i].Role != b.Events[i].Role {
			t.Errorf("event %d: %s/%s vs %s/%s", i, a.Events[i].ID, a.Events[i].Role, b.Events[i].ID, b.Events[i].Role)
		}
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("A bomb exploded on Friday. Police said two people died in the blast in 2004.")
	f.Add("")
	f.Add("\u0000\u00ff 12 34 , , said said")
	r := load(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := annotated("f", "2031-01-01", text, nil)
		res, err := r.Resolve(t.Context(), []*model.Annotated{d}, nil, events.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Mentions {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v does not slice the text", m)
			}
		}
		res.Governing("f", model.Range{Start: 0, End: min(1, len(text))})
	})
}

// valueAt is the byte range of value inside the first occurrence of
// context in document doc.
func valueAt(t *testing.T, docs []*model.Annotated, doc, context, value string) model.Range {
	t.Helper()
	for _, d := range docs {
		if d.Doc.ID != doc {
			continue
		}
		s := strings.Index(d.Doc.Text, context)
		if s < 0 {
			break
		}
		i := strings.Index(d.Doc.Text[s:], value)
		return model.Range{Start: s + i, End: s + i + len(value)}
	}
	t.Fatalf("%s: no %q", doc, context)
	return model.Range{}
}

// Two dates given for one arrest anchor its two mentions apart, but that
// is the disagreement a fact-checker must see: a trigger's time that is
// the value itself is no evidence of two events. Counts of arrests
// dated weeks apart are.
func TestDistinctNotByTheValueItself(t *testing.T) {
	r := load(t)
	docs := []*model.Annotated{
		annotated("a", "2031-03-22", "Police arrested the harbour master on 5 March. He arrested 12 dockers on 2 March, the union said.", nil),
		annotated("b", "2031-03-22", "Police arrested the harbour master on 20 March. Guards arrested 15 dockers on 21 March, the union said.", nil),
	}
	res, err := r.Resolve(t.Context(), docs, nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	da := valueAt(t, docs, "a", "on 5 March", "5 March")
	db := valueAt(t, docs, "b", "on 20 March", "20 March")
	if res.Distinct("a", da, "b", db) {
		t.Error("the two dates of one arrest are Distinct: the values themselves were taken as evidence")
	}
	ca := valueAt(t, docs, "a", "12 dockers", "12")
	cb := valueAt(t, docs, "b", "15 dockers", "15")
	if !res.Distinct("a", ca, "b", cb) {
		t.Error("arrests of 2 March and 21 March are not Distinct")
	}
}

// A value the story recalls from years back is Recalled and Distinct
// from this week's; a follow-up weeks after the main event is neither:
// stories run on for weeks.
func TestRecalled(t *testing.T) {
	r := load(t)
	docs := floodStory()
	docs = append(docs, annotated("d4", "2031-05-12", "Four weeks after the flood, 30 families returned to Varnell on 10 May.", map[string]model.EntityType{"Varnell": model.Place}))
	res, err := r.Resolve(t.Context(), docs, nil, events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := valueAt(t, docs, "d1", "killed 40", "40")
	this := valueAt(t, docs, "d2", "At least 14", "14")
	later := valueAt(t, docs, "d4", "30 families", "30")
	if !res.Recalled("d1", old) || res.RecalledDate("d1", old) != "2019" {
		t.Errorf("the 2019 toll: Recalled %v, date %q; want true, 2019", res.Recalled("d1", old), res.RecalledDate("d1", old))
	}
	if res.Recalled("d2", this) || res.Recalled("d4", later) {
		t.Errorf("Recalled: this week's toll %v, the return four weeks on %v; want false, false", res.Recalled("d2", this), res.Recalled("d4", later))
	}
	if !res.Distinct("d1", old, "d2", this) {
		t.Error("the 2019 toll and an undated toll of this week are not Distinct")
	}
	if res.Distinct("d2", this, "d4", later) {
		t.Error("an undated toll and a follow-up four weeks on are Distinct: no firm time says so")
	}
}
