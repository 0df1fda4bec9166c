package ner

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/shareddata"
)

// TestEvalUNERShared scores the embedded model on UNER English test, when
// the shared folder is present, against a floor well below the measured
// F1 (see docs/QUALITY.md), to catch a broken model.
func TestEvalUNERShared(t *testing.T) {
	path, err := shareddata.Path(unerTestPath...)
	if err != nil {
		t.Skip(err)
	}
	r := loadForTest(t)
	s, err := EvalUNER(r, path, nil)
	if err != nil {
		t.Fatalf("EvalUNER: %v", err)
	}
	if s.Sentences != 2077 {
		t.Errorf("read %d sentences, want 2077", s.Sentences)
	}
	if s.F1 < 0.65 {
		t.Errorf("UNER test F1 = %.3f (P %.3f R %.3f), want at least 0.65", s.F1, s.P, s.R)
	}
}

func TestEvalMeantimeShared(t *testing.T) {
	dir, err := shareddata.Path(meantimeDir...)
	if err != nil {
		t.Skip(err)
	}
	r := loadForTest(t)
	s, err := EvalMeantime(r, dir, nil)
	if err != nil {
		t.Fatalf("EvalMeantime: %v", err)
	}
	var b strings.Builder
	if err := s.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("MEANTIME (all 120 articles, none used in training):\n%s", b.String())
	if s.R < 0.7 || s.P < 0.5 {
		t.Errorf("MEANTIME P/R = %.3f/%.3f, want at least 0.5/0.7", s.P, s.R)
	}
	if s.Unjudged == 0 {
		t.Error("no unjudged predictions: MEANTIME leaves many names unannotated")
	}
	// The same model a sentence at a time, without the document pass.
	one, err := New(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	one.doc = docOptions{}
	s1, err := EvalMeantime(one, dir, nil)
	if err != nil {
		t.Fatalf("EvalMeantime: %v", err)
	}
	t.Logf("MEANTIME F1 %.4f (P %.4f R %.4f) with the document pass, %.4f (P %.4f R %.4f) without",
		s.F1, s.P, s.R, s1.F1, s1.P, s1.R)
}
