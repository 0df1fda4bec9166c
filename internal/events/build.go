package events

import (
	"math"
	"strings"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// events builds one event per (source, target) pair of trigger tok, at
// most MaxConjuncts sources and targets.
func (st *sentence) events(tok int, trig, code string, srcs, tgts []*model.Actor, mod, attrib string, conf float64) []model.Event {
	book := st.a.c.book
	entry, ok := book.Lookup(code)
	for !ok && len(code) > 2 {
		code = code[:len(code)-1]
		if len(code) == 3 || len(code) == 2 {
			entry, ok = book.Lookup(code)
		}
	}
	if !ok {
		return nil
	}
	if len(srcs) == 0 {
		srcs = []*model.Actor{nil}
	}
	if len(tgts) == 0 {
		tgts = []*model.Actor{nil}
	}
	if len(srcs) > MaxConjuncts {
		srcs = srcs[:MaxConjuncts]
	}
	if len(tgts) > MaxConjuncts {
		tgts = tgts[:MaxConjuncts]
	}
	if entry.Root == "15" {
		if tgts = forcesMoved(tgts, srcs); len(tgts) == 0 {
			tgts = []*model.Actor{nil}
		}
	}
	srcs, tgts = st.withCountry(srcs), st.withCountry(tgts)
	// a bare role the sentence gives no country takes the country of the
	// event's place ("aid to refugees fleeing the war in Liberia")
	srcs, tgts = st.withPlaceCountry(tok, srcs), st.withPlaceCountry(tok, tgts)
	recip := entry.Code != "045" && (st.reciprocal(entry.Root, srcs, tgts) || st.mutual[tok] && len(srcs) == 2) // (mediators mediate between others)
	if len(tgts) == 1 && tgts[0] == nil && !recip {
		// no one named: the act is aimed at where it happens
		if t := st.placeTarget(tok, srcs, materialCode(entry.Code), entry.Root == "15", entry.Root == "04"); t != nil {
			tgts = []*model.Actor{t}
		}
	}
	// (a show of force is aimed at the country, not at the people of the
	// town it masses near)
	if materialCode(entry.Code) && entry.Root != "15" {
		people := make([]*model.Actor, len(tgts))
		for i, t := range tgts {
			people[i] = st.placeAsPeople(t)
		}
		tgts = people
	}
	var out []model.Event
	date, prec := st.dateFor(tok)
	loc := st.locationFor(tok, srcs, tgts)
	counts := st.countsFor(tok)
	for si, s := range srcs {
		if s != nil && s.Actor != nil && !st.roleOnly(*s.Actor) {
			st.a.lastActor = s
		}
		ts := tgts
		if recip {
			ts = others(srcs, si)
		}
		for _, t := range ts {
			if s != nil && t != nil && s.Text == t.Text {
				t = nil
			}
			c := conf
			if s != nil && s.Actor != nil {
				c += 0.1
			}
			if t != nil && t.Actor != nil {
				c += 0.05
			}
			if mod != model.Asserted {
				c -= 0.05
			}
			if c > 0.95 {
				c = 0.95
			}
			ev := model.Event{
				Sentence: st.s.Index, Text: st.sentenceText(),
				Source: s, Target: t,
				CAMEO: entry.Code, Root: entry.Root, QuadClass: entry.Quad, Goldstein: entry.Goldstein,
				Plover:       model.Plover{Type: entry.PloverType, Mode: model.StrPtr(entry.PloverMode)},
				Trigger:      trig,
				Modality:     mod,
				AttributedTo: model.StrPtr(attrib),
				Date:         model.StrPtr(date), DatePrecision: model.StrPtr(prec),
				Location: loc, Counts: counts,
				Confidence: math.Round(c*100) / 100,
			}
			if ev.Counts == nil {
				ev.Counts = []model.Quantity{}
			}
			out = append(out, ev)
		}
	}
	return out
}

func (st *sentence) sentenceText() string {
	sp := st.s.Span
	if sp.Start >= 0 && sp.End <= len(st.a.in.Text) && sp.Start < sp.End {
		return st.a.in.Text[sp.Start:sp.End]
	}
	if len(st.toks) > 0 {
		return st.spanText(0, len(st.toks)-1)
	}
	return ""
}

// codeKey is the actor's code, or its words when it has none.
func codeKey(a *model.Actor) string {
	if a == nil {
		return "-"
	}
	if c := deref(a.Actor); c != "" {
		return c
	}
	return "?" + a.Text
}

// dedupe drops repeated events: same code, trigger and modality, and the
// same source and target codes (or, uncoded, the same words). Two coded
// mentions of one party ("inspectors of the IAEA, or IAEA", "homes and
// buildings" of one people) make one event, not two: counting them twice
// would inflate the counts the escalation watch compares.
func dedupe(evs []model.Event) []model.Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		k := e.CAMEO + "\x00" + e.Trigger + "\x00" + codeKey(e.Source) + "\x00" + codeKey(e.Target) + "\x00" + e.Modality
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// materialCode reports whether code acts on people or places (protest,
// force, coercion, violence, or the threat of them) rather than on a
// government.
func materialCode(code string) bool {
	if code >= "14" && code < "21" {
		return true
	}
	switch {
	case len(code) == 4 && code[:2] == "13", code == "132", code == "137", code == "138":
		return true
	}
	return false
}

// placeAsPeople turns a capital used as the target of a material act
// ("a curfew in Algiers", "blockade Paris") into its people: the capital
// stands for its government only as a speaker or addressee.
func (st *sentence) placeAsPeople(t *model.Actor) *model.Actor {
	kb := st.a.c.kb
	if t == nil || kb == nil || t.Actor == nil {
		return t
	}
	// "a strategic village in Western Cambodia": the people of the country
	if t.Country != nil && *t.Country != "" && *t.Actor == *t.Country {
		for _, w := range strings.Fields(strings.ToLower(t.Text)) {
			if settlementNouns[w] {
				c := *t
				c.Actor = model.StrPtr(*t.Country + "CVL")
				return &c
			}
		}
	}
	m, ok := kb.LookupName(t.Text, st.a.in.Published)
	if !ok {
		// a town only the gazetteer knows: its country is its actor code
		if t.Country != nil && *t.Actor == *t.Country && st.isTownActor(t) {
			c := *t
			c.Actor = model.StrPtr(*t.Country + "CVL")
			return &c
		}
		return t
	}
	// a capital, or a region inside a country ("East Jerusalem")
	if m.Kind != actors.KindCapital && m.Kind != actors.KindPlace || m.Country == "" {
		return t
	}
	c := *t
	c.Actor = model.StrPtr(m.Country + "CVL")
	return &c
}

// Roots whose acts two parties do together: "Russia and China held
// talks", "Hungary and Romania agreed to cooperate", "Russia and Belarus
// signed a military cooperation agreement".
var reciprocalRoots = map[string]bool{"03": true, "04": true, "05": true, "06": true}

// reciprocal reports whether an act of two or three named sources with no
// target of their own (nothing, a bare role: "a military agreement", or
// a place in their own lands) is aimed at each other.
func (st *sentence) reciprocal(root string, srcs, tgts []*model.Actor) bool {
	if !reciprocalRoots[root] || len(srcs) < 2 || len(srcs) > 3 {
		return false
	}
	for _, t := range tgts {
		// (a target in one of the sources' own countries is the place
		// they meet: "held talks in Beijing")
		if t != nil && t.Actor != nil && !st.roleOnly(*t.Actor) && (t.Country == nil || !sameCountryCode(*t.Country, srcs)) {
			return false
		}
	}
	seen := map[string]bool{}
	for _, s := range srcs {
		if s == nil || s.Actor == nil || st.roleOnly(*s.Actor) || seen[*s.Actor] {
			return false
		}
		seen[*s.Actor] = true
	}
	return true
}

// others returns the sources other than the i-th.
func others(srcs []*model.Actor, i int) []*model.Actor {
	out := make([]*model.Actor, 0, len(srcs)-1)
	for j, s := range srcs {
		if j != i {
			out = append(out, s)
		}
	}
	return out
}

// withCountry gives a bare role ("students" EDU, "the government" GOV) the
// country of its sentence when the sentence names exactly one: news names
// the country once and then speaks of its government, police or students.
func (st *sentence) withCountry(as []*model.Actor) []*model.Actor {
	var out []*model.Actor
	for i, a := range as {
		if a == nil || a.Actor == nil || !st.roleOnly(*a.Actor) {
			continue
		}
		c := st.soleCountry()
		if c == "" {
			return as
		}
		if out == nil {
			out = append([]*model.Actor(nil), as...)
		}
		b := *a
		b.Actor = model.StrPtr(c + *a.Actor)
		b.Country = model.StrPtr(c)
		out[i] = &b
	}
	if out == nil {
		return as
	}
	return out
}

// forcesMoved drops from the targets of a show of force the forces that
// are moved ("massed tanks", "moved more troops"): they are the source's
// means, not whom the act is aimed at.
func forcesMoved(tgts, srcs []*model.Actor) []*model.Actor {
	var out []*model.Actor
	for _, t := range tgts {
		if t == nil || t.Actor == nil {
			out = append(out, t)
			continue
		}
		country, roles := actors.Split(*t.Actor)
		if len(*t.Actor) == 3 {
			country, roles = "", []string{*t.Actor}
		}
		force := false
		for _, r := range roles {
			if r == "MIL" || r == "COP" {
				force = true
			}
		}
		if force && (country == "" || sameCountryCode(country, srcs)) || ownForces(t, srcs) {
			continue // its own forces, or a place of its own country
		}
		out = append(out, t)
	}
	return out
}

func sameCountryCode(country string, srcs []*model.Actor) bool {
	for _, s := range srcs {
		if s != nil && s.Country != nil && *s.Country == country {
			return true
		}
	}
	return false
}

// isTownActor reports whether actor a was named by a place below country
// level in this sentence ("Jericho", "the town of Cizre").
func (st *sentence) isTownActor(a *model.Actor) bool {
	for _, p := range st.a.in.Places {
		if p.Sentence == st.s.Index && p.Kind != "country" && p.Kind != "region" && strings.Contains(a.Text, p.Text) {
			return true
		}
	}
	return false
}

// Nouns of places where people live: an act of force on "a village in
// Cambodia" is aimed at its people.
var settlementNouns = map[string]bool{"village": true, "villages": true, "town": true, "towns": true, "city": true,
	"cities": true, "camp": true, "camps": true, "district": true, "districts": true, "neighbourhood": true,
	"neighborhood": true, "suburb": true, "suburbs": true, "settlement": true, "settlements": true,
	"area": true, "areas": true, "home": true, "homes": true, "market": true, "street": true, "streets": true}

// clausePlace returns the first place of the clause of tok that follows
// in/near/at/… and is not inside one of the actors, with the token it
// starts at; nil when none.
func (st *sentence) clausePlace(tok int, actors ...[]*model.Actor) (*model.Place, int) {
	in := st.a.in
	sp := st.s.Span
	lo, hi := st.clauseSpan(tok)
	for i := range in.Places {
		p := &in.Places[i]
		if p.Start < sp.Start || p.End > sp.End || p.Start < lo || p.End > hi || !st.placePrep(p.Start) {
			continue
		}
		if p.Country == nil || *p.Country == "" || st.isActorPlace(p.Start, p.End, actors) {
			continue
		}
		for j, t := range st.toks {
			if t.Start <= p.Start && p.Start < t.End {
				if st.inSubject(tok, j) {
					break // "Nobody in Kyiv wants war": where the subject is
				}
				return &p.Place, j
			}
		}
	}
	return nil, -1
}

// inSubject reports whether token j lies in the subject of the clause of
// tok.
func (st *sentence) inSubject(tok, j int) bool {
	h := tok
	if st.toks[h].UPOS != "VERB" && st.toks[h].Head >= 0 && st.toks[st.toks[h].Head].UPOS == "VERB" {
		h = st.toks[h].Head
	}
	for n := 0; st.valid(j) && n < len(st.toks); n++ {
		p := st.toks[j].Head
		if p == h {
			return baseRel(st.toks[j].Rel) == "nsubj"
		}
		j = p
	}
	return false
}

// withPlaceCountry gives bare roles the country of the event's place.
func (st *sentence) withPlaceCountry(tok int, as []*model.Actor) []*model.Actor {
	var out []*model.Actor
	for i, a := range as {
		if a == nil || a.Actor == nil || !st.roleOnly(*a.Actor) {
			continue
		}
		p, j := st.clausePlace(tok, as)
		if p == nil || st.borderToken(j) {
			return as
		}
		if out == nil {
			out = append([]*model.Actor(nil), as...)
		}
		b := *a
		b.Actor = model.StrPtr(*p.Country + *a.Actor)
		b.Country = model.StrPtr(*p.Country)
		out[i] = &b
	}
	if out == nil {
		return as
	}
	return out
}

// placeTarget is the target of an event that names none: the place of its
// own clause after in/near/at/… ("peacekeepers arrived in Sierra Leone",
// "opened an embassy in Tehran"), as its country, or a capital as its
// government; for an act of force on a town or on "a village in X" its
// people (country + CVL). Nil when the clause has no such place or it is
// the source's own country, and for talks (consult) anywhere but a
// capital.
func (st *sentence) placeTarget(tok int, srcs []*model.Actor, material, posture, consult bool) *model.Actor {
	p, j := st.clausePlace(tok, srcs)
	if p == nil {
		return nil
	}
	c := *p.Country
	same := sameCountryCode(c, srcs)
	code := c
	if kb := st.a.c.kb; kb != nil {
		if m, ok := kb.LookupName(p.Text, st.a.in.Published); ok && m.Kind == "capital" && m.Country == c && m.Code != "" {
			code = m.Code
		}
	}
	// talks in a capital are held with its government ("held talks in
	// Kyiv"); a meeting in any other town is only where it happened
	// ("met in New York")
	if consult && code == c {
		return nil
	}
	if material && !posture {
		// "a strategic village in Western Cambodia"
		for h, n := st.toks[j].Head, 0; st.valid(h) && n < 3; h, n = st.toks[h].Head, n+1 {
			if settlementNouns[strings.ToLower(st.toks[h].Text)] {
				code = c + "CVL"
				break
			}
			if st.toks[h].UPOS == "VERB" {
				break
			}
		}
	}
	// the source's own country is no target, but its people under force
	// are ("fight for villages near Macedonia's border")
	if same && code != c+"CVL" {
		return nil
	}
	return st.mk(p.Text, p.Name, code, c)
}

// valid reports whether i is a token index of the sentence (parse heads
// may be out of range).
func (st *sentence) valid(i int) bool { return i >= 0 && i < len(st.toks) }
