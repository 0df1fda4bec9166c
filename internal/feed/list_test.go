package feed

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{
			name: "comments blanks and duplicates",
			in:   "# world\n\nhttps://a.example/rss\n  https://b.example/feed.xml  \n# again\nhttps://a.example/rss\n",
			want: []string{"https://a.example/rss", "https://b.example/feed.xml"},
		},
		{
			name: "trailing comment and CRLF",
			in:   "http://a.example/rss # the A feed\r\nhttps://b.example/x?y=1&z=2\r\n",
			want: []string{"http://a.example/rss", "https://b.example/x?y=1&z=2"},
		},
		{
			name: "byte order mark",
			in:   "\ufeffhttps://a.example/rss\n",
			want: []string{"https://a.example/rss"},
		},
		{name: "empty", in: "", wantErr: "no feed URLs"},
		{name: "only comments", in: "# nothing\n\n", wantErr: "no feed URLs"},
		{name: "relative", in: "https://a.example/rss\n/feed.xml\n", wantErr: `line 2: not an http(s) URL: "/feed.xml"`},
		{name: "other scheme", in: "ftp://a.example/rss\n", wantErr: `line 1: not an http(s) URL: "ftp://a.example/rss"`},
		{name: "no host", in: "https:///rss\n", wantErr: `line 1: URL without host: "https:///rss"`},
		{name: "space inside", in: "https://a.example/r ss\n", wantErr: `line 1: not a URL`},
		{name: "too long", in: "https://a.example/" + strings.Repeat("x", maxLine) + "\n", wantErr: "line 1: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseList(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("ParseList error = %v, want it to start with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseList: %v", err)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("ParseList = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	feeds := Default()
	if len(feeds) < 15 {
		t.Fatalf("Default has %d feeds, want at least 15", len(feeds))
	}
	hosts := map[string]bool{}
	for _, f := range feeds {
		u, err := url.Parse(f)
		if err != nil || u.Scheme != "https" {
			t.Errorf("default feed %q is not an https URL", f)
			continue
		}
		hosts[u.Hostname()] = true
	}
	if len(hosts) < 15 {
		t.Errorf("default feeds span %d hosts, want at least 15 outlets", len(hosts))
	}
}

func TestLoadList(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(path, []byte("https://a.example/rss\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadList(path)
	if err != nil || len(got) != 1 || got[0] != "https://a.example/rss" {
		t.Errorf("LoadList = %q, %v, want [https://a.example/rss]", got, err)
	}
	if _, err := LoadList(filepath.Join(dir, "absent.txt")); err == nil || !strings.HasPrefix(err.Error(), "read feed list: ") {
		t.Errorf("LoadList(absent) error = %v, want read feed list: ...", err)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("nonsense\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadList(bad); err == nil || !strings.Contains(err.Error(), bad+": line 1") {
		t.Errorf("LoadList(bad) error = %v, want it to name the file and line", err)
	}
}

func FuzzParseList(f *testing.F) {
	f.Add("https://a.example/rss\n# c\n\nhttp://b.example/x # y\n")
	f.Add("\ufeffhttps://a.example/\r\n")
	f.Add("ftp://x\n")
	f.Add("https://[::1]:80/x\n")
	f.Add("http://%zz/\n")
	f.Fuzz(func(t *testing.T, in string) {
		feeds, err := ParseList(strings.NewReader(in))
		if err != nil {
			if feeds != nil {
				t.Errorf("ParseList returned %d feeds with error %v", len(feeds), err)
			}
			return
		}
		if len(feeds) == 0 {
			t.Fatal("ParseList returned no feeds and no error")
		}
		seen := map[string]bool{}
		for _, s := range feeds {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("ParseList accepted %q, which is not an absolute http(s) URL", s)
			}
			if seen[s] {
				t.Errorf("ParseList returned %q twice", s)
			}
			seen[s] = true
			if strings.ContainsAny(s, " \t\r\n") {
				t.Errorf("ParseList returned %q with whitespace", s)
			}
		}
	})
}
