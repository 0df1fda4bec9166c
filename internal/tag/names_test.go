package tag

import (
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestRetagNames(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		words []string
		i     int
		name  bool // word i must come out a proper noun; else RetagNames leaves it
	}{
		{[]string{"Beijing", "sent", "30", "aircraft", "."}, 0, true},
		{[]string{"BEIJING", "sent", "30", "aircraft", "."}, 0, true},
		{[]string{"Running", "is", "fun", "."}, 0, false},                    // a verb in training
		{[]string{"Shelling", "continued", "all", "night", "."}, 0, false},   // "shell" is a verb
		{[]string{"They", "were", "shelling", "the", "town", "."}, 2, false}, // not capitalised
	}
	for _, tc := range tests {
		s := model.Sentence{}
		for _, w := range tc.words {
			s.Tokens = append(s.Tokens, model.Token{Text: w})
		}
		tg.Tag(&s)
		before := s.Tokens[tc.i].XPOS
		tg.RetagNames(&s)
		got := s.Tokens[tc.i].XPOS
		if tc.name && (got != "NNP" || s.Tokens[tc.i].UPOS != "PROPN") {
			t.Errorf("%v: %q tagged %s, want NNP (model said %s)", tc.words, tc.words[tc.i], got, before)
		}
		if !tc.name && got != before {
			t.Errorf("%v: %q retagged %s -> %s, want it left alone", tc.words, tc.words[tc.i], before, got)
		}
	}
}

// TestRetagRepairs gives RetagNames sentences carrying the wrong tags the
// model was seen to produce, and checks each repair and its limits.
func TestRetagRepairs(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	type tw struct{ word, upos, xpos string }
	tests := []struct {
		name      string
		toks      []tw
		i         int
		upos, xpo string // wanted tags of token i
	}{
		{"hyphenated title", []tw{{"Vice-President", "VERB", "VB"}, {"Amos", "PROPN", "NNP"}, {"Kiprono", "PROPN", "NNP"}, {"resigned", "VERB", "VBD"}, {".", "PUNCT", "."}}, 0, "PROPN", "NNP"},
		{"hyphenated adjective stays", []tw{{"Pro-Russian", "ADJ", "JJ"}, {"separatists", "NOUN", "NNS"}, {"attacked", "VERB", "VBD"}, {".", "PUNCT", "."}}, 0, "ADJ", "JJ"},
		{"verb before a possessive", []tw{{"if", "SCONJ", "IN"}, {"Israel", "PROPN", "NNP"}, {"strikes", "NOUN", "NNS"}, {"its", "PRON", "PRP$"}, {"sites", "NOUN", "NNS"}}, 2, "VERB", "VBZ"},
		{"noun after a determiner stays", []tw{{"the", "DET", "DT"}, {"strikes", "NOUN", "NNS"}, {"their", "PRON", "PRP$"}, {"sites", "NOUN", "NNS"}}, 1, "NOUN", "NNS"},
		{"-ing word in a title", []tw{{"Planning", "VERB", "VBG"}, {"and", "CCONJ", "CC"}, {"Investment", "PROPN", "NNP"}, {"Minister", "PROPN", "NNP"}, {"Tran", "PROPN", "NNP"}, {"said", "VERB", "VBD"}, {".", "PUNCT", "."}}, 0, "PROPN", "NNP"},
		{"-ing verb before a common noun stays", []tw{{"Running", "VERB", "VBG"}, {"and", "CCONJ", "CC"}, {"jumping", "VERB", "VBG"}, {"are", "AUX", "VBP"}, {"fun", "ADJ", "JJ"}, {".", "PUNCT", "."}}, 0, "VERB", "VBG"},
		{"brace", []tw{{"{", "VERB", "VB"}, {"The", "DET", "DT"}, {"council", "NOUN", "NN"}, {"met", "VERB", "VBD"}, {".", "PUNCT", "."}}, 0, "PUNCT", "-LRB-"},
		{"reported clause gets its verb", []tw{{"Irish", "ADJ", "JJ"}, {"guerrillas", "NOUN", "NNS"}, {"wounded", "ADJ", "JJ"}, {"two", "NUM", "CD"}, {"soldiers", "NOUN", "NNS"}, {"in", "ADP", "IN"}, {"Belfast", "PROPN", "NNP"}, {",", "PUNCT", ","}, {"police", "NOUN", "NNS"}, {"said", "VERB", "VBD"}, {".", "PUNCT", "."}}, 2, "VERB", "VBD"},
		{"adjective before its noun stays", []tw{{"The", "DET", "DT"}, {"wounded", "ADJ", "JJ"}, {"soldiers", "NOUN", "NNS"}, {"were", "AUX", "VBD"}, {"flown", "VERB", "VBN"}, {"home", "ADV", "RB"}, {",", "PUNCT", ","}, {"officials", "NOUN", "NNS"}, {"said", "VERB", "VBD"}, {".", "PUNCT", "."}}, 1, "ADJ", "JJ"},
		{"no attribution, no repair", []tw{{"Irish", "ADJ", "JJ"}, {"guerrillas", "NOUN", "NNS"}, {"wounded", "ADJ", "JJ"}, {"two", "NUM", "CD"}, {"soldiers", "NOUN", "NNS"}, {"in", "ADP", "IN"}, {"Belfast", "PROPN", "NNP"}, {"last", "ADJ", "JJ"}, {"night", "NOUN", "NN"}, {"here", "ADV", "RB"}, {".", "PUNCT", "."}}, 2, "ADJ", "JJ"},
	}
	for _, tc := range tests {
		var s model.Sentence
		for _, w := range tc.toks {
			s.Tokens = append(s.Tokens, model.Token{Text: w.word, UPOS: w.upos, XPOS: w.xpos, Lemma: w.word})
		}
		tg.RetagNames(&s)
		if got := s.Tokens[tc.i]; got.UPOS != tc.upos || got.XPOS != tc.xpo {
			t.Errorf("%s: %q tagged %s/%s, want %s/%s", tc.name, got.Text, got.UPOS, got.XPOS, tc.upos, tc.xpo)
		}
	}
}
