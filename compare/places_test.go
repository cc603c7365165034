package compare

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// TestSitesAndRegions: a site's own name and its town are kept apart, a
// site whose own name is no town fits any town, and a region against a
// place that may lie in it is not a conflict. Names are the project's own
// ("Qzarvel" is no place anywhere).
func TestSitesAndRegions(t *testing.T) {
	p := newPlaceRelations()
	site := func(kind, own, town string) model.Value {
		text := town
		if text == "" {
			text = own
		}
		return model.Value{Kind: model.KindPlace, Entity: "facility:" + kind + "|" + siteKey(own, town), Text: text, Facility: kind}
	}
	place := func(name string) model.Value { return model.Value{Kind: model.KindPlace, Text: name} }
	for _, tc := range []struct {
		name string
		a, b model.Value
		want verdict
	}{
		{"one site by its name, with and without its town", site("hospital", "Qzarvel", "Tromsø"), site("hospital", "Qzarvel", ""), compatible},
		{"one site by its name, the other by its town", site("hospital", "Qzarvel", ""), site("hospital", "", "Tromsø"), compatible},
		{"two named sites", site("hospital", "Qzarvel", ""), site("hospital", "Vintermyr", ""), incompatible},
		{"sites named after two towns", site("hospital", "Bergen", ""), site("hospital", "", "Oslo"), incompatible},
		{"a site whose name is no town, and a town", site("plant", "Qzarvel", ""), place("Oslo"), compatible},
		{"a site in one town, and another town", site("plant", "Qzarvel", "Bergen"), place("Oslo"), incompatible},
		{"an office in a building", site("office", "", ""), site("building", "Qzarvel", ""), compatible},
		{"a county and a town", place("Qzarvel County"), place("Bergen"), notComparable},
		{"two towns", place("Bergen"), place("Oslo"), incompatible},
	} {
		if got, why := p.compare(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: got %d (%s), want %d", tc.name, got, why, tc.want)
		}
		if got, _ := p.compare(tc.b, tc.a); got != tc.want {
			t.Errorf("%s, the other way: got %d, want %d", tc.name, got, tc.want)
		}
	}
}
