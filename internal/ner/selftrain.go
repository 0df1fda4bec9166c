package ner

import (
	"github.com/vigilhq/vigil/internal/model"
)

// Self-training on UD English EWT train: the same web genres as UNER test
// (reviews, emails, forums, blogs, answers), with gold part-of-speech tags
// but no entity labels. A model trained on UNER dev labels these
// sentences, and only the sentences where its labels agree with the gold
// tags are kept (see agrees).

// silverConfig holds the knobs of self-training.
type silverConfig struct {
	negEvery int     // keep one in negEvery sentences with no proper noun and no name (0: none)
	strict   bool    // names must begin and end with a proper noun
	oBias    float64 // O bias of the labelling model (see trainConfig.oBias)
}

// maxSilverLen bounds the sentences labelled for self-training.
const maxSilverLen = 80

// silverSamples labels the EWT sentences with r and keeps the agreeing ones.
func silverSamples(r *Recognizer, ewt []posTags, cfg silverConfig) []sample {
	var out []sample
	neg := 0
	for _, pt := range ewt {
		if len(pt.words) == 0 || len(pt.words) > maxSilverLen {
			continue
		}
		toks := tokensOf(pt.words)
		s := &model.Sentence{Tokens: toks}
		r.Recognize(s)
		ms := Mentions(s)
		timeWord := func(i int) bool { return r.gaz.lookup(pt.words[i:i+1])&(1<<gazTimeWord) != 0 }
		ok, propn := agrees(pt, ms, timeWord, cfg.strict)
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

// agrees tells whether the mentions ms found in a sentence agree with its
// gold part-of-speech tags: every name other than NORP holds a proper noun
// (with strict, begins with one and ends with one or its possessive), and
// every proper noun that is not a time word ("Monday", "May") lies in a
// mention. It also returns the number of proper nouns.
func agrees(pt posTags, ms []Mention, timeWord func(i int) bool, strict bool) (bool, int) {
	in := make([]bool, len(pt.words))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(pt.words) || m.Start >= m.End {
			return false, 0
		}
		has := false
		for i := m.Start; i < m.End; i++ {
			in[i] = true
			has = has || pt.upos[i] == "PROPN"
		}
		if m.Type == NORP {
			continue
		}
		if !has || strict && (pt.upos[m.Start] != "PROPN" || !nameEnd(pt, m.End-1)) {
			return false, 0
		}
	}
	propn := 0
	for i, u := range pt.upos {
		if u != "PROPN" {
			continue
		}
		propn++
		if !in[i] && !timeWord(i) {
			return false, propn
		}
	}
	return true, propn
}

// nameEnd tells whether word i may end a name: a proper noun, or a
// possessive after one ("Denny 's").
func nameEnd(pt posTags, i int) bool {
	if pt.upos[i] == "PROPN" {
		return true
	}
	return i > 0 && pt.upos[i] == "PART" && pt.upos[i-1] == "PROPN"
}
