package events

import (
	"github.com/vigilhq/vigil/internal/actors"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// Verbs that report speech or belief: a clause under them is attributed to
// their subject.
var reportVerbs = map[string]bool{"say": true, "tell": true, "announce": true, "state": true, "report": true,
	"claim": true, "allege": true, "believe": true, "think": true, "suspect": true, "suggest": true,
	"add": true, "note": true, "confirm": true, "reveal": true, "estimate": true, "assert": true, "declare": true,
	"contend": true, "argue": true, "maintain": true, "indicate": true, "write": true, "conclude": true,
	"reiterate": true, "stress": true, "acknowledge": true, "admit": true, "explain": true, "predict": true}

// Report verbs whose clause is a belief rather than a statement of fact.
var beliefVerbs = map[string]bool{"believe": true, "think": true, "suspect": true, "suggest": true,
	"claim": true, "allege": true, "estimate": true, "predict": true, "contend": true, "argue": true}

var (
	aspectVerbs = map[string]bool{"resume": true, "continue": true, "begin": true, "start": true, "keep": true,
		"try": true, "attempt": true, "seek": true, "intensify": true, "step": true}
	harmVerbs   = map[string]bool{"kill": true, "wound": true, "injure": true, "hurt": true, "maim": true}
	allegeVerbs = map[string]bool{"suspect": true, "accuse": true, "allege": true, "blame": true, "charge": true, "claim": true, "rumour": true, "rumor": true}
	fearVerbs   = map[string]bool{"fear": true, "worry": true, "expect": true, "warn": true, "predict": true}
	hypoAux     = map[string]bool{"could": true, "would": true, "may": true, "might": true, "should": true, "can": true, "ca": true}
	futureAux   = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true}
	mustAux     = map[string]bool{"must": true, "should": true}
)

var modalityRank = map[string]int{model.Asserted: 0, model.Reported: 1, model.Intended: 2, model.Hypothetical: 3, model.Negated: 4}

func stronger(a, b string) string {
	if modalityRank[b] > modalityRank[a] {
		return b
	}
	return a
}

// auxes returns the lower-case auxiliaries of verb i.
func (st *sentence) auxes(i int) []string {
	var out []string
	for _, k := range st.kids[i] {
		if baseRel(st.toks[k].Rel) == "aux" {
			out = append(out, strings.ToLower(st.toks[k].Text))
		}
	}
	return out
}

func (st *sentence) negated(i int) bool {
	for _, k := range st.kids[i] {
		t := st.toks[k]
		w := strings.ToLower(t.Text)
		if baseRel(t.Rel) == "nsubj" && (w == "nobody" || w == "none" || w == "neither" || w == "nothing" ||
			w == "one" && k > 0 && strings.EqualFold(st.toks[k-1].Text, "no")) {
			return true
		}
		if t.Rel == "neg" || baseRel(t.Rel) == "advmod" && (w == "not" || w == "n't" || w == "never") ||
			t.Rel == "det" && w == "no" {
			return true
		}
	}
	return false
}

// modality returns the modality of the clause of verb i from its own
// words (negation, modal auxiliaries, conditions) and the verb that
// governs it, with whom it is attributed to.
func (st *sentence) modality(i int) (string, string) {
	mod := model.Asserted
	if st.negated(i) {
		return model.Negated, st.attribution(i)
	}
	for _, a := range st.auxes(i) {
		if hypoAux[a] {
			mod = stronger(mod, model.Hypothetical)
		} else if futureAux[a] {
			mod = stronger(mod, model.Intended)
		}
	}
	// "if"/"unless" on this clause or on a clause it belongs to.
	for j, depth := i, 0; j >= 0 && depth < 6; depth++ {
		t := st.toks[j]
		if baseRel(t.Rel) == "advcl" && st.hasMark(j, "if", "unless", "lest", "whether", "until", "before") {
			mod = stronger(mod, model.Hypothetical)
		}
		switch baseRel(t.Rel) {
		case "conj", "xcomp", "advcl":
			j = t.Head
			continue
		}
		break
	}
	// the clause hangs from an allegation, a denial or a fear ("suspected
	// of blowing up", "denied attacking", "fears it could"), or is the
	// purpose or complement of another act ("will visit … to mediate").
	for j, depth := i, 0; depth < 4; depth++ {
		t := st.toks[j]
		h := t.Head
		if h < 0 || h >= len(st.toks) || h == j {
			break
		}
		r := baseRel(t.Rel)
		// (through the object a clause describes: "accused Ukrainian
		// troops of shelling a school", with "shelling" parsed as a
		// clause on "troops")
		if r != "advcl" && r != "xcomp" && r != "ccomp" && r != "acl" && r != "conj" && r != "obl" &&
			!(r == "obj" && depth > 0 && baseRel(st.toks[i].Rel) == "acl") {
			break
		}
		hl := lower(st.toks[h])
		switch {
		case r == "conj":
			// a clause joined to a denial or an allegation is not under
			// it: "denied the claim and said its units were exercising"
		case allegeVerbs[hl]:
			mod = stronger(mod, model.Reported)
		case hl == "deny":
			mod = stronger(mod, model.Negated)
		case fearVerbs[hl]:
			mod = stronger(mod, model.Hypothetical)
		}
		if _, gov := st.gov[h]; !gov && (r == "xcomp" || r == "advcl" && st.hasMark(j, "to")) && st.toks[h].UPOS == "VERB" {
			for _, a := range st.auxes(h) {
				if hypoAux[a] {
					mod = stronger(mod, model.Hypothetical)
				} else if futureAux[a] {
					mod = stronger(mod, model.Intended)
				}
			}
			if r == "advcl" {
				mod = stronger(mod, model.Intended)
			}
		}
		j = h
	}
	// an infinitive ("to finance", "to help") names an aim, not a deed,
	// unless it continues an aspectual verb ("began to withdraw")
	if _, gov := st.gov[i]; !gov && st.infinitive(i) {
		h := st.toks[i].Head
		if h < 0 || h >= len(st.toks) || !aspectVerbs[lower(st.toks[h])] {
			mod = stronger(mod, model.Intended)
		}
	}
	// a clause under a noun of asking or planning: "an appeal for
	// deploying troops", "a proposal for signing", "plans to sell"
	if h := st.toks[i].Head; h >= 0 && h < len(st.toks) && st.toks[h].UPOS == "NOUN" && requestNouns[lower(st.toks[h])] {
		mod = stronger(mod, model.Hypothetical)
	}
	attrib := st.attribution(i)
	if attrib != "" && mod == model.Asserted && st.toks[i].Rel == "ccomp" {
		h := st.toks[i].Head
		if h >= 0 && beliefVerbs[lower(st.toks[h])] {
			mod = model.Reported
		}
	}
	return mod, attrib
}

