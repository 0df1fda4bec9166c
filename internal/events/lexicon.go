package events

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/vigilhq/vigil/internal/codebook"
)

//go:embed data/lexicon.tsv
var lexiconTSV string

// Families: triggers whose code depends on their complement ("agreed to
// cooperate" 031, "threatened to attack" 138, "called on X to meet" 026).
const (
	famIntent  = "INTENT"  // agree, offer, promise, vow: 03x (13x for a conflict act)
	famThreat  = "THREAT"  // threaten, warn: 13x
	famAppeal  = "APPEAL"  // urge, call on, ask: 02x
	famDemand  = "DEMAND"  // demand, insist: 10x
	famRefuse  = "REFUSE"  // refuse, decline: 12x
	famDeny    = "DENY"    // deny: 016, the act negated
	famPlan    = "PLAN"    // plan, intend: like INTENT, the act intended
	famPrepare = "PREPARE" // prepare: 150 for a violent act, else INTENT
	famFear    = "FEAR"    // fear, expect: no event of its own, the act hypothetical
)

var families = map[string]bool{famIntent: true, famThreat: true, famAppeal: true, famDemand: true,
	famRefuse: true, famDeny: true, famPlan: true, famPrepare: true, famFear: true}

// entry is one line of the lexicon.
type entry struct {
	pos      byte   // 'v' or 'n'
	lemma    string // lower case
	particle string // second word of a phrasal verb ("on" in call+on), "" for none
	code     string // CAMEO code, "" for a family
	family   string
	obj      map[string]bool
	comp     map[string]bool
	cobj     map[string]bool // a noun of the complement's clause
	subj     map[string]bool
	pass     bool
	active   bool
	cond     bool // the trigger has an if- or unless-clause
	spec     int  // number of conditions
	line     int
}

// lexicon indexes entries by part of speech and lemma, in file order.
type lexicon struct {
	verbs map[string][]entry
	nouns map[string][]entry
	size  int
}

func parseLexicon(src string, book *codebook.Book) (*lexicon, error) {
	lx := &lexicon{verbs: map[string][]entry{}, nouns: map[string][]entry{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("load lexicon: line %d: want at least 3 fields, got %d", n+1, len(f))
		}
		e := entry{line: n + 1}
		switch f[0] {
		case "v":
			e.pos = 'v'
		case "n":
			e.pos = 'n'
		default:
			return nil, fmt.Errorf("load lexicon: line %d: part of speech %q is not v or n", n+1, f[0])
		}
		lemma := strings.ToLower(strings.TrimSpace(f[1]))
		e.lemma, e.particle, _ = strings.Cut(lemma, "+")
		if e.lemma == "" {
			return nil, fmt.Errorf("load lexicon: line %d: empty lemma", n+1)
		}
		code := strings.TrimSpace(f[2])
		if families[code] {
			e.family = code
		} else if _, ok := book.Lookup(code); ok {
			e.code = code
		} else {
			return nil, fmt.Errorf("load lexicon: line %d: %q is neither a CAMEO code nor a family", n+1, code)
		}
		if len(f) > 3 {
			for _, cond := range strings.Fields(f[3]) {
				k, v, _ := strings.Cut(cond, "=")
				set := func() map[string]bool {
					m := map[string]bool{}
					for _, w := range strings.Split(v, ",") {
						if w != "" {
							m[w] = true
						}
					}
					return m
				}
				switch k {
				case "obj":
					e.obj = set()
				case "comp":
					e.comp = set()
				case "cobj":
					e.cobj = set()
				case "subj":
					e.subj = set()
				case "pass":
					e.pass = true
				case "active":
					e.active = true
				case "cond":
					e.cond = true
				default:
					return nil, fmt.Errorf("load lexicon: line %d: unknown condition %q", n+1, cond)
				}
				e.spec++
			}
		}
		if e.particle != "" {
			e.spec++
		}
		if e.pos == 'v' {
			lx.verbs[e.lemma] = append(lx.verbs[e.lemma], e)
		} else {
			lx.nouns[e.lemma] = append(lx.nouns[e.lemma], e)
		}
		lx.size++
	}
	if lx.size == 0 {
		return nil, fmt.Errorf("load lexicon: no entries")
	}
	return lx, nil
}

// lookup returns the entries of a token: by its lemma, else by its word
// form or a regular stem of it (the lemmatizer's misses: "blamed" -> blam).
func (lx *lexicon) lookup(m map[string][]entry, lemma, text string) []entry {
	if es := m[lemma]; len(es) > 0 {
		return es
	}
	w := strings.ToLower(text)
	if es := m[w]; len(es) > 0 {
		return es
	}
	for _, s := range stems(w) {
		if es := m[s]; len(es) > 0 {
			return es
		}
	}
	return nil
}

// stems guesses the base forms of a regular inflected English word.
func stems(w string) []string {
	var out []string
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			b := w[:len(w)-len(suf)]
			out = append(out, b, b+"e")
			if n := len(b); n > 2 && b[n-1] == b[n-2] {
				out = append(out, b[:n-1])
			}
			if strings.HasSuffix(b, "i") {
				out = append(out, b[:len(b)-1]+"y")
			}
		}
	}
	return out
}
