package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// got is what a walk produced, in order: "origin doc-kind" or
// "origin error".
type result struct {
	origin string
	kind   string // "html", "text" or "error"
	err    error
	doc    Item
}

func walk(t *testing.T, paths []string, opts Options) []result {
	t.Helper()
	var out []result
	err := Walk(context.Background(), paths, opts, func(it Item) error {
		r := result{origin: it.Doc.Origin, err: it.Err, doc: it}
		switch {
		case it.Err != nil:
			r.kind = "error"
			if it.Doc.IsHTML() || it.Doc.Text != "" {
				t.Errorf("%s: item has both an error and content", it.Doc.Origin)
			}
		case it.Doc.IsHTML():
			r.kind = "html"
		default:
			r.kind = "text"
		}
		if it.Doc.Origin == "" {
			t.Errorf("item without origin: %+v", it)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const page = "<!DOCTYPE html>\n<html><head><title>Harbour reopens</title></head><body><p>The harbour reopened on Monday.</p></body></html>"

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), []byte("Harbour reopens\n\nThe harbour reopened on Monday.\n"))
	write(t, filepath.Join(dir, "a.html"), []byte(page))
	write(t, filepath.Join(dir, "sub", "c.HTM"), []byte(page))
	write(t, filepath.Join(dir, "sub", "d.txt.gz"), gz(t, []byte("Gzipped story\nIt was compressed.")))
	write(t, filepath.Join(dir, "sub", "noext"), []byte("\uFEFF  \n<html><body>sniffed</body></html>"))
	write(t, filepath.Join(dir, "sub", "plain"), []byte("No markup here, just words."))
	write(t, filepath.Join(dir, ".git", "x.txt"), []byte("hidden folder"))
	write(t, filepath.Join(dir, ".hidden.txt"), []byte("hidden file"))
	write(t, filepath.Join(dir, "photo.jpg"), []byte{0xff, 0xd8, 0xff, 0xe0})
	write(t, filepath.Join(dir, "style.css"), []byte("body{}"))
	write(t, filepath.Join(dir, "empty.txt"), nil)
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "zlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "zfile.txt")); err != nil {
		t.Fatal(err)
	}

	got := walk(t, []string{dir}, Options{})
	want := []struct{ name, kind string }{
		{"a.html", "html"},
		{"b.txt", "text"},
		{"empty.txt", "text"},
		{"sub/c.HTM", "html"},
		{"sub/d.txt.gz", "text"},
		{"sub/noext", "html"},
		{"sub/plain", "text"},
		{"zfile.txt", "text"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d items %v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if p := filepath.Join(dir, w.name); got[i].origin != p || got[i].kind != w.kind {
			t.Errorf("item %d = %s %s (%v), want %s %s", i, got[i].origin, got[i].kind, got[i].err, p, w.kind)
		}
	}
	if d := got[4].doc.Doc; d.Text != "Gzipped story\nIt was compressed." {
		t.Errorf("gzipped text = %q", d.Text)
	}
	if d := got[1].doc.Doc; !strings.HasPrefix(d.Text, "Harbour reopens") {
		t.Errorf("text = %q", d.Text)
	}
	if d := got[0].doc.Doc; string(d.HTML) != page {
		t.Errorf("html = %q", d.HTML)
	}
}

func TestWalkFormatForced(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "page.txt"), []byte(page))
	for _, tc := range []struct {
		format Format
		kind   string
	}{{Auto, "text"}, {HTML, "html"}, {Text, "text"}, {JSONL, "error"}} {
		got := walk(t, []string{p}, Options{Format: tc.format})
		want := 1
		if tc.format == JSONL {
			want = strings.Count(page, "\n") + 1 // one error per line
		}
		if len(got) != want {
			t.Errorf("format %s: got %d items, want %d", tc.format, len(got), want)
		}
		for _, r := range got {
			if r.kind != tc.kind {
				t.Errorf("format %s: got a %s item (%v), want %s", tc.format, r.kind, r.err, tc.kind)
			}
		}
	}
}

