package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vigilhq/vigil/internal/evaluate/counts"
	evalevents "github.com/vigilhq/vigil/internal/evaluate/events"
	"github.com/vigilhq/vigil/internal/evaluate/extraction"
	evalnlp "github.com/vigilhq/vigil/internal/evaluate/nlp"
	evalplaces "github.com/vigilhq/vigil/internal/evaluate/places"
	"github.com/vigilhq/vigil/internal/evaluate/quotes"
	"github.com/vigilhq/vigil/internal/evaluate/times"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// evalSuite scores one stage against a gold data set. It prints its table to
// w; its last line is "SUITE: metric=value …".
type evalSuite struct {
	defaultData string // path under the shared folder
	run         func(ctx context.Context, dataDir string, log *slog.Logger, w io.Writer) error
}

func evalSuites() map[string]evalSuite {
	return map[string]evalSuite{
		// Suites register here: name -> default data folder and runner.
		"extraction": {defaultData: "eval/article-extraction-scrapinghub", run: extraction.Run},
		"times":      {defaultData: "eval/times-tempeval3", run: times.Run},
		"nlp":        {defaultData: "nlp", run: evalnlp.Run},
		"events":     {defaultData: "eval/events-plover-gsr", run: evalevents.Run},
		"quotes":     {defaultData: "eval/quotes-polnear", run: quotes.Run},
		"counts":     {defaultData: "eval/incidents-gva", run: counts.Run},
		"places":     {defaultData: "eval/places-geoparsing", run: evalplaces.Run},
	}
}

func runEval(ctx context.Context, args []string, s stdio) error {
	suites := evalSuites()
	names := make([]string, 0, len(suites))
	for n := range suites {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: vigil eval SUITE [--data DIR]; suites: %s", errUsage, strings.Join(names, ", "))
	}
	name := args[0]
	suite, ok := suites[name]
	if !ok {
		return fmt.Errorf("%w: unknown suite %q; suites: %s", errUsage, name, strings.Join(names, ", "))
	}
	fs := newFlagSet("eval "+name, s)
	data := fs.String("data", "", "gold data folder (default: "+filepath.Join(shareddata.Dir(), suite.defaultData)+")")
	verbose := fs.Bool("v", false, "log progress")
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	dir := *data
	if dir == "" {
		dir = filepath.Join(shareddata.Dir(), suite.defaultData)
	}
	return suite.run(ctx, dir, newLogger(s.err, *verbose), s.out)
}