// attribution returns who the clause of i is attributed to: the subject of
// a reporting verb governing it, of a parenthetical "…, police said", or
// of "according to X".
func (st *sentence) attribution(i int) string {
	for j, depth := i, 0; j >= 0 && depth < 4; depth++ {
		for _, k := range st.kids[j] {
			t := st.toks[k]
			if t.Rel == "parataxis" && reportVerbs[lower(t)] {
				if s := st.speaker(k); s >= 0 {
					return st.npText(s)
				}
			}
			if baseRel(t.Rel) == "obl" && (st.caseOf(k) == "according" || st.hasMark(k, "according")) {
				return st.npText(k)
			}
		}
		t := st.toks[j]
		if t.Rel == "ccomp" && t.Head >= 0 && reportVerbs[lower(st.toks[t.Head])] {
			if s := st.speaker(t.Head); s >= 0 {
				return st.npText(s)
			}
			return st.finalReporter(i)
		}
		if baseRel(t.Rel) == "conj" || t.Rel == "xcomp" {
			j = t.Head
			continue
		}
		break
	}
	return st.finalReporter(i)
}

// measureNouns name amounts, distances and spans of time: never the one
// who reports ("15 miles from X, images suggest").
var measureNouns = map[string]bool{"mile": true, "kilometre": true, "kilometer": true, "km": true, "metre": true,
	"meter": true, "yard": true, "foot": true, "percent": true, "per": true, "cent": true, "%": true, "hour": true,
	"minute": true, "second": true, "day": true, "week": true, "month": true, "year": true, "decade": true,
	"ton": true, "tonne": true, "dollar": true, "euro": true, "pound": true, "barrel": true, "acre": true, "hectare": true}

// reporterNoun reports whether token k can be the one who reports: a
// nominal that is not a measure or a span of time.
func (st *sentence) reporterNoun(k int) bool {
	t := st.toks[k]
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" && t.UPOS != "PRON" {
		return false
	}
	return !measureNouns[lower(t)]
}

// speaker returns the subject of reporting verb v, or -1. When the
// parse gives it several subjects, or one that is a measure, it takes a
// fitting one between v and the last comma before it ("…, 15 miles from
// X, satellite images suggest").
func (st *sentence) speaker(v int) int {
	comma := -1
	for j := v - 1; j >= 0; j-- {
		if st.toks[j].Text == "," {
			comma = j
			break
		}
		if st.toks[j].UPOS == "VERB" {
			break
		}
	}
	first, near := -1, -1
	for _, k := range st.kids[v] {
		if st.toks[k].Rel != "nsubj" || !st.reporterNoun(k) {
			continue
		}
		if first < 0 {
			first = k
		}
		// a subject between the last comma and the verb is the one
		// that reports; one before the comma may belong to the clause
		if comma >= 0 && k > comma && k < v && k > near {
			near = k
		}
	}
	if near >= 0 {
		return near
	}
	return first
}

// finalReporter returns the speaker of a sentence-final ", X said" or
// ", X suggest" that the parse did not attach to the clause: the
// nominal between the last comma and a reporting verb that ends the
// sentence, when token i comes before that comma, or "".
func (st *sentence) finalReporter(i int) string {
	n := len(st.toks)
	end := n
	for end > 0 && st.toks[end-1].UPOS == "PUNCT" {
		end--
	}
	if end < 3 {
		return ""
	}
	v := -1
	for j := end - 1; j >= 0 && j >= end-3; j-- {
		if st.toks[j].UPOS == "VERB" && reportVerbs[lower(st.toks[j])] {
			v = j
			break
		}
	}
	if v < 2 {
		return ""
	}
	comma := -1
	for j := v - 1; j >= 0 && j >= v-7; j-- {
		if st.toks[j].Text == "," {
			comma = j
			break
		}
	}
	if comma < 0 || i >= comma {
		return ""
	}
	lo := comma + 1
	for lo < v && (st.toks[lo].UPOS == "DET" || st.toks[lo].UPOS == "PUNCT") {
		lo++
	}
	for j := v - 1; j >= lo; j-- {
		if st.toks[j].UPOS == "AUX" || st.toks[j].UPOS == "ADV" {
			continue
		}
		if st.reporterNoun(j) {
			return st.spanText(lo, j)
		}
		break
	}
	return ""
}

