package stories

import (
	"fmt"
	"math"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// article builds an annotated document from a title, a body, named
// people and places, and a publication date.
func article(id, title, body string, people, places []string, date string) *model.Annotated {
	text := title + "\n\n" + body
	doc := &model.Document{ID: id, Title: model.Str(title), Text: text}
	a := &model.Annotated{Doc: doc, Reference: model.Reference{Date: date}}
	for _, p := range people {
		a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Text: p}, Type: model.Person})
	}
	for _, p := range places {
		a.Mentions = append(a.Mentions, model.Mention{Span: model.Span{Text: p}, Type: model.Place})
	}
	if date != "" {
		a.Timexes = []model.Timex{{Value: date, Granularity: model.GranDay}}
	}
	return a
}

// Two similar events (two floods in different towns, years apart) and an
// unrelated one; each must become its own story, streamed in mixed order.
func TestStreamSeparatesSimilarEvents(t *testing.T) {
	var docs []*model.Annotated
	for i := 0; i < 4; i++ {
		docs = append(docs,
			article(fmt.Sprintf("a%d", i), "Flood sweeps Varnel after river bursts its banks",
				fmt.Sprintf("The Orlik river burst its banks in Varnel on Tuesday, flooding %d homes. Mayor Tamsin Grell ordered the evacuation of the lower town. Rescue boats reached 40 families.", 300+i),
				[]string{"Tamsin Grell", "Grell"}, []string{"Varnel", "Orlik"}, "2019-04-0"+fmt.Sprint(2+i%2)),
			article(fmt.Sprintf("b%d", i), "Flood hits Dorsk as dam gives way",
				fmt.Sprintf("A dam above Dorsk gave way overnight and the flood reached %d streets. Governor Ilya Markan said the army would help. Rescue boats searched the valley.", 12+i),
				[]string{"Ilya Markan", "Markan"}, []string{"Dorsk"}, "2023-09-1"+fmt.Sprint(1+i%2)),
			article(fmt.Sprintf("c%d", i), "Chess champion Oren Vale keeps title in Halden",
				"Oren Vale drew the final game and kept the world title. The match in Halden lasted three weeks. His challenger resigned after move 41.",
				[]string{"Oren Vale", "Vale"}, []string{"Halden"}, "2021-11-2"+fmt.Sprint(i%2)),
		)
	}
	c := New(DefaultOptions(), nil)
	got := map[string]string{}
	gold := map[string]string{}
	for _, a := range docs {
		a.Doc.Sentences = nil
		id, _ := c.Assign(a.Doc.ID, Extract(a))
		got[a.Doc.ID] = id
		gold[a.Doc.ID] = a.Doc.ID[:1]
	}
	for d := range got {
		got[d], _ = c.StoryOf(d)
	}
	s := Score(gold, got)
	if s.B3.F1 < 0.99 {
		t.Errorf("B³ F1 %.3f, want 1; stories %v", s.B3.F1, got)
	}
	if len(c.Stories()) != 3 {
		t.Errorf("%d stories, want 3", len(c.Stories()))
	}
}

// Two floods told in the same words of floods, in different towns with
// different people and years apart, are two stories of one topic; a chess
// match is a topic of its own. A topic is named after its first story.
func TestTopicsGroupRelatedStories(t *testing.T) {
	var docs []*model.Annotated
	for i := 0; i < 3; i++ {
		docs = append(docs,
			article(fmt.Sprintf("a%d", i), "Flood sweeps Varnel after the Orlik river bursts its banks",
				fmt.Sprintf("The Orlik river burst its banks in Varnel on Tuesday, flooding %d homes. Mayor Tamsin Grell ordered the evacuation of the lower town. Rescue boats reached 40 stranded families.", 300+i),
				[]string{"Tamsin Grell"}, []string{"Varnel", "Orlik"}, "2019-04-0"+fmt.Sprint(2+i%2)),
			article(fmt.Sprintf("b%d", i), "Dorsk flooded as the Teyla river bursts its banks",
				fmt.Sprintf("Flood water covered %d streets of Dorsk overnight after the Teyla burst its banks. Governor Ilya Markan ordered an evacuation and rescue boats searched for stranded families.", 12+i),
				[]string{"Ilya Markan"}, []string{"Dorsk", "Teyla"}, "2023-09-1"+fmt.Sprint(1+i%2)),
			article(fmt.Sprintf("c%d", i), "Chess champion Oren Vale keeps title in Halden",
				"Oren Vale drew the final game and kept the world title. The match in Halden lasted three weeks. His challenger resigned after move 41.",
				[]string{"Oren Vale"}, []string{"Halden"}, "2021-11-2"+fmt.Sprint(i%2)))
	}
	c := New(DefaultOptions(), nil)
	for _, a := range docs {
		c.Assign(a.Doc.ID, Extract(a))
	}
	story := func(d string) string { s, _ := c.StoryOf(d); return s }
	topic := func(d string) string { tp, _ := c.TopicOf(story(d)); return tp }
	if story("a0") == story("b0") || story("a0") != story("a2") || len(c.Stories()) != 3 {
		t.Fatalf("stories: a0 %s, a2 %s, b0 %s; %d stories", story("a0"), story("a2"), story("b0"), len(c.Stories()))
	}
	if topic("a0") != topic("b0") || topic("a0") == topic("c0") || topic("a0") != story("a0") {
		t.Errorf("topics: floods %s and %s, chess %s; want the floods together under %s", topic("a0"), topic("b0"), topic("c0"), story("a0"))
	}
}

