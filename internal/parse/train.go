package parse

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
	"github.com/vigilhq/vigil/internal/tag"
)

// Ways to handle non-projective training trees, which the arc-eager system
// cannot build.
const (
	NonProjLift = "lift" // lift crossing arcs until the tree is projective
	NonProjSkip = "skip" // leave such sentences out
	NonProjKeep = "keep" // train on them as they are (the oracle is then inexact)
)

// TrainOptions control training. Zero fields take defaults tuned on the EWT
// development set.
type TrainOptions struct {
	Epochs      int     // passes over the data (default 12)
	Seed        uint64  // shuffling and exploration seed
	MinWeight   float32 // prune features whose weights all stay below this (default 0.5)
	ExploreFrom int     // first epoch that follows the model's own moves (default 2)
	ExploreProb float64 // probability of following the model's move then (default 0.9)
	NonProj     string  // NonProjLift (default), NonProjSkip or NonProjKeep
	// PunctEpochs trains the punctuation reattachment ranker for this many
	// passes (none when 0).
	PunctEpochs int
	// LabelMinCount: a label is possible for a dependent's UPOS and side
	// when seen this often in training (default 2).
	LabelMinCount int
	// Dev, when set, is parsed after every epoch and its scores logged. Its
	// UPOS, XPOS and lemmas are used as they are (gold or predicted).
	Dev []conllu.Sentence
	Log *slog.Logger
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.MinWeight == 0 {
		o.MinWeight = 0.5
	}
	if o.ExploreFrom == 0 {
		o.ExploreFrom = 2
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = 0.9
	}
	if o.LabelMinCount == 0 {
		o.LabelMinCount = 2
	}
	if o.NonProj == "" {
		o.NonProj = NonProjLift
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// universalPOS is the UD part-of-speech inventory.
var universalPOS = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

type trainSent struct {
	toks   []model.Token
	heads  []int32
	labels []int
}

// Train learns a parser from sents, whose UPOS, XPOS and Lemma columns are
// used as the tagger will provide them (for best results, predicted by
// jackknifing). Training is deterministic for a given seed.
func Train(ctx context.Context, sents []conllu.Sentence, opt TrainOptions) (*Parser, error) {
	opt.defaults()
	// Labels, the most frequent first (see perceptron.Model on rows).
	labelCount := map[string]int{RootLabel: 0}
	for _, s := range sents {
		for _, w := range s.Words {
			labelCount[w.Deprel]++
		}
	}
	names := make([]string, 0, len(labelCount))
	for l := range labelCount {
		names = append(names, l)
	}
	slices.Sort(names)
	slices.SortStableFunc(names, func(a, b string) int { return labelCount[b] - labelCount[a] })
	labelID := map[string]int{}
	for i, n := range names {
		labelID[n] = i
	}
	// Every universal tag has an id, seen or not, so that parsers trained
	// on different jackknifed tags share their inventory (see Average).
	uposSet := map[string]bool{}
	for _, u := range universalPOS {
		uposSet[u] = true
	}
	for _, s := range sents {
		for _, w := range s.Words {
			uposSet[w.UPOS] = true
		}
	}
	upos := make([]string, 0, len(uposSet))
	for u := range uposSet {
		upos = append(upos, u)
	}
	slices.Sort(upos)
	cands := labelCandidates(sents, upos, names, labelID, opt.LabelMinCount)
	p, err := newParser(nil, nil, nil, names, upos, cands)
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	data, lifted, skipped := trainData(sents, labelID, opt.NonProj)
	opt.Log.Info("train parser: data", "sentences", len(data), "lifted", lifted, "skipped", skipped, "labels", len(names))

	trT := pc.NewTrainer(nMoves)
	trL := pc.NewTrainer(len(names))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a75e))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	w := &work{fscores: make([]float32, nMoves), flscore: make([]float32, len(names))}
	var or oracle
	var costs [nMoves]int
	cscore := make([]float32, len(names))
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch >= opt.ExploreFrom
		var moves, moveErr, arcs, labelErr int
		for _, si := range order {
			ts := &data[si]
			n := len(ts.toks)
			p.fillAtoms(&w.at, ts.toks)
			st := &w.st
			st.reset(n)
			st.markMask = p.markMask
			or.reset(ts.heads)
			// learnLabel chooses the label of h → d, learning from it
			// when the arc is right; it returns the gold label then.
			learnLabel := func(h, d int32) int {
				cands := p.candidates(&w.at, h, d)
				w.feats = labelFeatures(w.feats[:0], st, &w.at, p.labelAtom, h, d)
				lab := int(cands[0])
				if len(cands) > 1 {
					trL.Scores(w.feats, w.flscore)
					for k, c := range cands {
						cscore[k] = w.flscore[c]
					}
					lab = int(cands[pc.Argmax(cscore[:len(cands)])])
				}
				if ts.heads[d] != h {
					return lab
				}
				arcs++
				if lab != ts.labels[d] {
					labelErr++
					trL.Update(w.feats, ts.labels[d], lab)
				}
				trL.Tick()
				return ts.labels[d]
			}
			for !st.done() {
				if st.onlyMove() >= 0 {
					st.apply(shift, -1)
					or.sync(st, shift)
					continue
				}
				w.feats = transFeatures(w.feats[:0], st, &w.at, p.labelAtom)
				trT.Scores(w.feats, w.fscores)
				minCost := 1 << 30
				for m := 0; m < nMoves; m++ {
					costs[m] = -1
					if st.valid(m) {
						costs[m] = or.cost(st, m)
						minCost = min(minCost, costs[m])
					}
				}
				pred := bestMove(st, w.fscores)
				gold := -1
				for m := 0; m < nMoves; m++ {
					if costs[m] == minCost && (gold < 0 || w.fscores[m] > w.fscores[gold]) {
						gold = m
					}
				}
				moves++
				if costs[pred] > minCost {
					moveErr++
					trT.Update(w.feats, gold, pred)
				}
				trT.Tick()
				follow := gold
				if explore && costs[pred] > minCost && rng.Float64() < opt.ExploreProb {
					follow = pred
				}
				lab := -1
				switch follow {
				case leftArc:
					lab = learnLabel(int32(st.b), st.s0())
				case reduce:
					if d := st.s0(); st.pending(d) {
						st.setLabel(d, learnLabel(st.head[d], d))
					}
				}
				if follow == reduce || follow == leftArc {
					or.popped(st.s0())
				}
				st.apply(follow, lab)
				or.sync(st, follow)
			}
			for k := len(st.stack) - 1; k >= 0; k-- {
				if d := st.stack[k]; st.pending(d) {
					st.setLabel(d, learnLabel(st.head[d], d))
				}
			}
			// Root choice: every headless word learns whether it is the root.
			for i := 0; i < n; i++ {
				if st.head[i] >= 0 {
					continue
				}
				w.feats = labelFeatures(w.feats[:0], st, &w.at, p.labelAtom, -1, int32(i))
				trL.Scores(w.feats, w.flscore)
				guess := pc.Argmax(w.flscore)
				truth := ts.labels[i]
				trL.Update(w.feats, truth, guess)
				trL.Tick()
			}
		}
		args := []any{"epoch", epoch, "move_err", fmt.Sprintf("%.4f", float64(moveErr)/float64(moves)),
			"label_err", fmt.Sprintf("%.4f", float64(labelErr)/float64(max(arcs, 1))),
			"features", trT.Features() + trL.Features()}
		if len(opt.Dev) > 0 {
			p.trans, p.labels = trT.Model(opt.MinWeight), trL.Model(opt.MinWeight)
			sc := Evaluate(p, opt.Dev)
			args = append(args, "dev_uas", fmt.Sprintf("%.4f", sc.UAS()), "dev_las", fmt.Sprintf("%.4f", sc.LAS()), "dev_ulas", fmt.Sprintf("%.4f", sc.CoarseLAS()))
		}
		opt.Log.Info("train parser", args...)
	}
	p.trans, p.labels = trT.Model(opt.MinWeight), trL.Model(opt.MinWeight)
	if opt.PunctEpochs > 0 {
		p.punct = trainPunct(p, data, w, rng, opt.PunctEpochs, opt.MinWeight)
	}
	if len(opt.Dev) > 0 {
		sc := Evaluate(p, opt.Dev)
		opt.Log.Info("train parser: punctuation", "dev_uas", fmt.Sprintf("%.4f", sc.UAS()), "dev_las", fmt.Sprintf("%.4f", sc.LAS()))
	}
	opt.Log.Info("train parser: done", "transition_features", p.trans.Features(), "label_features", p.labels.Features())
	return p, nil
}