// sources returns the actors that carry out verb i.
func (st *sentence) sources(i int, depth int) []*model.Actor {
	if depth > 4 || i < 0 {
		return nil
	}
	if st.isPassive(i) {
		for _, k := range st.kids[i] {
			t := st.toks[k]
			if t.Rel == "obl:agent" || baseRel(t.Rel) == "obl" && st.caseOf(k) == "by" {
				return st.actorsOfNP(k)
			}
		}
		return nil
	}
	// (a "nsubj:pass" here is the subject of a clause misparsed as passive)
	var subj []int
	for _, k := range st.kids[i] {
		switch st.toks[k].Rel {
		case "nsubj", "nsubj:outer", "nsubj:pass":
			if st.toks[k].UPOS != "DET" {
				subj = append(subj, k)
			}
		}
	}
	if a := st.splitPhrase(subj); a != nil {
		return []*model.Actor{a}
	}
	for _, k := range subj[min(1, len(subj)):] {
		// a later subject word when the first names no one
		if as := st.actorsOfNP(subj[0]); len(as) == 0 {
			if as := st.actorsOfNP(k); len(as) > 0 {
				return as
			}
		}
	}
	if k := st.child(i, "nsubj", "nsubj:outer", "nsubj:pass"); k >= 0 {
		if len(subj) > 0 {
			k = subj[0]
		}
		if as := st.actorsOfNP(k); len(as) > 0 {
			return st.speakingFor(i, as)
		}
		// "Pakistan, a key U.S. ally, has refused": the name the parse
		// hung on the subject as an apposition or vocative
		for _, c := range st.kids[k] {
			switch baseRel(st.toks[c].Rel) {
			case "appos", "vocative", "dep":
				if as := st.actorsOfNP(c); len(as) > 0 && as[0].Actor != nil && !st.roleOnly(*as[0].Actor) {
					return as
				}
			}
		}
		return st.scanActor(i, -1)
	}
	if g, ok := st.gov[i]; ok && (g.source != nil || g.unnamed) {
		return g.source
	}
	t := st.toks[i]
	// "A top U.S. official today praised …" with the subject parsed as
	// the root and the verb as its conjunct
	if baseRel(t.Rel) == "conj" && t.Head >= 0 && t.Head < i && st.toks[t.Head].Rel == "root" {
		switch st.toks[t.Head].UPOS {
		case "NOUN", "PROPN", "ADJ":
			if as := st.actorsOfNP(t.Head); len(as) > 0 {
				return as
			}
		}
	}
	// "accused Azerbaijan of deploying troops", "blamed the rebels for
	// attacking": the one accused does the act
	// (also a participle hung on the accusation: "accused the army of
	// bombing homes, killing 17 civilians")
	if baseRel(t.Rel) == "advcl" && st.valid(t.Head) && (st.hasMark(i, "of", "for") || t.XPOS == "VBG" && allegeVerbs[lower(st.toks[t.Head])]) {
		if o := st.child(t.Head, "obj"); o >= 0 && o < i {
			if as := st.actorsOfNP(o); len(as) > 0 {
				return as
			}
		}
	}
	// "Russian forces shelled the village, officials said, wounding three
	// soldiers": a participle hung on the reporting verb goes on with the
	// reported act, whose subject it shares
	if baseRel(t.Rel) == "advcl" && t.XPOS == "VBG" && st.valid(t.Head) && reportVerbs[lower(st.toks[t.Head])] {
		rep := st.toks[t.Head]
		acts := []int{}
		if baseRel(rep.Rel) == "parataxis" && rep.Head >= 0 && rep.Head < t.Head {
			acts = append(acts, rep.Head) // "X did Y, officials said, …"
		}
		for _, c := range st.kids[t.Head] {
			if baseRel(st.toks[c].Rel) == "ccomp" && c < t.Head {
				acts = append(acts, c)
			}
		}
		for _, c := range acts {
			if as := st.sources(c, depth+1); len(as) > 0 {
				return as
			}
		}
	}
	// "Mr Biden is expected to warn", "the army was ordered to withdraw":
	// the passive's subject does the act of its infinitive
	if baseRel(t.Rel) == "xcomp" && st.valid(t.Head) && st.isPassive(t.Head) {
		if k := st.child(t.Head, "nsubj:pass"); k >= 0 && st.toks[k].UPOS != "DET" {
			if as := st.actorsOfNP(k); len(as) > 0 {
				return as
			}
		}
	}
	switch baseRel(t.Rel) {
	case "conj", "xcomp", "advcl":
		if t.Head >= 0 && (st.toks[t.Head].UPOS == "VERB" || isVerbLike(st.toks[t.Head])) {
			if as := st.sources(t.Head, depth+1); len(as) > 0 || baseRel(t.Rel) == "xcomp" || !finite(t) && len(st.auxes(i)) == 0 {
				return as
			}
			// a finite conjunct or adverbial clause whose governor has
			// no actor: the parse joined two clauses ("…, President X
			// has reneged")
		}
	case "acl":
		// "has taken steps to enhance", "made an effort to end": the
		// infinitive on a verb's object is done by that verb's subject
		if t.XPOS == "VB" && st.hasMark(i, "to") && st.valid(t.Head) && baseRel(st.toks[t.Head].Rel) == "obj" &&
			st.valid(st.toks[t.Head].Head) && st.toks[st.toks[t.Head].Head].UPOS == "VERB" {
			if as := st.sources(st.toks[t.Head].Head, depth+1); len(as) > 0 {
				return as
			}
		}
		// "rebels fighting the army"; a participle on the root noun is a
		// clause the parser read as a phrase ("Russian troops amassed at
		// the border")
		if t.Head >= 0 && (t.XPOS == "VBG" || t.Morph.VerbForm == "Ger" || t.Rel == "acl:relcl" ||
			(t.XPOS == "VBN" || finite(t)) && (st.toks[t.Head].Rel == "root" || baseRel(st.toks[t.Head].Rel) == "nsubj") ||
			// "Senior Hungarian and Romanian officials agreed" with the
			// subject parsed as a conjunct of the root
			finite(t) && st.toks[t.Head].Rel == "conj" && st.valid(st.toks[t.Head].Head) && st.toks[st.toks[t.Head].Head].Rel == "root") {
			return st.actorsOfNP(t.Head)
		}
	}
	// a finite verb (or one with an auxiliary) has a subject somewhere:
	// when the parse lost it, take the nearest actor on the left
	if t.Rel == "root" || t.Rel == "ccomp" || t.Rel == "compound" || t.Rel == "acl" && t.XPOS != "VBN" ||
		t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || len(st.auxes(i)) > 0 {
		if as := st.scanActor(i, -1); len(as) > 0 {
			return as
		}
		if as := st.frontedActor(i); len(as) > 0 {
			return as
		}
	}
	return nil
}

// frontedActor is the subject of verb i set apart by an apposition the
// parse did not attach ("Pakistan, a key ally in the war, has refused"):
// a name opening the sentence and followed by a comma, when a comma also
// comes just before the verb (after its auxiliaries and adverbs).
func (st *sentence) frontedActor(i int) []*model.Actor {
	j := i - 1
	for j > 0 && (st.toks[j].UPOS == "AUX" || st.toks[j].UPOS == "ADV" || st.toks[j].UPOS == "PART") {
		j--
	}
	if j <= 1 || st.toks[j].Text != "," {
		return nil
	}
	end := 0
	for end < j && end < 6 && st.toks[end].UPOS == "PROPN" {
		end++
	}
	if end == 0 || end >= j || st.toks[end].Text != "," {
		return nil
	}
	a := st.actorOf(end - 1)
	if a == nil || a.Actor == nil || st.roleOnly(*a.Actor) {
		return nil
	}
	return []*model.Actor{a}
}

var targetPreps = map[string]bool{"between": true, "against": true, "on": true, "with": true, "to": true, "at": true, "into": true,
	"upon": true, "toward": true, "towards": true, "from": true, "in": true, "over": true, "for": true, "of": true}

