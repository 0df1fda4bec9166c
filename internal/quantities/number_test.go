package quantities

import (
	"math"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"14,000", 14000, true},
		{"100000", 100000, true},
		{"1,000,000", 1000000, true},
		{"2.5", 2.5, true},
		{"1e400", 0, false},
		{"1234567890123456789012345", 0, false},
		{"12,34", 0, false},
		{"1,2345", 0, false},
		{",100", 0, false},
		{"5.", 0, false},
		{"-3", 0, false},
		{"", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
	}
	for _, tc := range tests {
		got, ok := ParseNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in     string
		value  float64
		approx bool
		ok     bool
	}{
		{"14,000", 14000, false, true},
		{"more than 14,000", 14000, true, true},
		{"2.5 million", 2500000, false, true},
		{"two", 2, false, true},
		{"twenty-five", 25, false, true},
		{"one hundred and ten", 110, false, true},
		{"a dozen", 12, false, true},
		{"two dozen", 24, false, true},
		{"dozens of", 24, true, true},
		{"hundreds of", 200, true, true},
		{"thousands of", 2000, true, true},
		{"tens of thousands of", 20000, true, true},
		{"hundreds of thousands of", 200000, true, true},
		{"a handful of", 3, true, true},
		{"at least 30", 30, true, true},
		{"up to 5,000", 5000, true, true},
		{"nearly 200", 200, true, true},
		{"an estimated 3,000", 3000, true, true},
		{"20-30", 20, true, true},
		{"three million", 3000000, false, true},
		{"a thousand", 1000, false, true},
		{"soldiers", 0, false, false},
		{"1e400", 0, false, false},
		{"999999999999999 trillion", 999999999999999, false, true},
	}
	for _, tc := range tests {
		v, approx, ok := Normalize(tc.in)
		if v != tc.value || approx != tc.approx || ok != tc.ok {
			t.Errorf("Normalize(%q) = %v, %v, %v; want %v, %v, %v", tc.in, v, approx, ok, tc.value, tc.approx, tc.ok)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"14,000", "more than 2.5 million", "tens of thousands of", "twenty - five",
		"1e400", "1234567890123456789012345", "a dozen", "one hundred and", "20-30", "9,999,999,999,999,999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, ok := Normalize(s)
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > maxValue {
			t.Fatalf("Normalize(%q) = %v: out of bounds", s, v)
		}
		if !ok && v != 0 {
			t.Fatalf("Normalize(%q) = %v, false: want 0 when not ok", s, v)
		}
		if n, ok := ParseNumber(s); ok && (math.IsNaN(n) || math.IsInf(n, 0) || n > maxValue) {
			t.Fatalf("ParseNumber(%q) = %v: out of bounds", s, n)
		}
	})
}

func TestLexicon(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatalf("load lexicon: %v", err)
	}
	if len(lx.num) < 20 || len(lx.vague) < 10 || len(lx.kinds) < 20 {
		t.Errorf("lexicon looks short: %d numbers, %d vague amounts, %d kinds", len(lx.num), len(lx.vague), len(lx.kinds))
	}
	if _, err := parseLexicon("bogus\tx\t1\n"); err == nil {
		t.Errorf("parseLexicon with an unknown class: got no error")
	}
}

func TestIsUnit(t *testing.T) {
	for word, want := range map[string]bool{"miles": true, "km": true, "percent": true, "dollars": true, "soldiers": false, "images": false} {
		if got := IsUnit(word); got != want {
			t.Errorf("IsUnit(%q) = %v, want %v", word, got, want)
		}
	}
}
