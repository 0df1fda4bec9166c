package times

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/shareddata"
	"github.com/vigilhq/vigil/internal/timex"
)

// MeantimeFolder is MEANTIME's folder beside the TempEval-3 one in the
// shared data.
const MeantimeFolder = "entities-times-meantime"

// meantimeLayer is the MEANTIME annotation layer that is scored.
const meantimeLayer = "intra-doc_annotation"

// Result holds the figures Run prints.
type Result struct {
	TempEval map[string]Counts // by set (TimeBank, AQUAINT, ...) and "all"
	Meantime map[string]Counts // by corpus and "all"; nil when MEANTIME is absent
	Elapsed  time.Duration     // time spent finding, over both data sets
	Words    int               // whitespace-separated words processed
}

// Run scores the finder on TempEval-3 (every *.tml below dataDir) and on
// MEANTIME, and prints the tables to w. The last line is
// "times: span_f1=… value_acc=…" for TempEval-3 (relaxed span F1 and value
// accuracy on the matched spans).
func Run(ctx context.Context, dataDir string, log *slog.Logger, w io.Writer) error {
	res, err := Evaluate(ctx, dataDir, meantimeDir(dataDir), log)
	if err != nil {
		return err
	}
	return Print(w, res)
}

// meantimeDir finds MEANTIME beside dataDir, or in the shared folder.
func meantimeDir(dataDir string) string {
	p := filepath.Join(filepath.Dir(filepath.Clean(dataDir)), MeantimeFolder)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	if p, err := shareddata.Path("eval", MeantimeFolder); err == nil {
		return p
	}
	return ""
}

// Evaluate scores TempEval-3 in teDir and, when meantime is not "", the
// MEANTIME folder.
func Evaluate(ctx context.Context, teDir, meantime string, log *slog.Logger) (Result, error) {
	var res Result
	f := timex.New(timex.Config{MonthFirst: true}) // the gold sets are US news
	docs, errs, err := LoadDir(teDir, ".tml", ReadTimeML)
	if err != nil {
		return res, fmt.Errorf("eval times: %w", err)
	}
	for _, e := range errs {
		log.Warn("skip document", "err", e)
	}
	if len(docs) == 0 {
		return res, fmt.Errorf("eval times: no .tml documents below %s", teDir)
	}
	start := time.Now()
	res.TempEval, err = scoreAll(ctx, f, docs, log, &res.Words)
	if err != nil {
		return res, err
	}
	if meantime != "" {
		mdocs, errs, err := LoadDir(filepath.Join(meantime, meantimeLayer), ".xml", ReadCAT)
		if err != nil {
			log.Warn("skip MEANTIME", "err", err)
		} else {
			for _, e := range errs {
				log.Warn("skip document", "err", e)
			}
			if len(mdocs) > 0 {
				res.Meantime, err = scoreAll(ctx, f, mdocs, log, &res.Words)
				if err != nil {
					return res, err
				}
			}
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

func scoreAll(ctx context.Context, f *timex.Finder, docs []Document, log *slog.Logger, words *int) (map[string]Counts, error) {
	out := map[string]Counts{}
	for _, doc := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval times: %w", err)
		}
		c := ScoreDoc(doc, Find(f, doc, nil))
		*words += countWords(doc.Text)
		for _, m := range c.Mismatch {
			if m.Gold == "extent" {
				log.Debug("extent", "doc", m.Doc, "gold_text", m.Text, "got_text", m.GotText)
				continue
			}
			if m.Text == "" {
				log.Debug("spurious", "doc", m.Doc, "got_text", m.GotText, "got", m.Got)
				continue
			}
			log.Debug("mismatch", "doc", m.Doc, "gold_text", m.Text, "gold", m.Gold, "got_text", m.GotText, "got", m.Got)
		}
		set := out[doc.Set]
		set.add(c)
		out[doc.Set] = set
		all := out["all"]
		all.add(c)
		out["all"] = all
	}
	return out, nil
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := isSpace(s[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// Print writes the tables of res; the last line is the summary line.
func Print(w io.Writer, res Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	table := func(title string, sets map[string]Counts) {
		fmt.Fprintf(tw, "%s\n", title)
		fmt.Fprintln(tw, "set\tdocs\tgold\tpred\tstrict_p\tstrict_r\tstrict_f1\trelaxed_p\trelaxed_r\trelaxed_f1\ttype_acc\tvalue_acc\t")
		names := make([]string, 0, len(sets))
		for n := range sets {
			if n != "all" {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		names = append(names, "all")
		for _, n := range names {
			c := sets[n]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t\n", n, c.Docs, c.Gold, c.Pred,
				c.StrictP(), c.StrictR(), c.StrictF1(), c.RelaxedP(), c.RelaxedR(), c.RelaxedF1(), c.TypeAcc(), c.ValueAcc())
		}
		all := sets["all"]
		fmt.Fprintln(tw, "gold type\tgold\tfound\trecall\tvalue_acc\t")
		types := make([]string, 0, len(all.ByType))
		for t := range all.ByType {
			types = append(types, t)
		}
		sort.Strings(types)
		for _, t := range types {
			tc := all.ByType[t]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.4f\t\n", t, tc.Gold, tc.Found, metric.Ratio(tc.Found, tc.Gold), metric.Ratio(tc.ValueOK, tc.Found))
		}
		fmt.Fprintln(tw)
	}
	table("TempEval-3 (TIMEX3 in TEXT, creation time as anchor; relaxed = any overlap, one-to-one)", res.TempEval)
	if res.Meantime != nil {
		table("MEANTIME ("+meantimeLayer+"; title and first five sentences, which are the annotated part; the dateline's creation time is not scored)", res.Meantime)
	} else {
		fmt.Fprintln(tw, "MEANTIME: not found, skipped")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if res.Elapsed > 0 {
		fmt.Fprintf(w, "speed: %d words in %s (%.0f words/s, reading and scoring included)\n",
			res.Words, res.Elapsed.Round(time.Millisecond), float64(res.Words)/res.Elapsed.Seconds())
	}
	fmt.Fprintln(w, "values are compared after removing format differences: 199X=199, 1989-XX=1989, W7=W07, P1E=P10Y, P3Q=P9M, T17:00=T17, T18:00Z=T18:00")
	all := res.TempEval["all"]
	_, err := fmt.Fprintf(w, "times: span_f1=%.4f value_acc=%.4f\n", all.RelaxedF1(), all.ValueAcc())
	return err
}
