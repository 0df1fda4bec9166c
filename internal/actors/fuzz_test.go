package actors

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzLookupName(f *testing.F) {
	kb := loadKB(f)
	for _, s := range []string{
		"Zelenskiy", "the Kremlin", "Ukrainian President Volodymyr Zelenskyy", "U.S.", "Côte d’Ivoire's",
		"Mr", "'s", "al-", "the the the", "NATO NATO", "Russia's Russia's", strings.Repeat("President ", 40),
		"\xff\xfe", "King Abdullah", "Gambian President Dawda Jawara", "ex-", "-", "&", "O'Brien's",
	} {
		f.Add(s, int64(19000))
	}
	f.Fuzz(func(t *testing.T, phrase string, days int64) {
		date := time.Unix(0, 0).UTC().AddDate(0, 0, int(days%40000))
		m, ok := kb.LookupName(phrase, date)
		if !ok {
			if m != (Match{}) {
				t.Errorf("LookupName(%q) = %+v with ok false", phrase, m)
			}
			return
		}
		if m.Code != "" && !validCode(m.Code) {
			t.Errorf("LookupName(%q) gave malformed code %q", phrase, m.Code)
		}
		if !utf8.ValidString(m.Name) && utf8.ValidString(phrase) {
			t.Errorf("LookupName(%q) gave invalid UTF-8 name %q", phrase, m.Name)
		}
	})
}

func FuzzCompose(f *testing.F) {
	kb := loadKB(f)
	for _, s := range []string{"Russian units", "pro-Russian separatists", "former US president", "NATO allies", "a the of", "anti-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phrase string) {
		words := strings.Fields(phrase)
		if len(words) == 0 {
			return
		}
		c, ok := kb.Resolve(words[:len(words)-1], words[len(words)-1], time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC))
		if ok && !validCode(c.Code) {
			t.Errorf("Resolve(%q) gave malformed code %q", phrase, c.Code)
		}
		if !ok && c.Code != "" {
			t.Errorf("Resolve(%q) gave code %q with ok false", phrase, c.Code)
		}
	})
}

var benchPhrases = []string{
	"Zelenskiy", "Russia", "the Kremlin", "NATO", "Ukrainian President Volodymyr Zelenskyy",
	"Mr Biden", "Côte d’Ivoire's", "Russian Defence Ministry", "Zorblax Quuxington", "the president",
	"Kyiv", "Hamas", "Secretary Austin", "Gambian President Dawda Jawara", "US",
}

func BenchmarkLookupName(b *testing.B) {
	kb := loadKB(b)
	date := time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		kb.LookupName(benchPhrases[i%len(benchPhrases)], date)
	}
}

func BenchmarkCompose(b *testing.B) {
	kb := loadKB(b)
	date := time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)
	mods := [][]string{{"Russian"}, {"US", "military"}, {"pro-Russian"}, {"his", "Russian"}, {"NATO"}}
	heads := []string{"units", "officials", "separatists", "counterpart", "allies"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		kb.Compose(mods[i%len(mods)], heads[i%len(heads)], date)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
