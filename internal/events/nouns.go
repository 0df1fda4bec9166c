package events

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// Verbs that carry an event noun without adding a meaning of their own:
// "held talks", "launched an attack", "imposed sanctions".
var lightVerbs = map[string]bool{"hold": true, "launch": true, "mount": true, "stage": true, "carry": true,
	"conduct": true, "impose": true, "begin": true, "start": true, "continue": true, "resume": true, "make": true,
	"lodge": true, "issue": true, "pay": true, "reach": true, "sign": true, "open": true, "unleash": true,
	"step": true, "escalate": true, "intensify": true, "wage": true, "announce": true, "order": true,
	"take": true, "engage": true, "undertake": true, "perpetrate": true, "commit": true, "deliver": true,
	"have": true, "report": true, "complete": true, "finish": true, "call": true}

// Verbs of perception: "we see the build-up", "monitors observed
// shelling". The perceiver reports the event; it does not do it.
var perceptionVerbs = map[string]bool{"see": true, "watch": true, "observe": true, "witness": true,
	"notice": true, "spot": true, "detect": true, "monitor": true, "hear": true}

// Nouns that carry the event noun compounded on them: "a mediation
// effort", "an air campaign", "a bombing operation".
var carrierNouns = map[string]bool{"effort": true, "campaign": true, "operation": true, "mission": true,
	"bid": true, "drive": true, "initiative": true, "process": true}

// Words that make a nominal event only possible: "any invasion", "a
// possible attack", "fears of war".
var hypoNounMods = map[string]bool{"any": true, "possible": true, "potential": true, "feared": true,
	"planned": true, "imminent": true, "future": true, "hypothetical": true, "threatened": true, "expected": true,
	"likely": true, "proposed": true}

// Adjectives that, said of an event, put it among the possible ones: "the
// invasion is inevitable" (hypoNounMods covers "likely", "imminent", ...).
var likelihoodAdjs = map[string]bool{"inevitable": true, "unlikely": true, "probable": true}

// Verbs whose object is only wished, feared or averted.
var desireVerbs = map[string]bool{"want": true, "fear": true, "seek": true, "avoid": true, "prevent": true,
	"risk": true, "expect": true, "predict": true, "avert": true, "deter": true, "rule": true, "oppose": true,
	"plan": true, "prepare": true, "threaten": true, "warn": true, "demand": true, "urge": true}

var fearNouns = map[string]bool{"fear": true, "threat": true, "risk": true, "prospect": true, "danger": true,
	"possibility": true, "warning": true, "concern": true, "worry": true, "plan": true, "rumour": true, "rumor": true,
	"speculation": true, "talk": true}

