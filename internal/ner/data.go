package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/meantime"
)

// sample is one training or test sentence with gold spans in our types.
type sample struct {
	id    string
	src   string // "uner", "re3d" or "meantime"
	toks  []model.Token
	spans []Mention
}

// goldSent is a sentence with its source's own BIO labels.
type goldSent struct {
	id    string
	doc   string // document id ("# newdoc id"), when the source has them
	words []string
	tags  []string
}

func tokensOf(words []string) []model.Token {
	toks := make([]model.Token, len(words))
	off := 0
	for i, w := range words {
		toks[i] = model.Token{Text: w, Start: off, End: off + len(w), Head: -1}
		off += len(w) + 1
	}
	return toks
}

// readIOB2 reads a UNER file: "# sent_id = …" comments, then lines of
// index, word, BIO tag, and extra columns; a blank line ends a sentence.
func readIOB2(path string) ([]goldSent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read iob2: %w", err)
	}
	defer f.Close()
	var out []goldSent
	cur := goldSent{}
	doc := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "# newdoc id"):
			if _, v, ok := strings.Cut(s, "="); ok {
				doc = strings.TrimSpace(v)
				cur.doc = doc
			}
		case strings.HasPrefix(s, "# sent_id"):
			if _, v, ok := strings.Cut(s, "="); ok {
				cur.id = strings.TrimSpace(v)
			}
		case strings.HasPrefix(s, "#"):
		case strings.TrimSpace(s) == "":
			if len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur = goldSent{doc: doc}
		default:
			cols := strings.Split(s, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("read iob2 %s:%d: want at least 3 columns, got %d", path, line, len(cols))
			}
			cur.words = append(cur.words, cols[1])
			cur.tags = append(cur.tags, cols[2])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read iob2 %s: %w", path, err)
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// readCoNLL reads "word tag" lines (re3d). Sentences end at blank lines;
// the re3d copy has none, so sentences are also cut after ".", "?" or "!"
// when the next word starts with a capital letter or a quote.
func readCoNLL(path string) ([]goldSent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	defer f.Close()
	var words, tags []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []goldSent
	flush := func() {
		if len(words) > 0 {
			out = append(out, goldSent{id: fmt.Sprintf("%s#%d", filepath.Base(path), len(out)), words: words, tags: tags})
		}
		words, tags = nil, nil
	}
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) < 2 {
			flush()
			continue
		}
		words = append(words, cols[0])
		tags = append(tags, cols[len(cols)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll %s: %w", path, err)
	}
	flush()
	var split []goldSent
	for _, g := range out {
		start := 0
		for i := range g.words {
			end := i+1 == len(g.words)
			if !end && isSentenceEnd(g.words[i]) && g.tags[i+1][0] != 'I' && startsSentence(g.words[i+1]) {
				end = true
			}
			if end {
				split = append(split, goldSent{
					id:    fmt.Sprintf("%s.%d", g.id, len(split)),
					words: g.words[start : i+1],
					tags:  g.tags[start : i+1],
				})
				start = i + 1
			}
		}
	}
	return split, nil
}

func isSentenceEnd(w string) bool { return w == "." || w == "?" || w == "!" }

func startsSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || r == '"' || r == '\'' || r == '“' || r == '‘'
}

// posTags holds the words and gold part-of-speech tags of a CoNLL-U
// sentence.
type posTags struct {
	words, upos, xpos []string
	head              []int // index of the head word, -1 for the root
	rel               []string
}

