// Package events codes who did what to whom: it reads each parsed sentence,
// finds event triggers from a verb and noun lexicon, takes their source and
// target from the parse, decides their modality (asserted, negated,
// hypothetical, intended, reported) and gives each its CAMEO and PLOVER
// codes. Events are then dated, placed and counted from the time
// expressions, places and quantities of their own clause.
package events

import (
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/quantities"
	"github.com/vigilhq/vigil/internal/timex"
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
}

// Coder codes events. It holds only read-only tables and is safe for
// concurrent use.
type Coder struct {
	kb *actors.KB
}

// New returns a coder that resolves actors with kb.
func New(kb *actors.KB) (*Coder, error) { return &Coder{kb: kb}, nil }

// Code returns the events of one article.
func (c *Coder) Code(in Input) []model.Event {
	_ = in
	return nil
}
