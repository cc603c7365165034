package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// sentencesOf groups toks into sentences of text.
func sentencesOf(text string, toks []model.Token) []model.Range {
	var out []model.Range
	start := -1 // index of the first token of the open sentence
	closeAt := func(last int) {
		if start >= 0 && last >= start {
			out = append(out, model.Range{Start: toks[start].Start, End: toks[last].End})
		}
		start = -1
	}
	for i := 0; i < len(toks); i++ {
		if start < 0 {
			start = i
		}
		if i+1 < len(toks) && paragraphBreak(text[toks[i].End:toks[i+1].Start]) {
			closeAt(i)
			continue
		}
		if !isTerminal(toks[i]) {
			continue
		}
		// Swallow closing quotes and brackets: `He left.”`  `(See below.)`
		last := i
		// Only marks written right after it close: in `said. "Their` the
		// quote opens the next sentence.
		for last+1 < len(toks) && isCloser(toks[last+1].Text) && toks[last+1].Start == toks[last].End {
			last++
		}
		if last+1 >= len(toks) {
			i = last
			continue
		}
		if startsSentence(toks, last+1) && (toks[i].Kind == model.TokenPunct || abbrevMayEnd(toks[i].Text, toks[last+1].Text)) {
			closeAt(last)
		}
		i = last
	}
	if start >= 0 {
		closeAt(len(toks) - 1)
	}
	return out
}

// paragraphBreak reports whether the gap between two tokens holds a blank
// line.
func paragraphBreak(gap string) bool {
	// The gap between tokens is whitespace only, so two newlines in it mean
	// an empty line.
	return strings.Count(gap, "\n") >= 2 || strings.Count(gap, "\r") >= 2 || strings.ContainsRune(gap, '\u2029')
}

// isTerminal reports whether tok can end a sentence.
func isTerminal(tok model.Token) bool {
	switch tok.Text {
	case ".", "!", "?", "…", "...", "?!", "!?", "。", "！", "？":
		return true
	}
	if tok.Kind == model.TokenPunct && strings.Trim(tok.Text, ".!?") == "" {
		return true
	}
	// An abbreviation token ends in a period and may end the sentence too.
	return tok.Kind == model.TokenWord && strings.HasSuffix(tok.Text, ".")
}

func isCloser(s string) bool {
	switch s {
	case "”", "’", "\"", "'", "»", ")", "]", "}", "›":
		return true
	}
	return false
}

// startsSentence reports whether toks[i] can open a sentence: a capital
// letter, a digit, an opening quote, bracket or dash.
func startsSentence(toks []model.Token, i int) bool {
	t := toks[i]
	r, _ := utf8.DecodeRuneInString(t.Text)
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r):
		return true
	case strings.ContainsRune("“\"'‘«([—–-•*", r):
		return true
	case unicode.IsLetter(r) && !unicode.IsLower(r):
		// Scripts without case.
		return true
	}
	return false
}

// abbrevMayEnd decides whether an abbreviation token such as "U.S." or
// "etc." ends the sentence before next.
func abbrevMayEnd(abbrev, next string) bool {
	word := strings.TrimSuffix(abbrev, ".")
	if strings.Contains(word, ".") {
		// "U.S.", "e.g.": only before a word that typically opens a sentence.
		return sentenceOpeners[next]
	}
	if utf8.RuneCountInString(word) == 1 {
		return false // an initial
	}
	switch abbreviations[word] {
	case abbrevInner:
		return false
	case abbrevAny:
		return true
	}
	if k := abbreviations[strings.ToLower(word)]; k == abbrevInner {
		return false
	}
	return true
}

// sentenceOpeners are capitalised function words that almost always start a
// sentence, used after ambiguous abbreviations ("in the U.S. The next day").
var sentenceOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An This That These Those It Its He She They We I You His Her Their Our My
		But And Or So Yet Then There Here When While After Before If Although Though Because Since As In On At For
		What Who Why How Where Which Some Many Most All No Not One Two Three Also However Meanwhile Still Now Last Earlier Later
		Он Она Они Мы Я Это В На По Но И А Как Когда После`) {
		m[w] = true
	}
	return m
}()
