package coref

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

// models loads the embedded NLP models and the actor knowledge base once
// for every test that parses text.
var models = sync.OnceValues(func() (*testModels, error) {
	a, err := nlp.New(nil)
	if err != nil {
		return nil, err
	}
	kb, err := actors.Load()
	if err != nil {
		return nil, err
	}
	return &testModels{nlp: a, res: New(kb)}, nil
})

type testModels struct {
	nlp *nlp.Annotator
	res *Resolver
}

// parsed is one article run through the NLP stages the way the pipeline
// runs it.
type parsed struct {
	text  string
	sents []model.Sentence
	ents  []model.Entity
}

func parseText(t testing.TB, text string) parsed {
	t.Helper()
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	p := parsed{text: text, sents: m.nlp.Annotate(text, segment.Split(text))}
	for i := range p.sents {
		s := &p.sents[i]
		for _, mn := range ner.Mentions(s) {
			st, en := s.Tokens[mn.Start].Start, s.Tokens[mn.End-1].End
			p.ents = append(p.ents, model.Entity{Text: text[st:en], Type: mn.Type, Sentence: s.Index, Start: st, End: en})
		}
	}
	return p
}

// tokenOf finds the nth occurrence (from 1) of needle as a whole token.
func tokenOf(p parsed, needle string, nth int) (int, int, bool) {
	seen := 0
	for _, s := range p.sents {
		for ti, tk := range s.Tokens {
			if p.text[tk.Start:tk.End] == needle {
				seen++
				if seen == nth {
					return s.Index, ti, true
				}
			}
		}
	}
	return 0, 0, false
}

var day = time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)

type refCheck struct {
	word      string // a token of the text
	nth       int    // which occurrence, from 1
	wantName  string // canonical name of its cluster; "" for no cluster
	wantActor string
}

