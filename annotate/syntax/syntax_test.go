package syntax_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/annotate/syntax"
	"github.com/parallaxnews/parallax/internal/measure"
)

// loadModel reads the embedded model once for all tests (it is immutable).
var loadModel = sync.OnceValues(syntax.Load)

func load(tb testing.TB) *syntax.Model {
	tb.Helper()
	m, err := loadModel()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// checkTree fails unless every word has a head inside the sentence, exactly
// one word is the root and following heads from any word reaches it.
func checkTree(t *testing.T, words []syntax.Word) {
	t.Helper()
	roots := 0
	for i, w := range words {
		if w.Head == -1 {
			roots++
			if w.Rel != "root" {
				t.Errorf("root word %d %q has relation %q", i, w.Text, w.Rel)
			}
			continue
		}
		if w.Head < 0 || w.Head >= len(words) || w.Head == i {
			t.Fatalf("word %d %q: head %d out of range", i, w.Text, w.Head)
		}
		steps, h := 0, i
		for h != -1 {
			h = words[h].Head
			if steps++; steps > len(words) {
				t.Fatalf("word %d %q: heads form a cycle", i, w.Text)
			}
		}
	}
	if len(words) > 0 && roots != 1 {
		t.Errorf("%d roots, want 1", roots)
	}
}

// find returns the index of the first word with text w.
func find(t *testing.T, words []syntax.Word, w string) int {
	t.Helper()
	for i, x := range words {
		if x.Text == w {
			return i
		}
	}
	t.Fatalf("no word %q in %v", w, texts(words))
	return -1
}

func texts(words []syntax.Word) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.Text
	}
	return out
}

