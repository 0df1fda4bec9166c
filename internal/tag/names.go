package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// RetagNames corrects tags the model gets wrong in news text. It runs after
// Tag and before parsing, and is not part of the tags the parser learned
// from:
//   - a capitalised name in -ing is a proper noun, not a gerund ("Beijing
//     sent 30 aircraft", "Boeing said"), when its lower-case form was never
//     a verb in training and the -ing rule yields no verb training knows;
//     verb or not, when "and" joins it to a following name ("Planning and
//     Investment Minister Tran Xuan Gia said");
//   - a capitalised hyphenated word that training knows only as a noun, or
//     never saw and whose last part it knows only as a noun, is a proper
//     noun ("Vice-President" had come out as a verb or punctuation);
//   - a plural noun between a name and a possessive is a verb when its
//     stem is a verb training knows ("Israel strikes its nuclear sites");
//   - a bracket is always punctuation (a brace had been tagged a verb and
//     made the root of its sentence);
//   - a reported clause before a closing attribution gets its missing
//     finite verb back (see repairReportedFinite).
func (t *Tagger) RetagNames(s *model.Sentence) {
	t.repairReportedFinite(s)
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		switch x := bracketTag(tok.Text); {
		case x != "" && tok.XPOS != x:
			tok.UPOS, tok.XPOS, tok.Lemma = "PUNCT", x, tok.Text
			tok.Morph = model.Morph{}
		case t.verbBeforePossessive(s.Tokens, i):
			t.retag(tok, "VERB", "VBZ", Lower(tok.Text))
		case tok.UPOS != "PROPN" && tok.UPOS != "NOUN" && t.hyphenatedTitle(tok.Text):
			t.retag(tok, "PROPN", "NNP", tok.Text)
		case t.nameInIng(s.Tokens, i):
			t.retag(tok, "PROPN", "NNP", tok.Text)
		}
	}
}

// retag gives tok the tags upos and xpos, with the lemma of lemmaForm and
// the morphology that go with them.
func (t *Tagger) retag(tok *model.Token, upos, xpos, lemmaForm string) {
	tok.UPOS, tok.XPOS = upos, xpos
	tok.Lemma = t.lem.Lemma(lemmaForm, upos, xpos)
	tok.Morph = t.morph.morph(tok.Text, tok.Lemma, upos, xpos)
}

// nameInIng reports whether token i, a capitalised gerund, is a name (see
// RetagNames).
func (t *Tagger) nameInIng(toks []model.Token, i int) bool {
	w := toks[i].Text
	if toks[i].XPOS != "VBG" || !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ING") || !capitalised(w) {
		return false
	}
	low := Lower(w)
	return nameBeforeAnd(toks, i) || !t.seenAsVerb(low) && !t.lem.baseForm(t.lem.Lemma(low, "VERB", "VBG"))
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// seenAsVerb reports whether training showed word w as a gerund or
// present participle.
func (t *Tagger) seenAsVerb(w string) bool {
	_, ok := t.lem.words[pair{w, "VBG"}]
	return ok
}

// hyphenatedTitle reports whether w is a hyphenated word whose parts are
// capitalised and which training showed only as a noun, or, unseen, whose
// last part training showed only as a noun.
func (t *Tagger) hyphenatedTitle(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || k == len(w)-1 {
		return false
	}
	for _, part := range strings.Split(w, "-") {
		if !capitalised(part) {
			return false
		}
	}
	if noun, seen := t.onlyNoun(Lower(w)); seen {
		return noun
	}
	noun, _ := t.onlyNoun(Lower(w[k+1:]))
	return noun
}

// onlyNoun reports whether training showed the lower-case word w only as
// a noun, and whether it showed it at all.
func (t *Tagger) onlyNoun(w string) (noun, seen bool) {
	noun = true
	for _, x := range t.xpos {
		if _, ok := t.lem.words[pair{w, x}]; ok {
			seen = true
			noun = noun && strings.HasPrefix(x, "NN")
		}
	}
	return noun && seen, seen
}

// possessives are the possessive determiners.
var possessives = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true}

// verbBeforePossessive reports whether token i is a lower-case plural noun
// right after a proper noun and right before a possessive determiner, whose
// stem (without -s or -es) training knows as a verb's base form. A noun is
// hardly ever followed by a possessive; a verb with its object often is.
func (t *Tagger) verbBeforePossessive(toks []model.Token, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i].XPOS != "NNS" || toks[i-1].UPOS != "PROPN" || !possessives[Lower(toks[i+1].Text)] {
		return false
	}
	w := toks[i].Text
	if w != Lower(w) || !strings.HasSuffix(w, "s") {
		return false
	}
	return t.lem.baseForm(w[:len(w)-1]) || strings.HasSuffix(w, "es") && t.lem.baseForm(w[:len(w)-2])
}

// bracketTag returns the treebank tag of a bracket token, or "".
func bracketTag(w string) string {
	switch w {
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	}
	return ""
}

// repairReportedFinite gives a reported clause followed by an attribution
// ("Guerrillas wounded two soldiers in an attack, police said.") the
// finite verb the tagger missed: when the words before the attribution's
// comma have no finite verb or auxiliary, the first -ed word (of six
// letters or more) after a noun that is tagged a participle or adjective
// and which a number, a determiner or a possessive follows becomes a past
// tense.
// The sentence-wide repair inside Tag cannot see such a clause, since the
// attribution's own verb is finite.
func (t *Tagger) repairReportedFinite(s *model.Sentence) {
	toks := s.Tokens
	n := len(toks)
	if n < 7 || toks[n-1].Text != "." {
		return
	}
	end := -1
	for c := n - 2; c >= n-8 && c > 3; c-- {
		if toks[c].Text == "," {
			end = c
			break
		}
	}
	if end < 0 {
		return
	}
	reported := false
	for _, tk := range toks[end+1 : n-1] {
		switch Lower(tk.Text) {
		case "said", "says", "told", "reported", "added", "claimed":
			reported = true
		}
	}
	if !reported {
		return
	}
	for _, tk := range toks[:end] {
		switch tk.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i+1 < end; i++ {
		tk := &toks[i]
		w := Lower(tk.Text)
		if tk.XPOS != "VBN" && tk.XPOS != "JJ" || !strings.HasSuffix(w, "ed") || len(w) < 6 {
			continue
		}
		switch toks[i-1].XPOS {
		case "NN", "NNS", "NNP", "NNPS":
		default:
			continue
		}
		if x := toks[i+1].XPOS; x != "CD" && x != "DT" && x != "PRP$" {
			continue
		}
		t.retag(tk, "VERB", "VBD", w)
		return
	}
}

// nameBeforeAnd reports whether token i is followed by "and" and a
// capitalised proper noun.
func nameBeforeAnd(toks []model.Token, i int) bool {
	return i+2 < len(toks) && toks[i+1].Text == "and" && toks[i+2].UPOS == "PROPN" && capitalised(toks[i+2].Text)
}
