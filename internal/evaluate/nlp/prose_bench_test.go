package nlp

import (
	"os"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// The speed comparison that issue 3 asks for: prose v2 (the only other Go
// tagger with NER) against our tokenize + tag + parse + NER, on the same
// text in the same run. prose is used here only, never in the product.
// Run: GOMAXPROCS=1 go test -run '^$' -bench 'TagNER' ./internal/evaluate/nlp/

func benchText(b *testing.B) string {
	raw, err := os.ReadFile("../../../cmd/vigil/testdata/border.txt")
	if err != nil {
		b.Fatal(err)
	}
	// Body paragraphs only, as the pipeline would hand them on.
	var paras []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasSuffix(strings.TrimSpace(line), ".") || strings.HasSuffix(strings.TrimSpace(line), `."`) {
			paras = append(paras, strings.TrimSpace(line))
		}
	}
	return strings.Join(paras, "\n")
}

func countWords(text string) int { return len(strings.Fields(text)) }

func BenchmarkTagNERProse(b *testing.B) {
	text := benchText(b)
	words := countWords(text)
	// Load prose's models once, as we load ours once, so that only the
	// analysis is timed. prose's sentence segmentation is switched off (it
	// halves prose's speed), which favours prose: ours includes splitting
	// and a full dependency parse.
	first, err := prose.NewDocument("Warm up.")
	if err != nil {
		b.Fatal(err)
	}
	model := first.Model
	b.ResetTimer()
	for b.Loop() {
		doc, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Entities()
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkTagNERVigil(b *testing.B) {
	text := benchText(b)
	words := countWords(text)
	a, err := nlp.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		sents := a.Annotate(text, segment.Split(text))
		if len(sents) == 0 {
			b.Fatal("no sentences")
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkAnnotatePUD annotates the 1,000 PUD sentences once per
// iteration. Unlike the one paragraph above, whose branches the processor
// learns after a few rounds, this is varied text, as in production.
func BenchmarkAnnotatePUD(b *testing.B) {
	path, err := shareddata.Path("nlp", PUDTest)
	if err != nil {
		b.Skip(err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	a, err := nlp.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for i := range sents {
		words += len(sents[i].Words)
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range sents {
			tx := sents[i].Text
			a.Annotate(tx, []model.Span{{Start: 0, End: len(tx)}})
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
