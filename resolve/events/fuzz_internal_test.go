package events

import (
	"bytes"
	"testing"
)

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"2009-09-30", "2009-09", "2009", "2009-W40", "2009-09-28/2009-09-30", "2009-09-30T16:00", "/", "2009-W99", "x/2009"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		iv := parseInterval(v)
		if iv.known() && iv.from > iv.to && !containsSlash(v) {
			t.Errorf("%q: interval %v ends before it starts", v, iv)
		}
	})
}

func containsSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return true
		}
	}
	return false
}

func TestParseInterval(t *testing.T) {
	cases := []struct {
		v    string
		days int // length in days, 0 when unknown
	}{
		{"2009-09-30", 1}, {"2009-09", 30}, {"2009", 365}, {"2009-W40", 7},
		{"2009-09-28/2009-09-30", 3}, {"2009-09-30T16:00", 1}, {"", 0}, {"soon", 0},
	}
	for _, c := range cases {
		iv := parseInterval(c.v)
		got := 0
		if iv.known() {
			got = iv.to - iv.from + 1
		}
		if got != c.days {
			t.Errorf("%q: %d days, want %d", c.v, got, c.days)
		}
	}
	if g := gap(parseInterval("2004-12-26"), parseInterval("2009-09")); g < 1000 {
		t.Errorf("gap 2004-12-26 to 2009-09: %d days", g)
	}
	if g := gap(parseInterval("2009-09-30"), parseInterval("2009-09")); g != 0 {
		t.Errorf("a day inside its month: gap %d", g)
	}
}

func TestLexiconErrors(t *testing.T) {
	if _, err := parseLexicon("word\n"); err == nil {
		t.Error("want an error for words before any section")
	}
	if _, err := parseLexicon("[nonsense]\nword\n"); err == nil {
		t.Error("want an error for an unknown section")
	}
	lx, err := parseLexicon(englishLexicon)
	if err != nil {
		t.Fatal(err)
	}
	if !lx.reporting[stem("said")] || !lx.auxiliary["was"] || lx.reporting[stem("exploded")] {
		t.Error("shipped lexicon: said should be reporting, was auxiliary, exploded neither")
	}
}

// TestModelRoundTrip checks that the shipped model reads and writes back
// to the same bytes: the file format keeps everything, in a fixed order.
func TestModelRoundTrip(t *testing.T) {
	m, err := readModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embeddedModel) {
		t.Error("the model does not write back to the bytes it was read from")
	}
	if _, err := readModel([]byte("not a model")); err == nil {
		t.Error("want an error for a file that is not a model")
	}
}
