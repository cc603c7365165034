package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/annotate/lang"
)

//go:embed lexicon/en.txt
var englishLexicon string

// lexicon holds the per-language word lists of lexicon/<lang>.txt.
type lexicon struct {
	auxiliary map[string]bool // words that carry tense or voice
	reporting map[string]bool // stems of verbs and nouns of saying
	light     map[string]bool // stems of light verbs
}

// parseLexicon reads "[section]" headers and whitespace-separated words;
// "#" starts a comment.
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{auxiliary: map[string]bool{}, reporting: map[string]bool{}, light: map[string]bool{}}
	var cur map[string]bool
	stemmed := false
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			switch line[1 : len(line)-1] {
			case "auxiliary":
				cur, stemmed = lx.auxiliary, false
			case "reporting":
				cur, stemmed = lx.reporting, true
			case "light":
				cur, stemmed = lx.light, true
			default:
				return nil, fmt.Errorf("lexicon line %d: unknown section %s", n, line)
			}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("lexicon line %d: words before any section", n)
		}
		for _, w := range strings.Fields(line) {
			w = strings.ToLower(w)
			if stemmed {
				w = stem(w)
			}
			cur[w] = true
		}
	}
	return lx, sc.Err()
}

// stem is the form event heads are compared by: lower case, straight
// apostrophe, the English Snowball stem ("exploded", "explodes" →
// "explod"). Nominal and verbal forms of one event ("explosion",
// "exploded") mostly differ; the learned lemma-pair table and the word
// clusters bridge them.
func stem(w string) string { return lang.Stem(w) }
