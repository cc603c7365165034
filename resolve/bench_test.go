package resolve_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/evaluate"
)

// BenchmarkEntities resolves synthetic stories of growing size; compare the
// ns/op across sizes to see how the cost grows with the document count.
func BenchmarkEntities(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		docs := evaluate.SyntheticStory(n)
		var bytes int64
		for _, d := range docs {
			bytes += int64(len(d.Doc.Text))
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			b.SetBytes(bytes)
			for b.Loop() {
				if _, err := resolve.Entities(context.Background(), docs, resolve.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDeterministic resolves the same synthetic story twice and expects the
// same entity for every mention and the same entity list.
func TestDeterministic(t *testing.T) {
	run := func() ([]string, []string) {
		docs := evaluate.SyntheticStory(300)
		ents, err := resolve.Entities(context.Background(), docs, resolve.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var ids, names []string
		for _, d := range docs {
			for _, m := range d.Mentions {
				ids = append(ids, m.Entity)
			}
		}
		for _, e := range ents {
			names = append(names, e.ID+"="+e.Name)
		}
		return ids, names
	}
	a, an := run()
	b, bn := run()
	if fmt.Sprint(a) != fmt.Sprint(b) || fmt.Sprint(an) != fmt.Sprint(bn) {
		t.Error("two runs over the same story differ")
	}
}
