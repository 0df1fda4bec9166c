package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// RetagNames corrects a tagged sentence where the model took a capitalised
// name ending in -ing for a gerund: "Beijing sent 30 aircraft", "Boeing
// said", "Kunming". Such a token becomes a proper noun when its lower-case
// form was never a verb in training and the -ing rule yields no verb the
// training data knows. It runs after Tag and before parsing, and is not
// part of the tags the parser learned from.
func (t *Tagger) RetagNames(s *model.Sentence) {
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		if tok.XPOS != "VBG" || !strings.HasSuffix(tok.Text, "ing") && !strings.HasSuffix(tok.Text, "ING") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(tok.Text); !unicode.IsUpper(r) {
			continue
		}
		low := Lower(tok.Text)
		if t.seenAsVerb(low) || t.lem.baseForm(t.lem.Lemma(low, "VERB", "VBG")) {
			continue
		}
		tok.UPOS, tok.XPOS = "PROPN", "NNP"
		tok.Lemma = t.lem.Lemma(tok.Text, tok.UPOS, tok.XPOS)
		tok.Morph = t.morph.morph(tok.Text, tok.Lemma, tok.UPOS, tok.XPOS)
	}
}

// seenAsVerb reports whether training showed word w as a gerund or
// present participle.
func (t *Tagger) seenAsVerb(w string) bool {
	_, ok := t.lem.words[pair{w, "VBG"}]
	return ok
}