// trainPunct learns the punctuation ranker on the gold (projectivised)
// trees: each punctuation leaf ranks the heads it can take.
func trainPunct(p *Parser, data []trainSent, w *work, rng *rand.Rand, epochs int, minWeight float32) *pc.Model {
	tr := pc.NewTrainer(2)
	var fs [2]float32
	score := func(f []uint64) float32 {
		tr.Scores(f, fs[:])
		return fs[0] - fs[1]
	}
	learn := func(goldF, predF []uint64) {
		if predF != nil {
			tr.Update(goldF, 0, 1)
			tr.Update(predF, 1, 0)
		}
		tr.Tick()
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var labels []int16
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			ts := &data[si]
			p.fillAtoms(&w.at, ts.toks)
			labels = labels[:0]
			for _, l := range ts.labels {
				labels = append(labels, int16(l))
			}
			punctPass(&w.pw, &w.at, ts.heads, labels, p.labelAtom, p.punctID, &w.feats, score, ts.heads, learn)
		}
	}
	return tr.Model(minWeight)
}

// trainData turns sents into training trees, treating non-projective
// ones as nonProj says.
func trainData(sents []conllu.Sentence, labelID map[string]int, nonProj string) (data []trainSent, lifted, skipped int) {
	for _, s := range sents {
		ts := trainSent{toks: toTokens(&s), heads: make([]int32, len(s.Words)), labels: make([]int, len(s.Words))}
		roots := 0
		for i, w := range s.Words {
			ts.heads[i] = int32(w.Head)
			ts.labels[i] = labelID[w.Deprel]
			if w.Head < 0 {
				roots++
			}
		}
		if roots != 1 {
			skipped++
			continue
		}
		if !projective(ts.heads) {
			switch nonProj {
			case NonProjSkip:
				skipped++
				continue
			case NonProjLift:
				lift(ts.heads)
				lifted++
			}
		}
		data = append(data, ts)
	}
	return data, lifted, skipped
}

