package tag

import (
	"bytes"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp/conllu"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// loaded decodes the embedded model once for all tests.
var loaded = sync.OnceValues(Load)

func load(t testing.TB) *Tagger {
	t.Helper()
	tg, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// sentence makes an untagged sentence from space-separated tokens.
func sentence(text string) model.Sentence {
	var s model.Sentence
	off := 0
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, model.Token{Text: w, Start: off, End: off + len(w), Head: -1})
		off += len(w) + 1
	}
	return s
}

// TestEmbeddedTags tags sentences written for the test. The function
// words and frequent forms must be right; of the rest most must be (an
// unseen past tense like "fled" can come out as a participle). "police"
// is plural, as EWT mostly tags it (NNS 11 times, NN 8, in train and dev).
func TestEmbeddedTags(t *testing.T) {
	tg := load(t)
	type want struct{ word, upos, xpos, lemma string }
	tests := []struct {
		text       string
		must, want []want
	}{
		{"The soldiers were arrested by police in Kyiv .",
			[]want{{"The", "DET", "DT", "the"}, {"soldiers", "NOUN", "NNS", "soldier"}, {"were", "AUX", "VBD", "be"}, {"by", "ADP", "IN", "by"}},
			[]want{{"arrested", "VERB", "VBN", "arrest"}, {"Kyiv", "PROPN", "NNP", "Kyiv"}, {"police", "NOUN", "NNS", "police"}}},
		{"She did n't say that they had gone .",
			[]want{{"did", "AUX", "VBD", "do"}, {"n't", "PART", "RB", "not"}, {"they", "PRON", "PRP", "they"}},
			[]want{{"gone", "VERB", "VBN", "go"}, {"say", "VERB", "VB", "say"}, {"that", "SCONJ", "IN", "that"}}},
		{"Two men were killed and 14,000 people fled .",
			[]want{{"men", "NOUN", "NNS", "man"}, {"killed", "VERB", "VBN", "kill"}},
			[]want{{"Two", "NUM", "CD", "two"}, {"14,000", "NUM", "CD", "14000"}, {"fled", "VERB", "VBD", "flee"}, {"people", "NOUN", "NNS", "people"}}},
		{"The minister has resigned over the scandal .",
			[]want{{"has", "AUX", "VBZ", "have"}, {"minister", "NOUN", "NN", "minister"}},
			[]want{{"resigned", "VERB", "VBN", "resign"}, {"over", "ADP", "IN", "over"}, {"scandal", "NOUN", "NN", "scandal"}}},
	}
	found, total := 0, 0
	for _, tt := range tests {
		s := sentence(tt.text)
		tg.Tag(&s)
		get := func(word string) (model.Token, bool) {
			for _, tok := range s.Tokens {
				if tok.Text == word {
					return tok, true
				}
			}
			return model.Token{}, false
		}
		for _, w := range tt.must {
			tok, ok := get(w.word)
			if !ok || tok.UPOS != w.upos || tok.XPOS != w.xpos || tok.Lemma != w.lemma {
				t.Errorf("%q: %q tagged %s/%s/%s, want %s/%s/%s", tt.text, w.word, tok.UPOS, tok.XPOS, tok.Lemma, w.upos, w.xpos, w.lemma)
			}
		}
		for _, w := range tt.want {
			total++
			tok, _ := get(w.word)
			if tok.UPOS == w.upos && tok.XPOS == w.xpos && tok.Lemma == w.lemma {
				found++
			} else {
				t.Logf("%q: %q tagged %s/%s/%s, wanted %s/%s/%s", tt.text, w.word, tok.UPOS, tok.XPOS, tok.Lemma, w.upos, w.xpos, w.lemma)
			}
		}
	}
	if found*10 < total*8 {
		t.Errorf("%d of %d tags right, want at least 80%%", found, total)
	}
}

func TestEmbeddedMorph(t *testing.T) {
	tg := load(t)
	s := sentence("Police arrest protesters and she runs .")
	tg.Tag(&s)
	want := map[string]model.Morph{
		"protesters": {Number: "Plur"},
		"runs":       {Tense: "Pres", Number: "Sing", Person: "3", VerbForm: "Fin", Mood: "Ind"},
		"she":        {Number: "Sing", Person: "3"},
	}
	for _, tok := range s.Tokens {
		if w, ok := want[tok.Text]; ok && tok.Morph != w {
			t.Errorf("%q morph = %+v, want %+v", tok.Text, tok.Morph, w)
		}
	}
}

func TestTagOddInput(t *testing.T) {
	tg := load(t)
	for _, text := range []string{"😀 😀", "\xff\xfe", strings.Repeat("x", 5000), "Москва", "", strings.Repeat("a ", 10000)} {
		s := sentence(text)
		tg.Tag(&s)
		for _, tok := range s.Tokens {
			if tok.UPOS == "" || tok.XPOS == "" {
				t.Fatalf("%q left untagged", tok.Text)
			}
		}
	}
	tg.Tag(&model.Sentence{})
}

