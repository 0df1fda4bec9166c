package coref

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/tokenize"
)

var (
	fuzzUPOS = []string{"NOUN", "PROPN", "PRON", "VERB", "ADJ", "DET", "PUNCT", "AUX", "ADP"}
	fuzzRels = []string{"nsubj", "obj", "iobj", "appos", "det", "amod", "compound", "nmod:poss", "flat", "expl", "root", "ccomp", "obl", "csubj", "punct"}
)

// synthetic tokenises text and gives its tokens tags, heads and entity
// labels derived from the bytes of seed: nonsense parses, including heads
// out of range and entities with broken offsets, which Resolve must
// survive in bounded time.
func synthetic(text string, seed []byte) ([]model.Sentence, []model.Entity) {
	at := func(i int) int {
		if len(seed) == 0 {
			return i * 7
		}
		return int(seed[i%len(seed)]) + i
	}
	var sents []model.Sentence
	var ents []model.Entity
	k := 0
	for si, sp := range segment.Split(text) {
		toks := tokenize.Tokenize(text, sp)
		for i := range toks {
			t := &toks[i]
			r, _ := utf8.DecodeRuneInString(t.Text)
			t.UPOS = fuzzUPOS[at(k)%len(fuzzUPOS)]
			t.Rel = fuzzRels[at(k+1)%len(fuzzRels)]
			t.Head = at(k+2)%(len(toks)+3) - 2 // sometimes -2, sometimes past the end
			t.Lemma = strings.ToLower(t.Text)
			t.NER = "O"
			if unicode.IsUpper(r) {
				t.UPOS = "PROPN"
				t.NER = "B-PERSON"
				if at(k+3)%3 == 0 {
					t.NER = "B-ORG"
				}
				ents = append(ents, model.Entity{Text: t.Text, Type: t.NER[2:], Sentence: si, Start: t.Start, End: t.End})
			}
			if _, ok := pronounOf(&model.Token{Text: t.Text, UPOS: "PRON"}); ok {
				t.UPOS = "PRON"
			}
			k += 4
		}
		sents = append(sents, model.Sentence{Index: si, Span: sp, Tokens: toks})
	}
	// an entity whose offsets fit no token and one in a missing sentence
	ents = append(ents, model.Entity{Text: "x", Type: "GPE", Sentence: len(sents) + 3, Start: -5, End: 2})
	if len(text) > 2 {
		ents = append(ents, model.Entity{Text: text[:2], Type: "PERSON", Sentence: 0, Start: 1, End: 1})
	}
	return sents, ents
}

func FuzzResolve(f *testing.F) {
	kb, err := actors.Load()
	if err != nil {
		f.Fatal(err)
	}
	r := New(kb)
	for _, s := range []string{
		"Mr Zelensky said he would go. The official said they agreed.",
		"\"We will win,\" she said. It is clear. Its leaders and their allies.",
		"The company said it lost. Acme Corp and ACME. The government of Ukraine.",
		"",
		"“unterminated quote he said\n\nhimself “ ” \" themselves",
	} {
		f.Add(s, []byte{1, 2, 3})
	}
	f.Fuzz(func(t *testing.T, text string, seed []byte) {
		if len(text) > 4000 || !utf8.ValidString(text) {
			return
		}
		sents, ents := synthetic(text, seed)
		start := time.Now()
		ch := r.Resolve(text, sents, ents, time.Time{})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Resolve took %v on %d bytes", d, len(text))
		}
		checkChains(t, ch, sents, ents)
	})
}

// checkChains checks the invariants of a result.
func checkChains(t *testing.T, ch *Chains, sents []model.Sentence, ents []model.Entity) {
	t.Helper()
	for i, e := range ents {
		if e.Name == nil {
			t.Fatalf("entity %d %q: name not filled", i, e.Text)
		}
	}
	for i, m := range ch.Mentions {
		if m.Cluster < 0 || m.Cluster >= len(ch.Clusters) {
			t.Fatalf("mention %d: cluster %d of %d", i, m.Cluster, len(ch.Clusters))
		}
		if m.Sentence < 0 || m.Sentence >= len(sents) || m.Start < 0 || m.End > len(sents[m.Sentence].Tokens) || m.Start >= m.End {
			t.Fatalf("mention %d: bad span %+v", i, m)
		}
		if m.Antecedent >= len(ch.Mentions) || m.Antecedent >= i && m.Antecedent >= 0 && ch.Mentions[m.Antecedent].Sentence > m.Sentence {
			t.Fatalf("mention %d: antecedent %d after it", i, m.Antecedent)
		}
		if _, ok := ch.At(m.Sentence, m.Head); !ok {
			t.Fatalf("mention %d: At(%d, %d) finds nothing", i, m.Sentence, m.Head)
		}
		_, _ = ch.Antecedent(m.Sentence, m.Head)
	}
	for ci, c := range ch.Clusters {
		for _, mi := range c.Mentions {
			if ch.Mentions[mi].Cluster != ci {
				t.Fatalf("cluster %d lists mention %d of cluster %d", ci, mi, ch.Mentions[mi].Cluster)
			}
		}
	}
}