// targets returns the actors verb i acts on.
func (st *sentence) targets(i int, srcs []*model.Actor) []*model.Actor {
	if st.isPassive(i) {
		// (the parse may give several: "A US national" as three)
		var subj []int
		for _, k := range st.kids[i] {
			if st.toks[k].Rel == "nsubj:pass" && st.toks[k].UPOS != "DET" {
				subj = append(subj, k)
			}
		}
		if a := st.splitPhrase(subj); a != nil {
			return []*model.Actor{a}
		}
		for _, k := range subj {
			if as := st.actorsOfNP(k); len(as) > 0 {
				return as
			}
		}
	}
	// what is given, sent, deployed or withdrawn is the means: the act is
	// aimed at where it goes or comes from ("providing intelligence to
	// Macedonia", "withdraw inspectors from Iraq", "deploy peacekeepers in
	// Iraq")
	if transferCode(st.codeOf(i, 1)) {
		if as := st.recipient(i, srcs); len(as) > 0 {
			return as
		}
	}
	var objs, obls []int
	if t := st.toks[i]; t.Rel == "acl" && t.XPOS == "VBN" && t.Head >= 0 && st.toks[t.Head].Rel != "root" {
		objs = append(objs, t.Head) // "civilians killed in the raid"
	}
	for _, k := range st.kids[i] {
		switch baseRel(st.toks[k].Rel) {
		case "obj", "iobj":
			objs = append(objs, k)
		case "obl":
			if st.toks[k].Rel != "obl:agent" && targetPreps[st.caseOf(k)] {
				obls = append(obls, k)
			}
		}
	}
	var weak []*model.Actor // a role without a country, kept if nothing better
	good := func(as []*model.Actor) bool {
		if len(as) == 0 {
			return false
		}
		if as[0].Actor == nil || st.roleOnly(*as[0].Actor) || sameActor(as[0], srcs) || ownForces(as[0], srcs) {
			if weak == nil {
				weak = as
			}
			return false
		}
		return true
	}
	for _, k := range objs {
		if as := st.actorsOfNP(k); good(as) {
			return as
		}
		// an actor inside the object: "the right of Russian troops",
		// "Palestinian homes", "an offensive in its war with Iraq"
		for _, m := range st.kids[k] {
			r := baseRel(st.toks[m].Rel)
			if st.toks[m].UPOS == "PRON" {
				continue
			}
			if r == "nmod" || r == "amod" || r == "compound" {
				if as := st.actorsOfNP(m); good(as) {
					if settlementNouns[strings.ToLower(st.toks[k].Text)] && len(as) == 1 && m > k {
						// "a village in Western Cambodia": the phrase, so
						// that force against it reads as its people
						lo, _ := st.coreSpan(k)
						_, hi := st.coreSpan(m)
						a := *as[0]
						a.Text = st.spanText(lo, hi)
						return []*model.Actor{&a}
					}
					return as
				}
			}
			if r == "nmod" {
				// "an investigation into crimes committed by X"
				if as := st.participleAgent(m); good(as) {
					return as
				}
				for _, m2 := range st.kids[m] {
					if baseRel(st.toks[m2].Rel) == "nmod" && st.toks[m2].UPOS != "PRON" && targetPreps[st.caseOf(m2)] {
						if as := st.actorsOfNP(m2); good(as) {
							return as
						}
					}
				}
			}
		}
	}
	for _, k := range obls {
		// "a mediation effort on Saturday between the Emirates and
		// Saudi Arabia": both sides (the parse may join the second to
		// the first phrase)
		for _, m := range st.kids[k] {
			if baseRel(st.toks[m].Rel) == "nmod" && st.caseOf(m) == "between" {
				if as := st.betweenActors(m); good(as) {
					return as
				}
			}
		}
		if as := st.actorsOfNP(k); good(as) {
			return as
		}
		// "for a possible war against Iraq"
		for _, m := range st.kids[k] {
			if baseRel(st.toks[m].Rel) == "nmod" && st.toks[m].UPOS != "PRON" && targetPreps[st.caseOf(m)] {
				if as := st.actorsOfNP(m); good(as) {
					return as
				}
			}
		}
	}
	// the place a participle on the object leads to: "blew up power
	// lines leading into Kabul"
	for _, k := range objs {
		for _, m := range st.kids[k] {
			if baseRel(st.toks[m].Rel) != "acl" || st.toks[m].XPOS != "VBG" {
				continue
			}
			for _, o := range st.kids[m] {
				if baseRel(st.toks[o].Rel) == "obl" && targetPreps[st.caseOf(o)] {
					if as := st.actorsOfNP(o); good(as) {
						return as
					}
				}
			}
		}
	}
	// the target of the act's purpose: "staged demonstrations to demand
	// reforms by the government"
	if st.depth == 0 {
		st.depth += 2
		for _, k := range st.kids[i] {
			r := baseRel(st.toks[k].Rel)
			if r == "advcl" && st.hasMark(k, "if", "unless", "when", "as", "after", "before", "while", "because", "since", "until", "though", "although") {
				continue // a condition or a circumstance, not the act's aim
			}
			if (r == "advcl" || r == "xcomp") && st.toks[k].UPOS == "VERB" {
				if as := st.targets(k, srcs); good(as) {
					st.depth -= 2
					return as
				}
			}
		}
		st.depth -= 2
	}
	// what one sends is no target, even as a last resort ("ready to send
	// a monitoring mission to the border")
	// (nor are the source's own forces: "called on Russia to withdraw its
	// forces")
	if weak != nil && !sendVerbs[lower(st.toks[i])] && !armedOf(weak[0], srcs) {
		return weak
	}
	if as := st.scanActor(i, +1); len(as) > 0 && !armedOf(as[0], srcs) {
		return as
	}
	return nil
}

// Verbs whose object is the means sent or fired somewhere.
var sendVerbs = map[string]bool{"send": true, "deploy": true, "dispatch": true, "despatch": true, "station": true,
	"fire": true, "launch": true, "test": true, "shoot": true} // (what is fired is the means: "fired a missile")

// setMutual marks the event at token i as done by two sides to each other.
func (st *sentence) setMutual(i int) {
	if st.mutual == nil {
		st.mutual = map[int]bool{}
	}
	st.mutual[i] = true
}

// betweenPair returns the two named sides of a "between X and Y" phrase
// on token i (or on its object), else nil.
func (st *sentence) betweenPair(i int) []*model.Actor {
	for _, k := range st.kids[i] {
		r := baseRel(st.toks[k].Rel)
		if (r == "obl" || r == "nmod") && st.caseOf(k) == "between" {
			as := st.betweenActors(k)
			if len(as) == 2 && as[0] != nil && as[1] != nil && as[0].Actor != nil && as[1].Actor != nil &&
				!st.roleOnly(*as[0].Actor) && !st.roleOnly(*as[1].Actor) {
				return as
			}
			return nil
		}
	}
	return nil
}

// betweenActors are the sides of "between X and Y": the phrase's own
// conjuncts, or, when the parse hung Y elsewhere, the noun phrase after
// the "and" that follows X.
func (st *sentence) betweenActors(k int) []*model.Actor {
	as := st.actorsOfNP(k)
	if len(as) != 1 {
		return as
	}
	_, hi := st.coreSpan(k)
	if hi+2 >= len(st.toks) || st.toks[hi+1].UPOS != "CCONJ" || !strings.EqualFold(st.toks[hi+1].Text, "and") {
		return as
	}
	// the head of the next phrase: the last noun of a run of nouns and
	// adjectives
	j := hi + 2
	for j+1 < len(st.toks) && j < hi+6 && (st.toks[j+1].UPOS == "PROPN" || st.toks[j+1].UPOS == "NOUN") {
		j++
	}
	for ; j > hi+1; j-- {
		if a := st.actorOf(j); a != nil && a.Actor != nil && !st.roleOnly(*a.Actor) {
			return append(as, a)
		}
	}
	return as
}

