package quantities

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// Casualties are an article's totals of people killed and injured.
//
// The totals are read per predicate: every casualty word ("killed", "were
// wounded", "dead", "fatally") adds up the people it governs, a number for
// a counted amount ("two men") and one for a single person ("a man", "he",
// "John Smith"), over coordinations ("a man and a woman were killed" is 2).
// The article's figure is the largest such sum, not the sum over the
// article, since news repeats its figures ("two people were killed ... the
// two victims"). Amounts that refer back ("the two victims", "both") never
// start a figure of their own but count like the others. People shot with
// no word on whether they lived count as injured when the shot total is
// larger than the killed one ("four were shot, one fatally": 1 killed, 3
// injured).
type Casualties struct {
	Killed, Injured, Shot int
	// KilledSeen and InjuredSeen say whether any casualty word of that
	// class was read (a figure of 0 with Seen false means "not stated").
	KilledSeen, InjuredSeen bool
}

// maxCasualties bounds a figure (larger amounts are not single incidents).
const maxCasualties = 1e9

// Tally reads the casualty figures of parsed sentences, given what Find
// returned for them.
func Tally(sents []model.Sentence, found []Found) Casualties {
	lx, err := loadLexicon()
	if err != nil {
		return Casualties{}
	}
	bySent := map[int][]Found{}
	for _, f := range found {
		bySent[f.Sentence] = append(bySent[f.Sentence], f)
	}
	var c Casualties
	note := func(kind string, v float64) {
		n := int(min(v, maxCasualties))
		switch class(kind) {
		case Killed:
			c.KilledSeen = true
			c.Killed = max(c.Killed, n)
		case Injured:
			c.InjuredSeen = true
			c.Injured = max(c.Injured, n)
		case Shot:
			c.Shot = max(c.Shot, n)
		}
	}
	for si := range sents {
		s := &sents[si]
		fs := bySent[s.Index]
		for _, f := range fs {
			if f.Kind != nil && !f.Definite {
				note(*f.Kind, f.Value)
			}
		}
		st := newSentence(s)
		for p := range st.toks {
			kind := lx.wordKind(st, p)
			if class(kind) == "" {
				continue
			}
			v, k := lx.patients(st, p, fs)
			if v > 0 && k != "" {
				note(k, v)
			}
		}
	}
	if c.Shot > c.Killed && c.Shot-c.Killed > c.Injured {
		c.Injured = c.Shot - c.Killed
		c.InjuredSeen = true
	}
	return c
}

// class folds kinds into killed, injured and shot.
func class(kind string) string {
	switch kind {
	case Killed, Died:
		return Killed
	case Wounded, Injured:
		return Injured
	case Shot:
		return Shot
	}
	return ""
}

// patients sums the people that casualty word p governs, and returns the
// kind of the predicate.
func (lx *lexicon) patients(st sentence, p int, fs []Found) (float64, string) {
	toks := st.toks
	total := 0.0
	kind := ""
	for c := range toks {
		if toks[c].Head != p || c == p {
			continue
		}
		rel := toks[c].Rel
		switch rel {
		case "nsubj", "nsubj:pass", "obj":
		default:
			continue
		}
		k := lx.predicateKind(st, p, rel)
		if k == "" {
			continue
		}
		kind = k
		for _, e := range conjuncts(toks, c) {
			total += lx.personValue(st, e, fs)
		}
	}
	// "people killed", "a man shot": the casualty word modifies its patient
	if total == 0 && (toks[p].Rel == "acl" || toks[p].Rel == "amod") {
		h := toks[p].Head
		if h >= 0 && h < len(toks) {
			if k := lx.predicateKind(st, p, "nsubj:pass"); k != "" {
				kind = k
				total = lx.personValue(st, h, fs)
			}
		}
	}
	return total, kind
}

// conjuncts returns i and the words coordinated with it.
func conjuncts(toks []model.Token, i int) []int {
	out := []int{i}
	for k := 0; k < len(out) && len(out) < 16; k++ {
		for c := range toks {
			if toks[c].Head == out[k] && toks[c].Rel == "conj" {
				switch toks[c].UPOS {
				case "NOUN", "PROPN", "PRON", "NUM":
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// personValue is how many people word e stands for: the value of the
// amount that counts it, one for a single person, zero otherwise.
func (lx *lexicon) personValue(st sentence, e int, fs []Found) float64 {
	for _, f := range fs {
		if f.Head == e || f.Number == e {
			return f.Value
		}
	}
	t := st.toks[e]
	w := st.words[e]
	switch {
	case t.UPOS == "PRON":
		if lx.person[w] {
			return 1
		}
	case t.UPOS == "PROPN":
		if strings.HasSuffix(t.NER, "PERSON") {
			return 1
		}
	case t.UPOS == "NOUN" && t.XPOS == "NN":
		if lx.person[w] || lx.person[strings.ToLower(t.Lemma)] {
			return 1
		}
	}
	return 0
}
