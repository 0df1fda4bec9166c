package places

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// dumpTo names a file the error dump of every corpus is written to:
//
//	go test ./internal/evaluate/places -run TestDiagnoseDump -dump /tmp/places-errors.txt
var dumpTo = flag.String("dump", "", "write the classified place errors of the geoparsing corpora to this file")

// loadCorpora loads the corpus-wide test setup, skipping when the shared
// data or the gazetteer index is missing.
func loadCorpora(t *testing.T) ([]string, *gazetteer.Index, *actors.KB, *nlp.Annotator, *places.Resolver) {
	t.Helper()
	dir, err := shareddata.Path("eval", "places-geoparsing")
	if err != nil {
		t.Skip(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "data", "Corpora", "*.xml"))
	path, err := gazetteer.Locate()
	if err != nil {
		t.Skip(err)
	}
	idx, err := gazetteer.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, err := nlp.New(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := places.New(idx, kb)
	if err != nil {
		t.Fatal(err)
	}
	return files, idx, kb, a, res
}

func TestDiagnoseDump(t *testing.T) {
	if *dumpTo == "" {
		t.Skip("no -dump file given")
	}
	files, idx, kb, a, res := loadCorpora(t)
	sys := System{NLP: a, Coref: coref.New(kb), Places: res, KB: kb}
	out, err := os.Create(*dumpTo)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for _, f := range files {
		docs, _, err := ReadCorpusFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := sys.Diagnose(context.Background(), docs, idx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			t.Errorf("%s: no toponyms diagnosed", f)
		}
		PrintDiagnosis(out, strings.TrimSuffix(filepath.Base(f), ".xml"), ds, true)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		d    Diagnosis
		want string
	}{
		{Diagnosis{Phrase: "Springvale", Km: missKm}, "miss/no-entity/gaz-lacks"},
		{Diagnosis{Phrase: "Springvale", Km: missKm, GazNear: true}, "miss/no-entity/gaz-has-it"},
		{Diagnosis{Phrase: "Springvale", Km: missKm, NER: "PERSON", GazNear: true}, "miss/entity-PERSON/gaz-has-it"},
		{Diagnosis{Phrase: "Springvale", Km: missKm, NER: "GPE", GazNear: true}, "miss/place-entity-dropped/gaz-has-it"},
		{Diagnosis{Phrase: "Springvale", Km: missKm, NER: "LOC"}, "miss/place-entity/gaz-lacks"},
		{Diagnosis{Phrase: "Springvale", Ours: "Springvale", Km: 12}, "ok"},
		{Diagnosis{Phrase: "Springvale", Ours: "North Springvale", Km: 900}, "wrong/span-differs"},
		{Diagnosis{Phrase: "Springvale", Ours: "Springvale", Km: 900, GazNear: true, CtxNear: true}, "wrong/choice/context-near"},
		{Diagnosis{Phrase: "Springvale", Ours: "Springvale", Km: 900, GazNear: true}, "wrong/choice/no-context"},
		{Diagnosis{Phrase: "Springvale", Ours: "Springvale", Km: 900}, "wrong/gaz-lacks"},
	}
	for _, tt := range tests {
		if got := classify(tt.d); got != tt.want {
			t.Errorf("classify(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	for _, c := range []struct {
		i, n int
		want string
	}{{0, 5, "dev"}, {2, 5, "dev"}, {3, 5, "test"}, {1, 2, "test"}} {
		if got := Half(c.i, c.n); got != c.want {
			t.Errorf("Half(%d, %d) = %q, want %q", c.i, c.n, got, c.want)
		}
	}
}
