package tokenize

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
	"github.com/vigilhq/vigil/internal/shareddata"
)

func texts(toks []model.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by single spaces
	}{
		{"I don't know.", "I do n't know ."},
		{"We can't go, they won't stay.", "We ca n't go , they wo n't stay ."},
		{"He's gonna win and I'm sure.", "He 's gon na win and I 'm sure ."},
		{"You cannot be serious", "You can not be serious"},
		{"They'll say we'd've", "They 'll say we 'd 've"},
		{"The minister's plan", "The minister 's plan"},
		{"The U.S.'s allies and L.A.’s mayor", "The U.S. 's allies and L.A. ’s mayor"},
		{"It’s John’s car, isn’t it?", "It ’s John ’s car , is n’t it ?"},
		{"i dont care", "i do nt care"},
		{`"Hello," she said.`, `" Hello , " she said .`},
		{"“Curly quotes” and ‘single’ ones", "“ Curly quotes ” and ‘ single ’ ones"},
		{"a long-term plan for pre-war e-mail", "a long - term plan for pre-war e-mail"},
		{"the well-known co-workers", "the well - known co-workers"},
		{"See https://example.com/a?b=c.", "See https://example.com/a?b=c ."},
		{"Visit www.example.org today", "Visit www.example.org today"},
		{"Write to jane.doe@example.org!", "Write to jane.doe@example.org !"},
		{"@vigil_bot said #breaking news", "@vigil_bot said #breaking news"},
		{"14,000 people paid $2.5 million", "14,000 people paid $ 2.5 million"},
		{"in the 1990s at 3:30pm on 11/28/2000", "in the 1990s at 3:30 pm on 11/28/2000"},
		{"It rose 5% to 10am.", "It rose 5 % to 10 am ."},
		{"Mr. Smith went to the U.S. capital.", "Mr. Smith went to the U.S. capital ."},
		{"apples, pears etc.", "apples , pears etc ."},
		{"Dr. J. Doe, Inc. said so", "Dr. J. Doe , Inc. said so"},
		{"(see above) [sic] {x}", "( see above ) [ sic ] { x }"},
		{"Wait... what?!", "Wait ... what ?!"},
		{"and/or this", "and / or this"},
		{"a -- b — c", "a -- b — c"},
		{"Great 😀 day😀", "Great 😀 day 😀"},
		{"smile :) ok", "smile :) ok"},
		{"a\x00b\tc\u200bd", "a b c d"},
		{"Москва и 北京 together", "Москва и 北京 together"},
		{"the friend(s) came", "the friend(s) came"},
		{"=====", "====="},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, model.Span{Start: 0, End: len(tt.in)})
		got := strings.Join(texts(toks), " ")
		if got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkTokens(t, tt.in, model.Span{Start: 0, End: len(tt.in)}, toks)
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Intro. Officials said Russia's troops didn't leave."
	span := model.Span{Start: 7, End: len(text)}
	toks := Tokenize(text, span)
	want := []struct {
		text       string
		start, end int
	}{
		{"Officials", 7, 16}, {"said", 17, 21}, {"Russia", 22, 28}, {"'s", 28, 30},
		{"troops", 31, 37}, {"did", 38, 41}, {"n't", 41, 44}, {"leave", 45, 50}, {".", 50, 51},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), texts(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Text != w.text || toks[i].Start != w.start || toks[i].End != w.end {
			t.Errorf("token %d = %q [%d,%d), want %q [%d,%d)", i, toks[i].Text, toks[i].Start, toks[i].End, w.text, w.start, w.end)
		}
		if toks[i].Head != -1 {
			t.Errorf("token %d head = %d, want -1", i, toks[i].Head)
		}
	}
}

func TestTokenizeBadSpans(t *testing.T) {
	text := "short text"
	for _, sp := range []model.Span{{Start: -5, End: 3}, {Start: 4, End: 999}, {Start: 8, End: 2}, {Start: 50, End: 60}} {
		toks := Tokenize(text, sp)
		checkTokens(t, text, model.Span{Start: max(sp.Start, 0), End: min(sp.End, len(text))}, toks)
	}
}

// checkTokens verifies the invariants every tokenisation must keep.
func checkTokens(t *testing.T, text string, span model.Span, toks []model.Token) {
	t.Helper()
	prev := span.Start
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > span.End {
			t.Fatalf("token %d [%d,%d) out of order or outside span %v", i, tok.Start, tok.End, span)
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token %d text %q != text[%d:%d] %q", i, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		for _, r := range tok.Text {
			if isSpace(r) && r != utf8.RuneError {
				t.Fatalf("token %d %q contains a separator %U", i, tok.Text, r)
			}
		}
		prev = tok.End
	}
}

func TestTokenizeLongInputs(t *testing.T) {
	tests := map[string]string{
		"10k words":   strings.Repeat("word ", 10000),
		"1MB line":    strings.Repeat("The minister's 14,000 troops didn't (really) stop—at U.S. https://x.org/a. ", 13500),
		"1MB no gaps": strings.Repeat("ab-", 350000),
		"emoji run":   strings.Repeat("😀", 50000),
		"controls":    strings.Repeat("a\x01\x02\x7f", 50000),
		"quotes":      strings.Repeat(`"'`, 100000),
		"invalid":     strings.Repeat("\xff\xfe", 100000),
	}
	for name, text := range tests {
		start := time.Now()
		toks := Tokenize(text, model.Span{Start: 0, End: len(text)})
		el := time.Since(start)
		checkTokens(t, text, model.Span{Start: 0, End: len(text)}, toks)
		if len(text) > 0 && len(toks) == 0 && name != "invalid" {
			t.Errorf("%s: no tokens", name)
		}
		if el > 5*time.Second {
			t.Errorf("%s: took %s for %d bytes", name, el, len(text))
		}
	}
	if n := len(Tokenize(tests["10k words"], model.Span{Start: 0, End: len(tests["10k words"])})); n != 10000 {
		t.Errorf("10k words: got %d tokens, want 10000", n)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"I don't know.", "“Hi,” he said—then left…", "e-mail jane@x.org 14,000 $5 3:30pm U.S.", "😀\x00\xff", "'90s rock'n'roll"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || a > len(text) {
			a = 0
		}
		if b < a || b > len(text) {
			b = len(text)
		}
		toks := Tokenize(text, model.Span{Start: a, End: b})
		checkTokens(t, text, model.Span{Start: a, End: b}, toks)
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("Officials said on Tuesday that Russia's 14,000 troops didn't leave the U.S.-backed zone near Kharkiv, according to https://example.com/news. ", 100)
	n := len(Tokenize(text, model.Span{Start: 0, End: len(text)}))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Tokenize(text, model.Span{Start: 0, End: len(text)})
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeEWT tokenises the sentences of the EWT test treebank one
// by one, as the pipeline does: short spans, where the per-call cost shows.
func BenchmarkTokenizeEWT(b *testing.B) {
	path, err := shareddata.Path("nlp", "ud-english-ewt", "en_ewt-ud-test.conllu")
	if err != nil {
		b.Skip(err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	n := 0
	for _, s := range sents {
		if s.Text != "" {
			texts = append(texts, s.Text)
			n += len(Tokenize(s.Text, model.Span{Start: 0, End: len(s.Text)}))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, tx := range texts {
			Tokenize(tx, model.Span{Start: 0, End: len(tx)})
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