func TestMergeAndRemove(t *testing.T) {
	c := New(DefaultOptions(), nil)
	p := Extract(article("x", "Bridge closed in Halden", "The old bridge in Halden was closed for repairs.", nil, []string{"Halden"}, "2022-01-01"))
	q := Extract(article("y", "Budget passed", "The council passed the budget.", nil, nil, ""))
	a, _ := c.Assign("x", p)
	b, _ := c.Assign("y", q)
	if a == b {
		t.Fatalf("unrelated documents in one story %s", a)
	}
	if err := c.Merge(a, b); err != nil {
		t.Fatal(err)
	}
	if s, _ := c.StoryOf("y"); s != a || len(c.Stories()) != 1 {
		t.Fatalf("after merge: y in %s, %d stories", s, len(c.Stories()))
	}
	if tp, _ := c.TopicOf(a); tp != a || len(c.topics) != 1 || c.topics[a].Profile.Docs != 2 {
		t.Fatalf("after merge: topic %s, %d topics", tp, len(c.topics))
	}
	c.Remove(a, "y", q)
	if _, ok := c.StoryOf("y"); ok || c.Story(a).Profile.Docs != 1 || c.topics[a].Profile.Docs != 1 {
		t.Fatalf("after remove: profile has %d docs, topic %d", c.Story(a).Profile.Docs, c.topics[a].Profile.Docs)
	}
	c.Remove(a, "x", p)
	if len(c.stories) != 0 || len(c.topics) != 0 {
		t.Fatalf("after removing every document: %d stories, %d topics", len(c.stories), len(c.topics))
	}
	if err := c.Merge(a, "nope"); err == nil {
		t.Error("merge with a missing story: no error")
	}
}

func TestScore(t *testing.T) {
	gold := map[string]string{"1": "A", "2": "A", "3": "B", "4": "B"}
	perfect := map[string]string{"1": "x", "2": "x", "3": "y", "4": "y"}
	if s := Score(gold, perfect); s.B3.F1 != 1 || s.Pairwise.F1 != 1 || s.Purity != 1 || math.Abs(s.ARI-1) > 1e-9 {
		t.Errorf("perfect clustering scored %+v", s)
	}
	one := map[string]string{"1": "x", "2": "x", "3": "x", "4": "x"}
	s := Score(gold, one)
	if s.B3.Recall != 1 || s.B3.Precision != 0.5 || s.Pairwise.Precision != 2.0/6 || s.Purity != 0.5 {
		t.Errorf("one cluster scored %+v", s)
	}
	if s.ARI != 0 {
		t.Errorf("one cluster ARI %v, want 0", s.ARI)
	}
}

func TestProfileRoundTrip(t *testing.T) {
	p := Extract(article("x", "Bridge closed in Halden", "The old bridge in Halden was closed for repairs on 3 March.", []string{"Mira Sol"}, []string{"Halden"}, "2022-03-03"))
	sum := NewProfile()
	sum.Add(p)
	sum.Add(p)
	sum.Subtract(p)
	for ch := range p.Features {
		for f, w := range p.Features[ch] {
			if math.Abs(sum.Features[ch][f]-w) > 1e-9 {
				t.Errorf("%v %q: %v after add, add, subtract; want %v", Channel(ch), f, sum.Features[ch][f], w)
			}
		}
	}
	if sum.Docs != 1 || sum.Years[2022] != 1 {
		t.Errorf("docs %d years %v", sum.Docs, sum.Years)
	}
	if len(p.Features[Names]) == 0 || len(p.Features[Places]) == 0 || len(p.Features[Dates]) == 0 {
		t.Errorf("channels missing: %+v", p.Features)
	}
}

