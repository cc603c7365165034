package timeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/compare/timeline"
	"github.com/parallaxnews/parallax/model"
)

type fixtureDoc struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
	Mentions  []struct {
		Text   string           `json:"text"`
		Type   model.EntityType `json:"type"`
		Entity string           `json:"entity"`
	} `json:"mentions"`
}

// load reads testdata/timeline/<name>/docs.json and annotates each document
// with the timex stage and the listed mentions (every occurrence of each
// mention text that is not inside a longer listed mention).
func load(t testing.TB, name string) []*model.Annotated {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "timeline", name, "docs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fds []fixtureDoc
	if err := json.Unmarshal(b, &fds); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []*model.Annotated
	for _, fd := range fds {
		doc := &model.Document{ID: fd.ID, Text: fd.Text, Published: model.Str(fd.Published), Language: model.Str(fd.Language)}
		ref := timex.Reference(doc)
		a := &model.Annotated{Doc: doc, Reference: ref, Timexes: timex.Extract(doc, ref)}
		taken := make([]bool, len(fd.Text))
		// Longer mention texts first, so "Marat Zhylanbayev" wins over "Zhylanbayev".
		ms := fd.Mentions
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				if len(ms[j].Text) > len(ms[i].Text) {
					ms[i], ms[j] = ms[j], ms[i]
				}
			}
		}
		for _, m := range ms {
			for from := 0; ; {
				i := strings.Index(fd.Text[from:], m.Text)
				if i < 0 {
					break
				}
				at := from + i
				from = at + len(m.Text)
				if taken[at] {
					continue
				}
				for k := at; k < at+len(m.Text); k++ {
					taken[k] = true
				}
				a.Mentions = append(a.Mentions, model.Mention{Span: model.SpanOf(doc.ID, doc.Text, at, at+len(m.Text)), Type: m.Type, Entity: m.Entity})
			}
		}
		out = append(out, a)
	}
	return out
}

func checkSources(t *testing.T, docs []*model.Annotated, events []model.Event) {
	t.Helper()
	texts := map[string]string{}
	for _, a := range docs {
		texts[a.Doc.ID] = a.Doc.Text
	}
	for _, ev := range events {
		if len(ev.Sources) == 0 || ev.ID == "" || ev.Summary == "" || ev.Entities == nil {
			t.Errorf("incomplete event %+v", ev)
		}
		for _, s := range ev.Sources {
			text := texts[s.Doc]
			if s.Start < 0 || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Errorf("source span %+v does not point into %s", s.Span, s.Doc)
				continue
			}
			if !s.Sentence.Contains(s.Range()) {
				t.Errorf("sentence %+v does not contain source %+v", s.Sentence, s.Range())
			}
			if s.Date == "" {
				t.Errorf("source without date: %+v", s)
			}
		}
	}
	for i := 1; i < len(events); i++ {
		if events[i].Date[:7] < events[i-1].Date[:7] {
			t.Errorf("not sorted: %s before %s", events[i-1].Date, events[i].Date)
		}
	}
}

func find(events []model.Event, pred func(model.Event) bool) *model.Event {
	for i := range events {
		if pred(events[i]) {
			return &events[i]
		}
	}
	return nil
}

