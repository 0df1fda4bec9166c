package quotes

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

// The models are loaded once for all tests of the package.
var loadModels = sync.OnceValues(func() (*nlp.Annotator, error) { return nlp.New(nil) })
var loadKB = sync.OnceValues(actors.Load)

// analyse parses text as the pipeline does and returns what Find needs.
func analyse(t testing.TB, text string) ([]model.Sentence, []model.Entity, *coref.Chains) {
	t.Helper()
	a, err := loadModels()
	if err != nil {
		t.Fatalf("load models: %v", err)
	}
	kb, err := loadKB()
	if err != nil {
		t.Fatalf("load actors: %v", err)
	}
	sents := a.Annotate(text, segment.Split(text))
	var ents []model.Entity
	for i := range sents {
		s := &sents[i]
		for _, m := range ner.Mentions(s) {
			start, end := s.Tokens[m.Start].Start, s.Tokens[m.End-1].End
			ents = append(ents, model.Entity{Text: text[start:end], Type: m.Type, Sentence: i, Start: start, End: end})
		}
	}
	chains := coref.New(kb).Resolve(text, sents, ents, time.Time{})
	return sents, ents, chains
}

// want describes one expected quote; empty fields are not checked.
type want struct {
	text     string
	direct   bool
	cue      string
	speaker  string // speaker text
	name     string // speaker name
	actor    string
	medium   string
	noSpeakr bool // the speaker must be null
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "curly quote over two paragraphs",
			text: "“We will rebuild the bridge,” said Mayor Ana Ruiz. “It will take two years.\n“Nobody will be left behind.”",
			want: []want{
				{text: "We will rebuild the bridge", direct: true, cue: "said", speaker: "Mayor Ana Ruiz"},
				{text: "It will take two years.\nNobody will be left behind.", direct: true, cue: "said", speaker: "Mayor Ana Ruiz"},
			},
		},
		{
			name: "a title and nationality before the name",
			text: "German Chancellor Olaf Scholz urged the rebels to lay down their arms.",
			want: []want{{text: "to lay down their arms", cue: "urged", speaker: "German Chancellor Olaf Scholz", name: "Olaf Scholz", actor: "DEUGOV"}},
		},
		{
			name: "an office of a country before the name",
			text: "NATO Secretary-General Jens Stoltenberg warned Moscow that it would pay a high price for any new aggression.",
			want: []want{{text: "that it would pay a high price for any new aggression", cue: "warned", speaker: "NATO Secretary-General Jens Stoltenberg", name: "Jens Stoltenberg", actor: "IGOWSTNATGOV"}},
		},
		{
			name: "trailing attribution after a clause with its own subject",
			text: "Separatist shelling in the north wounded two soldiers on Saturday, the army said.",
			want: []want{{text: "Separatist shelling in the north wounded two soldiers on Saturday", cue: "said", speaker: "the army"}},
		},
		{
			name: "straight quote told reporters",
			text: `"The talks have failed," the official told reporters on Tuesday.`,
			want: []want{{text: "The talks have failed", direct: true, cue: "told", speaker: "the official", name: "official", medium: "reporters"}},
		},
		{
			name: "partial quote inside reported speech",
			text: `The minister said the costs of the plan would be "enormous".`,
			want: []want{
				{text: `the costs of the plan would be "enormous"`, direct: false, cue: "said", speaker: "The minister"},
				{text: "enormous", direct: true, cue: "said", speaker: "The minister"},
			},
		},
		{
			name: "reported speech told the BBC",
			text: "Officials told the BBC that the border crossing would reopen on Monday.",
			want: []want{{text: "that the border crossing would reopen on Monday", direct: false, cue: "told", speaker: "Officials", medium: "BBC"}},
		},
		{
			name: "inserted he said",
			text: "Peter Novak arrived in the capital on Sunday.\nThe economy is recovering faster than expected, he said.",
			want: []want{{text: "The economy is recovering faster than expected", direct: false, cue: "said", speaker: "he", name: "Peter Novak"}},
		},
		{
			name: "according to",
			text: "According to the ministry, forty people were evacuated from the village.",
			want: []want{{text: "forty people were evacuated from the village", direct: false, cue: "According to", speaker: "the ministry"}},
		},
		{
			name: "a distance is never the speaker",
			text: "Armoured columns have moved into the hills near the village of Dorna, less than 12 miles from the frontier, radar images suggest.",
			// The distance is part of what the images suggest.
			want: []want{{text: "Armoured columns have moved into the hills near the village of Dorna, less than 12 miles from the frontier", direct: false, cue: "suggest", speaker: "radar images"}},
		},
		{
			name: "description keeps its words, actor from the knowledge base",
			text: `"We are frightened," a British expat said.`,
			want: []want{{text: "We are frightened", direct: true, cue: "said", speaker: "a British expat", name: "British expat", actor: "GBRCVL"}},
		},
		{
			name: "unclosed quote stays in its paragraph",
			text: "The mayor said: “This will never end.\nMarkets rose sharply in the afternoon as traders bought shares.",
			want: []want{{text: "This will never end.", direct: true, cue: "said", speaker: "The mayor"}},
		},
		{
			name: "paragraph opening with a quote continues the speaker",
			text: "“We are ready,” said Colonel Omar Haddad.\n“The enemy is tired and our lines are holding well.”",
			want: []want{
				{text: "We are ready", direct: true, cue: "said", speaker: "Colonel Omar Haddad"},
				{text: "The enemy is tired and our lines are holding well.", direct: true, cue: "said", speaker: "Colonel Omar Haddad"},
			},
		},
		{
			name: "scare quote is not speech",
			text: `The so-called "peace plan" was rejected by both parties.`,
			want: nil,
		},
		{
			name: "transcript label",
			text: "SMITH: We will not back down from this fight.",
			want: []want{{text: "We will not back down from this fight.", direct: true, cue: ":", speaker: "SMITH"}},
		},
	}
	kb, err := loadKB()
	if err != nil {
		t.Fatal(err)
	}
	f, err := New(kb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, ents, chains := analyse(t, tt.text)
			got := f.Quotes(tt.text, sents, ents, chains, time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %s, want %d", len(got), describe(got), len(tt.want))
			}
			for i, w := range tt.want {
				checkQuote(t, tt.text, got[i], w)
			}
		})
	}
}

