package ner

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/shareddata"
	"github.com/vigilhq/vigil/internal/tag"
)

// TestCrossValidateDev runs five-fold cross-validation on UNER English dev
// (contiguous folds, so that documents stay whole) with the training
// configuration of Train, and prints the scores. It is how the choices
// documented in Train were measured; it takes a minute or two, so it runs
// only with VIGIL_NER_CV=1. VIGIL_NER_CV_ERRORS=1 also prints the missed
// and spurious mentions.
func TestCrossValidateDev(t *testing.T) {
	if os.Getenv("VIGIL_NER_CV") == "" {
		t.Skip("set VIGIL_NER_CV=1 to run the cross-validation on UNER dev")
	}
	shared, err := shareddata.Path()
	if err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	gaz, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	c, err := loadCorpus(ctx, shared, gaz, defaultCorpusOptions())
	if err != nil {
		t.Fatal(err)
	}
	gold, err := readIOB2(p(shared, unerDevPath))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	cfg := defaultConfig(1)
	switch v := os.Getenv("VIGIL_NER_SELF"); v {
	case "":
	case "0":
		cfg.silver = nil
	default:
		neg, _ := strconv.Atoi(v)
		cfg.silver = &silverConfig{negEvery: neg, strict: os.Getenv("VIGIL_NER_STRICT") != "", oBias: 5}
	}
	if n, err := strconv.Atoi(os.Getenv("VIGIL_NER_RUNS")); err == nil {
		cfg.runs = n
	}
	if n, err := strconv.Atoi(os.Getenv("VIGIL_NER_AUG")); err == nil {
		cfg.augCopies = n
	}
	if v, err := strconv.ParseFloat(os.Getenv("VIGIL_NER_PRUNE"), 64); err == nil {
		cfg.prune = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("VIGIL_NER_AUGSHARE"), 64); err == nil {
		cfg.augShare = v
	}
	if os.Getenv("VIGIL_NER_POS") != "" {
		cfg.usePOS = true
		tagSamples(c.samples, tg)
	}
	const k = 5
	dev := c.samples[:c.counts["uner"]]
	extra := c.samples[c.counts["uner"]:]
	// Other tag biases to score on the same weights: VIGIL_NER_BIAS holds
	// settings separated by ";", each a list of tag=bias pairs
	// ("O=3,B-ORG=1"); O is subtracted, the others added.
	biases := []map[string]float64{{"O": cfg.oBias}}
	for _, set := range strings.Split(os.Getenv("VIGIL_NER_BIAS"), ";") {
		m := map[string]float64{}
		for _, kv := range strings.Split(set, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if b, err := strconv.ParseFloat(v, 64); ok && err == nil {
				m[k] = b
			}
		}
		if len(m) > 0 {
			biases = append(biases, m)
		}
	}
	scs := make([]*scorer, len(biases))
	for i := range scs {
		scs[i] = newScorer()
	}
	var errs strings.Builder
	for f := 0; f < k; f++ {
		lo, hi := f*len(dev)/k, (f+1)*len(dev)/k
		var train []sample
		train = append(train, dev[:lo]...)
		train = append(train, dev[hi:]...)
		train = append(train, extra...)
		fc := *c
		fc.samples = train
		w, err := trainModel(ctx, &fc, cfg, log)
		if err != nil {
			t.Fatal(err)
		}
		for bi, b := range biases {
			for t, name := range tagNames {
				w.tagBias[t] = int32(math.Round(b[name] / w.scale))
			}
			w.tagBias[tagO] = -w.tagBias[tagO]
			r := newRecognizer(w, c.gaz)
			for i := lo; i < hi; i++ {
				g := gold[i]
				s := &model.Sentence{Tokens: tokensOf(g.words)}
				if w.usePOS {
					tg.Tag(s)
				}
				r.Recognize(s)
				pred := Mentions(s)
				for j := range pred {
					pred[j].Type = unerLabel(pred[j].Type)
				}
				gs := spansFromTags(g.tags)
				scs[bi].add(gs, pred, len(g.words))
				if bi == 0 {
					writeErrors(&errs, g.words, gs, pred)
				}
			}
		}
	}
	for bi := 1; bi < len(biases); bi++ {
		s := scs[bi].scores()
		fmt.Printf("bias=%v cv_f1=%.4f P=%.4f R=%.4f %s\n", biases[bi], s.F1, s.P, s.R, typeF1(s))
	}
	sc := scs[0]
	s := sc.scores()
	var b strings.Builder
	if err := s.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("UNER dev, %d-fold cross-validation (extra training sentences: %d):\n%s", k, len(extra), b.String())
	fmt.Printf("cv_f1=%.4f P=%.4f R=%.4f\n", s.F1, s.P, s.R)
	if os.Getenv("VIGIL_NER_CV_ERRORS") != "" {
		fmt.Print(errs.String())
	}
}

func typeF1(s Scores) string {
	var b strings.Builder
	for _, t := range s.ByType {
		if t.TP+t.FN > 0 {
			fmt.Fprintf(&b, " %s=%.3f/%.3f", t.Type, t.P, t.R)
		}
	}
	return b.String()
}

func tagSamples(samples []sample, tg *tag.Tagger) {
	for i := range samples {
		s := &model.Sentence{Tokens: samples[i].toks}
		tg.Tag(s)
	}
}

func p(shared string, elems []string) string {
	return strings.Join(append([]string{shared}, elems...), string(os.PathSeparator))
}

// writeErrors lists the gold mentions missed (FN) and the predictions not
// in the gold (FP) of one sentence, with the sentence.
func writeErrors(w io.Writer, words []string, gold, pred []Mention) {
	key := func(m Mention) string { return fmt.Sprintf("%d:%d:%s", m.Start, m.End, m.Type) }
	gs := make(map[string]bool)
	for _, m := range gold {
		gs[key(m)] = true
	}
	ps := make(map[string]bool)
	for _, m := range pred {
		ps[key(m)] = true
	}
	var lines []string
	for _, m := range gold {
		if !ps[key(m)] {
			lines = append(lines, fmt.Sprintf("FN %s %q", m.Type, strings.Join(words[m.Start:m.End], " ")))
		}
	}
	for _, m := range pred {
		if !gs[key(m)] {
			lines = append(lines, fmt.Sprintf("FP %s %q", m.Type, strings.Join(words[m.Start:m.End], " ")))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n", strings.Join(words, " "))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
