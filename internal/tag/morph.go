package tag

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/binio"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
)

// morpher gives the context-free morphology of a tagged word: the most
// frequent feature set of the word with that XPOS in the treebank, else the
// most frequent one of the XPOS. Agreement that depends on the sentence
// (the person and number of a past-tense verb, imperative mood) is set
// after parsing by RefineMorph.
type morpher struct {
	words map[pair]model.Morph // {lowercased word, XPOS}
	tags  map[string]model.Morph
}

func (m *morpher) morph(form, lemma, upos, xpos string) model.Morph {
	if mo, ok := m.words[pair{Lower(form), xpos}]; ok {
		return mo
	}
	return m.tags[xpos]
}

// MorphOf extracts the five features vigil uses from a UD feature string.
func MorphOf(feats string) model.Morph { return morphOf(feats) }

// FeatsOf writes m as a UD feature string ("Mood=Ind|Number=Sing").
func FeatsOf(m model.Morph) string {
	var b strings.Builder
	for _, f := range [...]struct{ name, value string }{
		{"Mood", m.Mood}, {"Number", m.Number}, {"Person", m.Person}, {"Tense", m.Tense}, {"VerbForm", m.VerbForm},
	} {
		if f.value == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(f.name + "=" + f.value)
	}
	return b.String()
}

func morphOf(feats string) model.Morph {
	return model.Morph{
		Tense:    conllu.Feat(feats, "Tense"),
		Number:   conllu.Feat(feats, "Number"),
		Person:   conllu.Feat(feats, "Person"),
		VerbForm: conllu.Feat(feats, "VerbForm"),
		Mood:     conllu.Feat(feats, "Mood"),
	}
}

func morphKey(m model.Morph) string {
	return m.Tense + "|" + m.Number + "|" + m.Person + "|" + m.VerbForm + "|" + m.Mood
}

func parseMorphKey(k string) model.Morph {
	p := strings.Split(k, "|")
	if len(p) != 5 {
		return model.Morph{}
	}
	return model.Morph{Tense: p[0], Number: p[1], Person: p[2], VerbForm: p[3], Mood: p[4]}
}

type morphCounts struct {
	words map[pair]map[string]int
	tags  map[string]map[string]int
}

func newMorphCounts() *morphCounts {
	return &morphCounts{words: map[pair]map[string]int{}, tags: map[string]map[string]int{}}
}

func (c *morphCounts) add(form, xpos, feats string) {
	k := morphKey(morphOf(feats))
	m := c.words[pair{Lower(form), xpos}]
	if m == nil {
		m = map[string]int{}
		c.words[pair{Lower(form), xpos}] = m
	}
	m[k]++
	m = c.tags[xpos]
	if m == nil {
		m = map[string]int{}
		c.tags[xpos] = m
	}
	m[k]++
}

func (c *morphCounts) build() *morpher {
	m := &morpher{words: map[pair]model.Morph{}, tags: map[string]model.Morph{}}
	for _, k := range sortedKeys(c.tags) {
		m.tags[k] = parseMorphKey(best(c.tags[k]))
	}
	for _, k := range sortedPairs(c.words) {
		mo := parseMorphKey(best(c.words[k]))
		if mo != m.tags[k[1]] {
			m.words[k] = mo
		}
	}
	return m
}

func (m *morpher) encode(w *binio.Writer) {
	keys := sortedPairs(m.words)
	w.Uvarint(uint64(len(keys)))
	for _, k := range keys {
		w.String(k[0])
		w.String(k[1])
		w.String(morphKey(m.words[k]))
	}
	tags := sortedKeys(m.tags)
	w.Uvarint(uint64(len(tags)))
	for _, k := range tags {
		w.String(k)
		w.String(morphKey(m.tags[k]))
	}
}

func decodeMorpher(r *binio.Reader) *morpher {
	n := r.Int(1 << 24)
	m := &morpher{words: make(map[pair]model.Morph, n), tags: map[string]model.Morph{}}
	for i := 0; i < n && r.Err() == nil; i++ {
		k := pair{r.String(), r.String()}
		m.words[k] = parseMorphKey(r.String())
	}
	n = r.Int(1 << 16)
	for i := 0; i < n && r.Err() == nil; i++ {
		k := r.String()
		m.tags[k] = parseMorphKey(r.String())
	}
	return m
}