func describe(qs []model.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		sp := "<nil>"
		if q.Speaker != nil {
			sp = q.Speaker.Text
		}
		b.WriteString("[" + q.Text + " | " + q.Cue + " | " + sp + "]")
	}
	return b.String()
}

func checkQuote(t *testing.T, text string, q model.Quote, w want) {
	t.Helper()
	if q.Text != w.text {
		t.Errorf("text = %q, want %q", q.Text, w.text)
	}
	if q.Direct != w.direct {
		t.Errorf("%q: direct = %v, want %v", q.Text, q.Direct, w.direct)
	}
	if w.cue != "" && q.Cue != w.cue {
		t.Errorf("%q: cue = %q, want %q", q.Text, q.Cue, w.cue)
	}
	if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
		t.Fatalf("%q: span [%d, %d) out of text of %d bytes", q.Text, q.Start, q.End, len(text))
	}
	if !strings.HasPrefix(text[q.Start:], firstLine(q.Text)) {
		t.Errorf("%q: text at start offset is %q", q.Text, text[q.Start:q.End])
	}
	if w.noSpeakr {
		if q.Speaker != nil {
			t.Errorf("%q: speaker = %+v, want null", q.Text, *q.Speaker)
		}
		return
	}
	if w.speaker == "" {
		return
	}
	if q.Speaker == nil {
		t.Fatalf("%q: speaker = null, want %q", q.Text, w.speaker)
	}
	if q.Speaker.Text != w.speaker {
		t.Errorf("%q: speaker text = %q, want %q", q.Text, q.Speaker.Text, w.speaker)
	}
	if w.name != "" && deref(q.Speaker.Name) != w.name {
		t.Errorf("%q: speaker name = %q, want %q", q.Text, deref(q.Speaker.Name), w.name)
	}
	if w.actor != "" && deref(q.Speaker.Actor) != w.actor {
		t.Errorf("%q: speaker actor = %q, want %q", q.Text, deref(q.Speaker.Actor), w.actor)
	}
	if w.medium != "" && deref(q.Medium) != w.medium {
		t.Errorf("%q: medium = %q, want %q", q.Text, deref(q.Medium), w.medium)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// TestFindBadInput checks that hostile input gives bounded, well-formed
// output.
func TestFindBadInput(t *testing.T) {
	long := strings.Repeat("He said “this goes on and on. ", 2000) // never closes within the paragraph
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"only marks", `"""""“”“”«»''''`},
		{"unclosed in a long paragraph", long},
		{"many paragraphs of open quotes", strings.Repeat("“Open\n", 500)},
		{"colon labels", strings.Repeat("A: b c d\n", 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, ents, chains := analyse(t, tt.text)
			start := time.Now()
			got := Find(tt.text, sents, ents, chains)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
			checkWellFormed(t, tt.text, sents, got)
			for _, q := range got {
				if q.End-q.Start > MaxQuoteBytes*MaxParagraphs {
					t.Errorf("quote of %d bytes", q.End-q.Start)
				}
			}
		})
	}
}

