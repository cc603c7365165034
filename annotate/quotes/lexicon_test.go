package quotes

import "testing"

// TestLexiconLoads reads the embedded word lists: a list with no file, or
// one that lost its Russian half, fails here rather than at run time.
func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		list map[string]bool
		word string
	}{
		{lx.cueVerbs, "said"}, {lx.cueVerbs, "заявил"}, {lx.titles, "president"}, {lx.titles, "министр"},
		{lx.auxiliaries, "’s"}, {lx.questionLabels, "q"}, {lx.questionLabels, "вопрос"}, {lx.orgSuffixes, "agency"},
		{lx.surnameEndings, "shvili"}, {lx.surnameEndingsShort, "ова"}, {lx.femaleSurnameEndings, "kyzy"}, {lx.maleSurnameEndings, "уулу"},
	} {
		if !c.list[c.word] {
			t.Errorf("%q missing from its list", c.word)
		}
	}
}
