package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	ee "github.com/vigilhq/vigil/internal/evaluate/events"
	"github.com/vigilhq/vigil/internal/model"
)

func act(a *model.Actor) string {
	if a == nil {
		return "nil"
	}
	c := ""
	if a.Actor != nil {
		c = *a.Actor
	}
	return a.Text + "=" + c
}

func main() {
	recs, err := ee.LoadRecords(os.Args[1])
	if err != nil {
		panic(err)
	}
	p, err := ee.NewPipeline(nil)
	if err != nil {
		panic(err)
	}
	for _, r := range recs {
		art, _ := p.Process(context.Background(), model.Document{Title: "Gold record", Text: r.Text})
		var gs, gt []ee.GoldActor
		json.Unmarshal(r.Source, &gs)
		json.Unmarshal(r.Target, &gt)
		f := func(as []ee.GoldActor) string {
			var o []string
			for _, a := range as {
				o = append(o, a.Code+"/"+a.Sector)
			}
			return strings.Join(o, ",")
		}
		if art == nil {
			continue
		}
		var typed []model.Event
		for _, e := range art.Events {
			if ee.GSRType(e.CAMEO, e.Plover.Type) == r.Event {
				typed = append(typed, e)
			}
		}
		if len(typed) == 0 {
			typed = art.Events
		}
		mark := ""
		if len(typed) == len(art.Events) && len(typed) > 0 && ee.GSRType(typed[0].CAMEO, typed[0].Plover.Type) != r.Event || len(art.Events) == 0 {
			mark += " TYPE-FAIL"
		}
		all := func(g []ee.GoldActor, src bool) bool {
			for _, a := range g {
				ok := false
				for _, e := range typed {
					x := e.Target
					if src {
						x = e.Source
					}
					if ee.ActorMatches(a, x) {
						ok = true
					}
				}
				if !ok {
					return false
				}
			}
			return true
		}
		if len(gs) > 0 && !all(gs, true) {
			mark += " SRC-FAIL"
		}
		if len(gt) > 0 && !all(gt, false) {
			mark += " TGT-FAIL"
		}
		fmt.Printf("== %s %s | %s -> %s%s\n   %s\n", r.ID, r.Event, f(gs), f(gt), mark, r.Text)
		for _, e := range art.Events {
			fmt.Printf("   %s %s %s %q %s -> %s\n", e.CAMEO, ee.GSRType(e.CAMEO, e.Plover.Type), e.Modality, e.Trigger, act(e.Source), act(e.Target))
		}
	}
}
