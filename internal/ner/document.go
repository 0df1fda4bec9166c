package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// docOptions selects the document-level repairs of RecognizeDocument.
type docOptions struct {
	propagate bool // a name labelled in one place is labelled where it recurs untagged
	acronyms  bool // an acronym of a labelled name ("Serbian Workers' Union (SSS)") takes its type
	initials  bool // with acronyms: also the initials of the name ("Northern Rail Board" → "NRB")
	defined   bool // "Housing Authority of Lakeland (HAL)": the words the acronym spells are one name, an ORG unless labelled
	multiOnly bool // with propagate: only names of two words or more, or in capitals
	surnames  bool // the last word of a two-word-or-longer person name is a person elsewhere
	majority  bool // a name labelled with two types takes the type it has most often
	folded    int  // 1: names also match in lower case ("tampa bay" after "Tampa Bay"); 2: only in sentences with no capitalised word
}

// defaultDocOptions are the repairs RecognizeDocument makes, chosen by
// five-fold cross-validation on UNER dev (TestCrossValidateDev,
// VIGIL_NER_DOC), each fold's model scored with and without them, seeds
// 1-4: F1 0.685 on average without the document pass, 0.698 with these
// (+1.2 to +1.5 per seed). Of that, defined acronyms give +0.1 to +0.5
// (most of it one document: "Housing Authority of New Orleans ( HANO )"
// and its four "HANO"). Propagating single title-case words too
// ("Mercury", "Venus", "Holocaust" spread as places) gave the same F1 on
// average (-0.3 to +0.2 per seed) at lower precision; type majority
// voting gained nothing (-0.1 to 0). Matching names in lower case
// ("tampa bay" where the document also has "Tampa Bay") gave +0.1 (seeds
// 1-2), in sentences without capitals as much as anywhere; it is kept to
// those, where edited text ("a white house") cannot be misread.
//
// The pipeline runs with propagation and surnames off: coreference already
// links a recurring name and a lone surname to their first mention, and it
// does so without taking a word away from the places stage, where these two
// repairs turned towns that share a name or surname with a person of the
// article into persons (LGL lost 3 to 5 toponyms). With them off, UNER
// test F1 is 0.7082 (0.7079 with them on, 0.7029 with no document pass).
func defaultDocOptions() docOptions {
	return docOptions{propagate: false, multiOnly: true, acronyms: true, initials: true, surnames: false, defined: true, folded: 2}
}

// maxDocNames bounds the names remembered of one document, so that a huge
// input costs bounded memory.
const maxDocNames = 4096

// maxNameTokens is the longest name the document pass matches.
const maxNameTokens = 8

// RecognizeDocument labels the sentences of one document (an article),
// like Recognize on each, then uses what the document says elsewhere: a
// name labelled in one sentence is labelled where it recurs and the model
// left it out (single words only in capitals), the words an acronym in
// brackets spells out are one name ("Housing Authority of New Orleans
// (HANO)"), an acronym takes the type of the name it abbreviates, a
// person's surname alone is a person, and in a sentence written all in
// lower case a name of the document is found in lower case too. Tags the model gave are kept,
// except where a bracketed acronym joins them into one name. A sentence
// at a time, Recognize gives the model's tags alone.
func (r *Recognizer) RecognizeDocument(sents []model.Sentence) {
	for i := range sents {
		r.Recognize(&sents[i])
	}
	applyDocument(sents, r.doc)
}

// docVotes counts the types a document gives one word sequence.
type docVotes [nTypes]int32

func (d docVotes) best() int {
	b, bv := -1, int32(0)
	for k, v := range d {
		if v > bv {
			b, bv = k, v
		}
	}
	return b
}

// vote adds a vote for type k to key in m, within maxDocNames keys.
func vote(m map[string]docVotes, key []byte, k int) {
	if len(key) == 0 {
		return
	}
	d, ok := m[string(key)]
	if !ok && len(m) >= maxDocNames {
		return
	}
	d[k]++
	m[string(key)] = d
}

// appendWords appends the texts of toks to dst, separated by spaces.
func appendWords(dst []byte, toks []model.Token) []byte {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, t.Text...)
	}
	return dst
}

