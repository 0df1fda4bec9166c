// Package tag assigns part-of-speech tags (Universal POS and Penn Treebank),
// lemmas and morphology to tokenised sentences.
//
// The tagger is a greedy left-to-right averaged perceptron that predicts a
// joint UPOS+XPOS class per token. Its features are the word, its affixes
// and shape, the neighbouring words, the tags already assigned on the left
// and the "ambiguity class" (the tags a word had in the training data) of
// the words around it, which gives the tagger a view of the right context.
// A second pass, trained on jackknifed first-pass tags, also sees the
// first pass's tags on the right; it rescores only the few words whose
// first-pass decision was close. Lemmas come from an exception table
// learned from the treebank plus suffix rules; morphology from XPOS, word
// and lemma.
package tag

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/binio"
	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
)

// ModelPath is where `vigil train` writes the tagger model, relative to the
// repository root.
const ModelPath = "internal/tag/model/tagger.bin.gz"

//go:embed model/tagger.bin.gz
var embedded []byte

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	model      *pc.Model
	model2     *pc.Model // second pass that sees the first pass's tags on the right, or nil
	upos, xpos []string  // per class
	classAtom  []uint64  // hash per class, for tag history features
	verbal     []bool    // classes of verbs and auxiliaries
	lex        map[string]lexEntry
	open       []uint16 // classes possible for words not in lex
	// candMin is how often a word must have been seen for its classes in
	// the training data to be the only ones considered.
	candMin int32
	// rareMin: words seen fewer times in training count as unknown.
	rareMin int32
	// gate: the second pass rescores only words whose first-pass margin
	// is below it (in the first model's weight units); negative: all
	// words, 0: none.
	gate  int32
	lem   *Lemmatizer
	morph *morpher
	pool  sync.Pool // *scratch
	// vbd is the class of a past-tense verb (-1 if the model has none);
	// repairFinite turns on repairMissingFinite.
	vbd          int
	repairFinite bool
}

// lexEntry is what the training data says about a word.
type lexEntry struct {
	amb   uint64   // hash of its ambiguity class (frequent tags), for features
	cands []uint16 // every class it had: the only ones the tagger considers
	count int32
	st    *staticSums // set by cacheStatic
}

// staticSums holds the summed weights of the static features (those of the
// word alone) of a lexicon word, per candidate class and pass, for the
// word in lower case and capitalised: most tokens then need a dozen fewer
// weight lookups. The sums are exact, so tags do not change.
type staticSums struct {
	low, title [2][]int32
}

// A word seen at least this often with a single class gets it without
// scoring.
const sureCount = 50

type scratch struct {
	forms   []string
	classes []int
	at      []atoms
	cands   [][]uint16
	sure    []bool
	st      []*[2][]int32 // static sums of the token's form, or nil
	tags    []uint64
	right   []uint64 // first-pass tags (padded like tags) or nil
	feats   []uint64
	margin  []int32   // first-pass margin per token
	scores  []float32 // training
	iscores []int32
}

// Load returns the tagger embedded in the binary.
func Load() (*Tagger, error) {
	if len(embedded) == 0 {
		return nil, errors.New("load tagger: no embedded model (run vigil train)")
	}
	t, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	return t, nil
}

func newTagger(m *pc.Model, upos, xpos []string, lex map[string]lexEntry, open []uint16, lem *Lemmatizer, mo *morpher) *Tagger {
	t := &Tagger{model: m, upos: upos, xpos: xpos, lex: lex, open: open, lem: lem, morph: mo}
	t.classAtom = make([]uint64, len(upos))
	t.verbal = make([]bool, len(upos))
	t.vbd, t.repairFinite = -1, true
	for i := range upos {
		if upos[i] == "VERB" && xpos[i] == "VBD" {
			t.vbd = i
		}
		t.classAtom[i] = pc.String(upos[i] + "|" + xpos[i])
		t.verbal[i] = strings.HasPrefix(xpos[i], "VB") || xpos[i] == "MD"
	}
	return t
}

var (
	tagStart = pc.String("<t-start>")
	tagEnd   = pc.String("<t-end>")
)

func (t *Tagger) getScratch(n int) *scratch {
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{iscores: make([]int32, len(t.upos))}
	}
	s.resize(n)
	return s
}

