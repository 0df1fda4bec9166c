package parse

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/tag"
)

// devFixture is a development treebank of our own with a word ("drone")
// and relations (compound, amod) that the tiny training treebank lacks.
const devFixture = `# sent_id = dev-1
# text = The drone pilots saw bright lights.
1	The	the	DET	DT	Definite=Def|PronType=Art	3	det	_	_
2	drone	drone	NOUN	NN	Number=Sing	3	compound	_	_
3	pilots	pilot	NOUN	NNS	Number=Plur	4	nsubj	_	_
4	saw	see	VERB	VBD	Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin	0	root	_	_
5	bright	bright	ADJ	JJ	Degree=Pos	6	amod	_	_
6	lights	light	NOUN	NNS	Number=Plur	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

`

// TestTrainModelWithDev trains the tagger and parser the way vigil train
// does, on a shared folder holding the tiny treebank as EWT train and
// devFixture as EWT dev: only WithDev models learn from dev.
func TestTrainModelWithDev(t *testing.T) {
	train, err := os.ReadFile("../nlp/testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	shared := t.TempDir()
	for path, data := range map[string][]byte{tag.EWTTrain: train, tag.EWTDev: []byte(devFixture)} {
		p := filepath.Join(shared, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", t.TempDir()) // the jackknife cache
	ctx := context.Background()
	for _, withDev := range []bool{false, true} {
		out := t.TempDir()
		cfg := tag.ModelConfig{Seed: 1, WithDev: withDev, Log: slog.New(slog.DiscardHandler)}
		if err := tag.TrainModel(ctx, shared, out, cfg); err != nil {
			t.Fatalf("WithDev=%v: train tagger: %v", withDev, err)
		}
		if err := TrainModel(ctx, shared, out, cfg); err != nil {
			t.Fatalf("WithDev=%v: train parser: %v", withDev, err)
		}
		tg, err := readTagger(filepath.Join(out, tag.ModelPath))
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(out, ModelPath))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(p.Labels(), "compound"); got != withDev {
			t.Errorf("WithDev=%v: parser knows the dev-only relation compound: got %v, want %v", withDev, got, withDev)
		}
		s := model.Sentence{Tokens: []model.Token{{Text: "The"}, {Text: "drone"}, {Text: "pilots"}, {Text: "saw"}, {Text: "lights"}, {Text: "."}}}
		tg.Tag(&s)
		p.Parse(&s)
		if withDev && s.Tokens[1].XPOS != "NN" {
			t.Errorf("WithDev=true: dev word drone tagged %s, want NN", s.Tokens[1].XPOS)
		}
		roots := 0
		for _, tk := range s.Tokens {
			if tk.Head < 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("WithDev=%v: %d roots, want 1", withDev, roots)
		}
	}
}
