package places

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/shareddata"
)

func readFixture(t testing.TB) []Doc {
	t.Helper()
	f, err := os.Open("testdata/corpus.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, dropped, err := ReadCorpus(f)
	if err != nil {
		t.Fatal(err)
	}
	// The toponym whose span does not hold its phrase is dropped.
	if dropped != 1 {
		t.Errorf("dropped = %d, want 1", dropped)
	}
	return docs
}

func TestReadCorpus(t *testing.T) {
	docs := readFixture(t)
	if len(docs) != 2 {
		t.Fatalf("read %d docs, want 2", len(docs))
	}
	type top struct {
		phrase string
		id     int
		lat    float64
	}
	want := [][]top{
		{{"Springvale", 1000001, 40.5}, {"Ill.", 4896861, 40}},
		{{"Zelenoye", 0, 50}, {"American", 0, 38}},
	}
	for i, d := range docs {
		if len(d.Toponyms) != len(want[i]) {
			t.Errorf("doc %d: %d toponyms, want %d", i, len(d.Toponyms), len(want[i]))
			continue
		}
		for j, tp := range d.Toponyms {
			// Gold offsets count characters: "Café" has a two-byte é.
			if got := d.Text[tp.Start:tp.End]; got != want[i][j].phrase || tp.GeonameID != want[i][j].id || tp.Lat != want[i][j].lat || !tp.HasCoord {
				t.Errorf("doc %d toponym %d = %q %+v, want %+v", i, j, got, tp, want[i][j])
			}
		}
	}
	if docs[0].ID != "1" || !strings.HasPrefix(docs[1].ID, "https://example.org/story") {
		t.Errorf("ids = %q, %q", docs[0].ID, docs[1].ID)
	}
}

func TestScore(t *testing.T) {
	docs := readFixture(t)
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	id := 1000001
	d0 := docs[0]
	// Springvale resolved exactly, Ill. missed.
	found0 := []places.Found{{Place: model.Place{Text: "Springvale", Lat: 40.6, Lon: -90.2, GeonameID: &id}, Start: 16, End: 26}}
	// Zelenoye resolved 300 km off; the demonym is not a place.
	found1 := []places.Found{{Place: model.Place{Text: "Zelenoye", Lat: 52.7, Lon: 36.0}, Start: 12, End: 20}}
	var c Counts
	c.add(d0, found0, kb)
	c.add(docs[1], found1, kb)
	if c.Toponyms != 3 || c.Found != 2 || c.Within161 != 1 || c.WithID != 2 || c.Exact != 1 || c.Demonyms != 1 || c.DemFound != 0 {
		t.Errorf("counts = %+v", c)
	}
	if got, want := c.Acc161(), 1.0/3; got != want {
		t.Errorf("Acc161 = %v, want %v (a miss counts as wrong)", got, want)
	}
	if got := c.Acc161All(); got != 0.25 {
		t.Errorf("Acc161All = %v, want 0.25", got)
	}
	if got := c.ExactShare(); got != 0.5 {
		t.Errorf("ExactShare = %v, want 0.5", got)
	}
	if m := c.MedianKm(); m < 150 || m > 160 {
		t.Errorf("MedianKm = %v, want the mean of about 11 and 300 km", m)
	}
	var out bytes.Buffer
	if err := Print(&out, []string{"lgl"}, map[string]Counts{"lgl": c}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "places: acc161=0.333 exact=0.500 median_km=") || !strings.HasSuffix(last, " toponyms=3") {
		t.Errorf("last line = %q", last)
	}
}

func TestRunMissingData(t *testing.T) {
	if err := Run(t.Context(), t.TempDir(), nil, &bytes.Buffer{}); err == nil {
		t.Errorf("Run on an empty folder succeeded")
	}
}

func TestSharedCorporaParse(t *testing.T) {
	p, err := shareddata.Path("eval", "places-geoparsing", "data", "Corpora", "lgl.xml")
	if err != nil {
		t.Skip(err)
	}
	docs, dropped, err := ReadCorpusFile(p)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		n += len(d.Toponyms)
	}
	if len(docs) != 588 || n < 5000 || dropped > n/100 {
		t.Errorf("lgl: %d docs, %d toponyms, %d dropped", len(docs), n, dropped)
	}
}

func FuzzReadCorpus(f *testing.F) {
	b, err := os.ReadFile("testdata/corpus.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("<articles><article><text>x</text><toponyms><toponym><start>-5</start><end>99</end><phrase>x</phrase></toponym></toponyms></article></articles>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		docs, _, err := ReadCorpus(bytes.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, tp := range d.Toponyms {
				if tp.Start < 0 || tp.End > len(d.Text) || tp.Start > tp.End {
					t.Fatalf("span [%d,%d) outside a text of %d bytes", tp.Start, tp.End, len(d.Text))
				}
			}
		}
	})
}
