package events

import (
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

func TestBadInputParsed(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	h := newHarness(t)
	countries := []string{"Russia", "Ukraine", "France", "Germany", "Italy", "Spain", "Poland", "Romania", "Hungary",
		"Austria", "Belgium", "Netherlands", "Denmark", "Sweden", "Norway", "Finland", "Estonia", "Latvia", "Lithuania",
		"Greece", "Turkey", "Bulgaria", "Serbia", "Croatia", "Slovenia", "Slovakia", "Portugal", "Ireland", "Iceland",
		"Canada", "Mexico", "Brazil", "Argentina", "Chile", "Peru", "Japan", "China", "India", "Pakistan", "Iran",
		"Iraq", "Syria", "Egypt", "Libya", "Tunisia", "Morocco", "Algeria", "Nigeria", "Kenya", "Ethiopia"}
	tests := []struct {
		name, text string
	}{
		{"fifty actors", strings.Join(countries[:49], ", ") + " and " + countries[49] + " condemned the attacks on " + strings.Join(countries, " and ") + "."},
		{"unknown names", "Zorblax Quux attacked Flimflam Vortigan on Tuesday, the Blorpian council said."},
		{"all caps", "RUSSIAN TROOPS ATTACKED THE TOWN OF KHARKIV AND US OFFICIALS WARNED MOSCOW OF SEVERE COSTS."},
		{"no verbs", "Troops. Tanks. Talks. Sanctions."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := h.input(tc.text, time.Time{})
			evs := h.c.Code(in)
			perSent := map[int]int{}
			for _, e := range evs {
				perSent[e.Sentence]++
				if e.CAMEO == "" || e.Modality == "" {
					t.Errorf("event without code or modality: %+v", e)
				}
			}
			for s, n := range perSent {
				if n > MaxEventsPerSentence {
					t.Errorf("sentence %d has %d events, want at most %d", s, n, MaxEventsPerSentence)
				}
			}
		})
	}
}

func TestBadInputBounds(t *testing.T) {
	c := newTestCoder(t)
	if evs := c.Code(Input{}); len(evs) != 0 {
		t.Errorf("empty input gave %d events", len(evs))
	}
	// a headline-only article: one sentence with no verb
	text, s := buildSentence(0, 0, []tok{{"Troops", "NOUN", "NNS", "troops", 1, "nsubj"}, {"gather", "VERB", "VBP", "gather", -1, "root"}})
	_ = c.Code(Input{Text: text, Sentences: []model.Sentence{s}})
	// 5,000 sentences: the output stays bounded and quick
	one, _ := attackArticle()
	var b strings.Builder
	var sents []model.Sentence
	for i := 0; i < 5000; i++ {
		off := b.Len()
		_, ss := attackArticleAt(i*2, off)
		if i > 0 {
			b.WriteByte(' ')
			_, ss = attackArticleAt(i*2, off+1)
		}
		b.WriteString(one)
		sents = append(sents, ss...)
	}
	start := time.Now()
	evs := c.Code(Input{Text: b.String(), Sentences: sents})
	if len(evs) > MaxEventsPerArticle {
		t.Errorf("%d events, want at most %d", len(evs), MaxEventsPerArticle)
	}
	if len(evs) == 0 {
		t.Errorf("no events from 10,000 sentences")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("coding 10,000 sentences took %v", d)
	}
	// tokens with broken heads (cycles, out of range)
	broken := model.Sentence{Index: 0, Span: model.Span{Start: 0, End: 10}, Tokens: []model.Token{
		{Text: "attack", UPOS: "VERB", Lemma: "attack", Head: 1, Rel: "nsubj", Start: 0, End: 6},
		{Text: "it", UPOS: "PRON", Lemma: "it", Head: 0, Rel: "obj", Start: 7, End: 9},
		{Text: "x", UPOS: "NOUN", Lemma: "x", Head: 99, Rel: "conj", Start: 9, End: 10},
	}}
	_ = c.Code(Input{Text: "attack itx", Sentences: []model.Sentence{broken}})
}

// attackArticleAt is attackArticle with sentence indexes from index and
// byte offsets from off.
func attackArticleAt(index, off int) (string, []model.Sentence) {
	_, sents := attackArticle()
	for i := range sents {
		sents[i].Index += index
		sents[i].Span.Start += off
		sents[i].Span.End += off
		for j := range sents[i].Tokens {
			sents[i].Tokens[j].Start += off
			sents[i].Tokens[j].End += off
		}
	}
	return "", sents
}