func (s *scratch) resize(n int) {
	if cap(s.at) < n+4 {
		s.at = make([]atoms, n+4)
		s.tags = make([]uint64, n+4)
		s.cands = make([][]uint16, n)
		s.sure = make([]bool, n)
		s.st = make([]*[2][]int32, n)
		s.margin = make([]int32, n)
	}
	if cap(s.forms) < n {
		s.forms = make([]string, n)
		s.classes = make([]int, n)
	}
	s.forms, s.classes = s.forms[:n], s.classes[:n]
	s.at = s.at[:n+4]
	s.tags = s.tags[:n+4]
	s.cands = s.cands[:n]
	s.sure = s.sure[:n]
	s.st = s.st[:n]
	s.margin = s.margin[:n]
}

// prepare fills the atoms and candidate classes of the padded sentence.
// Training needs every atom; tagging skips those of the static features
// of words that have cached sums or are sure of their class.
func (t *Tagger) prepare(s *scratch, forms []string, training bool) {
	n := len(forms)
	s.at[0], s.at[1] = padStart, padStart
	s.at[n+2], s.at[n+3] = padEnd, padEnd
	for i, f := range forms {
		low := Lower(f)
		e, ok := t.lex[low]
		s.cands[i] = t.open
		s.sure[i] = false
		s.st[i] = nil
		if ok && e.count >= t.candMin {
			s.cands[i] = e.cands
			s.sure[i] = len(e.cands) == 1 && e.count >= sureCount
		}
		if ok && e.st != nil {
			var st *[2][]int32
			if f == low {
				st = &e.st.low
			} else if isTitle(f, low) {
				st = &e.st.title
			}
			if st != nil && st[0] != nil && (t.model2 == nil || st[1] != nil) {
				s.st[i] = st
			}
		}
		full := training || (s.st[i] == nil && !s.sure[i] && len(s.cands[i]) > 1)
		s.at[i+2] = makeAtoms(f, low, e, ok, t.rareMin, full)
	}
	s.tags[0], s.tags[1] = tagStart, tagStart
}

// run tags the prepared sentence in s with pass 0 (model) or 1 (model2),
// writing class ids into out. right holds first-pass tag atoms for the
// second pass, which rescores only the words whose first-pass margin is
// below the gate and keeps the first-pass class of the others.
func (t *Tagger) run(s *scratch, pass int, n int, right []uint64, caps uint64, out []int) {
	s.tags[0], s.tags[1] = tagStart, tagStart
	lastV := tagStart
	for i := 0; i < n; i++ {
		var c int
		if pass == 0 || t.gate < 0 || s.margin[i] < t.gate {
			c = t.classify(s, pass, i, right, caps, lastV)
		} else {
			c = out[i]
		}
		out[i] = c
		s.tags[i+2] = t.classAtom[c]
		if t.verbal[c] {
			lastV = t.classAtom[c]
		}
	}
}

// classify returns the best class of word i in the given pass. The first
// pass records its margin.
func (t *Tagger) classify(s *scratch, pass, i int, right []uint64, caps, lastV uint64) int {
	cands := s.cands[i]
	if pass == 0 {
		s.margin[i] = math.MaxInt32
	}
	if s.sure[i] || len(cands) == 1 {
		return int(cands[0])
	}
	m := t.model
	if pass == 1 {
		m = t.model2
	}
	if st := s.st[i]; st != nil && st[pass] != nil {
		s.feats = dynamicFeatures(s.feats[:0], s.at, s.tags, right, i, caps, lastV)
		m.ScoresFor(s.feats, cands, s.iscores)
		for k, v := range st[pass] {
			s.iscores[k] += v
		}
	} else {
		s.feats = features(s.feats[:0], s.at, s.tags, right, i, caps, lastV)
		m.ScoresFor(s.feats, cands, s.iscores)
	}
	scores := s.iscores[:len(cands)]
	best := pc.Argmax(scores)
	if pass == 0 {
		s.margin[i] = margin(scores, best)
	}
	return int(cands[best])
}

// margin returns how far the best score is above the others.
func margin(scores []int32, best int) int32 {
	m := int32(math.MaxInt32)
	for k, v := range scores {
		if k != best && scores[best]-v < m {
			m = scores[best] - v
		}
	}
	return m
}

// rightAtoms fills s.right with the padded tag atoms of classes.
func (t *Tagger) rightAtoms(s *scratch, classes []int) []uint64 {
	n := len(classes)
	if cap(s.right) < n+4 {
		s.right = make([]uint64, n+4)
	}
	r := s.right[:n+4]
	r[0], r[1], r[n+2], r[n+3] = tagStart, tagStart, tagEnd, tagEnd
	for i, c := range classes {
		r[i+2] = t.classAtom[c]
	}
	return r
}

