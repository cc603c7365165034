package metric_test

import (
	"math"
	"testing"

	"github.com/parallaxnews/parallax/internal/metric"
)

func TestPRF(t *testing.T) {
	p, r, f := metric.PRF(3, 4, 6)
	if p != 0.75 || r != 0.5 || math.Abs(f-0.6) > 1e-12 {
		t.Errorf("PRF(3, 4, 6) = %v %v %v, want 0.75 0.5 0.6", p, r, f)
	}
	if p, r, f := metric.PRF(0, 0, 0); p != 0 || r != 0 || f != 0 {
		t.Errorf("PRF(0, 0, 0) = %v %v %v, want zeros", p, r, f)
	}
}