// applyDocument runs the document repairs over tagged sentences.
func applyDocument(sents []model.Sentence, opt docOptions) {
	if !opt.propagate && !opt.acronyms && !opt.surnames && !opt.majority && !opt.defined || len(sents) == 0 {
		return
	}
	if opt.defined {
		for si := range sents {
			defineAcronyms(sents[si].Tokens)
		}
	}
	var names, spread map[string]docVotes // labelled names (for majority); what the sweep may label
	var folded map[string]docVotes        // with opt.folded: lower-cased propagated names
	var ms []Mention
	var key []byte
	for si := range sents {
		toks := sents[si].Tokens
		ms = appendMentions(ms[:0], &sents[si])
		for _, m := range ms {
			k := typeIndex(m.Type)
			span := toks[m.Start:m.End]
			if k < 0 || len(span) > maxNameTokens || !capitalised(span[0].Text) || fileLike(span) {
				continue
			}
			if names == nil {
				names, spread = make(map[string]docVotes), make(map[string]docVotes)
			}
			key = appendWords(key[:0], span)
			if opt.majority {
				vote(names, key, k)
			}
			if opt.propagate && (!opt.multiOnly || len(span) > 1 || isAllCaps(span[0].Text)) {
				vote(spread, key, k)
				if opt.folded > 0 && (len(span) > 1 || len(key) >= 4) {
					if folded == nil {
						folded = make(map[string]docVotes)
					}
					vote(folded, appendLower(nil, string(key)), k)
				}
			}
			if opt.surnames && m.Type == Person && len(span) >= 2 {
				if last := span[len(span)-1].Text; capitalised(last) && utf8.RuneCountInString(last) > 1 {
					vote(spread, append(key[:0], last...), k)
				}
			}
			if opt.acronyms && m.Type != Person && m.Type != NORP {
				// "Serbian Workers' Union (SSS)"
				if e := m.End; e+2 < len(toks) && toks[e].Text == "(" && toks[e+2].Text == ")" &&
					toks[e+1].NER == "O" && isAllCaps(toks[e+1].Text) {
					vote(spread, append(key[:0], toks[e+1].Text...), k)
				}
				if opt.initials && len(span) >= 2 {
					vote(spread, appendInitials(key[:0], span), k)
				}
			}
		}
	}
	if names == nil {
		return
	}
	for si := range sents {
		toks := sents[si].Tokens
		if opt.majority && len(names) > 0 {
			ms = appendMentions(ms[:0], &sents[si])
			for _, m := range ms {
				key = appendWords(key[:0], toks[m.Start:m.End])
				d, ok := names[string(key)]
				if !ok {
					continue
				}
				k := typeIndex(m.Type)
				if b := d.best(); b >= 0 && k >= 0 && b != k && d[b] > d[k] {
					setSpan(toks, m.Start, m.End, b)
				}
			}
		}
		// untagged lower-case words that match a lower-cased name
		if folded != nil && (opt.folded == 1 || noCapitals(toks)) {
			sweep(toks, folded, &key, startsLower, appendLower)
		}
		if len(spread) > 0 {
			sweep(toks, spread, &key, capitalised, appendWord)
		}
	}
}

// noCapitals reports whether no word of toks but "I" starts with a capital.
func noCapitals(toks []model.Token) bool {
	for _, t := range toks {
		if capitalised(t.Text) && t.Text != "I" {
			return false
		}
	}
	return true
}

// sweep labels, from left to right, the longest untagged word sequence
// that starts at a word first accepts and whose key (words joined by
// spaces through add) the document names.
func sweep(toks []model.Token, names map[string]docVotes, key *[]byte, first func(string) bool, add func([]byte, string) []byte) {
	n := len(toks)
	for i := 0; i < n; {
		if toks[i].NER != "O" || !first(toks[i].Text) {
			i++
			continue
		}
		best, bestK := 0, -1
		kb := (*key)[:0]
		for l := 1; l <= maxNameTokens && i+l <= n; l++ {
			if toks[i+l-1].NER != "O" {
				break
			}
			if l > 1 {
				kb = append(kb, ' ')
			}
			kb = add(kb, toks[i+l-1].Text)
			if d, ok := names[string(kb)]; ok {
				if b := d.best(); b >= 0 {
					best, bestK = l, b
				}
			}
		}
		*key = kb
		if best == 0 {
			i++
			continue
		}
		setSpan(toks, i, i+best, bestK)
		i += best
	}
}

