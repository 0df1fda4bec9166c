package events

import (
	"strings"
	"unicode"

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
	// "scores of Sierra Leonean and Liberian refugees": the "of" phrase
	// with its conjuncts
	if groupHeads[strings.ToLower(st.toks[k].Text)] && st.depth < 3 {
		for _, c := range st.kids[k] {
			if c > k && baseRel(st.toks[c].Rel) == "nmod" && st.caseOf(c) == "of" {
				st.depth++
				as := st.actorsOfNP(c)
				st.depth--
				if len(as) > 0 {
					return as
				}
			}
		}
	}
	heads := []int{k}
	var conj []int
	coordinated := false
	for _, c := range st.kids[k] {
		t := st.toks[c]
		// (a name the tagger read as an adjective: "Mauritania and Senegal")
		if baseRel(t.Rel) == "conj" && (t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON" || t.UPOS == "ADJ" && st.ent[c] >= 0 && isUpper(t.Text)) {
			conj = append(conj, c)
			if st.child(c, "cc") >= 0 {
				coordinated = true
			}
		}
	}
	// a conjunct counts only in a real coordination ("A and B", "A, B or
	// C"), not in a list the parser joined across a comma ("Kyiv, Pentagon
	// officials said")
	if !coordinated && len(conj) > 0 {
		last := conj[len(conj)-1]
		for j := min(k, last) + 1; j < max(k, last); j++ {
			if st.toks[j].UPOS == "CCONJ" {
				coordinated = true
				break
			}
		}
	}
	for _, c := range conj {
		// a conjunct not separated by a comma is a modifier the parser
		// misread as one ("aid to war-torn Mozambique"): keep it too
		if coordinated || !st.punctBetween(k, c) {
			heads = append(heads, c)
		}
	}
	// conjoined modifiers: "Hungarian and Romanian officials"; a
	// conjunct that is one of those modifiers ("Sierra Leonean and
	// Liberian refugees" parsed as two conjuncts) is covered by the split
	splits := map[int][]*model.Actor{}
	covered := map[int]bool{}
	for _, h := range heads {
		if split, lo := st.splitModifiers(h); len(split) > 1 {
			splits[h] = split
			for j := lo; j < h; j++ {
				covered[j] = true
			}
		}
	}
	for _, h := range heads {
		if len(out) >= MaxConjuncts {
			break
		}
		if split, ok := splits[h]; ok {
			out = append(out, split...)
			continue
		}
		if covered[h] {
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

// splitModifiers gives one actor per national modifier of head h when
// several are coordinated: "Hungarian and Romanian officials", "French and
// Egyptian warships".
func (st *sentence) splitModifiers(h int) ([]*model.Actor, int) {
	kb := st.a.c.kb
	if kb == nil || st.toks[h].UPOS != "NOUN" {
		return nil, h
	}
	var mods []string
	coord := false
	lo := h
	for j := h - 1; j >= 0 && h-j <= 8; j-- {
		t := st.toks[j]
		if t.UPOS == "CCONJ" || t.Text == "," {
			coord = coord || t.UPOS == "CCONJ"
			continue
		}
		if t.UPOS != "ADJ" && t.UPOS != "PROPN" && !(t.UPOS == "NOUN" && isUpper(t.Text)) {
			break
		}
		name := t.Text
		if j > 0 && isUpper(st.toks[j-1].Text) && st.toks[j-1].UPOS == "PROPN" {
			// a two-word demonym: "Sierra Leonean"
			if _, ok := kb.Demonym(st.toks[j-1].Text + " " + t.Text); ok {
				name = st.toks[j-1].Text + " " + t.Text
				j--
			}
		}
		if _, ok := kb.Demonym(name); ok {
			mods, lo = append(mods, name), j
		} else if m, ok := kb.LookupName(name, st.a.in.Published); ok && m.Kind == "country" {
			mods, lo = append(mods, name), j // "US and British forces"
		}
	}
	if len(mods) < 2 || !coord {
		return nil, h
	}
	var out []*model.Actor
	for x := len(mods) - 1; x >= 0 && len(out) < MaxConjuncts; x-- {
		m := mods[x]
		c, ok := kb.Resolve([]string{m}, st.toks[h].Text, st.a.in.Published)
		if !ok || c.Code == "" {
			continue
		}
		text := m + " " + st.toks[h].Text
		out = append(out, &model.Actor{Text: text, Name: model.StrPtr(c.Entity), Actor: model.StrPtr(c.Code), Country: model.StrPtr(c.Country)})
	}
	return out, lo
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
			case "compound", "flat", "flat:name", "amod", "nmod:poss", "nmod:desc", "case", "det:poss", "appos":
				if t.Rel == "case" && !isPossessive(t.Text) {
					continue
				}
				if t.Rel == "appos" && (c < j || st.punctBetween(j, c)) {
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
	if st.depth > 3 || k < 0 || k >= len(st.toks) {
		return nil
	}
	if a, ok := st.memo[k]; ok {
		return a
	}
	if st.busy[k] {
		return nil // a cycle through pronouns and possessors
	}
	st.busy[k] = true
	st.depth++
	a := st.peopleLeaders(k, st.ethnic(k, st.resolveActor(k)))
	a = st.chainCountry(k, a)
	st.depth--
	delete(st.busy, k)
	st.memo[k] = a
	return a
}

// ethnic places "ethnic Albanians" (an ethnic group named by a
// nationality, as people) in the country the sentence is about: the
// other country it names most often ("ethnic Albanians demonstrated in
// Serbia" SRBCVL). A group in its own country keeps it.
func (st *sentence) ethnic(k int, a *model.Actor) *model.Actor {
	if a == nil || a.Actor == nil || a.Country == nil || *a.Country == "" {
		return a
	}
	lo, _ := st.coreSpan(k)
	found := false
	for i := max(0, lo-1); i < k; i++ {
		if strings.EqualFold(st.toks[i].Text, "ethnic") {
			found = true
		}
	}
	if !found {
		return a
	}
	own := *a.Country
	count := map[string]int{}
	best, bestN := "", 0
	note := func(c string) {
		if c == "" || c == own {
			return
		}
		count[c]++
		if count[c] > bestN {
			best, bestN = c, count[c]
		}
	}
	for _, e := range st.a.in.Entities {
		if e.Sentence == st.s.Index && e.Actor != nil {
			note(st.countryOf(*e.Actor))
		}
	}
	for _, p := range st.a.in.Places {
		if p.Sentence == st.s.Index && p.Country != nil {
			note(*p.Country)
		}
	}
	if best == "" {
		return a
	}
	b := *a
	b.Actor = model.StrPtr(best + strings.TrimPrefix(*a.Actor, own))
	b.Country = model.StrPtr(best)
	return &b
}

// resolveActor does the work of actorOf.
func (st *sentence) resolveActor(k int) *model.Actor {
	t := st.toks[k]
	in := st.a.in
	kb := st.a.c.kb
	if t.UPOS == "PRON" {
		if sp := st.a.quoteSpeaker(t.Text, t.Start); sp != nil {
			name := *sp.Actor
			if sp.Name != nil {
				name = *sp.Name
			}
			return st.mk(t.Text, name, *sp.Actor, "")
		}
		if !pronounRefs[strings.ToLower(t.Text)] {
			return nil
		}
		if a := st.conditionAddressee(k); a != nil {
			return a
		}
		var weak *model.Actor // a cluster that is only a bare role ("their forces" MIL)
		if cl, ok := in.Chains.At(st.s.Index, k); ok && cl.Actor != "" {
			a := st.mk(t.Text, cl.Name, cl.Actor, cl.Country)
			// "they" is not one person, whatever the chain says
			person := !cl.Plural && cl.Type == "PERSON" && pluralPronouns[strings.ToLower(t.Text)]
			if !st.roleOnly(cl.Actor) && !person {
				return a
			}
			weak = a
		}
		// fallback: the subject of a verb this pronoun's clause hangs from
		// ("Syria says it will …"), then the article's last subject.
		for j, depth := t.Head, 0; j >= 0 && depth < 6; depth++ {
			if s := st.child(j, "nsubj"); s >= 0 && s != k && st.toks[s].UPOS != "PRON" {
				if a := st.actorOf(s); a != nil && a.Actor != nil {
					return &model.Actor{Text: t.Text, Name: a.Name, Actor: a.Actor, Country: a.Country}
				}
			} else if s < 0 && j < k && st.toks[j].UPOS == "VERB" {
				if as := st.scanActor(j, -1); len(as) > 0 {
					a := as[0]
					return &model.Actor{Text: t.Text, Name: a.Name, Actor: a.Actor, Country: a.Country}
				}
			}
			j = st.toks[j].Head
		}
		if weak != nil {
			return weak
		}
		if la := st.a.lastActor; la != nil {
			return &model.Actor{Text: t.Text, Name: la.Name, Actor: la.Actor, Country: la.Country}
		}
		return nil
	}
	if t.UPOS == "NUM" && wordNoun(t.Text) {
		t.UPOS = "NOUN" // "by Burundian militiamen" tagged as a number
	}
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" && t.UPOS != "ADJ" && t.UPOS != "X" {
		return nil
	}
	if timeWords[strings.ToLower(t.Text)] {
		// "Nigeria today announced" read as a compound: the name before
		// the time word; "staged mass demonstrations Saturday": nothing
		for j := len(st.kids[k]) - 1; j >= 0; j-- {
			if c := st.kids[k][j]; c < k && st.toks[c].Rel == "compound" && st.toks[c].UPOS == "PROPN" {
				return st.actorOf(c)
			}
		}
		return nil
	}
	// "a camp for Congolese refugees", "homes of Palestinians": the
	// people who live there
	if settlementNouns[strings.ToLower(t.Text)] {
		for _, c := range st.kids[k] {
			if c > k && baseRel(st.toks[c].Rel) == "nmod" && (st.caseOf(c) == "for" || st.caseOf(c) == "of") {
				if a := st.actorOf(c); a != nil && a.Actor != nil && a.Country != nil && *a.Country != "" && *a.Actor != *a.Country {
					return a
				}
			}
		}
	}
	if groupHeads[strings.ToLower(t.Text)] {
		for _, c := range st.kids[k] {
			if baseRel(st.toks[c].Rel) == "nmod" && st.caseOf(c) == "of" {
				if a := st.actorOf(c); a != nil {
					return a
				}
			}
		}
	}
	lo, hi := st.coreSpan(k)
	// names and national adjectives the parse left out on the left:
	// "Serbian President Vojislav Kostunica"
	for n := 0; n < 3 && lo > 0; n++ {
		p := st.toks[lo-1]
		if (p.UPOS == "PROPN" || p.UPOS == "ADJ" && isUpper(p.Text)) && st.ent[lo-1] >= 0 {
			lo--
			continue
		}
		break
	}
	date := in.Published
	if kb == nil {
		return st.entityActor(lo, hi, st.spanText(lo, hi))
	}
	// a title and qualifiers the parse cut off on the left of a name:
	// "former president Carlos Menem", "Nigerian junior foreign minister
	// Dubem Oniya"; kept only when the longer phrase is a known name
	if t.UPOS == "PROPN" {
		ext := lo
		for n := 0; n < 5 && ext > 0; n++ {
			p := st.toks[ext-1]
			w := strings.ToLower(strings.TrimSuffix(p.Text, "."))
			_, role := kb.Sector(w)
			if titleQualifiers[w] || role && p.UPOS == "NOUN" || (p.UPOS == "PROPN" || p.UPOS == "ADJ" && isUpper(p.Text)) && st.ent[ext-1] >= 0 {
				ext--
				continue
			}
			break
		}
		if ext < lo {
			if m, ok := kb.LookupName(st.spanText(ext, hi), date); ok && m.Code != "" && len(m.Code) > 3 {
				lo = ext
			}
		}
	}
	core := st.spanText(lo, hi)
	// a name that goes on with "of": "Democratic People's Republic of
	// Korea", "President of Armenia"
	for _, c := range st.kids[k] {
		if c > k && baseRel(st.toks[c].Rel) == "nmod" && st.caseOf(c) == "of" && st.toks[c].UPOS == "PROPN" {
			_, h2 := st.coreSpan(c)
			full := st.spanText(lo, h2)
			if m, ok := kb.LookupName(full, date); ok && m.Code != "" {
				return st.mk(full, m.Name, m.Code, m.Country)
			}
		}
	}
	nameMatch, nameOK := kb.LookupName(core, date)
	// an event noun is not an actor ("the protest", "mass demonstrations")
	if t.UPOS == "NOUN" && len(st.nounEntries(k)) > 0 && !nameOK {
		return nil
	}
	if m, ok := nameMatch, nameOK; ok && m.Code != "" {
		// a plural of a nationality ("Iraqi Kurds", "Young Algerians"): civilians
		_, headDem := kb.Demonym(st.toks[k].Text)
		people := m.Kind == "nationality" || headDem
		if ei := st.ent[k]; m.Kind != "country" && m.Kind != "person" && (ei < 0 || in.Entities[ei].Type == "NORP") {
			people = true // a plural head that is no name: "Iraqi Kurds"
		}
		// the plural may end the phrase when the parse made the first
		// word its head ("Bosnian Serbs")
		last := st.toks[max(k, hi)]
		if people && m.Code == m.Country &&
			strings.HasPrefix(last.XPOS, "NN") && strings.HasSuffix(strings.ToLower(last.Text), "s") {
			return st.mk(core, m.Name, m.Country+"CVL", m.Country)
		}
		return st.mk(core, m.Name, m.Code, m.Country)
	}
	mods := st.modsBefore(lo, k)
	// "Vietnamese-led forces", "a US-based group": the country before the
	// hyphen leads the phrase
	for _, c := range st.kids[k] {
		if c < k && st.toks[c].Rel == "amod" && ledWords[strings.ToLower(st.toks[c].Text)] && c >= 2 && st.toks[c-1].Text == "-" {
			if _, ok := kb.Demonym(st.toks[c-2].Text); ok {
				mods = append(mods, st.toks[c-2].Text)
			} else if m, ok := kb.LookupName(st.toks[c-2].Text, date); ok && m.Kind == "country" {
				mods = append(mods, st.toks[c-2].Text)
			}
		}
	}
	// "rebels in the Ivory Coast", "government of Sindh province"
	for _, c := range st.kids[k] {
		if c > k && st.toks[c].Rel == "nmod" {
			switch st.caseOf(c) {
			case "in", "of", "from", "throughout", "across":
				// first: a phrase after the head qualifies the whole, the
				// words just before the head stay its role modifiers
				// ("Security forces in Guinea" GINCOP, not GINMIL)
				l2, h2 := st.coreSpan(c)
				post := []string{st.spanText(l2, h2)}
				// a place only the gazetteer knows ("the government of
				// Sindh province"): its country
				if cname := st.placeCountryName(l2, h2); cname != "" {
					post = append(post, cname)
				}
				mods = append(post, mods...)
			}
		}
	}
	// a pronoun possessor of a role noun: "their forces" -> its country
	if sec, ok := kb.Sector(st.toks[k].Text); ok {
		for _, c := range st.kids[k] {
			if st.toks[c].Rel == "nmod:poss" && st.toks[c].UPOS == "PRON" {
				if a := st.actorOf(c); a != nil && a.Country != nil && *a.Country != "" && len(sec) == 3 {
					// a rebel leader's forces are the rebels ("RSF leader
					// Dagalo said his forces would not surrender")
					if a.Actor != nil && sec == "MIL" {
						if _, roles := actors.Split(*a.Actor); len(roles) > 0 && armedGroup[roles[0]] {
							return st.mk(core, deref(a.Name), *a.Country+roles[0], *a.Country)
						}
					}
					return st.mk(core, deref(a.Name), *a.Country+sec, *a.Country)
				}
			}
		}
	}
	comp, compOK := kb.Resolve(mods, st.toks[k].Text, date)
	if compOK && comp.Code != "" && comp.Country != "" && comp.Sector != "" {
		return st.mk(core, comp.Entity, comp.Code, comp.Country)
	}
	// a titled name whose parse head is its first name ("French National
	// Assembly president Laurent Fabius"): the whole phrase, name last
	if t.UPOS == "PROPN" && hi > k && st.toks[hi].UPOS == "PROPN" {
		words := st.modsBefore(lo, hi)
		if c, ok := kb.Resolve(words, st.toks[hi].Text, date); ok && c.Country != "" && len(c.Code) > 3 {
			return st.mk(core, c.Entity, c.Code, c.Country)
		}
	}
	// a role noun among the modifiers: "opposition groups in Zimbabwe"
	for mi, m := range mods {
		if _, ok := kb.Sector(m); ok {
			rest := append(append([]string{}, mods[:mi]...), mods[mi+1:]...)
			if c, ok := kb.Resolve(rest, m, date); ok && c.Code != "" && c.Country != "" && c.Sector != "" {
				return st.mk(core, c.Entity, c.Code, c.Country)
			}
		}
	}
	// a named actor inside the phrase: "the radical Palestinian Islamic Jihad movement"
	bestLen := 0
	var best *model.Actor
	for ei, e := range in.Entities {
		if e.Sentence != st.s.Index || e.Start < st.toks[lo].Start || e.End > st.toks[hi].End || len(e.Text) <= bestLen {
			continue
		}
		if m, ok := kb.LookupName(e.Text, date); ok && m.Code != "" && len(m.Code) > 3 {
			best, bestLen = st.mk(core, m.Name, m.Code, m.Country), len(e.Text)
		}
		_ = ei
	}
	if best != nil {
		return best
	}
	if compOK && comp.Code != "" {
		// a nationality with a plural of people that has no role of its
		// own ("Iraqi Kurds", "Algerian landowners"): civilians
		if comp.Sector == "" && comp.Country != "" && comp.Code == comp.Country && k > lo &&
			(st.toks[k].XPOS == "NNS" || st.toks[k].XPOS == "NNPS") {
			if _, isDem := kb.Demonym(st.toks[k].Text); !isDem || k > lo {
				return st.mk(core, comp.Entity, comp.Country+"CVL", comp.Country)
			}
		}
		return st.mk(core, comp.Entity, comp.Code, comp.Country)
	}
	// a national modifier on a plural of people or their things
	// ("Algerian landowners", "Palestinian homes"): civilians
	plural := st.toks[k].XPOS == "NNS" && t.UPOS == "NOUN"
	for i := lo; i < k; i++ {
		if iso, ok := kb.Demonym(st.toks[i].Text); ok {
			if plural {
				return st.mk(core, "", iso+"CVL", iso)
			}
			return st.mk(core, "", iso, iso)
		}
	}
	if a := st.entityActor(lo, hi, core); a != nil {
		return a
	}
	// a titled person the knowledge base does not know ("President Levy
	// Mwanawasa"): the one country the sentence names is theirs
	if kb != nil && t.UPOS == "PROPN" {
		if sec := st.titleSector(lo, k); sec != "" {
			if c := st.soleCountry(); c != "" {
				return st.mk(core, "", c+sec, c)
			}
		}
	}
	// a place the knowledge base does not know ("targets in Jericho"):
	// the country the gazetteer puts it in
	if t.UPOS == "PROPN" {
		if c, name, ok := st.placeAt(lo, hi); ok {
			return st.mk(core, name, c, c)
		}
		// a word that is neither a known name nor a place, one letter
		// from a country's name: a misspelling of it ("Ethopia")
		if kb != nil && lo == hi {
			if m, ok := kb.Misspelt(t.Text); ok {
				return st.mk(core, m.Name, m.Code, m.Country)
			}
		}
	}
	if t.UPOS == "PROPN" && st.ent[k] >= 0 {
		e := in.Entities[st.ent[k]]
		// an organisation the knowledge base does not know, named as a
		// civil body ("the Third World Water Forum"): an NGO
		if e.Type == "ORG" && ngoHeads[strings.ToLower(t.Text)] && strings.Contains(e.Text, t.Text) {
			return &model.Actor{Text: core, Name: e.Name, Actor: model.StrPtr("NGO")}
		}
		if e.Type == "PERSON" || e.Type == "ORG" || e.Type == "GPE" || e.Type == "NORP" {
			return &model.Actor{Text: core, Name: e.Name}
		}
	}
	if kb != nil && t.UPOS == "NOUN" {
		if code, ok := kb.Sector(t.Text); ok {
			// "refugees fleeing the civil war in Liberia": the place in
			// the phrase's own clause
			if c := st.subtreePlace(k); c != "" && len(code) == 3 && st.roleOnly(code) {
				return st.mk(core, "", c+code, c)
			}
			return &model.Actor{Text: core, Actor: model.StrPtr(code)}
		}
	}
	return nil
}

// Roots of acts aimed at someone whose condition is about that someone:
// "threatened sanctions on Russia if it attacked Ukraine", "warned Russia
// of consequences if it invaded", "will attack Ukraine if it joins NATO".
var addresseeRoots = map[string]bool{"10": true, "11": true, "12": true, "13": true, "16": true,
	"17": true, "19": true, "20": true}

// conditionAddressee resolves "it" as the subject of an if- or
// unless-clause on a demand, threat, sanction or attack to the party the
// act is aimed at: the nearest other actor before "it" in the governing
// clause. Nil when there is none, and the usual resolution applies.
func (st *sentence) conditionAddressee(k int) *model.Actor {
	t := st.toks[k]
	if !strings.EqualFold(t.Text, "it") || baseRel(t.Rel) != "nsubj" || !st.valid(t.Head) {
		return nil
	}
	v := t.Head
	if baseRel(st.toks[v].Rel) != "advcl" || !st.hasMark(v, "if", "unless") {
		return nil
	}
	for h, n := st.toks[v].Head, 0; st.valid(h) && n < 3; h, n = st.toks[h].Head, n+1 {
		c := st.codeOf(h, 1)
		if len(c) < 2 || !addresseeRoots[c[:2]] {
			if r := baseRel(st.toks[h].Rel); r != "xcomp" && r != "ccomp" {
				return nil
			}
			continue
		}
		var subj *model.Actor
		if s := st.child(h, "nsubj"); s >= 0 {
			subj = st.actorOf(s)
		}
		best := -1
		for _, m := range st.clauseNouns(h) {
			if m < k && m > best && st.toks[m].UPOS != "PRON" {
				if a := st.actorOf(m); a != nil && a.Actor != nil && !st.roleOnly(*a.Actor) &&
					(subj == nil || subj.Actor == nil || *subj.Actor != *a.Actor) {
					best = m
				}
			}
		}
		if best >= 0 {
			a := *st.actorOf(best)
			a.Text = t.Text
			return &a
		}
		return nil
	}
	return nil
}

// Roles of armed groups that are not the state's: their forces are theirs.
var armedGroup = map[string]bool{"REB": true, "INS": true, "SEP": true, "UAF": true}

// chainCountry gives a bare role ("the army", "the rebels") the country
// coreference found for it in an earlier sentence ("Sudan's army … The
// army denied targeting civilians"), when that chain's actor has the same
// role.
func (st *sentence) chainCountry(k int, a *model.Actor) *model.Actor {
	if a == nil || a.Actor == nil || !st.roleOnly(*a.Actor) || st.toks[k].UPOS != "NOUN" {
		return a
	}
	cl, ok := st.a.in.Chains.At(st.s.Index, k)
	if !ok || cl.Actor == "" || cl.Country == "" {
		return a
	}
	_, roles := actors.Split(cl.Actor)
	for _, r := range roles {
		if r == *a.Actor {
			b := *a
			b.Actor, b.Country = model.StrPtr(cl.Actor), model.StrPtr(cl.Country)
			if cl.Name != "" {
				b.Name = model.StrPtr(cl.Name)
			}
			return &b
		}
	}
	return a
}

// peopleLeaders makes the leaders of a people the knowledge base does not
// know ("Yoruba leaders", "Tamil leaders") elites: they are no
// government, so the bare GOV of "leaders" becomes ELI.
func (st *sentence) peopleLeaders(k int, a *model.Actor) *model.Actor {
	if a == nil || a.Actor == nil || *a.Actor != "GOV" {
		return a
	}
	lo, _ := st.coreSpan(k)
	if !st.unknownPeople(lo, k) {
		return a
	}
	b := *a
	b.Actor = model.StrPtr("ELI")
	return &b
}

// unknownPeople reports whether a word in [lo, k) is a nationality or
// group name (NORP) that resolved to no actor.
func (st *sentence) unknownPeople(lo, k int) bool {
	for i := lo; i < k; i++ {
		ei := st.ent[i]
		if ei < 0 {
			continue
		}
		e := st.a.in.Entities[ei]
		if e.Type == "NORP" && (e.Actor == nil || *e.Actor == "") {
			return true
		}
	}
	return false
}

// subtreePlace is the country of a place in the subtree of k after
// in/near/at/… (not "to": "refugees who fled to Chad" are not Chad's), ""
// when none.
func (st *sentence) subtreePlace(k int) string {
	lo, hi := st.subtree(k)
	if hi-lo > 20 {
		return ""
	}
	for _, p := range st.a.in.Places {
		if p.Country == nil || *p.Country == "" || p.Start < st.toks[lo].Start || p.End > st.toks[hi].End || !st.placePrep(p.Start) {
			continue
		}
		return *p.Country
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// roleOnly reports whether code is a bare role code with no country or
// international body ("REB", "MIL").
func (st *sentence) roleOnly(code string) bool {
	if len(code) != 3 || st.countryOf(code) != "" {
		return false
	}
	if kb := st.a.c.kb; kb != nil && kb.IsRegion(code) {
		return false // "the West" is not a role of the sentence's country
	}
	switch code {
	case "IGO", "NGO", "IMG", "MNC", "UNO":
		return false
	}
	return true
}

func isPossessive(w string) bool {
	return w == "'s" || w == "'" || w == "’s" || w == "’"
}

func (st *sentence) punctBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for i := a + 1; i < b; i++ {
		if st.toks[i].UPOS == "PUNCT" {
			return true
		}
	}
	return false
}

// Participles that make the country before their hyphen the actor's own:
// "Vietnamese-led forces", "a US-based group" (not "-backed": a backer is
// not the actor).
var ledWords = map[string]bool{"led": true, "based": true, "run": true, "commanded": true}

// Head words that name a civil body: an organisation the knowledge base
// does not know, so named, is coded NGO. Words that as often name state
// bodies ("Council", "Committee", "Agency", "Union", "Fund") are left out.
var ngoHeads = map[string]bool{"forum": true, "foundation": true, "institute": true, "association": true,
	"society": true, "federation": true, "network": true, "coalition": true, "trust": true,
	"watch": true, "initiative": true, "centre": true, "center": true}

// Words before a title: "former president", "junior foreign minister".
var titleQualifiers = map[string]bool{"former": true, "ex": true, "junior": true, "senior": true, "deputy": true,
	"acting": true, "foreign": true, "defence": true, "defense": true, "interior": true, "prime": true, "vice": true}

// Heads that stand for their "of" phrase: "a group of Moroccan diplomats".
var groupHeads = map[string]bool{"group": true, "number": true, "team": true, "delegation": true, "contingent": true,
	"batch": true, "patch": true, "band": true, "dozens": true, "hundreds": true, "thousands": true, "some": true,
	"members": true, "member": true, "couple": true, "handful": true, "crowd": true, "unit": true, "squad": true,
	"tens": true, "scores": true, "millions": true, "most": true, "many": true, "all": true}

func (st *sentence) modsBefore(lo, k int) []string {
	var mods []string
	for i := lo; i < k; i++ {
		if st.toks[i].UPOS == "DET" || st.toks[i].UPOS == "PUNCT" || st.toks[i].Rel == "case" {
			continue
		}
		w := st.toks[i].Text
		// a misspelt country no place explains: "Quatar's emir"
		if kb := st.a.c.kb; kb != nil && st.toks[i].UPOS == "PROPN" && len(w) >= 6 {
			if m, ok := kb.Misspelt(w); ok {
				if _, _, place := st.placeAt(i, i); !place {
					w = m.Name
				}
			}
		}
		mods = append(mods, w)
	}
	return mods
}

// entityActor returns the actor coreference gave an entity mention inside
// tokens [lo, hi], preferring the one under the head.
func (st *sentence) entityActor(lo, hi int, core string) *model.Actor {
	in := st.a.in
	for i := hi; i >= lo; i-- {
		if ei := st.ent[i]; ei >= 0 && in.Entities[ei].Actor != nil && *in.Entities[ei].Actor != "" {
			e := in.Entities[ei]
			return st.mk(core, deref(e.Name), *e.Actor, "")
		}
	}
	return nil
}

func isUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// Number words: a word tagged as a number that is none of these is a noun
// the tagger misread ("militiamen").
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "hundreds": true, "thousand": true,
	"thousands": true, "million": true, "millions": true, "billion": true, "dozen": true, "dozens": true,
	"score": true, "scores": true, "tens": true, "half": true, "zero": true}

// wordNoun reports whether w, tagged as a number, is an alphabetic word
// that is no number word.
func wordNoun(w string) bool {
	if len(w) < 3 || numberWords[strings.ToLower(w)] {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return !strings.HasSuffix(strings.ToLower(w), "teen") && !strings.HasSuffix(strings.ToLower(w), "ty")
}

// soleCountry returns the country when the sentence's entities name
// exactly one, else "".
// borderCountry reports whether the name starting at byte offset start
// qualifies a border (see borderToken).
func (st *sentence) borderCountry(start int) bool {
	for k, t := range st.toks {
		if t.Start == start {
			return st.borderToken(k)
		}
	}
	return false
}

// borderToken reports whether the name at token k qualifies a border ("the
// border with Belarus", "Belarus's border", "the Belarusian frontier"):
// the country across it, which says nothing about whose the troops at the
// border are.
func (st *sentence) borderToken(k int) bool {
	for n := 0; n < 3 && st.valid(k); n++ {
		h := st.toks[k].Head
		if !st.valid(h) {
			return false
		}
		if w := lower(st.toks[h]); w == "border" || w == "frontier" {
			return true
		}
		if r := baseRel(st.toks[k].Rel); r != "flat" && r != "compound" {
			return false
		}
		k = h
	}
	return false
}

func (st *sentence) soleCountry() string {
	if st.sole != nil {
		return *st.sole
	}
	found := ""
	for _, e := range st.a.in.Entities {
		if e.Sentence != st.s.Index || e.Actor == nil || st.borderCountry(e.Start) {
			continue
		}
		c := st.countryOf(*e.Actor)
		if c == "" {
			continue
		}
		if found != "" && found != c {
			found = ""
			break
		}
		found = c
	}
	st.sole = &found
	return found
}

// Abbreviated titles: "Gen. Prosper Avril", "Sen. Smith".
var titleAbbrev = map[string]string{"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
	"adm": "admiral", "sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
	"capt": "captain", "cpt": "captain", "brig": "brigadier", "sgt": "sergeant", "amb": "ambassador"}

// titleSector is the role of the title before the name at k: inside the
// phrase [lo, k) or just before it, across a hyphen ("Vice-President Moody
// Awori") and abbreviations ("Lt. Gen. Prosper Avril"); "" when none.
func (st *sentence) titleSector(lo, k int) string {
	// the title may stand just before the phrase when the parse left it
	// out, but only in an unbroken run of nouns: in "Russian forces
	// attacked Kharkiv" the forces are no title of Kharkiv
	first := lo
	for i := lo - 1; i >= 0 && i >= lo-3; i-- {
		tx := st.toks[i].Text
		switch st.toks[i].UPOS {
		case "PROPN", "NOUN":
		case "PUNCT":
			// "Lt. Gen.", "Vice-President" (which the tagger may call punctuation)
			if tx != "." && tx != "-" && !strings.ContainsFunc(tx, unicode.IsLetter) {
				return st.titleIn(first, k)
			}
		default:
			return st.titleIn(first, k)
		}
		first = i
	}
	return st.titleIn(first, k)
}

// titleIn is the role of the first title word in [lo, k).
func (st *sentence) titleIn(lo, k int) string {
	kb := st.a.c.kb
	for i := lo; i < k; i++ {
		w := strings.ToLower(strings.TrimSuffix(st.toks[i].Text, "."))
		if j := strings.LastIndexByte(w, '-'); j >= 0 {
			w = w[j+1:]
		}
		if full, ok := titleAbbrev[w]; ok {
			w = full
		}
		if sec, ok := kb.Sector(w); ok && len(sec) == 3 {
			return sec
		}
	}
	return ""
}

// placeCountryName is the name of the country of a place inside tokens
// [lo, hi] that the knowledge base does not know by itself, "" when none.
func (st *sentence) placeCountryName(lo, hi int) string {
	kb := st.a.c.kb
	if kb == nil || lo < 0 || hi >= len(st.toks) || lo > hi {
		return ""
	}
	start, end := st.toks[lo].Start, st.toks[hi].End
	for _, p := range st.a.in.Places {
		if p.Country == nil || *p.Country == "" || p.Start < start || p.End > end {
			continue
		}
		if m, ok := kb.LookupName(p.Text, st.a.in.Published); ok && m.Country != "" {
			return "" // known: the phrase resolves by itself
		}
		if name, ok := kb.CountryName(*p.Country); ok {
			return name
		}
	}
	return ""
}

// placeAt returns the country and name of a resolved place that lies
// within tokens [lo, hi] and ends with the head token hi.
func (st *sentence) placeAt(lo, hi int) (string, string, bool) {
	if lo < 0 || hi >= len(st.toks) || lo > hi {
		return "", "", false
	}
	start, end := st.toks[lo].Start, st.toks[hi].End
	for _, p := range st.a.in.Places {
		if p.Country == nil || *p.Country == "" || p.Start < start || p.End > end || p.End < st.toks[hi].End {
			continue
		}
		return *p.Country, p.Name, true
	}
	return "", "", false
}

var pluralPronouns = map[string]bool{"they": true, "them": true, "their": true, "theirs": true, "themselves": true}
