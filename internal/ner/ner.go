// Package ner finds named entities in tokenised sentences: people (PERSON),
// organisations (ORG), countries, cities, states and other governed places
// (GPE), places without a government of their own such as regions, seas,
// rivers and mountains (LOC: "the Donbas", "the Middle East", "Dnipro
// River"), and nationalities, religious and political groups (NORP:
// "Ukrainian", "Russians", "Sunni", "Republicans").
//
// The model is a structured averaged perceptron over BIO tags, decoded with
// Viterbi under BIO constraints. Features are hashed: the word and its
// neighbours, shape, affixes, sentence case, the run of capitalised words a
// token sits in, a word lexicon learned from UD English EWT, names learned
// from other annotated news, and matches against the readable lists under
// gazetteer/. Part-of-speech features are supported (a model flag) but off:
// the tagger's tags did not raise F1. The model is trained by Train
// (vigil train) on UNER English dev plus self-labelled UD English EWT
// train sentences, and embedded in the binary. RecognizeDocument adds
// what the rest of an article says (names recurring, acronyms defined).
//
// Conventions: a leading "the" is not part of a name; titles ("President",
// "Mr.") are not part of a person's name; a demonym before a name is its
// own NORP mention ("Ukrainian President Volodymyr Zelenskyy").
package ner

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/vigilhq/vigil/internal/model"
)

// ModelFile is the model's path inside the repository.
const ModelFile = "internal/ner/ner.model"

//go:embed ner.model
var embeddedModel []byte

// Recognizer labels entities. It is safe for concurrent use.
type Recognizer struct {
	w    *weights
	gaz  *gazetteer
	doc  docOptions // repairs of RecognizeDocument
	pool sync.Pool  // *worker
}

// worker is the scratch space of one Recognize call.
type worker struct {
	x     *extractor
	emit  []int32
	back  []uint8
	tags  []uint8
	delta [nTags]int64
	next  [nTags]int64
}

var loadEmbedded = sync.OnceValues(func() (*Recognizer, error) {
	return New(embeddedModel)
})

// Load returns the recognizer built from the embedded model. The model is
// decoded once; later calls return the same Recognizer.
func Load() (*Recognizer, error) {
	return loadEmbedded()
}

// New builds a recognizer from model file bytes (as written by Train).
func New(modelData []byte) (*Recognizer, error) {
	w, err := decodeWeights(modelData)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	gaz, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	return newRecognizer(w, gaz.withLearned(w.learned, maxGazLen)), nil
}

func newRecognizer(w *weights, gaz *gazetteer) *Recognizer {
	r := &Recognizer{w: w, gaz: gaz, doc: defaultDocOptions()}
	r.pool.New = func() any { return &worker{x: newExtractor(gaz, w.lex)} }
	return r
}

// UsesPOS reports whether the model was trained with part-of-speech
// features. It works without tags too, a little less accurately.
func (r *Recognizer) UsesPOS() bool { return r.w.usePOS }

// Recognize sets the NER field of every token of s to a BIO tag such as
// "B-GPE", "I-GPE" or "O".
func (r *Recognizer) Recognize(s *model.Sentence) {
	if s == nil || len(s.Tokens) == 0 {
		return
	}
	wk := r.pool.Get().(*worker)
	tags := r.decode(wk, s.Tokens)
	for i := range s.Tokens {
		s.Tokens[i].NER = tagNames[tags[i]]
	}
	r.pool.Put(wk)
}

// Mentions returns the entity spans of s, running Recognize first when the
// tokens carry no tags yet.
func (r *Recognizer) Mentions(s *model.Sentence) []Mention {
	if s == nil || len(s.Tokens) == 0 {
		return nil
	}
	if s.Tokens[0].NER == "" {
		r.Recognize(s)
	}
	return Mentions(s)
}

// Mentions reads the entity spans from the BIO tags already set on s.
func Mentions(s *model.Sentence) []Mention {
	return appendMentions(nil, s)
}

