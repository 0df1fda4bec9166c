// Package binio writes and reads the simple binary records (varints and
// length-prefixed strings) that the NLP model files are made of.
//
// Writer and Reader keep the first error and turn later calls into no-ops,
// so a codec can write or read a whole record and check Err once.
package binio

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Writer writes records to an underlying writer.
type Writer struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

// NewWriter returns a Writer on w. Call Flush at the end.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Uvarint writes x.
func (w *Writer) Uvarint(x uint64) {
	if w.err != nil {
		return
	}
	n := binary.PutUvarint(w.buf[:], x)
	_, w.err = w.w.Write(w.buf[:n])
}

// Varint writes x.
func (w *Writer) Varint(x int64) {
	if w.err != nil {
		return
	}
	n := binary.PutVarint(w.buf[:], x)
	_, w.err = w.w.Write(w.buf[:n])
}

// Float32 writes f.
func (w *Writer) Float32(f float32) { w.Uvarint(uint64(math.Float32bits(f))) }

// String writes a length-prefixed string.
func (w *Writer) String(s string) {
	w.Uvarint(uint64(len(s)))
	if w.err != nil {
		return
	}
	_, w.err = w.w.WriteString(s)
}

// Strings writes a counted list of strings.
func (w *Writer) Strings(ss []string) {
	w.Uvarint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

// Bytes writes raw bytes without a length.
func (w *Writer) Bytes(b []byte) {
	if w.err != nil {
		return
	}
	_, w.err = w.w.Write(b)
}

// Flush writes buffered data and returns the first error.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.w.Flush()
	return w.err
}

// Err returns the first error.
func (w *Writer) Err() error { return w.err }

// Reader reads records written by Writer.
type Reader struct {
	r   *bufio.Reader
	err error
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReader(r)} }

// ErrCorrupt reports a record that cannot be right.
var ErrCorrupt = errors.New("corrupt record")

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.err = err
	}
	return x
}

// Varint reads a signed varint.
func (r *Reader) Varint() int64 {
	if r.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(r.r)
	if err != nil {
		r.err = err
	}
	return x
}

// Int reads an unsigned varint that must be at most max.
func (r *Reader) Int(max int) int {
	x := r.Uvarint()
	if r.err == nil && x > uint64(max) {
		r.err = fmt.Errorf("%w: count %d over %d", ErrCorrupt, x, max)
		return 0
	}
	return int(x)
}

// Float32 reads a float32.
func (r *Reader) Float32() float32 { return math.Float32frombits(uint32(r.Uvarint())) }

// String reads a length-prefixed string of at most 1 MB.
func (r *Reader) String() string {
	n := r.Int(1 << 20)
	if r.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.err = err
		return ""
	}
	return string(b)
}

// Strings reads a counted list of strings.
func (r *Reader) Strings() []string {
	n := r.Int(1 << 24)
	if r.err != nil {
		return nil
	}
	out := make([]string, 0, min(n, 1<<16))
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, r.String())
	}
	return out
}

// Bytes fills b.
func (r *Reader) Bytes(b []byte) {
	if r.err != nil {
		return
	}
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.err = err
	}
}

// Err returns the first error.
func (r *Reader) Err() error { return r.err }
