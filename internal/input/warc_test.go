package input

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// warcRecord writes one WARC/1.0 record by hand.
func warcRecord(typ, uri, contentType, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	b.WriteString("WARC-Date: 2024-03-01T12:00:00Z\r\n")
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(block)+len(uri))
	fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

func httpResponse(status, contentType string, extra string, body string) string {
	h := "HTTP/1.1 " + status + "\r\n"
	if contentType != "" {
		h += "Content-Type: " + contentType + "\r\n"
	}
	return h + extra + "\r\n" + body
}

const msgResponse = "application/http; msgtype=response"

func chunked(s string) string {
	half := len(s) / 2
	return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", half, s[:half], len(s)-half, s[half:])
}

// crawl is a small WARC file: only records 1, 5, 6 and 7 are HTML pages
// fetched with status 200.
func crawl(t *testing.T) []string {
	return []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: vigil-test\r\nformat: WARC File Format 1.0\r\n"),
		warcRecord("response", "https://example.com/a", msgResponse,
			httpResponse("200 OK", "text/html; charset=utf-8", "", "<html><body><p>Page A</p></body></html>")),
		warcRecord("request", "https://example.com/a", "application/http; msgtype=request",
			"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"),
		warcRecord("response", "https://example.com/missing", msgResponse,
			httpResponse("404 Not Found", "text/html", "", "<html>gone</html>")),
		warcRecord("response", "https://example.com/logo.png", msgResponse,
			httpResponse("200 OK", "image/png", "", "\x89PNG\r\n\x1a\n")),
		warcRecord("response", "https://example.com/b", msgResponse,
			httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", string(gz(t, []byte("<html><p>Page B</p></html>"))))),
		warcRecord("response", "https://example.com/c", msgResponse,
			httpResponse("200 OK", "application/xhtml+xml", "Transfer-Encoding: chunked\r\n", chunked("<html><p>Page C</p></html>"))),
		warcRecord("response", "https://example.com/d", msgResponse,
			httpResponse("200 OK", "", "", "<!doctype html><p>Page D</p>")),
		warcRecord("resource", "https://example.com/e", "text/html", "<html>resource records are not fetched pages</html>"),
	}
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	recs := crawl(t)
	plain := write(t, filepath.Join(dir, "crawl.warc"), []byte(strings.Join(recs, "")))
	var zipped []byte
	for _, r := range recs { // one gzip member per record, as crawlers write them
		zipped = append(zipped, gz(t, []byte(r))...)
	}
	gzPath := write(t, filepath.Join(dir, "crawl.warc.gz"), zipped)
	unnamed := write(t, filepath.Join(dir, "crawl-archive"), zipped)

	want := []struct{ url, body string }{
		{"https://example.com/a", "<html><body><p>Page A</p></body></html>"},
		{"https://example.com/b", "<html><p>Page B</p></html>"},
		{"https://example.com/c", "<html><p>Page C</p></html>"},
		{"https://example.com/d", "<!doctype html><p>Page D</p>"},
	}
	for _, p := range []string{plain, gzPath, unnamed} {
		t.Run(filepath.Base(p), func(t *testing.T) {
			got := walk(t, []string{p}, Options{})
			if len(got) != len(want) {
				for _, g := range got {
					t.Logf("%s %s %v", g.origin, g.kind, g.err)
				}
				t.Fatalf("got %d items, want %d", len(got), len(want))
			}
			for i, w := range want {
				d := got[i].doc.Doc
				if got[i].err != nil || d.URL != w.url || string(d.HTML) != w.body {
					t.Errorf("item %d = %q %q %v, want %q %q", i, d.URL, d.HTML, got[i].err, w.url, w.body)
				}
				if !strings.HasPrefix(d.Origin, p+"@") {
					t.Errorf("origin %q, want %s@offset", d.Origin, p)
				}
			}
		})
	}
}

func TestWARCBad(t *testing.T) {
	dir := t.TempDir()
	recs := crawl(t)
	all := strings.Join(recs, "")
	var zipped []byte
	for _, r := range recs {
		zipped = append(zipped, gz(t, []byte(r))...)
	}
	big := warcRecord("response", "https://example.com/big", msgResponse,
		httpResponse("200 OK", "text/html", "", "<html>"+strings.Repeat("<p>word</p>", 2000)+"</html>"))
	// Cut inside record 5 (Page B): records 1 is delivered first.
	cutAt := len(strings.Join(recs[:5], "")) + 100
	zcutAt := len(gz(t, []byte(recs[0]))) + len(gz(t, []byte(recs[1]))) + 40

	tests := []struct {
		name    string
		data    []byte
		opts    Options
		docs    int
		wantErr error
	}{
		{"cut plain", []byte(all[:cutAt]), Options{}, 1, ErrTruncated},
		{"cut gzip", zipped[:zcutAt], Options{}, 1, ErrTruncated},
		{"not warc", []byte("<html>this is not a WARC file</html>"), Options{}, 0, ErrCorrupt},
		{"empty", nil, Options{}, 0, ErrCorrupt},
		{"garbage after records", []byte(recs[1] + "garbage"), Options{}, 1, ErrCorrupt},
		{"page too large", []byte(recs[1] + big + recs[6]), Options{MaxBytes: 4096}, 2, ErrTooLarge},
		{"unknown encoding", []byte(warcRecord("response", "https://example.com/br", msgResponse,
			httpResponse("200 OK", "text/html", "Content-Encoding: br\r\n", "\x1b\x00"))), Options{}, 0, ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".warc"), tc.data)
			got := walk(t, []string{p}, tc.opts)
			docs, errs := 0, 0
			for _, g := range got {
				if g.err == nil {
					docs++
					continue
				}
				errs++
				if !errors.Is(g.err, tc.wantErr) {
					t.Errorf("%s: error %v, want %v", g.origin, g.err, tc.wantErr)
				}
			}
			if docs != tc.docs || errs != 1 {
				for _, g := range got {
					t.Logf("%s %s %v", g.origin, g.kind, g.err)
				}
				t.Errorf("got %d docs and %d errors, want %d docs and 1 error", docs, errs, tc.docs)
			}
		})
	}
}

func TestWARCThenNextFile(t *testing.T) {
	dir := t.TempDir()
	recs := crawl(t)
	bad := write(t, filepath.Join(dir, "1.warc"), []byte(strings.Join(recs, "")[:300]))
	good := write(t, filepath.Join(dir, "2.txt"), []byte("still read"))
	got := walk(t, []string{dir}, Options{})
	if len(got) < 2 || got[len(got)-1].origin != good || got[len(got)-1].err != nil {
		t.Errorf("after a broken WARC (%s) the next file was not read: %v", bad, got)
	}
	truncated := 0
	for _, g := range got {
		if errors.Is(g.err, ErrTruncated) {
			truncated++
		}
	}
	if truncated != 1 {
		t.Errorf("%d truncation errors, want 1: %v", truncated, got)
	}
}
