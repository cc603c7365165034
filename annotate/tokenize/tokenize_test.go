package tokenize_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

func texts(toks []model.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func checkOffsets(t *testing.T, text string, toks []model.Token) {
	t.Helper()
	prev := 0
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %q has bad range [%d,%d) after %d", tok.Text, tok.Start, tok.End, prev)
		}
		if got := text[tok.Start:tok.End]; got != tok.Text {
			t.Fatalf("text[%d:%d] = %q, token says %q", tok.Start, tok.End, got, tok.Text)
		}
		prev = tok.End
	}
}

func TestTokensEdgeCases(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // tokens joined by |
	}{
		{"curly quotes", `He said “no” and ‘yes’.`, "He|said|“|no|”|and|‘|yes|’|."},
		{"straight quotes", `"Stop," she said.`, `"|Stop|,|"|she|said|.`},
		{"guillemets", `«Ак Жол» party`, "«|Ак|Жол|»|party"},
		{"em and en dashes", "Bishkek—Osh road, 2010–2012 and A – B", "Bishkek|—|Osh|road|,|2010|–|2012|and|A|–|B"},
		{"double hyphen", "wait--what", "wait|--|what"},
		{"titles", "Mr. and Mrs. Brown met Dr. Ali", "Mr.|and|Mrs.|Brown|met|Dr.|Ali"},
		{"dotted abbreviations", "the U.S. and U.K. e.g. this", "the|U.S.|and|U.K.|e.g.|this"},
		{"months", "on Jan. 9 and Sept. 12", "on|Jan.|9|and|Sept.|12"},
		{"units", "70 km west, 5km away", "70|km|west|,|5km|away"},
		{"numbers with separators", "90,000 tenge, 8.5%, 1,234.56 and 10:30", "90,000|tenge|,|8.5|%|,|1,234.56|and|10:30"},
		{"number then sentence comma", "In 2022, he", "In|2022|,|he"},
		{"decades and ordinals", "the 1990s, 21st century", "the|1990s|,|21st|century"},
		{"hyphenated names", "Kassym-Jomart Tokayev and Jean-Paul", "Kassym-Jomart|Tokayev|and|Jean-Paul"},
		{"apostrophe names", "O'Brien and D’Artagnan", "O'Brien|and|D’Artagnan"},
		{"possessive", "Kazakhstan’s president and Tokayev's", "Kazakhstan|’s|president|and|Tokayev|'s"},
		{"brackets", "90,000 tenge [$207] (approx.) {x}", "90,000|tenge|[|$|207|]|(|approx.|)|{|x|}"},
		{"ellipsis in brackets", "he […] left...", "he|[|…|]|left|..."},
		{"cyrillic", "Президент Токаев заявил, что «террористы» атаковали Алматы.", "Президент|Токаев|заявил|,|что|«|террористы|»|атаковали|Алматы|."},
		{"cyrillic abbreviations", "в г. Алматы, ул. Абая, т.е. здесь", "в|г.|Алматы|,|ул.|Абая|,|т.е.|здесь"},
		{"initials", "J. K. Rowling and А.С. Пушкин", "J.|K.|Rowling|and|А.С.|Пушкин"},
		{"url and email", "See https://example.com/a?b=1. Mail info@akipress.kg now", "See|https://example.com/a?b=1|.|Mail|info@akipress.kg|now"},
		{"hashtag", "#Qantar protests @user", "#Qantar|protests|@user"},
		{"sentence period not abbreviation", "He left Almaty. Then", "He|left|Almaty|.|Then"},
		{"empty", "", ""},
		{"spaces only", " \n\t ", ""},
		{"non-breaking space thousands", "90\u202f000 tenge", "90\u202f000|tenge"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := tokenize.Tokens(c.in)
			checkOffsets(t, c.in, toks)
			got := strings.Join(texts(toks), "|")
			if got != c.want {
				t.Errorf("Tokens(%q)\n got  %s\n want %s", c.in, got, c.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	toks := tokenize.Tokens("Paid $207, 90,000 tenge.")
	want := []model.TokenKind{model.TokenWord, model.TokenSymbol, model.TokenNumber, model.TokenPunct, model.TokenNumber, model.TokenWord, model.TokenPunct}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), texts(toks), len(want))
	}
	for i, tok := range toks {
		if tok.Kind != want[i] {
			t.Errorf("token %q: kind %d, want %d", tok.Text, tok.Kind, want[i])
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"simple", "He left. She stayed! Why? Nobody knows.", []string{"He left.", "She stayed!", "Why?", "Nobody knows."}},
		{"titles and initials", "Mr. J. R. Smith met Dr. Ali. They talked.", []string{"Mr. J. R. Smith met Dr. Ali.", "They talked."}},
		{"month abbreviation", "It happened on Jan. 5 in Almaty. Police came.", []string{"It happened on Jan. 5 in Almaty.", "Police came."}},
		{"U.S. inside", "The U.S. State Department said so. It was late.", []string{"The U.S. State Department said so.", "It was late."}},
		{"U.S. at end", "He flew to the U.S. The next day he spoke.", []string{"He flew to the U.S.", "The next day he spoke."}},
		{"etc. at end", "Bread, milk etc. Then he left.", []string{"Bread, milk etc.", "Then he left."}},
		{"closing quote", `“We did not shoot.” The officer left.`, []string{"“We did not shoot.”", "The officer left."}},
		{"closing bracket", "He agreed (reluctantly.) Then left.", []string{"He agreed (reluctantly.)", "Then left."}},
		{"straight quote opens next sentence", `"We did not," he said. "Their actions were planned."`, []string{`"We did not," he said.`, `"Their actions were planned."`}},
		{"straight quote closes", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"guillemets", "«Мы ждём его.» Брат ушёл.", []string{"«Мы ждём его.»", "Брат ушёл."}},
		{"lowercase after period", "The figure was 8.5 per cent. e.g. not. it goes on", []string{"The figure was 8.5 per cent. e.g. not. it goes on"}},
		{"paragraph break without period", "Headline here\n\nBody text starts. Second.", []string{"Headline here", "Body text starts.", "Second."}},
		{"paragraph break with spaces", "One\n  \nTwo", []string{"One", "Two"}},
		{"single newline is not a break", "A line\ncontinues here.", []string{"A line\ncontinues here."}},
		{"cyrillic", "Он уехал в г. Алматы. Она осталась. «Мы не стреляли», — сказал он.", []string{"Он уехал в г. Алматы.", "Она осталась.", "«Мы не стреляли», — сказал он."}},
		{"ellipsis then capital", "He waited… Nothing happened.", []string{"He waited…", "Nothing happened."}},
		{"trailing spaces", "  Hello there.  ", []string{"Hello there."}},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range tokenize.Sentences(c.in) {
				got = append(got, c.in[r.Start:r.End])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") || len(got) != len(c.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", c.in, got, c.want)
			}
		})
	}
}

