// Package recorded keeps the quality figures an eval recorded in the
// repository (a JSON file beside the test) and fails a test when a figure
// falls, or an error rate rises, by more than Tolerance, so quality cannot
// regress silently.
package recorded

import (
	"encoding/json"
	"os"
	"testing"
)

// Tolerance is how far a figure may move the wrong way before a test fails.
const Tolerance = 0.02

// Load reads the figures recorded at path into want. With update set it
// writes got to path instead and returns false: there is nothing to compare.
func Load(tb testing.TB, path string, got, want any, update bool) bool {
	tb.Helper()
	if update {
		raw, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
			tb.Fatal(err)
		}
		return false
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("recorded figures: %v (run with -update to record)", err)
	}
	if err := json.Unmarshal(raw, want); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return true
}

// AtLeast fails tb when a figure that should stay high fell below its record.
func AtLeast(tb testing.TB, name string, got, recorded float64) {
	tb.Helper()
	if got < recorded-Tolerance {
		tb.Errorf("%s fell from %.4f to %.4f", name, recorded, got)
	}
}

// AtMost fails tb when an error rate rose above its record.
func AtMost(tb testing.TB, name string, got, recorded float64) {
	tb.Helper()
	if got > recorded+Tolerance {
		tb.Errorf("%s rose from %.4f to %.4f", name, recorded, got)
	}
}
