package parse

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

// tree builds a sentence from "word/UPOS/XPOS/lemma/head/rel" items
// (head -1 for the root).
func tree(t *testing.T, items string) model.Sentence {
	t.Helper()
	var s model.Sentence
	for _, it := range strings.Fields(items) {
		f := strings.Split(it, "/")
		if len(f) != 6 {
			t.Fatalf("bad item %q", it)
		}
		h := 0
		for _, r := range strings.TrimPrefix(f[4], "-") {
			h = h*10 + int(r-'0')
		}
		if strings.HasPrefix(f[4], "-") {
			h = -h
		}
		s.Tokens = append(s.Tokens, model.Token{Text: f[0], UPOS: f[1], XPOS: f[2], Lemma: f[3], Head: h, Rel: f[5]})
	}
	return s
}

func TestRepair(t *testing.T) {
	tests := []struct {
		name  string
		items string
		i     int // token to check
		head  int
		rel   string
	}{
		{"object control", "The/DET/DT/the/2/det government/NOUN/NN/government/2/nsubj ordered/VERB/VBD/order/-1/root the/DET/DT/the/4/det paper/NOUN/NN/paper/2/obj to/PART/TO/to/6/mark close/VERB/VB/close/4/acl ./PUNCT/././2/punct",
			6, 2, "xcomp"},
		{"no control verb", "They/PRON/PRP/they/1/nsubj found/VERB/VBD/find/-1/root a/DET/DT/a/3/det way/NOUN/NN/way/1/obj to/PART/TO/to/5/mark leave/VERB/VB/leave/3/acl ./PUNCT/././1/punct",
			5, 3, "acl"},
		{"attribution between commas", "Forces/NOUN/NNS/force/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/5/punct officials/NOUN/NNS/official/5/nsubj said/VERB/VBD/say/1/conj ,/PUNCT/,/,/7/punct wounding/VERB/VBG/wound/5/ccomp two/NUM/CD/two/7/obj ./PUNCT/././1/punct",
			5, 1, "parataxis"},
		{"participle back to the clause", "Forces/NOUN/NNS/force/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/5/punct officials/NOUN/NNS/official/5/nsubj said/VERB/VBD/say/1/conj ,/PUNCT/,/,/7/punct wounding/VERB/VBG/wound/5/ccomp two/NUM/CD/two/7/obj ./PUNCT/././1/punct",
			7, 1, "advcl"},
		{"coordinated report stays", "Forces/NOUN/NNS/force/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj and/CCONJ/CC/and/5/cc officials/NOUN/NNS/official/5/nsubj said/VERB/VBD/say/1/conj so/ADV/RB/so/5/advmod ./PUNCT/././1/punct",
			5, 1, "conj"},
		{"closing attribution becomes the root", "Rebels/NOUN/NNS/rebel/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/1/punct police/NOUN/NN/police/5/nsubj said/VERB/VBD/say/1/conj ./PUNCT/././1/punct",
			5, -1, "root"},
		{"its clause becomes the ccomp", "Rebels/NOUN/NNS/rebel/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/1/punct police/NOUN/NN/police/5/nsubj said/VERB/VBD/say/1/conj ./PUNCT/././1/punct",
			1, 5, "ccomp"},
		{"the full stop follows", "Rebels/NOUN/NNS/rebel/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/1/punct police/NOUN/NN/police/5/nsubj said/VERB/VBD/say/1/conj ./PUNCT/././1/punct",
			6, 5, "punct"},
		{"after a closing quote", "“/PUNCT/``/“/1/punct Go/VERB/VB/go/-1/root ,/PUNCT/,/,/1/punct ”/PUNCT/''/”/1/punct he/PRON/PRP/he/5/nsubj said/VERB/VBD/say/1/parataxis ./PUNCT/././1/punct",
			5, -1, "root"},
		{"a report with an object stays", "Rebels/NOUN/NNS/rebel/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/1/punct police/NOUN/NN/police/5/nsubj wrote/VERB/VBD/write/1/parataxis this/PRON/DT/this/5/obj ./PUNCT/././1/punct",
			5, 1, "parataxis"},
		{"a participle stays", "Rebels/NOUN/NNS/rebel/1/nsubj shelled/VERB/VBD/shell/-1/root it/PRON/PRP/it/1/obj ,/PUNCT/,/,/1/punct anything/PRON/NN/anything/5/nsubj written/VERB/VBN/write/1/parataxis ./PUNCT/././1/punct",
			5, 1, "parataxis"},
		{"possessor subject", "Taiwan/PROPN/NNP/Taiwan/3/nsubj 's/PART/POS/'s/0/case minister/NOUN/NN/minister/3/nsubj visited/VERB/VBD/visit/-1/root Russia/PROPN/NNP/Russia/3/obj ./PUNCT/././3/punct",
			0, 2, "nmod:poss"},
		{"name after its title", "A/DET/DT/a/1/det judge/NOUN/NN/judge/2/nsubj ordered/VERB/VBD/order/-1/root president/NOUN/NN/president/2/obj Menem/PROPN/NNP/Menem/2/xcomp to/PART/TO/to/6/mark appear/VERB/VB/appear/2/xcomp ./PUNCT/././2/punct",
			4, 3, "appos"},
		{"perceived participle", "We/PRON/PRP/we/1/nsubj see/VERB/VBP/see/-1/root the/DET/DT/the/3/det guns/NOUN/NNS/gun/1/obj moving/VERB/VBG/move/1/advcl ./PUNCT/././1/punct",
			4, 3, "acl"},
		{"participle of another verb stays", "We/PRON/PRP/we/1/nsubj left/VERB/VBD/leave/-1/root the/DET/DT/the/3/det town/NOUN/NN/town/1/obj fearing/VERB/VBG/fear/1/advcl ./PUNCT/././1/punct",
			4, 1, "advcl"},
	}
	for _, tc := range tests {
		s := tree(t, tc.items)
		Repair(&s)
		if got := s.Tokens[tc.i]; got.Head != tc.head || got.Rel != tc.rel {
			t.Errorf("%s: %q got head %d %s, want %d %s", tc.name, got.Text, got.Head, got.Rel, tc.head, tc.rel)
		}
	}
}

func TestRepairKeepsOneRoot(t *testing.T) {
	s := tree(t, "We/PRON/PRP/we/1/nsubj see/VERB/VBP/see/-1/root guns/NOUN/NNS/gun/1/obj moving/VERB/VBG/move/1/advcl")
	for range 3 {
		Repair(&s)
	}
	roots := 0
	for _, tk := range s.Tokens {
		if tk.Head == -1 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots after repeated Repair, want 1", roots)
	}
}
