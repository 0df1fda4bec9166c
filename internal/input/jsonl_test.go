package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestJSONL(t *testing.T) {
	lines := []string{
		`{"url":"https://example.com/a","title":"A","published":"2022-02-20","text":"Body A."}`,
		``,
		`   `,
		`{"url":"https://example.com/b","published":"2022-02-20T23:30:00-05:00","html":"<p>B</p>","text":"ignored"}`,
		`{"title":"C" "text":"x"}`,
		`{"title":"no body"}`,
		`{"text":"D","published":"last Tuesday"}`,
		`["not","an","object"]`,
		`{"text":"E","published":"Sun, 20 Feb 2022 10:00:00 +0000","source":" Example "}`,
		`{"text":"` + strings.Repeat("x", 200) + `"}`,
		`{"html":"","text":"F falls back to text"}`,
		`{"text":"G","published":12}`,
		`{"text":"H"}` + "\r",
		`{"text":"I, last line without newline"}`,
	}
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "articles.jsonl"), []byte(strings.Join(lines, "\n")))
	got := walk(t, []string{p}, Options{MaxLine: 150})

	type want struct {
		line int
		err  error
		doc  model.Document
	}
	wants := []want{
		{1, nil, model.Document{URL: "https://example.com/a", Title: "A", Published: "2022-02-20", Text: "Body A."}},
		{4, nil, model.Document{URL: "https://example.com/b", Published: "2022-02-20", HTML: []byte("<p>B</p>")}},
		{5, ErrNotJSON, model.Document{}},
		{6, ErrBadRecord, model.Document{}},
		{7, ErrBadRecord, model.Document{}},
		{8, ErrBadRecord, model.Document{}},
		{9, nil, model.Document{Published: "2022-02-20", Source: "Example", Text: "E"}},
		{10, ErrTooLarge, model.Document{}},
		{11, nil, model.Document{Text: "F falls back to text"}},
		{12, ErrBadRecord, model.Document{}},
		{13, nil, model.Document{Text: "H"}},
		{14, nil, model.Document{Text: "I, last line without newline"}},
	}
	if len(got) != len(wants) {
		for _, g := range got {
			t.Logf("%s %s %v", g.origin, g.kind, g.err)
		}
		t.Fatalf("got %d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		w.doc.Origin = fmt.Sprintf("%s:%d", p, w.line)
		if g.origin != w.doc.Origin {
			t.Errorf("item %d origin = %q, want %q", i, g.origin, w.doc.Origin)
		}
		if w.err != nil {
			if !errors.Is(g.err, w.err) {
				t.Errorf("line %d: error %v, want %v", w.line, g.err, w.err)
			}
			continue
		}
		if g.err != nil {
			t.Errorf("line %d: unexpected error %v", w.line, g.err)
			continue
		}
		d := g.doc.Doc
		if d.URL != w.doc.URL || d.Title != w.doc.Title || d.Published != w.doc.Published ||
			d.Source != w.doc.Source || d.Text != w.doc.Text || !bytes.Equal(d.HTML, w.doc.HTML) {
			t.Errorf("line %d: doc = %+v, want %+v", w.line, d, w.doc)
		}
	}
	if msg := got[2].err.Error(); !strings.HasPrefix(msg, "not JSON: ") {
		t.Errorf("bad line message = %q, want it to start with \"not JSON: \"", msg)
	}
}

func TestJSONLGzip(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 500 {
		fmt.Fprintf(&b, "{\"url\":\"https://example.com/%d\",\"text\":\"Story number %d, told at some length so the file is not tiny.\"}\n", i, i)
	}
	full := gz(t, []byte(b.String()))
	whole := write(t, filepath.Join(dir, "all.jsonl.gz"), full)
	cut := write(t, filepath.Join(dir, "cut.jsonl.gz"), full[:len(full)*2/3])

	got := walk(t, []string{whole}, Options{})
	if len(got) != 500 || got[499].kind != "text" || got[499].doc.Doc.URL != "https://example.com/499" {
		t.Fatalf("whole file: %d items, last %+v", len(got), got[len(got)-1])
	}

	got = walk(t, []string{cut, whole}, Options{})
	var errs, docs int
	for i, r := range got {
		if r.err != nil {
			errs++
			if !errors.Is(r.err, ErrTruncated) || !strings.HasPrefix(r.origin, cut+":") {
				t.Errorf("item %d: %s %v, want a truncation error in %s", i, r.origin, r.err, cut)
			}
			continue
		}
		docs++
	}
	if errs != 1 || docs <= 500 || docs >= 1000 {
		t.Errorf("cut then whole: %d docs and %d errors, want 500 plus some docs and 1 error", docs, errs)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"2022-02-20", "2022-02-20"},
		{" 2022-02-20 ", "2022-02-20"},
		{"2022-02-20T10:00:00Z", "2022-02-20"},
		{"2022-02-20T23:30:00.123-05:00", "2022-02-20"},
		{"2022-02-20T10:00:00", "2022-02-20"},
		{"2022-02-20 10:00:00", "2022-02-20"},
		{"2022-02-20 10:00:00+02:00", "2022-02-20"},
		{"Sun, 20 Feb 2022 10:00:00 GMT", "2022-02-20"},
		{"Sun, 20 Feb 2022 10:00:00 +0100", "2022-02-20"},
		{"Sun, 6 Feb 2022 10:00:00 +0100", "2022-02-06"},
		{"2022/02/20", "2022-02-20"},
	}
	for _, tc := range tests {
		got, err := NormalizeDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"yesterday", "2022-13-01", "20/02/2022", "2022-02-30"} {
		if got, err := NormalizeDate(bad); err == nil {
			t.Errorf("NormalizeDate(%q) = %q, want an error", bad, got)
		}
	}
}

