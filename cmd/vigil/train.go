package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/parse"
	"github.com/vigilhq/vigil/internal/shareddata"
	"github.com/vigilhq/vigil/internal/tag"
)

// trainer reproduces one embedded model from the shared data.
type trainer struct {
	name string
	// run trains from the shared folder sharedDir and writes the model file(s)
	// into the repository (outDir is the repository root).
	run func(ctx context.Context, sharedDir, outDir string, cfg tag.ModelConfig) error
}

func trainers() []trainer {
	return []trainer{
		// Models register here, in the order they must be trained.
		{name: "tagger", run: tag.TrainModel},
		{name: "parser", run: parse.TrainModel},
		{name: "ner", run: func(ctx context.Context, sharedDir, outDir string, cfg tag.ModelConfig) error {
			return ner.Train(ctx, sharedDir, outDir, cfg.Seed, cfg.Log)
		}},
	}
}

func runTrain(ctx context.Context, args []string, s stdio) error {
	fs := newFlagSet("train", s)
	data := fs.String("data", shareddata.Dir(), "shared data folder holding nlp/ and eval/")
	out := fs.String("out", ".", "repository root to write the models into")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same models")
	only := fs.String("only", "", "train only the named model")
	withDev := fs.Bool("with-dev", true, "train the tagger and parser on EWT train and dev together, as the embedded models are (their dev scores are then not held out); -with-dev=false leaves dev out for experiments")
	members := fs.Int("members", 0, "average this many tagger and parser members with consecutive seeds (0: each model's default, which the embedded models use)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log := newLogger(s.err, true)
	for _, t := range trainers() {
		if *only != "" && t.name != *only {
			continue
		}
		start := time.Now()
		cfg := tag.ModelConfig{Seed: *seed, WithDev: *withDev, Members: *members, Log: log}
		if err := t.run(ctx, *data, filepath.Clean(*out), cfg); err != nil {
			return fmt.Errorf("train %s: %w", t.name, err)
		}
		fmt.Fprintf(s.out, "trained %s in %s\n", t.name, time.Since(start).Round(time.Second))
	}
	return nil
}
