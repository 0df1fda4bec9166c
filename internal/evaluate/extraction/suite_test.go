package extraction

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/shareddata"
)

func scrapinghubDir(t *testing.T) string {
	t.Helper()
	dir, err := shareddata.Path("eval", "article-extraction-scrapinghub")
	if err != nil {
		t.Skip(err)
	}
	return dir
}

// TestMetricReproducesBenchmark scores the go-trafilatura output shipped
// with the benchmark and compares it with the figure the benchmark
// publishes for it (F1 0.960), which checks that our metric is the
// benchmark's.
func TestMetricReproducesBenchmark(t *testing.T) {
	dir := scrapinghubDir(t)
	pages, err := LoadScrapinghub(dir)
	if err != nil {
		t.Fatal(err)
	}
	preds, err := LoadPredictions(filepath.Join(dir, "output", "go_trafilatura.json"))
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]Doc, len(pages))
	for i, p := range pages {
		docs[i] = Score(p.Gold, preds[p.ID])
	}
	got := summarize(docs)
	const published = 0.960
	if math.Abs(got.F1-published) > 0.0015 {
		t.Errorf("go_trafilatura F1 = %.4f, benchmark publishes %.3f", got.F1, published)
	}
}

// TestRunSmall runs the whole suite on the first pages of each data set.
func TestRunSmall(t *testing.T) {
	dir := scrapinghubDir(t)
	cfg := Config{Dir: dir, Limit: 10}
	res, err := Evaluate(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := res.print(&out, cfg); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	last := lines[len(lines)-1]
	m := regexp.MustCompile(`^extraction: precision=(0\.\d{4}|1\.0000) recall=(0\.\d{4}|1\.0000) f1=(0\.\d{4}|1\.0000)$`).FindStringSubmatch(last)
	if m == nil {
		t.Fatalf("last line = %q, want extraction: precision=… recall=… f1=…\n%s", last, text)
	}
	for _, row := range []string{RowVigil, RowHTMLText, "go_trafilatura", "go_readability", "trafilatura"} {
		if !strings.Contains(text, "\n"+row+" ") {
			t.Errorf("table lacks row %q:\n%s", row, text)
		}
	}
	v := res.Scrapinghub[RowVigil]
	if v.N != 10 {
		t.Errorf("scored %d pages, want 10", v.N)
	}
	// A sanity floor, far below the measured figure: the suite must be
	// scoring real extractions, not empty strings.
	if v.F1 < 0.5 || v.Empty > 1 {
		t.Errorf("vigil on 10 pages: %+v; extraction looks broken", v)
	}
	if res.L3S != nil && res.L3S[RowVigil].N != 10 {
		t.Errorf("L3S scored %d pages, want 10", res.L3S[RowVigil].N)
	}
}

func TestRunMissingData(t *testing.T) {
	err := RunConfig(context.Background(), Config{Dir: t.TempDir()}, nil, &bytes.Buffer{})
	if err == nil {
		t.Fatal("RunConfig on an empty folder returned no error")
	}
}
