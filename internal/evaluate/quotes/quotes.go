// Package quotes scores vigil's quote finder against PolNeAR (political
// news attribution relations, Newell, Margolin and Ruths, LREC 2018).
//
// Data: every split folder under DIR/data that holds text/ and
// attributions/ (brat standoff; offsets in characters, converted to
// bytes). An article annotated by several annotators is scored once,
// against its first annotation file in name order. Each gold article runs
// through the real NLP (segment.Split, nlp.Annotate, the coreference
// resolver) and the finder, with the date in its file name.
//
// Matching: a gold attribution is its content span(s), cue and source. Our
// quotes that share one cue token are one attribution (a quote and the
// reported clause it sits in, or "“A,” he said. “B.”"). Gold and ours are
// paired one to one, greedily by the number of content words they share
// (words are runs of letters and digits, so quote marks and punctuation
// never count); a pair needs at least one shared word.
//
// Figures, per split and over all splits:
//   - content_f1: word-overlap F1 of the content of matched pairs;
//   - speaker_acc: of matched pairs whose gold has a source, the share
//     where our speaker mention overlaps it (no speaker counts as wrong);
//   - cue_acc: of matched pairs, the share where our cue overlaps the gold
//     cue (no cue counts as wrong);
//   - recall and precision: matched gold attributions over all gold, and
//     matched ones of ours over all ours. Misses count here;
//   - quoted_recall: recall on the gold attributions whose content holds a
//     quote mark (direct and partial quotes);
//   - strict_f1: word-overlap F1 over all content words, with the words of
//     misses and false alarms counted.
//
// PolNeAR annotates every attribution (beliefs, intentions, polls,
// characterisations such as "called it a disaster"), not only speech, so
// recall is bounded well below one for a quote finder.
package quotes

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	vq "github.com/vigilhq/vigil/internal/quotes"
	"github.com/vigilhq/vigil/internal/segment"
)

// Result holds the figures of each split and of all splits together.
type Result struct {
	Splits  []string
	BySplit map[string]Counts
	All     Counts
	Elapsed time.Duration
}

// Run scores the gold data in dir and prints a table to w whose last line
// is "quotes: content_f1=… speaker_acc=… cue_acc=…", over every split
// folder found under dir/data, followed by the attribution recall and
// precision and the strict word F1 that also count misses and false
// alarms.
func Run(ctx context.Context, dir string, log *slog.Logger, w io.Writer) error {
	res, err := Evaluate(ctx, dir, log)
	if err != nil {
		return err
	}
	return Print(w, res)
}

// Evaluate runs the real NLP and the quote finder on every gold article
// and scores them.
func Evaluate(ctx context.Context, dir string, log *slog.Logger) (Result, error) {
	var res Result
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	splits, err := LoadSplits(dir)
	if err != nil {
		return res, fmt.Errorf("eval quotes: %w", err)
	}
	ann, err := nlp.New(log)
	if err != nil {
		return res, fmt.Errorf("eval quotes: %w", err)
	}
	kb, err := actors.Load()
	if err != nil {
		return res, fmt.Errorf("eval quotes: %w", err)
	}
	finder, err := vq.New(kb)
	if err != nil {
		return res, fmt.Errorf("eval quotes: %w", err)
	}
	resolver := coref.New(kb)
	res.BySplit = map[string]Counts{}
	start := time.Now()
	for _, sp := range splits {
		c, err := scoreSplit(ctx, sp, ann, resolver, finder)
		if err != nil {
			return res, err
		}
		res.Splits = append(res.Splits, sp.Name)
		res.BySplit[sp.Name] = c
		res.All.Add(c)
		log.Debug("split scored", "split", sp.Name, "articles", len(sp.Articles))
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

var dateInName = regexp.MustCompile(`_(\d{4}-\d{2}-\d{2})_`)

// Process runs the NLP, coreference and the finder on one text, as the
// pipeline does. The date may be zero.
func Process(text string, date time.Time, ann *nlp.Annotator, res *coref.Resolver, f *vq.Finder) []vq.Found {
	sents := ann.Annotate(text, segment.Split(text))
	ents := ner.Entities(text, sents)
	chains := res.Resolve(text, sents, ents, date)
	return f.Find(text, sents, ents, chains, date)
}

func scoreSplit(ctx context.Context, sp Split, ann *nlp.Annotator, res *coref.Resolver, f *vq.Finder) (Counts, error) {
	workers := min(runtime.GOMAXPROCS(0), 2)
	jobs := make(chan int)
	out := make([]Counts, len(sp.Articles))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				a := &sp.Articles[i]
				var date time.Time
				if m := dateInName.FindStringSubmatch(a.Name); m != nil {
					date, _ = time.Parse("2006-01-02", m[1])
				}
				found := Process(a.Text, date, ann, res, f)
				out[i] = Score(a.Text, a.Attributions, found)
			}
		}()
	}
	var err error
	for i := range sp.Articles {
		if err = ctx.Err(); err != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return Counts{}, fmt.Errorf("eval quotes: %w", err)
	}
	var c Counts
	for _, o := range out {
		c.Add(o)
	}
	return c, nil
}

// Print writes the table of res to w; the last line is the summary over
// all splits.
func Print(w io.Writer, res Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "split\tgold\tours\tmatched\trecall\tquoted_recall\tprecision\tcontent_f1\tstrict_f1\tspeaker_acc\tcue_acc\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, c.Gold, c.Pred, c.Matched,
			c.Recall(), c.QuotedRecall(), c.Precision(), c.ContentF1(), c.StrictF1(), c.SpeakerAcc(), c.CueAcc())
	}
	for _, s := range res.Splits {
		row(s, res.BySplit[s])
	}
	row("all", res.All)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print quotes: %w", err)
	}
	fmt.Fprintf(w, "matched: gold and ours share content words, one to one, most shared first; ours sharing a cue count as one\n")
	fmt.Fprintf(w, "quoted_recall: recall on the gold attributions whose content holds a quote mark\n")
	fmt.Fprintf(w, "content_f1: word F1 of matched pairs; strict_f1 also counts the words of misses and false alarms\n")
	fmt.Fprintf(w, "speaker_acc: matched pairs with a gold source whose speaker span overlaps it; cue_acc: matched pairs whose cue overlaps the gold cue\n")
	fmt.Fprintf(w, "words: %d in %s\n", res.All.Words, res.Elapsed.Round(time.Millisecond))
	c := res.All
	_, err := fmt.Fprintf(w, "quotes: content_f1=%.3f speaker_acc=%.3f cue_acc=%.3f recall=%.3f precision=%.3f strict_f1=%.3f\n",
		c.ContentF1(), c.SpeakerAcc(), c.CueAcc(), c.Recall(), c.Precision(), c.StrictF1())
	if err != nil {
		return fmt.Errorf("print quotes: %w", err)
	}
	return nil
}
