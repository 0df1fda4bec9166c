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
	seed := int64(1)
	if n, err := strconv.Atoi(os.Getenv("VIGIL_NER_SEED")); err == nil {
		seed = int64(n)
	}
	cfg := defaultConfig(seed)
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
	// Document repairs to score on the same weights: VIGIL_NER_DOC holds
	// variants separated by ";", each a set of letters: p propagate, a
	// acronyms, s surnames, m majority, "-" none. The first is used for
	// the bias settings and the error list.
	var variants []docOptions
	var variantNames []string
	docEnv := os.Getenv("VIGIL_NER_DOC")
	if docEnv == "" {
		docEnv = "-;pas"
	}
	for _, v := range strings.Split(docEnv, ";") {
		variants = append(variants, docOptions{
			acronyms:  strings.Contains(v, "a") || strings.Contains(v, "A"),
			initials:  strings.Contains(v, "a"),
			multiOnly: strings.Contains(v, "P"),
			defined:   strings.Contains(v, "d"),
			folded:    strings.Count(v, "c") + 2*strings.Count(v, "C"),
			propagate: strings.Contains(v, "p") || strings.Contains(v, "P"),
			surnames:  strings.Contains(v, "s"),
			majority:  strings.Contains(v, "m"),
		})
		variantNames = append(variantNames, v)
	}
	vscs := make([]*scorer, len(variants))
	verrs := make([]strings.Builder, len(variants))
	for i := range vscs {
		vscs[i] = newScorer()
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
			var prep func(*model.Sentence)
			if w.usePOS {
				prep = func(s *model.Sentence) { tg.Tag(s) }
			}
			if bi == 0 {
				for vi, v := range variants {
					r.doc = v
					for _, d := range docRanges(gold, lo, hi) {
						var ew io.Writer = &verrs[vi]
						if vi == 0 {
							ew = io.MultiWriter(&errs, &verrs[vi])
						}
						scoreDocument(r, gold[d[0]:d[1]], prep, vscs[vi], ew)
					}
				}
			}
			r.doc = variants[0]
			for _, d := range docRanges(gold, lo, hi) {
				scoreDocument(r, gold[d[0]:d[1]], prep, scs[bi], nil)
			}
		}
	}
	for vi := range variants {
		s := vscs[vi].scores()
		if dir := os.Getenv("VIGIL_NER_CV_ERRDIR"); dir != "" {
			if err := os.WriteFile(dir+"/errors-"+variantNames[vi]+".txt", []byte(verrs[vi].String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Printf("doc=%s cv_f1=%.4f P=%.4f R=%.4f %s\n", variantNames[vi], s.F1, s.P, s.R, typeF1(s))
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
