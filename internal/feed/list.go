package feed

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

//go:embed feeds.txt
var defaultList string

// maxLine is the longest line ParseList accepts.
const maxLine = 8 << 10

// Default returns the embedded list of world-news feeds.
func Default() []string {
	feeds, err := ParseList(strings.NewReader(defaultList))
	if err != nil {
		// feeds.txt is part of the binary and checked by the tests.
		return nil
	}
	return feeds
}

// LoadList reads a feed list file (see ParseList).
func LoadList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read feed list: %w", err)
	}
	defer f.Close()
	feeds, err := ParseList(f)
	if err != nil {
		return nil, fmt.Errorf("read feed list %s: %w", path, err)
	}
	return feeds, nil
}

// ParseList reads one feed URL per line. Blank lines and lines whose first
// non-blank character is # are skipped; so is anything after " #" on a line.
// Every URL must be absolute http or https. Repeated URLs are kept once, in
// first-seen order. A list with no URL is an error.
func ParseList(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	var feeds []string
	seen := make(map[string]bool)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := checkURL(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if !seen[u] {
			seen[u] = true
			feeds = append(feeds, u)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than %d bytes", n+1, maxLine)
		}
		return nil, err
	}
	if len(feeds) == 0 {
		return nil, errors.New("no feed URLs")
	}
	return feeds, nil
}

// checkURL returns s if it is an absolute http(s) URL with a host.
func checkURL(s string) (string, error) {
	if strings.ContainsAny(s, " \t\x00") {
		return "", fmt.Errorf("not a URL: %q", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("not a URL: %q", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("not an http(s) URL: %q", s)
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", fmt.Errorf("URL without host: %q", s)
	}
	return s, nil
}
