package places

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

// The models are loaded once for all tests; they are read-only.
var (
	loadOnce sync.Once
	annot    *nlp.Annotator
	kb       *actors.KB
	loadErr  error
)

func models(tb testing.TB) (*nlp.Annotator, *actors.KB) {
	tb.Helper()
	loadOnce.Do(func() {
		annot, loadErr = nlp.New(nil)
		if loadErr == nil {
			kb, loadErr = actors.Load()
		}
	})
	if loadErr != nil {
		tb.Fatalf("load models: %v", loadErr)
	}
	return annot, kb
}

// resolver returns a resolver over the built gazetteer, or skips.
func resolver(tb testing.TB) *Resolver {
	tb.Helper()
	_, kb := models(tb)
	p, err := gazetteer.Locate()
	if err != nil {
		tb.Skipf("gazetteer index absent (run 'make gazetteer'): %v", err)
	}
	idx, err := gazetteer.Load(p)
	if err != nil {
		tb.Fatalf("load gazetteer: %v", err)
	}
	r, err := New(idx, kb)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return r
}

// parse runs the NLP stages on text and returns the sentences and entity
// mentions the pipeline would pass to Find.
func parse(tb testing.TB, text string) ([]model.Sentence, []model.Entity) {
	tb.Helper()
	a, _ := models(tb)
	sents := a.Annotate(text, segment.Split(text))
	var ents []model.Entity
	for i := range sents {
		s := &sents[i]
		for _, m := range ner.Mentions(s) {
			st, en := s.Tokens[m.Start].Start, s.Tokens[m.End-1].End
			ents = append(ents, model.Entity{Text: text[st:en], Type: m.Type, Sentence: s.Index, Start: st, End: en})
		}
	}
	return sents, ents
}

func find(tb testing.TB, r *Resolver, text string) []Found {
	tb.Helper()
	sents, ents := parse(tb, text)
	return r.Find(text, sents, ents)
}