// readCoNLLU reads words and UPOS/XPOS of every sentence, keyed by
// sent_id, in file order. Multi-word token lines and empty nodes are
// skipped.
func readCoNLLU(path string) ([]string, map[string]posTags, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read conllu: %w", err)
	}
	defer f.Close()
	out := make(map[string]posTags)
	var ids []string
	var id string
	var cur posTags
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "# sent_id"):
			if _, v, ok := strings.Cut(s, "="); ok {
				id = strings.TrimSpace(v)
			}
		case strings.HasPrefix(s, "#"):
		case s == "":
			if len(cur.words) > 0 {
				if id == "" {
					id = strconv.Itoa(len(ids))
				}
				out[id] = cur
				ids = append(ids, id)
			}
			id, cur = "", posTags{}
		default:
			cols := strings.Split(s, "\t")
			if len(cols) < 5 || strings.ContainsAny(cols[0], "-.") {
				continue
			}
			cur.words = append(cur.words, cols[1])
			cur.upos = append(cur.upos, cols[3])
			cur.xpos = append(cur.xpos, cols[4])
			head, rel := -1, ""
			if len(cols) >= 8 {
				if h, err := strconv.Atoi(cols[6]); err == nil {
					head = h - 1
				}
				rel = cols[7]
			}
			cur.head = append(cur.head, head)
			cur.rel = append(cur.rel, rel)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read conllu %s: %w", path, err)
	}
	if len(cur.words) > 0 {
		if id == "" {
			id = strconv.Itoa(len(ids))
		}
		out[id] = cur
		ids = append(ids, id)
	}
	return ids, out, nil
}

// meantimeMention is a named mention in a MEANTIME sentence, with the
// source type (PER, ORG, LOC, …) and syntactic type.
type meantimeMention struct {
	start, end int
	typ        string
	syntax     string
}

type meantimeSent struct {
	id       string
	words    []string
	mentions []meantimeMention
}

// readMeantime reads every document of the given topic folders (e.g.
// "corpus_airbus") under dir.
func readMeantime(dir string, topics []string) ([]meantimeSent, error) {
	var out []meantimeSent
	for _, topic := range topics {
		files, err := filepath.Glob(filepath.Join(dir, topic, "*.xml"))
		if err != nil {
			return nil, fmt.Errorf("read meantime: %w", err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("read meantime: no documents in %s", filepath.Join(dir, topic))
		}
		sort.Strings(files)
		for _, f := range files {
			sents, err := readMeantimeDoc(f)
			if err != nil {
				return nil, err
			}
			out = append(out, sents...)
		}
	}
	return out, nil
}

func readMeantimeDoc(path string) ([]meantimeSent, error) {
	doc, err := meantime.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type pos struct{ sent, idx int }
	where := make(map[string]pos, len(doc.Tokens))
	var sents []meantimeSent
	sentIndex := make(map[int]int)
	base := strings.TrimSuffix(filepath.Base(path), ".xml")
	for _, t := range doc.Tokens {
		si, ok := sentIndex[t.Sentence]
		if !ok {
			si = len(sents)
			sentIndex[t.Sentence] = si
			sents = append(sents, meantimeSent{id: fmt.Sprintf("%s#%d", base, t.Sentence)})
		}
		where[t.ID] = pos{si, len(sents[si].words)}
		sents[si].words = append(sents[si].words, strings.TrimSpace(t.Text))
	}
	entType := make(map[string]string)
	for _, e := range doc.Markables.Entities {
		entType[e.ID] = e.Type
	}
	mentionType := make(map[string]string)
	for _, r := range doc.Relations.RefersTo {
		typ := entType[r.Target.ID]
		for _, s := range r.Sources {
			mentionType[s.ID] = typ
		}
	}
	for _, m := range doc.Markables.Mentions {
		if len(m.Anchors) == 0 {
			continue
		}
		first, ok1 := where[m.Anchors[0].ID]
		last, ok2 := where[m.Anchors[len(m.Anchors)-1].ID]
		if !ok1 || !ok2 || first.sent != last.sent || last.idx < first.idx {
			continue
		}
		sents[first.sent].mentions = append(sents[first.sent].mentions, meantimeMention{
			start: first.idx, end: last.idx + 1, typ: mentionType[m.ID], syntax: m.Syntax,
		})
	}
	for i := range sents {
		for j, w := range sents[i].words {
			if w == "" {
				sents[i].words[j] = "_"
			}
		}
	}
	return sents, nil
}

// docRanges splits gold[lo:hi] into runs of sentences of one document;
// each run is [start, end) in gold's indexes.
func docRanges(gold []goldSent, lo, hi int) [][2]int {
	var out [][2]int
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && gold[j].doc == gold[i].doc && gold[j].doc != "" {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}
