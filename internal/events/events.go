// Package events codes who did what to whom: it reads each parsed sentence,
// finds event triggers from a verb and noun lexicon, takes their source and
// target from the parse, decides their modality (asserted, negated,
// hypothetical, intended, reported) and gives each its CAMEO and PLOVER
// codes. Events are then dated, placed and counted from the time
// expressions, places and quantities of their own clause.
package events

import (
	"fmt"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/codebook"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/quantities"
	"github.com/vigilhq/vigil/internal/timex"
)

// Limits that keep the output bounded whatever the input.
const (
	MaxEventsPerSentence = 12  // events kept per sentence
	MaxConjuncts         = 4   // conjoined sources (or targets) expanded per trigger
	MaxSentenceTokens    = 200 // longer "sentences" (lists, tables) are not coded
	MaxEventsPerArticle  = 2000
)

// Input is everything the coder reads about one article.
type Input struct {
	Text       string
	Published  time.Time // zero when unknown
	Sentences  []model.Sentence
	Entities   []model.Entity // with names and actors filled by coref
	Chains     *coref.Chains  // may be nil
	Times      []timex.Found  // every time expression of the article, in text order
	Quantities []quantities.Found
	Places     []places.Found
	// Quotes are the article's quotations; "I" and "we" inside a direct
	// one are its speaker.
	Quotes []model.Quote
}

// Coder codes events. It holds only read-only tables and is safe for
// concurrent use.
type Coder struct {
	kb   *actors.KB
	book *codebook.Book
	lex  *lexicon
}

// New returns a coder that resolves actors with kb (which may be nil: actors
// then come only from the entities' codes).
func New(kb *actors.KB) (*Coder, error) {
	book, err := codebook.Load()
	if err != nil {
		return nil, fmt.Errorf("new event coder: %w", err)
	}
	lx, err := parseLexicon(lexiconTSV, book)
	if err != nil {
		return nil, fmt.Errorf("new event coder: %w", err)
	}
	return &Coder{kb: kb, book: book, lex: lx}, nil
}

// Book returns the coder's CAMEO code table.
func (c *Coder) Book() *codebook.Book { return c.book }

// LexiconSize returns the number of lexicon lines.
func (c *Coder) LexiconSize() int { return c.lex.size }

// Code returns the events of one article.
func (c *Coder) Code(in Input) []model.Event {
	var out []model.Event
	art := newArticle(c, &in)
	for si := range in.Sentences {
		s := &in.Sentences[si]
		if len(s.Tokens) == 0 || len(s.Tokens) > MaxSentenceTokens {
			continue
		}
		evs := art.codeSentence(s)
		if len(evs) > MaxEventsPerSentence {
			evs = evs[:MaxEventsPerSentence]
		}
		out = append(out, evs...)
		if len(out) >= MaxEventsPerArticle {
			out = out[:MaxEventsPerArticle]
			break
		}
	}
	return out
}
