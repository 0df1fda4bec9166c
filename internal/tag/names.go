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
//
// Likewise a capitalised hyphenated word that training knows only as a
// noun, or never saw and whose last part it knows only as a noun, is a
// proper noun: a title such as "Vice-President" had come out as a verb or
// a punctuation mark at the start of a sentence. And a plural noun between
// a name and a possessive ("Israel strikes its nuclear sites") is a verb
// when its stem is a verb training knows. A bracket is always punctuation
// (a brace had been tagged a verb and made the root of its sentence). A
// reported clause before a closing attribution gets its missing finite verb
// back (see repairReportedFinite). A capitalised -ing word joined by "and"
// to a following name is part of that name, verb or not ("Planning and
// Investment Minister Tran Xuan Gia said" had Planning as a clause).
func (t *Tagger) RetagNames(s *model.Sentence) {
	t.repairReportedFinite(s)
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		if x := bracketTag(tok.Text); x != "" && tok.XPOS != x {
			tok.UPOS, tok.XPOS, tok.Lemma = "PUNCT", x, tok.Text
			tok.Morph = model.Morph{}
			continue
		}
		if t.verbBeforePossessive(s.Tokens, i) {
			tok.UPOS, tok.XPOS = "VERB", "VBZ"
			tok.Lemma = t.lem.Lemma(Lower(tok.Text), tok.UPOS, tok.XPOS)
			tok.Morph = t.morph.morph(tok.Text, tok.Lemma, tok.UPOS, tok.XPOS)
			continue
		}
		if tok.UPOS != "PROPN" && tok.UPOS != "NOUN" && t.hyphenatedTitle(tok.Text) {
			tok.UPOS, tok.XPOS = "PROPN", "NNP"
			tok.Lemma = t.lem.Lemma(tok.Text, tok.UPOS, tok.XPOS)
			tok.Morph = t.morph.morph(tok.Text, tok.Lemma, tok.UPOS, tok.XPOS)
			continue
		}
		if tok.XPOS != "VBG" || !strings.HasSuffix(tok.Text, "ing") && !strings.HasSuffix(tok.Text, "ING") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(tok.Text); !unicode.IsUpper(r) {
			continue
		}
		low := Lower(tok.Text)
		if (t.seenAsVerb(low) || t.lem.baseForm(t.lem.Lemma(low, "VERB", "VBG"))) && !nameBeforeAnd(s.Tokens, i) {
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

// hyphenatedTitle reports whether w is a hyphenated word whose parts are
// capitalised and which training showed only as a noun, or, unseen, whose
// last part training showed only as a noun.
func (t *Tagger) hyphenatedTitle(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || k == len(w)-1 {
		return false
	}
	for _, part := range strings.Split(w, "-") {
		if r, _ := utf8.DecodeRuneInString(part); !unicode.IsUpper(r) {
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
		tk.UPOS, tk.XPOS = "VERB", "VBD"
		tk.Lemma = t.lem.Lemma(w, tk.UPOS, tk.XPOS)
		tk.Morph = t.morph.morph(tk.Text, tk.Lemma, tk.UPOS, tk.XPOS)
		return
	}
}

// nameBeforeAnd reports whether token i is followed by "and" and a
// capitalised proper noun.
func nameBeforeAnd(toks []model.Token, i int) bool {
	if i+2 >= len(toks) || toks[i+1].Text != "and" || toks[i+2].UPOS != "PROPN" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i+2].Text)
	return unicode.IsUpper(r)
}
