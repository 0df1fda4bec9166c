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
		a.tagger.Tag(&sents[i])
		a.tagger.RetagNames(&sents[i])
	}
	for i := range sents {
		a.parser.Parse(&sents[i])
		tag.RefineMorph(&sents[i])
	}
	if a.ner != nil {
		a.ner.RecognizeDocument(sents)
	}
}

// AnalyzeTokens tags, parses and labels the entities of an already
// tokenised sentence.
func (a *Annotator) AnalyzeTokens(s *model.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	a.tagger.Tag(s)
	a.tagger.RetagNames(s)
	a.parser.Parse(s)
	tag.RefineMorph(s)
	if a.ner != nil {
		a.ner.Recognize(s)
	}
}
