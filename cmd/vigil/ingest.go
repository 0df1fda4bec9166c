package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/vigilhq/vigil/internal/input"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/pipeline"
	"github.com/vigilhq/vigil/internal/store"
)

// maxBatch bounds how many processed articles the writer stores in one
// transaction.
const maxBatch = 64

func runIngest(ctx context.Context, args []string, s stdio) error {
	flags := newFlagSet("ingest", s)
	flags.Usage = func() {
		fmt.Fprintln(s.err, "Usage: vigil ingest [--db PATH] [--format auto|html|text|jsonl|warc] [--workers N] [--published YYYY-MM-DD] PATH...")
		fmt.Fprintln(s.err, `
Processes articles into the store. A PATH is an .html/.htm or .txt file, a
folder (read recursively; hidden entries and other file types are skipped),
a .jsonl file with one {"url","title","published","html"|"text"} object per
line, a .warc or .warc.gz crawl (HTML responses with status 200), or - for
standard input. Any of them may be gzipped (.gz).

Each item ends as ingested, duplicate (same text or same canonical URL as a
stored article) or failed; each failure is reported on stderr and the batch
goes on. The last line on stdout sums up, with the failures grouped by cause.

Exit status: 0 when the batch ran and at least one item was ingested or found
to be a duplicate, even if others failed; 1 when nothing could be ingested
(every item failed, or no input was found) or the store failed; 2 for bad
flags or arguments.

Flags:`)
		flags.PrintDefaults()
	}
	db := flags.String("db", "", "database file (default $"+dbEnv+", else data/vigil.db)")
	format := flags.String("format", string(input.Auto), "input format: auto, html, text, jsonl or warc")
	workers := flags.Int("workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	published := flags.String("published", "", "publication date YYYY-MM-DD for documents that carry none")
	verbose := flags.Bool("v", false, "log diagnostics to stderr")
	paths, err := parseFlags(flags, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no input; give files, folders, or - for standard input", errUsage)
	}
	f, err := input.ParseFormat(*format)
	if err != nil {
		return fmt.Errorf("%w: --format: %v", errUsage, err)
	}
	if *workers < 1 {
		return fmt.Errorf("%w: --workers must be at least 1, not %d", errUsage, *workers)
	}
	if *published != "" {
		if _, err := time.Parse(time.DateOnly, *published); err != nil {
			return fmt.Errorf("%w: --published %q is not a YYYY-MM-DD date", errUsage, *published)
		}
	}
	if *db == "" {
		*db = envOrDefaultDB()
	}

	log := newLogger(s.err, *verbose)
	st, err := store.Open(ctx, *db, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("close store", "err", err)
		}
	}()

	pipe, err := newPipeline(log, true)
	if err != nil {
		return err
	}
	ing := &ingester{
		log:       log,
		store:     st,
		pipe:      pipe,
		workers:   *workers,
		published: *published,
		input:     input.Options{Format: f, Stdin: s.in, Log: log},
		errOut:    s.err,
	}
	var progress *progressBar
	if isTerminal(s.err) {
		progress = newProgressBar(ctx, s.err, &ing.tally)
		ing.errOut = progress.p // lines printed above the bar
	}
	ing.progress = progress
	runErr := ing.run(ctx, paths)
	if progress != nil {
		progress.finish()
	}
	fmt.Fprintln(s.out, ing.tally.summary())

	switch {
	case runErr != nil:
		return runErr
	case ing.tally.ingested.Load()+ing.tally.duplicates.Load() > 0:
		return nil
	case ing.tally.failed.Load() == 0:
		return errors.New("no input found")
	}
	return errors.New("nothing ingested: every item failed")
}

// ingester runs documents through the pipeline on several workers and
// stores the articles from one writer goroutine.
type ingester struct {
	log       *slog.Logger
	store     *store.Store
	pipe      *pipeline.Pipeline
	workers   int
	published string
	input     input.Options
	errOut    io.Writer
	progress  *progressBar
	tally     tally
}

// outcome is what happened to one input item before storing.
type outcome struct {
	origin  string
	article *model.Article
	err     error
}