// A day written without its year meets the same day written with it; a
// weekday with no date to count from gives no key at all.
func TestDayKeysWithoutYear(t *testing.T) {
	for v, want := range map[string]string{
		"2011-08-09":       "[2011-08 08-09 2011-08-09]",
		"XXXX-08-09":       "[08-09]",
		"XXXX-08":          "[]",
		"2011-08":          "[2011-08]",
		"XXXX-XX-XX":       "[]",
		"XXXX-XX-XXT09:30": "[]",
		"2011-W32":         "[]",
		"2004":             "[]",
	} {
		if got := fmt.Sprint(dateKeys(v)); got != want {
			t.Errorf("dateKeys(%q) = %s, want %s", v, got, want)
		}
	}
}

// An undated report points to the latest year its text writes; a dated
// one to its own year, whatever past years it writes.
func TestWrittenYear(t *testing.T) {
	a := article("u", "Quake strikes the coast", "The quake was the strongest since the 2004 tsunami and the 1998 flood.", nil, nil, "")
	a.Timexes = []model.Timex{{Value: "1998", Granularity: model.GranYear}, {Value: "2004", Granularity: model.GranYear}, {Value: "XXXX-07-02", Granularity: model.GranDay}}
	if p := Extract(a); fmt.Sprint(p.Written) != "map[2004:1]" || len(p.Years) != 0 {
		t.Errorf("undated: written %v, years %v; want map[2004:1] and none", p.Written, p.Years)
	}
	a.Reference.Date = "2013-07-02"
	if p := Extract(a); fmt.Sprint(p.Written) != "map[2013:1]" || fmt.Sprint(p.Years) != "map[2013:1]" {
		t.Errorf("dated: written %v, years %v; want 2013 for both", p.Written, p.Years)
	}
}

// Documents placed all at once keep a document placed before where it is,
// and come out as the streamed ones do on an easy pile: one story per
// event.
func TestAssignAll(t *testing.T) {
	c := New(DefaultOptions(), nil)
	first := article("c0", "Chess champion Oren Vale keeps title in Halden",
		"Oren Vale drew the final game and kept the world title. The match in Halden lasted three weeks.",
		[]string{"Oren Vale"}, []string{"Halden"}, "2021-11-20")
	kept, _ := c.Assign("c0", Extract(first))
	var ids []string
	var profiles []*Profile
	for i := 0; i < 3; i++ {
		for _, a := range []*model.Annotated{
			article(fmt.Sprintf("a%d", i), "Flood sweeps Varnel after river bursts its banks",
				fmt.Sprintf("The Orlik river burst its banks in Varnel, flooding %d homes. Mayor Tamsin Grell ordered the evacuation.", 300+i),
				[]string{"Tamsin Grell"}, []string{"Varnel", "Orlik"}, "2019-04-02"),
			article(fmt.Sprintf("c%d", i+1), "Oren Vale keeps the chess title in Halden",
				"Oren Vale kept the world title after a draw in the final game in Halden.",
				[]string{"Oren Vale"}, []string{"Halden"}, "2021-11-21"),
		} {
			ids = append(ids, a.Doc.ID)
			profiles = append(profiles, Extract(a))
		}
	}
	ids, profiles = append(ids, "c0"), append(profiles, Extract(first))
	got := c.AssignAll(ids, profiles)
	if got[len(got)-1] != kept {
		t.Errorf("c0 moved from %s to %s", kept, got[len(got)-1])
	}
	for i, id := range ids {
		if want := kept; id[0] == 'c' && got[i] != want {
			t.Errorf("%s in %s, want %s", id, got[i], want)
		}
		if id[0] == 'a' && (got[i] == kept || got[i] != got[0]) {
			t.Errorf("%s in %s, want the flood story %s", id, got[i], got[0])
		}
	}
	if n := len(c.Stories()); n != 2 {
		t.Errorf("%d stories, want 2", n)
	}
}

