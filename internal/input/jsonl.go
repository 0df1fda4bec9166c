package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// record is one JSONL line. Pointers tell a missing key from an empty one.
type record struct {
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	HTML      *string `json:"html"`
	Text      *string `json:"text"`
}

// jsonl reads one article per line. Blank lines are skipped; every other
// line yields exactly one item.
func (w *walker) jsonl(origin string, r io.Reader) error {
	lr := newLineReader(r, w.opts.MaxLine)
	for {
		line, n, err := lr.next()
		if err == io.EOF {
			return nil
		}
		lineOrigin := fmt.Sprintf("%s:%d", origin, n)
		if err != nil {
			if errors.Is(err, errLineTooLong) {
				if err := w.fail(lineOrigin, fmt.Errorf("%w: line longer than %s", ErrTooLarge, humanBytes(int64(w.opts.MaxLine)))); err != nil {
					return err
				}
				continue
			}
			// The stream itself broke: nothing after this point can be read.
			return w.fail(lineOrigin, readError(err))
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, err := parseLine(line)
		doc.Origin = lineOrigin
		if err := w.emit(Item{Doc: doc, Err: err}); err != nil {
			return err
		}
	}
}

// parseLine turns one JSONL line into a document.
func parseLine(line []byte) (model.Document, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || !json.Valid(line) {
			return model.Document{}, fmt.Errorf("%w: %s", ErrNotJSON, strings.TrimPrefix(err.Error(), "json: "))
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return model.Document{}, fmt.Errorf("%w: a JSON %s, not an object", ErrBadRecord, te.Value)
			}
			return model.Document{}, fmt.Errorf("%w: %q is a JSON %s, not a string", ErrBadRecord, te.Field, te.Value)
		}
		return model.Document{}, fmt.Errorf("%w: %s", ErrBadRecord, strings.TrimPrefix(err.Error(), "json: "))
	}
	if rec.HTML == nil && rec.Text == nil {
		return model.Document{}, fmt.Errorf("%w: neither \"html\" nor \"text\"", ErrBadRecord)
	}
	published, err := NormalizeDate(rec.Published)
	if err != nil {
		return model.Document{}, fmt.Errorf("%w: published: %w", ErrBadRecord, err)
	}
	doc := model.Document{
		URL:       strings.TrimSpace(rec.URL),
		Title:     strings.TrimSpace(rec.Title),
		Published: published,
		Source:    strings.TrimSpace(rec.Source),
	}
	// HTML wins when a line has both: it carries the page's metadata.
	if rec.HTML != nil && *rec.HTML != "" {
		doc.HTML = []byte(*rec.HTML)
	} else if rec.Text != nil {
		doc.Text = *rec.Text
	}
	return doc, nil
}

// dateLayouts are the timestamp forms NormalizeDate accepts.
var dateLayouts = []string{
	time.DateOnly,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2006/01/02",
}

// NormalizeDate turns a date or timestamp into YYYY-MM-DD, the day in the
// timestamp's own time zone. An empty string stays empty.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", fmt.Errorf("cannot read date %q", s)
}

var errLineTooLong = errors.New("line too long")

// lineReader reads lines of any length up to max bytes without holding a
// longer one in memory: an overlong line is skipped and reported.
type lineReader struct {
	br   *bufio.Reader
	max  int
	buf  []byte
	line int
	err  error
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its line ending, and its 1-based
// number. The error is io.EOF at the end, errLineTooLong for a line
// skipped for its length (reading may go on), or the stream's error.
func (lr *lineReader) next() ([]byte, int, error) {
	if lr.err != nil {
		return nil, lr.line, lr.err
	}
	lr.line++
	lr.buf = lr.buf[:0]
	tooLong := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+1 { // +1 for the newline
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == nil: // end of line
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			lr.err = io.EOF
			if len(lr.buf) == 0 && !tooLong {
				return nil, lr.line, io.EOF
			}
		default:
			lr.err = err
			return nil, lr.line, err
		}
		if tooLong {
			return nil, lr.line, errLineTooLong
		}
		b := bytes.TrimSuffix(lr.buf, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		if len(b) > lr.max {
			return nil, lr.line, errLineTooLong
		}
		return b, lr.line, nil
	}
}