// RefineMorph sets the morphology that depends on the parse, once Head and
// Rel are known: the person and number of finite verbs from their subject,
// imperative mood, and gerunds (VBG words used as nouns or noun modifiers).
func RefineMorph(s *model.Sentence) {
	toks := s.Tokens
	n := len(toks)
	if n == 0 {
		return
	}
	// First subject and marker facts per head.
	subj := make([]int32, n)
	flags := make([]uint8, n)
	const (
		hasAux = 1 << iota
		hasTo
		hasConj
	)
	for i := range subj {
		subj[i] = -1
	}
	for i := range toks {
		h := toks[i].Head
		if h < 0 || h >= n {
			continue
		}
		switch toks[i].Rel {
		case "nsubj", "nsubj:pass", "expl":
			if subj[h] < 0 {
				subj[h] = int32(i)
			}
		case "aux", "aux:pass":
			flags[h] |= hasAux
		case "mark":
			if Lower(toks[i].Text) == "to" {
				flags[h] |= hasTo
			}
		case "conj":
			flags[h] |= hasConj
		}
	}
	// subjectOf finds the subject of a verb: its own, its head's when it
	// is an auxiliary or copula, or the first conjunct's.
	subjectOf := func(i int) int {
		for steps := 0; steps < 4 && i >= 0 && i < n; steps++ {
			if subj[i] >= 0 {
				return int(subj[i])
			}
			switch toks[i].Rel {
			case "aux", "aux:pass", "cop", "conj":
				i = toks[i].Head
			default:
				return -1
			}
		}
		return -1
	}
	for i := range toks {
		t := &toks[i]
		switch t.XPOS {
		case "VBD", "VBP":
			if su := subjectOf(i); su >= 0 {
				num, per := agreement(&toks[su], flags[su]&hasConj != 0)
				if num != "" {
					t.Morph.Number, t.Morph.Person = num, per
				}
			}
		case "VB":
			head := i
			if t.Rel == "cop" || t.Rel == "aux" {
				continue
			}
			imp := subj[head] < 0 && flags[head]&(hasAux|hasTo) == 0
			switch t.Rel {
			case "root", "parataxis":
			case "conj":
				h := t.Head
				imp = imp && h >= 0 && h < n && toks[h].Morph.Mood == "Imp"
			default:
				imp = false
			}
			if imp {
				t.Morph.Mood, t.Morph.VerbForm, t.Morph.Tense = "Imp", "Fin", ""
			} else {
				t.Morph.Mood, t.Morph.VerbForm, t.Morph.Tense = "", "Inf", ""
			}
		case "VBG":
			ger := false
			if flags[i]&hasAux == 0 {
				switch Universal(t.Rel) {
				case "acl", "xcomp", "amod", "csubj", "ccomp", "obj", "nsubj", "obl", "nmod", "appos":
					ger = true
				case "conj":
					h := t.Head
					ger = h >= 0 && h < n && toks[h].Morph.VerbForm == "Ger"
				}
			}
			if ger {
				t.Morph.VerbForm, t.Morph.Tense = "Ger", ""
			} else {
				t.Morph.VerbForm, t.Morph.Tense = "Part", "Pres"
			}
		}
	}
}

// agreement gives the number and person a subject imposes on its verb.
func agreement(su *model.Token, coordinated bool) (number, person string) {
	switch {
	case su.Morph.Person != "":
		number, person = su.Morph.Number, su.Morph.Person
		if number == "" && su.Morph.Person == "2" {
			number = "Sing"
		}
	case su.UPOS == "NOUN" || su.UPOS == "PROPN" || su.UPOS == "NUM" || su.UPOS == "PRON" || su.UPOS == "DET":
		person = "3"
		number = su.Morph.Number
		if number == "" || number == "Ptan" {
			number = "Sing"
			if su.XPOS == "NNS" || su.XPOS == "NNPS" {
				number = "Plur"
			}
		}
	default:
		return "", ""
	}
	if coordinated {
		number = "Plur"
	}
	return number, person
}

// Universal strips the subtype of a relation: "nsubj:pass" → "nsubj".
func Universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
