package syntax_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/internal/measure"
)

// The benchmarks report cpu-MB/s: megabytes per second of process CPU
// time, which, unlike the wall-clock MB/s, stays comparable when other
// processes load the machine.

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
	cpu0 := measure.CPUTime()
	for i := 0; i < b.N; i++ {
		m.ParseText(t)
	}
	reportCPU(b, cpu0, len(t))
}

// BenchmarkParseWords tags and parses treebank sentences given as words:
// the model alone, without the tokeniser.
func BenchmarkParseWords(b *testing.B) {
	m, err := syntax.Load()
	if err != nil {
		b.Fatal(err)
	}
	sents := readSentences(b, "../../../shared/corpora/ud-en/ewt/en_ewt-ud-dev.conllu")[:500]
	forms := make([][]string, len(sents))
	size := 0
	for i, s := range sents {
		for _, w := range s.Words {
			forms[i] = append(forms[i], w.Form)
		}
		size += len(s.Text) + 1
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := measure.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, f := range forms {
			m.ParseWords(f)
		}
	}
	reportCPU(b, cpu0, size)
}

func reportCPU(b *testing.B, cpu0 time.Duration, size int) {
	if cpu := measure.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
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

// BenchmarkLoad reads the embedded model: the fixed cost of every process
// that parses.
func BenchmarkLoad(b *testing.B) {
	cpu0 := measure.CPUTime()
	for i := 0; i < b.N; i++ {
		if _, err := syntax.Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := measure.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
}
