package perceptron

import (
	"bytes"
	"testing"

	"github.com/vigilhq/vigil/internal/nlp/binio"
)

// toy trains on a small separable problem: class = index of the one
// "strong" feature present.
func toy(t *testing.T) *Model {
	t.Helper()
	tr := NewTrainer(3)
	data := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{H1(1, 10), H1(2, 0)}, 0},
		{[]uint64{H1(1, 11), H1(2, 0)}, 1},
		{[]uint64{H1(1, 12), H1(2, 0)}, 2},
		{[]uint64{H1(1, 10), H1(2, 1)}, 0},
		{[]uint64{H1(1, 12), H1(2, 1)}, 2},
	}
	scores := make([]float32, 3)
	for epoch := 0; epoch < 10; epoch++ {
		for _, d := range data {
			tr.Scores(d.feats, scores)
			tr.Update(d.feats, d.class, Argmax(scores))
			tr.Tick()
		}
	}
	if tr.Classes() != 3 || tr.Features() == 0 {
		t.Fatalf("trainer: %d classes, %d features", tr.Classes(), tr.Features())
	}
	return tr.Model(0.01)
}

func TestTrainAndScore(t *testing.T) {
	m := toy(t)
	scores := make([]int32, 3)
	for want, f := range []uint64{H1(1, 10), H1(1, 11), H1(1, 12)} {
		m.Scores([]uint64{f, H1(2, 0)}, scores)
		if got := Argmax(scores); got != want {
			t.Errorf("feature %d: class %d, want %d (scores %v)", want, got, want, scores)
		}
		sub := make([]int32, 3)
		classes := []uint16{uint16(want), 2}
		if want == 2 {
			classes = []uint16{0, 2}
		}
		m.ScoresFor([]uint64{f, H1(2, 0)}, classes, sub)
		if sub[0] != scores[classes[0]] || sub[1] != scores[classes[1]] {
			t.Errorf("ScoresFor %v on %v disagrees with Scores %v", sub[:2], classes, scores)
		}
	}
	// Unknown features add nothing.
	m.Scores([]uint64{H1(9, 9)}, scores)
	if scores[0] != 0 || scores[1] != 0 || scores[2] != 0 {
		t.Errorf("unknown feature scored %v", scores)
	}
}