func describe(fs []Found) string {
	var b strings.Builder
	for _, f := range fs {
		c := ""
		if f.Country != nil {
			c = *f.Country
		}
		fmt.Fprintf(&b, "[%s -> %s %s %s %.1f,%.1f] ", f.Text, f.Name, f.Kind, c, f.Lat, f.Lon)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	r := resolver(t)
	type want struct {
		text, kind, country, admin1 string
		lat, lon                    float64 // checked within 161 km when not both zero
	}
	tests := []struct {
		name string
		text string
		want []want // places that must be found
		not  []string
	}{
		{
			name: "qualified by country",
			text: "Drones struck Shebekino, Russia, overnight, the governor said.",
			want: []want{{"Shebekino", "city", "RUS", "Belgorod Oblast", 50.41, 36.90}, {"Russia", "country", "RUS", "", 0, 0}},
		},
		{
			name: "possessive region",
			text: "Fighting went on near Ukraine's Kharkiv Oblast for a week.",
			want: []want{{"Ukraine", "country", "UKR", "", 0, 0}, {"Kharkiv Oblast", "admin1", "UKR", "", 49.7, 36.5}},
		},
		{
			name: "state abbreviation",
			text: "A new library opened in Alexandria, Va., on Tuesday.",
			want: []want{{"Alexandria", "city", "USA", "Virginia", 38.80, -77.05}, {"Va.", "admin1", "USA", "", 37.5, -78.8}},
		},
		{
			name: "named regions",
			text: "Shelling continued in eastern Ukraine, while talks on the West Bank and the Sahel stalled.",
			want: []want{{"eastern Ukraine", "region", "UKR", "", 48.5, 37.5}, {"West Bank", "region", "PSE", "", 31.9, 35.2}, {"Sahel", "region", "", "", 14.5, 0}},
		},
		{
			name: "demonyms and actors are not places",
			text: "Russian troops advanced. Moscow denied the report, and the Kremlin said nothing.",
			not:  []string{"Russian", "Moscow", "Kremlin"},
		},
		{
			name: "words of institutions and titles are not towns",
			text: "The Supreme Court ruled on Monday, and Prime Minister Rishi Sunak spoke to the Senate.",
			not:  []string{"Supreme", "Minister", "Senate"},
		},
		{
			name: "Gaza is the strip",
			text: "Aid trucks entered Gaza on Sunday.",
			want: []want{{"Gaza", "region", "PSE", "", 31.42, 34.37}},
		},
		{
			name: "capital as a place",
			text: "Thousands marched in Moscow on Sunday.",
			want: []want{{"Moscow", "city", "RUS", "Moscow", 55.75, 37.62}},
		},
		{
			name: "place inside an organisation's name",
			text: "She studied medicine at the University of Toronto and joined the Kharkiv Police Department.",
			want: []want{{"Toronto", "city", "CAN", "Ontario", 43.70, -79.42}, {"Kharkiv", "city", "UKR", "Kharkiv", 49.98, 36.25}},
		},
		{
			name: "dateline",
			text: "KHARKIV — Shelling resumed overnight, officials said.",
			want: []want{{"KHARKIV", "city", "UKR", "Kharkiv", 49.98, 36.25}},
		},
		{
			name: "one sense per discourse keeps a town the tagger missed",
			text: "The county fair opened in Gainesville, Ga., on Friday. Only a few towns, including Gainesville and Duluth, hold one.",
			want: []want{{"Gainesville", "city", "USA", "Georgia", 34.30, -83.82}},
		},
		{
			name: "a person's name alone is not a town",
			text: "Mr. Tyler told reporters that he would run again.",
			not:  []string{"Tyler"},
		},
		{
			name: "the war of a war's name is not a town",
			text: "Soviet forces killed thousands of Polish officers during World War Two.",
			not:  []string{"War"},
		},
		{
			name: "dateline with an agency",
			text: "Talks resume. PARIS (Reuters) - Negotiators met again on Monday.",
			want: []want{{"PARIS", "city", "FRA", "Île-de-France", 48.85, 2.35}},
		},
		{
			name: "state abbreviation in a list of towns",
			text: "The finalists were Denver, Louisville, Ky., Hartford, Conn., and Surprise, Ariz., the group said.",
			want: []want{{"Conn.", "admin1", "USA", "", 41.6, -72.7}, {"Hartford", "city", "USA", "Connecticut", 41.76, -72.68}},
		},
		{
			name: "article context chooses the town",
			text: "The Ohio town of Dublin will vote on a levy. Dublin residents near Columbus said the schools need money.",
			want: []want{{"Dublin", "city", "USA", "Ohio", 40.10, -83.11}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, r, tt.text)
			for _, w := range tt.want {
				ok := false
				for _, f := range got {
					if f.Text != w.text || f.Kind != w.kind || deref(f.Country) != w.country || deref(f.Admin1) != w.admin1 {
						continue
					}
					if (w.lat != 0 || w.lon != 0) && Distance(w.lat, w.lon, f.Lat, f.Lon) > 161 {
						continue
					}
					if tt.text[f.Start:f.End] != f.Text {
						t.Errorf("span [%d,%d) holds %q, Text is %q", f.Start, f.End, tt.text[f.Start:f.End], f.Text)
					}
					ok = true
				}
				if !ok {
					t.Errorf("want %+v; got %s", w, describe(got))
				}
			}
			for _, n := range tt.not {
				for _, f := range got {
					if strings.Contains(f.Text, n) {
						t.Errorf("%q is not a place here; got %s", n, describe(got))
					}
				}
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Without a gazetteer only the named regions of our own table are found.
func TestRegionsWithoutGazetteer(t *testing.T) {
	_, kb := models(t)
	r, err := New(nil, kb)
	if err != nil {
		t.Fatal(err)
	}
	got := find(t, r, "Aid reached the Gaza Strip and the Donbas, but not Kyiv.")
	var names []string
	for _, f := range got {
		names = append(names, f.Name+"/"+f.Kind)
	}
	want := "Gaza Strip/region Donbas/region"
	if strings.Join(names, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(names, " "), want)
	}
	var nilR *Resolver
	if got := nilR.Find("text", nil, nil); got != nil {
		t.Errorf("nil resolver found %v", got)
	}
}

// An article naming thousands of places stays bounded in time and output.
func TestManyPlaces(t *testing.T) {
	r := resolver(t)
	names := []string{"Kharkiv", "Lviv", "Odesa", "Kherson", "Dnipro", "Poltava", "Sumy", "Mariupol"}
	var b strings.Builder
	for i := range 250 {
		fmt.Fprintf(&b, "Troops moved from %s to %s, %s and %s. ", names[i%8], names[(i+1)%8], names[(i+2)%8], names[(i+3)%8])
	}
	text := b.String()
	sents, ents := parse(t, text)
	start := time.Now()
	got := r.Find(text, sents, ents)
	took := time.Since(start)
	if len(got) < 1000 || len(got) > MaxMentions {
		t.Errorf("found %d places, want between 1000 and %d", len(got), MaxMentions)
	}
	if took > 20*time.Second {
		t.Errorf("Find took %v for 2,000 names", took)
	}
	for _, f := range got {
		if f.Country == nil || *f.Country != "UKR" {
			t.Errorf("%s resolved to %s, want a place in Ukraine", f.Text, describe([]Found{f}))
			break
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2, want float64
	}{
		{0, 0, 0, 0, 0},
		{51.5074, -0.1278, 48.8566, 2.3522, 343.5}, // London to Paris
		{0, 0, 0, 180, 20015.1},
		{90, 0, -90, 0, 20015.1},
	}
	for _, tt := range tests {
		if got := Distance(tt.lat1, tt.lon1, tt.lat2, tt.lon2); got < tt.want-1 || got > tt.want+1 {
			t.Errorf("Distance(%v,%v,%v,%v) = %.1f, want %.1f", tt.lat1, tt.lon1, tt.lat2, tt.lon2, got, tt.want)
		}
	}
}

func TestData(t *testing.T) {
	regs, keys, _, err := loadRegions()
	if err != nil {
		t.Fatal(err)
	}
	if len(regs) < 50 || len(keys) < len(regs) {
		t.Errorf("regions: %d regions, %d keys", len(regs), len(keys))
	}
	for _, rg := range regs {
		if rg.country != "" && len(rg.country) != 3 {
			t.Errorf("region %s: country %q is not ISO3", rg.name, rg.country)
		}
	}
	states, country, err := loadStates()
	if err != nil {
		t.Fatal(err)
	}
	if states["Va."] != "Virginia" || states["GA"] != "Georgia" || states["Ont."] != "Ontario" || len(states) < 100 {
		t.Errorf("states: Va.=%q GA=%q Ont.=%q, %d forms", states["Va."], states["GA"], states["Ont."], len(states))
	}
	if country["Virginia"] != "USA" || country["Ontario"] != "CAN" {
		t.Errorf("countries: Virginia=%q Ontario=%q", country["Virginia"], country["Ontario"])
	}
}

// TestStateNamesKnown checks that every state and province of the tables
// is a first-level region of its country in the gazetteer.
func TestStateNamesKnown(t *testing.T) {
	r := resolver(t)
	if r.idx == nil {
		t.Skip("no gazetteer")
	}
	states, _, err := loadStates()
	if err != nil {
		t.Fatal(err)
	}
	for abbr, name := range states {
		if _, ok := r.stateKeys[gazetteer.Normalize(name)]; !ok {
			t.Errorf("%s (%s) is no first-level region the gazetteer knows", name, abbr)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	r := resolver(b)
	text := "Drones struck Shebekino, Russia, overnight. Fighting went on near Ukraine's Kharkiv Oblast " +
		"and in eastern Ukraine. Officials in Alexandria, Va., and in Paris, Texas, said the Sahel was next. " +
		"The mayor of Dublin, Ohio, met leaders from Columbus and Springfield."
	sents, ents := parse(b, text)
	for b.Loop() {
		r.Find(text, sents, ents)
	}
}

// TestActorsNotPlaces checks that countries modifying an actor noun and
// capitals used as actors after communicative or conflict verbs are not
// places, while the same names used as locations are.
func TestActorsNotPlaces(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		name  string
		text  string
		word  string // the name in question
		place bool   // whether it must come out as a place
	}{
		{"country abbreviation modifies officials", "US officials believe the plan will fail.", "US", false},
		{"country abbreviation modifies ministers", "UK ministers met on Tuesday to discuss the budget.", "UK", false},
		{"possessive country before army", "Ukraine's army retook the village after a week of fighting.", "Ukraine", false},
		{"country modifies forces", "Israel forces left the camp at dawn.", "Israel", false},
		{"demonym modifies units", "Russian units crossed the river at night.", "Russian", false},
		{"country after in", "The talks in the US ended on Friday.", "US", true},
		{"country as a location of a verb", "She moved to Ukraine in 2019 with her family.", "Ukraine", true},
		{"country possessive before a place", "Fighting went on near Ukraine's Kharkiv Oblast for a week.", "Ukraine", true},
		{"a US state is not a country", "Police in Atlanta and Savannah met on Monday. Georgia authorities said the law applies across the state.", "Georgia", true},
		{"capital object of warn", "The foreign minister warned Moscow against any escalation.", "Moscow", false},
		{"capital object of urge", "European leaders urged Kyiv to accept the offer.", "Kyiv", false},
		{"capitals as joint subject", "Washington and Moscow agreed to extend the treaty.", "Moscow", false},
		{"capital after in", "Thousands marched in Moscow on Sunday.", "Moscow", true},
		{"capital after motion to", "The delegation flew to Moscow for the summit.", "Moscow", true},
		{"capital after near", "Heavy fighting was reported near Kyiv overnight.", "Kyiv", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, r, tt.text)
			found := false
			for _, f := range got {
				if f.Text == tt.word {
					found = true
				}
			}
			if found != tt.place {
				t.Errorf("%q in %q: place = %v, want %v; got %s", tt.word, tt.text, found, tt.place, describe(got))
			}
		})
	}
}
