package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func benchmarkProcess(b *testing.B, doc model.Document) {
	p := New(nil, Config{})
	ctx := context.Background()
	if _, err := p.Process(ctx, doc); err != nil {
		b.Fatalf("Process: %v", err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// The fixtures are the border article that cmd/vigil checks end to end.
func BenchmarkProcessHTML(b *testing.B) {
	html, err := os.ReadFile("../../cmd/vigil/testdata/border.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(html)))
	benchmarkProcess(b, model.Document{Origin: "border.html", HTML: html})
}

func BenchmarkProcessText(b *testing.B) {
	text, err := os.ReadFile("../../cmd/vigil/testdata/border.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	benchmarkProcess(b, model.Document{Origin: "border.txt", Text: string(text)})
}
