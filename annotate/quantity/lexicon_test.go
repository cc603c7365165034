package quantity

import "testing"

// TestLexiconLoads reads the embedded tables: a broken or missing file
// fails here rather than at run time.
func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"dollars": "USD", "сомони": "TJS", "сомов": "KGS", "рублей": "RUB"} {
		if got, _ := lx.currencyOf(w); got != want {
			t.Errorf("currency of %q: %q, want %q", w, got, want)
		}
	}
	if lx.multipliers["млрд"] != 1e9 || lx.vagueRanges["dozens"] != [2]float64{24, 99} || !lx.casualtyWords["погибли"] {
		t.Error("tables read wrong")
	}
	if m := lx.modifierPhrases; len(m) == 0 || len(m[0].words) < len(m[len(m)-1].words) {
		t.Error("modifier phrases are not longest first")
	}
}
