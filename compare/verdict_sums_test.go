package compare

import "testing"

// TestSumsApart: sums three times apart are two measures, but a slipped
// digit (exactly a power of ten apart) stays a disagreement.
func TestSumsApart(t *testing.T) {
	cases := []struct {
		x, y span
		ten  bool
	}{
		{span{150000, 150000}, span{1.5e6, 1.5e6}, true},
		{span{600e6, 600e6}, span{4.2e9, 4.2e9}, false},
		{span{12, 12}, span{1200, 1200}, true},
		{span{100, 100}, span{1000, 2000}, false}, // a range is no slipped digit
	}
	for _, c := range cases {
		if got := powerOfTen(c.x, c.y); got != c.ten {
			t.Errorf("powerOfTen(%v, %v) = %v, want %v", c.x, c.y, got, c.ten)
		}
	}
	if got := timesApart(span{600e6, 600e6}, span{4.2e9, 4.2e9}); got != "7" {
		t.Errorf("timesApart = %s, want 7", got)
	}
}
