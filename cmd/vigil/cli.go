package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/events"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/pipeline"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/quotes"
)

// stdio bundles the streams a subcommand reads and writes, so tests can
// run commands without touching the process's own streams.
type stdio struct {
	in  io.Reader
	out io.Writer
	err io.Writer
}

// command is one vigil subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

// errUsage marks an error caused by bad flags or arguments (exit code 2).
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"extract":   {"process one article (HTML or text) and print its JSON record", runExtract},
		"ingest":    {"process files, folders, JSONL, WARC or stdin into the store", runIngest},
		"run":       {"poll news feeds, store articles and serve the read-only API", runRun},
		"eval":      {"score a stage against a gold data set: vigil eval SUITE [--data DIR]", runEval},
		"bench":     {"measure end-to-end throughput and memory per stage", runBench},
		"train":     {"reproduce the embedded NLP models from the shared treebanks", runTrain},
		"parse":     {"print the tags, lemmas, dependency tree and entity tags of plain text in CoNLL-U", runParse},
		"gazetteer": {"build the place-name index from npm data: vigil gazetteer build [--npm DIR] [--out FILE]", runGazetteer},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "vigil turns news articles into political event data.")
	fmt.Fprintln(w, "\nUsage: vigil COMMAND [flags] [args]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'vigil COMMAND -h' for a command's flags.")
}

// run dispatches to a subcommand and turns its error into an exit code and
// one line for the user.
func run(ctx context.Context, args []string, s stdio) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(s.out)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(s.err, "vigil: unknown command %q\n", args[0])
		usage(s.err)
		return 2
	}
	err := cmd.run(ctx, args[1:], s)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(s.err, "vigil %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(s.err, "vigil %s: %v\n", args[0], err)
		return 1
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, s stdio) *flag.FlagSet {
	fs := flag.NewFlagSet("vigil "+name, flag.ContinueOnError)
	fs.SetOutput(s.err)
	return fs
}

// parseFlags parses args and wraps flag errors as usage errors.
// Flags may appear before or after positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newLogger returns the text logger that commands write diagnostics to.
func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// newPipeline returns the article pipeline with the embedded NLP models
// loaded, or without them when withNLP is false.
func newPipeline(log *slog.Logger, withNLP bool) (*pipeline.Pipeline, error) {
	cfg := pipeline.Config{}
	if withNLP {
		a, err := nlp.New(log)
		if err != nil {
			return nil, fmt.Errorf("load language models: %w", err)
		}
		cfg.NLP = a
		kb, err := actors.Load()
		if err != nil {
			return nil, fmt.Errorf("load actor data: %w", err)
		}
		cfg.Coref = coref.New(kb)
		if cfg.Quotes, err = quotes.New(kb); err != nil {
			return nil, fmt.Errorf("load quote cues: %w", err)
		}
		if cfg.Places, err = newPlaces(log, kb); err != nil {
			return nil, err
		}
		if cfg.Events, err = events.New(kb); err != nil {
			return nil, fmt.Errorf("load event lexicon: %w", err)
		}
	}
	return pipeline.New(log, cfg), nil
}

// newPlaces loads the gazetteer and returns the place resolver. Without an
// index file it logs one warning and returns nil: articles then have no
// places.
func newPlaces(log *slog.Logger, kb *actors.KB) (*places.Resolver, error) {
	path, err := gazetteer.Locate()
	if err != nil {
		log.Warn("places are disabled", "err", err)
		return nil, nil
	}
	idx, err := gazetteer.Load(path)
	if err != nil {
		return nil, err
	}
	r, err := places.New(idx, kb)
	if err != nil {
		return nil, fmt.Errorf("load place resolver: %w", err)
	}
	return r, nil
}