// A document whose days of the year are all unlike the story's days is
// marked; one sharing a day, or a side naming no day, is not.
func TestOtherDays(t *testing.T) {
	prof := func(keys ...string) *Profile {
		p := NewProfile()
		for _, k := range keys {
			p.Features[Dates][k] = 1
		}
		return p
	}
	for _, c := range []struct {
		doc, story *Profile
		want       bool
	}{
		{prof("01-04"), prof("07-02", "2013-07"), true},
		{prof("01-04", "07-02"), prof("07-02"), false},
		{prof("2013-07"), prof("07-02"), false},
		{prof("01-04"), prof("2013-07"), false},
	} {
		if got := otherDays(c.doc, c.story); got != c.want {
			t.Errorf("otherDays(%v, %v) = %v, want %v", c.doc.Features[Dates], c.story.Features[Dates], got, c.want)
		}
	}
}

// twoFloods returns n reports each of two floods told in the same words,
// in other towns, with other people and days.
func twoFloods(n int) (a, b []*model.Annotated) {
	for i := 0; i < n; i++ {
		a = append(a, article(fmt.Sprintf("a%d", i), "Flood sweeps Varnel after the river bursts its banks",
			fmt.Sprintf("The Orlik river burst its banks in Varnel, flooding %d homes. Mayor Tamsin Grell ordered the evacuation and rescue boats reached stranded families.", 300+i),
			[]string{"Tamsin Grell"}, []string{"Varnel", "Orlik"}, "2019-04-02"))
		b = append(b, article(fmt.Sprintf("b%d", i), "Flood sweeps Dorsk after the river bursts its banks",
			fmt.Sprintf("The Teyla river burst its banks in Dorsk, flooding %d streets. Governor Ilya Markan ordered the evacuation and rescue boats reached stranded families.", 12+i),
			[]string{"Ilya Markan"}, []string{"Dorsk", "Teyla"}, "2023-09-11"))
	}
	return a, b
}

// A story that holds two events (as streaming makes when the first
// reports of each meet before any third) is clustered again when a report
// joins it: the larger event keeps the story's ID, the other becomes a
// story of its own, and the moves are returned. A story a user merged is
// left alone.
func TestRevisitSplitsAStoryOfTwoEvents(t *testing.T) {
	for _, pinned := range []bool{false, true} {
		c := New(DefaultOptions(), nil)
		a, b := twoFloods(3)
		profiles := map[string]*Profile{}
		mixed := append(append([]*model.Annotated{}, a...), b[:2]...)
		for _, x := range mixed {
			p := Extract(x)
			profiles[x.Doc.ID] = p
			c.Observe(p)
			c.AddTo("s-mixed", x.Doc.ID, p)
		}
		if pinned { // a user merged the story as it was
			c.PinDecided([]Decision{{Kind: Merged, Stories: []string{"s-mixed", "s-gone"}, Result: "s-mixed"}})
		}
		last := Extract(b[2])
		profiles["b2"] = last
		c.Observe(last)
		c.AddTo("s-mixed", "b2", last)
		source := func(ids []string) (map[string]*Profile, error) {
			out := map[string]*Profile{}
			for _, id := range ids {
				out[id] = profiles[id]
			}
			return out, nil
		}
		moves, err := c.Revisit("s-mixed", source)
		if err != nil {
			t.Fatal(err)
		}
		if pinned {
			if len(moves) != 0 || len(c.Stories()) != 1 {
				t.Errorf("pinned: %d moves, %d stories; want none moved, 1 story", len(moves), len(c.Stories()))
			}
			continue
		}
		if len(moves) != 3 {
			t.Fatalf("%d moves %v, want the 3 Dorsk reports", len(moves), moves)
		}
		for _, m := range moves {
			if m.Doc[0] != 'b' || m.From != "s-mixed" || m.To != moves[0].To {
				t.Errorf("move %+v, want each Dorsk report from s-mixed to one new story", m)
			}
		}
		for _, x := range a {
			if s, _ := c.StoryOf(x.Doc.ID); s != "s-mixed" {
				t.Errorf("%s in %s, want s-mixed", x.Doc.ID, s)
			}
		}
		if got := c.Story(moves[0].To); got == nil || len(got.Docs) != 3 || got.Profile.Docs != 3 {
			t.Errorf("new story %v, want 3 documents", got)
		}
	}
}