func TestWalkBadInput(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: 50 MB without writing them
		t.Fatal(err)
	}
	f.Close()
	// 2 MB of text that compresses to a few KB: only reading can tell it
	// is over the 1 MB limit set below.
	bomb := write(t, filepath.Join(dir, "bomb.txt.gz"), gz(t, bytes.Repeat([]byte("word "), 2<<20/5)))
	full := gz(t, []byte(strings.Repeat("Some text that will be cut short. ", 2000)))
	cut := write(t, filepath.Join(dir, "cut.txt.gz"), full[:len(full)/2])
	badgz := write(t, filepath.Join(dir, "bad.txt.gz"), []byte("this is not gzip at all"))
	missing := filepath.Join(dir, "missing.html")

	tests := []struct {
		path string
		want error
	}{
		{huge, ErrTooLarge},
		{bomb, ErrTooLarge},
		{cut, ErrTruncated},
		{badgz, ErrCorrupt},
		{missing, fs.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			got := walk(t, []string{tc.path}, Options{MaxBytes: 1 << 20})
			if len(got) != 1 || !errors.Is(got[0].err, tc.want) {
				t.Fatalf("got %v, want one error item wrapping %v", got, tc.want)
			}
			if got[0].origin != tc.path {
				t.Errorf("origin = %q, want %q", got[0].origin, tc.path)
			}
			if msg := got[0].err.Error(); strings.Contains(msg, tc.path) {
				t.Errorf("error %q repeats the path", msg)
			}
		})
	}

	// The default limit (16 MB) refuses the 50 MB page by its size.
	if got := walk(t, []string{huge}, Options{}); len(got) != 1 || !errors.Is(got[0].err, ErrTooLarge) {
		t.Errorf("50 MB page with the default limit: %v, want one ErrTooLarge item", got)
	} else if msg := got[0].err.Error(); msg != "input too large: more than 16 MB" {
		t.Errorf("message = %q", msg)
	}

	// The batch goes on past every bad item.
	good := write(t, filepath.Join(dir, "good.txt"), []byte("fine"))
	got := walk(t, []string{huge, cut, missing, good}, Options{})
	if len(got) != 4 || got[3].kind != "text" || got[3].origin != good {
		t.Errorf("mixed walk = %v, want three errors then good.txt", got)
	}
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		kinds []string
	}{
		{"html", "  <!doctype html><p>x</p>", []string{"html"}},
		{"text", "Headline\nBody.", []string{"text"}},
		{"jsonl", "{\"text\":\"a\"}\n\n{\"html\":\"<p>b</p>\"}\nnope\n", []string{"text", "html", "error"}},
		{"gzipped text", string(gz(t, []byte("Headline\nBody."))), []string{"text"}},
		{"empty", "", []string{"text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := walk(t, []string{"-"}, Options{Stdin: strings.NewReader(tc.in)})
			var kinds []string
			for _, r := range got {
				kinds = append(kinds, r.kind)
				if !strings.HasPrefix(r.origin, "stdin") {
					t.Errorf("origin = %q, want stdin…", r.origin)
				}
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tc.kinds) {
				t.Errorf("kinds = %v, want %v", kinds, tc.kinds)
			}
		})
	}
	got := walk(t, []string{"-"}, Options{})
	if len(got) != 1 || !errors.Is(got[0].err, ErrNoInput) {
		t.Errorf("stdin without a reader = %v, want an ErrNoInput item", got)
	}
}

func TestWalkStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte("x"))
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(Item) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk = %v after %d items, want stop after 1", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, Options{}, func(Item) error { n++; cancel(); return nil })
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk after cancel = %v after %d items, want context.Canceled after 1", err, n)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Auto, "AUTO": Auto, "html": HTML, " text ": Text, "jsonl": JSONL, "warc": WARC} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) succeeded")
	}
	if err := Walk(context.Background(), nil, Options{Format: "pdf"}, func(Item) error { return nil }); err == nil {
		t.Error("Walk with a bad format succeeded")
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"<!DOCTYPE html>", HTML},
		{"\uFEFF\n\t<html>", HTML},
		{"<p>Hello", HTML},
		{"<?xml version='1.0'?><html>", HTML},
		{"<3 love this", Text},
		{"< not a tag", Text},
		{"{\"url\":1}", JSONL},
		{"Plain words", Text},
		{"", Text},
	}
	for _, tc := range tests {
		if got := sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("sniff(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
