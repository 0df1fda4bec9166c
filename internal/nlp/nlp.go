// Package nlp runs vigil's language analysis on article text: it tokenises
// each sentence, tags it (UPOS, XPOS, lemma, morphology), parses it into
// Universal Dependencies and marks named entities. The models are loaded
// once by New; Annotate is safe for concurrent use.
//
// Subpackages hold what the stages share: conllu reads treebanks,
// perceptron is the classifier, binio the model file records.
package nlp

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/parse"
	"github.com/vigilhq/vigil/internal/tag"
	"github.com/vigilhq/vigil/internal/tokenize"
)

// Annotator holds the loaded models.
type Annotator struct {
	log    *slog.Logger
	tagger *tag.Tagger
	parser *parse.Parser
	ner    *ner.Recognizer
}

// Options select what New loads.
type Options struct {
	// NoNER leaves the entity recogniser out: tokens keep NER "".
	NoNER bool
}

// New loads the embedded tagger, parser and entity recogniser.
func New(log *slog.Logger) (*Annotator, error) {
	return NewWithOptions(log, Options{})
}

// NewWithOptions loads the embedded models that opt asks for.
func NewWithOptions(log *slog.Logger, opt Options) (*Annotator, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	t, err := tag.Load()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	p, err := parse.Load()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	a := &Annotator{log: log, tagger: t, parser: p}
	if !opt.NoNER {
		if a.ner, err = ner.Load(); err != nil {
			return nil, fmt.Errorf("nlp: %w", err)
		}
	}
	log.Debug("nlp models loaded", "took", time.Since(start).Round(time.Millisecond))
	return a, nil
}

// Tagger returns the loaded tagger.
func (a *Annotator) Tagger() *tag.Tagger { return a.tagger }

// Parser returns the loaded parser.
func (a *Annotator) Parser() *parse.Parser { return a.parser }

// Recognizer returns the loaded entity recogniser, nil without one.
func (a *Annotator) Recognizer() *ner.Recognizer { return a.ner }

// Annotate analyses every sentence span of text. Sentence i of the result
// has Index i and the tokens of spans[i]; a span without tokens gives a
// sentence without tokens. Each stage runs over all the sentences before
// the next starts, which keeps one model's tables in the cache at a time.
func (a *Annotator) Annotate(text string, spans []model.Span) []model.Sentence {
	out := make([]model.Sentence, len(spans))
	for i, sp := range spans {
		out[i] = model.Sentence{Index: i, Span: sp, Tokens: tokenize.Tokenize(text, sp)}
	}
	a.AnalyzeBatch(out)
	return out
}

// AnalyzeBatch tags, parses and labels the entities of tokenised
// sentences, stage by stage. The sentences are one document: a name
// labelled in one of them helps label it in the others
// (ner.Recognizer.RecognizeDocument).
func (a *Annotator) AnalyzeBatch(sents []model.Sentence) {
	for i := range sents {
		a.tagSentence(&sents[i])
	}
	// Entities need tags but no tree, so they come before parsing, whose
	// tags they can mend (see retagDemonyms).
	if a.ner != nil {
		a.ner.RecognizeDocument(sents)
		for i := range sents {
			retagDemonyms(&sents[i])
		}
	}
	for i := range sents {
		a.parseSentence(&sents[i])
	}
}

// tagSentence tags s and mends the tags the model gets wrong in news text.
func (a *Annotator) tagSentence(s *model.Sentence) {
	a.tagger.Tag(s)
	a.tagger.RetagNames(s)
}

// parseSentence parses s, mends the attachments the parser gets wrong, and sets
// the morphology that the tree decides.
func (a *Annotator) parseSentence(s *model.Sentence) {
	a.parser.Parse(s)
	parse.Repair(s)
	tag.RefineMorph(s)
}

// retagDemonyms makes a nationality that qualifies a noun an adjective, as
// the treebank tags it: the tagger took unseen ones for proper nouns
// ("dozens of Malian and Senegalese traders"), and the parser then hung
// the noun elsewhere. A token is retagged when it alone is a NORP entity
// tagged PROPN and a common noun follows it, directly or after other
// such nationalities joined by "and", "or" or commas. A lone NORP in the
// plural that was tagged an adjective becomes a plural proper noun.
func retagDemonyms(s *model.Sentence) {
	toks := s.Tokens
	lone := func(i int) bool {
		return toks[i].NER == "B-NORP" && (i+1 == len(toks) || toks[i+1].NER != "I-NORP")
	}
	for i := range toks {
		if !lone(i) {
			continue
		}
		// "The Palestinians": a plural is a noun, never an adjective
		if w := toks[i].Text; toks[i].UPOS == "ADJ" && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			toks[i].UPOS, toks[i].XPOS = "PROPN", "NNPS"
			continue
		}
		if toks[i].UPOS != "PROPN" {
			continue
		}
		j := i + 1
		for j+1 < len(toks) && (toks[j].Text == "and" || toks[j].Text == "or" || toks[j].Text == ",") && lone(j+1) {
			j += 2
		}
		if j < len(toks) && toks[j].UPOS == "NOUN" {
			toks[i].UPOS, toks[i].XPOS, toks[i].Lemma = "ADJ", "JJ", toks[i].Text
		}
	}
}

// AnalyzeTokens tags, parses and labels the entities of an already
// tokenised sentence.
func (a *Annotator) AnalyzeTokens(s *model.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	a.tagSentence(s)
	if a.ner != nil {
		a.ner.Recognize(s)
		retagDemonyms(s)
	}
	a.parseSentence(s)
}
