package ner

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/vigilhq/vigil/internal/model"
)

// TypeScore is the exact-span score of one entity type.
type TypeScore struct {
	Type       string
	TP, FP, FN int
	P, R, F1   float64
}

// Scores are CoNLL-style exact-span entity scores: a predicted entity
// counts only when its span and type both match a gold entity.
type Scores struct {
	Sentences, Tokens int
	TP, FP, FN        int
	P, R, F1          float64
	// Strict also counts predictions of types the gold data never uses
	// (NORP, scored as UNER's OTH, which UNER English does not annotate).
	StrictP, StrictR, StrictF1 float64
	ByType                     []TypeScore
	// Unjudged counts predictions left out of the scores because the gold
	// data does not annotate their part of the text (EvalMeantime).
	Unjudged int
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scorer accumulates matches per type.
type scorer struct {
	counts map[string]*TypeScore
	sents  int
	toks   int
}

func newScorer() *scorer { return &scorer{counts: make(map[string]*TypeScore)} }

func (s *scorer) get(t string) *TypeScore {
	c := s.counts[t]
	if c == nil {
		c = &TypeScore{Type: t}
		s.counts[t] = c
	}
	return c
}

// add scores one sentence; spans with an empty Type are ignored.
func (s *scorer) add(gold, pred []Mention, ntoks int) {
	s.sents++
	s.toks += ntoks
	type key struct {
		start, end int
		typ        string
	}
	g := make(map[key]bool, len(gold))
	for _, m := range gold {
		if m.Type != "" {
			g[key{m.Start, m.End, m.Type}] = true
			s.get(m.Type)
		}
	}
	for _, m := range pred {
		if m.Type == "" {
			continue
		}
		k := key{m.Start, m.End, m.Type}
		if g[k] {
			s.get(m.Type).TP++
			delete(g, k)
		} else {
			s.get(m.Type).FP++
		}
	}
	for k := range g {
		s.get(k.typ).FN++
	}
}

// scores sums up; types with no gold entity at all count only in Strict.
func (s *scorer) scores() Scores {
	out := Scores{Sentences: s.sents, Tokens: s.toks}
	names := make([]string, 0, len(s.counts))
	for t := range s.counts {
		names = append(names, t)
	}
	sort.Strings(names)
	var stp, sfp, sfn int
	for _, t := range names {
		c := *s.counts[t]
		c.P, c.R, c.F1 = prf(c.TP, c.FP, c.FN)
		out.ByType = append(out.ByType, c)
		stp, sfp, sfn = stp+c.TP, sfp+c.FP, sfn+c.FN
		if c.TP+c.FN == 0 {
			continue
		}
		out.TP, out.FP, out.FN = out.TP+c.TP, out.FP+c.FP, out.FN+c.FN
	}
	out.P, out.R, out.F1 = prf(out.TP, out.FP, out.FN)
	out.StrictP, out.StrictR, out.StrictF1 = prf(stp, sfp, sfn)
	return out
}

// WriteTable prints the per-type and overall scores.
func (s Scores) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\tgold\tpred\ttp\tP\tR\tF1\t\n")
	for _, t := range s.ByType {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", t.Type, t.TP+t.FN, t.TP+t.FP, t.TP, t.P, t.R, t.F1)
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.TP+s.FN, s.TP+s.FP, s.TP, s.P, s.R, s.F1)
	if s.StrictF1 != s.F1 {
		fmt.Fprintf(tw, "strict\t\t\t\t%.3f\t%.3f\t%.3f\t\n", s.StrictP, s.StrictR, s.StrictF1)
	}
	if s.Unjudged > 0 {
		fmt.Fprintf(tw, "unjudged\t\t%d\t\t\t\t\t\n", s.Unjudged)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	return nil
}

// unerLabel maps our types onto UNER's.
func unerLabel(t string) string {
	switch t {
	case Person:
		return "PER"
	case Org:
		return "ORG"
	case GPE, Loc:
		return "LOC"
	case NORP:
		return "OTH"
	}
	return "OTH"
}

// scoreDocument recognizes the sentences of one document with
// RecognizeDocument and scores them; errs, when not nil, gets the errors.
func scoreDocument(r *Recognizer, gold []goldSent, prep func(*model.Sentence), sc *scorer, errs io.Writer) {
	sents := make([]model.Sentence, len(gold))
	for i, g := range gold {
		sents[i] = model.Sentence{Index: i, Tokens: tokensOf(g.words)}
		if prep != nil {
			prep(&sents[i])
		}
	}
	r.RecognizeDocument(sents)
	for i, g := range gold {
		pred := Mentions(&sents[i])
		for j := range pred {
			pred[j].Type = unerLabel(pred[j].Type)
		}
		gs := spansFromTags(g.tags)
		sc.add(gs, pred, len(g.words))
		if errs != nil {
			writeErrors(errs, g.words, gs, pred)
		}
	}
}

// EvalUNER scores r on a UNER iob2 file (gold tokens), a document (its
// "# newdoc id" comment) at a time. prep, when not nil,
// runs on every sentence before recognition (e.g. the POS tagger). Our
// types map onto UNER's: PERSON→PER, ORG→ORG, GPE and LOC→LOC, NORP→OTH.
func EvalUNER(r *Recognizer, path string, prep func(*model.Sentence)) (Scores, error) {
	gold, err := readIOB2(path)
	if err != nil {
		return Scores{}, fmt.Errorf("eval uner: %w", err)
	}
	sc := newScorer()
	for _, d := range docRanges(gold, 0, len(gold)) {
		scoreDocument(r, gold[d[0]:d[1]], prep, sc, nil)
	}
	return sc.scores(), nil
}

// EvalMeantime scores r on MEANTIME (all 120 articles, none used in
// training) under dir (the intra-doc_annotation folder). Gold entities are the named
// mentions of persons, organisations and locations cut down to their names
// as for training (titles, determiners and appositions dropped). Types
// compared: PERSON, ORG and PLACE (GPE and LOC together, as MEANTIME has
// one LOC type). NORP is left out on both sides: MEANTIME marks
// nationality words only now and then.
//
// MEANTIME annotates only the entities that take part in the events it
// marks, so many true names (news agencies, companies named in passing)
// have no annotation. A prediction that overlaps no MEANTIME entity
// mention of any kind (including products and financial entities, which
// we do not predict) cannot be judged: it is counted in Unjudged and left
// out of precision.
func EvalMeantime(r *Recognizer, dir string, prep func(*model.Sentence)) (Scores, error) {
	sents, err := readMeantime(dir, meantimeTopics)
	if err != nil {
		return Scores{}, fmt.Errorf("eval meantime: %w", err)
	}
	l := &labeler{gaz: r.gaz}
	sc := newScorer()
	place := func(ms []Mention) []Mention {
		out := ms[:0]
		for _, m := range ms {
			switch m.Type {
			case GPE, Loc:
				m.Type = "PLACE"
			case NORP:
				continue
			}
			out = append(out, m)
		}
		return out
	}
	// Each article is recognized whole (RecognizeDocument).
	docOf := func(id string) string { d, _, _ := strings.Cut(id, "#"); return d }
	smps := make([]sample, len(sents))
	tagged := make([]model.Sentence, len(sents))
	for a := 0; a < len(sents); {
		b := a + 1
		for b < len(sents) && docOf(sents[b].id) == docOf(sents[a].id) {
			b++
		}
		for i := a; i < b; i++ {
			smps[i] = l.fromMeantime(sents[i])
			tagged[i] = *sentenceOf(smps[i])
			if prep != nil {
				prep(&tagged[i])
			}
		}
		r.RecognizeDocument(tagged[a:b])
		a = b
	}
	unjudged := 0
	for i, m := range sents {
		smp, s := smps[i], &tagged[i]
		marked := make([]bool, len(s.Tokens))
		for _, mm := range m.mentions {
			for i := mm.start; i < mm.end; i++ {
				marked[i] = true
			}
		}
		var judged []Mention
		for _, p := range place(Mentions(s)) {
			overlap := false
			for i := p.Start; i < p.End; i++ {
				overlap = overlap || marked[i]
			}
			if overlap {
				judged = append(judged, p)
			} else {
				unjudged++
			}
		}
		sc.add(place(smp.spans), judged, len(s.Tokens))
	}
	out := sc.scores()
	out.Unjudged = unjudged
	return out, nil
}

// MeantimeDir is the MEANTIME annotation folder under the shared folder.
func MeantimeDir(sharedDir string) string {
	return filepath.Join(append([]string{sharedDir}, meantimeDir...)...)
}

// UNERTestPath is the UNER English test file under the shared folder.
func UNERTestPath(sharedDir string) string {
	return filepath.Join(append([]string{sharedDir}, unerTestPath...)...)
}

// writeErrors lists the gold mentions missed (FN) and the predictions not
// in the gold (FP) of one sentence, with the sentence.
func writeErrors(w io.Writer, words []string, gold, pred []Mention) {
	key := func(m Mention) string { return fmt.Sprintf("%d:%d:%s", m.Start, m.End, m.Type) }
	gs := make(map[string]bool)
	for _, m := range gold {
		gs[key(m)] = true
	}
	ps := make(map[string]bool)
	for _, m := range pred {
		ps[key(m)] = true
	}
	var lines []string
	for _, m := range gold {
		if !ps[key(m)] {
			lines = append(lines, fmt.Sprintf("FN %s %q", m.Type, strings.Join(words[m.Start:m.End], " ")))
		}
	}
	for _, m := range pred {
		if !gs[key(m)] {
			lines = append(lines, fmt.Sprintf("FP %s %q", m.Type, strings.Join(words[m.Start:m.End], " ")))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n", strings.Join(words, " "))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