// longArticle builds a parsed article of n sentences, each "<Name> said he
// met the official and they agreed with <Name2>'s company.", with hand-set
// parses, and a last sentence holding names many names.
func longArticle(n, names int) (string, []model.Sentence, []model.Entity) {
	var b strings.Builder
	var sents []model.Sentence
	var ents []model.Entity
	type w struct {
		text, upos, rel string
		head            int
		ner             string
	}
	add := func(words []w) {
		s := model.Sentence{Index: len(sents)}
		s.Span.Start = b.Len()
		for i, x := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			st := b.Len()
			b.WriteString(x.text)
			s.Tokens = append(s.Tokens, model.Token{Text: x.text, Start: st, End: b.Len(), UPOS: x.upos, XPOS: "NN",
				Lemma: strings.ToLower(x.text), Head: x.head, Rel: x.rel, NER: x.ner})
			if x.ner == "B-PERSON" || x.ner == "B-ORG" {
				ents = append(ents, model.Entity{Text: x.text, Type: x.ner[2:], Sentence: s.Index, Start: st, End: b.Len()})
			}
		}
		s.Span.End = b.Len()
		b.WriteByte('\n')
		sents = append(sents, s)
	}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Name%d", i%500)
		other := fmt.Sprintf("Firm%d", (i*7)%300)
		add([]w{
			{name, "PROPN", "nsubj", 1, "B-PERSON"}, {"said", "VERB", "root", -1, "O"},
			{"he", "PRON", "nsubj", 3, "O"}, {"met", "VERB", "ccomp", 1, "O"},
			{"the", "DET", "det", 5, "O"}, {"official", "NOUN", "obj", 3, "O"},
			{"and", "CCONJ", "cc", 7, "O"}, {"they", "PRON", "nsubj", 8, "O"}, {"agreed", "VERB", "conj", 3, "O"},
			{"with", "ADP", "case", 11, "O"}, {other, "PROPN", "nmod:poss", 11, "B-ORG"},
			{"company", "NOUN", "obl", 8, "O"}, {".", "PUNCT", "punct", 1, "O"},
		})
	}
	var many []w
	for i := 0; i < names; i++ {
		many = append(many, w{fmt.Sprintf("Person%d", i), "PROPN", "conj", 0, "B-PERSON"}, w{"and", "CCONJ", "cc", i*2 + 2, "O"})
	}
	many = append(many, w{"he", "PRON", "nsubj", 0, "O"})
	add(many)
	return b.String(), sents, ents
}

// TestLongInputsStayFast checks that a 5,000-sentence article, a sentence
// with 50 names and one with 5,000 resolve quickly: every search is
// bounded.
func TestLongInputsStayFast(t *testing.T) {
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := New(kb)
	for _, size := range [][2]int{{5000, 50}, {10, 5000}} {
		text, sents, ents := longArticle(size[0], size[1])
		start := time.Now()
		ch := r.Resolve(text, sents, ents, time.Time{})
		d := time.Since(start)
		t.Logf("%d sentences, the last with %d names: %d entities, %d mentions, %d clusters in %v",
			len(sents), size[1], len(ents), len(ch.Mentions), len(ch.Clusters), d)
		if d > 10*time.Second {
			t.Errorf("took %v, want well under 10s", d)
		}
		checkChains(t, ch, sents, ents)
	}
}

func BenchmarkResolveLong(b *testing.B) {
	kb, err := actors.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := New(kb)
	text, sents, ents := longArticle(1000, 50)
	b.ReportAllocs()
	for b.Loop() {
		e := append([]model.Entity(nil), ents...)
		r.Resolve(text, sents, e, time.Time{})
	}
	b.ReportMetric(float64(len(sents)), "sentences/op")
}

// BenchmarkResolve measures Resolve alone on a parsed article of our own.
func BenchmarkResolve(b *testing.B) {
	m, err := models()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString("Ukrainian President Volodymyr Zelenskiy met Polish officials in Warsaw on Tuesday.\n")
		sb.WriteString("\"We need more air defence,\" Mr Zelensky told reporters. He said the talks had gone well.\n")
		sb.WriteString("The Russian government rejected the proposal. They said it was unacceptable.\n")
		sb.WriteString("Acme Industries said its profits fell. The company blamed weak demand, and the official in charge, Maria Lopez, said she would resign.\n")
	}
	p := parseText(b, sb.String())
	b.ReportAllocs()
	for b.Loop() {
		e := append([]model.Entity(nil), p.ents...)
		m.res.Resolve(p.text, p.sents, e, day)
	}
}
