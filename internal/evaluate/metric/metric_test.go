package metric

import "testing"

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b int
		want float64
	}{
		{0, 0, 0},
		{3, 0, 0},
		{1, 4, 0.25},
		{4, 4, 1},
	}
	for _, tt := range tests {
		if got := Ratio(tt.a, tt.b); got != tt.want {
			t.Errorf("Ratio(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestF1(t *testing.T) {
	tests := []struct {
		p, r, want float64
	}{
		{0, 0, 0},
		{1, 1, 1},
		{0.5, 1, 2.0 / 3},
		{1, 0, 0},
	}
	for _, tt := range tests {
		if got := F1(tt.p, tt.r); got != tt.want {
			t.Errorf("F1(%v, %v) = %v, want %v", tt.p, tt.r, got, tt.want)
		}
	}
}
