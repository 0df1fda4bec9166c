package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// checkSpans checks the invariants every result of Split must hold.
func checkSpans(t *testing.T, text string) {
	t.Helper()
	spans := Split(text)
	// Rune starts as UTF-8 decoding sees them (an invalid byte is a rune).
	starts := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		starts[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	starts[len(text)] = true
	covered := make([]bool, len(text))
	prevEnd := 0
	for i, s := range spans {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("span %d [%d,%d) out of order or bounds (previous end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		}
		if !starts[s.Start] || !starts[s.End] {
			t.Fatalf("span %d [%d,%d) not on rune boundaries", i, s.Start, s.End)
		}
		sent := text[s.Start:s.End]
		if strings.Contains(sent, "\n") {
			t.Fatalf("span %d %q crosses a paragraph break", i, sent)
		}
		first, _ := utf8.DecodeRuneInString(sent)
		last, _ := utf8.DecodeLastRuneInString(sent)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %d %q is not trimmed", i, sent)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prevEnd = s.End
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !covered[i] {
			t.Fatalf("character %q at %d is in no span", text[i:i+size], i)
		}
		i += size
	}
}

func FuzzSplit(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "article.txt")); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"", " ", "\n\n", "Mr. Smith. The U.S. Then.", "He paused... and… Then?!” Yes.)",
		"J. R. R. Tolkien met George W. Bush. vigil.com 1.5.2 3.30pm", "“Why?” Smith asked. 'Go!' The",
		"a.\xff. \xe2\x80\xa6 \xe2\x80. x", "end.\u00a0\u2028Next. \r\nLast.", ". . . ? ! …",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text)
	})
}

func BenchmarkSplit(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.TrimSpace(string(raw))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}

// TestSplitLarge guards against super-linear behaviour on long inputs
// built to stress one rule each.
func TestSplitLarge(t *testing.T) {
	const n = 1 << 18
	for _, unit := range []string{"a.", ". ", "Mr. ", "U.S. The ", "\"Why?\" Smith asked. ", "… ", "x", "\n", "A.B.C.D.E."} {
		text := strings.Repeat(unit, n/len(unit))
		start := time.Now()
		spans := Split(text)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Split(%q × %d) took %v", unit, n/len(unit), d)
		}
		if strings.TrimSpace(text) != "" && len(spans) == 0 {
			t.Errorf("Split(%q × %d) found no sentence", unit, n/len(unit))
		}
	}
}
