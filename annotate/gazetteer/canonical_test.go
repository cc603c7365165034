package gazetteer_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
)

// TestCanonicalPlaceSpellings checks that current, former and Cyrillic
// names of one city, in any case, give one canonical name.
func TestCanonicalPlaceSpellings(t *testing.T) {
	g := load(t)
	for _, group := range []struct {
		want  string
		names []string
	}{
		{"aktobe", []string{"Aktobe", "Aktyubinsk", "Актюбинск", "Актобе", "AKTYUBINSK", "Aqtöbe"}},
		{"khujand", []string{"Khujand", "Khudzhand", "Leninabad", "Худжанд"}},
		{"bishkek", []string{"Bishkek", "Frunze", "Бишкек"}},
		{"almaty", []string{"Almaty", "Alma-Ata", "Алма-Ата", "Алматы"}},
	} {
		for _, name := range group.names {
			got, ok := g.CanonicalPlace(name)
			if !ok || got != group.want {
				t.Errorf("CanonicalPlace(%q) = %q, %v; want %q", name, got, ok, group.want)
			}
		}
	}
}

// TestCanonicalPlaceDistinct checks that different places keep different
// canonical names and that unknown names are not places.
func TestCanonicalPlaceDistinct(t *testing.T) {
	g := load(t)
	seen := map[string]string{}
	for _, name := range []string{"Aktobe", "Khujand", "Bishkek", "Almaty", "Osh", "Dushanbe", "New York City"} {
		got, ok := g.CanonicalPlace(name)
		if !ok {
			t.Errorf("CanonicalPlace(%q) not found", name)
			continue
		}
		if other, dup := seen[got]; dup {
			t.Errorf("CanonicalPlace(%q) = CanonicalPlace(%q) = %q", name, other, got)
		}
		seen[got] = name
	}
	for _, name := range []string{"Xqzzyplace", "", "Aktyubinsk region"} {
		if got, ok := g.CanonicalPlace(name); ok {
			t.Errorf("CanonicalPlace(%q) = %q, want not found", name, got)
		}
	}
}

// TestCanonicalPlaceAgreesWithPlaces checks that the canonical name belongs
// to the place whose country the places section gives, and is itself a
// known place name.
func TestCanonicalPlaceAgreesWithPlaces(t *testing.T) {
	g := load(t)
	for _, name := range []string{"Aktyubinsk", "Khudzhand", "Frunze", "Alma-Ata", "Osh", "Zürich", "Фрунзе"} {
		canon, ok := g.CanonicalPlace(name)
		if !ok {
			t.Errorf("CanonicalPlace(%q) not found", name)
			continue
		}
		if canon != gazetteer.Key(canon) {
			t.Errorf("CanonicalPlace(%q) = %q, not in Key form", name, canon)
		}
		if _, ok := g.Lookup(gazetteer.SectionPlaces, name); !ok {
			t.Errorf("Lookup(places, %q) not found though CanonicalPlace found it", name)
		}
		if _, ok := g.CanonicalPlace(canon); !ok {
			t.Errorf("canonical name %q of %q is not itself a place", canon, name)
		}
	}
}

// TestBuildCanonical builds a gazetteer from invented GeoNames rows and
// checks the canonical column: the most populous place wins a name for
// both country and canonical name, small places keep their Cyrillic but
// not their Latin alternates, and a place's own name has no stored
// canonical name unless its ASCII name differs.
func TestBuildCanonical(t *testing.T) {
	var buf bytes.Buffer
	if err := gazetteer.Build(context.Background(), "testdata/build/minimal", &buf, gazetteer.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, country, canonical string }{
		{"Bigtown", "KZ", "bigtown"},
		{"Oldbig", "KZ", "bigtown"},
		{"Old  Big Town", "KZ", "bigtown"},
		{"Старобигск", "KZ", "bigtown"},
		{"Smallville", "KG", "smallville"},
		{"Смолвилль", "KG", "smallville"},
		{"Zürichberg", "CH", "zurichberg"},
		{"Rivertown", "US", "rivertown"},
		{"Ferry", "GB", "ferry"},
		{"Emptyascii", "KZ", "emptyascii"},
		{"Паустон", "KZ", "emptyascii"},
	} {
		country, ok := g.Lookup(gazetteer.SectionPlaces, c.name)
		if !ok || country != c.country {
			t.Errorf("Lookup(places, %q) = %q, %v; want %q", c.name, country, ok, c.country)
		}
		canon, ok := g.CanonicalPlace(c.name)
		if !ok || canon != c.canonical {
			t.Errorf("CanonicalPlace(%q) = %q, %v; want %q", c.name, canon, ok, c.canonical)
		}
	}
	// Latin alternates of places under MinPopulationForAliases are left out.
	for _, name := range []string{"Latinonly"} {
		if _, ok := g.Lookup(gazetteer.SectionPlaces, name); ok {
			t.Errorf("Lookup(places, %q) found a small place's Latin alternate", name)
		}
		if canon, ok := g.CanonicalPlace(name); ok {
			t.Errorf("CanonicalPlace(%q) = %q, want not found", name, canon)
		}
	}
	if got, want := g.Len(gazetteer.SectionPlaces), 13; got != want {
		t.Errorf("Len(places) = %d, want %d", got, want)
	}
}

func BenchmarkCanonicalPlace(b *testing.B) {
	g, err := gazetteer.Load()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"aktyubinsk", "актюбинск", "bishkek", "xqzzyplace"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			g.CanonicalPlace(n)
		}
	}
}