// TestFixtures runs every case under testdata/tokenize: input.txt, the
// expected tokens (tokens.txt, joined by |) and sentences (sentences.txt,
// one per line).
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/tokenize/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in := readFile(t, filepath.Join(dir, "input.txt"))
			toks, sents := tokenize.Split(in)
			checkOffsets(t, in, toks)
			got, want := strings.Join(texts(toks), "|"), strings.TrimSpace(readFile(t, filepath.Join(dir, "tokens.txt")))
			if got != want {
				t.Errorf("tokens\n got  %s\n want %s", got, want)
			}
			var gotS []string
			for _, r := range sents {
				gotS = append(gotS, in[r.Start:r.End])
			}
			if g, w := strings.Join(gotS, "\n"), strings.TrimSpace(readFile(t, filepath.Join(dir, "sentences.txt"))); g != w {
				t.Errorf("sentences\n got  %s\n want %s", g, w)
			}
			// Every token lies in exactly one sentence.
			n := 0
			for _, st := range tokenize.SentenceTokens(toks, sents) {
				n += len(st)
			}
			if n != len(toks) {
				t.Errorf("SentenceTokens covers %d of %d tokens", n, len(toks))
			}
		})
	}
}

func TestNoPanicOnOddInput(t *testing.T) {
	for _, in := range []string{"\xff\xfe.", ".", "...", "'", "-", "U.", "a.b.", "1,", "1.", "$", "@", "#", "http://", "x@y", "\u2029"} {
		toks, sents := tokenize.Split(in)
		checkOffsets(t, in, toks)
		for _, s := range sents {
			if s.Start < 0 || s.End > len(in) || s.Start > s.End {
				t.Errorf("Split(%q): bad sentence %v", in, s)
			}
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("President Kassym-Jomart Tokayev said on Jan. 5 that “foreign-trained terrorists” had attacked Almaty. Mr. Smith of the U.S. State Department paid 90,000 tenge [$207].\n\n", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tokenize.Split(text)
	}
}

// TestLongInputLinear is the bad input issue 17 names, through the one
// tokeniser and sentence splitter every stage reads: one 2 MB sentence with
// no punctuation, only emoji, only digits, mixed scripts. Nothing panics,
// every token slices the text, and 2 MB costs about ten times 200 KB.
func TestLongInputLinear(t *testing.T) {
	for _, in := range []string{"", "😀🎉😀 🎉", "0123456789 42 7 1000000", "Бишкек 北京 London القاهرة Ош 東京"} {
		toks, sents := tokenize.Split(in)
		checkOffsets(t, in, toks)
		if in != "" && (len(toks) == 0 || len(sents) == 0) {
			t.Errorf("Split(%q): %d tokens, %d sentences", in, len(toks), len(sents))
		}
	}
	words := "the convoy passed villages near the border under heavy rain while residents watched "
	long := strings.Repeat(words, 2<<20/len(words))
	short := long[:len(long)/10]
	timed := func(text string) (time.Duration, int) {
		start := time.Now()
		toks, sents := tokenize.Split(text)
		el := time.Since(start)
		checkOffsets(t, text, toks)
		return el, len(sents)
	}
	shortTime, _ := timed(short)
	longTime, n := timed(long)
	if n != 1 {
		t.Errorf("2 MB without punctuation: %d sentences, want 1", n)
	}
	if longTime > 30*shortTime+time.Second {
		t.Errorf("2 MB took %s, 200 KB took %s: not linear", longTime, shortTime)
	}
}