// appendMentions appends the entity spans of s to out.
func appendMentions(out []Mention, s *model.Sentence) []Mention {
	if s == nil {
		return out
	}
	start, typ := -1, ""
	for i := range s.Tokens {
		t := s.Tokens[i].NER
		switch {
		case len(t) > 2 && t[0] == 'B' && t[1] == '-':
			if start >= 0 {
				out = append(out, Mention{Start: start, End: i, Type: typ})
			}
			start, typ = i, t[2:]
		case len(t) > 2 && t[0] == 'I' && t[1] == '-':
			if start < 0 || typ != t[2:] {
				if start >= 0 {
					out = append(out, Mention{Start: start, End: i, Type: typ})
				}
				start, typ = i, t[2:]
			}
		default:
			if start >= 0 {
				out = append(out, Mention{Start: start, End: i, Type: typ})
			}
			start, typ = -1, ""
		}
	}
	if start >= 0 {
		out = append(out, Mention{Start: start, End: len(s.Tokens), Type: typ})
	}
	return out
}

// decode returns the best tag sequence for toks; the slice belongs to wk.
func (r *Recognizer) decode(wk *worker, toks []model.Token) []uint8 {
	n := len(toks)
	x := wk.x
	x.extract(toks, r.w.usePOS)
	wk.emit = grow(wk.emit, n*nTags)
	for i := 0; i < n; i++ {
		var e [nTags]int32
		r.w.addRows(x.feats[x.offs[i]:x.offs[i+1]], &e)
		for t := range e {
			e[t] += r.w.tagBias[t]
		}
		copy(wk.emit[i*nTags:], e[:])
	}
	wk.back = grow(wk.back, n*nTags)
	wk.tags = grow(wk.tags, n)
	viterbi(n, wk.emit, &r.w.trans, &r.w.final, wk.back, wk.tags, &wk.delta, &wk.next)
	// A name does not start with "the" ("the European Union" is ORG
	// "European Union"); UNER dev agrees 8 times in 9.
	tags := wk.tags
	for i := 0; i+1 < n; i++ {
		if isBegin(int(tags[i])) && int(tags[i+1]) == int(tags[i])+1 && x.info[i].word == hashThe {
			tags[i], tags[i+1] = tagO, tags[i+1]-1
		}
	}
	titledPersons(tags, x.info, toks)
	trimDates(tags, x.info)
	return wk.tags
}

// trimDates cuts a month or day name, followed by a day number, off the
// end of a name: "a re-enactment planned in Clinton April 4" had "Clinton
// April" as a person. "Theresa May" stays whole: no number follows.
func trimDates(tags []uint8, info []tokInfo) {
	const timeWord = 1 << (gazTimeWord*gzBits + gzWhole)
	for i := 1; i+1 < len(tags); i++ {
		if tags[i] == tagO || isBegin(int(tags[i])) || tags[i+1] != tagO && !isBegin(int(tags[i+1])) {
			continue // not the last word of a longer name
		}
		if info[i].gaz&timeWord == 0 || info[i+1].class != shDigit {
			continue
		}
		tags[i] = tagO
	}
}

