// Package perceptron is a multiclass averaged perceptron over hashed sparse
// features, shared by the tagger and the parser.
//
// Features are 64-bit hashes built with the Hash helpers. Training keeps an
// exact table of every feature that was ever updated; the trained model is
// averaged, pruned, quantised to 16 bits and stored as a compact sorted
// table that loads into an open-addressing hash table for fast scoring.
package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/vigilhq/vigil/internal/nlp/binio"
)

// FNV-1a constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// String hashes s. It is stable across runs and platforms.
func String(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func nonzero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// H1 hashes a feature template id with one atom.
func H1(t, a uint64) uint64 { return nonzero(mix(t*0x9e3779b97f4a7c15 ^ a)) }

// H2 hashes a feature template id with two atoms.
func H2(t, a, b uint64) uint64 { return nonzero(mix(mix(t*0x9e3779b97f4a7c15^a) + b)) }

// H3 hashes a feature template id with three atoms.
func H3(t, a, b, c uint64) uint64 {
	return nonzero(mix(mix(mix(t*0x9e3779b97f4a7c15^a)+b) + c))
}

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	n     int
	index map[uint64]int32
	keys  []uint64
	w     []float32
	u     []float64
	c     float64
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{n: n, index: make(map[uint64]int32), c: 1}
}

// Classes returns the number of classes.
func (t *Trainer) Classes() int { return t.n }

// Features returns the number of features seen in updates so far.
func (t *Trainer) Features() int { return len(t.keys) }

// Scores adds the current (not averaged) weights of feats into scores,
// which must have one entry per class and is zeroed first.
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	clear(scores)
	n := t.n
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*n : int(r)*n+n]
		for i, v := range row {
			scores[i] += v
		}
	}
}

func (t *Trainer) row(f uint64) int {
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.keys))
		t.index[f] = r
		t.keys = append(t.keys, f)
		t.w = append(t.w, make([]float32, t.n)...)
		t.u = append(t.u, make([]float64, t.n)...)
	}
	return int(r) * t.n
}

// Update moves the weights of feats towards class truth and away from
// class guess. Nothing happens when they are equal.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r := t.row(f)
		t.w[r+truth]++
		t.u[r+truth] += t.c
		t.w[r+guess]--
		t.u[r+guess] -= t.c
	}
}

// Tick advances the averaging clock; call it once per training instance.
func (t *Trainer) Tick() { t.c++ }

// Model returns the averaged model. Features whose largest absolute
// averaged weight is below minWeight are dropped.
func (t *Trainer) Model(minWeight float32) *Model {
	n := t.n
	order := make([]int, len(t.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case t.keys[a] < t.keys[b]:
			return -1
		case t.keys[a] > t.keys[b]:
			return 1
		}
		return 0
	})
	keys := make([]uint64, 0, len(order))
	w := make([]float32, 0, len(order)*n)
	avg := make([]float32, n)
	for _, r := range order {
		var max float32
		for i := 0; i < n; i++ {
			v := float32(float64(t.w[r*n+i]) - t.u[r*n+i]/t.c)
			avg[i] = v
			if a := float32(math.Abs(float64(v))); a > max {
				max = a
			}
		}
		if max < minWeight || max == 0 {
			continue
		}
		keys = append(keys, t.keys[r])
		w = append(w, avg...)
	}
	return newModel(n, keys, w)
}

// Model is a trained, read-only perceptron. It is safe for concurrent use.
//
// Weights are kept quantised to 16 bits with one scale for the model and
// summed as integers: argmax decisions are what matter, and half-size rows
// halve the memory traffic, which dominates scoring time.
type Model struct {
	n      int
	mask   uint64
	slots  [][4]slot // open addressing in buckets, as small below
	w      []int16   // row r at [r*stride, r*stride+n)
	stride int
	scale  float32 // weight = int16 × scale
	count  int
	// Models of at most four classes keep each row inside its slot: one
	// memory access per feature instead of two.
	//
	// Slots come in buckets of four, one 64-byte cache line each: a
	// feature's home is a bucket (mask selects it), and it sits in the
	// first free slot from there, so the slots of a bucket fill in order
	// and a lookup checks a whole line without branching on each key.
	small [][4]slot4
}

