package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// weights is a trained model ready for decoding: quantised feature
// weights in an open-addressing table, tag transitions and the lexicon.
type weights struct {
	slots []slot // open addressing, key 0 = empty
	mask  uint64
	count int // features stored

	trans [nTags + 1][nTags]int32 // row nTags is the sentence start
	final [nTags]int32
	scale float64 // real weight = quantised value * scale
	// tagBias is added to every token's tag scores: a lower O score
	// trades precision for recall, tuned by cross-validation.
	tagBias [nTags]int32

	usePOS  bool
	lex     map[uint64]uint32
	learned map[uint64]uint32 // learned gazetteer entries
}

// slot holds a feature and its weight row together (32 bytes, two to a
// cache line), so that scoring a feature costs one memory access, not
// three dependent ones (key, row number, row) as with separate arrays.
type slot struct {
	key uint64
	w   [nTags]int16
}

// lookupBatch is how many features addRows resolves at a time.
const lookupBatch = 64

// addRows adds the weight rows of the features of feats into e.
func (w *weights) addRows(feats []uint64, e *[nTags]int32) {
	var home [lookupBatch]uint64
	for len(feats) > 0 {
		batch := feats[:min(len(feats), lookupBatch)]
		feats = feats[len(batch):]
		// Read the home slot of every feature first: these loads do not
		// depend on each other or on any branch, so their cache misses
		// overlap; the probes below then find the slots in the cache.
		for j, h := range batch {
			home[j] = w.slots[h&w.mask].key
		}
		for j, h := range batch {
			if home[j] == 0 {
				continue
			}
			for i := h & w.mask; ; i = (i + 1) & w.mask {
				sl := &w.slots[i]
				if sl.key == h {
					for t, v := range sl.w {
						e[t] += int32(v)
					}
					break
				}
				if sl.key == 0 {
					break
				}
			}
		}
	}
}

// newWeights builds the lookup table for the given features (sorted,
// distinct, non-zero) and their rows of quantised weights.
func newWeights(feats []uint64, vals []int16) *weights {
	size := 1
	for size < 2*len(feats)+2 {
		size <<= 1
	}
	w := &weights{
		slots: make([]slot, size),
		mask:  uint64(size - 1),
		count: len(feats),
	}
	for r, h := range feats {
		i := h & w.mask
		for w.slots[i].key != 0 {
			i = (i + 1) & w.mask
		}
		w.slots[i].key = h
		copy(w.slots[i].w[:], vals[r*nTags:(r+1)*nTags])
	}
	return w
}

// Model file: gzip of
//
//	magic "VNER1\n", flags byte (bit 0: POS features), scale float64,
//	transitions, final scores and tag biases as zig-zag varints,
//	lexicon: count, then (key delta, code) sorted by key,
//	learned gazetteer: count, then (key delta, categories) sorted by key,
//	features: count, then key deltas, then per feature a bit set of the
//	non-zero tags (uvarint) and their values as zig-zag varints.
const modelMagic = "VNER1\n"

var errBadModel = errors.New("bad model file")

