package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/input"
	"github.com/vigilhq/vigil/internal/pipeline"
	"github.com/vigilhq/vigil/internal/store"
)

// ingestCmd runs vigil with args and returns its exit code, stdout and
// stderr.
func ingestCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// itemErrors returns the "vigil ingest: origin: error" lines of stderr, sorted.
func itemErrors(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "vigil ingest: ") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func storeStats(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

const (
	storyA = "Harbour reopens after storm\n\nThe harbour at Porthmoor reopened on Monday after a week of repairs to the sea wall, the port authority said.\n\nFishing boats returned to their moorings by the afternoon.\n"
	storyB = "Council approves new bridge\n\nThe county council voted on Tuesday to build a second bridge across the river, ending a debate that lasted six years.\n\nConstruction is expected to begin next spring.\n"
	storyC = "Library extends opening hours\n\nThe central library will stay open until nine in the evening from next month, the city said on Wednesday.\n"
)

// mixedFolder writes a folder of good, duplicate and bad inputs.
func mixedFolder(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "in")
	writeFile(t, filepath.Join(dir, "a.txt"), storyA)
	writeFile(t, filepath.Join(dir, "news", "b.txt"), storyB)
	writeFile(t, filepath.Join(dir, "news", "deep", "c.txt"), storyC)
	writeFile(t, filepath.Join(dir, "copy-of-a.txt"), "\n"+strings.ReplaceAll(storyA, "\n\n", "\n")) // same text, other spacing
	writeFile(t, filepath.Join(dir, "bad", "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "bad", "binary.txt"), "\x00\x01\x02\x03 binary \x00 data")
	writeFile(t, filepath.Join(dir, "bad", "latin1.txt"), "Caf\xe9 reopens\n\nThe caf\xe9 on the square reopened on Friday.\n")
	writeFile(t, filepath.Join(dir, ".cache", "ignored.txt"), storyC+" hidden")
	writeFile(t, filepath.Join(dir, "logo.png"), "\x89PNG\r\n\x1a\n")
	writeFile(t, filepath.Join(dir, "feed.jsonl"), strings.Join([]string{
		`{"url":"https://news.example.org/ferry?utm_source=rss","title":"Ferry service resumes","text":"The ferry to the islands resumed on Thursday after the storm damage was repaired."}`,
		`{"url": "https://news.example.org/broken", "text": "unterminated`,
		``,
		`{"url":"https://NEWS.example.org/ferry/","title":"Ferry resumes (update)","text":"An updated version of the ferry story with different words in it."}`,
		`{"title":"Market day moves","published":"2022-02-20T09:30:00Z","text":"The weekly market will move to the harbour car park from Saturday, traders were told."}`,
	}, "\n")+"\n")
	return dir
}

func TestIngestMixedFolder(t *testing.T) {
	dir := mixedFolder(t)
	db := filepath.Join(t.TempDir(), "data", "vigil.db")

	code, out, stderr := ingestCmd(t, "", "ingest", "--db", db, "--published", "2021-05-01", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	const wantFirst = "ingested 5, duplicates 2, failed 4 (binary input: 1, empty input: 1, invalid UTF-8: 1, not JSON: 1)"
	if got := lastLine(out); got != wantFirst {
		t.Errorf("summary = %q\nwant      %q", got, wantFirst)
	}
	errs := itemErrors(stderr)
	wantOrigins := []string{
		filepath.Join(dir, "bad", "binary.txt") + ": ",
		filepath.Join(dir, "bad", "empty.txt") + ": ",
		filepath.Join(dir, "bad", "latin1.txt") + ": ",
		filepath.Join(dir, "feed.jsonl") + ":2: not JSON: ",
	}
	if len(errs) != len(wantOrigins) {
		t.Fatalf("stderr item lines = %q, want %d", errs, len(wantOrigins))
	}
	for i, w := range wantOrigins {
		if !strings.HasPrefix(errs[i], "vigil ingest: "+w) {
			t.Errorf("stderr line %q, want prefix %q", errs[i], "vigil ingest: "+w)
		}
	}

	first := storeStats(t, db)
	if first.Articles != 5 || first.Sentences < 5 {
		t.Fatalf("after first ingest: %+v, want 5 articles", first)
	}

	// The same input again adds nothing.
	code, out, stderr = ingestCmd(t, "", "ingest", "--db", db, dir)
	if code != 0 {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr)
	}
	const wantSecond = "ingested 0, duplicates 7, failed 4 (binary input: 1, empty input: 1, invalid UTF-8: 1, not JSON: 1)"
	if got := lastLine(out); got != wantSecond {
		t.Errorf("second summary = %q\nwant             %q", got, wantSecond)
	}
	if second := storeStats(t, db); second != first {
		t.Errorf("second ingest changed the store:\n got %+v\nwant %+v", second, first)
	}
}

func TestIngestPublished(t *testing.T) {
	dir := mixedFolder(t)
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := ingestCmd(t, "", "ingest", "--db", db, "--published", "2021-05-01", "--workers", "1", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Articles(context.Background(), store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, a := range list {
		if a.Published == nil {
			t.Errorf("%q has no publication date", a.Title)
			continue
		}
		byTitle[a.Title] = *a.Published
	}
	for title, want := range map[string]string{
		"Harbour reopens after storm": "2021-05-01", // from --published
		"Market day moves":            "2022-02-20", // its own date wins
	} {
		if got := byTitle[title]; got != want {
			t.Errorf("%q published %q, want %q (all: %v)", title, got, want, byTitle)
		}
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	code, out, stderr := ingestCmd(t, storyB, "ingest", "--db", db, "-")
	if code != 0 || lastLine(out) != "ingested 1, duplicates 0, failed 0" {
		t.Fatalf("exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, _ = ingestCmd(t, `{"text":"`+strings.ReplaceAll(storyB, "\n", `\n`)+`"}`+"\n", "ingest", "--db", db, "--format", "jsonl", "-")
	if code != 0 || lastLine(out) != "ingested 0, duplicates 1, failed 0" {
		t.Errorf("same story as JSONL on stdin: exit %d, out %q", code, out)
	}
}

func TestIngestNothingIngested(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "in", "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "in", "bad.jsonl"), "not json\n")
	writeFile(t, filepath.Join(dir, "nothing", "photo.jpg"), "\xff\xd8")
	db := filepath.Join(dir, "v.db")

	code, out, stderr := ingestCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "in"), filepath.Join(dir, "missing"))
	if code != 1 {
		t.Errorf("all failed: exit %d, want 1", code)
	}
	if got, want := lastLine(out), "ingested 0, duplicates 0, failed 3 (empty input: 1, not JSON: 1, not found: 1)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if !strings.Contains(stderr, "nothing ingested") {
		t.Errorf("stderr %q does not say nothing was ingested", stderr)
	}

	code, out, stderr = ingestCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "nothing"))
	if code != 1 || lastLine(out) != "ingested 0, duplicates 0, failed 0" || !strings.Contains(stderr, "no input found") {
		t.Errorf("empty folder: exit %d, out %q, stderr %q; want exit 1 and 'no input found'", code, out, stderr)
	}
}

func TestIngestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	for _, args := range [][]string{
		{"ingest", "--db", db},
		{"ingest", "--db", db, "--format", "pdf", "x"},
		{"ingest", "--db", db, "--published", "20/02/2022", "x"},
		{"ingest", "--db", db, "--workers", "0", "x"},
		{"ingest", "--no-such-flag", "x"},
	} {
		code, _, stderr := ingestCmd(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "vigil ingest: ") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a usage message", args[1:], code, stderr)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a usage error created the database (%v)", err)
	}
	code, _, stderr := ingestCmd(t, "", "ingest", "-h")
	if code != 0 || !strings.Contains(stderr, "Exit status") {
		t.Errorf("-h: exit %d, stderr %q; want 0 and the exit status documented", code, stderr)
	}
}

