package eval

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

func TestFindFoldsWhitespaceAndQuotes(t *testing.T) {
	text := "He said: “It was  done”\non Monday."
	r, ok := find(text, `He said: "It was done" on Monday.`, 0, len(text))
	if !ok || r.Start != 0 || r.End != len(text) {
		t.Fatalf("got %v %v, want whole text", r, ok)
	}
	if _, ok := find(text, "absent", 0, len(text)); ok {
		t.Fatal("found an absent string")
	}
}

func TestScoreMatchesGroupsAndStatuses(t *testing.T) {
	a := &model.Document{ID: "A", Text: "He was detained on 5 March. He was paid $150."}
	b := &model.Document{ID: "B", Text: "He was detained on 7 March."}
	fileOf := map[string]string{"A": "a.txt", "B": "b.txt"}
	gold := Gold{Groups: []GoldGroup{
		{ID: "g1", Status: "disputed", Values: []GoldValue{
			{Doc: "a.txt", Text: "5 March", Sentence: "He was detained on 5 March."},
			{Doc: "b.txt", Text: "7 March", Sentence: "He was detained on 7 March."}}},
		{ID: "g2", Status: "single-source", Values: []GoldValue{
			{Doc: "a.txt", Text: "$150", Sentence: "He was paid $150."}}},
	}}
	val := func(d *model.Document, s string) model.FactValue {
		i := indexOf(d.Text, s)
		return model.FactValue{Span: model.SpanOf(d.ID, d.Text, i, i+len(s))}
	}
	facts := []model.Fact{
		{ID: "f1", Status: model.Disputed, Values: []model.FactValue{val(a, "5 March"), val(b, "7 March")}},
		{ID: "f2", Status: model.Agreed, Values: []model.FactValue{val(a, "$150")}},
		{ID: "f3", Status: model.Agreed, Values: []model.FactValue{val(b, "detained")}},
	}
	sc := StoryScore{Confusion: map[[2]string]int{}, ByStatus: map[model.Status]int{}, WrongBy: map[string]int{},
		KindValues: map[string]int{}, KindFound: map[string]int{}}
	score(&sc, gold, []*model.Document{a, b}, fileOf, facts)
	if sc.Matched != 2 || sc.StatusRight != 1 || sc.GoldValuesFound != 3 {
		t.Fatalf("matched %d, status right %d, values found %d; want 2, 1, 3", sc.Matched, sc.StatusRight, sc.GoldValuesFound)
	}
	// f3 touches an annotated sentence but matches no gold value: judged, wrong.
	if sc.JudgedPred != 3 || sc.PredValuesJudged != 4 || sc.PredValuesRight != 3 {
		t.Fatalf("judged %d groups, %d values, %d right; want 3, 4, 3", sc.JudgedPred, sc.PredValuesJudged, sc.PredValuesRight)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic(sub)
}