func (w *weights) encode(out io.Writer) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	sv := func(v int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], v)]) }

	bw.WriteString(modelMagic)
	flags := byte(0)
	if w.usePOS {
		flags |= 1
	}
	bw.WriteByte(flags)
	binary.Write(bw, binary.LittleEndian, w.scale)
	for p := range w.trans {
		for c := range w.trans[p] {
			sv(int64(w.trans[p][c]))
		}
	}
	for c := range w.final {
		sv(int64(w.final[c]))
	}
	for c := range w.tagBias {
		sv(int64(w.tagBias[c]))
	}

	lexKeys := make([]uint64, 0, len(w.lex))
	for k := range w.lex {
		lexKeys = append(lexKeys, k)
	}
	slices.Sort(lexKeys)
	uv(uint64(len(lexKeys)))
	prev := uint64(0)
	for _, k := range lexKeys {
		uv(k - prev)
		prev = k
		uv(uint64(w.lex[k]))
	}

	gazKeys := make([]uint64, 0, len(w.learned))
	for k := range w.learned {
		gazKeys = append(gazKeys, k)
	}
	slices.Sort(gazKeys)
	uv(uint64(len(gazKeys)))
	prev = 0
	for _, k := range gazKeys {
		uv(k - prev)
		prev = k
		uv(uint64(w.learned[k]))
	}

	type feat struct {
		key uint64
		row []int16
	}
	feats := make([]feat, 0, w.count)
	for i := range w.slots {
		if sl := &w.slots[i]; sl.key != 0 {
			feats = append(feats, feat{sl.key, sl.w[:]})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	uv(uint64(len(feats)))
	prev = 0
	for _, f := range feats {
		uv(f.key - prev)
		prev = f.key
	}
	for _, f := range feats {
		var set uint64
		for t, v := range f.row {
			if v != 0 {
				set |= 1 << t
			}
		}
		uv(set)
		for _, v := range f.row {
			if v != 0 {
				sv(int64(v))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return nil
}

func decodeWeights(data []byte) (*weights, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("decode model: %w", err)
	}
	d := decoder{b: raw}
	if !bytes.HasPrefix(raw, []byte(modelMagic)) {
		return nil, fmt.Errorf("decode model: %w: wrong magic", errBadModel)
	}
	d.b = d.b[len(modelMagic):]
	w := &weights{}
	flags := d.byte()
	w.usePOS = flags&1 != 0
	w.scale = math.Float64frombits(d.u64le())
	for p := range w.trans {
		for c := range w.trans[p] {
			w.trans[p][c] = int32(d.varint())
		}
	}
	for c := range w.final {
		w.final[c] = int32(d.varint())
	}
	for c := range w.tagBias {
		w.tagBias[c] = int32(d.varint())
	}
	nLex := d.uvarint()
	if d.err != nil || nLex > uint64(len(d.b)) {
		return nil, fmt.Errorf("decode model: %w: lexicon", errBadModel)
	}
	w.lex = make(map[uint64]uint32, nLex)
	prev := uint64(0)
	for i := uint64(0); i < nLex; i++ {
		prev += d.uvarint()
		w.lex[prev] = uint32(d.uvarint())
	}
	nGazEntries := d.uvarint()
	if d.err != nil || nGazEntries > uint64(len(d.b)) {
		return nil, fmt.Errorf("decode model: %w: learned gazetteer", errBadModel)
	}
	w.learned = make(map[uint64]uint32, nGazEntries)
	prev = 0
	for i := uint64(0); i < nGazEntries; i++ {
		prev += d.uvarint()
		w.learned[prev] = uint32(d.uvarint())
	}
	nFeat := d.uvarint()
	if d.err != nil || nFeat > uint64(len(d.b)) {
		return nil, fmt.Errorf("decode model: %w: features", errBadModel)
	}
	keys := make([]uint64, nFeat)
	prev = 0
	for i := range keys {
		prev += d.uvarint()
		keys[i] = prev
	}
	vals := make([]int16, int(nFeat)*nTags)
	for i := range keys {
		set := d.uvarint()
		for t := 0; t < nTags; t++ {
			if set&(1<<t) != 0 {
				vals[i*nTags+t] = int16(d.varint())
			}
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode model: %w", d.err)
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("decode model: %w: %d trailing bytes", errBadModel, len(d.b))
	}
	nw := newWeights(keys, vals)
	nw.trans, nw.final, nw.scale, nw.lex, nw.learned = w.trans, w.final, w.scale, w.lex, w.learned
	nw.usePOS, nw.tagBias = w.usePOS, w.tagBias
	return nw, nil
}

// decoder reads varints from a byte slice, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated", errBadModel)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) u64le() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// features returns the number of features in the model.
func (w *weights) features() int { return w.count }
