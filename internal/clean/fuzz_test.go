package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// nonSpace counts the bytes of every non-space character of ss; invalid
// UTF-8 bytes count as non-space.
func nonSpace(ss ...string) map[string]int {
	m := make(map[string]int)
	for _, s := range ss {
		for s != "" {
			r, size := utf8.DecodeRuneInString(s)
			if !unicode.IsSpace(r) || r == utf8.RuneError && size == 1 {
				m[s[:size]]++
			}
			s = s[size:]
		}
	}
	return m
}

// checkResult checks that a result accounts for every non-space character
// of its input, and that its paragraphs are well formed.
func checkResult(t *testing.T, name string, in []string, res Result, validIn bool) {
	t.Helper()
	out := append([]string(nil), res.Paragraphs...)
	for _, r := range res.Removed {
		if r.Text == "" || r.Reason == "" {
			t.Fatalf("%s: empty removal %+v", name, r)
		}
		out = append(out, r.Text)
	}
	want, got := nonSpace(in...), nonSpace(out...)
	if len(want) != len(got) {
		t.Fatalf("%s: output holds %d distinct characters, input %d", name, len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("%s: character %q occurs %d times in the output, %d in the input", name, k, got[k], n)
		}
	}
	for _, p := range out {
		if p == "" || strings.ContainsAny(p, "\r\n") || strings.TrimSpace(p) != p {
			t.Fatalf("%s: malformed paragraph %q", name, p)
		}
		if validIn && !utf8.ValidString(p) {
			t.Fatalf("%s: invalid UTF-8 in %q", name, p)
		}
	}
}

func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			title, body := splitFixture(string(b))
			f.Add(title, body)
		}
	}
	f.Add("", "")
	f.Add("T", "DON'T MISS\nA [VIDEO]\nB [INSIGHT]\nC\n")
	f.Add("Headline here", "Headline here\n\n“Open quote\nVladimir Putin in Moscow\nBy John Smith, Kyiv\n")
	f.Add("x", "word-\nnext line\r\rmore\u00a0text\u2028end")
	f.Add("x", "\xff\xfe By \xc3 Smith\n(Image: \xe2\x80)\n© \x80")
	f.Add("ȺȺ", "Related:ȺȺȺ x\nȺȺȺȺ (ȺȺ Reuters)\nİİİ / AP\nȺ (Image: Ⱥ)")
	f.Fuzz(func(t *testing.T, title, text string) {
		valid := utf8.ValidString(text)
		checkResult(t, "Text", []string{text}, Text(title, text), valid)
		paras := strings.Split(text, "\n")
		checkResult(t, "Paragraphs", paras, Paragraphs(title, paras), valid)
	})
}

func BenchmarkClean(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "border.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body := splitFixture(string(raw))
	b.Run("Text", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			Text(title, body)
		}
	})
	paras := strings.Split(body, "\n")
	b.Run("Paragraphs", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			Paragraphs(title, paras)
		}
	})
}

// TestCleanLarge guards against super-linear behaviour on long inputs built
// to stress one rule each.
func TestCleanLarge(t *testing.T) {
	const n = 1 << 16
	for _, unit := range []string{
		"word ", "Word\n", "DON'T MISS\n", "A teaser line [VIDEO]\n", "“open quote\n", "By John Smith\n",
		"Russian troops near the border\n", "hard wrapped line of text that goes on and\n", "x\n\n", "(Image: Getty) ",
	} {
		text := strings.Repeat(unit, n/len(unit))
		start := time.Now()
		res := Text("Russian troops near the border", text)
		Paragraphs("Russian troops near the border", strings.Split(text, "\n"))
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("clean %q × %d took %v", unit, n/len(unit), d)
		}
		if len(res.Paragraphs)+len(res.Removed) == 0 {
			t.Errorf("clean %q × %d returned nothing", unit, n/len(unit))
		}
	}
}
