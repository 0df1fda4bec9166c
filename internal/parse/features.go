package parse

import (
	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
)

// Per-word atoms: hashes of the lowercased word, XPOS, UPOS and lemma. Index
// n of each slice is the "no word" atom, so that position -1 maps there.
type sentAtoms struct {
	w, p, u, lem []uint64
	vf           []uint64 // verb form and tense
	uid          []uint8  // UPOS id for label candidates
}

var (
	noneAtom  = pc.String("<none>")
	labelNone = pc.String("<nolabel>")
)

func (a *sentAtoms) reset(n int) {
	if cap(a.w) < n+1 {
		a.w = make([]uint64, n+1)
		a.p = make([]uint64, n+1)
		a.u = make([]uint64, n+1)
		a.lem = make([]uint64, n+1)
		a.uid = make([]uint8, n+1)
		a.vf = make([]uint64, n+1)
	}
	a.vf = a.vf[:n+1]
	a.vf[n] = noneAtom
	a.w, a.p, a.u, a.lem, a.uid = a.w[:n+1], a.p[:n+1], a.u[:n+1], a.lem[:n+1], a.uid[:n+1]
	a.uid[n] = 0
	a.w[n], a.p[n], a.u[n], a.lem[n] = noneAtom, noneAtom, noneAtom, noneAtom
}

// Transition feature templates.
const (
	tS0w = iota + 1
	tS0p
	tS0wp
	tB0w
	tB0p
	tB0wp
	tB1w
	tB1p
	tB1wp
	tB2w
	tB2p
	tS0wpB0wp
	tS0wpB0w
	tS0wB0wp
	tS0wpB0p
	tS0pB0wp
	tS0wB0w
	tS0pB0p
	tB0pB1p
	tB0pB1pB2p
	tS0pB0pB1p
	tS0hpS0pB0p
	tS0pS0lpB0p
	tS0pS0rpB0p
	tS0pB0pB0lp
	tS0wD
	tS0pD
	tB0wD
	tB0pD
	tS0wB0wD
	tS0pB0pD
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tB0wVl
	tB0pVl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tB0lw
	tB0lp
	tB0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tB0l2w
	tB0l2p
	tB0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tB0pB0lpB0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tB0wBl
	tB0pBl
	tS1p
	tS1w
	tS1pS0pB0p
	tS0hasHead
	tS0pS0hasHeadB0p
	tBias
	tS0u
	tB0u
	tB1u
	tS0uB0u
	tS0uB0uB1u
	tS1uS0uB0u
	tS0wB0u
	tS0uB0w
	tS0lem
	tB0lem
	tS0lemB0p
	tS0pB0lem
	tS0uB0uD
	tB0lwS0w
	tB0lwS0pB0p
	tB0lwS0hp
	tB0lwS0lem
	tB0lwB0w
	tB0lwS0uB0u
	tS0pB0pSame
	tB0llS0pB0p
	tB0lwS0hLem
	tB0lwS0hpS0p
	tB0wS0hLem
	tB0lwS0hpB0u
	nTemplates
)

func distBucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func capv(v int16) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// at maps word index i (or -1) to its atom slot.
func at(i int32, n int) int {
	if i < 0 {
		return n
	}
	return int(i)
}

// Roles of single words in a configuration. The features of one word in
// one role do not depend on the rest of the configuration, so parsing
// computes their summed weights once per word and role (see roleCache);
// training, whose weights change all the time, lists them every time.
const (
	rS0 = iota
	rB0
	rB1
	rB2
	rS1
	rS0h
	rS0h2
	rS0l
	rS0l2
	rS0r
	rS0r2
	rB0l
	rB0l2
	nRoles
)

// roleWords returns the word in each role of s (-1 when empty).
func roleWords(s *state) (r [nRoles]int32) {
	for i := range r {
		r[i] = -1
	}
	n := s.n
	if len(s.stack) > 0 {
		s0 := s.stack[len(s.stack)-1]
		r[rS0] = s0
		if len(s.stack) > 1 {
			r[rS1] = s.stack[len(s.stack)-2]
		}
		if h := s.head[s0]; h >= 0 {
			r[rS0h] = h
			r[rS0h2] = s.head[h]
		}
		r[rS0l], r[rS0l2], r[rS0r], r[rS0r2] = s.l1[s0], s.l2[s0], s.r1[s0], s.r2[s0]
	}
	if s.b < n {
		b0 := int32(s.b)
		r[rB0] = b0
		r[rB0l], r[rB0l2] = s.l1[b0], s.l2[b0]
		if s.b+1 < n {
			r[rB1] = b0 + 1
		}
		if s.b+2 < n {
			r[rB2] = b0 + 2
		}
	}
	return r
}

