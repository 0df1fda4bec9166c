package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

func TestFindWithoutAnchor(t *testing.T) {
	f := New(Config{})
	tests := []struct {
		text, extent, value string
		start, end          string
	}{
		{"Shelling resumed on Saturday night.", "Saturday night", "XXXX-WXX-6TNI", "", ""},
		{"In September, the army withdrew.", "September", "XXXX-09", "", ""},
		{"The deal was signed Dec. 15.", "Dec. 15", "XXXX-12-15", "", ""},
		{"The minister resigned yesterday.", "yesterday", PastRef, "", ""},
		{"Talks will continue next week.", "next week", FutureRef, "", ""},
		{"The town fell two days ago.", "two days ago", PastRef, "", ""},
		{"The vote is today.", "today", PresentRef, "", ""},
		{"It ended on 15 December 2021.", "15 December 2021", "2021-12-15", "2021-12-15", "2021-12-15"},
		{"Fighting flared in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31"},
		{"The war began in 2014.", "2014", "2014", "2014-01-01", "2014-12-31"},
	}
	for _, tc := range tests {
		g := only(t, f, tc.text, time.Time{}, false, TenseUnknown)
		if g.Text != tc.extent || g.Value != tc.value || g.StartDay != tc.start || g.EndDay != tc.end {
			t.Errorf("Find(%q) without anchor = %q %s [%s..%s], want %q %s [%s..%s]", tc.text,
				g.Text, g.Value, g.StartDay, g.EndDay, tc.extent, tc.value, tc.start, tc.end)
		}
	}
}

func TestDocContext(t *testing.T) {
	f := New(Config{})
	anchor := time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		sentences []string
		extent    string // of the expression checked, in the last sentence
		value     string
	}{
		{"a year earlier keeps the quarter", []string{"Third-quarter profit rose 8%.", "Net income was $5 million a year earlier."}, "a year earlier", "1988-Q3"},
		{"the quarter is the one the story is about", []string{"Profit fell in the second quarter.", "Sales in the quarter rose."}, "the quarter", "1989-Q2"},
		{"the year-earlier quarter", []string{"Profit fell in the third quarter.", "It rose in the year-earlier quarter."}, "the year-earlier quarter", "1988-Q3"},
		{"the next day follows the last date", []string{"The ship sank on March 3.", "Divers arrived the next day."}, "the next day", "1989-03-04"},
		{"a year ago without context", []string{"Prices rose a year ago."}, "a year ago", "1988"},
		{"the day before", []string{"Polls closed on May 7.", "Turnout had been low the day before."}, "the day before", "1989-05-06"},
		{"the market day", []string{"Shares fell 3% on Thursday.", "The index ended the day at 7,114."}, "the day", "1989-10-26"},
		{"the same period last year", []string{"Sales rose in May.", "They fell in the same period last year."}, "the same period last year", "1988-05"},
	}
	for _, tc := range tests {
		d := f.NewDoc(anchor, true)
		var got []Found
		for _, s := range tc.sentences {
			got = d.Find(s, model.Span{End: len(s)}, TenseUnknown)
		}
		var hit *Found
		for i := range got {
			if got[i].Text == tc.extent {
				hit = &got[i]
			}
		}
		if hit == nil {
			t.Errorf("%s: %q not found in %+v", tc.name, tc.extent, got)
			continue
		}
		if hit.Value != tc.value {
			t.Errorf("%s: %q = %s, want %s", tc.name, tc.extent, hit.Value, tc.value)
		}
	}
}

func TestWeekdayTense(t *testing.T) {
	f := New(Config{})
	// Sunday 2022-02-20: a past clause points back, a future one forward,
	// the anchor's own weekday is the anchor day.
	tests := []struct {
		text  string
		hint  Tense
		value string
	}{
		{"The convoy arrived Wednesday.", TenseUnknown, "2022-02-16"},
		{"The convoy will arrive Wednesday.", TenseUnknown, "2022-02-23"},
		{"The convoy arrives Wednesday.", TenseFuture, "2022-02-23"},
		{"The convoy arrives Wednesday.", TensePast, "2022-02-16"},
		{"Talks resumed Sunday.", TenseUnknown, "2022-02-20"},
		{"He said Friday that he will resign.", TenseUnknown, "2022-02-18"},
		{"The dividend will be paid Dec. 14.", TenseUnknown, "2022-12-14"},
		{"The rebels have held the town since March.", TenseUnknown, "2021-03"},
		{"The ceasefire holds until Tuesday.", TenseUnknown, "2022-02-22"},
	}
	for _, tc := range tests {
		g := only(t, f, tc.text, sunday, true, tc.hint)
		if g.Value != tc.value {
			t.Errorf("Find(%q, hint %v) = %s, want %s", tc.text, tc.hint, g.Value, tc.value)
		}
	}
}

