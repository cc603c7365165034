package syntax_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/annotate/syntax"
)

func TestClauses(t *testing.T) {
	m := load(t)
	lx, err := syntax.LoadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, word                             string
		negated, conditional, hedged, reported bool
		source                                 string // the word the clause is attributed to, "" for none
	}{
		{"The hostages were not in the capital.", "capital", true, false, false, false, ""},
		{"Police said the driver fled the scene.", "scene", false, false, false, true, "Police"},
		{"The bridge will reopen on Monday, officials said.", "Monday", false, false, false, true, "officials"},
		{"The ministry denied that troops had crossed the river.", "river", false, false, false, true, "ministry"},
		{"If the dam fails, the valley will flood.", "dam", false, true, false, false, ""},
		{"The suspect may have left the country.", "country", false, false, true, false, ""},
		{"Ten people were reportedly injured in the blast.", "blast", false, false, true, false, ""},
		{"According to the coast guard, the ship sank at dawn.", "dawn", false, false, false, true, "guard"},
		{"The mayor never visited the flooded district.", "district", true, false, false, false, ""},
		{"The plant employs 300 people.", "people", false, false, false, false, ""},
	}
	for _, c := range cases {
		s := m.ParseText(c.text)[0]
		i := find(t, s, c.word)
		cl := syntax.NewSentence(s).ClauseOf(i, lx)
		src := ""
		if cl.Source >= 0 {
			src = s[cl.Source].Text
		}
		if cl.Negated != c.negated || cl.Conditional != c.conditional || cl.Hedged != c.hedged || cl.Reported != c.reported || src != c.source {
			t.Errorf("%q at %q: negated %v conditional %v hedged %v reported %v source %q; want %v %v %v %v %q\n  parse: %s",
				c.text, c.word, cl.Negated, cl.Conditional, cl.Hedged, cl.Reported, src,
				c.negated, c.conditional, c.hedged, c.reported, c.source, describe(s))
		}
	}
}

func TestNounPhraseAndGoverningVerb(t *testing.T) {
	m := load(t)
	s := m.ParseText("The storm destroyed 51 of the 90 houses in the village.")[0]
	sent := syntax.NewSentence(s)
	n := find(t, s, "51")
	p := sent.NounPhrase(n)
	text := "The storm destroyed 51 of the 90 houses in the village."
	if got := text[p.Start:p.End]; got != "51 of the 90 houses in the village" {
		t.Errorf("phrase of 51 = %q", got)
	}
	if v := sent.GoverningVerb(find(t, s, "90")); v < 0 || s[v].Text != "destroyed" {
		t.Errorf("governing verb of 90 = %d", v)
	}
	h := find(t, s, "houses")
	hp := sent.NounPhrase(h)
	var mods []string
	for _, k := range hp.Modifiers {
		mods = append(mods, s[k].Text)
	}
	if len(mods) < 2 || mods[0] != "the" || mods[1] != "90" {
		t.Errorf("modifiers of houses = %q, want the, 90, …", mods)
	}
	// A copular clause is governed by its copula.
	s = m.ParseText("The victims were not in the city.")[0]
	if v := syntax.NewSentence(s).GoverningVerb(find(t, s, "city")); v < 0 || s[v].Text != "were" {
		t.Errorf("governing verb of city = %d", v)
	}
}

func TestLexiconLanguages(t *testing.T) {
	if _, err := syntax.LoadLexicon("xx"); err == nil {
		t.Error("LoadLexicon(xx) gave no error")
	}
	lx, err := syntax.LoadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	if !lx.Speech["say"] || !lx.Negation["not"] || !lx.Conditional["if"] || !lx.HedgeAux["may"] {
		t.Error("English lexicon lacks its basic entries")
	}
}

// TestHelpersOnOddTrees runs the helpers on a very long sentence and on
// trees the parser never makes (cycles, heads out of range): they answer
// without looping, in time linear in the sentence.
func TestHelpersOnOddTrees(t *testing.T) {
	m := load(t)
	lx, err := syntax.LoadLexicon("en")
	if err != nil {
		t.Fatal(err)
	}
	words := m.ParseWords(strings.Fields(strings.Repeat("officials said 12 of 40 workers were not hurt if ", 3000)))
	s := syntax.NewSentence(words)
	for i := range words {
		s.ClauseOf(i, lx)
		s.GoverningVerb(i)
	}
	s.NounPhrase(0)
	odd := []syntax.Word{{Text: "a", Head: 1}, {Text: "b", Head: 0}, {Text: "c", Head: 7}, {Text: "d", Head: -5}}
	os := syntax.NewSentence(odd)
	for i := range odd {
		os.ClauseOf(i, lx)
		os.NounPhrase(i)
		os.GoverningVerb(i)
	}
}