// unigramFeatures appends the features of word slot i (n for none) in
// role r.
func unigramFeatures(buf []uint64, a *sentAtoms, r, i int) []uint64 {
	w, p := a.w[i], a.p[i]
	H1, H2 := pc.H1, pc.H2
	switch r {
	case rS0:
		return append(buf, H1(tS0w, w), H1(tS0p, p), H1(tS0wp, H2(0, w, p)), H1(tS0u, a.u[i]), H1(tS0lem, a.lem[i]))
	case rB0:
		return append(buf, H1(tB0w, w), H1(tB0p, p), H1(tB0wp, H2(0, w, p)), H1(tB0u, a.u[i]), H1(tB0lem, a.lem[i]))
	case rB1:
		return append(buf, H1(tB1w, w), H1(tB1p, p), H2(tB1wp, w, p), H1(tB1u, a.u[i]))
	case rB2:
		return append(buf, H1(tB2w, w), H1(tB2p, p))
	case rS1:
		return append(buf, H1(tS1w, w), H1(tS1p, p))
	case rS0h:
		return append(buf, H1(tS0hw, w), H1(tS0hp, p))
	case rS0h2:
		return append(buf, H1(tS0h2w, w), H1(tS0h2p, p))
	case rS0l:
		return append(buf, H1(tS0lw, w), H1(tS0lp, p))
	case rS0l2:
		return append(buf, H1(tS0l2w, w), H1(tS0l2p, p))
	case rS0r:
		return append(buf, H1(tS0rw, w), H1(tS0rp, p))
	case rS0r2:
		return append(buf, H1(tS0r2w, w), H1(tS0r2p, p))
	case rB0l:
		return append(buf, H1(tB0lw, w), H1(tB0lp, p))
	case rB0l2:
		return append(buf, H1(tB0l2w, w), H1(tB0l2p, p))
	}
	return buf
}

// transFeatures appends every feature of configuration s (for training).
func transFeatures(buf []uint64, s *state, a *sentAtoms, labelAtom []uint64) []uint64 {
	roles := roleWords(s)
	for r, i := range roles {
		buf = unigramFeatures(buf, a, r, at(i, s.n))
	}
	return pairFeatures(buf, s, a, labelAtom, &roles)
}