// run ingests paths. It returns an error only when the run as a whole
// failed or was interrupted; item failures are counted in the tally.
func (ing *ingester) run(ctx context.Context, paths []string) error {
	jobs := make(chan input.Item, ing.workers*2)
	results := make(chan outcome, ing.workers*2)

	var walkErr error
	go func() {
		defer close(jobs)
		walkErr = input.Walk(ctx, paths, ing.input, func(it input.Item) error {
			ing.progress.found()
			select {
			case jobs <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range ing.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				results <- ing.process(ctx, it)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Articles already processed are stored even after an interrupt, so
	// the writer does not use ctx.
	storeErr := ing.write(context.WithoutCancel(ctx), results)

	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("interrupted: %w", ctx.Err())
	case storeErr != nil:
		return storeErr
	case walkErr != nil:
		return walkErr
	}
	return nil
}

func (ing *ingester) process(ctx context.Context, it input.Item) outcome {
	o := outcome{origin: it.Doc.Origin, err: it.Err}
	if o.err != nil {
		return o
	}
	if err := ctx.Err(); err != nil {
		o.err = err
		return o
	}
	doc := it.Doc
	if doc.Published == "" {
		doc.Published = ing.published
	}
	o.article, o.err = ing.pipe.Process(ctx, doc)
	return o
}

// write stores articles as they come, in batches of whatever is waiting,
// and accounts for every outcome. It returns an error when the store
// fails as a whole.
func (ing *ingester) write(ctx context.Context, results <-chan outcome) error {
	var storeErr error
	batch := make([]outcome, 0, maxBatch)
	for o := range results {
		batch = append(batch[:0], o)
	drain:
		for len(batch) < maxBatch {
			select {
			case o, ok := <-results:
				if !ok {
					break drain
				}
				batch = append(batch, o)
			default:
				break drain
			}
		}
		if err := ing.flush(ctx, batch); err != nil && storeErr == nil {
			storeErr = err
		}
	}
	return storeErr
}

// errStore marks a failure to store an article.
var errStore = errors.New("store error")

func (ing *ingester) flush(ctx context.Context, batch []outcome) error {
	var articles []*model.Article
	var origins []string
	for _, o := range batch {
		if o.err != nil {
			ing.fail(o.origin, o.err)
			continue
		}
		articles = append(articles, o.article)
		origins = append(origins, o.origin)
	}
	if len(articles) == 0 {
		return nil
	}
	out, err := ing.store.PutBatch(ctx, articles)
	if err != nil {
		for _, origin := range origins {
			ing.fail(origin, fmt.Errorf("%w: %w", errStore, err))
		}
		return err
	}
	for i, o := range out {
		switch {
		case o.Err != nil:
			ing.fail(origins[i], fmt.Errorf("%w: %w", errStore, o.Err))
		case o.Result == store.Added:
			ing.tally.ingested.Add(1)
			ing.progress.done()
		default:
			ing.log.Debug("duplicate", "origin", origins[i], "match", o.Result.String())
			ing.tally.duplicates.Add(1)
			ing.progress.done()
		}
	}
	return nil
}

// fail reports one failed item, unless it failed only because the run was
// interrupted.
func (ing *ingester) fail(origin string, err error) {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		ing.tally.interrupted.Add(1)
		return
	}
	fmt.Fprintf(ing.errOut, "vigil ingest: %s: %v\n", origin, err)
	ing.tally.fail(reason(err))
	ing.progress.done()
}

// reasons group failures by their root cause, first match wins.
var reasons = []struct {
	err   error
	label string
}{
	{input.ErrNotJSON, "not JSON"},
	{input.ErrBadRecord, "bad record"},
	{input.ErrTooLarge, "too large"},
	{pipeline.ErrTooLarge, "too large"},
	{input.ErrTruncated, "truncated"},
	{input.ErrCorrupt, "corrupt"},
	{input.ErrNoInput, "no input"},
	{pipeline.ErrEmpty, "empty input"},
	{pipeline.ErrBinary, "binary input"},
	{pipeline.ErrEncoding, "invalid UTF-8"},
	{pipeline.ErrNoText, "no article text"},
	{fs.ErrNotExist, "not found"},
	{fs.ErrPermission, "permission denied"},
	{errStore, "store error"},
}

func reason(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.label
		}
	}
	return "other"
}

// tally counts outcomes; the progress bar reads it concurrently.
type tally struct {
	ingested, duplicates, failed, interrupted atomic.Int64

	mu      sync.Mutex
	reasons map[string]int
}

func (t *tally) fail(reason string) {
	t.failed.Add(1)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.reasons == nil {
		t.reasons = map[string]int{}
	}
	t.reasons[reason]++
}

// summary is the closing line, e.g.
// "ingested 1812, duplicates 3, failed 2 (empty input: 1, not JSON: 1)".
func (t *tally) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ingested %d, duplicates %d, failed %d", t.ingested.Load(), t.duplicates.Load(), t.failed.Load())
	t.mu.Lock()
	labels := make([]string, 0, len(t.reasons))
	for l := range t.reasons {
		labels = append(labels, l)
	}
	sort.Slice(labels, func(i, j int) bool {
		if a, b := t.reasons[labels[i]], t.reasons[labels[j]]; a != b {
			return a > b
		}
		return labels[i] < labels[j]
	})
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = fmt.Sprintf("%s: %d", l, t.reasons[l])
	}
	t.mu.Unlock()
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	if n := t.interrupted.Load(); n > 0 {
		fmt.Fprintf(&b, ", interrupted before %d more", n)
	}
	return b.String()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar shows items finished out of items found so far. A nil
// *progressBar does nothing, so callers need not check.
type progressBar struct {
	p     *mpb.Progress
	bar   *mpb.Bar
	total atomic.Int64
}

func newProgressBar(ctx context.Context, w io.Writer, t *tally) *progressBar {
	p := mpb.NewWithContext(ctx, mpb.WithOutput(w), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
	bar := p.AddBar(0,
		mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d/%d", decor.WCSyncWidth)),
		mpb.AppendDecorators(
			decor.AverageSpeed(0, " %.0f/s"),
			decor.Any(func(decor.Statistics) string {
				return fmt.Sprintf("  ingested %d, duplicates %d, failed %d",
					t.ingested.Load(), t.duplicates.Load(), t.failed.Load())
			}),
		),
	)
	return &progressBar{p: p, bar: bar}
}

// found counts one more item read from the input.
func (pb *progressBar) found() {
	if pb != nil {
		pb.bar.SetTotal(pb.total.Add(1), false)
	}
}

// done counts one more item finished.
func (pb *progressBar) done() {
	if pb != nil {
		pb.bar.Increment()
	}
}

// finish completes the bar and waits until it is drawn for the last time.
func (pb *progressBar) finish() {
	pb.bar.SetTotal(-1, true)
	pb.p.Wait()
}
