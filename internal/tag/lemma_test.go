package tag

import "testing"

func TestScriptRoundTrip(t *testing.T) {
	tests := []struct{ form, lemma string }{
		{"running", "run"}, {"Running", "run"}, {"troops", "troop"}, {"was", "be"},
		{"n't", "not"}, {"ca", "can"}, {"Americans", "American"}, {"i", "I"},
		{"THE", "the"}, {"geese", "goose"}, {"better", "good"}, {"Москвы", "москва"}, {"", ""},
	}
	for _, tt := range tests {
		if tt.form == "" {
			continue
		}
		s := makeScript(tt.form, tt.lemma)
		got, ok := s.apply(tt.form)
		if !ok || got != tt.lemma {
			t.Errorf("script %+v of %q → %q (ok %v), want %q", s, tt.form, got, ok, tt.lemma)
		}
		back, ok := parseScript(s.key())
		if !ok || back != s {
			t.Errorf("parseScript(%q) = %+v, %v; want %+v", s.key(), back, ok, s)
		}
	}
	for _, bad := range []string{"", "x1:", "k:", "l-1:a", "kx:"} {
		if _, ok := parseScript(bad); ok {
			t.Errorf("parseScript(%q) accepted a bad script", bad)
		}
	}
}

func TestLemmatizer(t *testing.T) {
	c := newLemmaCounts()
	train := []struct{ form, xpos, lemma string }{
		{"troops", "NNS", "troop"}, {"cities", "NNS", "city"}, {"ladies", "NNS", "lady"},
		{"parties", "NNS", "party"}, {"men", "NNS", "man"}, {"votes", "NNS", "vote"},
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"}, {"voted", "VBD", "vote"},
		{"went", "VBD", "go"}, {"was", "VBD", "be"}, {"The", "DT", "the"}, {"the", "DT", "the"},
		{"I", "PRP", "I"}, {"i", "PRP", "I"}, {"i", "PRP", "I"}, {"Paris", "NNP", "Paris"},
		{"marched", "VBD", "march"}, {"jumped", "VBD", "jump"}, {"banks", "NNS", "bank"},
		{"blame", "VB", "blame"}, {"shell", "VBP", "shell"},
	}
	for _, w := range train {
		c.add(w.form, w.xpos, w.lemma)
	}
	l := c.build(2)
	tests := []struct{ form, upos, xpos, want string }{
		{"troops", "NOUN", "NNS", "troop"},
		{"men", "NOUN", "NNS", "man"},
		{"went", "VERB", "VBD", "go"},
		{"The", "DET", "DT", "the"},
		{"i", "PRON", "PRP", "I"},
		{"Went", "VERB", "VBD", "go"},
		{"kicked", "VERB", "VBD", "kick"},   // unseen: -ed rule
		{"blamed", "VERB", "VBD", "blame"},  // -ed gives "blam", no verb; "blame" is
		{"shelled", "VERB", "VBD", "shell"}, // -ed gives "shel"; "shell" is
		{"parks", "NOUN", "NNS", "park"},    // unseen: -s rule
		{"Kyiv", "PROPN", "NNP", "Kyiv"},    // unseen proper noun keeps case
		{"Tanks", "NOUN", "NNS", "tank"},    // unseen, capitalised common noun
		{"zzz", "X", "UNSEEN", "zzz"},       // unknown tag
		{"", "NOUN", "NN", ""},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestIsGroupedNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"14,000", true}, {"1,250.5", true}, {"2,000,000", true}, {"1000", false},
		{"1,00", false}, {"7,5", false}, {",000", false}, {"1234,000", false},
		{"1,000.", false}, {"1,000.x", false}, {"a,000", false}, {"", false},
	}
	for _, tt := range tests {
		if got := isGroupedNumber(tt.in); got != tt.want {
			t.Errorf("isGroupedNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
