package quantities

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed lexicon.tsv
var lexiconTSV string

// phrase is a multi-word entry: its words and what it stands for.
type phrase struct {
	words  []string
	value  float64
	approx bool
}

// trigger is a word that says what happened to the counted people.
type trigger struct {
	kind string
	any  bool // the counted noun may be its active subject (die, dead)
}

// lexicon holds the tables of lexicon.tsv. It is built once and never
// changed afterwards.
type lexicon struct {
	num    map[string]float64
	scale  map[string]float64
	vague  []phrase // longest first
	mods   []phrase // longest first
	kinds  map[string]trigger
	nouns  map[string]string
	units  map[string]bool
	idword map[string]bool
	prep   map[string]bool
	person map[string]bool
	thing  map[string]bool
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconTSV) })

func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		num: map[string]float64{}, scale: map[string]float64{},
		kinds: map[string]trigger{}, nouns: map[string]string{},
		units: map[string]bool{}, idword: map[string]bool{}, prep: map[string]bool{},
		person: map[string]bool{}, thing: map[string]bool{},
	}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[1] == "" {
			return nil, fmt.Errorf("quantities: lexicon line %d: want class<TAB>words", n+1)
		}
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		extra := ""
		if len(f) > 3 {
			extra = f[3]
		}
		switch f[0] {
		case "num", "scale":
			v, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return nil, fmt.Errorf("quantities: lexicon line %d: %w", n+1, err)
			}
			if f[0] == "num" {
				lx.num[f[1]] = v
			} else {
				lx.scale[f[1]] = v
			}
		case "vague", "mod":
			v, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return nil, fmt.Errorf("quantities: lexicon line %d: %w", n+1, err)
			}
			p := phrase{words: strings.Fields(f[1])}
			if f[0] == "vague" {
				p.value, p.approx = v, extra == "1"
				lx.vague = append(lx.vague, p)
			} else {
				p.approx = v == 1
				lx.mods = append(lx.mods, p)
			}
		case "kind":
			lx.kinds[f[1]] = trigger{kind: val, any: extra == "any"}
		case "noun":
			lx.nouns[f[1]] = val
		case "unit":
			lx.units[f[1]] = true
		case "idword":
			lx.idword[f[1]] = true
		case "prep":
			lx.prep[f[1]] = true
		case "person":
			lx.person[f[1]] = true
		case "thing":
			lx.thing[f[1]] = true
		default:
			return nil, fmt.Errorf("quantities: lexicon line %d: unknown class %q", n+1, f[0])
		}
	}
	longestFirst(lx.vague)
	longestFirst(lx.mods)
	return lx, nil
}

func longestFirst(ps []phrase) {
	// insertion sort: the lists are short and built once
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// matchPhrase returns the first phrase of ps whose words start words[i:].
func matchPhrase(ps []phrase, words []string, i int) (phrase, bool) {
	for _, p := range ps {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for k, w := range p.words {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

// IsUnit reports whether word, in lower case, is a unit of measure or of
// money in the lexicon ("miles", "km", "percent", "dollars").
func IsUnit(word string) bool {
	lx, err := loadLexicon()
	return err == nil && lx.units[word]
}