// splitPhrase resolves one noun phrase the parse split into adjacent
// words of the same relation ("A US national" as three subjects): the
// last word is its head, the others its modifiers; nil unless that gives
// an actor with a country.
func (st *sentence) splitPhrase(ks []int) *model.Actor {
	kb := st.a.c.kb
	if kb == nil || len(ks) < 2 || len(ks) > 5 {
		return nil
	}
	for x := 1; x < len(ks); x++ {
		if ks[x] != ks[x-1]+1 {
			return nil
		}
	}
	var mods []string
	for _, k := range ks[:len(ks)-1] {
		mods = append(mods, st.toks[k].Text)
	}
	last := ks[len(ks)-1]
	c, ok := kb.Resolve(mods, st.toks[last].Text, st.a.in.Published)
	if !ok || c.Country == "" || c.Code == "" {
		return nil
	}
	return st.mk(st.spanText(ks[0], last), c.Entity, c.Code, c.Country)
}

// afterHyphenWord returns the name after a hyphenated adjective whose
// first half is token k ("war - torn Mozambique"), -1 when there is none.
func (st *sentence) afterHyphenWord(k int) int {
	n := k + 3
	if n >= len(st.toks) || st.toks[k+1].Text != "-" || st.toks[n].UPOS != "PROPN" || st.ent[n] < 0 {
		return -1
	}
	return n
}

// transferCode reports whether code moves people or things to or from a
// place: aid (07), concessions and retreats (08), force posture (15),
// withdrawals (166).
func transferCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	return code[:2] == "07" || code[:2] == "08" || code[:2] == "15" || strings.HasPrefix(code, "166")
}

// Prepositions of the place a transfer goes to or comes from.
var transferPreps = map[string]bool{"to": true, "into": true, "from": true, "in": true, "inside": true,
	"toward": true, "towards": true, "for": true}

// recipient returns the actor a transfer by verb i goes to or comes from:
// an oblique of the verb, or a phrase on its object or the object's
// conjuncts, that names an actor with a country or an international code
// and is not the source's own.
func (st *sentence) recipient(i int, srcs []*model.Actor) []*model.Actor {
	var cands []int
	for _, k := range st.kids[i] {
		r := baseRel(st.toks[k].Rel)
		if r == "obl" && st.toks[k].Rel != "obl:agent" && transferPreps[st.caseOf(k)] {
			cands = append(cands, k)
		}
		if r == "obj" || r == "iobj" {
			// the object, its conjuncts and nouns the parse hung on it
			// ("weapons inspectors and workers from Iraq")
			objs := []int{k}
			for n := 0; n < len(objs) && n < 8; n++ {
				for _, c := range st.kids[objs[n]] {
					switch baseRel(st.toks[c].Rel) {
					case "conj", "obj":
						objs = append(objs, c)
					case "nmod":
						if transferPreps[st.caseOf(c)] {
							cands = append(cands, c)
						}
					}
				}
			}
		}
	}
	for _, k := range cands {
		if st.toks[k].UPOS == "PRON" {
			continue
		}
		as := st.actorsOfNP(k)
		if len(as) == 0 {
			// "to war-torn Mozambique": the tokenizer split the
			// adjective and the parse took its first half for the noun
			if n := st.afterHyphenWord(k); n >= 0 {
				as = st.actorsOfNP(n)
			}
		}
		if len(as) == 0 || st.weakTarget(as, srcs) {
			continue
		}
		return as
	}
	return nil
}

// scanActor is the fallback when the parse gives no subject (dir -1) or
// object (dir +1): the nearest noun phrase on that side of verb i, within
// a few words and not across a clause boundary, that names an actor with
// a country or an international code.
func (st *sentence) scanActor(i, dir int) []*model.Actor {
	for j, n := i+dir, 0; j >= 0 && j < len(st.toks) && n < 8; j, n = j+dir, n+1 {
		t := st.toks[j]
		if t.UPOS == "SCONJ" && dir > 0 && strings.EqualFold(t.Text, "that") {
			continue
		}
		// a participle before a noun is an adjective ("reject proposed
		// Israeli changes"), no clause boundary
		participle := dir > 0 && t.UPOS == "VERB" && t.XPOS == "VBN" && j+1 < len(st.toks) &&
			(st.toks[j+1].UPOS == "ADJ" || st.toks[j+1].UPOS == "NOUN")
		if (t.UPOS == "VERB" && !participle) || t.UPOS == "SCONJ" || t.Text == ";" || (dir > 0 && t.Text == ",") {
			break
		}
		if t.UPOS != "PROPN" && t.UPOS != "NOUN" && t.UPOS != "ADJ" {
			continue
		}
		// a modifier going right leads to its noun ("1,000 Palestinian
		// refugees"): the whole phrase is the actor
		if h := t.Head; dir > 0 && h > j && h-j <= 3 && h < len(st.toks) && (t.Rel == "amod" || t.Rel == "compound") && st.toks[h].UPOS == "NOUN" {
			if a := st.actorOf(h); a != nil && a.Actor != nil && !st.roleOnly(*a.Actor) {
				return []*model.Actor{a}
			}
		}
		a := st.actorOf(j)
		if a != nil && a.Actor != nil && !st.roleOnly(*a.Actor) {
			return []*model.Actor{a}
		}
	}
	return nil
}

// codeOf returns the code of the act verb (or noun) j names, through
// families, up to a small depth; "" when it names none.
func (st *sentence) codeOf(j, depth int) string {
	if j < 0 || depth > 3 {
		return ""
	}
	t := st.toks[j]
	if t.UPOS == "NOUN" {
		if e, _, ok := st.match(st.nounEntries(j), j, nil); ok && e.code != "" {
			return e.code
		}
		return ""
	}
	e, _, ok := st.match(st.verbEntries(j), j, nil)
	if !ok {
		// a light verb with an event noun: "hold talks", "launch an
		// attack"; an aspectual verb with an act: "resume shelling"
		for _, k := range st.kids[j] {
			r := baseRel(st.toks[k].Rel)
			if r == "obj" && st.toks[k].UPOS == "NOUN" || (r == "xcomp" || r == "obj") && aspectVerbs[lower(st.toks[j])] {
				if c := st.codeOf(k, depth+1); c != "" {
					return c
				}
			}
		}
		return ""
	}
	if e.family != "" {
		return familyCode(e.family, st.codeOf(st.complement(j), depth+1), st.conditional(j))
	}
	return e.code
}

// conditionSubject is the subject of verb i's if- or unless-clause, the
// one a conditional promise is aimed at; nil when there is none or it is
// the source itself.
func (st *sentence) conditionSubject(i int, srcs []*model.Actor) []*model.Actor {
	if k := st.conditionClause(i); k >= 0 {
		if as := st.sources(k, 0); len(as) > 0 && !sameActor(as[0], srcs) {
			return as
		}
	}
	return nil
}

// conditional reports whether verb i has an "unless" clause (a condition
// that makes a promise a threat).
func (st *sentence) conditional(i int) bool {
	for _, k := range st.kids[i] {
		if baseRel(st.toks[k].Rel) == "advcl" && st.hasMark(k, "unless") {
			return true
		}
	}
	return false
}

