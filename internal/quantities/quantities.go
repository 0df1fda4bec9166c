// Package quantities finds counted amounts in parsed sentences ("more than
// 14,000 people have been killed", "around 200 military vehicles"), with the
// counted noun and what happened to it (killed, deployed, ...).
//
// An amount is a number in digits ("14,000", "2.5 million"), in words
// ("twenty-five", "a dozen") or a vague amount ("hundreds of", "tens of
// thousands of"), which gives its lower bound with Approx set: the smallest
// plural, so hundreds = 200, dozens = 24, thousands = 2,000, tens of
// thousands = 20,000 (lexicon.tsv lists them all). Modifiers such as "more
// than", "around", "at least", "up to" and "nearly" set Approx too, and a
// range ("20 to 30", "20-30") gives its lower bound, approximate.
//
// Numbers that are dates, years, times, ages, money, percentages, measures,
// ordinals, phone numbers, addresses, scores and parts of names ("Route 66",
// "Apollo 11") are not counts and are left out, as are numbers with neither
// a counted noun nor a kind.
package quantities

import (
	"strings"
	"unicode"

	"github.com/vigilhq/vigil/internal/model"
)

// Kinds of quantities: what happened to the counted people or things. Shot
// means shot with no word on whether they lived.
const (
	Killed    = "killed"
	Died      = "died"
	Wounded   = "wounded"
	Injured   = "injured"
	Shot      = "shot"
	Evacuated = "evacuated"
	Displaced = "displaced"
	Arrested  = "arrested"
	Deployed  = "deployed"
	Amassed   = "amassed"
	Missing   = "missing"
	Kidnapped = "kidnapped"
)

// maxPerSentence bounds the quantities kept from one sentence, so that a
// long list of numbers costs bounded memory.
const maxPerSentence = 64

// Found is one quantity with where it sits in the text, for linking it to
// the event of its clause.
type Found struct {
	model.Quantity
	Start, End int // byte offsets of Text into the article text
	Head       int // token index of the counted noun in its sentence, -1 when none
	// Number is the token index of the amount's last word in its sentence
	// ("14,000", "million", "hundreds").
	Number int
	// Definite is set for amounts that refer back to people already
	// counted: "the two victims", "both men".
	Definite bool
}

// Find returns the quantities of the parsed sentences of text.
func Find(text string, sents []model.Sentence) []Found {
	lx, err := loadLexicon()
	if err != nil {
		return nil
	}
	var out []Found
	for si := range sents {
		out = lx.findSentence(text, &sents[si], out)
	}
	return out
}

// sentence is one sentence under analysis, with its lower-case words.
type sentence struct {
	s     *model.Sentence
	toks  []model.Token
	words []string
}

func newSentence(s *model.Sentence) sentence {
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = strings.ToLower(t.Text)
	}
	return sentence{s: s, toks: s.Tokens, words: words}
}

func (lx *lexicon) findSentence(text string, s *model.Sentence, out []Found) []Found {
	st := newSentence(s)
	kept := 0
	for i := 0; i < len(st.toks) && kept < maxPerSentence; i++ {
		f, next, ok := lx.match(st, i)
		if !ok {
			continue
		}
		if f.Start >= 0 && f.End <= len(text) && f.Start < f.End {
			f.Text = text[f.Start:f.End]
		}
		f.Sentence = s.Index
		out = append(out, f)
		kept++
		i = next - 1
	}
	return out
}

