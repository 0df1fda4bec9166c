package ner

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

// The folder testdata/shared mirrors the layout of the shared data folder
// with a few sentences of each source, written for these tests.
const tinyShared = "testdata/shared"

func trainTiny(t *testing.T, seed int64) []byte {
	t.Helper()
	out := t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Train(context.Background(), tinyShared, out, seed, log); err != nil {
		t.Fatalf("Train: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTrainTinyDeterministic(t *testing.T) {
	a := trainTiny(t, 7)
	b := trainTiny(t, 7)
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs with seed 7 gave different models (%d and %d bytes)", len(a), len(b))
	}
	r, err := New(a)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	// The model must at least learn its own training sentences.
	tests := []struct {
		text string
		want string
	}{
		{"Maria Lopez flew from Madrid to Chicago on Monday .", "PERSON:Maria Lopez|GPE:Madrid|GPE:Chicago"},
		{"She works for Acme Industries in Toronto .", "ORG:Acme Industries|GPE:Toronto"},
		{"we drove along the Thames River near London .", "LOC:Thames River|GPE:London"},
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		got := strings.Join(mentionStrings(s, r.Mentions(s)), "|")
		if got != tt.want {
			t.Errorf("tiny model on %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTrainMissingData(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	err := Train(context.Background(), t.TempDir(), t.TempDir(), 1, log)
	if err == nil || !strings.HasPrefix(err.Error(), "train ner:") {
		t.Fatalf("Train on an empty folder: err = %v, want a train ner error", err)
	}
}

func TestTrainCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := Train(ctx, tinyShared, t.TempDir(), 1, log); err == nil {
		t.Fatal("Train with a cancelled context succeeded")
	}
}

func TestEvalTiny(t *testing.T) {
	r, err := New(trainTiny(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	s, err := EvalUNER(r, UNERTestPath(tinyShared), nil)
	if err != nil {
		t.Fatalf("EvalUNER: %v", err)
	}
	if s.Sentences != 2 || s.TP+s.FN != 6 {
		t.Errorf("EvalUNER read %d sentences with %d gold entities, want 2 and 6", s.Sentences, s.TP+s.FN)
	}
	prepped := 0
	if _, err := EvalUNER(r, UNERTestPath(tinyShared), func(*model.Sentence) { prepped++ }); err != nil {
		t.Fatal(err)
	}
	if prepped != 2 {
		t.Errorf("prep ran %d times, want 2", prepped)
	}
	m, err := EvalMeantime(r, MeantimeDir(tinyShared), nil)
	if err != nil {
		t.Fatalf("EvalMeantime: %v", err)
	}
	// Each of the four topics holds one sentence: ORG Globex, PERSON Hank
	// Scorpio (the title "chief" is not part of a name), PLACE Lisbon.
	if m.TP+m.FN != 12 {
		t.Errorf("EvalMeantime gold entities = %d, want 12", m.TP+m.FN)
	}
}
