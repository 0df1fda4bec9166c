package parse

// The transition system is arc-eager (Nivre 2003) without a root token on
// the stack: a word that is still without a head when the buffer runs out
// is a root. Transitions are unlabelled; the label of every arc is chosen
// by a separate classifier when the arc is made.
const (
	shift = iota
	reduce
	leftArc
	rightArc
	nMoves
)

var moveNames = [nMoves]string{"shift", "reduce", "left", "right"}

// state is a parser configuration plus the bookkeeping the features need.
type state struct {
	n     int
	stack []int32
	b     int // first word of the buffer; the buffer is b..n-1
	head  []int32
	label []int16 // label id of the arc to head, -1 while headless
	// Leftmost and second leftmost, rightmost and second rightmost child.
	l1, l2, r1, r2 []int32
	nl, nr         []int16  // number of left and right children
	lset, rset     []uint64 // bit sets of the labels of left and right children
	// marker is each word's first left child labelled as a marker (case
	// or mark: "by", "to", "that"), -1 if none; markMask has the bits of
	// those labels.
	marker   []int32
	markMask uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.b = 0
	s.stack = s.stack[:0]
	grow := func(p *[]int32) {
		if cap(*p) < n {
			*p = make([]int32, n)
		}
		*p = (*p)[:n]
		for i := range *p {
			(*p)[i] = -1
		}
	}
	grow(&s.head)
	grow(&s.l1)
	grow(&s.l2)
	grow(&s.r1)
	grow(&s.r2)
	grow(&s.marker)
	if cap(s.label) < n {
		s.label = make([]int16, n)
		s.nl = make([]int16, n)
		s.nr = make([]int16, n)
		s.lset = make([]uint64, n)
		s.rset = make([]uint64, n)
	}
	s.label, s.nl, s.nr, s.lset, s.rset = s.label[:n], s.nl[:n], s.nr[:n], s.lset[:n], s.rset[:n]
	for i := 0; i < n; i++ {
		s.label[i] = -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func (s *state) done() bool { return s.b >= s.n }

func (s *state) s0() int32 {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

func (s *state) valid(m int) bool {
	switch m {
	case shift:
		return s.b < s.n
	case reduce:
		return len(s.stack) > 0 && s.head[s.s0()] >= 0
	case leftArc:
		return len(s.stack) > 0 && s.b < s.n && s.head[s.s0()] < 0
	case rightArc:
		return len(s.stack) > 0 && s.b < s.n
	}
	return false
}

// onlyMove returns the one valid move when there is a single one, else -1.
func (s *state) onlyMove() int {
	if len(s.stack) == 0 {
		return shift
	}
	return -1
}

// addArc records h → d with label id lab, or with the label pending when
// lab is negative (see setLabel).
func (s *state) addArc(h, d int32, lab int) {
	s.head[d] = h
	s.label[d] = -1
	if lab >= 0 {
		s.setLabel(d, lab)
	}
	if d < h {
		if s.l1[h] < 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] < 0 || d < s.l2[h] {
			s.l2[h] = d
		}
		s.nl[h]++
	} else {
		if s.r1[h] < 0 || d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if s.r2[h] < 0 || d > s.r2[h] {
			s.r2[h] = d
		}
		s.nr[h]++
	}
}

// setLabel labels the arc to d, which must have a head.
func (s *state) setLabel(d int32, lab int) {
	s.label[d] = int16(lab)
	h := s.head[d]
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.lset[h] |= bit
		if s.markMask&bit != 0 && (s.marker[h] < 0 || d < s.marker[h]) {
			s.marker[h] = d
		}
	} else {
		s.rset[h] |= bit
	}
}

// pending reports whether word d has a head but no label yet.
func (s *state) pending(d int32) bool { return s.head[d] >= 0 && s.label[d] < 0 }

// apply performs move m; for a left arc lab is the label id. Right arcs
// get their label later, when the dependent is reduced and its subtree is
// complete.
func (s *state) apply(m, lab int) {
	switch m {
	case shift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case leftArc:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.addArc(int32(s.b), d, lab)
	case rightArc:
		h := s.stack[len(s.stack)-1]
		s.addArc(h, int32(s.b), -1)
		s.stack = append(s.stack, int32(s.b))
		s.b++
	}
}

// oracle holds the gold tree of a training sentence and computes the cost
// of each move: how many gold arcs it makes unreachable (Goldberg and
// Nivre 2012). It is exact for projective trees.
type oracle struct {
	gold    []int32   // gold head, -1 for the root
	deps    [][]int32 // gold dependents of each word
	inStack []bool
}

func (o *oracle) reset(gold []int32) {
	n := len(gold)
	o.gold = gold
	if cap(o.deps) < n {
		o.deps = make([][]int32, n)
		o.inStack = make([]bool, n)
	}
	o.deps = o.deps[:n]
	o.inStack = o.inStack[:n]
	for i := range o.deps {
		o.deps[i] = o.deps[i][:0]
		o.inStack[i] = false
	}
	for d, h := range gold {
		if h >= 0 {
			o.deps[h] = append(o.deps[h], int32(d))
		}
	}
}

// sync must be called after every move to keep inStack current.
func (o *oracle) sync(s *state, m int) {
	switch m {
	case shift, rightArc:
		o.inStack[s.s0()] = true
	}
}

func (o *oracle) popped(d int32) { o.inStack[d] = false }

func (o *oracle) inBuffer(s *state, i int32) bool { return int(i) >= s.b }

// cost returns the number of reachable gold arcs that move m loses.
func (o *oracle) cost(s *state, m int) int {
	c := 0
	switch m {
	case shift:
		b := int32(s.b)
		if h := o.gold[b]; h >= 0 && o.inStack[h] {
			c++
		}
		for _, d := range o.deps[b] {
			if o.inStack[d] && s.head[d] < 0 {
				c++
			}
		}
	case reduce:
		s0 := s.s0()
		for _, d := range o.deps[s0] {
			if o.inBuffer(s, d) {
				c++
			}
		}
	case leftArc:
		s0, b := s.s0(), int32(s.b)
		if h := o.gold[s0]; h < 0 || (h != b && o.inBuffer(s, h)) {
			c++
		}
		for _, d := range o.deps[s0] {
			if o.inBuffer(s, d) {
				c++
			}
		}
	case rightArc:
		s0, b := s.s0(), int32(s.b)
		if h := o.gold[b]; h != s0 && (h < 0 || o.inBuffer(s, h) || o.inStack[h]) {
			c++
		}
		for _, d := range o.deps[b] {
			if o.inStack[d] && s.head[d] < 0 {
				c++
			}
		}
	}
	return c
}
