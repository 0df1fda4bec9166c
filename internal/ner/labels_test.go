package ner

import (
	"fmt"
	"strings"
	"testing"
)

func testLabeler(t *testing.T) *labeler {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatalf("loadGazetteer: %v", err)
	}
	return &labeler{gaz: g}
}

func spanStrings(words []string, ms []Mention) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Type+":"+strings.Join(words[m.Start:m.End], " "))
	}
	return strings.Join(out, "|")
}

func TestPlaceType(t *testing.T) {
	l := testLabeler(t)
	tests := []struct {
		name string
		want string
	}{
		{"Kyiv", GPE},
		{"United States", GPE},
		{"U.S.", GPE},
		{"Dnipro River", Loc},
		{"Mount Sinjar", Loc},
		{"the Donbas", Loc},
		{"Middle East", Loc},
		{"Kansas City", GPE},
		{"Lake Springvale", Loc},
		{"Springvale", GPE}, // unknown places default to GPE
	}
	for _, tt := range tests {
		if got := l.placeType(strings.Fields(tt.name)); got != tt.want {
			t.Errorf("placeType(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestNameRuns(t *testing.T) {
	l := testLabeler(t)
	tests := []struct {
		text string
		typ  string
		want string
	}{
		{"Iraqi President Fuad Masum", Person, "NORP:Iraqi|PERSON:Fuad Masum"},
		{"Foreign Secretary Boris Johnson", Person, "PERSON:Boris Johnson"},
		{"the Iraqi government", Org, "NORP:Iraqi"},
		{"U.S. Air Force civilian employees", Org, "ORG:U.S. Air Force"},
		{"The Members of the Security Council", Org, "ORG:Members of the Security Council"},
		{"coalition forces", Org, ""},
		{"Palmyra , Syria", "PLACE", "GPE:Palmyra"},
		{"Sheikh Abu Omar al - Ansari", Person, "PERSON:Abu Omar al - Ansari"},
		{"the Dnipro River", "PLACE", "LOC:Dnipro River"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		got := spanStrings(words, l.nameRuns(words, 0, len(words), tt.typ))
		if got != tt.want {
			t.Errorf("nameRuns(%q, %s) = %q, want %q", tt.text, tt.typ, got, tt.want)
		}
	}
}

func TestFromBIO(t *testing.T) {
	l := testLabeler(t)
	g := goldSent{
		words: strings.Fields("Ukrainian troops left Bakhmut and crossed the Dnipro River , Zelenskyy said"),
		tags:  strings.Fields("O O O B-LOC O O O B-LOC I-LOC O B-PER O"),
	}
	s := l.fromBIO(g, "uner", unerType, false)
	got := spanStrings(g.words, s.spans)
	want := "NORP:Ukrainian|GPE:Bakhmut|LOC:Dnipro River|PERSON:Zelenskyy"
	if got != want {
		t.Errorf("fromBIO = %q, want %q", got, want)
	}
}

func TestGazetteerCase(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		cat   int
		want  bool
	}{
		{"US", gazCountry, true},
		{"us", gazCountry, false}, // all-capital entries match only as written
		{"kyiv", gazCity, true},   // others match in any case
		{"Turkey", gazCountry, true},
		{"turkey", gazCountry, false}, // "=" entries match only as written
		{"al - Qaeda", gazOrg, true},  // hyphens split as the tokenizer does
		{"al-Qaeda", gazOrg, true},
		{"People 's Republic of China", gazCountry, true},
		{"Amnesty International", gazOrg, true},
		{"Zelenskyy", gazPerson, true},
	}
	for _, tt := range tests {
		cats := g.lookup(strings.Fields(tt.words))
		if got := cats&(1<<tt.cat) != 0; got != tt.want {
			t.Errorf("lookup(%q) in %s = %v, want %v", tt.words, gazCategories[tt.cat], got, tt.want)
		}
	}
}

func TestSpansFromTags(t *testing.T) {
	tests := []struct {
		tags string
		want string
	}{
		{"B-PER I-PER O B-LOC", "PER:0-2|LOC:3-4"},
		{"I-ORG I-ORG O", "ORG:0-2"},       // I- without B- starts an entity
		{"B-PER I-LOC", "PER:0-1|LOC:1-2"}, // a type change starts another
		{"B-PER B-PER", "PER:0-1|PER:1-2"}, // adjacent entities
		{"O O", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range spansFromTags(strings.Fields(tt.tags)) {
			got = append(got, fmt.Sprintf("%s:%d-%d", m.Type, m.Start, m.End))
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("spansFromTags(%q) = %q, want %q", tt.tags, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestScorer(t *testing.T) {
	sc := newScorer()
	gold := []Mention{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 6, "ORG"}}
	pred := []Mention{{0, 2, "PER"}, {3, 4, "ORG"}, {7, 8, "OTH"}}
	sc.add(gold, pred, 9)
	s := sc.scores()
	// PER right; LOC missed; ORG one false positive and one miss; OTH has
	// no gold and counts only in the strict score.
	if s.TP != 1 || s.FP != 1 || s.FN != 2 {
		t.Fatalf("TP/FP/FN = %d/%d/%d, want 1/1/2", s.TP, s.FP, s.FN)
	}
	if want := 2 * 0.5 * (1.0 / 3) / (0.5 + 1.0/3); s.F1 < want-1e-9 || s.F1 > want+1e-9 {
		t.Errorf("F1 = %v, want %v", s.F1, want)
	}
	if want := 2 * (1.0 / 3) * (1.0 / 3) / (2.0 / 3); s.StrictF1 < want-1e-9 || s.StrictF1 > want+1e-9 {
		t.Errorf("StrictF1 = %v, want %v", s.StrictF1, want)
	}
	var b strings.Builder
	if err := s.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"LOC", "ORG", "OTH", "PER", "all", "strict"} {
		if !strings.Contains(b.String(), row) {
			t.Errorf("table lacks row %q:\n%s", row, b.String())
		}
	}
}

func TestReadCoNLLSplitsSentences(t *testing.T) {
	gs, err := readCoNLL(tinyShared + "/eval/events-conflibert/data/re3d/train.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 2 {
		t.Fatalf("readCoNLL gave %d sentences, want 2", len(gs))
	}
	if got := strings.Join(gs[1].words, " "); got != "The Northern Brigade withdrew ." {
		t.Errorf("second sentence = %q", got)
	}
}