// predict tags the words in s.forms and writes class ids into s.classes.
func (t *Tagger) predict(s *scratch) {
	forms := s.forms
	t.prepare(s, forms, false)
	caps := capsBucket(forms)
	n := len(forms)
	t.run(s, 0, n, nil, caps, s.classes)
	if t.model2 != nil && (t.gate < 0 || t.gate > 0 && slices.ContainsFunc(s.margin[:n], func(m int32) bool { return m < t.gate })) {
		right := t.rightAtoms(s, s.classes)
		t.run(s, 1, n, right, caps, s.classes)
	}
}

// Tag fills UPOS, XPOS, Lemma and Morph of every token of s.
func (t *Tagger) Tag(s *model.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sc := t.getScratch(n)
	defer t.pool.Put(sc)
	for i := range s.Tokens {
		sc.forms[i] = s.Tokens[i].Text
	}
	t.predict(sc)
	classes := sc.classes
	if t.repairFinite {
		t.repairMissingFinite(sc.forms[:n], classes[:n])
	}
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		c := classes[i]
		tok.UPOS, tok.XPOS = t.upos[c], t.xpos[c]
		tok.Lemma = t.lem.Lemma(tok.Text, tok.UPOS, tok.XPOS)
		tok.Morph = t.morph.morph(tok.Text, tok.Lemma, tok.UPOS, tok.XPOS)
	}
}

const fileMagic = "VGTAG1"

// WriteTo writes the tagger as a gzip-compressed model file. The bytes are
// a deterministic function of the tagger.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	return binio.WriteFile(w, fileMagic, "tagger", func(bw *binio.Writer) {
		bw.Strings(t.upos)
		bw.Strings(t.xpos)
		words := sortedKeys(t.lex)
		bw.Uvarint(uint64(len(words)))
		for _, wd := range words {
			e := t.lex[wd]
			bw.String(wd)
			bw.Uvarint(e.amb)
			bw.Uvarint(uint64(e.count))
			bw.Uvarint(uint64(len(e.cands)))
			for _, c := range e.cands {
				bw.Uvarint(uint64(c))
			}
		}
		bw.Uvarint(uint64(t.candMin))
		bw.Uvarint(uint64(t.rareMin))
		bw.Uvarint(uint64(len(t.open)))
		for _, c := range t.open {
			bw.Uvarint(uint64(c))
		}
		t.lem.encode(bw)
		t.morph.encode(bw)
		t.model.Encode(bw)
		if t.model2 != nil {
			bw.Uvarint(2)
			t.model2.Encode(bw)
			bw.Uvarint(uint64(int64(t.gate) + 1))
		} else {
			bw.Uvarint(1)
		}
	})
}

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	var out *Tagger
	err := binio.ReadFile(r, fileMagic, "tagger", func(br *binio.Reader) error {
		var err error
		out, err = decode(br)
		return err
	})
	return out, err
}

// decode reads the records of a model file after its magic.
func decode(br *binio.Reader) (*Tagger, error) {
	upos := br.Strings()
	xpos := br.Strings()
	if br.Err() == nil && (len(upos) == 0 || len(upos) != len(xpos)) {
		return nil, errors.New("read tagger: bad class table")
	}
	classes := func() []uint16 {
		k := br.Int(len(upos))
		cs := make([]uint16, k)
		for j := range cs {
			cs[j] = uint16(br.Int(len(upos) - 1))
		}
		return cs
	}
	n := br.Int(1 << 24)
	lex := make(map[string]lexEntry, n)
	for i := 0; i < n && br.Err() == nil; i++ {
		wd := br.String()
		e := lexEntry{amb: br.Uvarint(), count: int32(br.Int(1 << 30))}
		e.cands = classes()
		if len(e.cands) == 0 {
			return nil, errors.New("read tagger: word without classes")
		}
		lex[wd] = e
	}
	candMin := int32(br.Int(1 << 30))
	rareMin := int32(br.Int(1 << 30))
	open := classes()
	if br.Err() == nil && len(open) == 0 {
		return nil, errors.New("read tagger: no open classes")
	}
	lem := decodeLemmatizer(br)
	mo := decodeMorpher(br)
	if br.Err() != nil {
		return nil, fmt.Errorf("read tagger: %w", br.Err())
	}
	m, err := pc.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	if m.Classes() != len(upos) {
		return nil, fmt.Errorf("read tagger: model has %d classes, table %d", m.Classes(), len(upos))
	}
	var m2 *pc.Model
	var gate int32
	if br.Int(2) == 2 {
		m2, err = pc.Decode(br)
		if err != nil {
			return nil, fmt.Errorf("read tagger second pass: %w", err)
		}
		if m2.Classes() != len(upos) {
			return nil, fmt.Errorf("read tagger: second pass has %d classes, table %d", m2.Classes(), len(upos))
		}
		gate = int32(br.Int(math.MaxInt32)) - 1
	}
	if br.Err() != nil {
		return nil, fmt.Errorf("read tagger: %w", br.Err())
	}
	t := newTagger(m, upos, xpos, lex, open, lem, mo)
	t.candMin, t.rareMin = candMin, rareMin
	t.model2, t.gate = m2, gate
	t.cacheStatic()
	return t, nil
}

