package events

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// Miss is one gold source or target we did not produce.
type Miss struct {
	ID, Text, Type string
	Role           string // "source" or "target"
	Gold           []GoldActor
	Ours           []string // our actors of the events we scored, "-" for none
	Events         []string // those events: code trigger source->target modality
	Cause          string
}

// Causes of a miss that DumpMisses tells apart by itself. The rest (wrong
// argument, coref, gold convention) need a reader and are printed as
// "other country".
const (
	CauseNoEvent   = "no event"
	CauseWrongType = "wrong event (no event of the gold type)"
	CauseNoActor   = "no actor on the matched event"
	CauseUncoded   = "actor without a code"
	CauseKB        = "gold actor unknown to the KB"
	CauseSector    = "right country, wrong sector"
	CauseOther     = "other country (argument, coref or convention)"
)

func code(a *model.Actor) string {
	if a == nil {
		return "-"
	}
	if a.Actor == nil || *a.Actor == "" {
		return "?" + a.Text
	}
	return *a.Actor
}

// DumpMisses runs every record through p and writes, for each wrong source
// and target, the sentence, the gold actors, ours and the events we
// matched, with a first guess at the cause; then a count by cause.
func DumpMisses(ctx context.Context, p Coder, kb *actors.KB, recs []Record, w io.Writer) ([]Miss, error) {
	var out []Miss
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return out, fmt.Errorf("dump event misses: %w", err)
		}
		art, err := p.Process(ctx, model.Document{Origin: r.ID, Title: "Gold record", Text: r.Text})
		var evs []model.Event
		if err == nil {
			evs = art.Events
		}
		var typed []model.Event
		for _, e := range evs {
			if GSRType(e.CAMEO, e.Plover.Type) == r.Event {
				typed = append(typed, e)
			}
		}
		chosen := typed
		if len(typed) == 0 {
			chosen = evs
		}
		for _, role := range []string{"source", "target"} {
			raw := r.Source
			get := func(e model.Event) *model.Actor { return e.Source }
			if role == "target" {
				raw, get = r.Target, func(e model.Event) *model.Actor { return e.Target }
			}
			gold, has := actorList(raw)
			if !has && role == "target" {
				continue
			}
			ok := false
			if has {
				ok = allFound(gold, chosen, get)
			} else {
				for _, e := range chosen {
					if e.Source == nil {
						ok = true
					}
				}
			}
			if ok {
				continue
			}
			m := Miss{ID: r.ID, Text: r.Text, Type: r.Event, Role: role, Gold: gold}
			for _, e := range chosen {
				m.Ours = append(m.Ours, code(get(e)))
				m.Events = append(m.Events, fmt.Sprintf("%s %q %s->%s %s", e.CAMEO, e.Trigger, code(e.Source), code(e.Target), e.Modality))
			}
			m.Cause = cause(kb, m, chosen, get, len(evs), len(typed))
			out = append(out, m)
		}
	}
	by := map[string]int{}
	for _, m := range out {
		by[m.Role+": "+m.Cause]++
		fmt.Fprintf(w, "%s %s [%s] %s\n  text: %s\n", m.ID, m.Role, m.Cause, m.Type, m.Text)
		var gs []string
		for _, g := range m.Gold {
			gs = append(gs, fmt.Sprintf("%s %s%s", g.Text, g.Code, g.Sector))
		}
		fmt.Fprintf(w, "  gold: %s\n  ours: %s\n", strings.Join(gs, " | "), strings.Join(m.Ours, " | "))
		for _, e := range m.Events {
			fmt.Fprintf(w, "  event: %s\n", e)
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "cause %-60s %d\n", k, by[k])
	}
	return out, nil
}

func cause(kb *actors.KB, m Miss, chosen []model.Event, get func(model.Event) *model.Actor, nEvents, nTyped int) string {
	switch {
	case nEvents == 0:
		return CauseNoEvent
	case nTyped == 0:
		return CauseWrongType
	}
	if len(m.Gold) == 0 {
		return CauseOther
	}
	anyActor, anyCode := false, false
	for _, e := range chosen {
		a := get(e)
		if a != nil {
			anyActor = true
			if a.Actor != nil && *a.Actor != "" {
				anyCode = true
			}
		}
	}
	if !anyActor {
		return CauseNoActor
	}
	for _, g := range m.Gold {
		found := false
		for _, e := range chosen {
			if ActorMatches(g, get(e)) {
				found = true
			}
		}
		if found {
			continue
		}
		// right country, wrong sector?
		for _, e := range chosen {
			if ActorMatches(GoldActor{Code: g.Code}, get(e)) {
				return CauseSector
			}
		}
		if mt, ok := kb.LookupName(g.Text, time.Time{}); !ok || mt.Code == "" {
			if _, ok := kb.Resolve(nil, g.Text, time.Time{}); !ok {
				return CauseKB
			}
		}
	}
	if !anyCode {
		return CauseUncoded
	}
	return CauseOther
}
