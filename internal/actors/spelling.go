package actors

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// Misspelt country names. Wire copy and scraped pages carry typos such as
// "Ethopia" and "Quatar"; an analyst reads them as the country, and so can
// the knowledge base, within narrow limits (Misspelt):
//   - the word is a single capitalised word of at least minTypoLen letters
//     that is no known name, demonym or title;
//   - it differs from exactly one country name by one interior letter
//     dropped, one interior letter added or two interior neighbours swapped.
//
// The first and last letters never change, which keeps out first names and
// other words a letter away from a country ("Olivia", "Romani", "Chiles").
// Names that two countries could explain give nothing.

// minTypoLen is the shortest word read as a misspelt country name.
const minTypoLen = 6

// typoIndex maps the interior-deletion variants of country names of at
// least minTypoLen+1 letters to the country's index (-1 when two countries
// share a variant).
type typoIndex map[string]int

func (kb *KB) buildTypos() {
	kb.typos = typoIndex{}
	for k, refs := range kb.names {
		idx, ok := singleCountry(refs)
		if !ok || !asciiWord(k) || len(k) < minTypoLen+1 {
			continue
		}
		for i := 1; i < len(k)-1; i++ {
			v := k[:i] + k[i+1:]
			if old, seen := kb.typos[v]; seen && old != idx {
				kb.typos[v] = -1
				continue
			}
			kb.typos[v] = idx
		}
	}
}

// Misspelt returns the country a lone capitalised word misspells
// ("Ethopia" -> Ethiopia), under the limits above. LookupName never does
// this: a town or a surname can be one letter from a country ("Nakuru",
// "Alegria"), so callers ask only after the word proved to be no known
// name and no place the gazetteer knows.
func (kb *KB) Misspelt(word string) (Match, bool) {
	idx, ok := kb.misspeltCountry(tokenize(word))
	if !ok {
		return Match{}, false
	}
	return kb.matchFor(ref{kind: refCountry, idx: idx}, time.Time{}), true
}

// misspeltCountry returns the index of the country a lone word misspells.
func (kb *KB) misspeltCountry(toks []tok) (int, bool) {
	if len(toks) != 1 {
		return 0, false
	}
	t := toks[0]
	k := t.key
	if len(k) < minTypoLen || !asciiWord(k) || t.upper || kb.known(k) {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(t.orig); !unicode.IsUpper(r) {
		return 0, false
	}
	found := -1
	add := func(idx int) bool {
		if idx < 0 || (found >= 0 && found != idx) {
			found = -2
			return false
		}
		found = idx
		return true
	}
	// a letter dropped from a country name
	if idx, ok := kb.typos[k]; ok && !add(idx) {
		return 0, false
	}
	b := []byte(k)
	for i := 1; i < len(k)-1; i++ {
		// a letter added inside a country name
		if idx, ok := singleCountry(kb.names[k[:i]+k[i+1:]]); ok && !add(idx) {
			return 0, false
		}
		// two interior letters swapped
		if i+1 < len(k)-1 && b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			idx, ok := singleCountry(kb.names[string(b)])
			b[i], b[i+1] = b[i+1], b[i]
			if ok && !add(idx) {
				return 0, false
			}
		}
	}
	if found < 0 {
		return 0, false
	}
	return found, true
}

// known reports whether k is a name, demonym or title of the knowledge base.
func (kb *KB) known(k string) bool {
	if _, ok := kb.names[k]; ok {
		return true
	}
	if _, ok := kb.demonyms[k]; ok {
		return true
	}
	_, ok := kb.titles[k]
	return ok
}

// singleCountry reports the country index when refs name exactly one
// sovereign or historical country and nothing else.
func singleCountry(refs []ref) (int, bool) {
	if len(refs) != 1 || refs[0].kind != refCountry || refs[0].cs {
		return 0, false
	}
	return refs[0].idx, true
}

func asciiWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
