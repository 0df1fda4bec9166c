package ner

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// docStats counts how a document writes each word where case tells
// something: inside a sentence (not its first word) of ordinary mixed
// case. A sentence-initial "Will" that the document writes "will"
// elsewhere is likely the verb; one it writes "Will" mid-sentence is
// likely a name; "tampa" that the document also writes "Tampa" is one.
type docStats struct {
	counts map[uint64]uint32 // lower-cased word hash → lower count | cap count<<16
}

// maxDocWords bounds the words counted of one document.
const maxDocWords = 1 << 16

// newDocStats counts the words of the sentences of one document.
func newDocStats(sents [][]model.Token) *docStats {
	d := &docStats{counts: make(map[uint64]uint32)}
	var buf []byte
	classes := make([]uint8, 0, 64)
	for _, toks := range sents {
		classes = classes[:0]
		upper, capw, lower := 0, 0, 0
		for _, t := range toks {
			c, _ := shapeInfo(t.Text)
			classes = append(classes, uint8(c))
			switch c {
			case shUpper:
				upper++
			case shTitle, shMixed:
				capw++
			case shLower:
				lower++
			}
		}
		if sentenceCase(upper, capw, lower) != caseNormal {
			continue
		}
		for i := 1; i < len(toks); i++ {
			c := int(classes[i])
			var add uint32
			switch {
			case c == shLower:
				add = 1
			case c == shTitle || c == shMixed || c == shUpper:
				add = 1 << 16
			default:
				continue
			}
			buf = appendLower(buf[:0], toks[i].Text)
			h := hashBytes(buf)
			v, ok := d.counts[h]
			if !ok && len(d.counts) >= maxDocWords {
				continue
			}
			if (v&0xffff) < 0xffff && add == 1 || (v>>16) < 0xffff && add != 1 {
				d.counts[h] = v + add
			}
		}
	}
	return d
}

// sentenceCase classifies a sentence by the counts of its words in
// capitals, capitalised and in lower case.
func sentenceCase(upperWords, capWords, lowerWords int) int {
	switch {
	case lowerWords+capWords+upperWords == 0:
		return caseNormal
	case capWords+upperWords == 0:
		return caseLower
	case lowerWords == 0 && capWords+upperWords > 1 && upperWords > capWords:
		return caseUpper
	case lowerWords == 0 && capWords+upperWords > 1:
		return caseTitle
	}
	return caseNormal
}

// evidence returns what the document says of word (its lower-cased hash)
// other than at token i of a sentence of case sentCase and token class
// class: bit 1 it is written in lower case elsewhere, bit 0 it is written
// capitalised elsewhere; 0 without evidence.
func (d *docStats) evidence(word uint64, i, sentCase, class int) uint64 {
	if d == nil {
		return 0
	}
	v := d.counts[word]
	lc, cc := int(v&0xffff), int(v>>16)
	if i > 0 && sentCase == caseNormal {
		switch {
		case class == shLower:
			lc--
		case class == shTitle || class == shMixed || class == shUpper:
			cc--
		}
	}
	var e uint64
	if lc > 0 {
		e |= 2
	}
	if cc > 0 {
		e |= 1
	}
	return e
}

// docStatsOf counts the documents of n sentences: sentences i with the
// same docID(i) next to each other are one document; an empty id is a
// document of its own.
func docStatsOf(n int, docID func(int) string, tokens func(int) []model.Token) []*docStats {
	out := make([]*docStats, n)
	for a := 0; a < n; {
		b := a + 1
		id := docID(a)
		for b < n && id != "" && docID(b) == id {
			b++
		}
		sents := make([][]model.Token, 0, b-a)
		for i := a; i < b; i++ {
			sents = append(sents, tokens(i))
		}
		d := newDocStats(sents)
		for i := a; i < b; i++ {
			out[i] = d
		}
		a = b
	}
	return out
}

// ewtDocID is the document of a UD English EWT sentence id: the id
// without its "-NNNN" sentence number.
func ewtDocID(id string) string {
	if k := strings.LastIndexByte(id, '-'); k > 0 {
		return id[:k]
	}
	return id
}
