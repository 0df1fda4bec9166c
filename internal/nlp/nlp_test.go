package nlp

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestAnnotate(t *testing.T) {
	a, err := New(nil)
	withNER := err == nil
	if err != nil {
		// The entity model is trained by another stage; test the rest.
		t.Logf("no entity model (%v): checking without NER", err)
		if a, err = NewWithOptions(nil, Options{NoNER: true}); err != nil {
			t.Fatal(err)
		}
	}
	text := "Russian troops were amassed near the border. The Kremlin didn't comment.\nProtesters gathered in Kyiv on Monday."
	spans := []model.Span{{Start: 0, End: 44}, {Start: 45, End: 72}, {Start: 73, End: len(text)}, {Start: 5, End: 5}}
	sents := a.Annotate(text, spans)
	if len(sents) != len(spans) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(spans))
	}
	for i, s := range sents {
		if s.Index != i || s.Span != spans[i] {
			t.Errorf("sentence %d: index %d span %v, want %d %v", i, s.Index, s.Span, i, spans[i])
		}
		roots := 0
		for _, tok := range s.Tokens {
			if tok.Text != text[tok.Start:tok.End] {
				t.Errorf("token %q does not match its offsets [%d,%d)", tok.Text, tok.Start, tok.End)
			}
			if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" || tok.Rel == "" || (withNER && tok.NER == "") {
				t.Errorf("token %q not fully annotated: %+v", tok.Text, tok)
			}
			if tok.Head == -1 {
				roots++
			}
		}
		if len(s.Tokens) > 0 && roots != 1 {
			t.Errorf("sentence %d has %d roots", i, roots)
		}
	}
	if n := len(sents[3].Tokens); n != 0 {
		t.Errorf("empty span gave %d tokens", n)
	}
	// "didn't" is split with exact offsets.
	var got []string
	for _, tok := range sents[1].Tokens {
		got = append(got, tok.Text)
	}
	if want := "The Kremlin did n't comment ."; strings.Join(got, " ") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, " "), want)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	a, err := New(nil)
	if err != nil {
		b.Logf("no entity model (%v): timing without NER", err)
		if a, err = NewWithOptions(nil, Options{NoNER: true}); err != nil {
			b.Fatal(err)
		}
	}
	text := strings.Repeat("Officials said on Tuesday that Russian troops, which had been amassed near the border, were withdrawn after talks in Geneva. ", 20)
	var spans []model.Span
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			break
		}
		spans = append(spans, model.Span{Start: start, End: start + end + 1})
		start += end + 2
	}
	n := 0
	for _, s := range a.Annotate(text, spans) {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		a.Annotate(text, spans)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
