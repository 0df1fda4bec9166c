package parse

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"

	"github.com/vigilhq/vigil/internal/nlp/conllu"
	"github.com/vigilhq/vigil/internal/tag"
)

// ModelOptions are the training options of the embedded parser, tuned on
// the EWT development set.
func ModelOptions(seed int64, log *slog.Logger) TrainOptions {
	return TrainOptions{
		Epochs:        12,
		Seed:          uint64(seed),
		MinWeight:     0.5,
		ExploreFrom:   2,
		ExploreProb:   0.9,
		NonProj:       NonProjLift,
		LabelMinCount: 2,
		PunctEpochs:   8,
		Log:           log,
	}
}

// ModelMembers is how many parsers, trained with seeds Seed, Seed+1, …
// (each on its own seed's jackknifed tags), are averaged into the
// embedded one (see Average).
const ModelMembers = 4

// Pruning of the embedded model: features whose weights all stay below
// these are dropped (tuned on EWT dev for speed and size at a small cost).
const (
	PruneTransitions = 1.5
	PruneLabels      = 2
)

// TrainModel trains the parser on the treebanks of cfg with the tags that
// the embedded tagger's configuration predicts by jackknifing over the
// same treebanks (its first pass, see tag.Jackknife), and writes it to
// outDir/ModelPath. It logs the scores on EWT dev with predicted tags (not
// a held-out score when cfg.WithDev).
func TrainModel(ctx context.Context, sharedDir, outDir string, cfg tag.ModelConfig) error {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dev, err := conllu.ReadFile(filepath.Join(sharedDir, tag.EWTDev))
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	tagger, err := readTagger(filepath.Join(outDir, tag.ModelPath))
	if err != nil {
		log.Warn("train parser: no trained tagger beside it, dev scores use gold tags", "err", err)
	} else {
		dev = TagCopy(tagger, dev)
	}
	var members []*Parser
	for k := range cfg.MembersOr(ModelMembers) {
		seed := cfg.Seed + int64(k)
		// Each member learns from the tags of its own seed's jackknife.
		_, train, err := tag.JackknifeCached(ctx, sharedDir, cfg.Files(), tag.ModelOptions(seed, log))
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		m, err := Train(ctx, train, ModelOptions(seed, log))
		if err != nil {
			return err
		}
		m = m.Prune(PruneTransitions, PruneLabels)
		sc := Evaluate(m, dev)
		log.Info("parser member trained", "seed", seed, "dev_uas", fmt.Sprintf("%.4f", sc.UAS()), "dev_las", fmt.Sprintf("%.4f", sc.LAS()))
		members = append(members, m)
	}
	p, err := Average(members...)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	sc := Evaluate(p, dev)
	log.Info("parser trained", "with_dev", cfg.WithDev, "members", len(members), "dev_uas", fmt.Sprintf("%.4f", sc.UAS()), "dev_las", fmt.Sprintf("%.4f", sc.LAS()))
	return tag.WriteFileAtomic(filepath.Join(outDir, ModelPath), p.WriteTo)
}

func readTagger(path string) (*tag.Tagger, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return tag.Read(f)
}

// TagCopy returns a copy of sents with UPOS, XPOS and lemmas predicted by t.
func TagCopy(t *tag.Tagger, sents []conllu.Sentence) []conllu.Sentence {
	out := make([]conllu.Sentence, len(sents))
	for i := range sents {
		out[i] = sents[i]
		out[i].Words = slices.Clone(sents[i].Words)
		s := tag.FromConllu(&sents[i])
		t.Tag(&s)
		for j := range out[i].Words {
			w := &out[i].Words[j]
			w.UPOS, w.XPOS, w.Lemma = s.Tokens[j].UPOS, s.Tokens[j].XPOS, s.Tokens[j].Lemma
			w.Feats = tag.FeatsOf(s.Tokens[j].Morph)
		}
	}
	return out
}
