package quantities

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

var (
	annOnce sync.Once
	ann     *nlp.Annotator
	annErr  error
)

// parse runs the real NLP stages on text.
func parse(t testing.TB, text string) []model.Sentence {
	t.Helper()
	annOnce.Do(func() { ann, annErr = nlp.New(nil) })
	if annErr != nil {
		t.Fatalf("load nlp models: %v", annErr)
	}
	return ann.Annotate(text, segment.Split(text))
}

type want struct {
	value  float64
	approx bool
	what   string
	kind   string // "" for null
}

func kindOfFound(f Found) string {
	if f.Kind == nil {
		return ""
	}
	return *f.Kind
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []want
	}{
		{"More than 14,000 people have been killed since the war began.", []want{{14000, true, "people", Killed}}},
		{"Around 200 military vehicles crossed the river.", []want{{200, true, "vehicles", ""}}},
		{"Two men were shot dead and three others were wounded.", []want{{2, false, "men", Killed}, {3, false, "others", Wounded}}},
		{"A dozen people were injured in the blast.", []want{{12, false, "people", Injured}}},
		{"Hundreds of residents were evacuated from the valley.", []want{{200, true, "residents", Evacuated}}},
		{"Tens of thousands of families have been displaced.", []want{{20000, true, "families", Displaced}}},
		{"Police arrested 12 protesters and detained at least 30 more.", []want{{12, false, "protesters", Arrested}, {30, true, "people", Arrested}}},
		{"The army has amassed nearly 100,000 troops on the border.", []want{{100000, true, "troops", Amassed}}},
		{"The floods left 2.5 million people displaced.", []want{{2500000, false, "people", Displaced}}},
		{"Twenty-five soldiers are missing after the ambush.", []want{{25, false, "soldiers", Missing}}},
		{"The storm killed one person and injured four others.", []want{{1, false, "person", Killed}, {4, false, "others", Injured}}},
		{"Four people were shot, two fatally, outside the bar.", []want{{4, false, "people", Shot}, {2, false, "people", Killed}}},
		{"A handful of villagers were kidnapped by the gang.", []want{{3, true, "villagers", Kidnapped}}},
		{"Some 40 students died in the fire.", []want{{40, true, "students", Died}}},
		{"The attack left 2 dead and 5 injured.", []want{{2, false, "people", Killed}, {5, false, "people", Injured}}},
		{"One of the victims died at the hospital.", []want{{1, false, "victims", Died}}},
		{"Dozens of police officers were deployed to the square.", []want{{24, true, "officers", Deployed}}},
		{"Between 20 and 30 fighters were captured.", []want{{20, true, "fighters", ""}}},
		// not counts
		{"A 25-year-old man was questioned on May 5, 2014.", nil},
		{"The victim, 19, was aged 30 in the photo.", nil},
		{"The deal is worth $5 million, or 12 percent of sales.", nil},
		{"The meeting started at 10:30 p.m. in 2014.", nil},
		{"He lives at 4800 block of Main Street near Route 66.", nil},
		{"Apollo 11 landed after the G20 summit.", nil},
		{"The team won 3-2 and one in 5 fans cheered.", nil},
		{"Call 555-1234 for the third time.", nil},
		{"No one was hurt.", nil},
		{"He carried an AK-47 and an F-16 model.", nil},
		{"The rate is 12 deaths per 100,000 residents.", []want{{12, false, "deaths", Killed}}},
		{"The value 1e400 and 1234567890123456789012345 appeared.", nil},
	}
	for _, tc := range tests {
		sents := parse(t, tc.text)
		got := Find(tc.text, sents)
		if len(got) != len(tc.want) {
			t.Errorf("Find(%q): got %d quantities %v, want %d", tc.text, len(got), describe(got), len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Value != w.value || g.Approx != w.approx || g.What != w.what || kindOfFound(g) != w.kind {
				t.Errorf("Find(%q)[%d] = {%v %v %q %q}, want {%v %v %q %q}", tc.text, i,
					g.Value, g.Approx, g.What, kindOfFound(g), w.value, w.approx, w.what, w.kind)
			}
			if g.Text != tc.text[g.Start:g.End] {
				t.Errorf("Find(%q)[%d]: text %q does not match offsets %d:%d", tc.text, i, g.Text, g.Start, g.End)
			}
		}
	}
}

func describe(fs []Found) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Text + "=" + kindOfFound(f) + "; ")
	}
	return b.String()
}

func TestFindBoundedOnHugeList(t *testing.T) {
	var b strings.Builder
	b.WriteString("Officials counted ")
	for i := 0; i < 3000; i++ {
		b.WriteString("12 soldiers, ")
	}
	b.WriteString("and 1e400 tanks.")
	text := b.String()
	sents := parse(t, text)
	got := Find(text, sents)
	if len(got) == 0 || len(got) > maxPerSentence*len(sents) {
		t.Fatalf("Find on a huge list: got %d quantities, want 1..%d", len(got), maxPerSentence*len(sents))
	}
	for _, f := range got {
		if math.IsInf(f.Value, 0) || math.IsNaN(f.Value) || f.Value > maxValue {
			t.Fatalf("Find on a huge list: value %v out of bounds", f.Value)
		}
	}
	if _, err := json.Marshal(got); err != nil {
		t.Fatalf("marshal quantities: %v", err)
	}
}

func TestFindNoSentences(t *testing.T) {
	if got := Find("", nil); len(got) != 0 {
		t.Errorf("Find on nothing: got %v, want none", got)
	}
	// tokens whose offsets do not fit the text must not panic
	s := []model.Sentence{{Tokens: []model.Token{{Text: "two", Start: 50, End: 53, UPOS: "NUM", Head: 1}, {Text: "men", Start: 54, End: 57, UPOS: "NOUN", XPOS: "NNS", Head: -1}}}}
	got := Find("short", s)
	if len(got) != 1 || got[0].Text != "" {
		t.Errorf("Find with offsets outside the text: got %+v, want one quantity without text", got)
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("More than 14,000 people have been killed and hundreds of thousands displaced. "+
		"Two men were shot dead on Saturday, police said, and a 25-year-old woman was wounded. "+
		"The army deployed around 200 military vehicles near the border on May 5, 2014. ", 20)
	sents := parse(b, text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		found := Find(text, sents)
		_ = Tally(sents, found)
	}
}
