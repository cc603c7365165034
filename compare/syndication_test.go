package compare_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/model"
)

const wire = `Kazakhstan's state television has broadcast a video in which a Kyrgyz musician says he was paid to take part in last week's riots in Almaty, a confession his friends and the government of Kyrgyzstan say was made under duress. In the clip, aired late on Sunday by the Dala TV channel, Bakyt Zhumaliyev sits against a grey wall and says he was promised $150 to join crowds that stormed government buildings in Kazakhstan's largest city. Zhumaliyev, a sound engineer who also plays the komuz, was detained on March 5, according to the band he works for. Kazakh officials have not said when or where he was arrested.`

func TestMarkDuplicates(t *testing.T) {
	orig := &model.Document{ID: "orig", Text: wire, Published: model.Str("2025-03-10")}
	// The copy lost its last sentence and gained boilerplate, and arrived first.
	cut := wire[:strings.LastIndex(wire, "Kazakh officials")]
	cp := &model.Document{ID: "copy", Text: "Advertisement\n\n" + cut + "\n\nSource: Meridian Press. Get Asia Digest Pro.", Published: model.Str("2025-03-10T18:05")}
	other := &model.Document{ID: "other", Text: strings.Repeat("A different article about a different musician and a festival in Bishkek. ", 8), Published: model.Str("2025-03-09")}
	n := compare.MarkDuplicates([]*model.Document{cp, other, orig})
	if n != 1 {
		t.Fatalf("marked %d, want 1", n)
	}
	if cp.DuplicateOf == nil || *cp.DuplicateOf != "orig" {
		t.Errorf("copy.DuplicateOf = %v, want orig (the fuller text of the same date)", cp.DuplicateOf)
	}
	if orig.DuplicateOf != nil || other.DuplicateOf != nil {
		t.Errorf("original or unrelated document marked")
	}
}

func TestMarkDuplicatesEarliestWins(t *testing.T) {
	a := &model.Document{ID: "late", Text: wire, Published: model.Str("2025-03-11")}
	b := &model.Document{ID: "early", Text: wire, Published: model.Str("2025-03-10")}
	compare.MarkDuplicates([]*model.Document{a, b})
	if a.DuplicateOf == nil || *a.DuplicateOf != "early" || b.DuplicateOf != nil {
		t.Fatalf("late.DuplicateOf=%v early.DuplicateOf=%v", a.DuplicateOf, b.DuplicateOf)
	}
}

func TestMarkDuplicatesShortAndNil(t *testing.T) {
	docs := []*model.Document{nil, {ID: "a", Text: "Short."}, {ID: "b", Text: "Short."}, {ID: "c"}}
	if n := compare.MarkDuplicates(docs); n != 0 {
		t.Fatalf("marked %d short documents", n)
	}
}

func BenchmarkMarkDuplicates(b *testing.B) {
	var docs []*model.Document
	for i := 0; i < 50; i++ {
		docs = append(docs, &model.Document{ID: string(rune('a' + i%26)), Text: strings.Repeat(wire+" ", 3) + strings.Repeat("x", i)})
	}
	b.SetBytes(int64(len(wire) * 3 * len(docs)))
	for b.Loop() {
		for _, d := range docs {
			d.DuplicateOf = nil
		}
		compare.MarkDuplicates(docs)
	}
}
