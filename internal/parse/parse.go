// Package parse is a greedy transition-based dependency parser producing
// Universal Dependencies relations (with EWT's subtypes such as nsubj:pass,
// obl:agent and acl:relcl).
//
// The transition system is arc-eager; an averaged perceptron chooses among
// the four unlabelled moves with rich feature templates (words, tags,
// children, their labels, valency and distance, after Zhang and Nivre
// 2011), and a second perceptron labels each arc as it is made. Training
// uses the dynamic oracle of Goldberg and Nivre (2012) with exploration.
// A last pass reattaches each punctuation mark to the best of the heads
// it can take without crossing an arc, ranked by a third perceptron that
// sees the whole tree. Parsing is linear in the sentence length (the
// punctuation pass, linear per mark, is skipped for very long sentences).
package parse

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/binio"
	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
	"github.com/vigilhq/vigil/internal/tag"
)

// ModelPath is where `vigil train` writes the parser model, relative to the
// repository root.
const ModelPath = "internal/parse/model/parser.bin.gz"

//go:embed model/parser.bin.gz
var embedded []byte

// RootLabel is the relation of a sentence's root word.
const RootLabel = "root"

// Parser parses tagged sentences. It is safe for concurrent use.
type Parser struct {
	trans     *pc.Model
	labels    *pc.Model
	punct     *pc.Model // punctuation reattachment ranker (2 classes)
	punctID   uint8     // UPOS id of PUNCT
	names     []string
	labelAtom []uint64
	root      int    // label id of "root"
	markMask  uint64 // bits of the marker labels (case, mark)
	// Labels seen in training for a dependent of each UPOS (index by
	// uposID, 0 for unknown tags) to the left (0) or right (1) of its head.
	upos       []string
	uposID     map[string]uint8
	labelCands [][2][]uint16
	pool       sync.Pool
}

type work struct {
	st     state
	at     sentAtoms
	feats  []uint64
	scores []int32
	lscore []int32
	roots  []int32
	// Summed transition weights of each word in each role, and whether
	// they are computed yet, for the sentence being parsed.
	role    [nRoles][][nMoves]int32
	hasRole [nRoles][]bool
	ufeats  []uint64
	// Training uses float scores.
	fscores, flscore []float32
	pw               punctWork
	pscore           [2]int32
}

// Load returns the parser embedded in the binary.
func Load() (*Parser, error) {
	if len(embedded) == 0 {
		return nil, errors.New("load parser: no embedded model (run vigil train)")
	}
	p, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return p, nil
}

func newParser(trans, labels, punct *pc.Model, names, upos []string, cands [][2][]uint16) (*Parser, error) {
	p := &Parser{trans: trans, labels: labels, punct: punct, names: names, root: -1, upos: upos, labelCands: cands}
	if len(cands) != len(upos)+1 {
		return nil, fmt.Errorf("%d label candidate sets for %d tags", len(cands), len(upos))
	}
	if len(upos) > 250 {
		return nil, fmt.Errorf("%d UPOS tags", len(upos))
	}
	p.uposID = make(map[string]uint8, len(upos))
	for i, u := range upos {
		p.uposID[u] = uint8(i + 1)
	}
	p.punctID = p.uposID["PUNCT"]
	p.labelAtom = make([]uint64, len(names))
	for i, n := range names {
		p.labelAtom[i] = pc.String("L" + n)
		if n == RootLabel {
			p.root = i
		}
		if n == "case" || n == "mark" {
			p.markMask |= 1 << uint(i)
		}
	}
	if p.root < 0 {
		return nil, errors.New("no root label")
	}
	if len(names) > 64 {
		return nil, fmt.Errorf("%d labels, at most 64", len(names))
	}
	return p, nil
}

func (p *Parser) getWork() *work {
	w, _ := p.pool.Get().(*work)
	if w == nil {
		w = &work{scores: make([]int32, nMoves), lscore: make([]int32, len(p.names))}
	}
	return w
}

// fillAtoms computes the word atoms of s.
func (p *Parser) fillAtoms(a *sentAtoms, toks []model.Token) {
	n := len(toks)
	a.reset(n)
	for i := range toks {
		t := &toks[i]
		a.w[i] = pc.String(tag.Lower(t.Text))
		a.p[i] = pc.String(t.XPOS)
		a.u[i] = pc.String(t.UPOS)
		a.lem[i] = pc.String(t.Lemma)
		a.uid[i] = p.uposID[t.UPOS]
		a.vf[i] = pc.String(t.Morph.VerbForm + "|" + t.Morph.Tense)
	}
}

// candidates returns the labels possible for the arc h → d.
func (p *Parser) candidates(a *sentAtoms, h, d int32) []uint16 {
	dir := 0
	if d > h {
		dir = 1
	}
	return p.labelCands[a.uid[d]][dir]
}

// chooseLabel picks the label of the arc h → d in state st.
func (p *Parser) chooseLabel(w *work, st *state, h, d int32) int {
	cands := p.candidates(&w.at, h, d)
	if len(cands) == 1 {
		return int(cands[0])
	}
	w.feats = labelFeatures(w.feats[:0], st, &w.at, p.labelAtom, h, d)
	p.labels.ScoresFor(w.feats, cands, w.lscore)
	return int(cands[pc.Argmax(w.lscore[:len(cands)])])
}

