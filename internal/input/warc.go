package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/vigilhq/vigil/internal/model"
)

// warc reads a WARC file (plain, or gzipped record by record) and yields
// one document per response record that holds an HTML page fetched with
// status 200. Other records are skipped. A record that cannot be parsed
// ends the file: WARC has no way to find the next record reliably.
func (w *walker) warc(origin string, r io.Reader) error {
	// gowarc buffers each record, in memory up to this size and in a
	// temporary file beyond it.
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0, gowarc.WithBufferMaxMemBytes(4<<20))
	if err != nil {
		return w.fail(origin, fmt.Errorf("%w: %w", ErrCorrupt, err))
	}
	defer wr.Close()
	records := 0
	for {
		rec, err := wr.Next()
		if err == io.EOF && rec.Size > 0 {
			// Bytes were read, then the file ended inside a record header.
			return w.fail(fmt.Sprintf("%s@%d", origin, rec.Offset), fmt.Errorf("%w: WARC record cut short", ErrTruncated))
		}
		if err == io.EOF {
			if records == 0 {
				return w.fail(origin, fmt.Errorf("%w: no WARC records", ErrCorrupt))
			}
			return nil
		}
		recOrigin := fmt.Sprintf("%s@%d", origin, rec.Offset)
		if err != nil {
			rec.Close()
			return w.fail(recOrigin, warcError(err, records == 0))
		}
		records++
		doc, ok, err := w.warcDoc(rec)
		rec.Close()
		if !ok && err == nil {
			continue
		}
		doc.Origin = recOrigin
		if err := w.emit(Item{Doc: doc, Err: err}); err != nil {
			return err
		}
	}
}

// warcError classifies an error that stopped a WARC file.
func warcError(err error, first bool) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w: WARC record cut short", ErrTruncated)
	case errors.Is(err, gowarc.ErrNoRecord) && first:
		return fmt.Errorf("%w: not a WARC file", ErrCorrupt)
	case errors.Is(err, gowarc.ErrNoRecord):
		return fmt.Errorf("%w: data after the last WARC record", ErrCorrupt)
	}
	return fmt.Errorf("%w: %w", ErrCorrupt, readError(err))
}

// warcDoc turns a record into a document. ok is false for a record that is
// not an HTML page; err is set for one that is but cannot be read.
func (w *walker) warcDoc(rec gowarc.Record) (doc model.Document, ok bool, err error) {
	wr := rec.WarcRecord
	doc.URL = strings.Trim(wr.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	if err := cutShort(rec); err != nil {
		return doc, true, err
	}
	if wr.Type() != gowarc.Response {
		return doc, false, nil
	}
	block, isHTTP := wr.Block().(gowarc.HttpResponseBlock)
	if !isHTTP || block.HttpHeader() == nil {
		return doc, false, nil
	}
	if code := block.HttpStatusCode(); code != http.StatusOK {
		w.opts.Log.Debug("skip WARC record", "url", doc.URL, "status", code)
		return doc, false, nil
	}
	hdr := *block.HttpHeader()
	payload, err := block.PayloadBytes()
	if err != nil {
		return doc, true, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	body, err := readCapped(payload, w.opts.MaxBytes)
	if err != nil {
		return doc, true, err
	}
	body, err = decodeBody(hdr, isChunked(block.ProtocolHeaderBytes()), body, w.opts.MaxBytes)
	if err != nil {
		return doc, true, err
	}
	if !isHTMLType(hdr.Get("Content-Type"), body) {
		w.opts.Log.Debug("skip WARC record", "url", doc.URL, "content_type", hdr.Get("Content-Type"))
		return doc, false, nil
	}
	doc.HTML = body
	return doc, true, nil
}

// cutShort reports a record that the end of the file cut short. gowarc
// returns such a record with warnings rather than an error: a block
// shorter than its Content-Length, or, when the file ends inside the
// header, no Content-Length and no end-of-record marker.
func cutShort(rec gowarc.Record) error {
	noMarker := false
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			return fmt.Errorf("%w: WARC record has %d of %d bytes", ErrTruncated, cl.Actual, cl.Expected)
		}
		// gowarc's words for a record followed by nothing.
		if strings.Contains(v.Error(), "too few bytes in end of record marker") {
			noMarker = true
		}
	}
	if noMarker && !rec.WarcRecord.WarcHeader().Has(gowarc.ContentLength) {
		return fmt.Errorf("%w: WARC record header cut short", ErrTruncated)
	}
	return nil
}

// isHTMLType reports whether a response is an HTML page: by its Content-Type,
// or by its first bytes when it has none.
func isHTMLType(contentType string, body []byte) bool {
	if strings.TrimSpace(contentType) == "" {
		head := body
		if len(head) > 512 {
			head = head[:512]
		}
		return sniff(head) == HTML
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decodeBody undoes the transfer and content encodings a crawler may have
// stored as it received them.
func decodeBody(hdr http.Header, chunked bool, body []byte, max int64) ([]byte, error) {
	if chunked {
		// Many crawlers store the body de-chunked but keep the header, so a
		// body that does not parse as chunks is taken as it is.
		if b, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(body)), max+1)); err == nil {
			body = b
		}
	}
	var zr io.Reader
	switch enc := strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))); enc {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		r, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, readError(err)
		}
		zr = r
	case "deflate":
		r, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, readError(err)
		}
		zr = r
	default:
		return nil, fmt.Errorf("%w: unsupported content encoding %q", ErrCorrupt, enc)
	}
	return readCapped(bufio.NewReader(zr), max)
}

// isChunked reports whether raw HTTP response headers declare a chunked
// transfer encoding. net/http moves that header out of http.Header, so it
// is read from the raw bytes.
func isChunked(header []byte) bool {
	for _, line := range bytes.Split(header, []byte("\n")) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Transfer-Encoding") &&
			bytes.Contains(bytes.ToLower(value), []byte("chunked")) {
			return true
		}
	}
	return false
}
