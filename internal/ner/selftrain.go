package ner

import (
	"github.com/vigilhq/vigil/internal/model"
)

// Self-training on UD English EWT train: the same web genres as UNER test
// (reviews, emails, forums, blogs, answers), with gold part-of-speech tags
// but no entity labels. A model trained on UNER dev labels these
// sentences, and only the sentences where its labels agree with the gold
// tags are kept: every name it finds holds a proper noun, and every proper
// noun outside the list of time words lies in a name it found.

// silverConfig holds the knobs of self-training.
type silverConfig struct {
	negEvery int  // keep one in negEvery sentences with no proper noun and no name (0: none)
	strict   bool // names must begin and end with a proper noun
}

// silverSamples labels the EWT sentences with r and keeps the agreeing ones.
func silverSamples(r *Recognizer, ewt []posTags, cfg silverConfig) []sample {
	var out []sample
	neg := 0
	for _, pt := range ewt {
		if len(pt.words) == 0 || len(pt.words) > 80 {
			continue
		}
		toks := tokensOf(pt.words)
		s := &model.Sentence{Tokens: toks}
		r.Recognize(s)
		ms := Mentions(s)
		in := make([]bool, len(toks))
		ok := true
		propn := 0
		for _, m := range ms {
			has := false
			for i := m.Start; i < m.End; i++ {
				in[i] = true
				has = has || pt.upos[i] == "PROPN"
			}
			if !has && m.Type != NORP {
				ok = false
			}
			if cfg.strict && m.Type != NORP && (pt.upos[m.Start] != "PROPN" || !nameEnd(pt, m.End-1)) {
				ok = false
			}
		}
		for i, u := range pt.upos {
			if u != "PROPN" {
				continue
			}
			propn++
			if !in[i] && r.gaz.lookup(pt.words[i:i+1])&(1<<gazTimeWord) == 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		if propn == 0 && len(ms) == 0 {
			neg++
			if cfg.negEvery == 0 || neg%cfg.negEvery != 0 {
				continue
			}
		}
		for i := range toks {
			toks[i].NER = ""
		}
		out = append(out, sample{id: "ewt-silver", src: "silver", toks: toks, spans: ms})
	}
	return out
}

// nameEnd tells whether word i may end a name: a proper noun, or a
// possessive after one ("Denny 's").
func nameEnd(pt posTags, i int) bool {
	if pt.upos[i] == "PROPN" {
		return true
	}
	return i > 0 && pt.upos[i] == "PART" && pt.upos[i-1] == "PROPN"
}
