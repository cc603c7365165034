package syndication_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/syndication"
)

const wire = `Kazakhstan's state television has broadcast a video in which a Kyrgyz musician says he was paid to take part in last week's riots in Almaty, a confession his friends and the government of Kyrgyzstan say was made under duress. In the clip, aired late on Sunday by the Dala TV channel, Bakyt Zhumaliyev sits against a grey wall and says he was promised $150 to join crowds that stormed government buildings in Kazakhstan's largest city. Zhumaliyev, a sound engineer who also plays the komuz, was detained on March 5, according to the band he works for. Kazakh officials have not said when or where he was arrested.`

const other = `Floodwater swept through three villages in the south of the province overnight, and rescuers in boats were still searching for two fishermen on Tuesday morning, the regional emergencies department said. The river rose by more than two metres in six hours after a dam upstream released water to protect its walls, according to local officials, who said they had warned residents by text message. Farmers said the warning came too late to move livestock to higher ground.`

func TestMarkNearCopy(t *testing.T) {
	orig := &model.Document{ID: "orig", Text: wire, Published: model.Str("2025-03-10")}
	// The copy lost its last sentence and gained boilerplate, and arrived first.
	cut := wire[:strings.LastIndex(wire, "Kazakh officials")]
	cp := &model.Document{ID: "copy", Text: "Advertisement\n\n" + cut + "\n\nSource: Meridian Press. Get Asia Digest Pro.", Published: model.Str("2025-03-10T18:05")}
	unrelated := &model.Document{ID: "other", Text: other, Published: model.Str("2025-03-09")}
	groups := syndication.Mark([]*model.Document{cp, unrelated, orig})
	if len(groups) != 1 || !strings.Contains(groups[0].Why, "near-identical text") {
		t.Fatalf("groups %+v, want one joined by text", groups)
	}
	if cp.DuplicateOf == nil || *cp.DuplicateOf != "orig" {
		t.Errorf("copy.DuplicateOf = %v, want orig (the fuller text of the same date)", cp.DuplicateOf)
	}
	if orig.DuplicateOf != nil || unrelated.DuplicateOf != nil {
		t.Errorf("original or unrelated document marked")
	}
}

func TestMarkEarliestWins(t *testing.T) {
	a := &model.Document{ID: "late", Text: wire, Published: model.Str("2025-03-11")}
	b := &model.Document{ID: "early", Text: wire, Published: model.Str("2025-03-10")}
	syndication.Mark([]*model.Document{a, b})
	if a.DuplicateOf == nil || *a.DuplicateOf != "early" || b.DuplicateOf != nil {
		t.Fatalf("late.DuplicateOf=%v early.DuplicateOf=%v", a.DuplicateOf, b.DuplicateOf)
	}
}

// Two outlets reprint one agency story with different edits: one source,
// the agency, with two carriers; the agency's own page is the original.
func TestMarkSameCredit(t *testing.T) {
	x := &model.Document{ID: "x", Outlet: model.Str("Daily Example"), Credit: model.Str("AP"), Text: wire}
	y := &model.Document{ID: "y", Outlet: model.Str("Example Herald"), Credit: model.Str("AP"), Text: other}
	own := &model.Document{ID: "ap", Outlet: model.Str("The Associated Press"), Text: "A short agency item about the confession, broadcast on Sunday, and the reaction in Bishkek on Monday."}
	indep := &model.Document{ID: "z", Outlet: model.Str("Steppe Times"), Credit: model.Str("Reuters"), Text: wire + " And more."}
	groups := syndication.Mark([]*model.Document{x, y, own, indep})
	if len(groups) != 1 {
		t.Fatalf("groups %+v, want one", groups)
	}
	g := groups[0]
	if g.Original != "ap" || len(g.Carriers) != 3 || g.Credit != "AP" {
		t.Errorf("group %+v, want original ap with carriers x, y, z? (z is a near copy of x)", g)
	}
	if *x.DuplicateOf != "ap" || *y.DuplicateOf != "ap" {
		t.Errorf("x→%v y→%v, want both → ap", *x.DuplicateOf, *y.DuplicateOf)
	}
}