func TestMonthFirst(t *testing.T) {
	text := "Filed 03/04/2022."
	for _, tc := range []struct {
		cfg  Config
		want string
	}{{Config{}, "2022-04-03"}, {Config{MonthFirst: true}, "2022-03-04"}} {
		g := only(t, New(tc.cfg), text, sunday, true, TenseUnknown)
		if g.Value != tc.want {
			t.Errorf("MonthFirst=%v: %s, want %s", tc.cfg.MonthFirst, g.Value, tc.want)
		}
	}
	// A field above 12 forces the reading either way.
	g := only(t, New(Config{MonthFirst: true}), "Filed 19/02/2022.", sunday, true, TenseUnknown)
	if g.Value != "2022-02-19" {
		t.Errorf("19/02/2022 with MonthFirst = %s, want 2022-02-19", g.Value)
	}
}

func TestEventDate(t *testing.T) {
	f := New(Config{})
	tests := []struct {
		text, date, precision string
		ok                    bool
	}{
		{"on Saturday night", "2022-02-19", PrecDay, true},
		{"at 09:14 GMT", "2022-02-20", PrecDay, true},
		{"last week", "2022-W06", PrecWeek, true},
		{"over the weekend", "2022-W07", PrecWeek, true},
		{"in September", "2021-09", PrecMonth, true},
		{"in the third quarter", "2021", PrecYear, true},
		{"in 1991", "1991", PrecYear, true},
		{"in the 1990s", "", "", false},
		{"for three years", "", "", false},
		{"recently", "", "", false},
	}
	for _, tc := range tests {
		g, ok := f.Normalise(tc.text, sunday, true, TensePast)
		if !ok {
			t.Errorf("Normalise(%q): nothing found", tc.text)
			continue
		}
		date, prec, ok := g.EventDate()
		if date != tc.date || prec != tc.precision || ok != tc.ok {
			t.Errorf("EventDate(%q) = %q %q %v, want %q %q %v", tc.text, date, prec, ok, tc.date, tc.precision, tc.ok)
		}
	}
}

func TestNormalise(t *testing.T) {
	f := New(Config{})
	tests := []struct{ in, value string }{
		{"Feb 20, 2022", "2022-02-20"},
		{"2022-02-19T09:14:00Z", "2022-02-19T09:14"},
		{"Sunday, 20 February 2022", "2022-02-20"},
		{"Updated: 19.02.2022 10:30", "2022-02-19"},
	}
	for _, tc := range tests {
		g, ok := f.Normalise(tc.in, sunday, true, TenseUnknown)
		if !ok || g.Value != tc.value {
			t.Errorf("Normalise(%q) = %q %v, want %q", tc.in, g.Value, ok, tc.value)
		}
	}
	if g, ok := f.Normalise("no date here", sunday, true, TenseUnknown); ok {
		t.Errorf("Normalise(no date) = %+v, want nothing", g)
	}
}

