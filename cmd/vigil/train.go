package main

import (
	"context"
	"fmt"
	"log/slog"
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
	run func(ctx context.Context, sharedDir, outDir string, seed int64, log *slog.Logger) error
}

func trainers() []trainer {
	return []trainer{
		// Models register here, in the order they must be trained.
		{name: "tagger", run: tag.TrainModel},
		{name: "parser", run: parse.TrainModel},
		{name: "ner", run: ner.Train},
	}
}

func runTrain(ctx context.Context, args []string, s stdio) error {
	fs := newFlagSet("train", s)
	data := fs.String("data", shareddata.Dir(), "shared data folder holding nlp/ and eval/")
	out := fs.String("out", ".", "repository root to write the models into")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same models")
	only := fs.String("only", "", "train only the named model")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log := newLogger(s.err, true)
	for _, t := range trainers() {
		if *only != "" && t.name != *only {
			continue
		}
		start := time.Now()
		if err := t.run(ctx, *data, filepath.Clean(*out), *seed, log); err != nil {
			return fmt.Errorf("train %s: %w", t.name, err)
		}
		fmt.Fprintf(s.out, "trained %s in %s\n", t.name, time.Since(start).Round(time.Second))
	}
	return nil
}
