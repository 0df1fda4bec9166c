package nlp

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestRetagDemonyms(t *testing.T) {
	// word/UPOS/NER items; the wanted UPOS of each token follows "=>".
	tests := []struct {
		name, in, want string
	}{
		{"coordinated nationalities before a noun",
			"dozens/NOUN/O of/ADP/O Malian/PROPN/B-NORP and/CCONJ/O Senegalese/PROPN/B-NORP traders/NOUN/O",
			"NOUN ADP ADJ CCONJ ADJ NOUN"},
		{"a nationality used as a name stays",
			"talks/NOUN/O with/ADP/O Malian/PROPN/B-NORP ./PUNCT/O",
			"NOUN ADP PROPN PUNCT"},
		{"a two-word group stays",
			"Sierra/PROPN/B-NORP Leonean/PROPN/I-NORP refugees/NOUN/O",
			"PROPN PROPN NOUN"},
		{"a plural nationality is a noun",
			"The/DET/O Palestinians/ADJ/B-NORP reject/VERB/O it/PRON/O",
			"DET PROPN VERB PRON"},
		{"not an entity",
			"Senegalese/PROPN/O traders/NOUN/O",
			"PROPN NOUN"},
	}
	for _, tc := range tests {
		var s model.Sentence
		for _, it := range strings.Fields(tc.in) {
			f := strings.Split(it, "/")
			s.Tokens = append(s.Tokens, model.Token{Text: f[0], UPOS: f[1], NER: f[2]})
		}
		retagDemonyms(&s)
		var got []string
		for _, tk := range s.Tokens {
			got = append(got, tk.UPOS)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, g, tc.want)
		}
	}
}