// nounEvents codes the event noun i.
func (st *sentence) nounEvents(i int, firstPass bool) []model.Event {
	t := st.toks[i]
	entries := st.nounEntries(i)
	if len(entries) == 0 {
		return nil
	}
	e, obj, ok := st.match(entries, i, nil)
	if !ok {
		return nil
	}
	if obj >= 0 {
		st.used[obj] = true
	}
	// an event noun on a carrier noun ("a mediation effort", "a
	// bombing campaign") stands where the carrier stands
	at, own := i, st.kids[i]
	if c := t.Head; t.Rel == "compound" && c >= 0 && c < len(st.toks) && carrierNouns[lower(st.toks[c])] {
		at = c
		own = append(append([]int{}, own...), st.kids[c]...)
	}
	word := t.Text
	t = st.toks[at]
	mod := model.Asserted
	attrib := ""
	for _, k := range own {
		w := strings.ToLower(st.toks[k].Text)
		if hypoNounMods[w] || hypoNounMods[lower(st.toks[k])] {
			mod = model.Hypothetical
		}
		if st.toks[k].Rel == "det" && w == "no" {
			mod = model.Negated
		}
	}
	g, governed := st.gov[i]
	if !governed {
		g, governed = st.gov[at]
	}
	if governed {
		mod = stronger(mod, g.modality)
		attrib = g.attrib
	}
	h := t.Head
	var srcs, tgts []*model.Actor
	// the noun's own actors: "Russia's invasion of Ukraine", "Russian attack on Kyiv"
	for _, k := range own {
		r := st.toks[k].Rel
		switch {
		case r == "nmod:poss" || r == "amod" || r == "compound":
			// "military drills", "police raids": a bare role adjective
			// says what kind of act it is, not whose
			if a := st.actorOf(k); a != nil && a.Actor != nil && srcs == nil && !(r == "amod" && st.roleOnly(*a.Actor)) {
				srcs = []*model.Actor{a}
			}
		case baseRel(r) == "nmod" && st.caseOf(k) == "of" && srcs == nil && (e.code[:2] == "15" || e.code[:2] == "08"):
			// "a build-up of Russian forces", "the withdrawal of troops":
			// the "of" phrase does the act
			srcs = st.actorsOfNP(k)
		case baseRel(r) == "nmod":
			switch st.caseOf(k) {
			case "of", "on", "against", "with", "in", "into", "to":
				if tgts == nil {
					tgts = st.actorsOfNP(k)
				}
				if tgts == nil {
					// "an investigation into crimes committed by Croat
					// forces": who did what the phrase names
					tgts = st.participleAgent(k)
				}
			case "by":
				srcs = st.actorsOfNP(k)
			}
		}
	}
	// "clashes between Israeli troops and Palestinian protesters",
	// "talks between Russia and Ukraine": the two sides, on each other
	if srcs == nil && (e.code[:2] == "19" || e.code[:2] == "04") {
		if pair := st.betweenPair(i); len(pair) == 2 {
			srcs, tgts = pair, nil
			st.setMutual(i)
		}
	}
	// "its demand that Israel ease restrictions": the one asked is the
	// subject of the clause the demand or appeal names
	if tgts == nil && (strings.HasPrefix(e.code, "10") || strings.HasPrefix(e.code, "02")) {
		tgts = st.scanActor(i, +1)
	}
	// "the feared invasion", "fears of an invasion"
	if h >= 0 && fearNouns[lower(st.toks[h])] {
		mod = stronger(mod, model.Hypothetical)
	}
	kind := "standalone"
	if h >= 0 {
		ht := st.toks[h]
		switch baseRel(t.Rel) {
		case "obj", "obl":
			if ht.UPOS == "VERB" && baseRel(t.Rel) == "obj" && perceptionVerbs[lower(ht)] {
				kind = "perceived"
			} else if ht.UPOS == "VERB" && lightVerbs[lower(ht)] && (baseRel(t.Rel) == "obj" || st.caseOf(at) == "in" && lower(ht) == "engage") {
				kind = "light"
			}
		case "nsubj":
			if ht.UPOS == "VERB" {
				kind = "subject"
			} else {
				// the subject of a predicate noun or adjective takes
				// its clause's modality: "an invasion would be a
				// disaster" is hypothetical. A negated predicate does
				// not deny the act ("the attack was not a surprise"),
				// so then only the modal verbs count.
				// "an attack is imminent", "the invasion is not
				// inevitable": a predicate of likelihood speaks of an
				// act that has not happened
				if hypoNounMods[lower(ht)] || ht.UPOS == "ADJ" && likelihoodAdjs[lower(ht)] {
					mod = stronger(mod, model.Hypothetical)
				}
				if !st.negated(h) {
					m, a := st.modality(h)
					mod = stronger(mod, m)
					if attrib == "" {
						attrib = a
					}
				} else {
					for _, x := range st.auxes(h) {
						if hypoAux[x] {
							mod = stronger(mod, model.Hypothetical)
						}
					}
				}
			}
		}
	}
	if kind != "standalone" && st.inBackground(h) {
		return nil // "a resolution that aims to impose a blockade"
	}
	switch kind {
	case "light":
		if srcs == nil {
			srcs = st.sources(h, 0)
		}
		if tgts == nil {
			tgts = st.targets(h, srcs)
		}
		m, a := st.modality(h)
		mod = stronger(mod, m)
		if attrib == "" {
			attrib = a
		}
		if g, ok := st.gov[h]; ok {
			mod = stronger(mod, g.modality)
			if srcs == nil {
				srcs = g.source
			}
		}
		return st.events(i, st.toks[h].Text+" "+word, e.code, srcs, tgts, mod, attrib, 0.55)
	case "perceived":
		// only the noun's own actors: the one who sees is not the one
		// who acts
		m, a := st.modality(h)
		mod = stronger(mod, m)
		if attrib == "" {
			attrib = a
		}
		return st.events(i, st.nounTrigger(i), e.code, srcs, tgts, mod, attrib, 0.45)
	case "subject":
		if tgts == nil {
			for _, k := range st.kids[h] {
				if baseRel(st.toks[k].Rel) == "obj" {
					tgts = st.actorsOfNP(k)
				}
			}
		}
		m, a := st.modality(h)
		mod = stronger(mod, m)
		if attrib == "" {
			attrib = a
		}
		return st.events(i, word, e.code, srcs, tgts, mod, attrib, 0.45)
	}
	if firstPass && !governed {
		return nil
	}
	// a light verb the parse attached as a modifier ("has imposed
	// sanctions" read as an adjective on the noun): its subject, found to
	// its left, does the act
	if srcs == nil && !governed {
		if j := st.lightBefore(i); j >= 0 {
			if as := st.scanActor(j, -1); len(as) > 0 {
				srcs = as
				m, a := st.modality(j)
				mod = stronger(mod, m)
				if attrib == "" {
					attrib = a
				}
			}
		}
	}
	// the participants of a meeting or a cooperation are the subject of
	// the verb it hangs from: "negotiators return to Geneva for talks"
	if srcs == nil && h >= 0 && st.toks[h].UPOS == "VERB" && e.code >= "03" && e.code < "09" {
		srcs = st.sources(h, 0)
	}
	if h >= 0 && !governed {
		m, a := st.modality(h)
		if st.toks[h].UPOS == "VERB" {
			mod = stronger(mod, m)
			if desireVerbs[lower(st.toks[h])] {
				mod = stronger(mod, model.Hypothetical) // "wants war", "fear an attack"
			}
		}
		if attrib == "" {
			attrib = a
		}
	}
	return st.events(i, word, e.code, srcs, tgts, mod, attrib, 0.4)
}