func TestLineReader(t *testing.T) {
	in := "short\n" + strings.Repeat("x", 100_000) + "\nafter\r\n" + strings.Repeat("y", 70_000) + "\nend"
	lr := newLineReader(strings.NewReader(in), 80_000)
	type line struct {
		text string
		n    int
		err  error
	}
	var got []line
	for {
		b, n, err := lr.next()
		if err != nil && !errors.Is(err, errLineTooLong) {
			break
		}
		got = append(got, line{string(b), n, err})
	}
	want := []line{{"short", 1, nil}, {"", 2, errLineTooLong}, {"after", 3, nil}, {strings.Repeat("y", 70_000), 4, nil}, {"end", 5, nil}}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %.20q %d %v, want %.20q %d %v", i, got[i].text, got[i].n, got[i].err, want[i].text, want[i].n, want[i].err)
		}
	}
}

// FuzzJSONL checks that reading never panics and that every non-blank
// line yields exactly one item, numbered by its line.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"text\":\"a\"}\n{\"html\":\"<p>b</p>\",\"published\":\"2022-02-20\"}\n",
		"not json\n\n{\"text\":1}\r\n",
		"\uFEFF{\"url\":\"x\",\"text\":\"\"}",
		"{\"published\":\"2022-02-20T10:00:00Z\",\"text\":\"t\"}\n   \n[]\n\"str\"\nnull\n",
		strings.Repeat("x", 300) + "\n{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var wantLines []int
		for i, l := range bytes.Split(data, []byte("\n")) {
			if i == 0 {
				l = bytes.TrimPrefix(l, bom)
			}
			if len(bytes.TrimSpace(l)) > 0 {
				wantLines = append(wantLines, i+1)
			}
		}
		var got []int
		w := &walker{ctx: context.Background(), opts: Options{MaxLine: 256}, fn: func(it Item) error {
			if it.Doc.Origin == "" {
				t.Errorf("item without origin: %+v", it)
			}
			if it.Err != nil && (it.Doc.IsHTML() || it.Doc.Text != "") {
				t.Errorf("%s: error item with content", it.Doc.Origin)
			}
			var n int
			if _, err := fmt.Sscanf(it.Doc.Origin[strings.LastIndexByte(it.Doc.Origin, ':')+1:], "%d", &n); err != nil {
				t.Errorf("origin %q has no line number", it.Doc.Origin)
			}
			got = append(got, n)
			return nil
		}}
		if err := w.jsonl("fuzz", bytes.NewReader(data)); err != nil {
			t.Fatalf("jsonl: %v", err)
		}
		if fmt.Sprint(got) != fmt.Sprint(wantLines) {
			t.Errorf("items for lines %v, want %v", got, wantLines)
		}
	})
}

func TestParseLineMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"text":1}`, `bad record: "text" is a JSON number, not a string`},
		{`[1]`, `bad record: a JSON array, not an object`},
		{`"s"`, `bad record: a JSON string, not an object`},
		{`{"url":"x"}`, `bad record: neither "html" nor "text"`},
		{`{"text":"x","published":"soon"}`, `bad record: published: cannot read date "soon"`},
		{`{"text":`, `not JSON: unexpected end of JSON input`},
	}
	for _, tc := range tests {
		_, err := parseLine([]byte(tc.in))
		if err == nil || err.Error() != tc.want {
			t.Errorf("parseLine(%s) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func BenchmarkJSONL(b *testing.B) {
	var sb strings.Builder
	body := strings.Repeat("<p>A paragraph of an article, long enough to be typical.</p>", 60)
	for i := range 200 {
		fmt.Fprintf(&sb, "{\"url\":\"https://example.com/%d\",\"published\":\"2024-03-01T10:00:00Z\",\"html\":%q}\n", i, body)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		w := &walker{ctx: context.Background(), opts: Options{MaxLine: DefaultMaxLine}, fn: func(it Item) error {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return nil
		}}
		if err := w.jsonl("bench", bytes.NewReader(data)); err != nil || n != 200 {
			b.Fatalf("jsonl = %v, %d docs", err, n)
		}
	}
}
