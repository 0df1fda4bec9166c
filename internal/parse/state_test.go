package parse

import (
	"math/rand/v2"
	"testing"
)

// followOracle runs the transition system taking a zero-cost move at every
// step (preferring them in the given order) and returns the heads built.
func followOracle(gold []int32, prefer []int) []int32 {
	var st state
	var or oracle
	st.reset(len(gold))
	or.reset(gold)
	for !st.done() {
		move := -1
		for _, m := range prefer {
			if st.valid(m) && or.cost(&st, m) == 0 {
				move = m
				break
			}
		}
		if move < 0 {
			// No zero-cost move: take any valid one.
			for m := 0; m < nMoves; m++ {
				if st.valid(m) {
					move = m
					break
				}
			}
		}
		if move == reduce || move == leftArc {
			or.popped(st.s0())
		}
		st.apply(move, 0)
		or.sync(&st, move)
	}
	return append([]int32(nil), st.head...)
}

func TestOracleBuildsProjectiveTrees(t *testing.T) {
	trees := [][]int32{
		{-1},
		{1, -1},
		{-1, 0},
		{1, -1, 1},
		{1, 3, 3, -1, 5, 3, 3},          // "The troops crossed ..." shapes
		{2, 2, -1, 4, 2, 6, 4, 2},       // nested right branches
		{3, 3, 3, -1, 3, 6, 4, 3},       // many left dependents
		{-1, 0, 1, 2, 3, 4, 5, 6, 7, 8}, // right chain
		{1, 2, 3, 4, 5, 6, 7, 8, 9, -1}, // left chain
	}
	orders := [][]int{{shift, reduce, leftArc, rightArc}, {rightArc, leftArc, reduce, shift}, {reduce, rightArc, shift, leftArc}}
	for _, gold := range trees {
		if !projective(gold) {
			t.Fatalf("test tree %v is not projective", gold)
		}
		for _, o := range orders {
			got := followOracle(gold, o)
			for i := range gold {
				if got[i] != gold[i] {
					t.Errorf("tree %v, order %v: built %v", gold, o, got)
					break
				}
			}
		}
	}
}

func TestOracleRandomProjectiveTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 300; k++ {
		gold := randomProjective(rng, 1+rng.IntN(25))
		got := followOracle(gold, []int{rightArc, leftArc, reduce, shift})
		for i := range gold {
			if got[i] != gold[i] {
				t.Fatalf("tree %v: built %v", gold, got)
			}
		}
	}
}

// randomProjective builds a random projective tree over n words.
func randomProjective(rng *rand.Rand, n int) []int32 {
	heads := make([]int32, n)
	var build func(lo, hi int, head int32)
	build = func(lo, hi int, head int32) {
		if lo >= hi {
			return
		}
		r := lo + rng.IntN(hi-lo)
		heads[r] = head
		build(lo, r, int32(r))
		build(r+1, hi, int32(r))
	}
	build(0, n, -1)
	return heads
}

func TestLiftMakesProjective(t *testing.T) {
	tests := []struct {
		heads []int32
		proj  bool
	}{
		{[]int32{1, -1, 1}, true},
		{[]int32{2, 3, -1, 2}, false}, // 0→2 crosses 1→3
		{[]int32{-1, 3, 0, 0, 1}, false},
	}
	for _, tt := range tests {
		if got := projective(tt.heads); got != tt.proj {
			t.Errorf("projective(%v) = %v, want %v", tt.heads, got, tt.proj)
		}
		h := append([]int32(nil), tt.heads...)
		lift(h)
		if !projective(h) {
			t.Errorf("lift(%v) = %v, still not projective", tt.heads, h)
		}
		roots := 0
		for _, x := range h {
			if x < 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("lift(%v) = %v has %d roots", tt.heads, h, roots)
		}
	}
}