// pairFeatures appends the features of configuration s that combine
// several words or the parser state.
func pairFeatures(buf []uint64, s *state, a *sentAtoms, labelAtom []uint64, roles *[nRoles]int32) []uint64 {
	n := s.n
	s0, s1, b0, b1, b2 := roles[rS0], roles[rS1], roles[rB0], roles[rB1], roles[rB2]
	s0h, s0h2, s0l, s0l2, s0r, s0r2, b0l, b0l2 := roles[rS0h], roles[rS0h2], roles[rS0l], roles[rS0l2], roles[rS0r], roles[rS0r2], roles[rB0l], roles[rB0l2]
	var s0vl, s0vr, b0vl int16
	var s0lset, s0rset, b0lset uint64
	lab := func(i int32) uint64 {
		if i < 0 || s.label[i] < 0 {
			return labelNone
		}
		return labelAtom[s.label[i]]
	}
	hasHead := uint64(0)
	if s0 >= 0 {
		if s0h >= 0 {
			hasHead = 1
		}
		s0vl, s0vr = s.nl[s0], s.nr[s0]
		s0lset, s0rset = s.lset[s0], s.rset[s0]
	}
	if b0 >= 0 {
		b0vl = s.nl[b0]
		b0lset = s.lset[b0]
	}
	var dist uint64
	if s0 >= 0 && b0 >= 0 {
		dist = distBucket(int(b0 - s0))
	}
	S0, B0, B1, B2, S1 := at(s0, n), at(b0, n), at(b1, n), at(b2, n), at(s1, n)
	S0h, S0h2, S0l, S0l2, S0r, S0r2, B0l, B0l2 := at(s0h, n), at(s0h2, n), at(s0l, n), at(s0l2, n), at(s0r, n), at(s0r2, n), at(b0l, n), at(b0l2, n)
	w, p := a.w, a.p
	s0w, s0p, b0w, b0p := w[S0], p[S0], w[B0], p[B0]
	u := a.u
	s0u, b0u := u[S0], u[B0]
	s0wp := pc.H2(0, s0w, s0p)
	b0wp := pc.H2(0, b0w, b0p)
	H1, H2, H3 := pc.H1, pc.H2, pc.H3
	buf = append(buf,
		H1(tBias, 0),
		H2(tS0wpB0p, s0wp, b0p), H2(tS0pB0wp, s0p, b0wp), H2(tS0wB0w, s0w, b0w),
		H2(tS0pB0p, s0p, b0p), H2(tB0pB1p, b0p, p[B1]),
		H3(tB0pB1pB2p, b0p, p[B1], p[B2]), H3(tS0pB0pB1p, s0p, b0p, p[B1]),
		H3(tS0hpS0pB0p, p[S0h], s0p, b0p), H3(tS0pS0lpB0p, s0p, p[S0l], b0p),
		H3(tS0pS0rpB0p, s0p, p[S0r], b0p), H3(tS0pB0pB0lp, s0p, b0p, p[B0l]),
		H2(tS0wD, s0w, dist), H2(tS0pD, s0p, dist), H2(tB0wD, b0w, dist), H2(tB0pD, b0p, dist),
		H3(tS0pB0pD, s0p, b0p, dist),
		H2(tS0wVr, s0w, capv(s0vr)), H2(tS0pVr, s0p, capv(s0vr)),
		H2(tS0wVl, s0w, capv(s0vl)), H2(tS0pVl, s0p, capv(s0vl)),
		H2(tB0wVl, b0w, capv(b0vl)), H2(tB0pVl, b0p, capv(b0vl)),
		H1(tS0ll, lab(s0l)), H1(tS0rl, lab(s0r)), H1(tB0ll, lab(b0l)),
		H1(tS0l2l, lab(s0l2)), H1(tS0r2l, lab(s0r2)), H1(tB0l2l, lab(b0l2)),
		H3(tS0pS0lpS0l2p, s0p, p[S0l], p[S0l2]), H3(tS0pS0rpS0r2p, s0p, p[S0r], p[S0r2]),
		H3(tS0pS0hpS0h2p, s0p, p[S0h], p[S0h2]), H3(tB0pB0lpB0l2p, b0p, p[B0l], p[B0l2]),
		H2(tS0wSr, s0w, s0rset), H2(tS0pSr, s0p, s0rset),
		H2(tS0wSl, s0w, s0lset), H2(tS0pSl, s0p, s0lset),
		H2(tB0wBl, b0w, b0lset), H2(tB0pBl, b0p, b0lset),
		H3(tS1pS0pB0p, p[S1], s0p, b0p),
		H1(tS0hasHead, hasHead), H3(tS0pS0hasHeadB0p, s0p, hasHead, b0p),
		H2(tS0uB0u, s0u, b0u),
		H3(tS0uB0uB1u, s0u, b0u, u[B1]), H3(tS1uS0uB0u, u[S1], s0u, b0u),
		H2(tS0wB0u, s0w, b0u), H2(tS0uB0w, s0u, b0w),
		H2(tS0lemB0p, a.lem[S0], b0p), H2(tS0pB0lem, s0p, a.lem[B0]),
		H3(tS0uB0uD, s0u, b0u, dist),
		// Prepositional attachment: the case marker (b0's first left
		// child) with the candidate heads and its object.
		H2(tB0lwS0w, w[B0l], s0w), H3(tB0lwS0pB0p, w[B0l], s0p, b0p), H2(tB0lwS0hp, w[B0l], p[S0h]),
		H2(tB0lwS0lem, w[B0l], a.lem[S0]), H2(tB0lwB0w, w[B0l], b0w), H3(tB0lwS0uB0u, w[B0l], s0u, b0u),
		// ... and with s0's head, the other place the phrase can attach.
		H2(tB0lwS0hLem, w[B0l], a.lem[S0h]), H3(tB0lwS0hpS0p, w[B0l], p[S0h], s0p),
		H2(tB0wS0hLem, b0w, a.lem[S0h]), H3(tB0lwS0hpB0u, w[B0l], p[S0h], b0u),
		// Coordination: like with like, after a conjunction.
		H3(tS0pB0pSame, s0u, b0u, b2u(s0u == b0u)), H3(tB0llS0pB0p, lab(b0l), s0p, b0p),
	)
	return buf
}

