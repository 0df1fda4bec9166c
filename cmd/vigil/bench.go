package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/vigilhq/vigil/internal/bench"
	"github.com/vigilhq/vigil/internal/shareddata"
)

func runBench(ctx context.Context, args []string, s stdio) error {
	fs := newFlagSet("bench", s)
	def := filepath.Join(shareddata.Dir(), "eval", "article-extraction-scrapinghub")
	data := fs.String("data", def, "folder of html/*.html.gz pages to repeat")
	n := fs.Int("n", 2000, "articles to process in total (the pages repeat)")
	workers := fs.Int("workers", 0, "pipeline workers (default: one per core)")
	db := fs.String("db", "", "store file to write (default: a fresh temporary file)")
	withNLP := fs.Bool("nlp", true, "include the NLP stages (tokenize, tag, parse, ner); -nlp=false measures extract, clean, segment and store alone")
	verbose := fs.Bool("v", false, "log failures")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof, or as cmd/vigil/default.pgo for profile-guided builds)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log := newLogger(s.err, *verbose)
	p, err := newPipeline(log, *withNLP)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("create cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("start cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	rep, err := bench.Run(ctx, bench.Config{DataDir: *data, Articles: *n, Workers: *workers, DBPath: *db}, p, log)
	if err != nil {
		return fmt.Errorf("run benchmark: %w", err)
	}
	rep.Print(s.out)
	return nil
}
