package syntax_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax"
)

var updateParses = flag.Bool("update", false, "rewrite testdata/parses.conllu from the embedded model")

// TestParsesUnchanged parses fixed sentences (our own, news-like) and
// compares every column with testdata/parses.conllu: a change to the
// scoring code that is meant to be only faster must leave it identical.
// After retraining, rewrite the file with
// "go test ./annotate/syntax -run TestParsesUnchanged -update" and read the
// diff.
func TestParsesUnchanged(t *testing.T) {
	m := load(t)
	src, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		for _, sent := range m.ParseText(line) {
			for i, w := range sent {
				fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%d:%d\n",
					i+1, w.Text, w.Lemma, w.UPOS, w.XPOS, syntax.FeatsString(w.Feats), w.Head+1, w.Rel, w.Start, w.End)
			}
			b.WriteString("\n")
		}
	}
	const golden = "testdata/parses.conllu"
	if *updateParses {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("%s line %d:\n got  %q\n want %q", golden, i+1, g, line)
		}
	}
	if len(got) != len(strings.Split(string(want), "\n")) {
		t.Fatalf("%d lines, want %d", len(got), len(strings.Split(string(want), "\n")))
	}
}