// verbEvents codes verb i.
func (st *sentence) verbEvents(i int) []model.Event {
	t := st.toks[i]
	g, governed := st.gov[i]
	srcs := st.sources(i, 0)
	if len(srcs) == 0 && governed {
		srcs = g.source
	}
	mod, attrib := st.modality(i)
	if governed {
		mod = stronger(mod, g.modality)
		if g.attrib != "" {
			attrib = g.attrib
		}
	}
	lemma := lower(t)
	// A reporting verb: its clause is attributed to the speaker; "X said
	// Y must …" is a demand, "X said it will …" an intent.
	if reportVerbs[lemma] {
		return st.reportEvents(i, srcs, mod)
	}
	e, obj, ok := st.match(st.verbEntries(i), i, rolesOf(srcs))
	if !ok {
		return nil
	}
	if obj >= 0 {
		st.used[obj] = true
	}
	for _, k := range st.kids[i] {
		if baseRel(st.toks[k].Rel) == "obj" {
			st.used[k] = true
		}
	}
	code := e.code
	if harmVerbs[lemma] {
		// "killed in a suicide bombing", "a roadside bombing killed": the
		// means names the act; "… killed one and wounded two" shares it
		means := st.kids[i]
		if h := t.Head; baseRel(t.Rel) == "conj" && h >= 0 && harmVerbs[lower(st.toks[h])] {
			means = append(append([]int{}, st.kids[h]...), means...)
		}
		for _, k := range means {
			r := baseRel(st.toks[k].Rel)
			if st.toks[k].UPOS == "NOUN" && (r == "nsubj" || r == "obl") {
				if ne, _, ok := st.match(st.nounEntries(k), k, nil); ok && ne.code >= "18" && ne.code < "21" {
					code = ne.code
					st.used[k] = true
					if r == "nsubj" && (len(srcs) == 0 || st.placeOnly(srcs)) {
						srcs = st.nounOwnActor(k) // "US drone strikes killed …"
						if len(srcs) == 0 {
							// "a roadside bombing near Samarra killed …":
							// unidentified armed forces of the place
							srcs = st.unidentified(k, i)
						}
					}
				}
			}
		}
	}
	trig := t.Text
	if e.particle != "" {
		trig += " " + e.particle
	}
	var out []model.Event
	// "fighting between the army and the RSF", with no subject of its
	// own: the two sides fight each other
	if len(code) >= 2 && code[:2] == "19" && st.child(i, "nsubj", "nsubj:pass") < 0 {
		if pair := st.betweenPair(i); len(pair) == 2 {
			st.setMutual(i)
			return st.events(i, trig, code, pair, nil, mod, attrib, 0.6)
		}
	}
	tgts := st.targets(i, srcs)
	if len(srcs) == 0 && st.isPassive(i) && e.code != "" && (e.code[:2] == "17" || e.code[:2] == "16" || e.code[:2] == "09") {
		srcs = st.placeActor(i) // "was arrested in Lebanon": the authorities of Lebanon
	}
	if e.family != "" {
		comp := st.complement(i)
		// an event noun as the object names the act before a gerund
		// adjunct does: "demanded a truce … before allowing aid"
		if n := st.nounComplement(i); n >= 0 && comp >= 0 && st.toks[n].Head == i && baseRel(st.toks[comp].Rel) == "advcl" {
			comp = -1
		}
		act := ""
		if comp >= 0 {
			act = st.codeOf(comp, 1)
			trig += " " + st.toks[comp].Text
		} else if n := st.nounComplement(i); n >= 0 {
			act = st.codeOf(n, 1)
			st.gov[n] = govern{modality: stronger(familyModality(e.family), mod), source: srcs, attrib: attrib}
			trig += " " + st.toks[n].Text
		}
		fam := e.family
		if comp >= 0 && st.negated(comp) && (fam == famIntent || fam == famPlan) {
			fam = famRefuse // "vowed not to return"
		}
		code = familyCode(fam, act, st.conditional(i) || comp >= 0 && st.conditional(comp))
		if comp >= 0 {
			ctl, unnamed := srcs, false
			if e.family == famAppeal || e.family == famDemand {
				ctl = st.targets(i, srcs) // "called on X to meet": X meets
				// "urged both sides to negotiate": the ones asked
				// are named by no actor, and the ones asking do not
				// negotiate
				if k := st.askedObject(i); k >= 0 && !st.names(k) {
					ctl, unnamed = nil, true
				}
			}
			st.gov[comp] = govern{modality: stronger(familyModality(e.family), mod), source: ctl, attrib: attrib, unnamed: unnamed}
			if e.family == famAppeal || e.family == famDemand {
				// the one asked: the object ("called on X"), else the
				// subject of the act demanded ("demanded that X cancel")
				var direct []*model.Actor
				for _, k := range st.kids[i] {
					if r := baseRel(st.toks[k].Rel); r == "obj" || r == "iobj" || r == "obl" && st.caseOf(k) == "on" {
						if as := st.actorsOfNP(k); len(as) > 0 && as[0].Actor != nil {
							direct = as
							break
						}
					}
				}
				if direct == nil && !unnamed {
					direct = st.sources(comp, 0)
				} else if direct != nil && st.roleOnly(*direct[0].Actor) {
					// "ordered former president Carlos Menem to appear",
					// the name parsed as the subject of the act
					if as := st.sources(comp, 0); len(as) > 0 && !st.weakTarget(as, srcs) {
						direct = as
					}
				}
				if direct != nil {
					tgts = direct
				}
			} else if len(tgts) == 0 || st.weakTarget(tgts, srcs) {
				if ct := st.targets(comp, srcs); len(ct) > 0 && (len(tgts) == 0 || !st.weakTarget(ct, srcs)) {
					tgts = ct
				}
			}
		}
		if e.family == famFear || code == "" {
			return nil
		}
		// "denied planning to invade": the denial (016) and the negated
		// act say it all; a negated plan or threat is not a second event
		if governed && g.modality == model.Negated && comp >= 0 && intentFamily(e.family) {
			return nil
		}
		// "warned of consequences if Russia invaded": the one warned is the
		// subject of the condition
		if e.family == famThreat && len(tgts) == 0 {
			// on the threat or on the act threatened ("threatened to stop
			// talks if the United States goes ahead")
			if k := st.conditionClause(i, comp); k >= 0 {
				tgts = st.sources(k, 0)
			}
		}
		// "demonstrated calling for independence": the demand is what
		// the protest is for, not a second act
		if (e.family == famAppeal || e.family == famDemand) && baseRel(t.Rel) == "advcl" && t.Head >= 0 {
			if hc := st.codeOf(t.Head, 1); len(hc) >= 2 && hc[:2] == "14" {
				mod = stronger(mod, model.Intended)
			}
		}
	}
	// a threat made by its condition ("will retaliate if Israel strikes",
	// "would take resolute action if Taiwan declared independence"): the
	// one threatened is the condition's subject
	if len(tgts) == 0 && e.family == "" && (strings.HasPrefix(code, "13") || st.future(i)) {
		tgts = st.conditionSubject(i, srcs)
	}
	// A future act in a main clause or under a speech verb is an intent
	// (or a threat), asserted; the act itself is only intended.
	if e.family == "" && (mod == model.Intended || mod == model.Negated) && st.future(i) && (!governed || g.modality == model.Asserted || g.modality == model.Reported) {
		fam := famIntent
		if st.conditional(i) {
			fam = famThreat
		}
		if st.negated(i) {
			fam = famRefuse // "will not accept"
		}
		ic := familyCode(fam, code, st.conditional(i))
		out = append(out, st.events(i, "will "+trig, ic, srcs, tgts, model.Asserted, attrib, 0.55)...)
	}
	conf := 0.6
	if e.spec > 0 {
		conf += 0.1
	}
	out = append(out, st.events(i, trig, code, srcs, tgts, mod, attrib, conf)...)
	return out
}