type slot4 struct {
	key uint64
	w   [4]int16
}

type slot struct {
	key uint64
	row uint32
}

// newModel builds a model from sorted unique keys and their float rows.
func newModel(n int, keys []uint64, w []float32) *Model {
	var max float32
	for _, v := range w {
		if a := float32(math.Abs(float64(v))); a > max {
			max = a
		}
	}
	scale := max / 32767
	if scale == 0 {
		scale = 1
	}
	q := make([]int16, len(w))
	for i, v := range w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	return newQuantModel(n, keys, q, scale)
}

func newQuantModel(n int, keys []uint64, q []int16, scale float32) *Model {
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	m := &Model{n: n, mask: uint64(size/4 - 1), scale: scale, count: len(keys)}
	if n <= 4 {
		m.small = make([][4]slot4, size/4)
		for i, k := range keys {
			b, j := m.freeSlot(k)
			m.small[b][j].key = k
			copy(m.small[b][j].w[:], q[i*n:i*n+n])
		}
		return m
	}
	// Rows start on 64-byte boundaries (large allocations are page
	// aligned) so that the first 32 classes of a row, where callers put
	// the frequent ones, share one cache line.
	m.stride = (n + 31) &^ 31
	m.slots, m.w = make([][4]slot, size/4), make([]int16, len(keys)*m.stride)
	for i := range keys {
		copy(m.w[i*m.stride:i*m.stride+n], q[i*n:i*n+n])
	}
	for i, k := range keys {
		b, j := m.freeSlot(k)
		m.slots[b][j] = slot{key: k, row: uint32(i)}
	}
	return m
}

// keyAt returns the key in slot j of bucket b (0 for a free slot), for
// building and listing; lookups read the slots directly.
func (m *Model) keyAt(b uint64, j int) uint64 {
	if m.small != nil {
		return m.small[b][j].key
	}
	return m.slots[b][j].key
}

// freeSlot returns the first free slot from key k's home bucket on: the
// slots of a bucket fill in order, which find and findSlot rely on.
func (m *Model) freeSlot(k uint64) (b uint64, j int) {
	for b = k & m.mask; ; b = (b + 1) & m.mask {
		for j = range 4 {
			if m.keyAt(b, j) == 0 {
				return b, j
			}
		}
	}
}

