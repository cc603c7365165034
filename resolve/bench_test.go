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
