package ner

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

// sentence builds a model.Sentence from space-separated tokens.
func sentence(text string) *model.Sentence {
	return &model.Sentence{Tokens: tokensOf(strings.Fields(text))}
}

func mentionStrings(s *model.Sentence, ms []Mention) []string {
	var out []string
	for _, m := range ms {
		words := make([]string, 0, m.End-m.Start)
		for _, t := range s.Tokens[m.Start:m.End] {
			words = append(words, t.Text)
		}
		out = append(out, m.Type+":"+strings.Join(words, " "))
	}
	return out
}

func loadForTest(t testing.TB) *Recognizer {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return r
}

func TestRecognizeExamples(t *testing.T) {
	r := loadForTest(t)
	tests := []struct {
		text string
		want []string
	}{
		{
			"Ukrainian President Volodymyr Zelenskyy met NATO officials in Kyiv .",
			[]string{"NORP:Ukrainian", "PERSON:Volodymyr Zelenskyy", "ORG:NATO", "GPE:Kyiv"},
		},
		{
			"The European Union and Amnesty International condemned Russia .",
			[]string{"ORG:European Union", "ORG:Amnesty International", "GPE:Russia"},
		},
		{
			"Planning and Investment Minister Tran Xuan Gia said Vietnam is committed to reform .",
			[]string{"PERSON:Tran Xuan Gia", "GPE:Vietnam"},
		},
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		got := mentionStrings(s, r.Mentions(s))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Mentions(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// validBIO reports whether tags form a valid BIO sequence of known tags.
func validBIO(toks []model.Token) error {
	prev := ""
	for i, tk := range toks {
		t := tk.NER
		switch {
		case t == "O":
		case strings.HasPrefix(t, "B-") && typeIndex(t[2:]) >= 0:
		case strings.HasPrefix(t, "I-") && typeIndex(t[2:]) >= 0:
			if prev != "B-"+t[2:] && prev != t {
				return fmt.Errorf("token %d: %s after %q", i, t, prev)
			}
		default:
			return fmt.Errorf("token %d: bad tag %q", i, t)
		}
		prev = t
	}
	return nil
}

func TestRecognizeEdgeCases(t *testing.T) {
	r := loadForTest(t)
	long := make([]string, 10000)
	for i := range long {
		long[i] = []string{"Kyiv", "and", "Moscow", "said", "Maria", "Lopez", "of", "NATO"}[i%8]
	}
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one token", []string{"Kyiv"}},
		{"empty token", []string{"", "", "London"}},
		{"emoji and scripts", []string{"🙂", "Київ", "東京", "مرحبا", "Zoë", "ß"}},
		{"control characters", []string{"\x00", "\x1b[31m", "\ufffd", "Paris\t"}},
		{"invalid utf-8", []string{"\xff\xfe", "Berlin", "\xc3"}},
		{"10,000 tokens without punctuation", long},
	}
	for _, tt := range tests {
		s := &model.Sentence{Tokens: tokensOf(tt.words)}
		r.Recognize(s)
		if len(tt.words) == 0 {
			if got := r.Mentions(s); len(got) != 0 {
				t.Errorf("%s: mentions %v, want none", tt.name, got)
			}
			continue
		}
		if err := validBIO(s.Tokens); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	r.Recognize(nil)
	if got := r.Mentions(nil); got != nil {
		t.Errorf("Mentions(nil) = %v, want nil", got)
	}
}

func TestLongSentenceLinear(t *testing.T) {
	r := loadForTest(t)
	words := make([]string, 10000)
	for i := range words {
		words[i] = "word"
	}
	s := &model.Sentence{Tokens: tokensOf(words)}
	r.Recognize(s)
	for i, tk := range s.Tokens {
		if tk.NER != "O" {
			t.Fatalf("token %d of a run of 'word' tagged %s", i, tk.NER)
		}
	}
}

func TestRecognizeConcurrent(t *testing.T) {
	r := loadForTest(t)
	texts := []string{
		"Ukrainian President Volodymyr Zelenskyy met NATO officials in Kyiv .",
		"The European Union and Amnesty International condemned Russia .",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		s := sentence(text)
		want[i] = strings.Join(mentionStrings(s, r.Mentions(s)), "|")
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for k := 0; k < 50; k++ {
				i := k % len(texts)
				s := sentence(texts[i])
				if got := strings.Join(mentionStrings(s, r.Mentions(s)), "|"); got != want[i] {
					done <- fmt.Errorf("concurrent Mentions = %q, want %q", got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	r := loadForTest(t)
	var a, b bytes.Buffer
	if err := r.w.encode(&a); err != nil {
		t.Fatal(err)
	}
	w2, err := decodeWeights(a.Bytes())
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if err := w2.encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("encode(decode(model)) differs: %d vs %d bytes", a.Len(), b.Len())
	}
	if !bytes.Equal(a.Bytes(), embeddedModel) {
		t.Errorf("re-encoding the embedded model gave different bytes (%d vs %d)", a.Len(), len(embeddedModel))
	}
}

func TestNewBadModel(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", embeddedModel[:len(embeddedModel)/2]},
	}
	for _, tt := range tests {
		if _, err := New(tt.data); err == nil {
			t.Errorf("New(%s) succeeded, want an error", tt.name)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	f.Add("Ukrainian President Volodymyr Zelenskyy met NATO officials in Kyiv .")
	f.Add("the european union and amnesty international condemned russia")
	f.Add("🙂 Київ \x00 \xff U.S. -- ''")
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Split(text, " ")
		s := &model.Sentence{Tokens: tokensOf(words)}
		r.Recognize(s)
		if err := validBIO(s.Tokens); err != nil {
			t.Fatal(err)
		}
		for _, m := range Mentions(s) {
			if m.Start < 0 || m.End > len(words) || m.Start >= m.End {
				t.Fatalf("bad mention %+v for %d tokens", m, len(words))
			}
		}
	})
}

// benchText is news-like text written for the benchmark.
const benchText = `Ukrainian President Volodymyr Zelenskyy met NATO officials in Kyiv on Tuesday .
The European Union and Amnesty International condemned Russia after the strike on a hospital in Kharkiv .
Secretary of State Antony Blinken told reporters in Washington that the United States would send more air defence systems .
Hamas said on Sunday that Egyptian and Qatari mediators had proposed a new ceasefire , but Israel rejected it .
Prices of wheat rose 4 percent in Chicago after the Black Sea shipping deal collapsed , traders said .
Police in Lagos arrested 12 people after protests over fuel prices turned violent , a spokesman for the Nigerian police said .`

func BenchmarkRecognize(b *testing.B) {
	r := loadForTest(b)
	var sents []*model.Sentence
	tokens := 0
	for _, line := range strings.Split(benchText, "\n") {
		s := sentence(line)
		sents = append(sents, s)
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			r.Recognize(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestTagRules checks the rules that mend the model's tags, on fixed tags
// apart from the model. Tags are one per token: O, B or I of typ.
func TestTagRules(t *testing.T) {
	r := loadForTest(t)
	titled := func(tags []uint8, x *extractor, toks []model.Token) { titledPersons(tags, x.info, toks) }
	dates := func(tags []uint8, x *extractor, _ []model.Token) { trimDates(tags, x.info) }
	tests := []struct {
		rule       func([]uint8, *extractor, []model.Token)
		typ        string
		text, tags string
		want       []string
	}{
		{titled, Org, "Minister Tran Xuan Gia spoke", "O B I I O", []string{"PERSON:Tran Xuan Gia"}},
		{titled, Org, "President Emmanuel Macron spoke", "O B I O", []string{"PERSON:Emmanuel Macron"}},
		// Not after a title, or lower-case: left alone.
		{titled, Org, "the minister Tran Xuan spoke", "O O B I O", []string{"ORG:Tran Xuan"}},
		{titled, Org, "Vietnam Tran Xuan spoke", "O B I O", []string{"ORG:Tran Xuan"}},
		// An organisation word or an acronym keeps the organisation.
		{titled, Org, "Minister Tran Holdings spoke", "O B I O", []string{"ORG:Tran Holdings"}},
		{titled, Org, "President ACME spoke", "O B O", []string{"ORG:ACME"}},
		{titled, Org, "Minister Tran & Sons spoke", "O B I I O", []string{"ORG:Tran & Sons"}},
		{dates, Person, "in Clinton April 4 .", "O B I O O", []string{"PERSON:Clinton"}},
		{dates, Person, "met Putin Monday 12 times", "O B I O O", []string{"PERSON:Putin"}},
		// No day number after it, or a name of one word: left alone.
		{dates, Person, "Theresa May said", "B I O", []string{"PERSON:Theresa May"}},
		{dates, Person, "April 4 .", "B O O", []string{"PERSON:April"}},
		{dates, Person, "John Smith 4", "B I O", []string{"PERSON:John Smith"}},
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		tags := make([]uint8, len(s.Tokens))
		for i, f := range strings.Fields(tt.tags) {
			switch f {
			case "B":
				tags[i] = uint8(beginTag(typeIndex(tt.typ)))
			case "I":
				tags[i] = uint8(insideTag(typeIndex(tt.typ)))
			}
		}
		x := newExtractor(r.gaz, r.w.lex)
		x.extract(s.Tokens, false)
		tt.rule(tags, x, s.Tokens)
		for i := range s.Tokens {
			s.Tokens[i].NER = tagNames[tags[i]]
		}
		got := mentionStrings(s, Mentions(s))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