func TestResolveArticles(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		checks []refCheck
	}{
		{
			name: "transliterations and Mr",
			text: "Ukrainian President Volodymyr Zelenskiy arrived in Warsaw on Tuesday.\n" +
				"Mr Zelensky met Polish officials at the airport.\n" +
				"Zelenskyy said he expected more air defence systems.",
			checks: []refCheck{
				{"Zelenskiy", 1, "Volodymyr Zelenskyy", "UKRGOV"},
				{"Zelensky", 1, "Volodymyr Zelenskyy", "UKRGOV"},
				{"Mr", 1, "Volodymyr Zelenskyy", "UKRGOV"},
				{"Zelenskyy", 1, "Volodymyr Zelenskyy", "UKRGOV"},
				{"he", 1, "Volodymyr Zelenskyy", "UKRGOV"},
			},
		},
		{
			name: "she said, actor from an apposition",
			text: "Olena Kovalchuk, a Ukrainian official, spoke to reporters in Kyiv on Friday.\n" +
				"She said the talks would continue next week.",
			checks: []refCheck{
				{"Kovalchuk", 1, "Olena Kovalchuk", "UKRGOV"},
				{"She", 1, "Olena Kovalchuk", "UKRGOV"},
			},
		},
		{
			name: "the official",
			text: "Ivan Petrenko, the deputy mayor of Kharkiv, visited the damaged school on Sunday.\n" +
				"The official said ten people had been injured in the strike.",
			checks: []refCheck{
				{"official", 1, "Ivan Petrenko", ""},
				{"The", 1, "Ivan Petrenko", ""},
			},
		},
		{
			name: "two people of different gender",
			text: "John Carter met Maria Lopez in Madrid on Monday.\n" +
				"She told him that the plan had failed.\n" +
				"He said he would resign.",
			checks: []refCheck{
				{"She", 1, "Maria Lopez", ""},
				{"him", 1, "John Carter", ""},
				{"He", 1, "John Carter", ""},
				{"he", 1, "John Carter", ""},
			},
		},
		{
			name: "they for a government",
			text: "The Russian government rejected the proposal on Monday.\n" +
				"They said it was unacceptable and called for new talks.",
			checks: []refCheck{
				{"government", 1, "Russian government", "RUSGOV"},
				{"They", 1, "Russian government", "RUSGOV"},
			},
		},
		{
			name: "quote paragraph: the last named speaker",
			text: "Tom Carter said the meeting with David Smith had gone well.\n" +
				"\"We agreed on almost everything,\" he said.",
			checks: []refCheck{
				{"he", 1, "Tom Carter", ""},
			},
		},
		{
			name: "I inside a quotation is the speaker",
			text: "Maria Lopez spoke to reporters after the vote.\n" +
				"\"I am proud of my team,\" she said.",
			checks: []refCheck{
				{"she", 1, "Maria Lopez", ""},
				{"I", 1, "Maria Lopez", ""},
				{"my", 1, "Maria Lopez", ""},
			},
		},
		{
			name: "unknown person with a title: actor from the title",
			text: "Ukrainian Foreign Minister Oleh Hnatiuk arrived in Berlin on Monday.\n" +
				"Mr Hnatiuk said he hoped for a quick decision.",
			checks: []refCheck{
				{"Hnatiuk", 1, "Oleh Hnatiuk", "UKRGOV"},
				{"Hnatiuk", 2, "Oleh Hnatiuk", "UKRGOV"},
				{"he", 1, "Oleh Hnatiuk", "UKRGOV"},
			},
		},
		{
			name: "the company and it",
			// The company's name must be one the entity recogniser finds:
			// this test is about the links, not about recognition.
			text: "Northwind Industries said on Monday that profits fell by a third.\n" +
				"The company blamed weak demand in Europe.\n" +
				"It expects sales to recover next year.",
			checks: []refCheck{
				{"company", 1, "Northwind Industries", ""},
				{"It", 1, "Northwind Industries", ""},
			},
		},
		{
			name: "same surname, different people",
			text: "Joe Biden spoke in Delaware on Friday.\n" +
				"His brother James Biden did not attend.\n" +
				"Mr Biden said the economy was growing.",
			checks: []refCheck{
				{"Biden", 1, "Joe Biden", "USAGOV"},
				{"Biden", 2, "James Biden", ""},
				{"Biden", 3, "Joe Biden", "USAGOV"},
			},
		},
		{
			name: "a bare surname is the person named in full",
			text: "James Biden arrived in court on Monday.\n" +
				"Biden pleaded not guilty.",
			checks: []refCheck{
				{"Biden", 2, "James Biden", ""},
			},
		},
		{
			name: "a headline surname yields to the full name in the text",
			text: "Clinton leads Sanders in new poll\n" +
				"Hillary Rodham Clinton has the support of 52 percent of voters.\n" +
				"Mrs. Clinton said she was pleased.",
			checks: []refCheck{
				{"Clinton", 1, "Hillary Clinton", ""},
				{"Clinton", 3, "Hillary Clinton", ""},
				{"she", 1, "Hillary Clinton", ""},
			},
		},
		{
			name: "title and surname: President Putin",
			text: "Vladimir Putin addressed the nation on Thursday.\n" +
				"President Putin said Russia would not back down.",
			checks: []refCheck{
				{"Putin", 1, "Vladimir Putin", "RUSGOV"},
				{"Putin", 2, "Vladimir Putin", "RUSGOV"},
				{"President", 1, "Vladimir Putin", "RUSGOV"},
			},
		},
		{
			name: "an office noun refers back only to its holder",
			text: "Joe Biden met the lawyer Mark Brennan in Washington on Monday.\n" +
				"The President said the meeting was useful.\n" +
				"The judge was not informed.",
			checks: []refCheck{
				{"President", 1, "Joe Biden", "USAGOV"},
				{"judge", 1, "judge", "JUD"},
			},
		},
		{
			name: "the army is the country's army",
			text: "Fighting continued near the border of Sudan on Monday.\n" +
				"The army said it had repelled an attack.",
			checks: []refCheck{
				{"army", 1, "army of Sudan", "SDNMIL"},
				{"it", 1, "army of Sudan", "SDNMIL"},
			},
		},
		{
			name: "the army takes a nationality of its own sentence over a country named before",
			text: "Britain announced new sanctions on Monday.\n" +
				"Rebel shelling wounded two Ukrainian soldiers, the army said.",
			checks: []refCheck{
				{"army", 1, "army of Ukraine", "UKRMIL"},
			},
		},
		{
			name: "different roles are different people",
			text: "A woman was injured when a car hit a bus stop in the city.\n" +
				"Police said the suspect had fled, and that he was still at large.",
			checks: []refCheck{
				{"suspect", 1, "suspect", ""},
				{"he", 1, "suspect", ""},
				{"woman", 1, "woman", ""},
			},
		},
		{
			name: "they for two companies or two people named together",
			// Names a sentence opens with must be tagged as names for the
			// parse to join them: the tagger reads a sentence-initial
			// "Boeing" as a verb in -ing, so Airbus comes first here.
			text: "Airbus and Boeing announced new orders on Monday.\n" +
				"They said demand was strong.\n" +
				"John Carter and Maria Lopez met in Madrid.\n" +
				"They agreed on a plan.",
			checks: []refCheck{
				{"They", 1, "Airbus and Boeing", ""},
				{"Boeing", 1, "Boeing", ""},
				{"They", 2, "John Carter and Maria Lopez", ""},
				{"Lopez", 1, "Maria Lopez", ""},
			},
		},
		{
			name: "counterparts, groups and an anonymous official",
			text: "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Tuesday.\n" +
				"\"We are open to dialogue,\" he said. The minister added that talks would continue.\n" +
				"Turkish officials said they would host another round.\n" +
				"A senior US official said Washington was watching. She declined to give details.",
			checks: []refCheck{
				{"Lavrov", 1, "Sergei Lavrov", "RUSGOV"},
				{"counterpart", 1, "Turkish counterpart", "TURGOV"},
				{"he", 1, "Sergei Lavrov", "RUSGOV"},
				{"minister", 1, "Sergei Lavrov", "RUSGOV"},
				{"they", 1, "Turkish officials", "TURGOV"},
				{"She", 1, "senior US official", "USAGOV"},
			},
		},
		{
			name: "we in a quotation whose speaker comes after it",
			text: "The ministry has denied moving troops to the border.\n\n" +
				"\"We see the tanks. We see the guns moving forward.\n\n" +
				"\"And we are ready,\" a senior Polish officer told reporters.",
			checks: []refCheck{
				{"We", 1, "", ""},
				{"We", 2, "", ""},
			},
		},
		{
			name: "pleonastic it is not a mention",
			text: "Acme Industries lost the contract.\n" +
				"It is clear that the bid was too high.",
			checks: []refCheck{
				{"It", 1, "", ""},
			},
		},
	}
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseText(t, tc.text)
			ch := m.res.Resolve(p.text, p.sents, p.ents, day)
			for _, c := range tc.checks {
				sent, tok, ok := tokenOf(p, c.word, c.nth)
				if !ok {
					t.Fatalf("%q #%d not found in the text", c.word, c.nth)
				}
				cl, ok := ch.At(sent, tok)
				if c.wantName == "" {
					if ok {
						t.Errorf("%q #%d: got cluster %q, want none", c.word, c.nth, cl.Name)
					}
					continue
				}
				if !ok {
					t.Errorf("%q #%d: no cluster, want %q", c.word, c.nth, c.wantName)
					continue
				}
				if cl.Name != c.wantName || c.wantActor != "" && cl.Actor != c.wantActor {
					t.Errorf("%q #%d: got %q %q, want %q %q", c.word, c.nth, cl.Name, cl.Actor, c.wantName, c.wantActor)
				}
			}
			for i, e := range p.ents {
				if e.Name == nil {
					t.Errorf("entity %d %q: name is null", i, e.Text)
				}
			}
		})
	}
}

