package places

import (
	"encoding/xml"
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
)

func TestZZDoc(t *testing.T) {
	n := os.Getenv("PLDOC")
	if n == "" {
		t.Skip()
	}
	corpus := os.Getenv("PLCORPUS")
	if corpus == "" {
		corpus = "lgl"
	}
	want, _ := strconv.Atoi(n)
	f, err := os.Open("/work/shared/eval/places-geoparsing/data/Corpora/" + corpus + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(f)
	i := 0
	var text string
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		var a struct {
			Text string `xml:"text"`
		}
		dec.DecodeElement(&a, &se)
		if i == want {
			text = a.Text
			break
		}
		i++
	}
	t.Logf("TEXT: %s", text)
	r := resolver(t)
	sents, ents := parse(t, text)
	ms := r.mentions(text, sents)
	groups := r.groupMentions(text, sents, ms)
	for _, m := range ms {
		t.Logf("M %q ner=%v weak=%v", text[m.start:m.end], m.ner, m.weak)
	}
	ctx := newContext()
	ctx.vote(groups)
	r.addDemonyms(ctx, sents, ents)
	for gi := range groups {
		r.resolve(&groups[gi], nil)
	}
	spatialSupport(groups, r.w.SpatialMargin)
	r.learn(ctx, groups)
	for gi := range groups {
		r.resolve(&groups[gi], ctx)
	}
	ctx.dominant(groups)
	ctx.neighbours = ctx.neighbours[:0]
	for gi := range groups {
		g := &groups[gi]
		if g.best >= 0 {
			ctx.neighbours = append(ctx.neighbours, neighbour{e: g.cands[g.best].e, group: gi})
		}
	}
	t.Logf("ctx countries=%v admin1=%v", ctx.countries, ctx.admin1)
	for gi := range groups {
		ctx.self = gi
		g := &groups[gi]
		type sc struct {
			s float64
			d string
		}
		var ss []sc
		for ci := range g.cands {
			c := &g.cands[ci]
			ss = append(ss, sc{r.score(g, c, ctx), fmt.Sprintf("%s %s %s/%s pop=%d feat=%s near=%d weak=%v alt=%v", c.e.Name, c.e.Kind, c.e.Country, c.e.Admin1, c.e.Population, c.e.Feature, c.near, c.weak, c.alt)})
		}
		sort.Slice(ss, func(a, b int) bool { return ss[a].s > ss[b].s })
		t.Logf("GROUP %q quals=%d admin=%v", g.key, len(g.quals), g.admin)
		for k := 0; k < len(ss) && k < 4; k++ {
			t.Logf("   %.2f %s", ss[k].s, ss[k].d)
		}
	}
}
