package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs vigil with args and returns its exit code, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func TestExtractText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	body := "Kremlin denies invasion plans\n\nRussia has denied planning to invade Ukraine.\n\nOfficials in Kyiv said 14,000 people have been killed since 2014.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCmd(t, "", "extract", "--published", "2022-02-20", "--url", "https://news.example.com/a", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"id", "url", "source", "published", "title", "text", "removed", "sentences", "entities", "events", "quotes", "quantities", "places", "times"} {
		if _, ok := rec[key]; !ok {
			t.Errorf("key %q missing from output", key)
		}
	}
	if got, want := rec["title"], "Kremlin denies invasion plans"; got != want {
		t.Errorf("title = %v, want %v", got, want)
	}
	if got, want := rec["published"], "2022-02-20"; got != want {
		t.Errorf("published = %v, want %v", got, want)
	}
	if got, want := rec["source"], "news.example.com"; got != want {
		t.Errorf("source = %v, want %v", got, want)
	}
}

func TestExtractStdinAndErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "blob.bin")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}, 0o644)

	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"stdin text", "Headline\n\nA body sentence here.\n", []string{"extract"}, 0, ""},
		{"stdin dash", "Headline\n\nA body sentence here.\n", []string{"extract", "-"}, 0, ""},
		{"empty file", "", []string{"extract", empty}, 1, "empty input"},
		{"binary file", "", []string{"extract", binary}, 1, "binary"},
		{"missing file", "", []string{"extract", filepath.Join(dir, "nope.txt")}, 1, "no such file"},
		{"folder", "", []string{"extract", dir}, 1, "folder"},
		{"bad date", "x\ny.", []string{"extract", "--published", "20 Feb"}, 2, "YYYY-MM-DD"},
		{"bad format", "x\ny.", []string{"extract", "--format", "pdf"}, 2, "--format"},
		{"two files", "", []string{"extract", empty, binary}, 2, "one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to mention %q", stderr, tt.wantErr)
			}
			if tt.wantCode == 1 && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("stderr has more than one line: %q", stderr)
			}
		})
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := runCmd(t, "", "frobnicate")
	if code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("exit %d stderr %q, want 2 and 'unknown command'", code, stderr)
	}
}