func TestMarkShortAndNil(t *testing.T) {
	docs := []*model.Document{nil, {ID: "a", Text: "Short."}, {ID: "b", Text: "Short."}, {ID: "c"}}
	if g := syndication.Mark(docs); len(g) != 0 {
		t.Fatalf("grouped short documents: %+v", g)
	}
}

// Many documents: copies are still found through the LSH buckets, and no
// unrelated pair is joined.
func TestMarkMany(t *testing.T) {
	var docs []*model.Document
	for i := 0; i < 300; i++ {
		text := fmt.Sprintf("Report number %d from the district of %d. ", i, i*7) + fmt.Sprintf("Officials in district %d counted %d houses damaged and %d roads closed after the storm. ", i, i*3+1, i%17) +
			fmt.Sprintf("Schools in district %d stay shut until %d March while %d crews clear fallen trees. ", i, i%28+1, i%9+2) +
			fmt.Sprintf("The governor of region %d promised %d million for repairs by the end of the year.", i%40, i%13+1)
		docs = append(docs, &model.Document{ID: fmt.Sprintf("d%03d", i), Text: text})
	}
	docs = append(docs, &model.Document{ID: "copy", Text: docs[42].Text[:strings.LastIndex(docs[42].Text, " The governor")]})
	groups := syndication.Mark(docs)
	if len(groups) != 1 || groups[0].Original != "d042" || len(groups[0].Carriers) != 1 || groups[0].Carriers[0] != "copy" {
		t.Fatalf("groups %+v, want d042 carried by copy", groups)
	}
}

func BenchmarkMark(b *testing.B) {
	var docs []*model.Document
	for i := 0; i < 200; i++ {
		docs = append(docs, &model.Document{ID: fmt.Sprint(i), Text: fmt.Sprintf("Item %d. ", i) + strings.Repeat(wire+" ", 2)})
	}
	b.SetBytes(int64(len(wire) * 2 * len(docs)))
	for b.Loop() {
		for _, d := range docs {
			d.DuplicateOf = nil
		}
		syndication.Mark(docs)
	}
}

// A rewrite keeps two sentences of its source word for word: one source.
// Two independent reports quoting the same statement are not joined.
func TestMarkSharedSentences(t *testing.T) {
	kept := "Rescuers in the northern district pulled four more people from the collapsed school building on Tuesday night. The regional emergencies ministry said the search would continue through the weekend despite the snow. "
	a := &model.Document{ID: "a", Text: "A new opening paragraph written by the second outlet about the school. " + kept + "Its own closing line."}
	b := &model.Document{ID: "b", Text: kept + "Several further paragraphs of the original agency report follow here, with details the rewrite dropped entirely from its copy of the story."}
	quote := `"We will not stop searching until every child in the building has been found and brought home to their families," the minister told reporters. `
	c := &model.Document{ID: "c", Text: "An independent report from the scene with its own reporting. " + quote + quote + "More of its own text."}
	d := &model.Document{ID: "d", Text: "Another independent report with different wording throughout. " + quote + quote + "Its own ending."}
	groups := syndication.Mark([]*model.Document{a, b, c, d})
	if len(groups) != 1 || groups[0].Why != "shared sentences" {
		t.Fatalf("groups %+v, want a and b joined by shared sentences only", groups)
	}
	if c.DuplicateOf != nil || d.DuplicateOf != nil {
		t.Error("reports sharing only a quotation were joined")
	}
}

