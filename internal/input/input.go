// Package input reads the documents vigil ingests: HTML and plain-text
// files, folders of them, JSONL files with one article per line, WARC
// archives of crawled pages, and standard input. Inputs are streamed one
// document at a time, so a folder or archive of any size is never held in
// memory.
//
// Reading never stops at a bad item. A file that cannot be read, a JSONL
// line that is not JSON or a broken WARC record is delivered as an Item
// with Err set, and reading goes on with the next line, record or file.
package input

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// Errors an Item may wrap; test with errors.Is.
var (
	ErrTooLarge  = errors.New("input too large")
	ErrNotJSON   = errors.New("not JSON")
	ErrBadRecord = errors.New("bad record")
	ErrTruncated = errors.New("truncated input")
	ErrCorrupt   = errors.New("corrupt input")
	ErrNoInput   = errors.New("no input")
)

// Default limits.
const (
	DefaultMaxBytes = 16 << 20 // one HTML page, text or WARC payload
	DefaultMaxLine  = 64 << 20 // one JSONL line
)

// Format is how an input is read.
type Format string

// Formats. Auto chooses by file extension, then by content.
const (
	Auto  Format = "auto"
	HTML  Format = "html"
	Text  Format = "text"
	JSONL Format = "jsonl"
	WARC  Format = "warc"
)

// ParseFormat checks a format name given by a user; "" means Auto.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case "":
		return Auto, nil
	case Auto, HTML, Text, JSONL, WARC:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want auto, html, text, jsonl or warc)", s)
}

// Item is one document, or the reason one could not be read. Doc.Origin
// is always set: a path, "path:line" for a JSONL line, "path@offset" for a
// WARC record, "stdin" for standard input.
type Item struct {
	Doc model.Document
	Err error
}

// Options control Walk.
type Options struct {
	Format   Format       // "" or Auto detects each input's format
	MaxBytes int64        // largest document; 0 means DefaultMaxBytes
	MaxLine  int          // longest JSONL line; 0 means DefaultMaxLine
	Stdin    io.Reader    // what the path "-" reads; nil makes "-" an error
	Log      *slog.Logger // skipped files and records are logged at debug level
}

// Walk reads every path in order and calls fn once per document or per
// failed item, from the calling goroutine. A path may be a file, a folder
// (read recursively in lexical order, skipping hidden files and folders
// and files whose extension is not one vigil reads) or "-" for stdin.
//
// Walk returns only when it is done, when ctx is cancelled, or when fn
// returns an error, which it then returns unchanged.
func Walk(ctx context.Context, paths []string, opts Options, fn func(Item) error) error {
	if opts.Format == "" {
		opts.Format = Auto
	}
	if _, err := ParseFormat(string(opts.Format)); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxLine <= 0 {
		opts.MaxLine = DefaultMaxLine
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	w := &walker{ctx: ctx, opts: opts, fn: fn}
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx  context.Context
	opts Options
	fn   func(Item) error
}

// emit hands an item to fn, unless the walk has been cancelled.
func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return w.fn(it)
}

func (w *walker) fail(origin string, err error) error {
	return w.emit(Item{Doc: model.Document{Origin: origin}, Err: err})
}

func (w *walker) path(p string) error {
	if p == "-" {
		if w.opts.Stdin == nil {
			return w.fail("stdin", fmt.Errorf("%w: standard input is not available", ErrNoInput))
		}
		return w.stream("stdin", w.opts.Stdin, w.opts.Format, -1)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return w.fail(p, openError(err))
	}
	if fi.IsDir() {
		return w.dir(p)
	}
	return w.file(p, fi)
}

// openError drops the operation and path that *fs.PathError repeats, since
// the item already names the path.
func openError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("open: %w", pe.Err)
	}
	return fmt.Errorf("open: %w", err)
}

func (w *walker) dir(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder that cannot be listed is reported; the walk goes on.
			return w.fail(p, openError(err))
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if formatOf(d.Name()) == "" && filepath.Ext(stripGz(d.Name())) != "" {
			w.opts.Log.Debug("skip file of unknown type", "path", p)
			return nil
		}
		fi, err := os.Stat(p) // follows symlinks
		if err != nil {
			return w.fail(p, openError(err))
		}
		if !fi.Mode().IsRegular() {
			w.opts.Log.Debug("skip non-regular file", "path", p)
			return nil
		}
		return w.file(p, fi)
	})
}