// nounComplement finds an event noun in the clause of a family verb:
// "warned of an invasion", "demanded the removal of".
func (st *sentence) nounComplement(i int) int {
	for _, k := range st.clauseNouns(i) {
		if st.toks[k].UPOS == "NOUN" && len(st.nounEntries(k)) > 0 {
			return k
		}
	}
	return -1
}

// reportEvents handles "X said Y must …" (a demand of X on Y) and "X said
// it will …" (an intent of X); any other clause under the verb is only
// attributed to X.
func (st *sentence) reportEvents(i int, srcs []*model.Actor, mod string) []model.Event {
	attrib := ""
	if s := st.child(i, "nsubj"); s >= 0 {
		attrib = st.npText(s)
	}
	c := st.child(i, "ccomp")
	if c < 0 {
		return nil
	}
	act := st.codeOf(c, 1)
	aux := st.auxes(c)
	must := false
	future := false
	for _, a := range aux {
		if mustAux[a] {
			must = true
		}
		if futureAux[a] || a == "would" {
			future = true
		}
	}
	if !must {
		if strings.EqualFold(st.toks[c].Lemma, "have") && st.complement(c) >= 0 {
			must = true
		}
	}
	csrc := st.sources(c, 0)
	switch {
	case must && len(srcs) > 0:
		code := familyCode(famDemand, act, false)
		st.gov[c] = govern{modality: model.Hypothetical, attrib: attrib}
		return st.events(i, st.toks[i].Text+" must "+st.toks[c].Text, code, srcs, csrc, stronger(model.Asserted, mod), "", 0.55)
	case future && act != "" && len(srcs) > 0 && st.sameActor(srcs, c):
		// the condition may hang on the reporting verb: "announced that
		// it will withdraw … unless X arranged a ceasefire"
		cond := st.conditional(c) || st.conditional(i)
		fam := famIntent
		if cond {
			fam = famThreat
		}
		if st.negated(c) {
			fam = famRefuse
		}
		code := familyCode(fam, act, cond)
		st.gov[c] = govern{modality: model.Intended, attrib: attrib, source: srcs}
		tgts := st.targets(c, srcs)
		if len(tgts) == 0 {
			tgts = st.conditionSubject(c, srcs)
		}
		return st.events(i, st.toks[i].Text+" will "+st.toks[c].Text, code, srcs, tgts, stronger(model.Asserted, mod), "", 0.55)
	}
	m := model.Asserted
	if beliefVerbs[lower(st.toks[i])] {
		m = model.Reported
	}
	st.gov[c] = govern{modality: m, attrib: attrib}
	return nil
}

// sameActor reports whether the subject of clause c is a pronoun or names
// one of srcs (so "Syria says it will withdraw" is Syria's own intent).
func (st *sentence) sameActor(srcs []*model.Actor, c int) bool {
	k := st.child(c, "nsubj")
	if k < 0 {
		return true
	}
	if st.toks[k].UPOS == "PRON" {
		return true
	}
	for _, a := range st.actorsOfNP(k) {
		for _, s := range srcs {
			if a != nil && s != nil && a.Actor != nil && s.Actor != nil && *a.Actor == *s.Actor {
				return true
			}
		}
	}
	return false
}

// future reports whether verb i has a future auxiliary (will, shall, 'll).
func (st *sentence) future(i int) bool {
	for _, a := range st.auxes(i) {
		if futureAux[a] {
			return true
		}
	}
	return false
}

// sameActor reports whether a has the code of one of srcs (an event is
// seldom aimed at its own source).
func sameActor(a *model.Actor, srcs []*model.Actor) bool {
	if a == nil || a.Actor == nil || *a.Actor == "" {
		return false
	}
	for _, s := range srcs {
		if s != nil && s.Actor != nil && *s.Actor == *a.Actor {
			return true
		}
	}
	return false
}

// placeOnly reports whether the actors are bare countries (a place the
// left scan found, not who acted).
func (st *sentence) placeOnly(as []*model.Actor) bool {
	for _, a := range as {
		if a == nil || a.Actor == nil || a.Country == nil || *a.Actor != *a.Country {
			return false
		}
	}
	return len(as) > 0
}

// unidentified is the source of a violent act whose means is its subject
// and names no actor: the unidentified armed forces (UAF, CAMEO) of the
// country of the place in the subject ("a roadside bombing near the town
// of Samarra") or in verb i's clause; nil when there is none.
func (st *sentence) unidentified(k, i int) []*model.Actor {
	lo, hi := st.subtree(k)
	for _, p := range st.a.in.Places {
		if p.Country == nil || *p.Country == "" || p.Start < st.toks[lo].Start || p.End > st.toks[hi].End {
			continue
		}
		return []*model.Actor{st.mk(st.npText(k), "", *p.Country+"UAF", *p.Country)}
	}
	if p, _ := st.clausePlace(i); p != nil {
		return []*model.Actor{st.mk(st.npText(k), "", *p.Country+"UAF", *p.Country)}
	}
	return nil
}

// subtree returns the first and last token of the subtree of k.
func (st *sentence) subtree(k int) (int, int) {
	lo, hi := k, k
	stack := []int{k}
	for n := 0; len(stack) > 0 && n < len(st.toks); n++ {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range st.kids[j] {
			lo, hi = min(lo, c), max(hi, c)
			stack = append(stack, c)
		}
	}
	return lo, hi
}

