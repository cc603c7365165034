package gazetteer_test

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
)

func load(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestPlaceLatinAndCyrillic(t *testing.T) {
	g := load(t)
	cases := []struct {
		name, country string
	}{
		{"Almaty", "KZ"}, {"Алматы", "KZ"}, {"almaty", "KZ"},
		{"Bishkek", "KG"}, {"Бишкек", "KG"},
		{"Dushanbe", "TJ"}, {"Душанбе", "TJ"},
		{"Osh", "KG"}, {"Ош", "KG"},
		{"Kyrgyzstan", "KG"}, {"Кыргызстан", "KG"}, {"Киргизия", "KG"},
		{"Kazakhstan", "KZ"}, {"Казахстан", "KZ"},
		{"New York City", "US"},
	}
	for _, c := range cases {
		got, ok := g.Place(c.name)
		if !ok || got != c.country {
			t.Errorf("Place(%q) = %q, %v; want %q", c.name, got, ok, c.country)
		}
	}
	for _, s := range []string{"Xqzzyplace", ""} {
		if c, ok := g.Place(s); ok {
			t.Errorf("Place(%q) = %q, want not found", s, c)
		}
	}
}

func TestNames(t *testing.T) {
	g := load(t)
	for _, c := range []struct{ name, gender string }{
		{"Mary", "female"}, {"John", "male"}, {"Анна", "female"}, {"Сергей", "male"}, {"ALEXANDER", "male"},
	} {
		got, ok := g.IsGivenName(c.name)
		if !ok || got != c.gender {
			t.Errorf("IsGivenName(%q) = %q, %v; want %q", c.name, got, ok, c.gender)
		}
	}
	for _, s := range []string{"Smith", "Ivanov", "Иванов", "Ахметов", "Ospanov"} {
		if !g.IsSurname(s) {
			t.Errorf("IsSurname(%q) = false", s)
		}
	}
	if g.IsSurname("Qqqxzv") {
		t.Error("IsSurname(Qqqxzv) = true")
	}
}

func TestDemonyms(t *testing.T) {
	g := load(t)
	for _, c := range []struct{ word, country string }{
		{"Kyrgyz", "KG"}, {"Tajik", "TJ"}, {"Tajiks", "TJ"}, {"Kazakh", "KZ"}, {"Russian", "RU"},
		{"Kenyan", "KE"}, {"French", "FR"}, {"казахи", ""}, {"Muslims", ""},
	} {
		got, ok := g.Demonym(c.word)
		if !ok || got != c.country {
			t.Errorf("Demonym(%q) = %q, %v; want %q", c.word, got, ok, c.country)
		}
	}
	if _, ok := g.Demonym("table"); ok {
		t.Error("Demonym(table) = true")
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{"Алёна": "алена", "O’Brien": "o'brien", "  New   York ": "new york", "osh": "osh"} {
		if got := gazetteer.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHasPhrasePrefix(t *testing.T) {
	g := load(t)
	if !g.HasPhrasePrefix(gazetteer.SectionPlaces, "New") {
		t.Error(`HasPhrasePrefix(places, "New") = false`)
	}
	if g.HasPhrasePrefix(gazetteer.SectionPlaces, "Xqzzy") {
		t.Error(`HasPhrasePrefix(places, "Xqzzy") = true`)
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	if _, err := gazetteer.Read(bytes.NewReader([]byte("not gzip"))); !errors.Is(err, gazetteer.ErrCorrupt) {
		t.Errorf("Read(garbage) error = %v, want ErrCorrupt", err)
	}
}

func TestLoadIsFast(t *testing.T) {
	start := time.Now()
	load(t)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Load took %s", d)
	}
}

func BenchmarkPlace(b *testing.B) {
	g, err := gazetteer.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		g.Place("Almaty")
	}
}

// BenchmarkRead measures what Load costs on first use: decompressing and
// indexing the embedded file. heap-MB is the heap one loaded gazetteer
// keeps alive.
func BenchmarkRead(b *testing.B) {
	compiled, err := os.ReadFile("gazetteer.bin.gz")
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := gazetteer.Read(bytes.NewReader(compiled))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	b.SetBytes(int64(len(compiled)))
	for b.Loop() {
		if _, err := gazetteer.Read(bytes.NewReader(compiled)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
}

// TestKeyFastPath checks that input already in key form comes back as is
// and that every other input is folded as by the general rules.
func TestKeyFastPath(t *testing.T) {
	for in, want := range map[string]string{
		"актюбинск":        "актюбинск",
		"zürich":           "zürich",
		"Актюбинск":        "актюбинск",
		"актюбинск  район": "актюбинск район",
		"ёлки":             "елки",
		"o’brien":          "o'brien",
		"a\u00a0b":         "a b",
		"bad\xffbyte":      "bad\uFFFDbyte",
		"ZÜRICH":           "zürich",
	} {
		if got := gazetteer.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { gazetteer.Key("актюбинск") }); n != 0 {
		t.Errorf("Key of a lower-case Cyrillic word allocates %v times", n)
	}
}
