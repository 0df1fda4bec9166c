// Package quantities finds counted amounts in parsed sentences ("more than
// 14,000 people have been killed", "around 200 military vehicles"), with the
// counted noun and what happened to it (killed, deployed, ...).
package quantities

import "github.com/vigilhq/vigil/internal/model"

// Found is one quantity with where it sits in the text, for linking it to
// the event of its clause.
type Found struct {
	model.Quantity
	Start, End int // byte offsets of Text into the article text
	Head       int // token index of the counted noun in its sentence, -1 when none
}

// Find returns the quantities of the parsed sentences of text.
func Find(text string, sents []model.Sentence) []Found {
	_, _ = text, sents
	return nil
}
