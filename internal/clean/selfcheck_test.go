package clean

import (
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/shareddata"
)

// The gold article bodies of the extraction benchmarks are clean text, so
// nearly everything the cleaner removes from them is a false positive.
// These tests bound that share. Run with -v to see every removal.

// maxRemovedShare bounds the share of gold characters the cleaner may
// remove (0.3%).
const maxRemovedShare = 0.003

type goldDoc struct {
	name  string
	title string
	paras []string
}

func TestSelfCheckScrapinghub(t *testing.T) {
	path, err := shareddata.Path("eval", "article-extraction-scrapinghub", "ground-truth.json")
	if err != nil {
		t.Skip(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("decode gold: %v", err)
	}
	docs := make([]goldDoc, 0, len(gold))
	for id, g := range gold {
		docs = append(docs, goldDoc{name: id[:12], paras: strings.Split(g.ArticleBody, "\n")})
	}
	checkGold(t, docs)
}

func TestSelfCheckL3S(t *testing.T) {
	dir, err := shareddata.Path("eval", "article-extraction-l3s-googlenews", "GoldStandard")
	if err != nil {
		t.Skip(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt.gz"))
	if err != nil || len(files) == 0 {
		t.Skipf("no gold files in %s", dir)
	}
	if testing.Short() && len(files) > 100 {
		files = files[:100]
	}
	docs := make([]goldDoc, 0, len(files))
	for _, f := range files {
		d, err := readL3S(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		docs = append(docs, d)
	}
	checkGold(t, docs)
}

// checkGold cleans every gold body, logs each removal and fails when the
// removed share of characters exceeds maxRemovedShare.
func checkGold(t *testing.T, docs []goldDoc) {
	t.Helper()
	sort.Slice(docs, func(i, j int) bool { return docs[i].name < docs[j].name })
	var lines, chars, remLines, remChars int
	for _, d := range docs {
		for _, p := range d.paras {
			if s := normalizeSpace(p); s != "" {
				lines++
				chars += utf8.RuneCountInString(s)
			}
		}
		res := Paragraphs(d.title, d.paras)
		for _, r := range res.Removed {
			remLines++
			remChars += utf8.RuneCountInString(r.Text)
			t.Logf("%s %-10s %q", d.name, r.Reason, r.Text)
		}
	}
	if chars == 0 {
		t.Fatal("gold holds no text")
	}
	share := float64(remChars) / float64(chars)
	t.Logf("docs=%d lines=%d chars=%d removed_lines=%d removed_chars=%d removed_share=%.4f%%",
		len(docs), lines, chars, remLines, remChars, 100*share)
	if share > maxRemovedShare {
		t.Errorf("removed %.3f%% of gold characters, want at most %.3f%%", 100*share, 100*maxRemovedShare)
	}
}

// readL3S reads one L3S-GN1 gold page: the headline is the text of the
// x-nc-sel1 spans, the body paragraphs are the x-nc-sel2 spans.
func readL3S(path string) (goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return goldDoc{}, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return goldDoc{}, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return goldDoc{}, err
	}
	d := goldDoc{name: strings.TrimSuffix(filepath.Base(path), ".txt.gz")[:8]}
	title, paras := goldSpans(string(b))
	d.title = strings.Join(strings.Fields(title), " ")
	d.paras = paras
	return d, nil
}

// goldSpans walks the tags of an annotated page and collects the text
// inside x-nc-sel1 (headline) and x-nc-sel2 (body) spans. The body text
// between two block-level tags is one paragraph.
func goldSpans(page string) (title string, paras []string) {
	var stack []int // for every open span: its sel class, or 0
	var cur, head strings.Builder
	inside := func(sel int) bool {
		for _, s := range stack {
			if s == sel {
				return true
			}
		}
		return false
	}
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, html.UnescapeString(s))
		}
		cur.Reset()
	}
	for page != "" {
		lt := strings.IndexByte(page, '<')
		if lt < 0 {
			lt = len(page)
		}
		text := page[:lt]
		switch {
		case inside(2):
			cur.WriteString(text)
		case inside(1):
			head.WriteString(text)
		}
		page = page[lt:]
		if page == "" {
			break
		}
		gt := strings.IndexByte(page, '>')
		if gt < 0 {
			break
		}
		tag := strings.ToLower(page[1:gt])
		page = page[gt+1:]
		name := strings.TrimLeft(strings.Fields(tag + " x")[0], "/")
		switch {
		case name == "script" || name == "style":
			if !strings.HasPrefix(tag, "/") {
				if end := strings.Index(strings.ToLower(page), "</"+name); end >= 0 {
					page = page[end:]
				}
			}
		case name == "span" && strings.HasPrefix(tag, "/"):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case name == "span":
			sel := 0
			if i := strings.Index(tag, "x-nc-sel"); i >= 0 && i+8 < len(tag) {
				sel = int(tag[i+8] - '0')
			}
			stack = append(stack, sel)
		case blockTags[name]:
			flush()
		default:
			if inside(2) {
				cur.WriteByte(' ')
			}
		}
	}
	flush()
	return html.UnescapeString(head.String()), paras
}

var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "td": true, "tr": true,
	"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "dd": true, "dt": true, "hr": true, "section": true, "article": true,
}