// startsLower reports whether w starts with a lower-case letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// appendWord appends w as it is written.
func appendWord(dst []byte, w string) []byte { return append(dst, w...) }

// maxAcronym is the longest acronym defineAcronyms reads.
const maxAcronym = 8

// defineAcronyms finds "( ACR )" after capitalised words whose initials
// spell ACR ("Housing Authority of New Orleans ( HANO )"): those words
// become one name. Its type is the type the model gave the whole of it,
// else ORG, unless part of it is a person. The acronym gets the same
// type.
func defineAcronyms(toks []model.Token) {
	for p := 1; p+2 < len(toks); p++ {
		if toks[p].Text != "(" || toks[p+2].Text != ")" {
			continue
		}
		acr := toks[p+1].Text
		if !isAllCaps(acr) || len(acr) > maxAcronym || strings.ContainsAny(acr, ".-&") {
			continue
		}
		// Walk left over capitalised words (and the connectors between
		// them) while they spell the acronym from its end.
		need := len(acr)
		start := p
		for j := p - 1; j >= 0 && need > 0; j-- {
			w := toks[j].Text
			if connectors[w] && j < p-1 && capitalised(toks[j+1].Text) {
				continue
			}
			if !capitalised(w) || w[0] != acr[need-1] {
				break
			}
			need--
			start = j
		}
		if need != 0 || p-start < 2 {
			continue
		}
		k := typeIndex(Org)
		span := toks[start:p]
		if t := tagType(parseTag(span[0].NER)); t >= 0 && isBegin(parseTag(span[0].NER)) && p == start+mentionLen(span) {
			k = t // the model labelled exactly these words
		}
		person := false
		for _, t := range span {
			person = person || tagType(parseTag(t.NER)) == typeIndex(Person)
		}
		if person || k == typeIndex(NORP) {
			continue
		}
		if start > 0 {
			// The words must be the whole name, not the end of a longer
			// one the acronym skips ("Department of Housing and Urban
			// Development ( HUD )").
			prev := toks[start-1].Text
			if capitalised(prev) && prev != "The" || connectors[prev] && start >= 2 && capitalised(toks[start-2].Text) {
				continue
			}
		}
		setSpan(toks, start, p, k)
		if toks[p+1].NER == "O" {
			setSpan(toks, p+1, p+2, k)
		}
	}
}

// mentionLen is the length of the mention that starts span[0].
func mentionLen(span []model.Token) int {
	n := 1
	for n < len(span) && !isBegin(parseTag(span[n].NER)) && parseTag(span[n].NER) != tagO {
		n++
	}
	return n
}

func setSpan(toks []model.Token, start, end, k int) {
	for i := start; i < end; i++ {
		if i == start {
			toks[i].NER = tagNames[beginTag(k)]
		} else {
			toks[i].NER = tagNames[insideTag(k)]
		}
	}
}

// fileLike reports whether a span has a word like a file name, address or
// handle ("Stocks.pdf", "bob@example"): such words recur as themselves,
// and a label they got once is no evidence about the others.
func fileLike(toks []model.Token) bool {
	for _, t := range toks {
		w := t.Text
		if strings.ContainsAny(w, "/@_\\") {
			return true
		}
		for i := 0; i+1 < len(w); i++ {
			if w[i] == '.' && w[i+1] >= 'a' && w[i+1] <= 'z' {
				return true
			}
		}
	}
	return false
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// appendInitials appends the initials of the capitalised words of a name
// ("Serbian Workers' Union" → "SWU") to dst; it appends nothing when
// there are fewer than two.
func appendInitials(dst []byte, toks []model.Token) []byte {
	n0, count := len(dst), 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(r) {
			dst = utf8.AppendRune(dst, r)
			count++
		}
	}
	if count < 2 {
		return dst[:n0]
	}
	return dst
}
