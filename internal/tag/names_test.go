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
