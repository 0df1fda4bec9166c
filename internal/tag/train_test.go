package tag

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/vigilhq/vigil/internal/nlp/conllu"
	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
)

func tinyTreebank(t *testing.T) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadFile("../nlp/testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func trainTiny(t *testing.T, sents []conllu.Sentence, first []conllu.Sentence) *Tagger {
	t.Helper()
	tg, err := Train(context.Background(), sents, TrainOptions{Epochs: 15, MinWeight: 0.01, Seed: 3, FirstPass: first, RareMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTrainTinyTagsItsData(t *testing.T) {
	sents := tinyTreebank(t)
	for _, twoPass := range []bool{false, true} {
		var first []conllu.Sentence
		if twoPass {
			// On training data the first pass is nearly perfect: stand in
			// gold tags for jackknifed ones, which 8 sentences cannot give.
			first = sents
		}
		tg := trainTiny(t, sents, first)
		for _, cs := range sents {
			s := FromConllu(&cs)
			tg.Tag(&s)
			for i, w := range cs.Words {
				got := s.Tokens[i]
				if got.UPOS != w.UPOS || got.XPOS != w.XPOS || got.Lemma != w.Lemma {
					t.Errorf("two-pass %v, %s: %q tagged %s/%s/%s, want %s/%s/%s", twoPass, cs.ID, w.Form, got.UPOS, got.XPOS, got.Lemma, w.UPOS, w.XPOS, w.Lemma)
				}
			}
		}
	}
}

func TestTrainTaggerDeterministic(t *testing.T) {
	sents := tinyTreebank(t)
	var out [2]bytes.Buffer
	for k := range out {
		if _, err := trainTiny(t, sents, nil).WriteTo(&out[k]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatalf("two trainings with the same seed differ (%d and %d bytes)", out[0].Len(), out[1].Len())
	}
	tg, err := Read(bytes.NewReader(out[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s := FromConllu(&sents[1])
	tg.Tag(&s)
	if s.Tokens[3].XPOS != "VBN" || s.Tokens[3].Lemma != "pass" {
		t.Errorf("read-back tagger: %q → %s %s, want VBN pass", s.Tokens[3].Text, s.Tokens[3].XPOS, s.Tokens[3].Lemma)
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("nope"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Read(bytes.NewReader(b)); err == nil {
			t.Errorf("Read(%q) accepted garbage", b)
		}
	}
}

// TestGateRunsSecondPass checks that the gate decides which words the
// second pass rescores: none at 0, all when negative. An empty second
// model scores every class 0, so each word it rescores gets its first
// candidate class.
func TestGateRunsSecondPass(t *testing.T) {
	sents := tinyTreebank(t)
	tg := trainTiny(t, sents, nil)
	tagAll := func() []string {
		var got []string
		for _, cs := range sents {
			s := FromConllu(&cs)
			tg.Tag(&s)
			for _, tok := range s.Tokens {
				got = append(got, tok.XPOS)
			}
		}
		return got
	}
	one := tagAll()
	tg.model2 = pc.NewTrainer(len(tg.upos)).Model(1)
	tests := []struct {
		gate    int32
		changed bool
	}{
		{gate: 0, changed: false},
		{gate: -1, changed: true},
	}
	for _, tc := range tests {
		tg.gate = tc.gate
		tg.cacheStatic()
		got := tagAll()
		if changed := !slices.Equal(got, one); changed != tc.changed {
			t.Errorf("gate %d: second pass changed tags = %v, want %v", tc.gate, changed, tc.changed)
		}
	}
}

func TestModelConfigFiles(t *testing.T) {
	tests := []struct {
		withDev bool
		want    []string
	}{
		{false, []string{EWTTrain}},
		{true, []string{EWTTrain, EWTDev}},
	}
	for _, tc := range tests {
		got := ModelConfig{WithDev: tc.withDev}.Files()
		if !slices.Equal(got, tc.want) {
			t.Errorf("WithDev=%v: got files %v, want %v", tc.withDev, got, tc.want)
		}
	}
}

func TestReadTreebanksJoins(t *testing.T) {
	one, err := ReadTreebanks("../nlp/testdata", []string{"tiny.conllu"})
	if err != nil {
		t.Fatal(err)
	}
	two, err := ReadTreebanks("../nlp/testdata", []string{"tiny.conllu", "tiny.conllu"})
	if err != nil {
		t.Fatal(err)
	}
	if len(one) == 0 || len(two) != 2*len(one) {
		t.Fatalf("got %d sentences from the file twice, want twice %d", len(two), len(one))
	}
	if two[len(one)].ID != one[0].ID {
		t.Errorf("second copy starts with %q, want %q", two[len(one)].ID, one[0].ID)
	}
	if _, err := ReadTreebanks("../nlp/testdata", []string{"no-such-file.conllu"}); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestAverage(t *testing.T) {
	sents := tinyTreebank(t)
	a := trainTiny(t, sents, sents)
	b, err := Train(context.Background(), sents, TrainOptions{Epochs: 15, MinWeight: 0.01, Seed: 4, FirstPass: sents, RareMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	avg, err := Average(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, cs := range sents {
		s := FromConllu(&cs)
		avg.Tag(&s)
		for i, w := range cs.Words {
			if got := s.Tokens[i]; got.UPOS != w.UPOS || got.XPOS != w.XPOS {
				t.Errorf("%s: %q tagged %s/%s, want %s/%s", cs.ID, w.Form, got.UPOS, got.XPOS, w.UPOS, w.XPOS)
			}
		}
	}
	// It writes and reads back like any tagger.
	var buf bytes.Buffer
	if _, err := avg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(&buf); err != nil {
		t.Fatalf("read back the averaged tagger: %v", err)
	}
	if _, err := Average(a, trainTiny(t, sents, nil)); err == nil {
		t.Error("Average of a one-pass and a two-pass tagger: no error")
	}
}
