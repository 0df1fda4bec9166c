package parse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// crosses reports whether arc (h, d) crosses an arc of heads other than
// d's own, with the root hanging from position -1.
func crosses(heads []int32, h, d int32) bool {
	lo, hi := min(h, d), max(h, d)
	for x, hx := range heads {
		if int32(x) == d {
			continue
		}
		a, b := int32(x), hx
		inA, inB := a > lo && a < hi, b > lo && b < hi
		outA, outB := a < lo || a > hi, b < lo || b > hi
		if (inA && outB) || (inB && outA) {
			return true
		}
	}
	return false
}

func TestPunctCandsMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 2000; trial++ {
		n := 2 + rng.IntN(14)
		// A random projective tree: attach each word to a random earlier
		// word on the right spine, or make it the new top.
		heads := make([]int32, n)
		var spine []int32
		for i := 0; i < n; i++ {
			heads[i] = -1
			if len(spine) > 0 {
				k := rng.IntN(len(spine) + 1)
				if k < len(spine) {
					heads[i] = spine[k]
					spine = append(spine[:k+1], int32(i))
					continue
				}
				// i becomes the head of the whole spine's bottom.
				heads[spine[0]] = int32(i)
			}
			spine = []int32{int32(i)}
		}
		if !projective(heads) {
			t.Fatalf("generated tree %v is not projective", heads)
		}
		nch := make([]int, n)
		for _, h := range heads {
			if h >= 0 {
				nch[h]++
			}
		}
		skip := make([]bool, n)
		lo, hi := make([]int32, n), make([]int32, n)
		for i := range n {
			if nch[i] > 0 || heads[i] < 0 {
				continue
			}
			got := punctCands(nil, heads, i, skip, lo, hi)
			slices.Sort(got)
			var want []int32
			for h := range n {
				if h != i && !crosses(heads, int32(h), int32(i)) {
					want = append(want, int32(h))
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("tree %v leaf %d: got candidates %v, want %v", heads, i, got, want)
			}
		}
	}
}

func TestOpener(t *testing.T) {
	q, o, c := atomQuote, atomOpen, atomClose
	x := uint64(99)
	tests := []struct {
		words []uint64
		i     int
		want  int
	}{
		{[]uint64{o, x, c}, 2, 0},
		{[]uint64{o, x, o, x, c, x, c}, 6, 0},
		{[]uint64{o, x, o, x, c, x, c}, 4, 2},
		{[]uint64{x, c}, 1, -1},
		{[]uint64{q, x, q}, 2, 0},
		{[]uint64{q, x, q, x, q}, 4, -1},
		{[]uint64{x, x}, 1, -1},
	}
	for _, tt := range tests {
		if got := opener(tt.words, tt.i, q, o, c); got != tt.want {
			t.Errorf("opener(%v, %d) = %d, want %d", tt.words, tt.i, got, tt.want)
		}
	}
}
