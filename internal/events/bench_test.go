package events

import (
	"testing"
	"time"
)

// BenchmarkCode codes a hand-parsed two-sentence article.
func BenchmarkCode(b *testing.B) {
	c := newTestCoder(b)
	text, sents := attackArticle()
	in := Input{Text: text, Sentences: sents, Published: time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Code(in)
	}
}

// BenchmarkCodeParsed codes our border fixture as parsed by the real models.
func BenchmarkCodeParsed(b *testing.B) {
	h := newHarness(b)
	in := h.input(readFixture(b, "border.txt"), time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		_ = h.c.Code(in)
	}
}
