package resolve

import "testing"

// TestLexiconLoads reads the embedded word lists: a list with no file, or
// one that lost its Russian half, fails here rather than at run time.
func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if !lx.isPronoun("he") || !lx.isPronoun("they") || !lx.isPronoun("её") || lx.isPronoun("president") {
		t.Error("pronoun lists")
	}
	if !lx.isRoleWord("pianist") || !lx.isRoleWord("министр") || lx.isRoleWord("winter") {
		t.Error("role words")
	}
	if !lx.genericDesignators["область"] || !lx.isNameParticle("uulu") || !lx.isNameParticle("of") {
		t.Error("name words")
	}
}
