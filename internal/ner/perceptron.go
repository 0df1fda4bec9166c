package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"slices"
)

// trainSet is the samples with their features resolved to dense indexes.
type trainSet struct {
	feats   [][]int32 // per sentence, flattened features of its tokens
	offs    [][]int32 // per sentence, token i's features are feats[offs[i]:offs[i+1]]
	gold    [][]uint8
	keys    []uint64        // dense index -> feature hash
	private map[uint64]bool // source-private feature copies
}

func buildTrainSet(ctx context.Context, samples []sample, lex map[uint64]uint32, gaz *gazetteer, cfg trainConfig) (*trainSet, error) {
	rng := rand.New(rand.NewPCG(uint64(cfg.seed), 0x6e6572))
	x := newExtractor(gaz, lex)
	usePOS := make([]bool, len(samples))
	for i := range samples {
		usePOS[i] = cfg.usePOS && rng.Float64() >= cfg.posDropout
	}
	counts := make(map[uint64]int32)
	for i, s := range samples {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		x.extract(s.toks, usePOS[i])
		for _, h := range x.feats {
			counts[h]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for h, n := range counts {
		if int(n) >= cfg.minCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	index := make(map[uint64]int32, len(keys))
	for i, h := range keys {
		index[h] = int32(i)
	}
	ts := &trainSet{keys: keys}
	for i, s := range samples {
		x.extract(s.toks, usePOS[i])
		n := len(s.toks)
		offs := make([]int32, n+1)
		var fs []int32
		for t := 0; t < n; t++ {
			offs[t] = int32(len(fs))
			for _, h := range x.feats[x.offs[t]:x.offs[t+1]] {
				if k, ok := index[h]; ok {
					fs = append(fs, k)
				}
			}
		}
		offs[n] = int32(len(fs))
		ts.feats = append(ts.feats, fs)
		ts.offs = append(ts.offs, offs)
		ts.gold = append(ts.gold, tagsOf(n, s.spans))
	}
	return ts, nil
}

// perceptron is an averaged structured perceptron over BIO tags.
type perceptron struct {
	w, u          []float64 // weights and their time-weighted sums (for averaging)
	trans, transU [nTags + 1][nTags]float64
	final, finalU [nTags]float64
	c             float64 // update clock
}

func trainWeights(ctx context.Context, samples []sample, lex map[uint64]uint32, gaz *gazetteer, cfg trainConfig, log *slog.Logger) (*weights, error) {
	if len(samples) == 0 {
		return nil, fmt.Errorf("no training sentences")
	}
	if cfg.augCopies > 0 {
		names, err := listNames()
		if err != nil {
			return nil, err
		}
		samples = append(slices.Clip(samples), augment(samples, names, cfg.augCopies, cfg.augShare, cfg.seed)...)
	}
	ts, err := buildTrainSet(ctx, samples, lex, gaz, cfg)
	if err != nil {
		return nil, err
	}
	// Several perceptrons trained on different shuffles are averaged: on
	// this little data one run depends much on the order it saw.
	runs := max(cfg.runs, 1)
	var sum *averaged
	for r := 0; r < runs; r++ {
		p := &perceptron{
			w: make([]float64, len(ts.keys)*nTags),
			u: make([]float64, len(ts.keys)*nTags),
			c: 1,
		}
		if err := p.train(ctx, ts, cfg, cfg.seed+int64(r)*7919, log); err != nil {
			return nil, err
		}
		a := p.average()
		if sum == nil {
			sum = a
			continue
		}
		sum.add(a)
	}
	sum.scale(1 / float64(runs))
	w := sum.quantise(ts.keys, cfg.prune)
	w.usePOS = cfg.usePOS
	w.tagBias[tagO] = -int32(math.Round(cfg.oBias / w.scale))
	w.lex = lex
	w.learned = learnedOf(gaz)
	return w, nil
}

func (p *perceptron) train(ctx context.Context, ts *trainSet, cfg trainConfig, seed int64, log *slog.Logger) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x70657263))
	order := make([]int, len(ts.gold))
	for i := range order {
		order[i] = i
	}
	var emit []float64
	var back, pred []uint8
	for epoch := 0; epoch < cfg.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for k, si := range order {
			if k%256 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			gold := ts.gold[si]
			n := len(gold)
			if n == 0 {
				continue
			}
			emit = growF(emit, n*nTags)
			back = grow(back, n*nTags)
			pred = grow(pred, n)
			p.emissions(ts.feats[si], ts.offs[si], emit)
			viterbiFloat(n, emit, &p.trans, &p.final, back, pred)
			if !slices.Equal(pred, gold) {
				p.update(ts.feats[si], ts.offs[si], gold, pred)
			}
			for i := range gold {
				if gold[i] != pred[i] {
					errs++
				}
			}
			toks += n
			p.c++
		}
		if log != nil && epoch == cfg.epochs-1 {
			log.Debug("ner perceptron trained", "seed", seed, "last_epoch_token_errors", errs, "tokens", toks)
		}
	}
	return nil
}

func growF(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n, n+n/2)
	}
	return s[:n]
}