// placeActor returns the country named by an "in X" oblique of verb i, or
// by an "in X" modifier of another of its obliques ("put under
// investigation in Italy").
func (st *sentence) placeActor(i int) []*model.Actor {
	in := func(k int) []*model.Actor {
		if st.caseOf(k) == "in" {
			if a := st.actorOf(k); a != nil && a.Country != nil && *a.Country != "" {
				c := *a.Country
				return []*model.Actor{st.mk(a.Text, deref(a.Name), c, c)}
			}
		}
		return nil
	}
	for _, k := range st.kids[i] {
		if baseRel(st.toks[k].Rel) == "obl" {
			if as := in(k); as != nil {
				return as
			}
		}
	}
	for _, k := range st.kids[i] {
		if baseRel(st.toks[k].Rel) != "obl" {
			continue
		}
		for _, m := range st.kids[k] {
			if baseRel(st.toks[m].Rel) == "nmod" {
				if as := in(m); as != nil {
					return as
				}
			}
		}
	}
	return nil
}

// infinitive reports whether verb i is a to-infinitive.
func (st *sentence) infinitive(i int) bool {
	for _, k := range st.kids[i] {
		if st.toks[k].Rel == "mark" && strings.EqualFold(st.toks[k].Text, "to") && st.toks[k].UPOS == "PART" {
			return true
		}
	}
	return false
}

// Nouns of asking, offering and planning: a clause under them has not
// happened.
var requestNouns = map[string]bool{"appeal": true, "call": true, "demand": true, "plan": true, "proposal": true,
	"offer": true, "invitation": true, "threat": true, "ultimatum": true, "effort": true, "attempt": true,
	"bid": true, "right": true, "permission": true, "request": true, "order": true, "pledge": true, "promise": true,
	"decision": true, "intention": true, "readiness": true, "willingness": true, "agreement": true, "deal": true}

// intentFamily reports whether family f states an intention to act.
func intentFamily(f string) bool {
	return f == famIntent || f == famPlan || f == famPrepare || f == famThreat
}

// nounOwnActor is the actor that modifies event noun k ("US drone
// strikes", "Russia's attack"), nil when none names one with a code.
func (st *sentence) nounOwnActor(k int) []*model.Actor {
	for _, c := range st.kids[k] {
		switch st.toks[c].Rel {
		case "nmod:poss", "amod", "compound":
			if a := st.actorOf(c); a != nil && a.Actor != nil && !st.roleOnly(*a.Actor) {
				return []*model.Actor{a}
			}
		}
	}
	return nil
}

// finite reports whether verb t is a finite past or present form.
func finite(t model.Token) bool {
	return t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP"
}

// ownForces reports whether a is the sources' own country or its armed
// forces or police ("withdraw its troops from Lebanon", "re-open its
// borders"): the means of the act, not whom it is aimed at.
func ownForces(a *model.Actor, srcs []*model.Actor) bool {
	if a == nil || a.Actor == nil || a.Country == nil || *a.Country == "" || !sameCountryCode(*a.Country, srcs) {
		return false
	}
	code := *a.Actor
	if code == *a.Country {
		return true
	}
	_, roles := actors.Split(code)
	for _, r := range roles {
		if r == "MIL" || r == "COP" {
			return true
		}
	}
	return false
}

// armedOf reports whether a is the source's own forces, named as such
// ("withdraw its forces", "pull back their troops"): the means of the act,
// not its aim. (General Aoun's forces are a target of a Lebanese newspaper.)
func armedOf(a *model.Actor, srcs []*model.Actor) bool {
	if a == nil || a.Actor == nil || a.Country == nil || *a.Country == "" || *a.Actor == *a.Country || !sameCountryCode(*a.Country, srcs) {
		return false
	}
	w, _, _ := strings.Cut(strings.ToLower(a.Text), " ")
	return (w == "its" || w == "their" || w == "his" || w == "her") && ownForces(a, srcs)
}

// weakTarget reports whether targets as are only a fallback: no code, a
// bare role, the source itself or the source's own forces.
func (st *sentence) weakTarget(as, srcs []*model.Actor) bool {
	if len(as) == 0 || as[0] == nil {
		return true
	}
	a := as[0]
	return a.Actor == nil || st.roleOnly(*a.Actor) || sameActor(a, srcs) || ownForces(a, srcs)
}

// askedObject returns the object or indirect object of verb i (the one
// asked or urged), or -1.
func (st *sentence) askedObject(i int) int {
	for _, k := range st.kids[i] {
		if r := baseRel(st.toks[k].Rel); r == "obj" || r == "iobj" {
			return k
		}
	}
	return -1
}

// names reports whether the noun phrase headed by k names an actor with
// a code.
func (st *sentence) names(k int) bool {
	as := st.actorsOfNP(k)
	return len(as) > 0 && as[0] != nil && as[0].Actor != nil
}

// speakingFor refines a bare country that is the subject of verb i to the
// actor who reports it, when verb i is the complement of a verb of saying
// whose subject is that country's government, army or other body, or an
// official of no named country ("the planning minister said Vietnam is
// committed to opening up": Vietnam commits through its government,
// VNMGOV). Other subjects are returned as they are.
func (st *sentence) speakingFor(i int, as []*model.Actor) []*model.Actor {
	if len(as) != 1 || as[0].Actor == nil || as[0].Country == nil || *as[0].Actor != *as[0].Country || *as[0].Actor == "" {
		return as
	}
	t := st.toks[i]
	if baseRel(t.Rel) != "ccomp" || !st.valid(t.Head) || !reportVerbs[lower(st.toks[t.Head])] {
		return as
	}
	k := st.child(t.Head, "nsubj")
	if k < 0 {
		return as
	}
	country := *as[0].Country
	var sp []*model.Actor
	for _, a := range st.actorsOfNP(k) {
		if a.Actor != nil && *a.Actor != "" {
			sp = append(sp, a)
		}
	}
	if len(sp) == 0 {
		// a title the parse scattered over the subject's words
		lo, hi := st.subtree(k)
		for j := lo; j <= hi && j < t.Head && len(sp) == 0; j++ {
			if a := st.actorOf(j); a != nil && a.Actor != nil && *a.Actor != "" {
				sp = []*model.Actor{a}
			} else if kb := st.a.c.kb; kb != nil {
				// a title word: "Planning and Investment Minister Tran"
				if sec, ok := kb.Sector(strings.ToLower(st.toks[j].Text)); ok && len(sec) == 3 {
					sp = []*model.Actor{{Text: st.toks[j].Text, Actor: model.StrPtr(sec)}}
				}
			}
		}
	}
	if len(sp) != 1 || sp[0].Actor == nil || *sp[0].Actor == "" {
		return as
	}
	code := *sp[0].Actor
	switch {
	case sp[0].Country != nil && *sp[0].Country == country && code != country:
		// the country's own government, army or other body speaks
	case (sp[0].Country == nil || *sp[0].Country == "") && len(code) == 3 && code != country:
		code = country + code // an unnamed minister: "the minister said Vietnam is …"
	default:
		return as
	}
	c := *as[0]
	c.Actor = model.StrPtr(code)
	return []*model.Actor{&c}
}
