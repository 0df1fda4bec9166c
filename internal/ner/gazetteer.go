package ner

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed gazetteer/*.txt
var gazetteerFS embed.FS

// Gazetteer categories; the first nGazFiles are files under gazetteer/,
// the silver ones are learned from data and stored in the model.
var gazCategories = [...]string{
	"country", "city", "region", "loc", "norp", "org",
	"firstname", "person", "title", "orgword", "locword", "gpeword", "surname",
	"timeword",
}

const (
	gazCountry = iota
	gazCity
	gazRegion
	gazLoc
	gazNORP
	gazOrg
	gazFirstName
	gazPerson
	gazTitle
	gazOrgWord
	gazLocWord
	gazGPEWord
	gazSurname
	gazTimeWord
	nGazFiles
)

const (
	gazSilverPER = nGazFiles + iota
	gazSilverORG
	gazSilverGPE
	gazSilverLOC
	nGaz
)

// Each token gets three bits per category: the token is a whole match,
// begins a longer match, or continues one.
const (
	gzWhole = iota
	gzBegin
	gzInside
	gzBits
)

// maxGazLen is the longest entry, in tokens, that is matched.
const maxGazLen = 8

// gazetteer maps hashed token sequences to category bit sets. Entries in
// lower case match case-insensitively; exact entries (all-capital acronyms
// and lines marked "=") must match the token text as written.
type gazetteer struct {
	folded map[uint64]uint32 // hash of lower-cased tokens -> categories
	exact  map[uint64]uint32 // hash of tokens as written -> categories
	maxLen int
	// filter has a bit set for every key of folded and of exact (see
	// filterBit). Feature extraction tries up to maxLen sequences from
	// every token, and almost none are entries: two bit tests rule most
	// of them out for less than two map lookups cost. Nil until
	// withLearned builds it; add keeps it up to date.
	filter []uint64
}

// filterLog is the log2 of the number of bits of a gazetteer's filter:
// 64k bits (8 KB) for about 8k entries leaves nine bits in ten clear.
const filterLog = 16

// filterBit returns the filter bit of key h, from its top bits (the best
// mixed ones of seqHash).
func filterBit(h uint64) (word int, bit uint64) {
	i := h >> (64 - filterLog)
	return int(i / 64), 1 << (i % 64)
}

func (g *gazetteer) setFilter(h uint64) {
	if g.filter != nil {
		w, b := filterBit(h)
		g.filter[w] |= b
	}
}

// mayHave reports whether the sequence whose lower-cased hash is hf and
// whose hash as written is hx may be an entry; false means it is not.
func (g *gazetteer) mayHave(hf, hx uint64) bool {
	if g.filter == nil {
		return true
	}
	wf, bf := filterBit(hf)
	wx, bx := filterBit(hx)
	return g.filter[wf]&bf != 0 || g.filter[wx]&bx != 0
}

// seqHash hashes a token sequence from per-token hashes.
func seqHash(h uint64, tok uint64) uint64 { return mix(h^0x5bd1e995, tok) }

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{folded: make(map[uint64]uint32), exact: make(map[uint64]uint32)}
	for cat, name := range gazCategories[:nGazFiles] {
		f, err := gazetteerFS.Open("gazetteer/" + name + ".txt")
		if err != nil {
			return nil, fmt.Errorf("load gazetteer %s: %w", name, err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			exact := false
			if strings.HasPrefix(line, "=") {
				exact, line = true, strings.TrimSpace(line[1:])
			} else if isAcronym(line) {
				exact = true
			}
			for _, toks := range entryVariants(line) {
				g.add(toks, cat, exact)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("load gazetteer %s: %w", name, err)
		}
	}
	return g, nil
}

// withLearned returns a copy of g with learned entries (hash of the
// lower-cased tokens -> category bits) added to the folded map.
func (g *gazetteer) withLearned(learned map[uint64]uint32, maxLen int) *gazetteer {
	ng := &gazetteer{folded: make(map[uint64]uint32, len(g.folded)+len(learned)), exact: g.exact, maxLen: max(g.maxLen, maxLen)}
	for k, v := range g.folded {
		ng.folded[k] = v
	}
	for k, v := range learned {
		ng.folded[k] |= v
	}
	ng.filter = make([]uint64, 1<<filterLog/64)
	for k := range ng.folded {
		ng.setFilter(k)
	}
	for k := range ng.exact {
		ng.setFilter(k)
	}
	return ng
}

func (g *gazetteer) add(toks []string, cat int, exact bool) {
	if len(toks) == 0 || len(toks) > maxGazLen {
		return
	}
	var h uint64
	var buf []byte
	for _, t := range toks {
		if exact {
			h = seqHash(h, hashString(t))
		} else {
			buf = appendLower(buf[:0], t)
			h = seqHash(h, hashBytes(buf))
		}
	}
	if exact {
		g.exact[h] |= 1 << cat
	} else {
		g.folded[h] |= 1 << cat
	}
	g.setFilter(h)
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
}

// isAcronym reports whether s has letters and all of them are capitals
// ("US", "U.S.", "G20").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= 'a' && r <= 'z':
			return false
		case r == ' ' || r == '-' || r == '&' || r == '/':
			return false
		}
	}
	return letters >= 2
}

// entryVariants splits an entry into tokens the way the tokenizer would
// (whitespace; also hyphens and the clitic 's split off), giving every
// distinct variant.
func entryVariants(line string) [][]string {
	base := strings.Fields(line)
	var split []string
	for _, t := range base {
		split = append(split, splitToken(t)...)
	}
	out := [][]string{base}
	if strings.Join(split, " ") != strings.Join(base, " ") {
		out = append(out, split)
	}
	return out
}

func splitToken(t string) []string {
	var out []string
	if len(t) > 2 && (strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")) {
		i := strings.LastIndexAny(t, "'’")
		return append(splitToken(t[:i]), t[i:])
	}
	parts := strings.Split(t, "-")
	if len(parts) == 1 {
		return []string{t}
	}
	for i, p := range parts {
		if i > 0 {
			out = append(out, "-")
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
