package binio

import (
	"compress/gzip"
	"fmt"
	"io"
)

// WriteFile writes one model file to w: a gzip stream (best compression, so
// the bytes are a deterministic function of what body writes) that starts
// with magic, followed by what body writes. what names the model in errors
// ("write tagger: …"). It returns the compressed bytes written.
func WriteFile(w io.Writer, magic, what string, body func(*Writer)) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", what, err)
	}
	bw := NewWriter(zw)
	bw.String(magic)
	body(bw)
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("write %s: %w", what, err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write %s: %w", what, err)
	}
	return cw.n, cw.err
}

// ReadFile opens a model file written by WriteFile, checks its magic and
// hands the record reader to body. what names the model in errors.
func ReadFile(r io.Reader, magic, what string, body func(*Reader) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	defer zr.Close()
	br := NewReader(zr)
	if m := br.String(); m != magic {
		return fmt.Errorf("read %s: bad magic %q", what, m)
	}
	return body(br)
}

// countWriter counts the bytes written through it and keeps the first error.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