func TestIngestDBFromEnv(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env", "vigil.db")
	t.Setenv(dbEnv, db)
	if code, _, stderr := ingestCmd(t, storyC, "ingest", "-"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := storeStats(t, db).Articles; got != 1 {
		t.Errorf("database from $%s has %d articles, want 1", dbEnv, got)
	}
}

// htmlPage renders a small news page written for this test.
func htmlPage(title, date string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="Porthmoor Post"><meta property="article:published_time" content="%sT07:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>%s</h1>`, title, date, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString(`</article><footer>Copyright Porthmoor Post</footer></body></html>`)
	return b.String()
}

// warcResponse writes one WARC response record by hand.
func warcResponse(uri, status, contentType, body string) string {
	block := "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n\r\n" + body
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(block), len(block), block)
}

// TestIngestHTMLAndWARC needs the HTML extractor (internal/htmltext).
func TestIngestHTMLAndWARC(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	writeFile(t, filepath.Join(dir, "harbour.html"), htmlPage("Harbour reopens after storm", "2024-03-02",
		"The harbour at Porthmoor reopened on Monday after a week of repairs to the sea wall, the port authority said.",
		"Fishing boats returned to their moorings by the afternoon, and the ferry will run again on Wednesday."))
	writeFile(t, filepath.Join(dir, "crawl.warc"),
		warcResponse("https://post.example.org/bridge", "200 OK", "text/html; charset=utf-8", htmlPage("Council approves bridge", "2024-03-03",
			"The county council voted on Tuesday to build a second bridge across the river, ending six years of debate.",
			"Construction is expected to begin next spring and to last two years."))+
			warcResponse("https://post.example.org/gone", "404 Not Found", "text/html", "<html>not here</html>")+
			warcResponse("https://post.example.org/library", "200 OK", "text/html", htmlPage("Library extends hours", "2024-03-04",
				"The central library will stay open until nine in the evening from next month, the city said on Wednesday.",
				"Staff will be added to cover the longer hours.")))
	db := filepath.Join(t.TempDir(), "v.db")
	code, out, stderr := ingestCmd(t, "", "ingest", "--db", db, dir)
	if code != 0 || lastLine(out) != "ingested 3, duplicates 0, failed 0" {
		t.Fatalf("exit %d, out %q, stderr:\n%s", code, out, stderr)
	}
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, u := range []string{"https://post.example.org/bridge", "https://post.example.org/library"} {
		if ok, err := st.HasURL(context.Background(), u); err != nil || !ok {
			t.Errorf("HasURL(%s) = %v, %v; want true", u, ok, err)
		}
	}
	if ok, _ := st.HasURL(context.Background(), "https://post.example.org/gone"); ok {
		t.Error("the 404 page was stored")
	}
}

func TestFailureReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("x.jsonl:3: %w: bad", input.ErrNotJSON), "not JSON"},
		{fmt.Errorf("extract html: %w: 50 bytes", pipeline.ErrTooLarge), "too large"},
		{fmt.Errorf("%w: more than 16 MB", input.ErrTooLarge), "too large"},
		{fmt.Errorf("read text: %w", pipeline.ErrEmpty), "empty input"},
		{fmt.Errorf("open: %w", os.ErrNotExist), "not found"},
		{fmt.Errorf("%w: disk full", errStore), "store error"},
		{errors.New("something new"), "other"},
	}
	for _, tc := range tests {
		if got := reason(tc.err); got != tc.want {
			t.Errorf("reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

func TestTallySummary(t *testing.T) {
	var tl tally
	tl.ingested.Add(1812)
	tl.duplicates.Add(3)
	for _, r := range []string{"not JSON", "empty input", "not JSON", "binary input"} {
		tl.fail(r)
	}
	if got, want := tl.summary(), "ingested 1812, duplicates 3, failed 4 (not JSON: 2, binary input: 1, empty input: 1)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	tl.interrupted.Add(5)
	if got := tl.summary(); !strings.HasSuffix(got, ", interrupted before 5 more") {
		t.Errorf("interrupted summary = %q", got)
	}
}
