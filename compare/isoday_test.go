package compare

import (
	"testing"
	"time"
)

// TestIsoDayMatchesTimeParse checks the fast day reader against
// time.Parse, which it stands in for.
func TestIsoDayMatchesTimeParse(t *testing.T) {
	for _, v := range []string{"2024-03-05", "2024-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
		"2024-01-00", "0000-01-01", "9999-12-31", "2024-1-05", "2024-01-5 ", "20x4-01-05", "2024/01/05", "", "2024-01-05T10:00", "+024-01-05"} {
		want, err := time.Parse("2006-01-02", v)
		got, ok := isoDay(v)
		if ok != (err == nil) || ok && !got.Equal(want) || ok && got.Location() != want.Location() {
			t.Errorf("isoDay(%q) = %v, %v; time.Parse gives %v, %v", v, got, ok, want, err)
		}
	}
}