// An outlet that rewrites an agency story sentence by sentence keeps no
// five-word run, but each sentence keeps most of its content words in
// order: one source. An independent report of the same event, with the
// same names and numbers, and a report quoting the same statements are
// not joined.
func TestMarkRewrite(t *testing.T) {
	agency := `Floodwater cut off four mountain villages in the Alamedin valley on Thursday after the river burst through an earth dam. Emergency workers evacuated 312 residents by helicopter before nightfall, the regional emergencies office reported. Two shepherds remain missing near the upper pasture, where mudslides destroyed the only road. The regional governor promised compensation for every family whose house was damaged. Forecasters expect more heavy rain across the valley until Sunday morning.`
	rewrite := `Floodwater cut off four villages in the mountains of the Alamedin valley on Thursday when the river broke through an earth dam. Emergency crews evacuated 312 residents by helicopter before dark, the regional emergencies office said. Two shepherds are still missing near the upper pastures, where mudslides destroyed the only access road. The governor of the region promised compensation to every family whose home was damaged. Forecasters expect further heavy rain in the valley until Sunday morning.`
	independent := `Residents of the Alamedin valley spent Thursday night in school gyms after a dam failure sent water into their homes. Our correspondent counted dozens of flooded houses along the main road. Officials put the number evacuated at 312, and said two men who tend sheep had not been found. Villagers complained that warnings about the dam had been ignored for years. The governor, visiting a shelter, said the state would pay for repairs.`
	quote := func(own [3]string) string {
		return own[0] + ` "We evacuated every resident of the four villages before the water reached them," the head of the emergencies office said. "Two shepherds are still missing and the search goes on," he added. ` +
			own[1] + ` "The road to the upper pasture is gone," he said. "We need more helicopters," he said. ` + own[2] + ` "Rain is expected until Sunday," he said.`
	}
	a := &model.Document{ID: "agency", Text: agency, Published: model.Str("2025-05-01")}
	b := &model.Document{ID: "rewrite", Text: rewrite, Published: model.Str("2025-05-02")}
	c := &model.Document{ID: "independent", Text: independent}
	d := &model.Document{ID: "q1", Text: quote([3]string{"Rescuers worked through the night in the flooded valley, according to our reporter who reached it by a mountain track.",
		"Families who lost their houses were sleeping on mats in a school gym in the district centre, with blankets from the Red Crescent.",
		"Engineers blamed years of neglect of the earth dam, built in the nineteen sixties and never repaired since then."})}
	e := &model.Document{ID: "q2", Text: quote([3]string{"A press conference in the regional capital on Friday gave the first official account of the disaster in the valley.",
		"Journalists asked why the warning sirens installed last year had stayed silent during the night of the breach.",
		"Opposition deputies called for an inquiry into the money spent on dams across the province over the past decade."})}
	groups := syndication.Mark([]*model.Document{a, b, c, d, e})
	if len(groups) != 1 || groups[0].Why != "rewritten sentence by sentence" || groups[0].Original != "agency" {
		t.Fatalf("groups %+v, want the rewrite joined to the agency story, by rewrite only", groups)
	}
	if c.DuplicateOf != nil || d.DuplicateOf != nil || e.DuplicateOf != nil {
		t.Error("an independent report or one quoting the same statements was joined")
	}

	// With the outcomes of the checks kept, a second pass over the same
	// documents and one more checks only the pairs the new one brings,
	// and groups as Mark does.
	fresh := func(docs ...*model.Document) []*model.Document {
		out := make([]*model.Document, len(docs))
		for i, d := range docs {
			c := *d
			c.DuplicateOf = nil
			out[i] = &c
		}
		return out
	}
	checks := syndication.NewRewriteChecks()
	syndication.MarkWith(fresh(a, b, c, d), checks)
	first := checks.Made()
	if first == 0 {
		t.Fatal("no pair was checked for a rewrite: the check below tests nothing")
	}
	grown := fresh(a, b, c, d, e)
	got := syndication.MarkWith(grown, checks)
	if checks.Made() > 4 {
		t.Errorf("one more document: %d pairs checked; want at most its 4 pairs with the others", checks.Made())
	}
	if want := syndication.Mark(fresh(a, b, c, d, e)); fmt.Sprint(got) != fmt.Sprint(want) || grown[1].DuplicateOf == nil {
		t.Errorf("with kept checks: %+v; Mark: %+v", got, want)
	}
	syndication.MarkWith(fresh(a, b, c, d, e), checks)
	if checks.Made() != 0 || checks.Changed() {
		t.Errorf("the same documents again: %d pairs checked, changed %v; want none", checks.Made(), checks.Changed())
	}
}
