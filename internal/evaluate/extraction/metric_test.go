package extraction

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"It's 3.14 — ça_va", []string{"It", "s", "3", "14", "ça_va"}},
		{"x²+y\u0301", []string{"x²", "y"}}, // numbers are word characters, combining marks are not (as in Python)
		{"北京 欢迎你", []string{"北京", "欢迎你"}},
		{"bad\xffbyte", []string{"bad", "byte"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		want       Counts
	}{
		{"identical", "one two three four five", "one two three four five", Counts{TP: 1}},
		{"punctuation and spacing ignored", "one, two. three\nfour", "one two three four", Counts{TP: 1}},
		{"short texts are one shingle", "a b c", "a b c", Counts{TP: 1}},
		{"short texts differ", "a b c", "a b", Counts{FP: 0.5, FN: 0.5}},
		// gold shingles: abcd, bcde; predicted: abcd
		{"missing tail", "a b c d e", "a b c d", Counts{TP: 0.5, FN: 0.5}},
		{"extra tail", "a b c d", "a b c d e", Counts{TP: 0.5, FP: 0.5}},
		{"empty prediction", "a b c d", "", Counts{FN: 1}},
		{"both empty", "", "", Counts{}},
		// gold shingles: xyzw twice, yzwx, zwxy, wxyz; predicted xyzw once
		{"multiset counts", "x y z w x y z w", "x y z w", Counts{TP: 0.2, FN: 0.8}},
		{"case matters", "A b c d", "a b c d", Counts{FP: 0.5, FN: 0.5}},
	}
	for _, tt := range tests {
		got := Match(tt.gold, tt.pred)
		if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
			t.Errorf("%s: Match(%q, %q) = %+v, want %+v", tt.name, tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestExact(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"A, b\nc", "A b c", true},
		{"A b", "a b", false},
		{"a b c", "a b", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := Exact(tt.gold, tt.pred); got != tt.want {
			t.Errorf("Exact(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	docs := []Doc{
		Score("a b c d e", "a b c d"), // P 1, R 0.5
		Score("a b c d", ""),          // no precision; R 0
		Score("", ""),                 // counts in neither mean
		Score("w x y z", "w x y z"),   // P 1, R 1, exact
	}
	got := summarize(docs)
	want := Scores{
		Precision: 1,       // mean of 1, 1
		Recall:    0.5,     // mean of 0.5, 0, 1
		F1:        2.0 / 3, // harmonic mean of the two means
		Accuracy:  0.5,     // "" == "" and the identical pair
		N:         4,
		Empty:     2,
	}
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) ||
		!near(got.Accuracy, want.Accuracy) || got.N != want.N || got.Empty != want.Empty {
		t.Errorf("summarize = %+v, want %+v", got, want)
	}
	if s := summarize(nil); s != (Scores{}) {
		t.Errorf("summarize(nil) = %+v, want zero", s)
	}
	if std := Summarize(docs).F1Std; std <= 0 || std > 1 {
		t.Errorf("bootstrap F1 std = %v, want in (0, 1]", std)
	}
	if a, b := Summarize(docs).F1Std, Summarize(docs).F1Std; a != b {
		t.Errorf("bootstrap is not deterministic: %v then %v", a, b)
	}
}

func TestLoadPredictions(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, body string
		want       map[string]string
	}{
		{"wrapped", `{"version": "1", "output": {"a": {"articleBody": "text a"}}}`, map[string]string{"a": "text a"}},
		{"flat", `{"a": {"articleBody": "text a"}, "b": {"articleBody": ""}}`, map[string]string{"a": "text a", "b": ""}},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name+".json")
		if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := LoadPredictions(path)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPredictions(bad); err == nil {
		t.Error("LoadPredictions(bad JSON) returned no error")
	}
}

func TestL3SGold(t *testing.T) {
	page := `<html><head><style>.x-nc-sel2 {}</style></head><body>
<div>menu</div>
<span class="x-nc-sel1">The headline</span>
<p><span class="x-nc-sel2">First part of the</span><span class="x-nc-sel2">body</span>, continued.</p>
<span class="x-nc-sel2">Second <b>bold</b> block <span class="x-nc-sel3">(caption inside)</span> ends.</span>
<span class="x-nc-sel5">A comment</span>
</body></html>`
	got, err := L3SGold([]byte(page), l3sMain)
	if err != nil {
		t.Fatal(err)
	}
	want := "First part of the\nbody\nSecond bold block\nends."
	if got != want {
		t.Errorf("L3SGold main = %q, want %q", got, want)
	}
	got, err = L3SGold([]byte(page), l3sHeadline, l3sMain)
	if err != nil {
		t.Fatal(err)
	}
	if want := "The headline\n" + want; got != want {
		t.Errorf("L3SGold headline+main = %q, want %q", got, want)
	}
}
