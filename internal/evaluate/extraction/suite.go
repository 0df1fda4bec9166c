package extraction

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/vigilhq/vigil/internal/htmltext"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/pipeline"
)

// Row names in the tables.
const (
	RowVigil    = "vigil"
	RowHTMLText = "vigil (htmltext only)"
)

// L3SFolder is the L3S GoogleNews folder's name beside the scrapinghub one.
const L3SFolder = "article-extraction-l3s-googlenews"

// Config says what to score.
type Config struct {
	Dir    string // scrapinghub benchmark folder
	L3SDir string // L3S GoogleNews folder; "" means L3SFolder beside Dir
	Limit  int    // score only the first Limit pages of each set; 0 means all
}

// Run scores vigil on the scrapinghub benchmark in dataDir (beside the
// extractors whose outputs ship with it) and on L3S GoogleNews, and prints
// the tables to w. The last line is
// "extraction: precision=… recall=… f1=…" for vigil on scrapinghub.
func Run(ctx context.Context, dataDir string, log *slog.Logger, w io.Writer) error {
	return RunConfig(ctx, Config{Dir: dataDir}, log, w)
}

// Result holds the figures Run prints.
type Result struct {
	Scrapinghub map[string]Scores // by row name
	L3S         map[string]Scores // nil when the L3S folder is absent
	Timing      Timing
}

// Timing is the time vigil spent per page, over both data sets.
type Timing struct {
	Pages    int
	HTMLText time.Duration // mean htmltext.Extract time
	P95      time.Duration // 95th percentile of htmltext.Extract time
	Pipeline time.Duration // mean full pipeline time
	Stages   map[string]time.Duration
}

// RunConfig is Run with explicit settings.
func RunConfig(ctx context.Context, cfg Config, log *slog.Logger, w io.Writer) error {
	res, err := Evaluate(ctx, cfg, log)
	if err != nil {
		return err
	}
	return res.print(w, cfg)
}

// Evaluate computes the figures without printing them.
func Evaluate(ctx context.Context, cfg Config, log *slog.Logger) (*Result, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := LoadScrapinghub(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("eval extraction: %w", err)
	}
	if cfg.Limit > 0 && len(pages) > cfg.Limit {
		pages = pages[:cfg.Limit]
	}
	r := &runner{log: log, pipe: pipeline.New(log, pipeline.Config{}), stages: pipeline.Timings{}}
	res := &Result{Scrapinghub: map[string]Scores{}}

	vigil, only, err := r.score(ctx, "scrapinghub", pages)
	if err != nil {
		return nil, fmt.Errorf("eval extraction: %w", err)
	}
	res.Scrapinghub[RowVigil], res.Scrapinghub[RowHTMLText] = vigil, only

	outputs, _ := filepath.Glob(filepath.Join(cfg.Dir, "output", "*.json"))
	for _, path := range outputs {
		preds, err := LoadPredictions(path)
		if err != nil {
			log.Warn("skip extractor output", "err", err)
			continue
		}
		docs := make([]Doc, len(pages))
		for i, p := range pages {
			docs[i] = Score(p.Gold, preds[p.ID])
		}
		res.Scrapinghub[strings.TrimSuffix(filepath.Base(path), ".json")] = Summarize(docs)
	}

	l3sDir := cfg.L3SDir
	if l3sDir == "" {
		l3sDir = filepath.Join(filepath.Dir(filepath.Clean(cfg.Dir)), L3SFolder)
	}
	l3s, err := LoadL3S(l3sDir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		log.Warn("L3S GoogleNews not scored", "err", err)
	case err != nil:
		return nil, fmt.Errorf("eval extraction: %w", err)
	default:
		if cfg.Limit > 0 && len(l3s) > cfg.Limit {
			l3s = l3s[:cfg.Limit]
		}
		vigil, only, err := r.score(ctx, "l3s", l3s)
		if err != nil {
			return nil, fmt.Errorf("eval extraction: %w", err)
		}
		res.L3S = map[string]Scores{RowVigil: vigil, RowHTMLText: only}
	}
	res.Timing = r.timing()
	return res, nil
}

type runner struct {
	log      *slog.Logger
	pipe     *pipeline.Pipeline
	extract  []time.Duration
	pipeline time.Duration
	stages   pipeline.Timings
}