func checkWellFormed(t testing.TB, text string, sents []model.Sentence, qs []model.Quote) {
	t.Helper()
	for _, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			t.Fatalf("quote span [%d, %d) out of text of %d bytes", q.Start, q.End, len(text))
		}
		if q.Sentence < 0 || (len(sents) > 0 && q.Sentence >= len(sents)) {
			t.Fatalf("quote sentence %d of %d", q.Sentence, len(sents))
		}
		if !utf8.ValidString(q.Text) && utf8.ValidString(text) {
			t.Fatalf("quote text %q is not valid UTF-8", q.Text)
		}
		if q.Speaker != nil && q.Speaker.Text == "" {
			t.Fatalf("speaker with empty text")
		}
	}
}

func TestParseCues(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantErr bool
	}{
		{"ok", "# comment\nsay\tspeech\nshow\tevidence\n", false},
		{"missing class", "say\n", true},
		{"unknown class", "say\tshout\n", true},
		{"duplicate", "say\tspeech\nsay\twritten\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCues(tt.src)
			if (err != nil) != tt.wantErr {
				t.Errorf("parseCues error = %v, wantErr %v", err, tt.wantErr)
			}
		})
	}
	if _, err := parseCues(cuesTSV); err != nil {
		t.Errorf("embedded cues: %v", err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will win," she said.`,
		"“Open and never closed.\n“Still open",
		"According to the ministry, ten people died.",
		"SMITH: Yes.\n''Two apostrophes,'' he said.",
		"Officials told reporters that the plan \"failed",
		"He said:\n“Next paragraph.”",
	} {
		f.Add(s)
	}
	fi, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		sents, ents, chains := analyse(t, text)
		got := fi.Quotes(text, sents, ents, chains, time.Time{})
		checkWellFormed(t, text, sents, got)
	})
}

func BenchmarkFind(b *testing.B) {
	para := "“We will rebuild the bridge,” said Mayor Ana Ruiz. “It will take two years.\n" +
		"Officials told the BBC that the border crossing would reopen on Monday.\n" +
		"The economy is recovering faster than expected, he said, adding that prices were \"stable\".\n" +
		"According to the ministry, forty people were evacuated from the village.\n"
	text := strings.Repeat(para, 25)
	sents, ents, chains := analyse(b, text)
	f, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		f.Find(text, sents, ents, chains, time.Time{})
	}
}