func describe(words []syntax.Word) string {
	var b strings.Builder
	for i, w := range words {
		head := "ROOT"
		if w.Head >= 0 {
			head = words[w.Head].Text
		}
		b.WriteString(strings.Join([]string{w.Text, w.UPOS, w.Rel, head}, "/"))
		if i < len(words)-1 {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// arc is one expected dependency: dep's head is head with relation rel
// (compared on the universal part, "nmod" for "nmod:poss"); head "" means
// the root.
type arc struct{ dep, head, rel string }

// TestNewsConstructions walks sentences of the kinds that broke fact
// extraction on real news and checks the arcs it relies on: which number a
// verb governs in a partitive, what a negation attaches to, who a speech
// verb's subject is, and what an apposition describes.
func TestNewsConstructions(t *testing.T) {
	m := load(t)
	cases := []struct {
		text string
		arcs []arc
	}{
		// Partitive: the verb governs the part (51), the whole (90) is a
		// number on the noun inside the "of" phrase.
		{"The storm destroyed 51 of the 90 houses in the village.", []arc{
			{"51", "destroyed", "obj"}, {"houses", "51", "nmod"}, {"90", "houses", "nummod"}, {"of", "houses", "case"},
		}},
		{"The fire killed 12 of the 40 workers on the night shift.", []arc{
			{"12", "killed", "obj"}, {"workers", "12", "nmod"}, {"40", "workers", "nummod"},
		}},
		// Negated place: "not" hangs on the place predicate, so the place
		// is denied, not asserted.
		{"The hostages were not in the capital.", []arc{
			{"not", "capital", "advmod"}, {"were", "capital", "cop"}, {"hostages", "capital", "nsubj"}, {"in", "capital", "case"},
		}},
		{"The minister did not visit the port.", []arc{
			{"not", "visit", "advmod"}, {"did", "visit", "aux"}, {"port", "visit", "obj"},
		}},
		// Attribution: the reported clause is the complement of the speech
		// verb, whose subject is the source.
		{"Police said the driver fled the scene.", []arc{
			{"said", "", "root"}, {"Police", "said", "nsubj"}, {"fled", "said", "ccomp"}, {"driver", "fled", "nsubj"},
		}},
		{"The bridge will reopen on Monday, officials said.", []arc{
			{"officials", "said", "nsubj"}, {"Monday", "reopen", "obl"},
		}},
		// Apposition: the description is an appos of the name, and the
		// name (not the description) is the subject.
		{"Marat Bekov, head of the customs service, said the border was closed.", []arc{
			{"Marat", "said", "nsubj"}, {"head", "Marat", "appos"}, {"service", "head", "nmod"}, {"closed", "said", "ccomp"},
		}},
		{"The company hired Lena Ortiz, a former banker, last year.", []arc{
			{"Ortiz", "Lena", "flat"}, {"banker", "Lena", "appos"}, {"Lena", "hired", "obj"},
		}},
	}
	for _, c := range cases {
		words := m.ParseText(c.text)
		if len(words) != 1 {
			t.Errorf("%q: %d sentences, want 1", c.text, len(words))
			continue
		}
		s := words[0]
		checkTree(t, s)
		for _, a := range c.arcs {
			d := find(t, s, a.dep)
			w := s[d]
			rel, _, _ := strings.Cut(w.Rel, ":")
			gotHead := ""
			if w.Head >= 0 {
				gotHead = s[w.Head].Text
			}
			if gotHead != a.head || rel != a.rel {
				t.Errorf("%q: %q ← %q (%s), want ← %q (%s)\n  parse: %s", c.text, a.dep, gotHead, w.Rel, a.head, a.rel, describe(s))
			}
		}
	}
}

func TestTagsLemmasFeatures(t *testing.T) {
	m := load(t)
	s := m.ParseWords(strings.Fields("The soldiers were carrying two wounded children ."))
	checkTree(t, s)
	want := []struct{ upos, xpos, lemma, number string }{
		{"DET", "DT", "the", ""}, {"NOUN", "NNS", "soldier", "Plur"}, {"AUX", "VBD", "be", "Plur"},
		{"VERB", "VBG", "carry", ""}, {"NUM", "CD", "two", ""}, {"ADJ", "JJ", "wounded", ""},
		{"NOUN", "NNS", "child", "Plur"}, {"PUNCT", ".", ".", ""},
	}
	for i, w := range want {
		g := s[i]
		if g.UPOS != w.upos || g.XPOS != w.xpos || g.Lemma != w.lemma || g.Feats.Number != w.number {
			t.Errorf("%q: %s %s %q %q, want %s %s %q %q", g.Text, g.UPOS, g.XPOS, g.Lemma, g.Feats.Number, w.upos, w.xpos, w.lemma, w.number)
		}
	}
	if f := s[2].Feats; f.Tense != "Past" || f.VerbForm != "Fin" {
		t.Errorf("were: features %s, want Tense=Past and VerbForm=Fin", syntax.FeatsString(f))
	}
}

func TestContractionsAreSplit(t *testing.T) {
	m := load(t)
	text := "They don't know where we’ll go."
	s := m.ParseText(text)[0]
	checkTree(t, s)
	got := texts(s)
	want := []string{"They", "do", "n't", "know", "where", "we", "’ll", "go", "."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("words %q, want %q", got, want)
	}
	for _, w := range s {
		if text[w.Start:w.End] != w.Text {
			t.Errorf("word %q has span %d-%d = %q", w.Text, w.Start, w.End, text[w.Start:w.End])
		}
	}
	if n := s[find(t, s, "n't")]; n.Lemma != "not" || n.Rel != "advmod" {
		t.Errorf("n't: lemma %q rel %q, want not, advmod", n.Lemma, n.Rel)
	}
}

// TestBadInput feeds text that is not prose: nothing panics, every
// sentence is one tree, and a very long sentence takes linear time.
func TestBadInput(t *testing.T) {
	m := load(t)
	for _, text := range []string{
		"", " \n\n ", "😀😀😀 🎉🎉", "1234567890 2345 99 0.5 3,000", "Москва 北京 London القاهرة 東京 Kyiv",
		strings.Repeat("-", 300), "\x00\xff\xfe", strings.Repeat("a", 5000),
	} {
		for _, s := range m.ParseText(text) {
			checkTree(t, s)
		}
	}
	if got := m.ParseWords(nil); len(got) != 0 {
		t.Errorf("ParseWords(nil) gave %d words", len(got))
	}
	// One sentence of 40,000 words and no punctuation: parsed in pieces
	// that still form one tree, in time proportional to its length.
	words := strings.Fields(strings.Repeat("the committee met officials from several towns and villages ", 5000))
	// Process CPU time, not wall time: on a loaded machine the wall clock
	// of one call moves with the other processes.
	start := measure.CPUTime()
	s := m.ParseWords(words)
	long := measure.CPUTime() - start
	checkTree(t, s)
	start = measure.CPUTime()
	m.ParseWords(words[:4000])
	short := measure.CPUTime() - start
	if long > 30*short+time.Second {
		t.Errorf("40,000 words took %s, 4,000 took %s: not linear", long, short)
	}
}

func FuzzParseText(f *testing.F) {
	m := load(f)
	for _, s := range []string{"", "😀", "12 34", "Он сказал, что police said 5 of 7.", "a,b,c", "\u200b\ufeff", "Mr. . . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range m.ParseText(text) {
			checkTree(t, s)
			for _, w := range s {
				if w.Start < 0 || w.End > len(text) || w.Start > w.End {
					t.Fatalf("word %q: span %d-%d outside the text", w.Text, w.Start, w.End)
				}
			}
		}
	})
}