// cacheStatic fills the static sums of the lexicon words for the current
// models. Call it whenever a model changes, before tagging.
func (t *Tagger) cacheStatic() {
	models := [2]*pc.Model{t.model, t.model2}
	var buf []uint64
	for wd, e := range t.lex {
		e.st = nil
		if t.model != nil {
			cands := t.open
			if e.count >= t.candMin {
				cands = e.cands
			}
			st := &staticSums{}
			sum := func(form string, dst *[2][]int32) {
				a := makeAtoms(form, wd, e, true, t.rareMin, true)
				buf = staticFeatures(buf[:0], &a)
				for k, m := range models {
					if m != nil {
						dst[k] = make([]int32, len(cands))
						m.ScoresFor(buf, cands, dst[k])
					}
				}
			}
			sum(wd, &st.low)
			if ti := title(wd); ti != wd && Lower(ti) == wd {
				sum(ti, &st.title)
			}
			e.st = st
		}
		t.lex[wd] = e
	}
}

// title returns s with its first letter in upper case.
func title(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	u := unicode.ToUpper(r)
	if u == r || r == utf8.RuneError {
		return s
	}
	return string(u) + s[size:]
}

// isTitle says whether f is low with its first letter in upper case.
func isTitle(f, low string) bool {
	r, size := utf8.DecodeRuneInString(f)
	l, lsize := utf8.DecodeRuneInString(low)
	return r != l && unicode.ToLower(r) == l && f[size:] == low[lsize:]
}

// repairMissingFinite fixes one common error of the tagger: a full sentence
// whose only verb is tagged as a past participle ("Rebels and soldiers
// clashed in the north."). When a sentence of five or more words ending in
// a full stop has no finite verb and no auxiliary, the first past
// participle that follows a noun or pronoun and is followed by another word
// becomes a past-tense verb.
func (t *Tagger) repairMissingFinite(forms []string, classes []int) {
	n := len(classes)
	if n < 5 || t.vbd < 0 || forms[n-1] != "." {
		return
	}
	for _, c := range classes {
		switch t.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i < n-2; i++ {
		if t.xpos[classes[i]] != "VBN" {
			continue
		}
		switch t.xpos[classes[i-1]] {
		case "NN", "NNS", "NNP", "NNPS", "PRP":
			if t.xpos[classes[i+1]] != "." && t.xpos[classes[i+1]] != "," {
				classes[i] = t.vbd
			}
		}
		return
	}
}

// Average returns the tagger whose models are the mean of the given
// taggers' (see perceptron.Average): an ensemble that tags as fast as one
// tagger. The taggers must have been trained on the same treebank, so that
// their classes and lexicons agree; the first one's lexicon, lemmatizer and
// morphology are kept.
func Average(ts ...*Tagger) (*Tagger, error) {
	if len(ts) == 0 {
		return nil, fmt.Errorf("average taggers: none given")
	}
	first := ts[0]
	var m1, m2 []*pc.Model
	for i, t := range ts {
		if !slices.Equal(t.upos, first.upos) || !slices.Equal(t.xpos, first.xpos) {
			return nil, fmt.Errorf("average taggers: tagger %d has other classes", i)
		}
		if (t.model2 == nil) != (first.model2 == nil) {
			return nil, fmt.Errorf("average taggers: tagger %d differs in its second pass", i)
		}
		m1 = append(m1, t.model)
		if t.model2 != nil {
			m2 = append(m2, t.model2)
		}
	}
	m, err := pc.Average(m1...)
	if err != nil {
		return nil, fmt.Errorf("average taggers: %w", err)
	}
	out := newTagger(m, first.upos, first.xpos, maps.Clone(first.lex), first.open, first.lem, first.morph)
	out.candMin, out.rareMin, out.gate, out.repairFinite = first.candMin, first.rareMin, first.gate, first.repairFinite
	if len(m2) > 0 {
		if out.model2, err = pc.Average(m2...); err != nil {
			return nil, fmt.Errorf("average taggers: second pass: %w", err)
		}
	}
	// The gate is a margin in the first model's units; keep its weight.
	if first.gate > 0 {
		out.gate = int32(math.Round(float64(first.gate) * float64(first.model.Scale()) / float64(m.Scale())))
	}
	out.cacheStatic()
	return out, nil
}
