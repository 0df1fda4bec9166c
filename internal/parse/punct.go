package parse

import pc "github.com/vigilhq/vigil/internal/nlp/perceptron"

// Punctuation attachment. UD attaches punctuation projectively, mostly to
// the head of a neighbouring phrase or clause. A greedy parser decides it
// early, before the phrases around are built; once the tree is complete a
// second pass reattaches each punctuation leaf to one of the heads it can
// take without crossing an arc.

// punctMaxWords bounds the sentences that get the punctuation pass, whose
// time grows with the length times the number of marks.
const punctMaxWords = 200

// punctCands appends to buf the words other than i to which leaf i can be
// attached without making the tree non-projective; heads holds the tree
// (-1 for the root). lo and hi are scratch slices of length len(heads).
// Words whose entry in skip is true are not candidates.
func punctCands(buf []int32, heads []int32, i int, skip []bool, lo, hi []int32) []int32 {
	n := len(heads)
	for x := range n {
		lo[x], hi[x] = int32(n), -2
	}
	for d := range n {
		if d == i {
			continue
		}
		h := heads[d]
		lo[d], hi[d] = min(lo[d], h), max(hi[d], h)
		if h >= 0 {
			lo[h], hi[h] = min(lo[h], int32(d)), max(hi[h], int32(d))
		}
	}
	// Left: the span (h, i) is open; every arc from inside it must end
	// inside or at h.
	minO, maxO := int32(n), int32(-2)
	for h := i - 1; h >= 0; h-- {
		if minO >= int32(h) && maxO < int32(i) && !skip[h] {
			buf = append(buf, int32(h))
		}
		if hi[h] == -2 {
			continue
		}
		minO, maxO = min(minO, lo[h]), max(maxO, hi[h])
		if maxO > int32(i) {
			break
		}
	}
	minO, maxO = int32(n), int32(-2)
	for h := i + 1; h < n; h++ {
		if minO > int32(i) && maxO <= int32(h) && !skip[h] {
			buf = append(buf, int32(h))
		}
		if hi[h] == -2 {
			continue
		}
		minO, maxO = min(minO, lo[h]), max(maxO, hi[h])
		if minO < int32(i) {
			break
		}
	}
	return buf
}

// Punctuation ranking feature templates.
const (
	pPos = iota + 400
	pPosLab
	pPosUpos
	pPosNextU
	pPosPrevU
	pPosLabHeadLab
	pLabPos
	pPosDist
	pPosEdge
	pLabOther
	pMatch
	pPosNextW
	pPosXpos
	pLabNextU
	pPosSide
	pPosPrevLab
	pPosNextLab
	pPosAdj
	pPosNext2W
	pPosHu
)

// punctWork is the scratch space of the punctuation pass.
type punctWork struct {
	skip   []bool
	nch    []int32
	lo, hi []int32
	cands  []int32
}

func (pw *punctWork) reset(n int) {
	if cap(pw.skip) < n {
		pw.skip = make([]bool, n)
		pw.nch = make([]int32, n)
		pw.lo = make([]int32, n)
		pw.hi = make([]int32, n)
	}
	pw.skip, pw.nch, pw.lo, pw.hi = pw.skip[:n], pw.nch[:n], pw.lo[:n], pw.hi[:n]
}

// opener returns the word that opens the pair that punctuation word i
// closes ("(" for ")", the previous '"' after an odd number of them), or -1.
func opener(words []uint64, i int, quote, open, close uint64) int {
	switch words[i] {
	case close:
		depth := 0
		for j := i - 1; j >= 0; j-- {
			switch words[j] {
			case close:
				depth++
			case open:
				if depth == 0 {
					return j
				}
				depth--
			}
		}
	case quote:
		last, count := -1, 0
		for j := 0; j < i; j++ {
			if words[j] == quote {
				last = j
				count++
			}
		}
		if count%2 == 1 {
			return last
		}
	}
	return -1
}

var (
	atomQuote = pc.String("\"")
	atomOpen  = pc.String("(")
	atomClose = pc.String(")")
)