// TestEntityNames checks the names and actors written into the entity list.
func TestEntityNames(t *testing.T) {
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	p := parseText(t, "Ukrainian President Volodymyr Zelenskiy met Joe Biden in Kyiv.\n"+
		"Zelenskyy thanked Mr Biden for the support of the United States.")
	m.res.Resolve(p.text, p.sents, p.ents, day)
	want := map[string][2]string{
		"Volodymyr Zelenskiy": {"Volodymyr Zelenskyy", "UKRGOV"},
		"Zelenskiy":           {"Volodymyr Zelenskyy", "UKRGOV"},
		"Zelenskyy":           {"Volodymyr Zelenskyy", "UKRGOV"},
		"Joe Biden":           {"Joe Biden", "USAGOV"},
		"Biden":               {"Joe Biden", "USAGOV"},
		"Mr Biden":            {"Joe Biden", "USAGOV"},
		"Kyiv":                {"Kyiv", "UKRGOV"},
		"United States":       {"United States", "USA"},
		"the United States":   {"United States", "USA"},
	}
	checked := 0
	for _, e := range p.ents {
		w, ok := want[e.Text]
		if !ok {
			continue
		}
		checked++
		if e.Name == nil || *e.Name != w[0] || e.Actor == nil || *e.Actor != w[1] {
			t.Errorf("%q: got %v %v, want %q %q", e.Text, deref(e.Name), deref(e.Actor), w[0], w[1])
		}
	}
	if checked < 4 {
		t.Errorf("only %d of the expected entities were recognised: %+v", checked, p.ents)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestAntecedent checks the antecedent lookups later stages use.
func TestAntecedent(t *testing.T) {
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	p := parseText(t, "Maria Lopez arrived in Madrid on Monday.\nShe said the talks had failed.")
	ch := m.res.Resolve(p.text, p.sents, p.ents, day)
	sent, tok, _ := tokenOf(p, "She", 1)
	a, ok := ch.Antecedent(sent, tok)
	if !ok || a.Text != "Maria Lopez" || a.Kind != KindName {
		t.Errorf("Antecedent(She): got %+v %v, want the name Maria Lopez", a, ok)
	}
	mn, ok := ch.MentionAt(sent, tok)
	if !ok || mn.Kind != KindPronoun || mn.Antecedent < 0 {
		t.Errorf("MentionAt(She): got %+v %v, want a linked pronoun", mn, ok)
	}
	cl, _ := ch.At(sent, tok)
	if cl.Gender != Female || len(cl.Mentions) < 2 {
		t.Errorf("cluster: got gender %q with %d mentions, want f with 2", cl.Gender, len(cl.Mentions))
	}
	if _, ok := ch.Entity(0); !ok {
		t.Errorf("Entity(0): no cluster")
	}
	var nilChains *Chains
	if _, ok := nilChains.At(0, 0); ok {
		t.Errorf("nil chains: At reports a cluster")
	}
}

func TestNameRules(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"volodymyr zelenskyy", "zelenskiy", true},
		{"zelensky", "zelenskyy", true},
		{"selenskyj", "zelenskyy", false},
		{"joe biden", "hunter biden", false},
		{"muammar gaddafi", "qaddafi", true},
		{"smith", "smyth", false},
		{"person123", "person124", false},
		{"muhammad", "mohammed", true},
	} {
		a, b := strings.Fields(tc.a), strings.Fields(tc.b)
		if got := sameTransliterated(a, b) || sameTransliterated(b, a); got != tc.want {
			t.Errorf("sameTransliterated(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct {
		short, long string
		want        bool
	}{
		{"biden", "joe biden", true},
		{"joe", "joe biden", false},
		{"lloyd austin", "lloyd j austin", true},
		{"hunter biden", "joe biden", false},
	} {
		if got := shorterForm(strings.Fields(tc.short), strings.Fields(tc.long)); got != tc.want {
			t.Errorf("shorterForm(%q, %q) = %v, want %v", tc.short, tc.long, got, tc.want)
		}
	}
	if got := acronym(nameWords("European Aeronautic Defence and Space", nil)); got != "eads" {
		t.Errorf("acronym: got %q, want eads", got)
	}
	if got := strings.Join(nameWords("the Boeing Co.'s", loadLexicon().orgSuffix), " "); got != "boeing" {
		t.Errorf("nameWords: got %q, want boeing", got)
	}
	if got := skeleton("muhammad"); got != skeleton("mohammed") {
		t.Errorf("skeleton: muhammad %q, mohammed %q, want the same", got, skeleton("mohammed"))
	}
}

// TestLexicon checks the embedded word lists line by line.
func TestLexicon(t *testing.T) {
	for _, f := range []struct {
		path  string
		cols  int
		check func([]string) bool
	}{
		{"data/titles.tsv", 2, func(r []string) bool { return r[1] == "m" || r[1] == "f" || r[1] == "-" }},
		{"data/nouns.tsv", 4, func(r []string) bool {
			switch r[1] {
			case classPerson, classOrg, classGov, classInst, classGPE, classNone:
				return (r[2] == "m" || r[2] == "f" || r[2] == "-") && (r[3] == "y" || r[3] == "-")
			}
			return false
		}},
		{"data/firstnames.tsv", 2, func(r []string) bool { return r[1] == "m" || r[1] == "f" }},
		{"data/speech.tsv", 1, func(r []string) bool { return true }},
		{"data/orgwords.tsv", 2, func(r []string) bool { return r[1] == "suffix" || r[1] == "generic" }},
	} {
		b, err := dataFS.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		rows := 0
		for i, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			r := strings.Split(line, "\t")
			if len(r) != f.cols || !f.check(r) || r[0] != strings.ToLower(strings.TrimSpace(r[0])) {
				t.Errorf("%s:%d: bad line %q", f.path, i+1, line)
				continue
			}
			if seen[r[0]] {
				t.Errorf("%s:%d: %q listed twice", f.path, i+1, r[0])
			}
			seen[r[0]] = true
			rows++
		}
		if rows == 0 {
			t.Errorf("%s: no rows", f.path)
		}
	}
}

// TestDumpText prints the chains of the text in file $COREF_TEXT, for
// looking at what the resolver does on an article:
// COREF_TEXT=article.txt go test -run TestDumpText -v ./internal/coref/
func TestDumpText(t *testing.T) {
	path := os.Getenv("COREF_TEXT")
	if path == "" {
		t.Skip("set COREF_TEXT to a text file to print its chains")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	p := parseText(t, string(b))
	ch := m.res.Resolve(p.text, p.sents, p.ents, day)
	var sb strings.Builder
	for i, mn := range ch.Mentions {
		cl := ch.Clusters[mn.Cluster]
		ante := ""
		if a, ok := ch.Antecedent(mn.Sentence, mn.Head); ok && mn.Kind != KindName {
			ante = " <- " + a.Text
		}
		fmt.Fprintf(&sb, "%4d s%-3d %-11s %-30q #%-3d %s [%s %s]%s\n", i, mn.Sentence, mn.Kind, mn.Text, mn.Cluster, cl.Name, cl.Type, cl.Actor, ante)
	}
	t.Log("\n" + sb.String())
}

// TestConcurrentResolve runs one Resolver from several goroutines (run
// with -race): Resolve keeps its state per call.
func TestConcurrentResolve(t *testing.T) {
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	p := parseText(t, "Mr Zelensky met Joe Biden in Kyiv.\nHe said they had agreed. The company said it would help.")
	var wg sync.WaitGroup
	names := make([]string, 4)
	for g := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ents := append([]model.Entity(nil), p.ents...)
			ch := m.res.Resolve(p.text, p.sents, ents, day)
			if len(ch.Clusters) > 0 {
				names[g] = ch.Clusters[0].Name
			}
		}()
	}
	wg.Wait()
	for g := range names {
		if names[g] == "" || names[g] != names[0] {
			t.Errorf("goroutine %d: first cluster %q, want %q", g, names[g], names[0])
		}
	}
}

// TestWithoutKnowledgeBase checks that a resolver without the actor
// knowledge base still links mentions and names every entity.
func TestWithoutKnowledgeBase(t *testing.T) {
	p := parseText(t, "Maria Lopez met the Russian government in Moscow.\nLopez said she was hopeful.")
	ch := New(nil).Resolve(p.text, p.sents, p.ents, day)
	for _, e := range p.ents {
		if e.Name == nil || e.Actor != nil {
			t.Errorf("%q: got name %v actor %v, want a name and no actor", e.Text, deref(e.Name), deref(e.Actor))
		}
	}
	sent, tok, _ := tokenOf(p, "she", 1)
	if cl, ok := ch.At(sent, tok); !ok || cl.Name != "Maria Lopez" {
		t.Errorf("she: got %q %v, want Maria Lopez", cl.Name, ok)
	}
}
