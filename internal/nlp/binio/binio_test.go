package binio

import (
	"bytes"
	"errors"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Uvarint(300)
	w.Varint(-7)
	w.Float32(2.5)
	w.String("héllo")
	w.Strings([]string{"a", "", "c"})
	w.Bytes([]byte{1, 2, 3})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	r := NewReader(&buf)
	if got := r.Uvarint(); got != 300 {
		t.Errorf("Uvarint = %d", got)
	}
	if got := r.Varint(); got != -7 {
		t.Errorf("Varint = %d", got)
	}
	if got := r.Float32(); got != 2.5 {
		t.Errorf("Float32 = %v", got)
	}
	if got := r.String(); got != "héllo" {
		t.Errorf("String = %q", got)
	}
	if got := r.Strings(); len(got) != 3 || got[0] != "a" || got[1] != "" || got[2] != "c" {
		t.Errorf("Strings = %q", got)
	}
	b := make([]byte, 3)
	r.Bytes(b)
	if !bytes.Equal(b, []byte{1, 2, 3}) {
		t.Errorf("Bytes = %v", b)
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	r.Uvarint()
	if r.Err() == nil {
		t.Error("reading past the end gave no error")
	}
}

func TestLimits(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Uvarint(1 << 40)
	w.Flush()
	r := NewReader(&buf)
	if r.Int(1000); !errors.Is(r.Err(), ErrCorrupt) {
		t.Errorf("Int over its limit: err %v, want ErrCorrupt", r.Err())
	}
	r = NewReader(bytes.NewReader([]byte{5, 'a'}))
	if _ = r.String(); r.Err() == nil {
		t.Error("short string gave no error")
	}
}