// punctFeatures appends the features of attaching punctuation word i to
// candidate cands[k]; nl candidates lie to the left of i.
func punctFeatures(buf []uint64, a *sentAtoms, heads []int32, labels []int16, labelAtom []uint64, i int, cands []int32, nl, k, open int) []uint64 {
	n := len(heads)
	h := cands[k]
	lab := func(x int32) uint64 {
		if x < 0 || labels[x] < 0 {
			return labelNone
		}
		return labelAtom[labels[x]]
	}
	var pos, other uint64
	var dist int
	if k < nl {
		top := k == nl-1
		pos = 1<<8 | uint64(b2u(top))<<4 | uint64(min(k, 3))
		dist = i - int(h)
		if len(cands) > nl {
			other = lab(cands[len(cands)-1])
		}
	} else {
		top := k == len(cands)-1
		pos = 2<<8 | uint64(b2u(top))<<4 | uint64(min(k-nl, 3))
		dist = int(h) - i
		if nl > 0 {
			other = lab(cands[nl-1])
		}
	}
	side := uint64(min(nl, 3))<<4 | uint64(min(len(cands)-nl, 3))
	pw := a.w[i]
	next, prev := at(int32(i+1), n), at(int32(i-1), n)
	if i+1 >= n {
		next = n
	}
	edge := uint64(0)
	if i == n-1 {
		edge = 1
	} else if i == 0 {
		edge = 2
	}
	match := uint64(0)
	if open >= 0 {
		match = 1 + b2u(heads[open] == h)
	}
	hl, hh := lab(h), heads[h]
	// Labels of the neighbours and where their heads lie.
	nbr := func(x int) uint64 {
		if x < 0 || x >= n {
			return labelNone
		}
		side := uint64(0)
		switch {
		case heads[x] < 0:
			side = 3
		case heads[x] == h:
			side = 1
		case int(heads[x]) > i:
			side = 2
		}
		return pc.H2(lab(int32(x)), side, 0)
	}
	next2 := n
	if i+2 < n {
		next2 = i + 2
	}
	H2, H3 := pc.H2, pc.H3
	return append(buf,
		H2(pPos, pw, pos), H3(pPosLab, pw, pos, hl), H3(pPosUpos, pw, pos, a.u[h]),
		H3(pPosNextU, pw, pos, a.u[next]), H3(pPosPrevU, pw, pos, a.u[prev]),
		H3(pPosLabHeadLab, hl, pos, lab(hh)), H2(pLabPos, pos, hl),
		H3(pPosDist, pw, pos, distBucket(dist)), H3(pPosEdge, pw, pos, edge),
		H3(pLabOther, pw, hl, other), H3(pMatch, pw, pos, match),
		H3(pPosNextW, pw, pos, a.w[next]), H3(pPosXpos, pw, pos, a.p[h]),
		H3(pLabNextU, pw, hl, a.u[next]), H3(pPosSide, pw, pos, side),
		H3(pPosPrevLab, pw, pos, nbr(i-1)), H3(pPosNextLab, pw, pos, nbr(i+1)),
		H3(pPosAdj, pw, pos, b2u(int(h) == i-1 || int(h) == i+1)), H3(pPosNext2W, pw, pos, a.w[next2]),
		H3(pPosHu, pw, hl, a.u[h]),
	)
}

// punctPass reattaches every punctuation leaf of the tree (heads, labels)
// to its best-scoring projective candidate, left to right. score returns
// the score of a feature list. When gold is not nil, the pass is a
// training pass: learn is called with the features of the gold and the
// predicted candidate (nil when it is the gold one), and the gold head is
// kept.
func punctPass(pw *punctWork, a *sentAtoms, heads []int32, labels []int16, labelAtom []uint64, punctID uint8,
	feats *[]uint64, score func([]uint64) float32, gold []int32, learn func(goldF, predF []uint64)) {
	n := len(heads)
	pw.reset(n)
	clear(pw.nch)
	for d := range n {
		pw.skip[d] = a.uid[d] == punctID
		if h := heads[d]; h >= 0 {
			pw.nch[h]++
		}
	}
	var goldF []uint64
	for i := range n {
		if !pw.skip[i] || pw.nch[i] > 0 || heads[i] < 0 {
			continue
		}
		pw.cands = punctCands(pw.cands[:0], heads, i, pw.skip, pw.lo, pw.hi)
		if len(pw.cands) < 2 {
			continue
		}
		nl := 0
		for _, c := range pw.cands {
			if int(c) < i {
				nl++
			}
		}
		open := opener(a.w, i, atomQuote, atomOpen, atomClose)
		best, bestK := float32(0), -1
		goldK := -1
		for k, c := range pw.cands {
			*feats = punctFeatures((*feats)[:0], a, heads, labels, labelAtom, i, pw.cands, nl, k, open)
			s := score(*feats)
			if bestK < 0 || s > best {
				best, bestK = s, k
			}
			if gold != nil && c == gold[i] {
				goldK = k
				goldF = append(goldF[:0], *feats...)
			}
		}
		if gold != nil {
			if goldK == bestK {
				learn(goldF, nil)
			} else if goldK >= 0 {
				*feats = punctFeatures((*feats)[:0], a, heads, labels, labelAtom, i, pw.cands, nl, bestK, open)
				learn(goldF, *feats)
			}
			continue
		}
		h := pw.cands[bestK]
		pw.nch[heads[i]]--
		heads[i] = h
		pw.nch[h]++
	}
}
