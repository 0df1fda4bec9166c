// Package bench measures vigil end to end: many HTML articles through every
// pipeline stage and into a fresh store, with the time spent in each stage
// and the process's peak memory.
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vigilhq/vigil/internal/evaluate/extraction"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/pipeline"
	"github.com/vigilhq/vigil/internal/store"
)

// StageStore is the name under which the store's time is reported.
const StageStore = "store"

// batchSize is the most articles the writer stores in one transaction.
const batchSize = 64

// Config sets up one benchmark run.
type Config struct {
	DataDir  string // scrapinghub-style folder: ground-truth.json and html/*.html.gz
	Articles int    // how many articles to process in total (pages repeat)
	Workers  int    // pipeline workers; 0 means GOMAXPROCS
	DBPath   string // store file; "" means a fresh file in a temporary folder
}

// Report is the outcome of a run.
type Report struct {
	Articles  int
	Failed    int
	Pages     int
	Tokens    int
	Wall      time.Duration
	Stages    []StageTime // in pipeline order, then the store
	PeakRSSMB float64
	Workers   int
	CPU       time.Duration // user + system CPU time of the whole run
}

// StageTime is the total time spent in one stage, summed over workers.
type StageTime struct {
	Name  string
	Total time.Duration
}

// ArticlesPerSecond is the end-to-end throughput.
func (r Report) ArticlesPerSecond() float64 {
	if r.Wall <= 0 {
		return 0
	}
	return float64(r.Articles) / r.Wall.Seconds()
}

// TokensPerSecond is the number of word tokens of clean text per second.
func (r Report) TokensPerSecond() float64 {
	if r.Wall <= 0 {
		return 0
	}
	return float64(r.Tokens) / r.Wall.Seconds()
}

// Print writes the report as a table and ends with the contract's line
// "bench: articles_per_s=… tokens_per_s=… peak_rss_mb=…".
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "articles: %d processed (%d distinct pages repeated), %d failed, %d workers\n", r.Articles, r.Pages, r.Failed, r.Workers)
	fmt.Fprintf(w, "wall time: %s, CPU time: %s (%.2f ms CPU per article)\n", r.Wall.Round(time.Millisecond), r.CPU.Round(time.Millisecond),
		float64(r.CPU.Microseconds())/1000/float64(max(r.Articles, 1)))
	fmt.Fprintf(w, "\n%-10s %12s %14s %8s\n", "stage", "total", "per article", "share")
	var sum time.Duration
	for _, s := range r.Stages {
		sum += s.Total
	}
	n := max(r.Articles+r.Failed, 1)
	for _, s := range r.Stages {
		share := 0.0
		if sum > 0 {
			share = 100 * float64(s.Total) / float64(sum)
		}
		fmt.Fprintf(w, "%-10s %12s %12.3fms %7.1f%%\n", s.Name, s.Total.Round(time.Millisecond), float64(s.Total.Microseconds())/1000/float64(n), share)
	}
	fmt.Fprintln(w, "(stage times are summed over workers; the store writes from one goroutine)")
	fmt.Fprintf(w, "\nbench: articles_per_s=%.1f tokens_per_s=%.0f peak_rss_mb=%.1f\n", r.ArticlesPerSecond(), r.TokensPerSecond(), r.PeakRSSMB)
}

type page struct {
	url  string
	html []byte
}

// Run processes cfg.Articles articles through the pipeline into a store.
// Repeated pages get a distinct id and URL so that every copy is really
// written, not skipped as a duplicate.
func Run(ctx context.Context, cfg Config, p *pipeline.Pipeline, log *slog.Logger) (Report, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := loadPages(cfg.DataDir)
	if err != nil {
		return Report{}, err
	}
	if cfg.Articles <= 0 {
		cfg.Articles = 2000
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	dbPath := cfg.DBPath
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "vigil-bench-")
		if err != nil {
			return Report{}, fmt.Errorf("bench: temp dir: %w", err)
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "bench.db")
	}
	st, err := store.Open(ctx, dbPath, log)
	if err != nil {
		return Report{}, fmt.Errorf("bench: open store: %w", err)
	}
	defer st.Close()

	type result struct {
		a *model.Article
		t pipeline.Timings
	}
	jobs := make(chan int)
	results := make(chan result, 2*batchSize) // workers keep going while a batch is written
	var wg sync.WaitGroup
	start := time.Now()
	cpu0 := CPUTime()
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				pg := pages[i%len(pages)]
				round := i / len(pages)
				t := pipeline.Timings{}
				a, err := p.ProcessTimed(ctx, model.Document{Origin: pg.url, URL: pg.url, HTML: pg.html}, t)
				if err != nil {
					log.Debug("bench: article failed", "url", pg.url, "err", err)
					results <- result{t: t}
					continue
				}
				if round > 0 {
					a.ID = fmt.Sprintf("%s-r%d", a.ID, round)
					u := pg.url + "?vigil_bench_round=" + strconv.Itoa(round)
					a.URL = &u
				}
				results <- result{a: a, t: t}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range cfg.Articles {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	rep := Report{Pages: len(pages), Workers: cfg.Workers}
	totals := map[string]time.Duration{}
	var storeErr error
	// The writer stores what is waiting in batches, as vigil ingest does;
	// each article still commits whole or not at all.
	batch := make([]*model.Article, 0, batchSize)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		t0 := time.Now()
		outs, err := st.PutBatch(ctx, batch)
		totals[StageStore] += time.Since(t0)
		if err != nil && storeErr == nil {
			storeErr = err
		}
		for _, o := range outs {
			if o.Err != nil && storeErr == nil {
				storeErr = o.Err
			}
		}
		batch = batch[:0]
	}
	add := func(r result) {
		for k, v := range r.t {
			totals[k] += v
		}
		if r.a == nil {
			rep.Failed++
			return
		}
		rep.Articles++
		rep.Tokens += len(strings.Fields(r.a.Text))
		batch = append(batch, r.a)
	}
	for r := range results {
		add(r)
		// Take whatever else is ready without waiting, then write.
	drain:
		for len(batch) < batchSize {
			select {
			case r, ok := <-results:
				if !ok {
					break drain
				}
				add(r)
			default:
				break drain
			}
		}
		flush()
	}
	rep.Wall = time.Since(start)
	rep.CPU = CPUTime() - cpu0
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}
	if storeErr != nil {
		return rep, fmt.Errorf("bench: store: %w", storeErr)
	}
	names := append(append([]string{}, pipeline.Stages...), StageStore)
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
		rep.Stages = append(rep.Stages, StageTime{Name: n, Total: totals[n]})
	}
	var extra []string
	for n := range totals {
		if !seen[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	for _, n := range extra {
		rep.Stages = append(rep.Stages, StageTime{Name: n, Total: totals[n]})
	}
	rep.PeakRSSMB = PeakRSSMB()
	return rep, nil
}

// loadPages reads the benchmark folder's pages into memory, so that the
// run times processing, not reading.
func loadPages(dir string) ([]page, error) {
	gold, err := extraction.LoadScrapinghub(dir)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("bench: no pages in %s", dir)
	}
	pages := make([]page, 0, len(gold))
	for _, g := range gold {
		html, err := g.ReadHTML()
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		u := g.URL
		if u == "" {
			u = "https://bench.invalid/" + g.ID
		}
		pages = append(pages, page{url: u, html: html})
	}
	return pages, nil
}

// PeakRSSMB returns the process's peak resident set size in MiB, read from
// /proc/self/status (VmHWM), or 0 where that is not available.
func PeakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return kb / 1024
				}
			}
		}
	}
	return 0
}
