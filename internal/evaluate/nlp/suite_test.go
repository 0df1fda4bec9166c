package nlp

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	vnlp "github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
)

func tiny(t *testing.T) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadFile("../../nlp/testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func TestGoldSpans(t *testing.T) {
	sents := tiny(t)
	cs := &sents[2] // "She said that they didn't leave."
	text := "xx " + cs.Text
	spans, ok := goldSpans(cs, text, 3)
	if !ok {
		t.Fatal("sentence not found in its own text")
	}
	want := []string{"She", "said", "that", "they", "did", "n't", "leave", "."}
	for i, sp := range spans {
		if got := text[sp.Start:sp.End]; got != want[i] {
			t.Errorf("word %d spans %q, want %q", i, got, want[i])
		}
	}
	if _, ok := goldSpans(cs, "something else entirely", 0); ok {
		t.Error("goldSpans matched a text that does not hold the sentence")
	}
}

func TestDocuments(t *testing.T) {
	sents := tiny(t)
	sents[0].NewDoc = true
	sents[3].NewPar = true
	sents[5].NewDoc = true
	docs := documents(sents)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0]
	if len(d.sents) != 5 {
		t.Fatalf("first document has %d sentences, want 5", len(d.sents))
	}
	for k, si := range d.sents {
		if got := d.text[d.start[k] : d.start[k]+len(sents[si].Text)]; got != sents[si].Text {
			t.Errorf("sentence %d at %d reads %q", si, d.start[k], got)
		}
	}
	if !strings.Contains(d.text, "\n"+sents[3].Text) {
		t.Errorf("paragraph break missing before sentence 3 in %q", d.text)
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		ok, pred, gold int
		p, r, f        float64
	}{
		{5, 10, 10, 0.5, 0.5, 0.5},
		{0, 0, 0, 0, 0, 0},
		{4, 4, 8, 1, 0.5, 2.0 / 3},
	}
	for _, tt := range tests {
		p, r, f := prf(tt.ok, tt.pred, tt.gold)
		if p != tt.p || r != tt.r || f-tt.f > 1e-12 || tt.f-f > 1e-12 {
			t.Errorf("prf(%d,%d,%d) = %v %v %v, want %v %v %v", tt.ok, tt.pred, tt.gold, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func TestRawScoresTiny(t *testing.T) {
	a, err := vnlp.NewWithOptions(nil, vnlp.Options{NoNER: true})
	if err != nil {
		t.Fatal(err)
	}
	sents := tiny(t)
	r := rawScores(a, sents)
	if r.TokF1 < 0.95 {
		t.Errorf("token F1 on hand-written sentences %.3f, want ≥ 0.95", r.TokF1)
	}
	if r.LAS <= 0 || r.LAS > r.UAS || r.UAS > 1 {
		t.Errorf("raw UAS %.3f LAS %.3f out of order", r.UAS, r.LAS)
	}
	g := goldScores(a, sents)
	if g.Words != 62 || g.UPOS < 0.8 || g.LAS > g.UAS {
		t.Errorf("gold scores %+v", g)
	}
}

func TestRootCommas(t *testing.T) {
	tok := func(text string, head int, rel string) model.Token {
		return model.Token{Text: text, Head: head, Rel: rel}
	}
	tests := []struct {
		name string
		toks []model.Token
		want []int
	}{
		{"comma after a fronted oblique moves to the root", []model.Token{
			tok("In", 1, "case"), tok("2010", 4, "obl"), tok(",", 1, "punct"), tok("prices", 4, "nsubj"), tok("rose", -1, "root"),
		}, []int{1, 4, 4, 4, -1}},
		{"comma after a subject stays", []model.Token{
			tok("Prices", 2, "nsubj"), tok(",", 0, "punct"), tok("rose", -1, "root"),
		}, []int{2, 0, -1}},
		{"comma after the root stays", []model.Token{
			tok("Prices", 1, "nsubj"), tok("rose", -1, "root"), tok(",", 3, "punct"), tok("sharply", 1, "advmod"),
		}, []int{1, -1, 3, 1}},
	}
	for _, tc := range tests {
		got := rootCommas(tc.toks)
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: heads %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

func TestPUDPunct(t *testing.T) {
	// "a third-party cell": the hyphen moves from "third" to "party";
	// a spaced dash does not.
	toks := []model.Token{
		{Text: "a", Start: 0, End: 1, Head: 4, Rel: "det"},
		{Text: "third", Start: 2, End: 7, Head: 3, Rel: "amod"},
		{Text: "-", Start: 7, End: 8, Head: 1, Rel: "punct"},
		{Text: "party", Start: 8, End: 13, Head: 4, Rel: "compound"},
		{Text: "cell", Start: 14, End: 18, Head: -1, Rel: "root"},
		{Text: "-", Start: 19, End: 20, Head: 4, Rel: "punct"},
		{Text: "yes", Start: 21, End: 24, Head: 4, Rel: "parataxis"},
	}
	want := []int{4, 3, 3, 4, -1, 4, 4}
	got := pudPunct(toks)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("pudPunct heads = %v, want %v", got, want)
			break
		}
	}
}
