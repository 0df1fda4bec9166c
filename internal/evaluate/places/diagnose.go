package places

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/segment"
)

// Diagnosis is one scored gold toponym with what became of it, for
// classifying errors by cause.
type Diagnosis struct {
	Doc     int // article index in its corpus
	Half    string
	Phrase  string
	Context string // the text around the toponym
	Ours    string // text of the matched place, "" for a miss
	Chosen  string // name, kind and country of our choice
	Km      float64
	NER     string // type of the entity overlapping the gold span, "" when none
	// GazNear reports whether the gazetteer has an entry under the gold
	// phrase within 161 km of the gold point.
	GazNear bool
	Cands   int    // gazetteer entries under the gold phrase
	Gold    string // the nearest gazetteer entry under the gold phrase
	// CtxNear reports whether another place we found in the article (of
	// another name) lies within 200 km of the gold point: the context
	// could have told.
	CtxNear bool
	// Share is the share of the article's other places (by name) that lie
	// in the country of the gold's nearest gazetteer entry.
	Share float64
	Class string
}

// Half names the half of a corpus an article falls in: "dev" for the
// first half of the articles (on which the resolver's rules and weights
// are chosen), "test" for the second.
func Half(i, n int) string {
	if i < (n+1)/2 {
		return "dev"
	}
	return "test"
}

// Diagnose runs the system on docs and classifies every scored gold
// toponym (demonyms left out) as right or by the cause of its error.
func (s System) Diagnose(ctx context.Context, docs []Doc, idx *gazetteer.Index) ([]Diagnosis, error) {
	var out []Diagnosis
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("diagnose places: %w", err)
		}
		spans := segment.Split(d.Text)
		sents := s.NLP.Annotate(d.Text, spans)
		ents := ner.Entities(d.Text, sents)
		if s.Coref != nil {
			s.Coref.Resolve(d.Text, sents, ents, time.Time{})
		}
		found := s.Places.Find(d.Text, sents, ents)
		for _, t := range d.Toponyms {
			if !t.HasCoord {
				continue
			}
			if s.KB != nil {
				if _, dem := s.KB.Demonym(t.Phrase); dem {
					continue
				}
			}
			g := Diagnosis{Doc: i, Half: Half(i, len(docs)), Phrase: t.Phrase, Km: missKm}
			lo, hi := max(0, t.Start-60), min(len(d.Text), t.End+60)
			g.Context = oneLine(d.Text[lo:t.Start] + "[[" + t.Phrase + "]]" + d.Text[t.End:hi])
			for _, e := range ents {
				if min(e.End, t.End)-max(e.Start, t.Start) > 0 {
					g.NER = e.Type
					break
				}
			}
			goldCty := ""
			if idx != nil {
				ms := idx.Lookup(t.Phrase, 200)
				g.Cands = len(ms)
				bestKm := Km161
				for _, m := range ms {
					e := idx.Entry(m.Entry)
					if km := places.Distance(t.Lat, t.Lon, e.Lat, e.Lon); km <= bestKm {
						g.GazNear, bestKm, goldCty = true, km, e.Country
						g.Gold = fmt.Sprintf("%s (%s, %s, %s) pop=%d %s", e.Name, e.Kind, e.Admin1, e.Country, e.Population, e.Feature)
					}
				}
			}
			best, bestOv := -1, 0
			for k, f := range found {
				if ov := min(f.End, t.End) - max(f.Start, t.Start); ov > bestOv {
					best, bestOv = k, ov
				}
			}
			if best >= 0 {
				f := found[best]
				g.Ours = d.Text[f.Start:f.End]
				g.Km = places.Distance(t.Lat, t.Lon, f.Lat, f.Lon)
				cty := ""
				if f.Country != nil {
					cty = *f.Country
				}
				adm := ""
				if f.Admin1 != nil {
					adm = *f.Admin1
				}
				g.Chosen = fmt.Sprintf("%s (%s, %s, %s)", f.Name, f.Kind, adm, cty)
			}
			if goldCty != "" {
				seen := map[string]bool{}
				n, in := 0, 0
				for _, f := range found {
					k := strings.ToLower(d.Text[f.Start:f.End])
					if seen[k] || strings.EqualFold(k, t.Phrase) || f.Country == nil {
						continue
					}
					seen[k] = true
					n++
					if *f.Country == goldCty {
						in++
					}
				}
				g.Share = metric.Ratio(in, n)
			}
			for _, f := range found {
				if !strings.EqualFold(d.Text[f.Start:f.End], t.Phrase) && places.Distance(t.Lat, t.Lon, f.Lat, f.Lon) < 200 {
					g.CtxNear = true
					break
				}
			}
			g.Class = classify(g)
			out = append(out, g)
		}
	}
	return out, nil
}

func classify(g Diagnosis) string {
	switch {
	case g.Ours == "" && g.NER == "":
		if g.GazNear {
			return "miss/no-entity/gaz-has-it"
		}
		return "miss/no-entity/gaz-lacks"
	case g.Ours == "" && g.NER != "GPE" && g.NER != "LOC":
		if g.GazNear {
			return "miss/entity-" + g.NER + "/gaz-has-it"
		}
		return "miss/entity-" + g.NER + "/gaz-lacks"
	case g.Ours == "":
		if g.GazNear {
			return "miss/place-entity-dropped/gaz-has-it"
		}
		return "miss/place-entity/gaz-lacks"
	case g.Km <= Km161:
		return "ok"
	case g.Ours != g.Phrase:
		return "wrong/span-differs"
	case g.GazNear && g.CtxNear:
		return "wrong/choice/context-near"
	case g.GazNear:
		return "wrong/choice/no-context"
	}
	return "wrong/gaz-lacks"
}

// PrintDiagnosis writes the count of each class by half, then every error.
func PrintDiagnosis(w io.Writer, corpus string, ds []Diagnosis, all bool) {
	type key struct{ class, half string }
	n := map[key]int{}
	tot := map[string]int{}
	classes := map[string]bool{}
	for _, d := range ds {
		n[key{d.Class, d.Half}]++
		tot[d.Half]++
		classes[d.Class] = true
	}
	var cs []string
	for c := range classes {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	fmt.Fprintf(w, "== %s: dev %d, test %d toponyms\n", corpus, tot["dev"], tot["test"])
	for _, c := range cs {
		fmt.Fprintf(w, "%-40s dev %5d (%.3f)  test %5d (%.3f)\n", c, n[key{c, "dev"}], metric.Ratio(n[key{c, "dev"}], tot["dev"]),
			n[key{c, "test"}], metric.Ratio(n[key{c, "test"}], tot["test"]))
	}
	if !all {
		return
	}
	for _, d := range ds {
		if d.Class == "ok" || d.Half != "dev" {
			continue
		}
		fmt.Fprintf(w, "%s\t%d\t%s\t%q\tours=%q\t%s\tkm=%.0f\tner=%s\tcands=%d\t%s\tgold=%s\tshare=%.2f\n",
			d.Class, d.Doc, d.Half, d.Phrase, d.Ours, d.Chosen, d.Km, d.NER, d.Cands, d.Context, d.Gold, d.Share)
	}
}

func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\t' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
