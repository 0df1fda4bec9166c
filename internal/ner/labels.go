package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labeler maps the annotations of the training and test sources onto our
// types.
type labeler struct {
	gaz *gazetteer
}

const (
	gazGPEMask = 1<<gazCountry | 1<<gazCity | 1<<gazRegion
)

// lookup returns the gazetteer categories of the whole word sequence.
func (g *gazetteer) lookup(words []string) uint32 {
	var hf, hx uint64
	var buf []byte
	for _, w := range words {
		buf = appendLower(buf[:0], w)
		hf = seqHash(hf, hashBytes(buf))
		hx = seqHash(hx, hashString(w))
	}
	return g.folded[hf] | g.exact[hx]
}

// lookupHashes is lookup over precomputed per-token hashes.
func (g *gazetteer) lookupHashes(folded, exact []uint64) uint32 {
	var hf, hx uint64
	for i := range folded {
		hf = seqHash(hf, folded[i])
		hx = seqHash(hx, exact[i])
	}
	return g.folded[hf] | g.exact[hx]
}

// placeType decides whether a place name is a GPE or a LOC: gazetteer
// entries first, then head words ("River", "Mount" → LOC; "City",
// "Province" → GPE); unknown places default to GPE, the common case in
// news.
func (l *labeler) placeType(words []string) string {
	folded := make([]uint64, len(words))
	exact := make([]uint64, len(words))
	var buf []byte
	for i, w := range words {
		buf = appendLower(buf[:0], w)
		folded[i] = hashBytes(buf)
		exact[i] = hashString(w)
	}
	return l.gaz.placeType(folded, exact)
}

var hashThe = hashString("the")

// placeType works on the per-token hashes of the lower-cased and the
// as-written words.
func (g *gazetteer) placeType(folded, exact []uint64) string {
	if len(folded) > 1 && folded[0] == hashThe {
		folded, exact = folded[1:], exact[1:]
	}
	cats := g.lookupHashes(folded, exact)
	switch {
	case cats&gazGPEMask != 0:
		return GPE
	case cats&(1<<gazLoc) != 0:
		return Loc
	}
	if n := len(folded); n > 1 {
		last := g.lookupHashes(folded[n-1:], exact[n-1:])
		first := g.lookupHashes(folded[:1], exact[:1])
		switch {
		case last&(1<<gazLocWord) != 0 || first&(1<<gazLocWord) != 0:
			return Loc
		case last&(1<<gazGPEWord) != 0:
			return GPE
		}
	}
	if cats&(1<<gazSilverLOC) != 0 && cats&(1<<gazSilverGPE) == 0 {
		return Loc
	}
	return GPE
}

// fromBIO converts a sentence with source BIO tags. typeOf maps a source
// type to ours ("" drops it; "PLACE" asks placeType). With clean set, each
// gold span is cut down to its proper-name core (see nameRuns), for
// sources that also mark common nouns and pronouns.
func (l *labeler) fromBIO(g goldSent, src string, typeOf func(string) string, clean bool) sample {
	var spans []Mention
	for _, m := range spansFromTags(g.tags) {
		typ := typeOf(m.Type)
		if typ == "" {
			continue
		}
		if clean {
			spans = append(spans, l.nameRuns(g.words, m.Start, m.End, typ)...)
			continue
		}
		if typ == "PLACE" {
			typ = l.placeType(g.words[m.Start:m.End])
		}
		spans = append(spans, Mention{Start: m.Start, End: m.End, Type: typ})
	}
	spans = l.addNORP(g.words, spans)
	return sample{id: g.id, src: src, toks: tokensOf(g.words), spans: spans}
}

// fromMeantime converts a MEANTIME sentence: named mentions of persons,
// organisations and locations, cut down to their names; nested mentions
// give way to the shortest.
func (l *labeler) fromMeantime(m meantimeSent) sample {
	ms := slices.Clone(m.mentions)
	slices.SortStableFunc(ms, func(a, b meantimeMention) int {
		return (a.end - a.start) - (b.end - b.start)
	})
	taken := make([]bool, len(m.words))
	var spans []Mention
	for _, mm := range ms {
		switch mm.syntax {
		case "NAM", "PRE.NAM", "CONJ", "APP":
		default:
			continue
		}
		var typ string
		switch mm.typ {
		case "PER":
			typ = Person
		case "ORG":
			typ = Org
		case "LOC":
			typ = "PLACE"
		default:
			continue
		}
		for _, sp := range l.nameRuns(m.words, mm.start, mm.end, typ) {
			free := true
			for i := sp.Start; i < sp.End; i++ {
				free = free && !taken[i]
			}
			if !free {
				continue
			}
			for i := sp.Start; i < sp.End; i++ {
				taken[i] = true
			}
			spans = append(spans, sp)
		}
	}
	slices.SortFunc(spans, func(a, b Mention) int { return a.Start - b.Start })
	spans = l.addNORP(m.words, spans)
	return sample{id: m.id, src: "meantime", toks: tokensOf(m.words), spans: spans}
}

