package places

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/segment"
)

// tune runs a coordinate search over the resolver's weights on the dev
// halves of the corpora and prints dev and test figures for each step:
//
//	go test ./internal/evaluate/places -run TestTuneWeights -tune -timeout 30m
var (
	tune  = flag.Bool("tune", false, "search the place resolver's weights on the dev halves")
	climb = flag.Int("climb", 0, "joint moves to try before the coordinate search")
)

type parsed struct {
	doc   Doc
	half  string
	sents []model.Sentence
	ents  []model.Entity
}

func TestTuneWeights(t *testing.T) {
	if !*tune {
		t.Skip("no -tune flag")
	}
	files, _, kb, a, res := loadCorpora(t)
	cr := coref.New(kb)
	corpora := map[string][]parsed{}
	var names []string
	for _, f := range files {
		docs, _, err := ReadCorpusFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		names = append(names, name)
		for i, d := range docs {
			sents := a.Annotate(d.Text, segment.Split(d.Text))
			ents := ner.Entities(d.Text, sents)
			cr.Resolve(d.Text, sents, ents, time.Time{})
			corpora[name] = append(corpora[name], parsed{doc: d, half: Half(i, len(docs)), sents: sents, ents: ents})
		}
	}
	score := func(w places.Weights) (map[string]float64, float64) {
		r := res.WithWeights(w)
		out := map[string]float64{}
		obj := 0.0
		for _, n := range names {
			var c [2]Counts
			for _, p := range corpora[n] {
				h := 0
				if p.half == "test" {
					h = 1
				}
				c[h].add(p.doc, r.Find(p.doc.Text, p.sents, p.ents), kb)
			}
			out[n+"/dev"], out[n+"/test"] = c[0].Acc161(), c[1].Acc161()
			wt := 1.0
			if n == "lgl" {
				wt = 2
			}
			obj += wt * c[0].Acc161()
		}
		return out, obj
	}
	show := func(label string, m map[string]float64, obj float64) {
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, " %s %.3f/%.3f", n, m[n+"/dev"], m[n+"/test"])
		}
		t.Logf("%-24s obj=%.4f%s", label, obj, b.String())
	}
	w := places.DefaultWeights()
	m, best := score(w)
	show("default", m, best)
	type knob struct {
		name  string
		ptr   *float64
		steps []float64
	}
	knobs := []knob{
		{"Area", &w.Area, []float64{1, 2, 3, 4}},
		{"DomAdm", &w.DomAdm, []float64{2, 3, 4, 5}},
		{"Dom", &w.Dom, []float64{0, 1, 2, 3}},
		{"Big", &w.Big, []float64{3, 4, 5, 6}},
		{"Capital", &w.Capital, []float64{0.5, 1.5, 2.5}},
		{"Pop", &w.Pop, []float64{1, 1.2, 1.4}},
		{"Adm", &w.Adm, []float64{0, 0.5, 1}},
		{"Cty", &w.Cty, []float64{0, 0.5, 1}},
		{"Ctx", &w.Ctx, []float64{2, 3, 4}},
		{"Country", &w.Country, []float64{0.5, 1.5, 2.5}},
		{"Near", &w.Near, []float64{3, 4, 5}},
		{"Spatial", &w.Spatial, []float64{2, 3, 4}},
		{"AdmCtx", &w.AdmCtx, []float64{1.5, 2.5, 3.5}},
		{"QualAdm", &w.QualAdm, []float64{9, 15, 20}},
		{"QualMiss", &w.QualMiss, []float64{2, 4}},
		{"Standalone", &w.Standalone, []float64{3, 6, 9}},
	}
	// Hill climbing with joint moves: change up to four knobs at once by
	// one step.
	rng := rand.New(rand.NewPCG(1, 2))
	for it := 0; it < *climb; it++ {
		saved := make([]float64, len(knobs))
		for i, k := range knobs {
			saved[i] = *k.ptr
		}
		for n := 0; n < 1+rng.IntN(4); n++ {
			k := knobs[rng.IntN(len(knobs))]
			*k.ptr = k.steps[rng.IntN(len(k.steps))]
		}
		m, obj := score(w)
		if obj > best+1e-9 {
			best = obj
			show(fmt.Sprintf("climb %d", it), m, obj)
			continue
		}
		for i, k := range knobs {
			*k.ptr = saved[i]
		}
	}
	t.Logf("climb: %+v", w)
	for round := 0; round < 1; round++ {
		for _, k := range knobs {
			keep := *k.ptr
			for _, v := range k.steps {
				if v == keep {
					continue
				}
				*k.ptr = v
				m, obj := score(w)
				if obj > best+1e-9 {
					best, keep = obj, v
					show(fmt.Sprintf("%s=%.2f", k.name, v), m, obj)
				}
			}
			*k.ptr = keep
		}
		t.Logf("round %d: %+v", round, w)
	}
}