func TestEncodeDecode(t *testing.T) {
	m := toy(t)
	var buf bytes.Buffer
	w := binio.NewWriter(&buf)
	m.Encode(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	enc := append([]byte(nil), buf.Bytes()...)
	back, err := Decode(binio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if back.Features() != m.Features() || back.Classes() != m.Classes() {
		t.Fatalf("decoded %d×%d, want %d×%d", back.Features(), back.Classes(), m.Features(), m.Classes())
	}
	a, b := make([]int32, 3), make([]int32, 3)
	for _, f := range []uint64{H1(1, 10), H1(1, 11), H1(1, 12), H1(2, 0), H1(2, 1)} {
		m.Scores([]uint64{f}, a)
		back.Scores([]uint64{f}, b)
		if a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
			t.Errorf("decoded model scores %v, original %v", b, a)
		}
	}
	// Encoding is deterministic.
	var again bytes.Buffer
	w = binio.NewWriter(&again)
	back.Encode(w)
	w.Flush()
	if !bytes.Equal(enc, again.Bytes()) {
		t.Error("re-encoding the decoded model gives other bytes")
	}
	for _, bad := range [][]byte{nil, []byte("x"), enc[:len(enc)/2]} {
		if _, err := Decode(binio.NewReader(bytes.NewReader(bad))); err == nil {
			t.Errorf("Decode accepted %d bad bytes", len(bad))
		}
	}
}

func TestPrune(t *testing.T) {
	m := toy(t)
	if p := m.Prune(1e9); p.Features() != 0 {
		t.Errorf("pruning everything left %d features", p.Features())
	}
	if p := m.Prune(0); p.Features() != m.Features() {
		t.Errorf("pruning nothing left %d of %d features", p.Features(), m.Features())
	}
}

func TestHashes(t *testing.T) {
	if String("a") == String("b") || H1(1, 2) == H1(2, 1) || H2(1, 2, 3) == H2(1, 3, 2) || H3(1, 2, 3, 4) == H3(1, 2, 4, 3) {
		t.Error("hash collision on trivially different inputs")
	}
	if String("abc") != String("abc") {
		t.Error("String is not deterministic")
	}
	for i := uint64(0); i < 1000; i++ {
		if H1(i, 0) == 0 || H2(0, i, 0) == 0 {
			t.Fatal("a feature hash is 0, the empty-slot marker")
		}
	}
}

func TestManyClasses(t *testing.T) {
	const n = 40
	tr := NewTrainer(n)
	scores := make([]float32, n)
	for epoch := 0; epoch < 5; epoch++ {
		for c := 0; c < n; c++ {
			feats := []uint64{H1(5, uint64(c)), H1(6, 0)}
			tr.Scores(feats, scores)
			tr.Update(feats, c, Argmax(scores))
			tr.Tick()
		}
	}
	m := tr.Model(0.01)
	var buf bytes.Buffer
	w := binio.NewWriter(&buf)
	m.Encode(w)
	w.Flush()
	back, err := Decode(binio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	all, sub := make([]int32, n), make([]int32, n)
	for c := 0; c < n; c++ {
		feats := []uint64{H1(5, uint64(c)), H1(6, 0)}
		back.Scores(feats, all)
		if got := Argmax(all); got != c {
			t.Errorf("class %d scored best %d", c, got)
		}
		classes := []uint16{0, uint16(c), n - 1}
		if c == 0 || c == n-1 {
			classes = []uint16{uint16(c)}
		}
		back.ScoresFor(feats, classes, sub)
		for k, cl := range classes {
			if sub[k] != all[cl] {
				t.Errorf("ScoresFor class %d = %d, Scores %d", cl, sub[k], all[cl])
			}
		}
	}
}

func TestAverage(t *testing.T) {
	// Two models: a has features 1 and 2, b has 2 and 3.
	a := newModel(2, []uint64{H1(1, 1), H1(1, 2)}, []float32{4, -2, 1, 1})
	b := newModel(2, []uint64{H1(1, 2), H1(1, 3)}, []float32{3, 3, 0, 8})
	avg, err := Average(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := avg.Features(); got != 3 {
		t.Errorf("features: got %d, want 3 (the union)", got)
	}
	tests := []struct {
		feat uint64
		want [2]float32 // mean weights; a feature missing from a model counts as 0 there
	}{
		{H1(1, 1), [2]float32{2, -1}},
		{H1(1, 2), [2]float32{2, 2}},
		{H1(1, 3), [2]float32{0, 4}},
	}
	scores := make([]int32, 2)
	for _, tt := range tests {
		avg.Scores([]uint64{tt.feat}, scores)
		for c := range 2 {
			got := float32(scores[c]) * avg.Scale()
			if d := got - tt.want[c]; d > 0.001 || d < -0.001 {
				t.Errorf("feature %x class %d: got weight %.4f, want %.4f", tt.feat, c, got, tt.want[c])
			}
		}
	}
	// Averaging a model with itself changes no decision.
	m := toy(t)
	self, err := Average(m, m)
	if err != nil {
		t.Fatal(err)
	}
	scores = make([]int32, 3)
	for _, f := range []uint64{H1(1, 10), H1(1, 11), H1(1, 12)} {
		m.Scores([]uint64{f, H1(2, 0)}, scores)
		want := Argmax(scores)
		self.Scores([]uint64{f, H1(2, 0)}, scores)
		if got := Argmax(scores); got != want {
			t.Errorf("feature %x: self-average picks %d, model %d", f, got, want)
		}
	}
	if _, err := Average(); err == nil {
		t.Error("Average() of nothing: no error")
	}
	if _, err := Average(a, toy(t)); err == nil {
		t.Error("Average of models with 2 and 3 classes: no error")
	}
}

// TestFullBuckets checks lookups when many features share a home bucket,
// so that they fill it and spill into the buckets after it (wrapping
// round the end of the table), for small and large models.
func TestFullBuckets(t *testing.T) {
	for _, n := range []int{3, 7} {
		// 16 slots, 4 buckets: keys k<<8|3 all have bucket 3, the last.
		var keys []uint64
		var q []int16
		for k := uint64(1); k <= 7; k++ {
			keys = append(keys, k<<8|3)
			for c := 0; c < n; c++ {
				q = append(q, int16(int(k)*10+c))
			}
		}
		m := newQuantModel(n, keys, q, 1)
		for i, k := range keys {
			row := m.Row(k)
			if row == nil || int(row[0]) != (i+1)*10 {
				t.Fatalf("n=%d: Row(%#x) = %v", n, k, row)
			}
		}
		for _, k := range []uint64{8<<8 | 3, 1<<8 | 2, 5} {
			if row := m.Row(k); row != nil {
				t.Errorf("n=%d: Row(%#x) = %v, want nil", n, k, row)
			}
		}
		scores := make([]int32, n)
		m.Scores(append(keys, 8<<8|3), scores)
		if want := int32(10 * (1 + 2 + 3 + 4 + 5 + 6 + 7)); scores[0] != want {
			t.Errorf("n=%d: Scores class 0 = %d, want %d", n, scores[0], want)
		}
		got, _ := m.rows()
		if len(got) != len(keys) {
			t.Errorf("n=%d: rows has %d keys, want %d", n, len(got), len(keys))
		}
	}
}
