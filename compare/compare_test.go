package compare_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/compare/internal/fixture"
	"github.com/parallaxnews/parallax/model"
)

func dump(facts []model.Fact) string {
	var b strings.Builder
	for _, f := range facts {
		fmt.Fprintf(&b, "%s %q %s %s: %s\n", f.ID, f.Subject, f.Attribute, f.Status, f.Note)
		for _, v := range f.Values {
			fmt.Fprintf(&b, "   %s %q %s %s attr=%q hedged=%v\n", v.Doc, v.Text, v.Value.Kind, v.Polarity, v.AttributedTo, v.Hedged)
		}
	}
	return b.String()
}

// TestFixtures runs every fixture under testdata/facts: each names the
// fact groups it must yield, with status and documents, and the values no
// fact may hold.
func TestFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "facts", "*", "fixture.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(filepath.Dir(p)), func(t *testing.T) { checkFixture(t, p) })
	}
}

func checkFixture(t *testing.T, path string) {
	f, docs, err := fixture.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := compare.Compare(context.Background(), docs, nil, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fa := range facts {
		for _, v := range fa.Values {
			var text string
			for _, d := range docs {
				if d.Doc.ID == v.Doc {
					text = d.Doc.Text
				}
			}
			if text[v.Start:v.End] != v.Text {
				t.Errorf("fact %s: span %d:%d is %q, Text %q", fa.ID, v.Start, v.End, text[v.Start:v.End], v.Text)
			}
			if !v.Sentence.Contains(v.Range()) {
				t.Errorf("fact %s: sentence %v does not contain value %v", fa.ID, v.Sentence, v.Range())
			}
		}
	}
	for _, w := range f.Want {
		var got *model.Fact
		for i := range facts {
			if facts[i].Subject == w.Subject && facts[i].Attribute == w.Attribute {
				got = &facts[i]
			}
		}
		if got == nil {
			t.Errorf("missing fact %q %s\n%s", w.Subject, w.Attribute, dump(facts))
			continue
		}
		if string(got.Status) != w.Status {
			t.Errorf("fact %q %s: status %s, want %s (%s)", w.Subject, w.Attribute, got.Status, w.Status, got.Note)
		}
		if w.Aside != nil {
			want := map[string]bool{}
			for _, a := range w.Aside {
				want[a] = true
			}
			for _, v := range got.Values {
				if v.Aside != want[v.Text] {
					t.Errorf("fact %q %s: value %q aside=%v, want %v", w.Subject, w.Attribute, v.Text, v.Aside, want[v.Text])
				}
			}
		}
		var docsGot []string
		seen := map[string]bool{}
		for _, v := range got.Values {
			if !seen[v.Doc] {
				seen[v.Doc] = true
				docsGot = append(docsGot, v.Doc)
			}
		}
		sort.Strings(docsGot)
		want := append([]string(nil), w.Docs...)
		sort.Strings(want)
		if strings.Join(docsGot, ",") != strings.Join(want, ",") {
			t.Errorf("fact %q %s: docs %v, want %v", w.Subject, w.Attribute, docsGot, want)
		}
	}
	for _, text := range f.Absent {
		for _, fa := range facts {
			for _, v := range fa.Values {
				if v.Text == text {
					t.Errorf("value %q should be in no fact, is in %s %s", text, fa.Attribute, fa.Status)
				}
			}
		}
	}
	if t.Failed() {
		t.Log(dump(facts))
	}
}