func (w *walker) file(p string, fi fs.FileInfo) error {
	if err := w.ctx.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, openError(err))
	}
	defer f.Close()
	format := w.opts.Format
	if format == Auto {
		format = formatOf(filepath.Base(p))
		if format == "" {
			format = Auto // sniff the content
		}
	}
	if strings.HasSuffix(strings.ToLower(p), ".gz") && format != WARC {
		br := bufio.NewReaderSize(f, 64<<10)
		if head, _ := br.Peek(2); !isGzip(head) {
			return w.fail(p, fmt.Errorf("%w: named .gz but not gzip data", ErrCorrupt))
		}
		// The file's size says nothing of the content's.
		return w.stream(p, br, format, -1)
	}
	return w.stream(p, f, format, fi.Size())
}

// stream reads one input of the given format (Auto to sniff it). size is
// the input's byte size when known, or -1.
func (w *walker) stream(origin string, r io.Reader, format Format, size int64) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)

	// WARC files are gzipped record by record; gowarc reads that itself.
	if format == WARC || (format == Auto && (bytes.HasPrefix(head, []byte("WARC/")) || isGzip(head) && isWARCGzip(head))) {
		return w.warc(origin, br)
	}
	var in io.Reader = br
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return w.fail(origin, readError(err))
		}
		defer zr.Close()
		zbr := bufio.NewReaderSize(zr, 64<<10)
		in, size = zbr, -1
		if format == Auto {
			head, _ = zbr.Peek(512)
			if bytes.HasPrefix(head, []byte("WARC/")) {
				return w.warc(origin, zbr)
			}
		}
	}
	if format == Auto {
		format = sniff(head)
	}
	switch format {
	case JSONL:
		return w.jsonl(origin, in)
	case WARC:
		return w.warc(origin, in)
	}
	if size > w.opts.MaxBytes {
		return w.fail(origin, tooLarge(w.opts.MaxBytes))
	}
	b, err := readCapped(in, w.opts.MaxBytes)
	if err != nil {
		return w.fail(origin, err)
	}
	doc := model.Document{Origin: origin}
	if format == HTML {
		doc.HTML = b
	} else {
		doc.Text = string(bytes.TrimPrefix(b, bom))
	}
	return w.emit(Item{Doc: doc})
}

var bom = []byte("\uFEFF")

// formatOf chooses a format by file name, or "" when the extension does
// not say.
func formatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(stripGz(name))) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".txt", ".text":
		return Text
	case ".jsonl", ".ndjson":
		return JSONL
	case ".warc":
		return WARC
	}
	return ""
}

func stripGz(name string) string {
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		return name[:len(name)-3]
	}
	return name
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// isWARCGzip reports whether a gzip stream's first bytes decompress to a
// WARC record header. head holds at least the start of the stream.
func isWARCGzip(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	b := make([]byte, 5)
	n, _ := io.ReadFull(zr, b)
	return bytes.Equal(b[:n], []byte("WARC/"))
}

// sniff tells HTML, JSONL and plain text apart by their first bytes.
func sniff(head []byte) Format {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n\f")
	if len(b) == 0 {
		return Text
	}
	switch b[0] {
	case '{':
		return JSONL
	case '<':
		if len(b) > 1 && (b[1] == '!' || b[1] == '?' || b[1] == '/' || isASCIILetter(b[1])) {
			return HTML
		}
	}
	return Text
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// readCapped reads r to the end, refusing more than max bytes without
// reading the rest.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	return b, nil
}

func tooLarge(max int64) error {
	return fmt.Errorf("%w: more than %s", ErrTooLarge, humanBytes(max))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readError classifies an error met while reading a stream.
func readError(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: unexpected end of data", ErrTruncated)
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum):
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return fmt.Errorf("%w: gzip: %w", ErrCorrupt, err)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("read: %w", pe.Err)
	}
	return fmt.Errorf("read: %w", err)
}
