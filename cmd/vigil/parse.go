package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

// maxParseInput caps what vigil parse reads: it is a tool for looking at
// sentences, not for corpora.
const maxParseInput = 4 << 20

func runParse(ctx context.Context, args []string, s stdio) error {
	fs := newFlagSet("parse", s)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "Usage: vigil parse [FILE|-]")
		fmt.Fprintln(s.err, "\nSplits plain text into sentences and prints each one's tokens, tags, lemmas, morphology,")
		fmt.Fprintln(s.err, "dependency tree and entity tags in CoNLL-U, as the later stages see them. The entity tag")
		fmt.Fprintln(s.err, "is in the last column as NER=B-GPE. With no FILE, or FILE '-', reads standard input.")
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: one FILE at most, got %d", errUsage, len(pos))
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	data, err := readInput(name, s.in, maxParseInput)
	if err != nil {
		return err
	}
	a, err := nlp.New(newLogger(s.err, false))
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	text := strings.ToValidUTF8(string(data), "\uFFFD")
	sents := a.Annotate(text, segment.Split(text))
	w := bufio.NewWriter(s.out)
	for i := range sents {
		writeCoNLLU(w, text, &sents[i])
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write conllu: %w", err)
	}
	return nil
}

// writeCoNLLU writes one analysed sentence in CoNLL-U, with its text, its
// byte span and, per token, the entity tag and SpaceAfter in MISC.
func writeCoNLLU(w io.Writer, text string, s *model.Sentence) {
	fmt.Fprintf(w, "# sent_id = %d\n# text = %s\n# span = %d-%d\n", s.Index+1,
		strings.ReplaceAll(text[s.Span.Start:s.Span.End], "\n", " "), s.Span.Start, s.Span.End)
	for i, t := range s.Tokens {
		misc := []string{}
		if t.NER != "" && t.NER != "O" {
			misc = append(misc, "NER="+t.NER)
		}
		if i+1 < len(s.Tokens) && s.Tokens[i+1].Start == t.End {
			misc = append(misc, "SpaceAfter=No")
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", i+1, orUnderscore(t.Text), orUnderscore(t.Lemma),
			orUnderscore(t.UPOS), orUnderscore(t.XPOS), feats(t.Morph), t.Head+1, orUnderscore(t.Rel), orUnderscore(strings.Join(misc, "|")))
	}
	fmt.Fprintln(w)
}

// feats writes the morphology as UD features in alphabetical order.
func feats(m model.Morph) string {
	var fs []string
	for _, f := range []struct{ name, value string }{
		{"Mood", m.Mood}, {"Number", m.Number}, {"Person", m.Person}, {"Tense", m.Tense}, {"VerbForm", m.VerbForm},
	} {
		if f.value != "" {
			fs = append(fs, f.name+"="+f.value)
		}
	}
	return orUnderscore(strings.Join(fs, "|"))
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
