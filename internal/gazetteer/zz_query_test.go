package gazetteer

import (
	"os"
	"strings"
	"testing"
)

func TestZZQuery(t *testing.T) {
	q := os.Getenv("GZQ")
	if q == "" {
		t.Skip()
	}
	p, _ := Locate()
	x, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strings.Split(q, "|") {
		for _, m := range x.Lookup(name, 60) {
			e := x.Entry(m.Entry)
			t.Logf("%s: %s %s %s/%s pop=%d feat=%s id=%d weak=%v alt=%v %.2f,%.2f", name, e.Name, e.Kind, e.Country, e.Admin1, e.Population, e.Feature, e.GeonameID, m.Weak, m.Alt, e.Lat, e.Lon)
		}
	}
}
