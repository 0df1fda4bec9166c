package events

import (
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/quantities"
	"github.com/vigilhq/vigil/internal/timex"
)

// tok is one hand-made token: word, UPOS, XPOS, lemma, head, relation.
type tok struct {
	w, upos, xpos, lemma string
	head                 int
	rel                  string
}

// buildSentence lays out toks as text starting at byte off (a space
// before each word but punctuation) and returns the text and sentence.
func buildSentence(index, off int, toks []tok) (string, model.Sentence) {
	var b strings.Builder
	s := model.Sentence{Index: index}
	for i, t := range toks {
		if i > 0 && t.upos != "PUNCT" {
			b.WriteByte(' ')
		}
		start := off + b.Len()
		b.WriteString(t.w)
		s.Tokens = append(s.Tokens, model.Token{Text: t.w, Start: start, End: off + b.Len(), UPOS: t.upos, XPOS: t.xpos,
			Lemma: t.lemma, Head: t.head, Rel: t.rel, NER: "O"})
	}
	s.Span = model.Span{Start: off, End: off + b.Len()}
	return b.String(), s
}

func newTestCoder(t testing.TB) *Coder {
	t.Helper()
	kb, err := actors.Load()
	if err != nil {
		t.Fatalf("actors.Load: %v", err)
	}
	c, err := New(kb)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// attackArticle is two hand-parsed sentences: "Around 200 Russian troops
// attacked Kharkiv on Saturday." and "Ukraine condemned the attack."
func attackArticle() (string, []model.Sentence) {
	t1, s1 := buildSentence(0, 0, []tok{
		{"Around", "ADV", "RB", "around", 1, "advmod"},
		{"200", "NUM", "CD", "200", 3, "nummod"},
		{"Russian", "ADJ", "JJ", "Russian", 3, "amod"},
		{"troops", "NOUN", "NNS", "troops", 4, "nsubj"},
		{"attacked", "VERB", "VBD", "attack", -1, "root"},
		{"Kharkiv", "PROPN", "NNP", "Kharkiv", 4, "obj"},
		{"on", "ADP", "IN", "on", 7, "case"},
		{"Saturday", "PROPN", "NNP", "Saturday", 4, "obl"},
		{".", "PUNCT", ".", ".", 4, "punct"},
	})
	t2, s2 := buildSentence(1, len(t1)+1, []tok{
		{"Ukraine", "PROPN", "NNP", "Ukraine", 1, "nsubj"},
		{"condemned", "VERB", "VBD", "condemn", -1, "root"},
		{"the", "DET", "DT", "the", 3, "det"},
		{"attack", "NOUN", "NN", "attack", 1, "obj"},
		{".", "PUNCT", ".", ".", 1, "punct"},
	})
	return t1 + " " + t2, []model.Sentence{s1, s2}
}

func TestLinking(t *testing.T) {
	c := newTestCoder(t)
	text, sents := attackArticle()
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	sat0, sat1 := at("Saturday")
	kh0, kh1 := at("Kharkiv")
	q0, q1 := at("Around 200 Russian troops")
	rus, ukr := "RUS", "UKR"
	in := Input{
		Text:      text,
		Published: time.Date(2022, 2, 20, 9, 0, 0, 0, time.UTC),
		Sentences: sents,
		Times: []timex.Found{{Start: sat0, End: sat1, Text: "Saturday", Lead: sat0 - 3, Prep: "on", Type: "DATE",
			Value: "2022-02-19", StartDay: "2022-02-19", EndDay: "2022-02-19", Precision: "day"}},
		Places: []places.Found{{Place: model.Place{Text: "Kharkiv", Name: "Kharkiv", Country: &ukr, Kind: "city", Sentence: 0}, Start: kh0, End: kh1}},
		Quantities: []quantities.Found{{Quantity: model.Quantity{Value: 200, Approx: true, What: "troops", Text: "Around 200 Russian troops", Sentence: 0},
			Start: q0, End: q1, Head: 3}},
	}
	evs := c.Code(in)
	if len(evs) < 2 {
		t.Fatalf("got %d events, want at least 2: %s", len(evs), describe(evs))
	}
	e := evs[0]
	if e.CAMEO != "190" || actorCode(e.Source) != "RUSMIL" || e.Source.Country == nil || *e.Source.Country != rus {
		t.Errorf("first event = %s %s, want 190 by RUSMIL", e.CAMEO, actorCode(e.Source))
	}
	if e.Date == nil || *e.Date != "2022-02-19" || e.DatePrecision == nil || *e.DatePrecision != "day" {
		t.Errorf("date = %v/%v, want 2022-02-19/day from its own clause", deref(e.Date), deref(e.DatePrecision))
	}
	// Kharkiv is the target of the attack: an actor, not its location
	if e.Location != nil {
		t.Errorf("location = %+v, want none (the only place is the target)", e.Location)
	}
	if len(e.Counts) != 1 || e.Counts[0].Value != 200 {
		t.Errorf("counts = %+v, want the 200 troops of its clause", e.Counts)
	}
	// the second sentence has no time, place or quantity of its own
	var cond *model.Event
	for i := range evs {
		if evs[i].Sentence == 1 && evs[i].Root == "11" {
			cond = &evs[i]
		}
	}
	if cond == nil {
		t.Fatalf("no disapproval in sentence 2: %s", describe(evs))
	}
	if cond.Date == nil || *cond.Date != "2022-02-20" || deref(cond.DatePrecision) != "day" {
		t.Errorf("date = %v, want the publication date 2022-02-20/day", deref(cond.Date))
	}
	if cond.Location != nil {
		t.Errorf("location = %+v, want none (the place is in another sentence)", cond.Location)
	}
	if len(cond.Counts) != 0 {
		t.Errorf("counts = %+v, want none", cond.Counts)
	}
	if actorCode(cond.Source) != "UKR" {
		t.Errorf("source = %q, want UKR", actorCode(cond.Source))
	}
}

func TestNoPublicationDate(t *testing.T) {
	c := newTestCoder(t)
	text, sents := attackArticle()
	evs := c.Code(Input{Text: text, Sentences: sents})
	for _, e := range evs {
		if e.Date != nil || e.DatePrecision != nil {
			t.Errorf("%s: date %v without any time or publication date; want null", e.CAMEO, deref(e.Date))
		}
	}
}

// TestMisparsedPassive: a "passive" subject with a direct object and no
// passive auxiliary is the source of an active clause.
func TestMisparsedPassive(t *testing.T) {
	c := newTestCoder(t)
	text, s := buildSentence(0, 0, []tok{
		{"Russian", "ADJ", "JJ", "Russian", 1, "amod"},
		{"tanks", "NOUN", "NNS", "tank", 2, "nsubj:pass"},
		{"shelled", "VERB", "VBN", "shell", -1, "root"},
		{"the", "DET", "DT", "the", 4, "det"},
		{"village", "NOUN", "NN", "village", 2, "obj"},
		{".", "PUNCT", ".", ".", 2, "punct"},
	})
	evs := c.Code(Input{Text: text, Sentences: []model.Sentence{s}})
	if len(evs) == 0 {
		t.Fatalf("no event for %q", text)
	}
	if got := actorCode(evs[0].Source); !strings.HasPrefix(got, "RUS") {
		t.Errorf("%q: source = %q, want a Russian actor (%s)", text, got, describe(evs))
	}
}

// TestFrontedActor: a sentence-opening name set apart by an apposition
// the parse left unattached is the subject of the verb after it.
func TestFrontedActor(t *testing.T) {
	c := newTestCoder(t)
	text, s := buildSentence(0, 0, []tok{
		{"Poland", "PROPN", "NNP", "Poland", 3, "vocative"},
		{",", "PUNCT", ",", ",", 3, "punct"},
		{"a", "DET", "DT", "a", 3, "det"},
		{"neighbour", "ADV", "RB", "neighbour", 14, "advmod"},
		{"with", "ADP", "IN", "with", 7, "case"},
		{"a", "DET", "DT", "a", 7, "det"},
		{"long", "ADJ", "JJ", "long", 7, "amod"},
		{"history", "NOUN", "NN", "history", 3, "obl"},
		{"of", "ADP", "IN", "of", 9, "case"},
		{"trade", "NOUN", "NN", "trade", 7, "nmod"},
		{"and", "CCONJ", "CC", "and", 11, "cc"},
		{"farming", "NOUN", "NN", "farming", 9, "conj"},
		{",", "PUNCT", ",", ",", 3, "punct"},
		{"has", "AUX", "VBZ", "have", 14, "aux"},
		{"condemned", "VERB", "VBN", "condemn", -1, "root"},
		{"the", "DET", "DT", "the", 16, "det"},
		{"raid", "NOUN", "NN", "raid", 14, "obj"},
		{".", "PUNCT", ".", ".", 14, "punct"},
	})
	evs := c.Code(Input{Text: text, Sentences: []model.Sentence{s}})
	if len(evs) == 0 {
		t.Fatalf("no event for %q", text)
	}
	if got := actorCode(evs[0].Source); !strings.HasPrefix(got, "POL") {
		t.Errorf("%q: source = %q, want POL (%s)", text, got, describe(evs))
	}
}