func TestTenseOf(t *testing.T) {
	tok := func(text, xpos, tense string) model.Token {
		return model.Token{Text: text, XPOS: xpos, Morph: model.Morph{Tense: tense}}
	}
	tests := []struct {
		name string
		toks []model.Token
		want Tense
	}{
		{"future auxiliary", []model.Token{tok("They", "PRP", ""), tok("will", "MD", ""), tok("meet", "VB", "")}, TenseFuture},
		{"past tag", []model.Token{tok("They", "PRP", ""), tok("met", "VBD", "Past")}, TensePast},
		{"present tag", []model.Token{tok("She", "PRP", ""), tok("says", "VBZ", "Pres")}, TensePresent},
		{"going to", []model.Token{tok("They", "", ""), tok("are", "", ""), tok("going", "", ""), tok("to", "", ""), tok("vote", "", "")}, TenseFuture},
		{"words only, past", []model.Token{tok("Troops", "", ""), tok("crossed", "", ""), tok("the", "", ""), tok("river", "", "")}, TensePast},
		{"words only, 'll", []model.Token{tok("We", "", ""), tok("'ll", "", ""), tok("see", "", "")}, TenseFuture},
		{"nothing", []model.Token{tok("Hello", "", "")}, TenseUnknown},
	}
	for _, tc := range tests {
		if got := TenseOf(tc.toks); got != tc.want {
			t.Errorf("%s: TenseOf = %v, want %v", tc.name, got, tc.want)
		}
	}
	// The root's auxiliary decides in a parsed sentence.
	parsed := []model.Token{
		{Text: "He", XPOS: "PRP", Head: 2, Rel: "nsubj"},
		{Text: "has", XPOS: "VBZ", Head: 2, Rel: "aux", Morph: model.Morph{Tense: "Pres"}},
		{Text: "resigned", XPOS: "VBN", Head: -1, Rel: "root", Morph: model.Morph{Tense: "Past", VerbForm: "Part"}},
	}
	if got := TenseOf(parsed); got != TensePresent {
		t.Errorf("parsed: TenseOf = %v, want %v", got, TensePresent)
	}
}

// TestBadInput feeds inputs that must give a bounded result quickly.
func TestBadInput(t *testing.T) {
	f := New(Config{})
	long := strings.Repeat("May May 1e400 99999 February 30, ", 20000)
	tests := []struct {
		name string
		text string
		max  int // most expressions allowed
	}{
		{"huge numbers", "In 1e400 and 1234567890123456789012345 days ago, 99999 years ago.", 0},
		{"impossible day", "It happened on February 30.", 1},
		{"leap day in a common year", "It happened on Feb. 29, 2021.", 2},
		{"only punctuation", strings.Repeat(",.;:-/'", 5000), 0},
		{"long text", long, 20000},
		{"digits", strings.Repeat("2022-02-19/", 5000), 20000},
	}
	for _, tc := range tests {
		start := time.Now()
		got := findAll(f, tc.text, sunday, true, TenseUnknown)
		if len(got) > tc.max {
			t.Errorf("%s: %d expressions, want at most %d: %+v", tc.name, len(got), tc.max, got[:min(len(got), 3)])
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s: took %s", tc.name, el)
		}
		for _, g := range got {
			checkFound(t, tc.text, model.Span{End: len(tc.text)}, g)
		}
	}
	for _, year := range []int{-5, 0, 10000, 99999} {
		a := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, g := range findAll(f, "It happened yesterday, last week and in 2014.", a, true, TenseUnknown) {
			checkFound(t, "It happened yesterday, last week and in 2014.", model.Span{End: 44}, g)
		}
	}
}

// checkFound checks the invariants every Found must keep.
func checkFound(t *testing.T, text string, sent model.Span, g Found) {
	t.Helper()
	lo, hi := max(sent.Start, 0), min(sent.End, len(text))
	if g.Start < lo || g.End > hi || g.Start >= g.End {
		t.Fatalf("Found %+v outside sentence %d:%d", g, lo, hi)
	}
	if g.Lead > g.Start || g.Lead < lo {
		t.Fatalf("Found %+v: lead outside", g)
	}
	if text[g.Start:g.End] != g.Text {
		t.Fatalf("Found %+v: text does not match offsets", g)
	}
	// It starts and ends with whole runes (what lies between is the
	// input's own business).
	if r, _ := utf8.DecodeRuneInString(g.Text); r == utf8.RuneError {
		t.Fatalf("Found %+v: starts inside a rune", g)
	}
	if r, _ := utf8.DecodeLastRuneInString(g.Text); r == utf8.RuneError {
		t.Fatalf("Found %+v: ends inside a rune", g)
	}
	if utf8.ValidString(text) && (!utf8.RuneStart(text[g.Start]) || (g.End < len(text) && !utf8.RuneStart(text[g.End]))) {
		t.Fatalf("Found %+v: offsets split a rune", g)
	}
	if g.Value == "" {
		t.Fatalf("Found %+v: empty value", g)
	}
	switch g.Type {
	case TypeDate, TypeTime, TypeDuration, TypeSet:
	default:
		t.Fatalf("Found %+v: bad type", g)
	}
	if (g.StartDay == "") != (g.EndDay == "") {
		t.Fatalf("Found %+v: half a range", g)
	}
	if g.StartDay != "" {
		for _, d := range []string{g.StartDay, g.EndDay} {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				t.Fatalf("Found %+v: bad day %q", g, d)
			}
		}
		if g.StartDay > g.EndDay {
			t.Fatalf("Found %+v: range ends before it starts", g)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Shelling resumed on Saturday night, two days ago.",
		"In the 1990s, since 2014, Dec. 15, 15 December 2021, 19/02/2022 and 2022-02-19T09:14.",
		"the third-quarter, a year earlier, the past two weeks, every Monday, 10 p.m. EST, Nov. 6",
		"February 30 1e400 99999 1234567890123456789012345 '82 the '90s mid-1996",
		"Überfall am 3 März — «Montag» 2022-02-19\xff\xfe",
	} {
		f.Add(s, 0, len(s), 2022, 2, 20, uint8(0))
	}
	finder := New(Config{})
	f.Fuzz(func(t *testing.T, text string, start, end, y, mo, d int, tense uint8) {
		anchor := time.Date(y%12000, time.Month(mo%13), d%40, 0, 0, 0, 0, time.UTC)
		sent := model.Span{Start: start, End: end}
		doc := finder.NewDoc(anchor, y%3 != 0)
		for range 2 { // twice, so that the second call has context
			for _, g := range doc.Find(text, sent, Tense(tense%4)) {
				checkFound(t, text, sent, g)
			}
		}
	})
}

