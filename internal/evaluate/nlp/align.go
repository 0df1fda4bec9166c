package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
)

// goldSpans returns the byte span of every word of cs inside text, where
// text holds the sentence at offset base. Words of a multiword token get
// their own part of the token when the words spell it ("do"+"n't" =
// "don't"), otherwise all of it. ok is false when the words cannot be
// found in the text.
func goldSpans(cs *conllu.Sentence, text string, base int) (spans []model.Span, ok bool) {
	spans = make([]model.Span, len(cs.Words))
	pos := base
	for _, tok := range cs.Tokens() {
		for pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += size
		}
		if !strings.HasPrefix(text[pos:], tok.Form) {
			return nil, false
		}
		start, end := pos, pos+len(tok.Form)
		pos = end
		if tok.First == tok.Last {
			spans[tok.First] = model.Span{Start: start, End: end}
			continue
		}
		var b strings.Builder
		for i := tok.First; i <= tok.Last; i++ {
			b.WriteString(cs.Words[i].Form)
		}
		if b.String() == tok.Form {
			off := start
			for i := tok.First; i <= tok.Last; i++ {
				spans[i] = model.Span{Start: off, End: off + len(cs.Words[i].Form)}
				off += len(cs.Words[i].Form)
			}
			continue
		}
		for i := tok.First; i <= tok.Last; i++ {
			spans[i] = model.Span{Start: start, End: end}
		}
	}
	return spans, true
}
