package clean

import "testing"

func TestMetaLineDate(t *testing.T) {
	for _, c := range []struct {
		line string
		want string // "" means no date is taken
	}{
		{"Interview · 7 June 2024 · Conducted by Lola Karimova · Reading time: 9 min", "2024-06-07"},
		{"12.05.2023 16:20 · Author: Pavel Orlov", "2023-05-12T16:20"},
		{"Published: 02.09.2024, 08:00 | Updated: 03.09.2024, 11:45", "2024-09-02T08:00"},
		{"Updated: 03.09.2024, 11:45 | Views: 900", "2024-09-03T11:45"},
		{"30/01/2025 07:40 (Dushanbe)", "2025-01-30T07:40"},
		{"01/30/2025", "2025-01-30"},
		{"*9 October 2022 · 18:05 · Society · By Timur Alimov*", "2022-10-09T18:05"},
		// A sentence that holds a date is not a metadata line.
		{"The court met on 4 May 2024 · the hearing lasted until late in the evening and was closed to the press", ""},
		{"Home | News | Opinion", ""},
	} {
		got, _, ok := metaLineDate(c.line)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("metaLineDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
