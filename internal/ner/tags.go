package ner

import "strings"

// Entity types the recognizer produces. The output contract also allows
// FAC, EVENT and OTHER; this model does not predict them.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
)

// types lists the entity types in tag order: type k has tag 1+2k for B-
// and 2+2k for I-; tag 0 is O.
var types = [...]string{Person, Org, GPE, Loc, NORP}

const (
	nTypes = len(types)
	nTags  = 1 + 2*nTypes
	tagO   = 0
)

// tagNames holds the BIO string of every tag index.
var tagNames = func() [nTags]string {
	var t [nTags]string
	t[tagO] = "O"
	for k, typ := range types {
		t[1+2*k] = "B-" + typ
		t[2+2*k] = "I-" + typ
	}
	return t
}()

func typeIndex(typ string) int {
	for k, t := range types {
		if t == typ {
			return k
		}
	}
	return -1
}

func beginTag(k int) int  { return 1 + 2*k }
func insideTag(k int) int { return 2 + 2*k }

// tagType returns the type index of a B- or I- tag, or -1 for O.
func tagType(t int) int {
	if t == tagO {
		return -1
	}
	return (t - 1) / 2
}

func isBegin(t int) bool { return t != tagO && (t-1)%2 == 0 }

// allowed reports whether tag cur may follow tag prev under BIO
// (prev < 0 means sentence start): I-X only continues B-X or I-X.
func allowed(prev, cur int) bool {
	if cur == tagO || isBegin(cur) {
		return true
	}
	return prev >= 0 && tagType(prev) == tagType(cur)
}

// parseTag maps a BIO string onto a tag index; unknown types map to O.
func parseTag(s string) int {
	if len(s) < 3 || s[1] != '-' {
		return tagO
	}
	k := typeIndex(s[2:])
	if k < 0 {
		return tagO
	}
	switch s[0] {
	case 'B':
		return beginTag(k)
	case 'I':
		return insideTag(k)
	}
	return tagO
}

// Mention is one recognised entity: tokens [Start, End) of a sentence.
type Mention struct {
	Start int
	End   int // exclusive
	Type  string
}

// spansFromTags reads entity spans from BIO strings. An I- tag that does not
// continue an entity of its type starts a new one (CoNLL convention).
func spansFromTags(tags []string) []Mention {
	var out []Mention
	start, typ := -1, ""
	flush := func(end int) {
		if start >= 0 {
			out = append(out, Mention{Start: start, End: end, Type: typ})
		}
		start, typ = -1, ""
	}
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			flush(i)
			start, typ = i, t[2:]
		case strings.HasPrefix(t, "I-"):
			if start < 0 || typ != t[2:] {
				flush(i)
				start, typ = i, t[2:]
			}
		default:
			flush(i)
		}
	}
	flush(len(tags))
	return out
}