func FuzzNormalise(f *testing.F) {
	for _, s := range []string{"Feb 20, 2022", "19/02/2022", "February 30", "99999", "1e400",
		"1234567890123456789012345 days ago", "the winter of 2021", "Q3 2021", "12:30 p.m. GMT"} {
		f.Add(s, int64(1645315200))
	}
	finder := New(Config{MonthFirst: true})
	f.Fuzz(func(t *testing.T, phrase string, unix int64) {
		anchor := time.Unix(unix%(400*365*86400), 0).UTC()
		g, ok := finder.Normalise(phrase, anchor, unix%2 == 0, TenseUnknown)
		if ok {
			checkFound(t, phrase, model.Span{End: len(phrase)}, g)
		}
	})
}

// benchText is a news-like paragraph with a dozen time expressions.
const benchText = `Russian forces shelled the town on Saturday night, two days after talks in Geneva broke down. ` +
	`Officials said last week that 14,000 people had fled since 2014, and a further 3,000 in September. ` +
	`The ministry will publish its figures on Dec. 15, it said in a statement at 09:14 GMT on Sunday. ` +
	`Prices have risen 8% over the past two years, the third-quarter report showed; a year earlier they fell. ` +
	`Residents described the worst fighting since the 1990s and said the curfew would last until Tuesday.`

func BenchmarkFind(b *testing.B) {
	f := New(Config{})
	sent := model.Span{End: len(benchText)}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(benchText, sent, sunday, true, TenseUnknown)
	}
}

func BenchmarkFindNoTimes(b *testing.B) {
	text := strings.Repeat("The committee met the delegation and discussed the proposal at length with observers. ", 5)
	f := New(Config{})
	sent := model.Span{End: len(text)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(text, sent, sunday, true, TenseUnknown)
	}
}

func TestContractHelpers(t *testing.T) {
	f := New(Config{})
	text := "Officials said on Tuesday that the town was shelled on Saturday night for three hours."
	found := findAll(f, text, sunday, true, TenseUnknown)
	if len(found) != 3 {
		t.Fatalf("found %+v, want Tuesday, Saturday night, three hours", found)
	}
	got := found[1].Time(text, 4)
	want := model.Time{Text: "on Saturday night", Value: "2022-02-19", Start: "2022-02-19", End: "2022-02-19", Sentence: 4}
	if got != want {
		t.Errorf("Time = %+v, want %+v", got, want)
	}
	shelled := strings.Index(text, "shelled")
	if e, ok := ForEvent(found, shelled); !ok || e.Text != "Saturday night" {
		t.Errorf("ForEvent(shelled) = %q %v, want Saturday night", e.Text, ok)
	}
	said := strings.Index(text, "said")
	if e, ok := ForEvent(found, said); !ok || e.Text != "Tuesday" {
		t.Errorf("ForEvent(said) = %q %v, want Tuesday", e.Text, ok)
	}
	if _, ok := ForEvent(found[2:], said); ok {
		t.Error("ForEvent with only a duration: ok, want none")
	}
}
