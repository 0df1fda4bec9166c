package tag

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/vigilhq/vigil/internal/nlp/conllu"
)

// Treebank files under the shared folder.
var (
	EWTTrain = filepath.Join("nlp", "ud-english-ewt", "en_ewt-ud-train.conllu")
	EWTDev   = filepath.Join("nlp", "ud-english-ewt", "en_ewt-ud-dev.conllu")
)

// ModelOptions are the training options of the embedded model, tuned on
// the EWT development set.
func ModelOptions(seed int64, log *slog.Logger) TrainOptions {
	return TrainOptions{
		Epochs:       8,
		Seed:         uint64(seed),
		MinWeight:    0.5,
		MinWeight2:   1,
		Gate:         4000,
		AmbMinCount:  3,
		AmbMinShare:  0.01,
		OpenMinShare: 0.0005,
		CandMin:      5,
		RareMin:      3,
		CoMinTypes:   25,
		CoMaxCount:   100,
		TwoPass:      ModelTwoPass,
		Folds:        5,
		Log:          log,
	}
}

// ModelTwoPass says whether the embedded tagger has a second pass.
const ModelTwoPass = true

// ModelMembers is how many taggers, trained with seeds Seed, Seed+1, …,
// are averaged into the embedded one (see Average).
const ModelMembers = 5

// ModelConfig says how `vigil train` builds the embedded models.
type ModelConfig struct {
	Seed int64 // the same seed gives the same models
	// WithDev trains on EWT train and dev together (their options were
	// chosen on dev beforehand), as the embedded models are; otherwise
	// EWT train alone is used, which leaves dev to score experiments.
	WithDev bool
	// Members overrides how many models with consecutive seeds are
	// averaged into each embedded model (0: each model's own default).
	Members int
	Log     *slog.Logger
}

// MembersOr returns c.Members, or def when it is not set.
func (c ModelConfig) MembersOr(def int) int {
	if c.Members > 0 {
		return c.Members
	}
	return def
}

// Files lists the treebank files (relative to the shared folder) that the
// models learn from.
func (c ModelConfig) Files() []string {
	if c.WithDev {
		return []string{EWTTrain, EWTDev}
	}
	return []string{EWTTrain}
}

func (c ModelConfig) logger() *slog.Logger {
	if c.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Log
}

// ReadTreebanks reads and joins the files (relative to sharedDir).
func ReadTreebanks(sharedDir string, files []string) ([]conllu.Sentence, error) {
	var all []conllu.Sentence
	for _, f := range files {
		s, err := conllu.ReadFile(filepath.Join(sharedDir, f))
		if err != nil {
			return nil, fmt.Errorf("read treebanks: %w", err)
		}
		all = append(all, s...)
	}
	return all, nil
}

// TrainModel trains the tagger on the treebanks of cfg (sharedDir is the
// shared folder) and writes it to outDir/ModelPath. It logs the accuracy
// on EWT dev (not a held-out score when cfg.WithDev).
func TrainModel(ctx context.Context, sharedDir, outDir string, cfg ModelConfig) error {
	log := cfg.logger()
	train, err := ReadTreebanks(sharedDir, cfg.Files())
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	dev, err := conllu.ReadFile(filepath.Join(sharedDir, EWTDev))
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	var members []*Tagger
	for k := range cfg.MembersOr(ModelMembers) {
		opt := ModelOptions(cfg.Seed+int64(k), log)
		if opt.TwoPass {
			first, _, err := JackknifeCached(ctx, sharedDir, cfg.Files(), opt)
			if err != nil {
				return fmt.Errorf("train tagger: %w", err)
			}
			opt.FirstPass = first
		}
		m, err := Train(ctx, train, opt)
		if err != nil {
			return err
		}
		u, x, l := Accuracy(m, dev)
		log.Info("tagger member trained", "seed", opt.Seed, "dev_upos", fmt.Sprintf("%.4f", u), "dev_xpos", fmt.Sprintf("%.4f", x), "dev_lemma", fmt.Sprintf("%.4f", l))
		members = append(members, m)
	}
	t, err := Average(members...)
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	u, x, l := Accuracy(t, dev)
	log.Info("tagger trained", "with_dev", cfg.WithDev, "members", len(members), "dev_upos", fmt.Sprintf("%.4f", u), "dev_xpos", fmt.Sprintf("%.4f", x), "dev_lemma", fmt.Sprintf("%.4f", l))
	return WriteFileAtomic(filepath.Join(outDir, ModelPath), t.WriteTo)
}

// WriteFileAtomic writes a file through a temporary file and a rename.
func WriteFileAtomic(path string, write func(io.Writer) (int64, error)) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	return nil
}

// cacheVersion changes whenever the tagger's features or training change,
// so that stale jackknife caches are not reused.
const cacheVersion = "tagger-v11"

// JackknifeCached runs Jackknife on the treebank files (relative to
// sharedDir, joined in order) with opt, or reads the result of an
// identical earlier run from the cache under the system's temporary
// folder. Training the tagger and then the parser needs it twice; it takes
// minutes.
func JackknifeCached(ctx context.Context, sharedDir string, files []string, opt TrainOptions) (first, final []conllu.Sentence, err error) {
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(sharedDir, f))
		if err != nil {
			return nil, nil, fmt.Errorf("jackknife: %w", err)
		}
		h.Write(data)
	}
	fmt.Fprintf(h, "%s|%d|%d|%g|%d|%g|%g|%d|%d|%d|%d|%v|%d", cacheVersion, opt.Epochs, opt.Seed, opt.MinWeight,
		opt.AmbMinCount, opt.AmbMinShare, opt.OpenMinShare, opt.CandMin, opt.RareMin, opt.CoMinTypes, opt.CoMaxCount, opt.TwoPass, opt.Folds)
	key := hex.EncodeToString(h.Sum(nil))[:20]
	dir := filepath.Join(os.TempDir(), "vigil-train-cache")
	firstPath := filepath.Join(dir, "jackknife-"+key+"-first.conllu")
	finalPath := filepath.Join(dir, "jackknife-"+key+"-final.conllu")
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if f1, err1 := conllu.ReadFile(firstPath); err1 == nil {
		if f2, err2 := conllu.ReadFile(finalPath); err2 == nil && len(f1) == len(f2) {
			log.Info("jackknife: cached", "path", finalPath)
			return f1, f2, nil
		}
	}
	sents, err := ReadTreebanks(sharedDir, files)
	if err != nil {
		return nil, nil, fmt.Errorf("jackknife: %w", err)
	}
	start := time.Now()
	first, final, err = Jackknife(ctx, sents, opt)
	if err != nil {
		return nil, nil, err
	}
	log.Info("jackknife: done", "took", time.Since(start).Round(time.Second))
	for _, c := range []struct {
		path  string
		sents []conllu.Sentence
	}{{firstPath, first}, {finalPath, final}} {
		err := WriteFileAtomic(c.path, func(w io.Writer) (int64, error) { return 0, conllu.Write(w, c.sents) })
		if err != nil {
			log.Warn("jackknife: cache not written", "err", err)
		}
	}
	return first, final, nil
}
