package gazetteer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// buildFixture compiles the hand-written npm fixture under testdata.
func buildFixture(t testing.TB) (*Index, []byte, Stats) {
	t.Helper()
	b, st, err := BuildNPM(filepath.Join("testdata", "npm"))
	if err != nil {
		t.Fatalf("BuildNPM: %v", err)
	}
	x, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return x, b, st
}

func TestBuildStats(t *testing.T) {
	_, b, st := buildFixture(t)
	// 6 populated places (the pass is feature class T), 3 admin1 with towns
	// (Empty State has none), 2 admin2, 3 countries.
	want := Stats{Cities: 6, Admin1: 3, Admin2: 2, Countries: 3}
	got := st
	got.Keys, got.Postings, got.Bytes = 0, 0, 0
	if got != want {
		t.Errorf("stats = %+v, want %+v", got, want)
	}
	if st.Bytes != len(b) {
		t.Errorf("Bytes = %d, file has %d", st.Bytes, len(b))
	}
}

func TestLookup(t *testing.T) {
	x, _, _ := buildFixture(t)
	type hit struct {
		name, country, admin1 string
		kind                  Kind
		weak, alt             bool
	}
	tests := []struct {
		query string
		want  []hit
	}{
		// Most populous first; the alternate name of a Ukrainian town
		// comes after the towns that bear the name.
		{"Springvale", []hit{
			{"Springvale", "USA", "Illinois", KindCity, false, false},
			{"Springvale", "USA", "North Carolina", KindCity, false, false},
			{"Zelenoye", "UKR", "Kharkiv", KindCity, false, true},
		}},
		{"SPRINGVAIL", []hit{{"Springvale", "USA", "Illinois", KindCity, false, true}}},
		{"St. Elm", []hit{{"Saint Elm", "USA", "North Carolina", KindCity, false, false}}},
		{"Illinois", []hit{{"Illinois", "USA", "", KindAdmin1, false, false}}},
		{"Harrow County", []hit{{"Harrow County", "USA", "Illinois", KindAdmin2, false, false}}},
		{"Harrow", []hit{{"Harrow County", "USA", "Illinois", KindAdmin2, true, false}}},
		{"Kharkiv", []hit{{"Kharkiv", "UKR", "", KindAdmin1, false, false}}},
		{"United States of America", []hit{{"United States", "USA", "", KindCountry, false, false}}},
		{"America", []hit{{"United States", "USA", "", KindCountry, false, false}}},
		{"Italia", []hit{{"Italy", "ITA", "", KindCountry, false, false}}},
		// Codes of two letters are not names; passes are not towns.
		{"US", nil},
		{"Mountain Pass", nil},
		{"Empty State", nil},
		{"", nil},
	}
	for _, tt := range tests {
		ms := x.Lookup(tt.query, 0)
		var got []hit
		for _, m := range ms {
			e := x.Entry(m.Entry)
			a := e.Admin1
			if e.Kind == KindAdmin1 || e.Kind == KindCountry {
				a = ""
			}
			got = append(got, hit{e.Name, e.Country, a, e.Kind, m.Weak, m.Alt})
		}
		if len(got) != len(tt.want) {
			t.Errorf("Lookup(%q) = %+v, want %+v", tt.query, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Lookup(%q)[%d] = %+v, want %+v", tt.query, i, got[i], tt.want[i])
			}
		}
	}
}

func TestEntryFields(t *testing.T) {
	x, _, _ := buildFixture(t)
	ms := x.Lookup("Zelenoye", 1)
	if len(ms) != 1 {
		t.Fatalf("Lookup(Zelenoye) = %v, want one entry", ms)
	}
	e := x.Entry(ms[0].Entry)
	if e.GeonameID != 1000005 || e.Feature != "PPLC" || e.Population != 900000 || e.Country2 != "UA" ||
		e.Lat != 50 || e.Lon != 36 {
		t.Errorf("Entry = %+v", e)
	}
	// A region sits in the middle of its towns' box.
	ms = x.Lookup("Illinois", 1)
	a := x.Entry(ms[0].Entry)
	if a.Lat != 40.75 || a.Lon != -89.625 || a.Population != 120900 || a.GeonameID != 0 {
		t.Errorf("Illinois = %+v, want centre 40.75,-89.625 and population 120900", a)
	}
	if got := x.Admin1Entry(a.Admin1Idx); got != a.Index {
		t.Errorf("Admin1Entry(%d) = %d, want %d", a.Admin1Idx, got, a.Index)
	}
	c, ok := x.Country("UA")
	c3, ok3 := x.Country("UKR")
	if !ok || !ok3 || c.Name != "Ukraine" || c3.Index != c.Index || c.Population != 901500 {
		t.Errorf("Country(UA) = %+v %v, Country(UKR) = %+v %v", c, ok, c3, ok3)
	}
	if _, ok := x.Country("XX"); ok {
		t.Errorf("Country(XX) found")
	}
	if !x.HasPrefix("port") || x.HasPrefix("zzz") {
		t.Errorf("HasPrefix: port %v, zzz %v; want true, false", x.HasPrefix("port"), x.HasPrefix("zzz"))
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"St. Louis", "st louis"},
		{"Sana'a", "sanaa"},
		{"Sana’a", "sanaa"},
		{"Ivano-Frankivsk", "ivano frankivsk"},
		{"  São  Tomé ", "sao tome"},
		{"Kraków", "krakow"},
		{"U.S.", "us"},
		{"Zürich/Zurich", "zurich zurich"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for in, want := range map[string]string{"kharkiv oblast": "kharkiv", "idlib governorate": "idlib", "oblast": "oblast", "kansas city": "kansas city"} {
		if got, _ := StripAdminSuffix(in); got != want {
			t.Errorf("StripAdminSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	_, b, _ := buildFixture(t)
	cases := map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("NOTGAZ\x00\x01"), b[8:]...),
		"truncated": b[:len(b)-1],
		"longer":    append(append([]byte(nil), b...), 0),
	}
	bad := append([]byte(nil), b...)
	bad[headerSize+16] = 0xFF // first entry's name offset
	bad[headerSize+17] = 0xFF
	cases["name offset"] = bad
	for name, in := range cases {
		if _, err := Parse(in); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Parse error = %v, want ErrFormat", name, err)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	if _, _, err := BuildNPM(t.TempDir()); err == nil {
		t.Errorf("BuildNPM(empty dir) succeeded")
	}
}

func TestLocate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "g.idx")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvVar, p)
	if got, err := Locate(); err != nil || got != p {
		t.Errorf("Locate() = %q, %v; want %q", got, err, p)
	}
	t.Setenv(EnvVar, filepath.Join(dir, "missing.idx"))
	if _, err := Locate(); err == nil {
		t.Errorf("Locate() with a missing $%s succeeded", EnvVar)
	}
}

