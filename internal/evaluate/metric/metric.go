// Package metric holds the small arithmetic every scorer in
// internal/evaluate shares: shares that are zero rather than NaN when
// nothing was counted, and the F1 of a precision and a recall.
package metric

// Ratio returns a/b, or 0 when b is 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 returns the harmonic mean of p and r, or 0 when both are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
