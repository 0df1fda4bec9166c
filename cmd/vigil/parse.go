package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/tag"
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
	out := make([]conllu.Sentence, len(sents))
	for i := range sents {
		out[i] = toCoNLLU(text, &sents[i])
	}
	if err := conllu.Write(s.out, out); err != nil {
		return fmt.Errorf("write conllu: %w", err)
	}
	return nil
}

// toCoNLLU turns one analysed sentence into CoNLL-U, with its text, its
// byte span and, per token, the entity tag in MISC.
func toCoNLLU(text string, s *model.Sentence) conllu.Sentence {
	cs := conllu.Sentence{
		ID:       strconv.Itoa(s.Index + 1),
		Text:     strings.ReplaceAll(text[s.Span.Start:s.Span.End], "\n", " "),
		Comments: []string{fmt.Sprintf("span = %d-%d", s.Span.Start, s.Span.End)},
		Words:    make([]conllu.Word, len(s.Tokens)),
	}
	for i, t := range s.Tokens {
		w := conllu.Word{Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: tag.FeatsOf(t.Morph),
			Head: t.Head, Deprel: t.Rel, SpaceAfter: i+1 == len(s.Tokens) || s.Tokens[i+1].Start != t.End}
		if t.NER != "" && t.NER != "O" {
			w.Misc = "NER=" + t.NER
		}
		cs.Words[i] = w
	}
	return cs
}
