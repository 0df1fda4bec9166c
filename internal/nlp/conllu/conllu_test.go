package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = They didn't go.
1	They	they	PRON	PRP	Number=Plur|Person=3	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No
4.1	went	go	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
# newpar id = p2
# text = Yes
1	Yes	yes	INTJ	UH	_	0	root	_	_
`

func TestRead(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID != "s1" || s.Text != "They didn't go." || !s.NewDoc || s.NewPar {
		t.Errorf("sentence header %q %q doc=%v par=%v", s.ID, s.Text, s.NewDoc, s.NewPar)
	}
	if len(s.Words) != 5 {
		t.Fatalf("got %d words (empty node must be skipped), want 5", len(s.Words))
	}
	// Head indexes 0-based, root -1; the "didn't" token heads the words'
	// spacing.
	wantHeads := []int{3, 3, 3, -1, 3}
	for i, w := range s.Words {
		if w.Head != wantHeads[i] {
			t.Errorf("word %d %q head %d, want %d", i, w.Form, w.Head, wantHeads[i])
		}
	}
	if s.Words[1].SpaceAfter || !s.Words[2].SpaceAfter || s.Words[3].SpaceAfter {
		t.Errorf("SpaceAfter of did/n't/go = %v/%v/%v, want false/true/false", s.Words[1].SpaceAfter, s.Words[2].SpaceAfter, s.Words[3].SpaceAfter)
	}
	toks := s.Tokens()
	var forms []string
	for _, tk := range toks {
		forms = append(forms, tk.Form)
	}
	if got := strings.Join(forms, " "); got != "They didn't go ." {
		t.Errorf("tokens %q", got)
	}
	if !sents[1].NewPar || sents[1].NewDoc {
		t.Errorf("second sentence doc=%v par=%v", sents[1].NewDoc, sents[1].NewPar)
	}
}

func TestFeat(t *testing.T) {
	tests := []struct{ feats, name, want string }{
		{"Mood=Ind|Number=Plur|Person=3", "Number", "Plur"},
		{"Mood=Ind|Number=Plur|Person=3", "Person", "3"},
		{"NumType=Card", "Number", ""},
		{"", "Tense", ""},
		{"Tense=Past", "Tense", "Past"},
	}
	for _, tt := range tests {
		if got := Feat(tt.feats, tt.name); got != tt.want {
			t.Errorf("Feat(%q, %q) = %q, want %q", tt.feats, tt.name, got, tt.want)
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(sents) {
		t.Fatalf("round trip: %d sentences, want %d", len(back), len(sents))
	}
	for i := range sents {
		a, b := sents[i], back[i]
		if a.Text != b.Text || a.ID != b.ID || len(a.Words) != len(b.Words) || len(a.Multi) != len(b.Multi) {
			t.Fatalf("sentence %d changed: %+v → %+v", i, a, b)
		}
		for j := range a.Words {
			if a.Words[j] != b.Words[j] {
				t.Errorf("sentence %d word %d: %+v → %+v", i, j, a.Words[j], b.Words[j])
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tx\n",
		"1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n",
		"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"1\ta\ta\tX\tX\t_\tz\troot\t_\t_\n",
		"3-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) accepted bad input", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if w.Head < -1 || w.Head >= len(s.Words) {
					t.Fatalf("head %d out of range", w.Head)
				}
			}
			for _, tk := range s.Tokens() {
				if tk.First < 0 || tk.Last >= len(s.Words) || tk.First > tk.Last {
					t.Fatalf("token %+v out of range", tk)
				}
			}
		}
	})
}