// score runs vigil's pipeline and htmltext alone over pages.
func (r *runner) score(ctx context.Context, set string, pages []Page) (vigil, htmlOnly Scores, err error) {
	full := make([]Doc, 0, len(pages))
	only := make([]Doc, 0, len(pages))
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return Scores{}, Scores{}, err
		}
		raw, err := p.ReadHTML()
		if err != nil {
			// a missing or broken page scores as an empty prediction
			r.log.Warn("page not readable", "set", set, "page", p.ID, "err", err)
			only = append(only, Score(p.Gold, ""))
			full = append(full, Score(p.Gold, ""))
			continue
		}

		start := time.Now()
		page, err := htmltext.Extract(raw, p.URL)
		r.extract = append(r.extract, time.Since(start))
		text := ""
		if err != nil {
			r.log.Debug("htmltext failed", "set", set, "page", p.ID, "err", err)
		} else {
			text = strings.Join(page.Paragraphs, "\n")
		}
		only = append(only, Score(p.Gold, text))

		start = time.Now()
		a, err := r.pipe.ProcessTimed(ctx, model.Document{Origin: p.ID, URL: p.URL, HTML: raw}, r.stages)
		r.pipeline += time.Since(start)
		text = ""
		if err != nil {
			r.log.Debug("pipeline failed", "set", set, "page", p.ID, "err", err)
		} else {
			text = a.Text
		}
		full = append(full, Score(p.Gold, text))
		if (i+1)%50 == 0 {
			r.log.Debug("progress", "set", set, "pages", i+1, "of", len(pages))
		}
	}
	return Summarize(full), Summarize(only), nil
}

func (r *runner) timing() Timing {
	t := Timing{Pages: len(r.extract), Stages: map[string]time.Duration{}}
	if t.Pages == 0 {
		return t
	}
	var sum time.Duration
	for _, d := range r.extract {
		sum += d
	}
	t.HTMLText = sum / time.Duration(t.Pages)
	sorted := slices.Clone(r.extract)
	slices.Sort(sorted)
	t.P95 = sorted[min(len(sorted)-1, len(sorted)*95/100)]
	t.Pipeline = r.pipeline / time.Duration(t.Pages)
	for k, v := range r.stages {
		t.Stages[k] = v / time.Duration(t.Pages)
	}
	return t
}

func (res *Result) print(w io.Writer, cfg Config) error {
	fmt.Fprintf(w, "scrapinghub article-extraction-benchmark (%s)\n", cfg.Dir)
	fmt.Fprintln(w, "metric: 4-token shingles, per-page P and R averaged over pages; accuracy = exact token match")
	rows := []string{RowVigil, RowHTMLText}
	var others []string
	for name := range res.Scrapinghub {
		if name != RowVigil && name != RowHTMLText {
			others = append(others, name)
		}
	}
	slices.SortFunc(others, func(a, b string) int {
		return strings.Compare(sortKey(a), sortKey(b))
	})
	if err := table(w, res.Scrapinghub, append(rows, others...)); err != nil {
		return err
	}
	if res.L3S != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "L3S GoogleNews (gold: main-text blocks x-nc-sel2, headline excluded)")
		if err := table(w, res.L3S, rows); err != nil {
			return err
		}
	}
	t := res.Timing
	fmt.Fprintln(w)
	fmt.Fprintf(w, "timing over %d pages, one at a time: htmltext %s/page (p95 %s), full pipeline %s/page",
		t.Pages, ms(t.HTMLText), ms(t.P95), ms(t.Pipeline))
	for _, st := range pipeline.Stages {
		if d, ok := t.Stages[st]; ok {
			fmt.Fprintf(w, ", %s %s", st, ms(d))
		}
	}
	fmt.Fprintln(w)
	v := res.Scrapinghub[RowVigil]
	_, err := fmt.Fprintf(w, "extraction: precision=%.4f recall=%.4f f1=%.4f\n", v.Precision, v.Recall, v.F1)
	return err
}

// sortKey puts the Python trafilatura first among the shipped outputs.
func sortKey(name string) string {
	if name == "trafilatura" {
		return ""
	}
	return name
}

func table(w io.Writer, scores map[string]Scores, rows []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "extractor\tprecision\trecall\tf1\t±std\taccuracy\tn\tempty")
	for _, name := range rows {
		s, ok := scores[name]
		if !ok {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\n",
			name, s.Precision, s.Recall, s.F1, s.F1Std, s.Accuracy, s.N, s.Empty)
	}
	return tw.Flush()
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}
