package compare_test

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/model"
)

// annotated builds a document the way the pipeline's cheap stages do
// (tokens, sentences, quantities), so the comparison sees real values.
func annotated(id, outlet, date, text string) *model.Annotated {
	doc := &model.Document{ID: id, Text: text, Outlet: model.Str(outlet), Published: model.Str(date)}
	toks, sents := tokenize.Split(text)
	doc.Sentences = sents
	return &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
}

// noVerdictWithoutTwoSources fails when a fact is disputed or changed
// without values from two documents.
func noVerdictWithoutTwoSources(t *testing.T, facts []model.Fact) {
	t.Helper()
	for _, f := range facts {
		docs := map[string]bool{}
		for _, v := range f.Values {
			docs[v.Doc] = true
		}
		if (f.Status == model.Disputed || f.Status == model.Changed) && len(docs) < 2 {
			t.Errorf("%s %s from %d document(s): %s", f.Attribute, f.Status, len(docs), f.Reason)
		}
		if f.Reason == "" {
			t.Errorf("%s %s has no reason", f.Attribute, f.Status)
		}
	}
}

func TestBadInputGivesNoInventedVerdict(t *testing.T) {
	// Two sources each listing 5,000 counts in one sentence: every value
	// is like every other, which once made the grouping quadratic in
	// time and memory (8 minutes at 10,000 each).
	var half strings.Builder
	half.WriteString("Officials gave these figures:")
	for i := range 5000 {
		fmt.Fprintf(&half, " %d people,", i+1)
	}
	half.WriteString(" were counted.")
	var many strings.Builder
	many.WriteString("Officials gave these figures:")
	for i := range 10000 {
		fmt.Fprintf(&many, " %d people,", i+1)
	}
	many.WriteString(" were counted.")
	cases := map[string][]*model.Annotated{
		"no sentences":                         {annotated("a", "A", "2025-03-10", ""), annotated("b", "B", "2025-03-10", "   \n\n  ")},
		"one document":                         {annotated("a", "A", "2025-03-10", "Twelve people were killed. Later 15 people were killed, police said.")},
		"unknown units":                        {annotated("a", "A", "2025-03-10", "The fine was 40 zorks."), annotated("b", "B", "2025-03-11", "The fine was 55 zorks.")},
		"10,000 numbers":                       {annotated("a", "A", "2025-03-10", many.String()), annotated("b", "B", "2025-03-11", "Seven people were killed.")},
		"5,000 numbers in each of two sources": {annotated("a", "A", "2025-03-10", half.String()), annotated("b", "B", "2025-03-11", half.String())},
		"nil and empty doc":                    {nil, {Doc: nil}, annotated("b", "B", "2025-03-11", "Seven people were killed.")},
	}
	for name, docs := range cases {
		t.Run(name, func(t *testing.T) {
			// CPU time, not wall time: on a shared machine at load 20
			// the 5,000-value case took 1.9 s of CPU and 24 s of wall.
			start := cpuTime()
			facts, err := compare.Compare(context.Background(), docs, nil, compare.Options{})
			if err != nil {
				t.Fatal(err)
			}
			noVerdictWithoutTwoSources(t, facts)
			if el := cpuTime() - start; el > 20*time.Second {
				t.Errorf("took %v of CPU", el)
			}
		})
	}
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCompareStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := []*model.Annotated{annotated("a", "A", "2025-03-10", "Seven people were killed."), annotated("b", "B", "2025-03-11", "Nine people were killed.")}
	if _, err := compare.Compare(ctx, docs, nil, compare.Options{}); err == nil {
		t.Fatal("a cancelled comparison returned no error")
	}
}

// FuzzCompare checks that comparing two arbitrary documents never panics,
// gives every fact a reason, and never gives a verdict from one source.
func FuzzCompare(f *testing.F) {
	for _, s := range [][2]string{
		{"Twelve people were killed on Monday in Osh.", "Fifteen people died on Tuesday in Bishkek."},
		{"He was paid 70,000 tenge [$152].", "He was paid $400, police said."},
		{"Dozens of houses burned.", "About 200 houses burned, officials said."},
		{"", "7"},
		{"1 2 3 4 5 6 7 8 9 10 11 12", "a 17-year-old son"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []*model.Annotated{annotated("a", "A", "2025-03-10", a), annotated("b", "B", "2025-03-11", b)}
		facts, err := compare.Compare(context.Background(), docs, nil, compare.Options{})
		if err != nil {
			t.Fatal(err)
		}
		noVerdictWithoutTwoSources(t, facts)
	})
}
