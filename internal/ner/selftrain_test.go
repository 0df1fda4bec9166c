package ner

import (
	"strings"
	"testing"
)

// tagged builds posTags from "word/UPOS" items.
func tagged(text string) posTags {
	var pt posTags
	for _, item := range strings.Fields(text) {
		i := strings.LastIndexByte(item, '/')
		pt.words = append(pt.words, item[:i])
		pt.upos = append(pt.upos, item[i+1:])
		pt.xpos = append(pt.xpos, "")
	}
	return pt
}

func TestAgrees(t *testing.T) {
	noTime := func(int) bool { return false }
	tests := []struct {
		name      string
		text      string
		ms        []Mention
		strict    bool
		want      bool
		wantPropn int
	}{
		{"all names found", "Lena/PROPN Ortiz/PROPN flew/VERB to/ADP Oslo/PROPN",
			[]Mention{{0, 2, Person}, {4, 5, GPE}}, true, true, 3},
		{"proper noun missed", "Lena/PROPN flew/VERB to/ADP Oslo/PROPN",
			[]Mention{{0, 1, Person}}, false, false, 2},
		{"name without proper noun", "the/DET river/NOUN froze/VERB",
			[]Mention{{1, 2, Loc}}, false, false, 0},
		{"NORP on an adjective", "a/DET Danish/ADJ ship/NOUN",
			[]Mention{{1, 2, NORP}}, true, true, 0},
		{"no names at all", "we/PRON ate/VERB early/ADV",
			nil, true, true, 0},
		{"strict: name begins with a noun", "the/DET Bakery/NOUN Kessler/PROPN",
			[]Mention{{1, 3, Org}}, true, false, 0},
		{"not strict: name begins with a noun", "the/DET Bakery/NOUN Kessler/PROPN",
			[]Mention{{1, 3, Org}}, false, true, 1},
		{"strict: possessive ends a name", "at/ADP Denny/PROPN 's/PART",
			[]Mention{{1, 3, Loc}}, true, true, 1},
		{"span out of range", "Oslo/PROPN",
			[]Mention{{0, 2, GPE}}, false, false, 0},
	}
	for _, tt := range tests {
		got, propn := agrees(tagged(tt.text), tt.ms, noTime, tt.strict)
		if got != tt.want || (got && propn != tt.wantPropn) {
			t.Errorf("%s: agrees = %v, %d proper nouns; want %v, %d", tt.name, got, propn, tt.want, tt.wantPropn)
		}
	}
	// A time word may stay outside the names.
	pt := tagged("see/VERB you/PRON Monday/PROPN")
	if ok, _ := agrees(pt, nil, func(i int) bool { return pt.words[i] == "Monday" }, true); !ok {
		t.Error("a sentence whose only proper noun is a time word was rejected")
	}
}

func TestSilverSamples(t *testing.T) {
	r := loadForTest(t)
	ewt := []posTags{
		tagged("Lena/PROPN Ortiz/PROPN moved/VERB to/ADP Toronto/PROPN ./PUNCT"),
		tagged("Zqx/PROPN is/AUX nice/ADJ ./PUNCT"),
		tagged("it/PRON rained/VERB ./PUNCT"),
		tagged("we/PRON left/VERB ./PUNCT"),
	}
	got := silverSamples(r, ewt, silverConfig{negEvery: 2, strict: true})
	for _, s := range got {
		for _, tk := range s.toks {
			if tk.NER != "" {
				t.Fatalf("silver token %q keeps the tag %q", tk.Text, tk.NER)
			}
		}
	}
	// Of the two sentences without proper nouns or names, one in two is
	// kept: the second.
	var nameless []string
	for _, s := range got {
		if len(s.spans) == 0 {
			nameless = append(nameless, s.toks[0].Text)
		}
	}
	if strings.Join(nameless, " ") != "we" {
		t.Errorf("nameless silver sentences start with %q, want just \"we\"", nameless)
	}
}
