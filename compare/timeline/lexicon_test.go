package timeline

import "testing"

// TestLexiconLoads reads the embedded word lists: a broken or missing file
// fails here rather than at run time.
func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if !lx.reportingVerbs["told reporters"] || !lx.reportingVerbs["заявил"] || !lx.reportDateWords["statement"] || !lx.stopwords["the"] || !lx.stopwords["вчера"] || lx.eventForms["detained"] != "arrest" {
		t.Error("timeline word lists read wrong")
	}
	if stem("held") != "hold" || !isVerbForm("held") {
		t.Error("an irregular form is not read from the lists")
	}
}
