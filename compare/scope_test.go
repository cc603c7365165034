package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// TestCountScope: the scope a count's own sentence gives it — the place
// its clause counts in, part or whole of a partitive, the kind of its
// noun.
func TestCountScope(t *testing.T) {
	for _, tc := range []struct {
		text, value string
		want        model.Scope
	}{
		{"Nine miners were killed and 40 others were hurt by a rockfall in Tarna district, the agency said.", "40", model.Scope{Place: "Tarna district"}},
		{"Across Tarna province, officials say as many as 900 houses were destroyed.", "as many as 900 houses", model.Scope{Place: "Tarna province"}},
		{"Floods also struck the southern town of Mirel, where another 3,000 people fled their homes.", "3,000 people", model.Scope{Place: "Mirel", Partitive: "part"}},
		{"He said at least 14 barns were badly damaged in the district.", "at least 14 barns", model.Scope{Place: "district", Qualifier: "badly"}},
		{"The storm damaged 40 buildings, including 12 schools.", "12 schools", model.Scope{Partitive: "part"}},
		{"The storm damaged 40 buildings, including 12 schools.", "40 buildings", model.Scope{}},
		{"Ortiz completed 21 of 30 passes for 240 yards.", "30 passes", model.Scope{Partitive: "whole"}},
		{"Eight people were seriously injured.", "Eight people", model.Scope{Qualifier: "seriously"}},
		{"Five people died in the crash on Friday.", "Five people", model.Scope{}},
		{"About 9,000 people were evacuated on the northern bank and about 2,000 in Lyon.", "About 9,000 people", model.Scope{}},
	} {
		a := parsedDoc(t, "a", tc.text)
		var got *model.Scope
		for _, cl := range Extract(a, Options{}) {
			if cl.Value.Kind == model.KindCount && cl.Text == tc.value {
				got = &cl.Value.Scope
			}
		}
		if got == nil {
			t.Errorf("%q: no count %q", tc.text, tc.value)
			continue
		}
		if *got != tc.want {
			t.Errorf("%q, %q: scope %+v, want %+v", tc.text, tc.value, *got, tc.want)
		}
	}
}

// TestScopesNeverDispute: counts of one frame narrowed to different
// places, parts of a set, or kinds of the counted noun are shown side by
// side, never as a dispute; counts of one scope still dispute.
func TestScopesNeverDispute(t *testing.T) {
	for _, tc := range []struct {
		name    string
		texts   []string
		dispute bool
	}{
		{"two towns", []string{
			"Officials said 10 people were killed in Lyon after the storm.",
			"Officials said 14 people were killed in Nantes after the storm.",
		}, false},
		{"one town", []string{
			"Officials said 10 people were killed in Lyon after the storm.",
			"Officials said 14 people were killed in Lyon after the storm.",
		}, true},
		{"a kind of the counted noun", []string{
			"Five French soldiers were killed in the ambush, the ministry said.",
			"Seven soldiers were killed in the ambush, the ministry said.",
		}, false},
		{"a part of a set", []string{
			"The storm damaged 40 buildings, including 12 schools, the mayor said.",
			"The storm damaged 30 schools, the mayor said.",
		}, false},
	} {
		facts := storyFacts(t, tc.texts...)
		disputed := false
		for _, f := range facts {
			if f.Status == model.Disputed && f.Role == model.RoleCount {
				disputed = true
			}
		}
		if disputed != tc.dispute {
			for _, f := range facts {
				t.Logf("%s %s %s: %s", f.Frame, f.Role, f.Status, f.Reason)
			}
			t.Errorf("%s: disputed %v, want %v", tc.name, disputed, tc.dispute)
		}
	}
}

// TestDatesWrittenTwoWays: one weekday named by both sources agrees
// whatever week each report was read in, and a day dated from the
// writer's own day ("this morning") one day off another source's, in a
// report dated one day off the same way, is no dispute: a copy dated a
// day later, or the writer's time zone, moves it. Reports of one day
// that differ by a day still dispute.
func TestDatesWrittenTwoWays(t *testing.T) {
	for _, tc := range []struct {
		name    string
		docs    [][2]string // published, text
		value   string
		dispute bool
	}{
		{"one weekday", [][2]string{
			{"2025-06-09", "Two men were arrested at the farm on Saturday, police said."},
			{"2025-06-16", "Two men were arrested at the farm on Saturday morning, police said."},
		}, "Saturday", false},
		{"a day from the writer's day, in a copy dated a day later", [][2]string{
			{"2025-06-03", "The mill closed this morning after the fire, the owner said."},
			{"2025-06-02", "The mill closed on Monday morning after the fire, the owner said."},
		}, "this morning", false},
		{"a day from the writer's day, reports of one day", [][2]string{
			{"2025-06-04", "The mill closed yesterday after the fire, the owner said."},
			{"2025-06-04", "The mill closed on Monday after the fire, the owner said."},
		}, "yesterday", true},
	} {
		var docs []*model.Annotated
		for i, d := range tc.docs {
			docs = append(docs, parsedDocOn(t, string(rune('a'+i)), d[0], d[1]))
		}
		facts, err := Compare(context.Background(), docs, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := factWith(facts, tc.value)
		if f == nil {
			for _, f := range facts {
				for _, v := range f.Values {
					t.Logf("%s %s %s %q", f.Frame, f.Role, f.Status, v.Text)
				}
			}
			t.Errorf("%s: no fact holds %q", tc.name, tc.value)
			continue
		}
		if (f.Status == model.Disputed) != tc.dispute || f.Status == model.Changed {
			t.Errorf("%s: %s (%s)", tc.name, f.Status, f.Reason)
		}
	}
}

// TestCommaContainment: "X, Y" says Y holds X, unless the names are a
// list.
func TestCommaContainment(t *testing.T) {
	for _, tc := range []struct {
		after string
		holds string // "" when nothing is learnt
	}{
		{", Cumbria, on Saturday", "cumbria"},
		{", Cumbria.", "cumbria"},
		{", Mo., said a spokesman", "mo"},
		{", Naryn and Talas", ""},
		{", Naryn, Talas and Osh", ""},
		{", Naryn Region", "naryn"},
	} {
		p := newPlaceRelations()
		p.learn("Kendal", tc.after)
		var got []string
		for k := range p.within[p.name("Kendal")] {
			got = append(got, k)
		}
		if want := tc.holds; (want == "" && len(got) > 0) || (want != "" && !strings.Contains(strings.Join(got, " "), p.name(want))) {
			t.Errorf("learn(Kendal, %q): within %v, want %q", tc.after, got, want)
		}
	}
}

// TestPlaceWordsAreData: the place word kinds come from
// frames/<lang>-places.txt.
func TestPlaceWordsAreData(t *testing.T) {
	k := placeKinds()
	if !k["region"]["county"] || !k["admin"]["airport"] || !k["container"]["scene"] || !k["linear"]["street"] {
		t.Fatalf("place kinds not read: %v", k)
	}
	if !regionName("Fulton County") || regionName("Atlanta") {
		t.Error("regionName does not read the region words")
	}
}