func (p *perceptron) emissions(feats, offs []int32, emit []float64) {
	n := len(offs) - 1
	for i := 0; i < n; i++ {
		e := emit[i*nTags : (i+1)*nTags]
		clear(e)
		for _, f := range feats[offs[i]:offs[i+1]] {
			row := p.w[int(f)*nTags : int(f+1)*nTags]
			for t := range e {
				e[t] += row[t]
			}
		}
	}
}

func (p *perceptron) update(feats, offs []int32, gold, pred []uint8) {
	n := len(gold)
	c := p.c
	for i := 0; i < n; i++ {
		g, q := int(gold[i]), int(pred[i])
		if g != q {
			for _, f := range feats[offs[i]:offs[i+1]] {
				r := int(f) * nTags
				p.w[r+g]++
				p.u[r+g] += c
				p.w[r+q]--
				p.u[r+q] -= c
			}
		}
		gp, qp := nTags, nTags
		if i > 0 {
			gp, qp = int(gold[i-1]), int(pred[i-1])
		}
		if gp != qp || g != q {
			p.trans[gp][g]++
			p.transU[gp][g] += c
			p.trans[qp][q]--
			p.transU[qp][q] -= c
		}
	}
	g, q := int(gold[n-1]), int(pred[n-1])
	if g != q {
		p.final[g]++
		p.finalU[g] += c
		p.final[q]--
		p.finalU[q] -= c
	}
}

// averaged holds averaged perceptron weights.
type averaged struct {
	w     []float64
	trans [nTags + 1][nTags]float64
	final [nTags]float64
}

func (p *perceptron) average() *averaged {
	a := &averaged{w: make([]float64, len(p.w))}
	for i := range p.w {
		a.w[i] = p.w[i] - p.u[i]/p.c
	}
	for x := range p.trans {
		for y := range p.trans[x] {
			a.trans[x][y] = p.trans[x][y] - p.transU[x][y]/p.c
		}
	}
	for t := range p.final {
		a.final[t] = p.final[t] - p.finalU[t]/p.c
	}
	return a
}

func (a *averaged) add(b *averaged) {
	for i := range a.w {
		a.w[i] += b.w[i]
	}
	for x := range a.trans {
		for y := range a.trans[x] {
			a.trans[x][y] += b.trans[x][y]
		}
	}
	for t := range a.final {
		a.final[t] += b.final[t]
	}
}

func (a *averaged) scale(f float64) {
	for i := range a.w {
		a.w[i] *= f
	}
	for x := range a.trans {
		for y := range a.trans[x] {
			a.trans[x][y] *= f
		}
	}
	for t := range a.final {
		a.final[t] *= f
	}
}

// quantise drops the features whose weights are all below prune, and
// turns the rest into int16 with one scale.
func (a *averaged) quantise(keys []uint64, prune float64) *weights {
	maxAbs := 0.0
	for _, v := range a.w {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for x := range a.trans {
		for _, v := range a.trans[x] {
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32000
	var kept []uint64
	var vals []int16
	for f, h := range keys {
		var row [nTags]int16
		big := false
		for t := 0; t < nTags; t++ {
			v := a.w[f*nTags+t]
			if math.Abs(v) >= prune {
				big = true
			}
			row[t] = int16(math.Round(v / scale))
		}
		if !big || row == [nTags]int16{} {
			continue
		}
		kept = append(kept, h)
		vals = append(vals, row[:]...)
	}
	w := newWeights(kept, vals)
	w.scale = scale
	for x := range a.trans {
		for y, v := range a.trans[x] {
			w.trans[x][y] = int32(math.Round(v / scale))
		}
	}
	for t, v := range a.final {
		w.final[t] = int32(math.Round(v / scale))
	}
	return w
}

// viterbiFloat is viterbi over float64 scores, for training.
func viterbiFloat(n int, emit []float64, trans *[nTags + 1][nTags]float64, final *[nTags]float64, back, tags []uint8) {
	var delta, next [nTags]float64
	inf := math.Inf(-1)
	for c := 0; c < nTags; c++ {
		if allowedTable[nTags][c] {
			delta[c] = trans[nTags][c] + emit[c]
		} else {
			delta[c] = inf
		}
	}
	for i := 1; i < n; i++ {
		em := emit[i*nTags : (i+1)*nTags]
		bk := back[i*nTags : (i+1)*nTags]
		for c := 0; c < nTags; c++ {
			best, arg := inf, 0
			for p := 0; p < nTags; p++ {
				if !allowedTable[p][c] {
					continue
				}
				if s := delta[p] + trans[p][c]; s > best {
					best, arg = s, p
				}
			}
			next[c] = best + em[c]
			bk[c] = uint8(arg)
		}
		delta = next
	}
	best, arg := inf, 0
	for c := 0; c < nTags; c++ {
		if s := delta[c] + final[c]; s > best {
			best, arg = s, c
		}
	}
	tags[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		tags[i-1] = back[i*nTags+int(tags[i])]
	}
}

// learnedOf extracts the learned (silver) entries of a gazetteer.
func learnedOf(g *gazetteer) map[uint64]uint32 {
	const silver = 1<<gazSilverPER | 1<<gazSilverORG | 1<<gazSilverGPE | 1<<gazSilverLOC
	out := make(map[uint64]uint32)
	for k, v := range g.folded {
		if v&silver != 0 {
			out[k] = v & silver
		}
	}
	return out
}
