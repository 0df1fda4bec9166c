package events

import (
	"strings"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

var pronounRefs = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true,
	"its": true, "their": true, "his": true, "her": true, "them": true, "him": true}

// actorsOfNP returns the actors of the noun phrase headed by k and of its
// conjuncts ("the United States and Jordan"; "Hungarian and Romanian
// officials"), at most MaxConjuncts.
func (st *sentence) actorsOfNP(k int) []*model.Actor {
	var out []*model.Actor
	heads := []int{k}
	for _, c := range st.kids[k] {
		t := st.toks[c]
		if baseRel(t.Rel) == "conj" && (t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON") {
			heads = append(heads, c)
		}
	}
	for _, h := range heads {
		if len(out) >= MaxConjuncts {
			break
		}
		// conjoined modifiers: "Hungarian and Romanian officials"
		if split := st.splitModifiers(h); len(split) > 1 {
			out = append(out, split...)
			continue
		}
		if a := st.actorOf(h); a != nil {
			out = append(out, a)
		}
	}
	if len(out) > MaxConjuncts {
		out = out[:MaxConjuncts]
	}
	return out
}

// splitModifiers gives one actor per conjoined national modifier of head h.
func (st *sentence) splitModifiers(h int) []*model.Actor {
	kb := st.a.c.kb
	if kb == nil || st.toks[h].UPOS != "NOUN" {
		return nil
	}
	for _, m := range st.kids[h] {
		r := baseRel(st.toks[m].Rel)
		if r != "amod" && r != "compound" {
			continue
		}
		mods := []int{m}
		for _, c := range st.kids[m] {
			if baseRel(st.toks[c].Rel) == "conj" {
				mods = append(mods, c)
			}
		}
		if len(mods) < 2 {
			continue
		}
		var out []*model.Actor
		for _, x := range mods {
			if len(out) >= MaxConjuncts {
				break
			}
			c, ok := kb.Resolve([]string{st.toks[x].Text}, st.toks[h].Text, st.a.in.Published)
			if !ok || c.Code == "" {
				continue
			}
			text := st.toks[x].Text + " " + st.toks[h].Text
			out = append(out, &model.Actor{Text: text, Name: model.StrPtr(c.Entity), Actor: model.StrPtr(c.Code), Country: model.StrPtr(c.Country)})
		}
		return out
	}
	return nil
}

// coreSpan returns the token range [lo, hi] of the noun phrase core of k:
// the head with its compounds, flat names, adjectives and possessors.
func (st *sentence) coreSpan(k int) (int, int) {
	lo, hi := k, k
	var walk func(j, depth int)
	walk = func(j, depth int) {
		if depth > 3 {
			return
		}
		for _, c := range st.kids[j] {
			t := st.toks[c]
			switch t.Rel {
			case "compound", "flat", "flat:name", "amod", "nmod:poss", "nmod:desc", "case", "det:poss":
				if t.Rel == "case" && c > k {
					continue
				}
				if t.Rel == "case" && depth == 0 {
					continue
				}
				if c < lo {
					lo = c
				}
				if c > hi {
					hi = c
				}
				walk(c, depth+1)
			}
		}
	}
	walk(k, 0)
	if hi-lo > 12 {
		lo, hi = k, k
	}
	return lo, hi
}

func (st *sentence) spanText(lo, hi int) string {
	text := st.a.in.Text
	s, e := st.toks[lo].Start, st.toks[hi].End
	if s >= 0 && e <= len(text) && s < e {
		return text[s:e]
	}
	var parts []string
	for i := lo; i <= hi; i++ {
		parts = append(parts, st.toks[i].Text)
	}
	return strings.Join(parts, " ")
}

// npText is the text of the noun phrase core of k.
func (st *sentence) npText(k int) string {
	lo, hi := st.coreSpan(k)
	return st.spanText(lo, hi)
}

func (st *sentence) countryOf(code string) string {
	if len(code) >= 3 && st.a.c.kb != nil {
		if _, ok := st.a.c.kb.CountryName(code[:3]); ok {
			return code[:3]
		}
	}
	return ""
}

func (st *sentence) mk(text, name, code, country string) *model.Actor {
	if country == "" {
		country = st.countryOf(code)
	}
	return &model.Actor{Text: text, Name: model.StrPtr(name), Actor: model.StrPtr(code), Country: model.StrPtr(country)}
}

