// Package conllu reads treebanks in the CoNLL-U format (Universal
// Dependencies) for training and scoring the tagger and the parser.
//
// Empty nodes (decimal ids such as "8.1", used by enhanced dependencies) are
// skipped. Multiword tokens ("3-4 don't") are kept beside the words so that
// raw-text scoring can align surface tokens with syntactic words.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence.
type Word struct {
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string // "Number=Sing|Person=3" or "" for "_"
	Head   int    // 0-based index of the head word, -1 for the root
	Deprel string
	// SpaceAfter is false when the word is followed directly by the next
	// one in the text (MISC SpaceAfter=No), for words outside multiword
	// tokens. Inside a multiword token it is false except on the last word,
	// which carries the token's SpaceAfter.
	SpaceAfter bool
	// Misc is written into the MISC column before SpaceAfter ("NER=B-GPE");
	// Read leaves it empty.
	Misc string
}

// MultiWord is a surface token made of several syntactic words, such as
// "don't" = "do" + "n't".
type MultiWord struct {
	First, Last int // 0-based word indexes, inclusive
	Form        string
	SpaceAfter  bool
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	ID    string
	Text  string // the "# text =" comment, "" when absent
	Words []Word
	Multi []MultiWord
	// NewDoc and NewPar report "# newdoc" and "# newpar" comments before
	// the sentence.
	NewDoc, NewPar bool
	// Comments are written after the text comment, each as "# " + c;
	// Read leaves them empty.
	Comments []string
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	defer f.Close()
	sents, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("read conllu %s: %w", path, err)
	}
	return sents, nil
}

// Read reads every sentence from r.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() error {
		if len(cur.Words) == 0 {
			cur = Sentence{NewDoc: cur.NewDoc, NewPar: cur.NewPar}
			return nil
		}
		for i := range cur.Words {
			if h := cur.Words[i].Head; h < -1 || h >= len(cur.Words) {
				return fmt.Errorf("sentence %q: word %d has head %d out of range", cur.ID, i+1, h+1)
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(l, "#") {
			c := strings.TrimSpace(l[1:])
			switch {
			case strings.HasPrefix(c, "sent_id"):
				cur.ID = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(c, "sent_id")), "="))
			case strings.HasPrefix(c, "text ="), strings.HasPrefix(c, "text="):
				cur.Text = strings.TrimSpace(c[strings.IndexByte(c, '=')+1:])
			case strings.HasPrefix(c, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(c, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		id := cols[0]
		if strings.IndexByte(id, '.') >= 0 {
			continue // empty node
		}
		spaceAfter := !strings.Contains(cols[9], "SpaceAfter=No")
		if dash := strings.IndexByte(id, '-'); dash >= 0 {
			a, err1 := strconv.Atoi(id[:dash])
			b, err2 := strconv.Atoi(id[dash+1:])
			if err1 != nil || err2 != nil || b < a {
				return nil, fmt.Errorf("line %d: bad range id %q", line, id)
			}
			cur.Multi = append(cur.Multi, MultiWord{First: a - 1, Last: b - 1, Form: cols[1], SpaceAfter: spaceAfter})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("line %d: bad word id %q", line, id)
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil {
				return nil, fmt.Errorf("line %d: bad head %q", line, cols[6])
			}
			head = h - 1
		}
		feats := cols[5]
		if feats == "_" {
			feats = ""
		}
		w := Word{
			Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: feats,
			Head: head, Deprel: cols[7], SpaceAfter: spaceAfter,
		}
		cur.Words = append(cur.Words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	// Words inside a multiword token: only the last one carries the
	// token's SpaceAfter.
	for si := range out {
		s := &out[si]
		for _, m := range s.Multi {
			for i := m.First; i <= m.Last && i < len(s.Words); i++ {
				s.Words[i].SpaceAfter = i == m.Last && m.SpaceAfter
			}
		}
	}
	return out, nil
}

// Feat returns the value of feature name in a "A=x|B=y" string, or "".
func Feat(feats, name string) string {
	for feats != "" {
		var kv string
		if i := strings.IndexByte(feats, '|'); i >= 0 {
			kv, feats = feats[:i], feats[i+1:]
		} else {
			kv, feats = feats, ""
		}
		if len(kv) > len(name) && kv[len(name)] == '=' && kv[:len(name)] == name {
			return kv[len(name)+1:]
		}
	}
	return ""
}

// Token is a surface token of a sentence: a word outside any multiword
// token, or a whole multiword token.
type Token struct {
	Form        string
	First, Last int // word indexes covered, inclusive
	SpaceAfter  bool
}

// Tokens lists the sentence's surface tokens in order.
func (s *Sentence) Tokens() []Token {
	var out []Token
	mi := 0
	for i := 0; i < len(s.Words); {
		for mi < len(s.Multi) && s.Multi[mi].First < i {
			mi++
		}
		if mi < len(s.Multi) && s.Multi[mi].First == i {
			m := s.Multi[mi]
			last := m.Last
			if last >= len(s.Words) {
				last = len(s.Words) - 1
			}
			out = append(out, Token{Form: m.Form, First: i, Last: last, SpaceAfter: m.SpaceAfter})
			i = last + 1
			continue
		}
		out = append(out, Token{Form: s.Words[i].Form, First: i, Last: i, SpaceAfter: s.Words[i].SpaceAfter})
		i++
	}
	return out
}

// Write writes sents in CoNLL-U. Enhanced dependencies are not kept; lemma,
// tags and features are written as they are, "_" when empty.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	or := func(s string) string {
		if s == "" {
			return "_"
		}
		return s
	}
	for _, s := range sents {
		if s.NewDoc {
			bw.WriteString("# newdoc\n")
		}
		if s.NewPar {
			bw.WriteString("# newpar\n")
		}
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		for _, c := range s.Comments {
			fmt.Fprintf(bw, "# %s\n", c)
		}
		mi := 0
		for i, wd := range s.Words {
			if mi < len(s.Multi) && s.Multi[mi].First == i {
				m := s.Multi[mi]
				misc := "_"
				if !m.SpaceAfter {
					misc = "SpaceAfter=No"
				}
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First+1, m.Last+1, m.Form, misc)
				mi++
			}
			misc := "_"
			inMulti := false
			for _, m := range s.Multi {
				if i >= m.First && i <= m.Last {
					inMulti = true
				}
			}
			switch {
			case wd.Misc != "" && !wd.SpaceAfter && !inMulti:
				misc = wd.Misc + "|SpaceAfter=No"
			case wd.Misc != "":
				misc = wd.Misc
			case !wd.SpaceAfter && !inMulti:
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", i+1, wd.Form, or(wd.Lemma), or(wd.UPOS), or(wd.XPOS), or(wd.Feats), wd.Head+1, or(wd.Deprel), misc)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