// realIndex loads the index that 'make gazetteer' builds, or skips.
func realIndex(tb testing.TB) (*Index, string) {
	tb.Helper()
	p, err := Locate()
	if err != nil {
		tb.Skipf("gazetteer index absent (run 'make gazetteer'): %v", err)
	}
	x, err := Load(p)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return x, p
}

func TestRealIndex(t *testing.T) {
	x, p := realIndex(t)
	start := time.Now()
	if _, err := Load(p); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d entries, %d keys, loaded in %v", p, x.Len(), x.Keys(), time.Since(start))
	if x.Len() < 100000 {
		t.Errorf("Len = %d, want the GeoNames towns (> 100000)", x.Len())
	}
	for _, q := range []struct{ name, country string }{{"Kharkiv", "UKR"}, {"Shebekino", "RUS"}, {"Gainesville", "USA"}} {
		ms := x.Lookup(q.name, 0)
		found := false
		for _, m := range ms {
			found = found || x.Entry(m.Entry).Country == q.country
		}
		if !found {
			t.Errorf("Lookup(%q): no entry in %s", q.name, q.country)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	_, p := realIndex(b)
	for b.Loop() {
		if _, err := Load(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	x, _ := realIndex(b)
	for b.Loop() {
		x.Lookup("Springfield", 40)
	}
}

func FuzzParse(f *testing.F) {
	_, b, _ := buildFixture(f)
	f.Add(b)
	f.Add([]byte(magic))
	f.Add(b[:headerSize])
	f.Fuzz(func(t *testing.T, in []byte) {
		x, err := Parse(in)
		if err != nil {
			return
		}
		// A file that parses must answer every call without panicking.
		for i := 0; i < x.Len(); i++ {
			e := x.Entry(i)
			x.Lookup(e.Name, 5)
			x.Admin1Entry(e.Admin1Idx)
		}
		x.Lookup("springvale", 0)
		x.Country("US")
		x.HasPrefix("a")
	})
}

func TestVariantKeys(t *testing.T) {
	tests := []struct {
		key, variant, particle string
	}{
		{"st paul", "saint paul", ""},
		{"saint cloud", "st cloud", ""},
		{"port st lucie", "port saint lucie", ""},
		{"mt vernon", "mount vernon", ""},
		{"fort worth", "ft worth", ""},
		{"desoto parish", "", "de soto parish"},
		{"de kalb", "", "dekalb"},
		{"la porte", "", "laporte"},
		{"mclean county", "", "mc lean county"},
		{"paris", "", ""},
		{"dell", "", ""}, // too short to hold a particle and a name
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := variantKey(tt.key); got != tt.variant {
			t.Errorf("variantKey(%q) = %q, want %q", tt.key, got, tt.variant)
		}
		if got := particleKey(tt.key); got != tt.particle {
			t.Errorf("particleKey(%q) = %q, want %q", tt.key, got, tt.particle)
		}
	}
}

func TestLookupVariants(t *testing.T) {
	x, _, _ := buildFixture(t)
	// "Saint Elm" is found under its own name whichever way "saint" is
	// written, and only once.
	for _, q := range []string{"Saint Elm", "St. Elm", "St Elm"} {
		ms := x.Lookup(q, 10)
		n := 0
		for _, m := range ms {
			if e := x.Entry(m.Entry); e.Name == "Saint Elm" {
				n++
				if m.Alt || m.Weak {
					t.Errorf("Lookup(%q): Saint Elm found as alt=%v weak=%v, want its own name", q, m.Alt, m.Weak)
				}
			}
		}
		if n != 1 {
			t.Errorf("Lookup(%q) found Saint Elm %d times, want once", q, n)
		}
	}
}