// participleAgent is the agent of a past participle on noun k ("crimes
// committed by Croat forces"), nil when none names an actor.
func (st *sentence) participleAgent(k int) []*model.Actor {
	for _, c := range st.kids[k] {
		if baseRel(st.toks[c].Rel) != "acl" || st.toks[c].XPOS != "VBN" {
			continue
		}
		for _, a := range st.kids[c] {
			if st.toks[a].Rel == "obl:agent" || baseRel(st.toks[a].Rel) == "obl" && st.caseOf(a) == "by" {
				if as := st.actorsOfNP(a); len(as) > 0 && as[0].Actor != nil {
					return as
				}
			}
		}
	}
	return nil
}

// nounTrigger is the words of event noun i with the compounds written
// next to it ("build-up", "air strike").
func (st *sentence) nounTrigger(i int) string {
	lo := i
	for changed := true; changed; {
		changed = false
		for _, k := range st.kids[i] {
			if k < lo && k >= lo-2 && st.toks[k].Rel == "compound" {
				lo, changed = k, true
			}
		}
	}
	return st.spanText(lo, i)
}

// lightBefore finds a light verb just before event noun i (at most two
// words away, across determiners and adjectives) that the parse did not
// make the noun's governor; -1 when there is none.
func (st *sentence) lightBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := st.toks[j]
		if t.UPOS == "VERB" && lightVerbs[lower(t)] {
			if t.Head == i || baseRel(t.Rel) != "root" {
				return j
			}
			return -1
		}
		if t.UPOS != "DET" && t.UPOS != "ADJ" && t.UPOS != "NUM" {
			return -1
		}
	}
	return -1
}