func TestMergeAndConflict(t *testing.T) {
	docs := load(t, "arrest-conflict")
	if docs[2].Reference.Date != "2022-01-12" || !docs[2].Reference.Inferred {
		t.Fatalf("doc-c reference: %+v", docs[2].Reference)
	}
	events, err := timeline.Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, docs, events)
	var dates []string
	for _, ev := range events {
		dates = append(dates, ev.Date)
	}
	if got, want := strings.Join(dates, " "), "2022-01-03 2022-01-09 2022-02-02"; got != want {
		for _, ev := range events {
			t.Logf("%s %v %q %v", ev.Date, ev.Conflict, ev.Summary, ev.Sources)
		}
		t.Fatalf("event dates: got %s, want %s", got, want)
	}
	arrest := events[0]
	if !arrest.Conflict || len(arrest.Sources) != 3 {
		t.Fatalf("arrest: want a conflict with 3 sources, got %+v", arrest)
	}
	byDoc := map[string]string{}
	for _, s := range arrest.Sources {
		byDoc[s.Doc] = s.Date
	}
	if byDoc["doc-a"] != "2022-01-03" || byDoc["doc-b"] != "2022-01-07" || byDoc["doc-c"] != "2022-01-03" {
		t.Errorf("each source keeps its own date: %v", byDoc)
	}
	if !contains(arrest.Entities, "e-zhylanbayev") {
		t.Errorf("arrest entities: %v", arrest.Entities)
	}
	shooting := events[1]
	if shooting.Conflict || len(shooting.Sources) != 2 || shooting.Granularity != model.GranDay {
		t.Errorf("shooting: want one agreed event with 2 sources, got %+v", shooting)
	}
	// The summary is the clause, without the attribution.
	if strings.Contains(shooting.Summary, "officials said") || strings.Contains(shooting.Summary, "killing four") && len(shooting.Summary) > 80 {
		t.Errorf("shooting summary: %q", shooting.Summary)
	}
	if strings.Contains(events[2].Summary, "prosecutor") || !strings.Contains(events[2].Summary, "trial") {
		t.Errorf("trial summary: %q", events[2].Summary)
	}
	// The date line of doc-c is not an event.
	if e := find(events, func(ev model.Event) bool { return ev.Date == "2022-01-12" }); e != nil {
		t.Errorf("date line became an event: %+v", e)
	}
}

func TestSeparateEventsSameParticipants(t *testing.T) {
	docs := load(t, "separate-events")
	events, err := timeline.Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, docs, events)
	for _, ev := range events {
		t.Logf("%s conflict=%v %q entities=%v sources=%d", ev.Date, ev.Conflict, ev.Summary, ev.Entities, len(ev.Sources))
	}
	shot := find(events, func(ev model.Event) bool { return ev.Date == "2013-03-09" })
	if shot == nil || len(shot.Sources) != 2 || shot.Conflict {
		t.Fatalf("shooting on Saturday: want 2 agreeing sources, got %+v", shot)
	}
	// Unresolved mentions fall back to their text.
	if !contains(shot.Entities, "Kimani Gray") {
		t.Errorf("entities fall back to mention text: %v", shot.Entities)
	}
	// The vigil (Monday) and the rally (Tuesday) are different events even
	// though they share participants: their actions differ enough not to be
	// called a conflict.
	if len(events) != 3 {
		t.Errorf("want 3 events (shooting, vigil, rally), got %d", len(events))
	}
	for _, ev := range events {
		if ev.Conflict {
			t.Errorf("unexpected conflict: %+v", ev)
		}
	}
}

func TestEntityIndexFromResolvedEntities(t *testing.T) {
	docs := load(t, "separate-events")
	// Resolution reported through the entity list, not on the mentions.
	var ent model.Entity
	ent.ID, ent.Name = "e-gray", "Kimani Gray"
	for _, a := range docs {
		for _, m := range a.Mentions {
			if m.Text == "Kimani Gray" {
				ent.Mentions = append(ent.Mentions, m)
			}
		}
	}
	events, err := timeline.Build(context.Background(), docs, []model.Entity{ent})
	if err != nil {
		t.Fatal(err)
	}
	shot := find(events, func(ev model.Event) bool { return ev.Date == "2013-03-09" })
	if shot == nil || len(shot.Sources) != 2 {
		t.Fatalf("shooting: %+v", shot)
	}
}

