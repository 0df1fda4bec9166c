package quotes

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Span is a byte range [Start, End) into an article's text.
type Span struct{ Start, End int }

// Attribution is one gold attribution relation of PolNeAR: its content
// (one span per piece of a discontinuous content), cue and source spans.
type Attribution struct {
	ID      string
	Content []Span
	Cue     []Span
	Source  []Span // empty for an attribution with no source
}

// Article is one gold article: its text and the attributions of one
// annotator.
type Article struct {
	Name         string // file name without extension
	Text         string
	Attributions []Attribution
}

// Split is one split folder (train, dev, test, ...) of the data.
type Split struct {
	Name     string
	Articles []Article
}

// LoadSplits reads every split folder found under dir/data (a folder with
// text/ and attributions/ subfolders), in name order. Of an article
// annotated by several annotators only the first annotation file in name
// order is read, so every article counts once.
func LoadSplits(dir string) ([]Split, error) {
	root := filepath.Join(dir, "data")
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("read splits: %w", err)
	}
	var out []Split
	for _, e := range entries {
		sd := filepath.Join(root, e.Name())
		if st, err := os.Stat(sd); err != nil || !st.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(sd, "text")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(sd, "attributions")); err != nil {
			continue
		}
		sp, err := loadSplit(e.Name(), sd)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read splits: no folder with text/ and attributions/ under %s", root)
	}
	return out, nil
}

func loadSplit(name, dir string) (Split, error) {
	sp := Split{Name: name}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return sp, fmt.Errorf("read split %s: %w", name, err)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		// Annotation files are named after the article plus "_" and the
		// annotator's id.
		art := base
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			art = base[:i]
		}
		if seen[art] {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "text", art+".txt"))
		if err != nil {
			continue // an annotation without its text
		}
		seen[art] = true
		if !utf8.Valid(b) {
			return sp, fmt.Errorf("read %s: text is not valid UTF-8", art)
		}
		attrs, err := readAnn(ann, string(b))
		if err != nil {
			return sp, err
		}
		sp.Articles = append(sp.Articles, Article{Name: art, Text: string(b), Attributions: attrs})
	}
	return sp, nil
}

// readAnn reads a brat standoff file: "T" lines give labelled spans in
// character offsets (pieces separated by ";"), "E" lines tie an
// Attribution's Content, Cue and Source together.
func readAnn(path, text string) ([]Attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	defer f.Close()
	byteOf := runeToByte(text)
	spans := map[string][]Span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(fields[0], "T"):
			lab, rng, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, fmt.Errorf("read %s line %d: no span", path, line)
			}
			_ = lab
			var ss []Span
			for _, piece := range strings.Split(rng, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(piece), " ")
				if !ok {
					return nil, fmt.Errorf("read %s line %d: bad span %q", path, line, piece)
				}
				lo, err1 := strconv.Atoi(a)
				hi, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || lo < 0 || hi < lo || hi >= len(byteOf) {
					return nil, fmt.Errorf("read %s line %d: bad span %q", path, line, piece)
				}
				ss = append(ss, Span{byteOf[lo], byteOf[hi]})
			}
			spans[fields[0]] = ss
		case strings.HasPrefix(fields[0], "E"):
			events = append(events, append([]string{fields[0]}, strings.Fields(fields[1])...))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []Attribution
	for _, ev := range events {
		a := Attribution{ID: ev[0]}
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Content":
				a.Content = spans[id]
			case "Cue":
				a.Cue = spans[id]
			case "Source":
				a.Source = spans[id]
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// runeToByte maps each character offset of text (and its end) to a byte
// offset.
func runeToByte(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}