// Label feature templates.
const (
	lHw = iota + 200
	lHp
	lDw
	lDp
	lDu
	lHpDp
	lHwDp
	lHpDw
	lHwDw
	lDirDist
	lDpDir
	lHpDpDir
	lDpDirDist
	lDpDlset
	lDpDrset
	lHsetDirDp
	lHlHpDp
	lDl1
	lDl1wDp
	lDr1
	lDm1p
	lDp1p
	lHlem
	lDlem
	lHlemDp
	lHhp
	lHhpHpDp
	lDl1wDl1pDp
	lBias
	lRootD
	lDlemDir
	lHuDu
	lHuDuDir
	lHwDu
	lHuDw
	lDuDlset
	lMarkDp
	lMarkDpHp
	lDvfDp
	lDvfHpDp
	lMarkDvf
)

// labelFeatures appends the features for labelling the arc h → d; h is -1
// when d is a root.
func labelFeatures(buf []uint64, s *state, a *sentAtoms, labelAtom []uint64, h, d int32) []uint64 {
	n := s.n
	lab := func(i int32) uint64 {
		if i < 0 || s.label[i] < 0 {
			return labelNone
		}
		return labelAtom[s.label[i]]
	}
	H, D := at(h, n), at(d, n)
	var dir, dist uint64
	var hset uint64
	var hh int32 = -1
	if h >= 0 {
		if d < h {
			dir = 1
			dist = distBucket(int(h - d))
		} else {
			dir = 2
			dist = distBucket(int(d - h))
		}
		hset = s.lset[h] | s.rset[h]
		hh = s.head[h]
	}
	var dm1, dp1 int32 = d - 1, d + 1
	if int(dp1) >= n {
		dp1 = -1
	}
	dl1, dr1 := s.l1[d], s.r1[d]
	w, p := a.w, a.p
	hw, hp, dw, dp := w[H], p[H], w[D], p[D]
	DL1 := at(dl1, n)
	mark := at(s.marker[d], n)
	H1, H2, H3 := pc.H1, pc.H2, pc.H3
	buf = append(buf,
		H1(lBias, 0),
		H1(lHw, hw), H1(lHp, hp), H1(lDw, dw), H1(lDp, dp), H1(lDu, a.u[D]),
		H2(lHpDp, hp, dp),
		H2(lDirDist, dir, dist), H2(lDpDir, dp, dir), H3(lHpDpDir, hp, dp, dir),
		H3(lDpDirDist, dp, dir, dist),
		H2(lDpDlset, dp, s.lset[d]), H2(lDpDrset, dp, s.rset[d]),
		H3(lHsetDirDp, hset, dir, dp),
		H2(lDl1, p[DL1], lab(dl1)), H2(lDl1wDp, w[DL1], dp),
		H2(lDr1, p[at(dr1, n)], lab(dr1)),
		H2(lDm1p, p[at(dm1, n)], dp), H2(lDp1p, p[at(dp1, n)], dp),
		H1(lHlem, a.lem[H]), H1(lDlem, a.lem[D]),
		H1(lHhp, p[at(hh, n)]), H3(lHhpHpDp, p[at(hh, n)], hp, dp),
		H3(lDl1wDl1pDp, w[DL1], lab(dl1), dp),
		H2(lDlemDir, a.lem[D], dir),
		H2(lHuDu, a.u[H], a.u[D]), H3(lHuDuDir, a.u[H], a.u[D], dir),
		H2(lDuDlset, a.u[D], s.lset[d]),
		H2(lMarkDp, w[mark], dp), H3(lMarkDpHp, w[mark], dp, hp),
		H2(lDvfDp, a.vf[D], dp), H3(lDvfHpDp, a.vf[D], hp, dp), H2(lMarkDvf, w[mark], a.vf[D]),
	)
	if h < 0 {
		buf = append(buf, H2(lRootD, dp, uint64(len(s.stack))))
	}
	return buf
}