// titledPersons retypes as a person an organisation that directly follows
// a capitalised title and is made only of capitalised words no list knows
// as part of an organisation: "Planning and Investment Minister Tran Xuan
// Gia" had "Tran Xuan Gia" as an organisation, which the places stage then
// read as a town named Tran.
func titledPersons(tags []uint8, info []tokInfo, toks []model.Token) {
	const (
		title = 1 << (gazTitle*gzBits + gzWhole)
		all   = 1<<gzBits - 1 // whole, begin and inside
		// any match of a known organisation or an organisation's word
		orgBits = all<<(gazOrg*gzBits) | all<<(gazOrgWord*gzBits) | all<<(gazSilverORG*gzBits)
	)
	b, in := uint8(beginTag(typeIndex(Org))), uint8(insideTag(typeIndex(Org)))
	for i := 1; i < len(tags); i++ {
		if tags[i] != b || info[i-1].gaz&title == 0 || !isCap(int(info[i-1].class)) {
			continue
		}
		end := i + 1
		for end < len(tags) && tags[end] == in {
			end++
		}
		ok := true
		for j := i; j < end && ok; j++ {
			ok = info[j].gaz&orgBits == 0 && isCap(int(info[j].class)) && info[j].class != shUpper && toks[j].Text != "&"
		}
		if !ok {
			continue
		}
		tags[i] = uint8(beginTag(typeIndex(Person)))
		for j := i + 1; j < end; j++ {
			tags[j] = uint8(insideTag(typeIndex(Person)))
		}
	}
}

const negInf = -1 << 60

// allowedTable[p][c] tells whether tag c may follow tag p; row nTags is the
// sentence start.
var allowedTable = func() (a [nTags + 1][nTags]bool) {
	for p := 0; p <= nTags; p++ {
		prev := p
		if p == nTags {
			prev = -1
		}
		for c := 0; c < nTags; c++ {
			a[p][c] = allowed(prev, c)
		}
	}
	return a
}()

// allowedPrev lists, for every tag, the tags that may precede it in
// ascending order (viterbi keeps the first of equal scores, so the order
// matters): all of them before O or a B- tag, only B-X and I-X before I-X.
// Looping over these skips the disallowed pairs without testing each one.
var allowedPrev = func() (a [nTags][]uint8) {
	for c := 0; c < nTags; c++ {
		for p := 0; p < nTags; p++ {
			if allowedTable[p][c] {
				a[c] = append(a[c], uint8(p))
			}
		}
	}
	return a
}()

// viterbi finds the best BIO-valid tag sequence given emission scores
// emit[i*nTags+t], transitions and final scores. It writes into tags.
func viterbi(n int, emit []int32, trans *[nTags + 1][nTags]int32, final *[nTags]int32,
	back []uint8, tags []uint8, delta, next *[nTags]int64) {
	for c := 0; c < nTags; c++ {
		if allowedTable[nTags][c] {
			delta[c] = int64(trans[nTags][c]) + int64(emit[c])
		} else {
			delta[c] = negInf
		}
	}
	for i := 1; i < n; i++ {
		em := emit[i*nTags : (i+1)*nTags]
		bk := back[i*nTags : (i+1)*nTags]
		for c := 0; c < nTags; c++ {
			best, arg := int64(negInf), 0
			for _, p := range allowedPrev[c] {
				d := delta[p]
				if d == negInf {
					continue
				}
				if s := d + int64(trans[p][c]); s > best {
					best, arg = s, int(p)
				}
			}
			if best == negInf {
				next[c] = negInf
			} else {
				next[c] = best + int64(em[c])
			}
			bk[c] = uint8(arg)
		}
		*delta = *next
	}
	best, arg := int64(negInf), 0
	for c := 0; c < nTags; c++ {
		if delta[c] == negInf {
			continue
		}
		if s := delta[c] + int64(final[c]); s > best {
			best, arg = s, c
		}
	}
	tags[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		tags[i-1] = back[i*nTags+int(tags[i])]
	}
}

// Entities turns the entity tags of parsed sentences of text into contract
// records, in text order. Name and actor stay null: coreference fills them.
func Entities(text string, sents []model.Sentence) []model.Entity {
	var out []model.Entity
	for i := range sents {
		s := &sents[i]
		for _, m := range Mentions(s) {
			if m.Start < 0 || m.End > len(s.Tokens) || m.Start >= m.End {
				continue
			}
			start, end := s.Tokens[m.Start].Start, s.Tokens[m.End-1].End
			out = append(out, model.Entity{Text: text[start:end], Type: m.Type, Sentence: s.Index, Start: start, End: end})
		}
	}
	return out
}