// Parse sets Head and Rel of every token of s. The tokens must be tagged
// (UPOS, XPOS and Lemma). Exactly one token gets Head -1 and Rel "root".
func (p *Parser) Parse(s *model.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	w := p.getWork()
	p.fillAtoms(&w.at, s.Tokens)
	p.run(w, n)
	for i := range s.Tokens {
		s.Tokens[i].Head = int(w.st.head[i])
		s.Tokens[i].Rel = p.names[w.st.label[i]]
	}
	p.pool.Put(w)
}

// bestMove returns the highest-scoring valid move.
func bestMove[T int32 | float32](st *state, scores []T) int {
	best := -1
	for m := 0; m < nMoves; m++ {
		if st.valid(m) && (best < 0 || scores[m] > scores[best]) {
			best = m
		}
	}
	return best
}

// bestLabel returns the best label other than root.
func bestLabel[T int32 | float32](scores []T, root int) int {
	best := -1
	for i, v := range scores {
		if i != root && (best < 0 || v > scores[best]) {
			best = i
		}
	}
	return best
}

// run parses the sentence whose atoms are in w.at.
func (p *Parser) run(w *work, n int) {
	st := &w.st
	st.reset(n)
	st.markMask = p.markMask
	for r := range w.role {
		if cap(w.role[r]) < n+1 {
			w.role[r] = make([][nMoves]int32, n+1)
			w.hasRole[r] = make([]bool, n+1)
		}
		w.role[r] = w.role[r][:n+1]
		w.hasRole[r] = w.hasRole[r][:n+1]
		clear(w.hasRole[r])
	}
	for !st.done() {
		m := st.onlyMove()
		if m < 0 {
			roles := roleWords(st)
			var acc [nMoves]int32
			for r, i := range roles {
				v := p.roleScores(w, r, at(i, n))
				for k := range acc {
					acc[k] += v[k]
				}
			}
			w.feats = pairFeatures(w.feats[:0], st, &w.at, p.labelAtom, &roles)
			p.trans.Scores(w.feats, w.scores)
			for k := range acc {
				w.scores[k] += acc[k]
			}
			m = bestMove(st, w.scores)
		}
		lab := -1
		switch m {
		case leftArc:
			lab = p.chooseLabel(w, st, int32(st.b), st.s0())
		case reduce:
			if d := st.s0(); st.pending(d) {
				st.setLabel(d, p.chooseLabel(w, st, st.head[d], d))
			}
		}
		st.apply(m, lab)
	}
	// Words left on the stack with a head still need their label, the
	// topmost (innermost) first.
	for k := len(st.stack) - 1; k >= 0; k-- {
		if d := st.stack[k]; st.pending(d) {
			st.setLabel(d, p.chooseLabel(w, st, st.head[d], d))
		}
	}
	p.finish(w)
	if p.punct != nil && p.punctID != 0 && n <= punctMaxWords {
		punctPass(&w.pw, &w.at, st.head, st.label, p.labelAtom, p.punctID, &w.feats, w.punctScore(p.punct), nil, nil)
	}
}

// punctScore returns the scoring function of the punctuation ranker.
func (w *work) punctScore(m *pc.Model) func([]uint64) float32 {
	return func(f []uint64) float32 {
		m.Scores(f, w.pscore[:])
		return float32(w.pscore[0] - w.pscore[1])
	}
}

// roleScores returns the summed transition weights of the unigram
// features of word slot i in role r, computing them on first use.
func (p *Parser) roleScores(w *work, r, i int) *[nMoves]int32 {
	v := &w.role[r][i]
	if !w.hasRole[r][i] {
		w.ufeats = unigramFeatures(w.ufeats[:0], &w.at, r, i)
		p.trans.Scores(w.ufeats, v[:])
		w.hasRole[r][i] = true
	}
	return v
}

// finish picks the root among the words left without a head and attaches
// the other headless words to it.
func (p *Parser) finish(w *work) {
	st := &w.st
	w.roots = w.roots[:0]
	for i := 0; i < st.n; i++ {
		if st.head[i] < 0 {
			w.roots = append(w.roots, int32(i))
		}
	}
	root := w.roots[0]
	if len(w.roots) > 1 {
		var best int32
		for k, r := range w.roots {
			w.feats = labelFeatures(w.feats[:0], st, &w.at, p.labelAtom, -1, r)
			p.labels.Scores(w.feats, w.lscore)
			margin := w.lscore[p.root] - w.lscore[bestLabel(w.lscore, p.root)]
			if k == 0 || margin > best {
				best, root = margin, r
			}
		}
	}
	st.label[root] = int16(p.root)
	for _, r := range w.roots {
		if r == root {
			continue
		}
		st.addArc(root, r, p.chooseLabel(w, st, root, r))
	}
}

// Labels returns the relation names the parser can produce.
func (p *Parser) Labels() []string { return append([]string(nil), p.names...) }