// rows returns the keys in ascending order with their quantised rows.
func (m *Model) rows() (keys []uint64, rows [][]int16) {
	keys = make([]uint64, 0, m.count)
	for b := range m.mask + 1 {
		for j := range 4 {
			if k := m.keyAt(b, j); k != 0 {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	rows = make([][]int16, len(keys))
	for i, k := range keys {
		rows[i] = m.Row(k)
	}
	return keys, rows
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.n }

// Features returns the number of stored features.
func (m *Model) Features() int { return m.count }

// Scores sets scores (one entry per class) to the sum of the weights of
// feats, in units of the model's quantisation step.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores)
	n := m.n
	scores = scores[:n]
	if m.small != nil {
		var acc [4]int32
		var home [lookupBatch]uint64
		for len(feats) > 0 {
			batch := feats[:min(len(feats), lookupBatch)]
			feats = feats[len(batch):]
			// Read the home bucket of every feature first: these
			// loads do not depend on each other or on any branch, so
			// their cache misses overlap; the probes below then find
			// the buckets in the cache.
			for j, f := range batch {
				home[j] = m.small[f&m.mask][0].key
			}
			for j, f := range batch {
				if home[j] == 0 {
					continue
				}
				if sl := m.find(f); sl != nil {
					acc[0] += int32(sl.w[0])
					acc[1] += int32(sl.w[1])
					acc[2] += int32(sl.w[2])
					acc[3] += int32(sl.w[3])
				}
			}
		}
		copy(scores, acc[:n])
		return
	}
	var rows [lookupBatch]uint32
	for len(feats) > 0 {
		k := m.lookup(feats[:min(len(feats), lookupBatch)], &rows)
		feats = feats[min(len(feats), lookupBatch):]
		for _, r := range rows[:k] {
			row := m.w[int(r)*m.stride : int(r)*m.stride+n]
			for j, v := range row {
				scores[j] += int32(v)
			}
		}
	}
}

// ScoresFor sets scores[k] to the summed weight of class classes[k] only,
// which is much cheaper than Scores when few classes are possible.
func (m *Model) ScoresFor(feats []uint64, classes []uint16, scores []int32) {
	scores = scores[:len(classes)]
	clear(scores)
	n := m.n
	if m.small != nil {
		for _, f := range feats {
			if row := m.Row(f); row != nil {
				for k, c := range classes {
					scores[k] += int32(row[c])
				}
			}
		}
		return
	}
	var rows [lookupBatch]uint32
	for len(feats) > 0 {
		k := m.lookup(feats[:min(len(feats), lookupBatch)], &rows)
		feats = feats[min(len(feats), lookupBatch):]
		// Class by class: the loads of the first class's weights of
		// all the rows follow each other with nothing between them, so
		// their cache misses overlap; the other classes then mostly
		// read lines already fetched.
		var offs [lookupBatch]int
		for j, r := range rows[:k] {
			offs[j] = int(r) * m.stride
		}
		for j, c := range classes {
			if int(c) >= n {
				continue
			}
			var sum int32
			for _, o := range offs[:k] {
				sum += int32(m.w[o+int(c)])
			}
			scores[j] += sum
		}
	}
}

// lookupBatch is how many features lookup resolves at a time.
const lookupBatch = 64

// lookup writes the row numbers of the features of feats that the model
// has into rows and returns how many there are. Finding all slots first
// and reading the rows after lets the processor overlap the cache misses
// of independent lookups.
func (m *Model) lookup(feats []uint64, rows *[lookupBatch]uint32) int {
	// Read every home slot first, as in Scores, so that the misses
	// overlap.
	var home [lookupBatch]uint64
	for j, f := range feats {
		home[j] = m.slots[f&m.mask][0].key
	}
	k := 0
	for j, f := range feats {
		if home[j] == 0 {
			continue
		}
		if sl := m.findSlot(f); sl != nil {
			rows[k] = sl.row
			k++
		}
	}
	return k
}

// Argmax returns the index of the highest score (the first on ties).
func Argmax[T int32 | float32](scores []T) int {
	best := 0
	for i := 1; i < len(scores); i++ {
		if scores[i] > scores[best] {
			best = i
		}
	}
	return best
}

const magic = "VGPC1"

// Encode writes the model. The output is a deterministic function of the
// model; callers compress it.
func (m *Model) Encode(w *binio.Writer) {
	keys, rows := m.rows()
	w.String(magic)
	w.Uvarint(uint64(m.n))
	w.Uvarint(uint64(len(keys)))
	w.Float32(m.scale)
	var prev uint64
	for _, k := range keys {
		w.Uvarint(k - prev)
		prev = k
	}
	// Weights class by class: values of one class are alike, which
	// compresses better than row order.
	buf := make([]byte, 2*len(keys))
	for c := 0; c < m.n; c++ {
		for i := range keys {
			binary.LittleEndian.PutUint16(buf[2*i:], uint16(rows[i][c]))
		}
		w.Bytes(buf)
	}
}

// Decode reads a model written by Encode.
func Decode(r *binio.Reader) (*Model, error) {
	if s := r.String(); s != magic {
		if r.Err() != nil {
			return nil, fmt.Errorf("decode perceptron: %w", r.Err())
		}
		return nil, errors.New("decode perceptron: bad magic")
	}
	n := r.Int(1 << 16)
	count := r.Int(1 << 28)
	scale := r.Float32()
	if r.Err() != nil {
		return nil, fmt.Errorf("decode perceptron header: %w", r.Err())
	}
	if n == 0 {
		return nil, errors.New("decode perceptron: no classes")
	}
	keys := make([]uint64, count)
	var prev uint64
	for i := range keys {
		prev += r.Uvarint()
		keys[i] = prev
	}
	q := make([]int16, count*n)
	buf := make([]byte, 2*count)
	for c := 0; c < n; c++ {
		r.Bytes(buf)
		for i := 0; i < count; i++ {
			q[i*n+c] = int16(binary.LittleEndian.Uint16(buf[2*i:]))
		}
	}
	if r.Err() != nil {
		return nil, fmt.Errorf("decode perceptron weights: %w", r.Err())
	}
	for i, k := range keys {
		if k == 0 || (i > 0 && k <= keys[i-1]) {
			return nil, errors.New("decode perceptron: bad key table")
		}
	}
	return newQuantModel(n, keys, q, scale), nil
}

// Prune returns a copy of m without the features whose weights all have an
// absolute value below minWeight.
func (m *Model) Prune(minWeight float32) *Model {
	keys, rows := m.rows()
	lim := float64(minWeight) / float64(m.scale)
	var nk []uint64
	var nq []int16
	for r, k := range keys {
		row := rows[r]
		keep := false
		for _, v := range row {
			if math.Abs(float64(v)) >= lim {
				keep = true
				break
			}
		}
		if keep {
			nk = append(nk, k)
			nq = append(nq, row...)
		}
	}
	return newQuantModel(m.n, nk, nq, m.scale)
}

// inBucket returns which of a bucket's keys k0..k3 is f, or 4 for none.
// It compiles to conditional moves: whether a feature sits first in its
// bucket or further on is unpredictable, and a branch on each key
// mispredicts often.
func inBucket(f, k0, k1, k2, k3 uint64) int {
	k := 4
	if k3 == f {
		k = 3
	}
	if k2 == f {
		k = 2
	}
	if k1 == f {
		k = 1
	}
	if k0 == f {
		k = 0
	}
	return k
}

// find returns the slot of feature f in a small model, or nil.
func (m *Model) find(f uint64) *slot4 {
	for b := f & m.mask; ; b = (b + 1) & m.mask {
		bk := &m.small[b]
		if k := inBucket(f, bk[0].key, bk[1].key, bk[2].key, bk[3].key); k < 4 {
			return &bk[k]
		}
		// Slots fill in order: a bucket with a free slot ends the
		// search.
		if bk[3].key == 0 {
			return nil
		}
	}
}

// findSlot returns the slot of feature f in a large model, or nil.
func (m *Model) findSlot(f uint64) *slot {
	for b := f & m.mask; ; b = (b + 1) & m.mask {
		bk := &m.slots[b]
		if k := inBucket(f, bk[0].key, bk[1].key, bk[2].key, bk[3].key); k < 4 {
			return &bk[k]
		}
		if bk[3].key == 0 {
			return nil
		}
	}
}

// Row returns the weights of feature f (nil when absent).
func (m *Model) Row(f uint64) []int16 {
	if m.small != nil {
		if sl := m.find(f); sl != nil {
			return sl.w[:m.n]
		}
		return nil
	}
	if sl := m.findSlot(f); sl != nil {
		r := int(sl.row) * m.stride
		return m.w[r : r+m.n]
	}
	return nil
}

// Average returns the model whose weights are the mean of the given models'
// weights, a feature missing from a model counting as zero there. For linear
// models this is the same as averaging their scores, so an ensemble of
// models trained with different seeds costs one model's lookups. All models
// must have the same classes in the same order.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("average models: none given")
	}
	n := models[0].n
	sum := map[uint64][]float64{}
	for i, m := range models {
		if m.n != n {
			return nil, fmt.Errorf("average models: model %d has %d classes, want %d", i, m.n, n)
		}
		keys, rows := m.rows()
		for r, k := range keys {
			acc := sum[k]
			if acc == nil {
				acc = make([]float64, n)
				sum[k] = acc
			}
			for c, v := range rows[r] {
				acc[c] += float64(v) * float64(m.scale)
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := make([]float32, 0, len(keys)*n)
	k := float64(len(models))
	for _, key := range keys {
		for _, v := range sum[key] {
			w = append(w, float32(v/k))
		}
	}
	return newModel(n, keys, w), nil
}

// Scale returns the weight of one quantisation step: scores from Scores are
// in these units.
func (m *Model) Scale() float32 { return m.scale }
