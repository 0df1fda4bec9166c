package tag

import (
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestMorphOf(t *testing.T) {
	tests := []struct {
		feats string
		want  model.Morph
	}{
		{"Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", model.Morph{Tense: "Pres", Number: "Sing", Person: "3", VerbForm: "Fin", Mood: "Ind"}},
		{"Number=Plur", model.Morph{Number: "Plur"}},
		{"", model.Morph{}},
		{"Tense=Past|VerbForm=Part|Voice=Pass", model.Morph{Tense: "Past", VerbForm: "Part"}},
	}
	for _, tt := range tests {
		if got := morphOf(tt.feats); got != tt.want {
			t.Errorf("morphOf(%q) = %+v, want %+v", tt.feats, got, tt.want)
		}
		if got := parseMorphKey(morphKey(tt.want)); got != tt.want {
			t.Errorf("morph key round trip of %+v gave %+v", tt.want, got)
		}
	}
}

func TestMorpher(t *testing.T) {
	c := newMorphCounts()
	c.add("walks", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
	c.add("walked", "VBD", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin")
	c.add("troops", "NNS", "Number=Plur")
	c.add("we", "PRP", "Case=Nom|Number=Plur|Person=1|PronType=Prs")
	c.add("I", "PRP", "Case=Nom|Number=Sing|Person=1|PronType=Prs")
	c.add("I", "PRP", "Case=Nom|Number=Sing|Person=1|PronType=Prs")
	m := c.build()
	tests := []struct {
		form, xpos string
		want       model.Morph
	}{
		{"runs", "VBZ", model.Morph{Tense: "Pres", Number: "Sing", Person: "3", VerbForm: "Fin", Mood: "Ind"}},
		{"We", "PRP", model.Morph{Number: "Plur", Person: "1"}},
		{"i", "PRP", model.Morph{Number: "Sing", Person: "1"}},
		{"tanks", "NNS", model.Morph{Number: "Plur"}},
		{"xyz", "FW", model.Morph{}},
	}
	for _, tt := range tests {
		if got := m.morph(tt.form, "", "", tt.xpos); got != tt.want {
			t.Errorf("morph(%q, %s) = %+v, want %+v", tt.form, tt.xpos, got, tt.want)
		}
	}
}

// tok builds a parsed token for RefineMorph tests.
func tok(text, upos, xpos string, head int, rel string, m model.Morph) model.Token {
	return model.Token{Text: text, UPOS: upos, XPOS: xpos, Head: head, Rel: rel, Morph: m}
}

func TestRefineMorph(t *testing.T) {
	past := model.Morph{Tense: "Past", VerbForm: "Fin", Mood: "Ind", Number: "Sing", Person: "3"}
	pres := model.Morph{Tense: "Pres", VerbForm: "Fin", Mood: "Ind", Number: "Sing", Person: "1"}
	tests := []struct {
		name string
		toks []model.Token
		at   int
		want model.Morph
	}{
		{"plural pronoun subject", []model.Token{
			tok("They", "PRON", "PRP", 1, "nsubj", model.Morph{Number: "Plur", Person: "3"}),
			tok("walked", "VERB", "VBD", -1, "root", past),
		}, 1, model.Morph{Tense: "Past", VerbForm: "Fin", Mood: "Ind", Number: "Plur", Person: "3"}},
		{"plural noun subject", []model.Token{
			tok("Police", "NOUN", "NNS", 1, "nsubj", model.Morph{Number: "Plur"}),
			tok("arrest", "VERB", "VBP", -1, "root", pres),
		}, 1, model.Morph{Tense: "Pres", VerbForm: "Fin", Mood: "Ind", Number: "Plur", Person: "3"}},
		{"coordinated subject", []model.Token{
			tok("Kyiv", "PROPN", "NNP", 3, "nsubj", model.Morph{Number: "Sing"}),
			tok("and", "CCONJ", "CC", 2, "cc", model.Morph{}),
			tok("Warsaw", "PROPN", "NNP", 0, "conj", model.Morph{Number: "Sing"}),
			tok("agreed", "VERB", "VBD", -1, "root", past),
		}, 3, model.Morph{Tense: "Past", VerbForm: "Fin", Mood: "Ind", Number: "Plur", Person: "3"}},
		{"auxiliary takes the subject of its verb", []model.Token{
			tok("We", "PRON", "PRP", 2, "nsubj", model.Morph{Number: "Plur", Person: "1"}),
			tok("were", "AUX", "VBD", 2, "aux", past),
			tok("leaving", "VERB", "VBG", -1, "root", model.Morph{VerbForm: "Ger"}),
		}, 1, model.Morph{Tense: "Past", VerbForm: "Fin", Mood: "Ind", Number: "Plur", Person: "1"}},
		{"progressive is a participle", []model.Token{
			tok("We", "PRON", "PRP", 2, "nsubj", model.Morph{Number: "Plur", Person: "1"}),
			tok("were", "AUX", "VBD", 2, "aux", past),
			tok("leaving", "VERB", "VBG", -1, "root", model.Morph{VerbForm: "Ger"}),
		}, 2, model.Morph{Tense: "Pres", VerbForm: "Part"}},
		{"gerund subject", []model.Token{
			tok("Voting", "VERB", "VBG", 2, "csubj", model.Morph{Tense: "Pres", VerbForm: "Part"}),
			tok("is", "AUX", "VBZ", 2, "cop", model.Morph{}),
			tok("free", "ADJ", "JJ", -1, "root", model.Morph{}),
		}, 0, model.Morph{VerbForm: "Ger"}},
		{"imperative", []model.Token{
			tok("Leave", "VERB", "VB", -1, "root", model.Morph{VerbForm: "Inf"}),
			tok("now", "ADV", "RB", 0, "advmod", model.Morph{}),
		}, 0, model.Morph{VerbForm: "Fin", Mood: "Imp"}},
		{"infinitive", []model.Token{
			tok("They", "PRON", "PRP", 1, "nsubj", model.Morph{Number: "Plur", Person: "3"}),
			tok("want", "VERB", "VBP", -1, "root", pres),
			tok("to", "PART", "TO", 3, "mark", model.Morph{}),
			tok("leave", "VERB", "VB", 1, "xcomp", model.Morph{VerbForm: "Fin", Mood: "Imp"}),
		}, 3, model.Morph{VerbForm: "Inf"}},
	}
	for _, tt := range tests {
		s := model.Sentence{Tokens: tt.toks}
		RefineMorph(&s)
		if got := s.Tokens[tt.at].Morph; got != tt.want {
			t.Errorf("%s: %q morph = %+v, want %+v", tt.name, s.Tokens[tt.at].Text, got, tt.want)
		}
	}
	// Bad heads must not panic.
	s := model.Sentence{Tokens: []model.Token{tok("x", "VERB", "VBD", 7, "nsubj", model.Morph{}), tok("y", "VERB", "VBG", -3, "conj", model.Morph{})}}
	RefineMorph(&s)
	RefineMorph(&model.Sentence{})
}

func TestRefineMorphBadHeads(t *testing.T) {
	s := model.Sentence{Tokens: []model.Token{
		tok("x", "AUX", "VBD", 9, "aux", model.Morph{}),
		tok("y", "VERB", "VBG", -3, "conj", model.Morph{}),
		tok("z", "VERB", "VB", 5, "conj", model.Morph{}),
	}}
	RefineMorph(&s)
	if got := s.Tokens[1].Morph.VerbForm; got != "Part" {
		t.Errorf("VBG with a bad head: VerbForm %q, want Part", got)
	}
}

func TestFeatsOf(t *testing.T) {
	tests := []struct {
		m    model.Morph
		want string
	}{
		{model.Morph{Tense: "Past", Number: "Plur", Person: "3", VerbForm: "Fin", Mood: "Ind"}, "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin"},
		{model.Morph{Number: "Sing"}, "Number=Sing"},
		{model.Morph{}, ""},
	}
	for _, tt := range tests {
		got := FeatsOf(tt.m)
		if got != tt.want {
			t.Errorf("FeatsOf(%+v) = %q, want %q", tt.m, got, tt.want)
		}
		if back := MorphOf(got); back != tt.m {
			t.Errorf("MorphOf(%q) = %+v, want %+v", got, back, tt.m)
		}
	}
}