func TestBadInput(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := timeline.Build(ctx, load(t, "separate-events"), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
	// Nil documents, out-of-range spans and unresolved values are skipped.
	doc := &model.Document{ID: "z", Text: "Short text."}
	a := &model.Annotated{Doc: doc, Timexes: []model.Timex{
		{Span: model.Span{Doc: "z", Start: 5, End: 500, Text: "x"}, Value: "2022-01-01"},
		{Span: model.Span{Doc: "z", Start: 0, End: 5, Text: "Short"}, Value: "XXXX-01-01"},
		{Span: model.Span{Doc: "z", Start: 0, End: 5, Text: "Short"}, Value: ""},
	}}
	events, err := timeline.Build(context.Background(), []*model.Annotated{nil, {Doc: nil}, a}, nil)
	if err != nil || len(events) != 0 {
		t.Errorf("bad input: %v %v", events, err)
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func BenchmarkBuild(b *testing.B) {
	base := load(b, "arrest-conflict")
	var docs []*model.Annotated
	size := 0
	// Fifty stories' worth of the fixture, each copy its own document.
	for k := 0; k < 50; k++ {
		for _, a := range base {
			c := *a
			d := *a.Doc
			d.ID = fmt.Sprintf("%s-%d", d.ID, k)
			c.Doc = &d
			docs = append(docs, &c)
			size += len(d.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := timeline.Build(context.Background(), docs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDatelinesTimesAndHeadVerbs(t *testing.T) {
	docs := load(t, "wire-dateline")
	events, err := timeline.Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, docs, events)
	for _, ev := range events {
		t.Logf("%s conflict=%v %q sources=%d", ev.Date, ev.Conflict, ev.Summary, len(ev.Sources))
	}
	// The wire date line (March 10) is the article's date, not an event,
	// and the lead it opens starts after it.
	if e := find(events, func(ev model.Event) bool { return ev.Date == "2025-03-10" }); e != nil {
		t.Errorf("date line became an event: %+v", e)
	}
	released := find(events, func(ev model.Event) bool { return ev.Date == "2025-03-09" })
	if released == nil || strings.HasPrefix(released.Summary, "ALMATY") || !strings.HasPrefix(released.Summary, "Kyrgyz musician") {
		t.Fatalf("lead after the date line: %+v", released)
	}
	// A bare clock time is not dated to a day: no event for the curfew.
	for _, ev := range events {
		if strings.Contains(ev.Summary, "curfew") {
			t.Errorf("clock time without a day became an event: %+v", ev)
		}
	}
	// A relative clause keeps its antecedent.
	began := find(events, func(ev model.Event) bool { return ev.Date == "2025-03-02" })
	if began == nil || !strings.HasPrefix(began.Summary, "The unrest, which began") {
		t.Errorf("relative clause summary: %+v", began)
	}
	// "returned on Thursday" is not a conflicting date for "released on
	// Sunday": the dates attach to different verbs.
	for _, ev := range events {
		if ev.Conflict || len(ev.Sources) > 1 {
			t.Errorf("released/returned wrongly merged: %+v", ev)
		}
	}
}

func TestSplitEntitiesAndPronouns(t *testing.T) {
	docs := load(t, "split-entities")
	events, err := timeline.Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, docs, events)
	// Resolution gave the detainee two IDs ("Bakyt Zhumaliyev", "Zhumaliyev"),
	// and the interview says "I": all three accounts are one detention.
	if len(events) != 1 || len(events[0].Sources) != 3 || events[0].Date != "2025-03-05" || events[0].Conflict {
		for _, ev := range events {
			t.Logf("%s %q %d", ev.Date, ev.Summary, len(ev.Sources))
		}
		t.Fatalf("want one event with three sources, got %d events", len(events))
	}
	// The pronoun's person is used for matching, not listed as named.
	for _, e := range events[0].Entities {
		if e == "I" {
			t.Errorf("pronoun listed as an entity: %v", events[0].Entities)
		}
	}
}

func TestRussianTimeline(t *testing.T) {
	docs := load(t, "russian")
	events, err := timeline.Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, docs, events)
	for _, ev := range events {
		t.Logf("%s conflict=%v %q sources=%d", ev.Date, ev.Conflict, ev.Summary, len(ev.Sources))
	}
	if len(events) != 2 {
		t.Fatalf("want 2 events (detention, shooting), got %d", len(events))
	}
	detention, shooting := events[0], events[1]
	if !detention.Conflict || len(detention.Sources) != 2 || detention.Date != "2022-01-03" && detention.Date != "2022-01-07" {
		t.Errorf("detention: want a conflict between 3 and 7 January, got %+v", detention)
	}
	if strings.Contains(detention.Summary, "сообщил") {
		t.Errorf("attribution left in the summary: %q", detention.Summary)
	}
	if shooting.Conflict || len(shooting.Sources) != 2 || shooting.Date != "2022-01-09" {
		t.Errorf("shooting: want 2 agreeing sources on 9 January, got %+v", shooting)
	}
}
