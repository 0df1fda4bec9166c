package extraction

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// maxPage caps how much of one (uncompressed) page is read.
const maxPage = 64 << 20

// Page is one gold document: its HTML and the gold body text.
type Page struct {
	ID   string
	URL  string // "" when the data set does not give one
	Gold string
	Path string // gzip'd HTML file
}

// ReadHTML returns the page's uncompressed HTML.
func (p Page) ReadHTML() ([]byte, error) {
	return readGzip(p.Path)
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxPage+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxPage {
		return nil, fmt.Errorf("read %s: page larger than %d bytes", path, maxPage)
	}
	return b, nil
}

// LoadScrapinghub reads ground-truth.json and the list of html/*.html.gz
// pages of the scrapinghub benchmark folder, sorted by id.
func LoadScrapinghub(dir string) ([]Page, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("load scrapinghub: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		return nil, fmt.Errorf("load scrapinghub: ground-truth.json: %w", err)
	}
	pages := make([]Page, 0, len(gt))
	for id, g := range gt {
		pages = append(pages, Page{
			ID:   id,
			URL:  g.URL,
			Gold: g.ArticleBody,
			Path: filepath.Join(dir, "html", id+".html.gz"),
		})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// LoadPredictions reads one extractor's output file of the benchmark: either
// {"output": {id: {"articleBody": …}}} or {id: {"articleBody": …}}.
func LoadPredictions(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load predictions: %w", err)
	}
	var wrapped struct {
		Output map[string]predItem `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		return bodies(wrapped.Output), nil
	}
	var flat map[string]predItem
	if err := json.Unmarshal(b, &flat); err != nil {
		return nil, fmt.Errorf("load predictions %s: %w", filepath.Base(path), err)
	}
	return bodies(flat), nil
}

type predItem struct {
	ArticleBody string `json:"articleBody"`
}

func bodies(m map[string]predItem) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v.ArticleBody
	}
	return out
}

// L3S block labels (the x-nc-selN classes of the gold standard).
const (
	l3sHeadline = 1
	l3sMain     = 2
)

// LoadL3S lists the pages of the L3S GoogleNews folder (input/*.html.gz with
// GoldStandard/*.txt.gz) and reads each gold text: the main-text blocks
// (x-nc-sel2) of the annotated page, without the headline.
func LoadL3S(dir string) ([]Page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "input", "*.html.gz"))
	if err != nil {
		return nil, fmt.Errorf("load l3s: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load l3s: no pages in %s: %w", filepath.Join(dir, "input"), os.ErrNotExist)
	}
	sort.Strings(names)
	pages := make([]Page, 0, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".html.gz")
		raw, err := readGzip(filepath.Join(dir, "GoldStandard", id+".txt.gz"))
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("load l3s: %w", err)
		}
		gold, err := L3SGold(raw, l3sMain)
		if err != nil {
			return nil, fmt.Errorf("load l3s %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, Gold: gold, Path: name})
	}
	return pages, nil
}

// L3SGold returns the text of the blocks labelled with one of labels in an
// L3S annotated page, one block per line. A text belongs to the label of the
// innermost x-nc-selN span around it.
func L3SGold(annotated []byte, labels ...int) (string, error) {
	doc, err := html.Parse(bytes.NewReader(bytes.ToValidUTF8(annotated, []byte("\uFFFD"))))
	if err != nil {
		return "", err
	}
	want := map[int]bool{}
	for _, l := range labels {
		want[l] = true
	}
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			blocks = append(blocks, s)
		}
		cur.Reset()
	}
	var rec func(n *html.Node, label int)
	rec = func(n *html.Node, label int) {
		switch n.Type {
		case html.TextNode:
			if want[label] {
				cur.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "head":
				return
			}
			if l, ok := selLabel(n); ok {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					rec(c, l)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, label)
		}
	}
	rec(doc, 0)
	flush()
	return strings.Join(blocks, "\n"), nil
}

// selLabel returns N for an element with class x-nc-selN.
func selLabel(n *html.Node) (int, bool) {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(a.Val) {
			if len(c) == len("x-nc-sel0") && strings.HasPrefix(c, "x-nc-sel") && c[8] >= '0' && c[8] <= '9' {
				return int(c[8] - '0'), true
			}
		}
	}
	return 0, false
}