// match reads a quantity that starts at token i. It returns the index after
// the tokens it used.
func (lx *lexicon) match(st sentence, i int) (Found, int, bool) {
	words := st.words
	start, approx := i, false
	at := i
	if m, ok := matchPhrase(lx.mods, words, i); ok {
		if _, ok := lx.readAmount(words, i+len(m.words)); ok {
			at, approx = i+len(m.words), m.approx
		}
	}
	a, ok := lx.readAmount(words, at)
	if !ok {
		return Found{}, 0, false
	}
	end := at + a.n
	// a range spelled out: "20 to 30", "two or three", "20 - 30"
	if end+1 < len(words) && (words[end] == "to" || words[end] == "or" || words[end] == "-" || words[end] == "and" && at > 0 && words[at-1] == "between") {
		if b, ok := lx.readAmount(words, end+1); ok && b.value > a.value && b.digits == a.digits {
			a.approx = true
			end += 1 + b.n
		}
	}
	if end+1 < len(words) && words[end] == "or" && words[end+1] == "so" {
		a.approx = true
		end += 2
	}
	num := end - 1
	if !lx.isCount(st, start, at, end, a) {
		return Found{}, end, false
	}
	head, partitive := lx.countedNoun(st, end, a)
	if head >= 0 && lx.units[words[head]] {
		return Found{}, end, false
	}
	if head >= 0 && st.toks[head].XPOS == "NNP" && a.digits {
		return Found{}, end, false // "3 Main Street", "12 Downing"
	}
	if a.year && (head < 0 || st.toks[head].XPOS == "NN" || st.toks[head].XPOS == "NNP") {
		return Found{}, end, false // "in 2014", "a 2012 graduate"
	}
	if a.digits && a.value == 911 {
		return Found{}, end, false // "911 calls"
	}
	kind := lx.kindOf(st, start, end, num, head, partitive)
	if head < 0 && kind == "" {
		return Found{}, end, false
	}
	f := Found{Head: head, Number: num}
	f.Value = a.value
	f.Approx = approx || a.approx
	last := end - 1
	if head > last {
		last = head
	}
	f.Start, f.End = st.toks[start].Start, st.toks[last].End
	switch {
	case head >= 0:
		f.What = words[head]
	case kind != "":
		f.What = "people" // "killing three", "left 2 dead"
	}
	if kind != "" {
		k := kind
		f.Kind = &k
	}
	if start > 0 && (words[start-1] == "the" || words[start-1] == "these" || words[start-1] == "those") || words[at] == "both" {
		f.Definite = true
	}
	next := end
	if head >= end && !partitive {
		next = head + 1
	}
	return f, next, true
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// isCount rejects amounts that are dates, times, ages, money, measures,
// identifiers, scores and parts of names. start is the first token (with
// its modifier), at the first token of the amount, end the index after it.
func (lx *lexicon) isCount(st sentence, start, at, end int, a amount) bool {
	words, toks := st.words, st.toks
	prev, next := "", ""
	if start > 0 {
		prev = words[start-1]
	}
	if end < len(words) {
		next = words[end]
	}
	first := words[at]
	if first == "one" && (prev == "no" || prev == "the" || prev == "any" || prev == "every" || prev == "each" || prev == "this" || prev == "that" || prev == "which" || prev == "someone") {
		return false // "no one", "the one who"
	}
	if lx.idword[prev] || months[prev] || months[next] {
		return false
	}
	glued := end < len(toks) && toks[end].Start == toks[end-1].End // "25-year-old", not "2 - Spokane"
	if lx.units[next] || next == "-" && a.digits && glued || next == "-" && !a.digits && end+1 < len(words) && words[end+1] != "strong" {
		return false // "25-year-old", "40-caliber"
	}
	if next == "'s" || next == "s" || next == "th" || next == ":" || next == "/" || prev == "/" || next == "x" {
		return false // "the 1990s", ratios, times
	}
	if lx.prep[prev] && a.digits && !nounFollows(st, end) {
		return false // "in 2014", "at 10"
	}
	// "1 in 5", "3 of 4" between numbers is a ratio
	if (next == "in" || next == "out") && end+1 < len(words) {
		if _, ok := lx.readAmount(words, end+1); ok || next == "out" {
			return false
		}
	}
	// "one in 5", "3 of 4": the second number of a ratio
	if (prev == "in" || prev == "of" || prev == "out") && start >= 2 && (toks[start-2].UPOS == "NUM" || words[start-2] == "of") {
		if _, ok := lx.readAmount(words, start-2); ok {
			return false
		}
	}
	if prev == "-" && toks[start].Start == toks[start-1].End {
		return false // "AK-47", "F-16"
	}
	if prev == "(" && next == ")" {
		return false // "(23)", "(555)"
	}
	// an age after a name: "John Smith, 23," and "the victim, 19, was ..."
	if prev == "," && start >= 2 && a.digits && a.value < 120 && !nounFollows(st, end) && lx.kinds[next].kind == "" && !severity[next] {
		p := toks[start-2]
		if p.UPOS == "PROPN" || p.UPOS == "NOUN" {
			return false
		}
	}
	// numbers inside names: "Apollo 11", "Route 66", "Chapter 11"
	if start > 0 && a.digits && !nounFollows(st, end) {
		p := toks[start-1]
		if p.UPOS == "PROPN" || p.XPOS == "NNP" || startsUpper(p.Text) && start-1 > 0 {
			return false
		}
	}
	// inside a name: "Regional One Hospital", "Channel 4 News"
	if strings.HasPrefix(toks[at].NER, "I-") || start > 0 && startsUpper(toks[at].Text) && startsUpper(toks[start-1].Text) && toks[start-1].UPOS != "PUNCT" && !a.digits && !allUpper(toks[at].Text) {
		return false
	}
	if a.digits && len(toks[at].Text) > 1 && toks[at].Text[0] == '0' {
		return false // "007", zip codes, times
	}
	return true
}

// severity words follow a count in "two shot, one fatally".
var severity = map[string]bool{"fatally": true, "critically": true, "seriously": true, "mortally": true}

// nounFollows reports whether a noun comes right after the amount, perhaps
// after adjectives: "2000 people", "300 armed men".
func nounFollows(st sentence, end int) bool {
	for j := end; j < len(st.toks) && j < end+3; j++ {
		switch st.toks[j].UPOS {
		case "NOUN", "PROPN":
			return st.toks[j].XPOS != "NNP"
		case "ADJ", "VERB":
			continue
		}
		return false
	}
	return false
}

func allUpper(s string) bool {
	return strings.ToUpper(s) == s
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// countedNoun finds the noun an amount counts: the last noun of the noun
// phrase after it ("200 military vehicles", "hundreds of people", "two of
// the victims"). partitive is set for "two of the victims", whose clause
// role is carried by the number.
func (lx *lexicon) countedNoun(st sentence, end int, a amount) (int, bool) {
	words, toks := st.words, st.toks
	j, partitive := end, false
	// "hundreds of" ends with "of" itself; "two of the victims" is partitive
	if j < len(words) && words[j] == "of" && words[end-1] != "of" {
		j++
		partitive = true
	}
	if partitive {
		for j < len(words) && (toks[j].UPOS == "DET" || toks[j].XPOS == "PRP$") {
			j++
		}
	}
	noun := -1
	for k := j; k < len(toks) && k < j+5; k++ {
		t := toks[k]
		switch {
		case noun >= 0 && lx.wordKind(st, k) != "":
			// "2 people shot": a headline's verb tagged as a noun
		case t.UPOS == "NOUN" || t.UPOS == "PROPN" && t.XPOS == "NNPS" || t.UPOS == "PROPN" && noun < 0 && k+1 < len(toks) && toks[k+1].UPOS == "NOUN":
			noun = k
			continue
		case t.UPOS == "PROPN" && noun < 0:
			noun = k
			continue
		case noun < 0 && (t.UPOS == "ADJ" || t.XPOS == "VBN" && t.Rel == "amod" || t.Text == "-"):
			if lx.kinds[strings.ToLower(t.Text)].kind != "" && t.Rel != "amod" {
				return -1, false // "2 dead", "5 injured"
			}
			continue
		}
		break
	}
	return noun, partitive
}
