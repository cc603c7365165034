package syntax_test

import (
	"os"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax"
)

func BenchmarkParseText(b *testing.B) {
	m, err := syntax.Load()
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, s := range readSentences(b, "../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")[:500] {
		text.WriteString(s.Text + " ")
	}
	t := text.String()
	b.SetBytes(int64(len(t)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.ParseText(t)
	}
}

func readSentences(tb testing.TB, path string) []syntax.TreeSentence {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("no treebank: %v", err)
	}
	s, err := syntax.ReadCoNLLUFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
