// Package metric holds the quality figures every evaluation prints:
// precision, recall and F1 from counts.
package metric

// Ratio is a/b, or 0 when b is 0 (nothing predicted, nothing to find).
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of precision p and recall r, or 0 when both are.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// PRF returns precision, recall and F1 for tp true positives among pred
// predicted and gold gold items.
func PRF(tp, pred, gold int) (p, r, f float64) {
	p, r = Ratio(tp, pred), Ratio(tp, gold)
	return p, r, F1(p, r)
}