func TestEWTDevSliceTags(t *testing.T) {
	path, err := shareddata.Path("nlp", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skip(err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u, x, l := Accuracy(load(t), sents[:400])
	t.Logf("EWT dev (400 sentences): UPOS %.4f XPOS %.4f lemma %.4f", u, x, l)
	if u < 0.92 || x < 0.91 || l < 0.95 {
		t.Errorf("EWT dev slice: UPOS %.4f XPOS %.4f lemma %.4f, want at least 0.92/0.91/0.95", u, x, l)
	}
}

func BenchmarkTag(b *testing.B) {
	tg := load(b)
	s := sentence("Officials said on Tuesday that Russian troops , which had been amassed near the border , were withdrawn after talks in Geneva .")
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(&s)
	}
	b.ReportMetric(float64(len(s.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDev tags the EWT development set, whose many distinct words
// show the cost of weight lookups that miss the cache.
func BenchmarkTagDev(b *testing.B) {
	path, err := shareddata.Path("nlp", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	if err != nil {
		b.Skip(err)
	}
	cs, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	tg := load(b)
	sents := make([]model.Sentence, len(cs))
	tokens := 0
	for i := range cs {
		sents[i] = FromConllu(&cs[i])
		tokens += len(sents[i].Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range sents {
			tg.Tag(&sents[i])
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e6/float64(tokens*b.N), "µs/token")
}

// TestStaticSumsExact checks that the cached sums of the static features
// give the same tags as summing the weights of every feature.
func TestStaticSumsExact(t *testing.T) {
	cached := load(t)
	plain, err := Read(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	for k, e := range plain.lex {
		e.st = nil
		plain.lex[k] = e
	}
	for _, text := range []string{
		"The soldiers were arrested by police in Kyiv .",
		"THE MINISTER Resigned Over The Scandal , Officials Said .",
		"Two men were killed and 14,000 people fled across the border on Tuesday .",
		"Protesters in the capital demanded that the government step down",
	} {
		a, b := sentence(text), sentence(text)
		cached.Tag(&a)
		plain.Tag(&b)
		for i := range a.Tokens {
			if a.Tokens[i].XPOS != b.Tokens[i].XPOS || a.Tokens[i].UPOS != b.Tokens[i].UPOS {
				t.Errorf("%q: %q tagged %s/%s with cached sums, %s/%s without", text, a.Tokens[i].Text,
					a.Tokens[i].UPOS, a.Tokens[i].XPOS, b.Tokens[i].UPOS, b.Tokens[i].XPOS)
			}
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		in, title string
	}{
		{"police", "Police"}, {"éclair", "Éclair"}, {"14,000", "14,000"}, {"", ""}, {"Kyiv", "Kyiv"},
	}
	for _, tt := range tests {
		if got := title(tt.in); got != tt.title {
			t.Errorf("title(%q) = %q, want %q", tt.in, got, tt.title)
		}
		want := tt.title != tt.in
		if got := isTitle(tt.title, tt.in); got != want {
			t.Errorf("isTitle(%q, %q) = %v, want %v", tt.title, tt.in, got, want)
		}
	}
}

func TestMargin(t *testing.T) {
	tests := []struct {
		scores []int32
		best   int
		want   int32
	}{
		{[]int32{5, 3, 1}, 0, 2}, {[]int32{1, 9, 8}, 1, 1}, {[]int32{4, 4}, 0, 0}, {[]int32{7}, 0, math.MaxInt32},
	}
	for _, tt := range tests {
		if got := margin(tt.scores, tt.best); got != tt.want {
			t.Errorf("margin(%v, %d) = %d, want %d", tt.scores, tt.best, got, tt.want)
		}
	}
}

func TestRepairMissingFinite(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, word, want string
	}{
		{"Rebels and soldiers clashed in the north .", "clashed", "VBD"},
		{"Protesters gathered outside the embassy on Sunday .", "gathered", "VBD"},
		// a finite verb elsewhere leaves participles alone
		{"Troops stationed near the border were moved .", "stationed", "VBN"},
		// a fragment that ends on the participle is not a full clause
		{"Two photos attached .", "attached", "VBN"},
	}
	for _, tt := range tests {
		s := model.Sentence{}
		off := 0
		for _, w := range strings.Fields(tt.text) {
			s.Tokens = append(s.Tokens, model.Token{Text: w, Start: off, End: off + len(w), Head: -1})
			off += len(w) + 1
		}
		tg.Tag(&s)
		for _, tok := range s.Tokens {
			if tok.Text == tt.word && tok.XPOS != tt.want {
				t.Errorf("%q: %s tagged %s, want %s", tt.text, tt.word, tok.XPOS, tt.want)
			}
		}
	}
}
