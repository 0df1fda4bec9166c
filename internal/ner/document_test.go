package ner

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

// nerTagged builds a sentence from "word/TAG" tokens; a bare word is O.
func nerTagged(text string) model.Sentence {
	fields := strings.Fields(text)
	words := make([]string, len(fields))
	tags := make([]string, len(fields))
	for i, f := range fields {
		w, t, ok := strings.Cut(f, "/")
		if !ok || t == "" {
			t = "O"
		}
		words[i], tags[i] = w, t
	}
	toks := tokensOf(words)
	for i := range toks {
		toks[i].NER = tags[i]
	}
	return model.Sentence{Tokens: toks}
}

func TestApplyDocument(t *testing.T) {
	all := docOptions{propagate: true, acronyms: true, initials: true, surnames: true, majority: true, defined: true}
	tests := []struct {
		name string
		opt  docOptions
		doc  []string
		want []string // mentions of every sentence, "|"-joined
	}{
		{
			"name recurs untagged",
			all,
			[]string{"Workers at Harlow/B-ORG Mills/I-ORG went on strike .", "Harlow Mills said little ."},
			[]string{"ORG:Harlow Mills", "ORG:Harlow Mills"},
		},
		{
			"acronym in brackets",
			all,
			[]string{"The Lakeland/B-ORG Teachers/I-ORG Guild/I-ORG ( LTG ) called a vote .", "LTG leaders met ."},
			[]string{"ORG:Lakeland Teachers Guild|ORG:LTG", "ORG:LTG"},
		},
		{
			"acronym from initials",
			all,
			[]string{"The Northern/B-ORG Rail/I-ORG Board/I-ORG met .", "NRB cut fares ."},
			[]string{"ORG:Northern Rail Board", "ORG:NRB"},
		},
		{
			"surname alone",
			all,
			[]string{"Marta/B-PERSON Okonkwo/I-PERSON spoke .", "Okonkwo left early ."},
			[]string{"PERSON:Marta Okonkwo", "PERSON:Okonkwo"},
		},
		{
			"surname off",
			docOptions{propagate: true},
			[]string{"Marta/B-PERSON Okonkwo/I-PERSON spoke .", "Okonkwo left early ."},
			[]string{"PERSON:Marta Okonkwo", ""},
		},
		{
			"lower-case word not labelled",
			all,
			[]string{"Visit Bay/B-GPE today .", "the bay is cold ."},
			[]string{"GPE:Bay", ""},
		},
		{
			"majority type",
			all,
			[]string{"Corran/B-GPE voted .", "Corran/B-GPE won .", "Corran/B-ORG lost ."},
			[]string{"GPE:Corran", "GPE:Corran", "GPE:Corran"},
		},
		{
			"tagged words kept",
			all,
			[]string{"Harlow/B-ORG Mills/I-ORG hired .", "Harlow/B-GPE is a town ."},
			[]string{"ORG:Harlow Mills", "GPE:Harlow"},
		},
		{
			"defined acronym",
			docOptions{defined: true, propagate: true},
			[]string{"Tenants sued the Housing Authority of New/B-GPE Orleans/I-GPE ( HANO ) .", "HANO replied ."},
			[]string{"ORG:Housing Authority of New Orleans|ORG:HANO", "ORG:HANO"},
		},
		{
			"defined acronym inside a longer name",
			docOptions{defined: true},
			[]string{"The Department of Housing and Urban Development ( HUD ) said so ."},
			[]string{""},
		},
		{
			"defined acronym keeps the model's type",
			docOptions{defined: true},
			[]string{"They flew to the United/B-GPE Arab/I-GPE Emirates/I-GPE ( UAE ) ."},
			[]string{"GPE:United Arab Emirates|GPE:UAE"},
		},
		{
			"defined acronym not a person",
			docOptions{defined: true},
			[]string{"We met Jon/B-PERSON Smith/I-PERSON ( JS ) ."},
			[]string{"PERSON:Jon Smith"},
		},
		{
			"folded name",
			docOptions{propagate: true, folded: 1},
			[]string{"we flew to tampa bay .", "Tampa/B-GPE Bay/I-GPE was warm .", "The Tampa Bay team won ."},
			[]string{"GPE:tampa bay", "GPE:Tampa Bay", "GPE:Tampa Bay"},
		},
		{
			"folded name only without capitals",
			docOptions{propagate: true, folded: 2},
			[]string{"We flew to tampa bay .", "Tampa/B-GPE Bay/I-GPE was warm .", "i love tampa bay"},
			[]string{"", "GPE:Tampa Bay", "GPE:tampa bay"},
		},
		{
			"file names",
			all,
			[]string{"See Stocks.pdf/B-ORG now .", "Stocks.pdf is long ."},
			[]string{"ORG:Stocks.pdf", ""},
		},
		{
			"none",
			docOptions{},
			[]string{"Harlow/B-ORG Mills/I-ORG hired .", "Harlow Mills grew ."},
			[]string{"ORG:Harlow Mills", ""},
		},
	}
	for _, tt := range tests {
		sents := make([]model.Sentence, len(tt.doc))
		for i, d := range tt.doc {
			sents[i] = nerTagged(d)
		}
		applyDocument(sents, tt.opt)
		for i := range sents {
			got := strings.Join(mentionStrings(&sents[i], Mentions(&sents[i])), "|")
			if got != tt.want[i] {
				t.Errorf("%s: sentence %d = %q, want %q", tt.name, i, got, tt.want[i])
			}
			if err := validBIO(sents[i].Tokens); err != nil {
				t.Errorf("%s: sentence %d: %v", tt.name, i, err)
			}
		}
	}
}

func TestRecognizeDocumentEdgeCases(t *testing.T) {
	r := loadForTest(t)
	r.RecognizeDocument(nil)
	sents := []model.Sentence{{}, *sentence("Harlow Mills hired 40 people in Leeds ."), *sentence("Harlow Mills grew .")}
	r.RecognizeDocument(sents)
	for i := range sents {
		if err := validBIO(sents[i].Tokens); err != nil {
			t.Errorf("sentence %d: %v", i, err)
		}
	}
}

func BenchmarkRecognizeDocument(b *testing.B) {
	r := loadForTest(b)
	var sents []model.Sentence
	tokens := 0
	for _, line := range strings.Split(benchText, "\n") {
		s := sentence(line)
		sents = append(sents, *s)
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.RecognizeDocument(sents)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzRecognizeDocument(f *testing.F) {
	f.Add("The Lakeland Teachers Guild ( LTG ) met .\nLTG and Lakeland Teachers Guild agreed .")
	f.Add("Marta Okonkwo spoke .\nOkonkwo ( O ) left\n\n( ) ( X")
	f.Add("🙂 Київ \x00 \xff U.S. -- ''\nA ( AB ) B")
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var sents []model.Sentence
		for _, line := range strings.Split(text, "\n") {
			sents = append(sents, model.Sentence{Tokens: tokensOf(strings.Split(line, " "))})
		}
		r.RecognizeDocument(sents)
		for i := range sents {
			if err := validBIO(sents[i].Tokens); err != nil {
				t.Fatalf("sentence %d: %v", i, err)
			}
		}
	})
}