// labelCandidates lists, for each dependent UPOS (index 0: unknown) and
// side of the head, the labels seen at least min times; all labels but root
// when none qualifies.
func labelCandidates(sents []conllu.Sentence, upos, names []string, labelID map[string]int, min int) [][2][]uint16 {
	uid := map[string]int{}
	for i, u := range upos {
		uid[u] = i + 1
	}
	counts := make([][2][]int, len(upos)+1)
	for i := range counts {
		counts[i] = [2][]int{make([]int, len(names)), make([]int, len(names))}
	}
	for _, s := range sents {
		for d, w := range s.Words {
			if w.Head < 0 {
				continue
			}
			dir := 0
			if d > w.Head {
				dir = 1
			}
			l := labelID[w.Deprel]
			counts[uid[w.UPOS]][dir][l]++
			counts[0][dir][l]++
		}
	}
	root := labelID[RootLabel]
	out := make([][2][]uint16, len(upos)+1)
	for i := range out {
		for dir := 0; dir < 2; dir++ {
			for l, c := range counts[i][dir] {
				if l != root && c >= min {
					out[i][dir] = append(out[i][dir], uint16(l))
				}
			}
			if len(out[i][dir]) == 0 || i == 0 {
				out[i][dir] = out[i][dir][:0]
				for l := range names {
					if l != root {
						out[i][dir] = append(out[i][dir], uint16(l))
					}
				}
			}
		}
	}
	return out
}

// toTokens turns the words of cs (with their tags and lemmas) into tokens.
func toTokens(cs *conllu.Sentence) []model.Token {
	toks := make([]model.Token, len(cs.Words))
	for i, w := range cs.Words {
		toks[i] = model.Token{Text: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Morph: tag.MorphOf(w.Feats), Head: -1}
	}
	return toks
}

// projective reports whether the tree has no crossing arcs.
func projective(heads []int32) bool {
	return crossing(heads) < 0
}

// crossing returns a dependent whose arc is non-projective (the one with
// the shortest arc), or -1.
func crossing(heads []int32) int {
	best, bestLen := -1, 1<<30
	for d, h := range heads {
		if h < 0 {
			continue
		}
		lo, hi := min(int(h), d), max(int(h), d)
		for k := lo + 1; k < hi; k++ {
			if !dominates(heads, h, int32(k)) {
				if hi-lo < bestLen {
					best, bestLen = d, hi-lo
				}
				break
			}
		}
	}
	return best
}

// dominates reports whether h is an ancestor of d.
func dominates(heads []int32, h, d int32) bool {
	for steps := 0; d >= 0 && steps <= len(heads); steps++ {
		if d == h {
			return true
		}
		d = heads[d]
	}
	return false
}

// lift makes the tree projective by reattaching the dependents of crossing
// arcs to their grandparents, shortest arcs first.
func lift(heads []int32) {
	for guard := 0; guard < 4*len(heads); guard++ {
		d := crossing(heads)
		if d < 0 {
			return
		}
		h := heads[d]
		if heads[h] < 0 {
			return
		}
		heads[d] = heads[h]
	}
}

// Scores counts attachment scores.
type Scores struct {
	Words, Head, Label, CoarseLabel int
}

// UAS is the unlabelled attachment score.
func (s Scores) UAS() float64 { return ratio(s.Head, s.Words) }

// LAS is the labelled attachment score with full labels (with subtypes).
func (s Scores) LAS() float64 { return ratio(s.Label, s.Words) }

// CoarseLAS is the labelled attachment score on universal labels without
// subtypes, as the CoNLL 2018 shared task counts it.
func (s Scores) CoarseLAS() float64 { return ratio(s.CoarseLabel, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate parses the sentences (with their own tags) and scores every
// word, punctuation included.
func Evaluate(p *Parser, sents []conllu.Sentence) Scores {
	var sc Scores
	for _, cs := range sents {
		s := model.Sentence{Tokens: toTokens(&cs)}
		p.Parse(&s)
		for i, w := range cs.Words {
			sc.Words++
			t := s.Tokens[i]
			if t.Head == w.Head {
				sc.Head++
				if t.Rel == w.Deprel {
					sc.Label++
				}
				if Universal(t.Rel) == Universal(w.Deprel) {
					sc.CoarseLabel++
				}
			}
		}
	}
	return sc
}

// Universal strips the subtype of a relation: "nsubj:pass" → "nsubj".
func Universal(rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}
