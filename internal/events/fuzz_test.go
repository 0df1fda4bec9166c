package events

import (
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

var (
	fuzzUPOS  = []string{"VERB", "NOUN", "PROPN", "PRON", "ADJ", "ADP", "AUX", "PART", "SCONJ", "DET", "PUNCT", "NUM", "CCONJ", "ADV"}
	fuzzRels  = []string{"root", "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "nmod:poss", "amod", "compound", "xcomp", "ccomp", "advcl", "acl", "conj", "aux", "aux:pass", "mark", "case", "det", "neg", "advmod", "parataxis", "appos", "flat", "compound:prt"}
	fuzzWords = []string{"attack", "Russia", "troops", "call", "on", "to", "meet", "warn", "of", "costs", "deny", "plan", "invade",
		"not", "could", "will", "said", "it", "they", "Ukrainian", "talks", "sanctions", "by", "unless", "if", "any", "invasion",
		"threaten", "vow", "fight", "agree", "cooperate", "and", "the", "NATO", "Biden", "kill", "explosion", "must", "willing"}
)

// FuzzCode codes arbitrary parses: any heads, relations and words. It must
// never panic and stays within the caps.
func FuzzCode(f *testing.F) {
	c, err := New(nil)
	if err != nil {
		f.Fatalf("New: %v", err)
	}
	kbc := newTestCoder(f)
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte("Russian troops attacked Kharkiv"))
	f.Add([]byte{255, 254, 0, 0, 1, 1, 2, 2, 3, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCode(t, c, kbc, data)
	})
}

func fuzzCode(t *testing.T, c, kbc *Coder, data []byte) {
	if len(data) > 600 {
		data = data[:600]
	}
	var toks []model.Token
	off := 0
	text := ""
	for i := 0; i+2 < len(data); i += 3 {
		w := fuzzWords[int(data[i])%len(fuzzWords)]
		n := len(toks)
		head := int(data[i+1])%(n+2) - 1 // -1 .. n: may point forward, at itself or nowhere
		toks = append(toks, model.Token{Text: w, Lemma: w, Start: off, End: off + len(w),
			UPOS: fuzzUPOS[int(data[i+2])%len(fuzzUPOS)], XPOS: "NN", Head: head,
			Rel: fuzzRels[int(data[i+2]>>4+data[i])%len(fuzzRels)]})
		text += w + " "
		off += len(w) + 1
	}
	s := model.Sentence{Index: 0, Span: model.Span{Start: 0, End: len(text)}, Tokens: toks}
	for _, coder := range []*Coder{c, kbc} {
		evs := coder.Code(Input{Text: text, Sentences: []model.Sentence{s, s}})
		if len(evs) > 2*MaxEventsPerSentence {
			t.Fatalf("%d events from two sentences", len(evs))
		}
		for _, e := range evs {
			if e.Modality == "" || e.CAMEO == "" || e.Confidence < 0 || e.Confidence > 1 {
				t.Fatalf("bad event %+v", e)
			}
		}
	}
}
