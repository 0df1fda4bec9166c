package parse

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
)

func tinyTreebank(t *testing.T) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadFile("../nlp/testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func trainTiny(t *testing.T, sents []conllu.Sentence) *Parser {
	t.Helper()
	return trainTinySeed(t, sents, 7)
}

func trainTinySeed(t *testing.T, sents []conllu.Sentence, seed uint64) *Parser {
	t.Helper()
	p, err := Train(context.Background(), sents, TrainOptions{Epochs: 20, MinWeight: 0.01, Seed: seed, LabelMinCount: 1, PunctEpochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// parsesAsGold checks that p gives every word of sents its gold head and
// relation.
func parsesAsGold(t *testing.T, p *Parser, sents []conllu.Sentence) {
	t.Helper()
	for _, cs := range sents {
		s := model.Sentence{Tokens: toTokens(&cs)}
		p.Parse(&s)
		for i, w := range cs.Words {
			if s.Tokens[i].Head != w.Head || s.Tokens[i].Rel != w.Deprel {
				t.Errorf("%s: word %d %q got head %d %s, want %d %s", cs.ID, i, w.Form, s.Tokens[i].Head, s.Tokens[i].Rel, w.Head, w.Deprel)
			}
		}
	}
}

func TestTrainTinyLearnsTrees(t *testing.T) {
	sents := tinyTreebank(t)
	parsesAsGold(t, trainTiny(t, sents), sents)
}

func TestTrainDeterministic(t *testing.T) {
	sents := tinyTreebank(t)
	var out [2]bytes.Buffer
	for k := range out {
		p := trainTiny(t, sents)
		if _, err := p.WriteTo(&out[k]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatalf("two trainings with the same seed gave different models (%d and %d bytes)", out[0].Len(), out[1].Len())
	}
	// The model reads back and parses the same way.
	p, err := Read(bytes.NewReader(out[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	q := trainTiny(t, sents)
	for _, cs := range sents {
		a := model.Sentence{Tokens: toTokens(&cs)}
		b := model.Sentence{Tokens: toTokens(&cs)}
		p.Parse(&a)
		q.Parse(&b)
		for i := range a.Tokens {
			if a.Tokens[i].Head != b.Tokens[i].Head || a.Tokens[i].Rel != b.Tokens[i].Rel {
				t.Errorf("%s word %d: read-back model gives %d %s, trained one %d %s", cs.ID, i, a.Tokens[i].Head, a.Tokens[i].Rel, b.Tokens[i].Head, b.Tokens[i].Rel)
			}
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Read(bytes.NewReader(b)); err == nil {
			t.Errorf("Read(%q) accepted garbage", b)
		}
	}
}

func TestAverage(t *testing.T) {
	sents := tinyTreebank(t)
	p := trainTiny(t, sents)
	avg, err := Average(p, trainTinySeed(t, sents, 8))
	if err != nil {
		t.Fatal(err)
	}
	// Both members learnt the tiny treebank by heart; so must their mean.
	parsesAsGold(t, avg, sents)
	if _, err := Average(); err == nil {
		t.Error("Average() of nothing: no error")
	}
	other := slices.Clone(p.names)
	other[0] = "other"
	r := *p.Prune(0, 0)
	r.names = other
	if _, err := Average(p, &r); err == nil {
		t.Error("Average of parsers with other labels: no error")
	}
}