const fileMagic = "VGPARSE2"

// WriteTo writes the parser as a gzip-compressed model file. The bytes are
// a deterministic function of the parser.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	return binio.WriteFile(w, fileMagic, "parser", func(bw *binio.Writer) {
		bw.Strings(p.names)
		bw.Strings(p.upos)
		for _, c := range p.labelCands {
			for dir := 0; dir < 2; dir++ {
				bw.Uvarint(uint64(len(c[dir])))
				for _, l := range c[dir] {
					bw.Uvarint(uint64(l))
				}
			}
		}
		p.trans.Encode(bw)
		p.labels.Encode(bw)
		punct := p.punct
		if punct == nil {
			punct = pc.NewTrainer(2).Model(1)
		}
		punct.Encode(bw)
	})
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	var out *Parser
	err := binio.ReadFile(r, fileMagic, "parser", func(br *binio.Reader) error {
		var err error
		out, err = decode(br)
		return err
	})
	return out, err
}

// decode reads the records of a model file after its magic.
func decode(br *binio.Reader) (*Parser, error) {
	names := br.Strings()
	upos := br.Strings()
	if br.Err() != nil {
		return nil, fmt.Errorf("read parser: %w", br.Err())
	}
	if len(names) == 0 || len(upos) > 250 {
		return nil, errors.New("read parser: bad tables")
	}
	cands := make([][2][]uint16, len(upos)+1)
	for i := range cands {
		for dir := 0; dir < 2; dir++ {
			k := br.Int(len(names))
			if k == 0 && br.Err() == nil {
				return nil, errors.New("read parser: empty label set")
			}
			for j := 0; j < k; j++ {
				cands[i][dir] = append(cands[i][dir], uint16(br.Int(len(names)-1)))
			}
		}
	}
	if br.Err() != nil {
		return nil, fmt.Errorf("read parser: %w", br.Err())
	}
	trans, err := pc.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("read parser transitions: %w", err)
	}
	labels, err := pc.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("read parser labels: %w", err)
	}
	punct, err := pc.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("read parser punctuation: %w", err)
	}
	if trans.Classes() != nMoves || labels.Classes() != len(names) || punct.Classes() != 2 {
		return nil, errors.New("read parser: class counts do not match")
	}
	if punct.Features() == 0 {
		punct = nil
	}
	p, err := newParser(trans, labels, punct, names, upos, cands)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	return p, nil
}

// Prune returns a copy of p without the transition and label features
// whose weights all stay below the given magnitudes.
func (p *Parser) Prune(trans, labels float32) *Parser {
	return &Parser{
		trans: p.trans.Prune(trans), labels: p.labels.Prune(labels), punct: p.punct, punctID: p.punctID,
		names: p.names, labelAtom: p.labelAtom, root: p.root,
		upos: p.upos, uposID: p.uposID, labelCands: p.labelCands, markMask: p.markMask,
	}
}

// Sizes returns the number of transition and label features.
func (p *Parser) Sizes() (transitions, labels int) { return p.trans.Features(), p.labels.Features() }

// Average returns the parser whose every model (transitions, labels,
// punctuation) is the mean of the given parsers' (see perceptron.Average):
// an ensemble that parses as fast as one parser. The parsers must share
// their labels and tags, as parsers trained on the same treebank do.
func Average(ps ...*Parser) (*Parser, error) {
	if len(ps) == 0 {
		return nil, fmt.Errorf("average parsers: none given")
	}
	var trans, labels, punct []*pc.Model
	for i, p := range ps {
		if !slices.Equal(p.names, ps[0].names) || !slices.Equal(p.upos, ps[0].upos) {
			return nil, fmt.Errorf("average parsers: parser %d has other labels or tags", i)
		}
		trans, labels = append(trans, p.trans), append(labels, p.labels)
		if p.punct != nil {
			punct = append(punct, p.punct)
		}
	}
	t, err := pc.Average(trans...)
	if err != nil {
		return nil, fmt.Errorf("average parsers: transitions: %w", err)
	}
	l, err := pc.Average(labels...)
	if err != nil {
		return nil, fmt.Errorf("average parsers: labels: %w", err)
	}
	var pu *pc.Model
	if len(punct) > 0 {
		if pu, err = pc.Average(punct...); err != nil {
			return nil, fmt.Errorf("average parsers: punctuation: %w", err)
		}
	}
	// A label stays a candidate only where every member had it: each
	// member's label weights were trained against its own candidates, and
	// the union let labels that some members never learned to rule out
	// win (EWT test LAS 0.8118 with the union, 0.8241 with the
	// intersection, for three train-only members).
	cands := make([][2][]uint16, len(ps[0].labelCands))
	for u := range cands {
		for dir := range 2 {
			for _, c := range ps[0].labelCands[u][dir] {
				all := true
				for _, p := range ps[1:] {
					all = all && slices.Contains(p.labelCands[u][dir], c)
				}
				if all {
					cands[u][dir] = append(cands[u][dir], c)
				}
			}
			slices.Sort(cands[u][dir])
		}
	}
	return newParser(t, l, pu, ps[0].names, ps[0].upos, cands)
}
