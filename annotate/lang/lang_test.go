package lang

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"warned", "warnings"}, {"warn", "Warned"}, {"built", "build"}, {"fled", "flee"},
		{"children", "child"}, {"don’t", "don't"}, {"задержали", "задержал"}, {"ёлка", "елка"},
	} {
		if Fold(c.a) != Fold(c.b) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", c.a, Fold(c.a), c.b, Fold(c.b))
		}
	}
	if Fold("fled") == Fold("field") {
		t.Errorf("fled and field fold alike: %q", Fold("fled"))
	}
}

func TestStemKeepsIrregularForms(t *testing.T) {
	if got := Stem("Fled"); got != "fled" {
		t.Errorf("Stem(Fled) = %q, want fled (no base forms)", got)
	}
	if got, want := Stem("Бишкека"), Stem("бишкек"); got != want {
		t.Errorf("Stem(Бишкека) = %q, want %q", got, want)
	}
}

func TestNounLemma(t *testing.T) {
	for in, want := range map[string]string{
		"actresses": "actress", "countries": "country", "policemen": "policeman", "leaders": "leader",
		"Leader's": "leader", "churches": "church", "boxes": "box", "bus": "bus", "crisis": "crisis",
		"children": "child", "people": "person", "men": "man", "women": "woman", "centre": "center",
		"jewellery": "jewelry", "harbour": "harbor", "hour": "hour", "organisation": "organization",
		"министры": "министры", "Глава": "глава",
	} {
		if got := NounLemma(in); got != want {
			t.Errorf("NounLemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOf(t *testing.T) {
	for w, want := range map[string]Code{"Bishkek": English, "«Бишкек»": Russian, "12-летний": Russian, "2024": English, "": English} {
		if got := Of(w); got != want {
			t.Errorf("Of(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestEmbeddedDataLoads(t *testing.T) {
	for _, code := range []Code{English, Russian} {
		if _, err := load(files, code); err != nil {
			t.Fatal(err)
		}
	}
	if l, _ := load(files, English); len(l.verbs) < 100 || len(l.nouns) < 4 {
		t.Errorf("en base forms: %d verbs, %d nouns; want the whole list", len(l.verbs), len(l.nouns))
	}
}

func TestLoadRejectsBrokenData(t *testing.T) {
	for name, text := range map[string]string{
		"two fields":  "fled flee\n",
		"unknown pos": "fled flee adjective\n",
	} {
		fsys := fstest.MapFS{"xx/base-forms.txt": {Data: []byte("# comment\n" + text)}}
		_, err := load(fsys, "xx")
		if err == nil || !strings.Contains(err.Error(), "xx/base-forms.txt:2") {
			t.Errorf("%s: err = %v, want an error naming xx/base-forms.txt:2", name, err)
		}
	}
	if l, err := load(fstest.MapFS{}, "xx"); err != nil || len(l.verbs) != 0 {
		t.Errorf("missing file: %v, %v; want an empty language", l, err)
	}
}