// actorOf resolves the noun phrase headed by k to an actor, or nil when it
// names none.
func (st *sentence) actorOf(k int) *model.Actor {
	t := st.toks[k]
	in := st.a.in
	kb := st.a.c.kb
	if t.UPOS == "PRON" {
		if !pronounRefs[strings.ToLower(t.Text)] {
			return nil
		}
		if cl, ok := in.Chains.At(st.s.Index, k); ok && cl.Actor != "" {
			return st.mk(t.Text, cl.Name, cl.Actor, cl.Country)
		}
		// fallback: the subject of a verb this pronoun's clause hangs from
		// ("Syria says it will …"), then the article's last subject.
		for j, depth := t.Head, 0; j >= 0 && depth < 6; depth++ {
			if s := st.child(j, "nsubj"); s >= 0 && s != k && st.toks[s].UPOS != "PRON" {
				if a := st.actorOf(s); a != nil && a.Actor != nil {
					return &model.Actor{Text: t.Text, Name: a.Name, Actor: a.Actor, Country: a.Country}
				}
			}
			j = st.toks[j].Head
		}
		if la := st.a.lastActor; la != nil {
			return &model.Actor{Text: t.Text, Name: la.Name, Actor: la.Actor, Country: la.Country}
		}
		return nil
	}
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" && t.UPOS != "ADJ" && t.UPOS != "X" {
		return nil
	}
	lo, hi := st.coreSpan(k)
	core := st.spanText(lo, hi)
	date := in.Published
	if kb != nil {
		if m, ok := kb.LookupName(core, date); ok && m.Code != "" {
			return st.mk(core, m.Name, m.Code, m.Country)
		}
	}
	if ei := st.ent[k]; ei >= 0 {
		e := in.Entities[ei]
		if e.Actor != nil && *e.Actor != "" {
			name := ""
			if e.Name != nil {
				name = *e.Name
			}
			return st.mk(core, name, *e.Actor, "")
		}
	}
	if kb != nil {
		var mods []string
		for i := lo; i < k; i++ {
			if st.toks[i].UPOS == "DET" || st.toks[i].UPOS == "PUNCT" || st.toks[i].Rel == "case" {
				continue
			}
			mods = append(mods, st.toks[i].Text)
		}
		// "rebels in the Ivory Coast", "government of Sindh province"
		for _, c := range st.kids[k] {
			if c > k && st.toks[c].Rel == "nmod" {
				switch st.caseOf(c) {
				case "in", "of", "from":
					l2, h2 := st.coreSpan(c)
					mods = append(mods, st.spanText(l2, h2))
				}
			}
		}
		if c, ok := kb.Resolve(mods, st.toks[k].Text, date); ok && c.Code != "" {
			return st.mk(core, c.Entity, c.Code, c.Country)
		}
		// a modifier naming a country: "Palestinian homes", "Israeli tanks"
		for i := lo; i < k; i++ {
			if ei := st.ent[i]; ei >= 0 && in.Entities[ei].Actor != nil && *in.Entities[ei].Actor != "" {
				e := in.Entities[ei]
				return st.mk(core, deref(e.Name), *e.Actor, "")
			}
			if iso, ok := kb.Demonym(st.toks[i].Text); ok {
				return st.mk(core, "", iso, iso)
			}
		}
	}
	for i := lo; i <= hi; i++ {
		if ei := st.ent[i]; ei >= 0 && in.Entities[ei].Actor != nil && *in.Entities[ei].Actor != "" {
			e := in.Entities[ei]
			return st.mk(core, deref(e.Name), *e.Actor, "")
		}
	}
	if t.UPOS == "PROPN" && st.ent[k] >= 0 {
		e := in.Entities[st.ent[k]]
		if e.Type == "PERSON" || e.Type == "ORG" || e.Type == "GPE" || e.Type == "NORP" {
			return &model.Actor{Text: core, Name: e.Name}
		}
	}
	if kb != nil && t.UPOS == "NOUN" {
		if code, ok := kb.Sector(t.Text); ok {
			return &model.Actor{Text: core, Actor: model.StrPtr(code)}
		}
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// roleOnly reports whether code is a bare role code with no country.
func roleOnly(code string) bool {
	c, roles := actors.Split(code)
	return len(roles) == 0 && len(code) == 3 && c == code
}