// connectors may sit inside a name between capitalised words.
var connectors = map[string]bool{
	"of": true, "and": true, "&": true, "for": true, "the": true, "de": true,
	"del": true, "da": true, "di": true, "du": true, "des": true, "la": true,
	"le": true, "al": true, "el": true, "bin": true, "ibn": true, "von": true,
	"van": true, "der": true, "den": true, "y": true, "-": true, "'s": true,
	"’s": true, "on": true, "upon": true, "at": true, "in": true,
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameRuns cuts a gold span [s, e) down to the runs of capitalised words
// in it (joined by connectors such as "of" or "al"), dropping leading
// determiners and, for people, titles. A run that is only a nationality
// becomes NORP. A person span keeps only its last run. typ "PLACE" is
// resolved with placeType.
func (l *labeler) nameRuns(words []string, s, e int, typ string) []Mention {
	for i := s; i < e; i++ {
		switch words[i] {
		case ",", "(", ")", ";", ":", "--", "[", "]":
			e = i
		}
	}
	var runs [][2]int
	for i := s; i < e; {
		if !capitalised(words[i]) {
			i++
			continue
		}
		j := i + 1
		for j < e {
			if capitalised(words[j]) {
				j++
				continue
			}
			// a connector run must be followed by a capitalised word
			k := j
			for k < e && connectors[strings.ToLower(words[k])] {
				k++
			}
			if k > j && k < e && capitalised(words[k]) {
				j = k + 1
				continue
			}
			break
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	var out []Mention
	for ri, r := range runs {
		a, b := r[0], r[1]
		for a < b && (words[a] == "The" || words[a] == "A" || words[a] == "An") {
			a++
		}
		rtyp := typ
		if typ == Person {
			// "Iraqi President Fuad Masum": the name follows the last
			// title; a nationality before it is NORP.
			last := -1
			for k := a; k < b; k++ {
				if l.gaz.lookup(words[k:k+1])&(1<<gazTitle) != 0 ||
					k > a && l.gaz.lookup(words[k-1:k+1])&(1<<gazTitle) != 0 {
					last = k
				}
			}
			if last >= 0 {
				if last > a && l.gaz.lookup(words[a:a+1])&(1<<gazNORP) != 0 {
					out = append(out, Mention{Start: a, End: a + 1, Type: NORP})
				}
				a = last + 1
			}
		}
		if a >= b {
			continue
		}
		cats := l.gaz.lookup(words[a:b])
		switch {
		case cats&(1<<gazNORP) != 0 && cats&gazGPEMask == 0:
			rtyp = NORP
		case cats == 1<<gazTitle:
			continue
		case typ == Person && ri != len(runs)-1:
			continue
		case rtyp == "PLACE":
			rtyp = l.placeType(words[a:b])
		}
		out = append(out, Mention{Start: a, End: b, Type: rtyp})
	}
	return out
}

// addNORP labels nationality, religious and political group words outside
// the gold spans as NORP: no source here marks them consistently (UNER's
// English part has no OTH at all).
func (l *labeler) addNORP(words []string, spans []Mention) []Mention {
	covered := make([]bool, len(words))
	for _, m := range spans {
		for i := m.Start; i < m.End; i++ {
			covered[i] = true
		}
	}
	added := false
	for i := 0; i < len(words); i++ {
		if covered[i] {
			continue
		}
		for n := min(l.gaz.maxLen, len(words)-i); n >= 1; n-- {
			ok := true
			for j := i; j < i+n; j++ {
				ok = ok && !covered[j]
			}
			if !ok || l.gaz.lookup(words[i:i+n])&(1<<gazNORP) == 0 {
				continue
			}
			spans = append(spans, Mention{Start: i, End: i + n, Type: NORP})
			for j := i; j < i+n; j++ {
				covered[j] = true
			}
			added = true
			i += n - 1
			break
		}
	}
	if added {
		slices.SortFunc(spans, func(a, b Mention) int { return a.Start - b.Start })
	}
	return spans
}

// tagsOf encodes spans as tag indexes.
func tagsOf(n int, spans []Mention) []uint8 {
	tags := make([]uint8, n)
	for _, m := range spans {
		k := typeIndex(m.Type)
		if k < 0 {
			continue
		}
		tags[m.Start] = uint8(beginTag(k))
		for i := m.Start + 1; i < m.End; i++ {
			tags[i] = uint8(insideTag(k))
		}
	}
	return tags
}
