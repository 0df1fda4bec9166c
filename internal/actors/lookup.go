package actors

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxNameWords bounds the words of a phrase LookupName will consider.
const maxNameWords = 16

// lookupCtx carries what the words before a name said about it: a title
// ("President", "Mr"), the office roles the title fits, "former", and a
// qualifier (a country, or an institution or IGO: "Kremlin spokesman").
type lookupCtx struct {
	titled  bool
	roles   uint32
	former  bool
	country string // country code from a qualifier
	qual    string // full code of a non-country qualifier
}

// LookupName resolves a proper-noun phrase ("Zelenskiy", "the Kremlin",
// "Ukrainian President Volodymyr Zelenskyy", "NATO", "Côte d’Ivoire's") to
// an actor. Matching ignores case (except for short acronyms such as "US" or
// "WHO", which must be written in capitals), diacritics, a leading "the", a
// possessive 's and the kind of apostrophe.
//
// People resolve by the article's date: a name gets the code of the office
// its holder had on that day; a full name (or an unambiguous surname)
// outside every office gives the country + ELI code of a former official;
// first names and nicknames ("Boris") match only in office, and ambiguous
// surnames ("Austin", "May") only after a title ("Secretary Austin", "Mrs
// May"). Titles and a leading country or institution ("Russian Foreign
// Minister", "Kremlin spokesman") are stripped and narrow the choice; when
// the rest is not a known name, the qualifier and title are composed into a
// code instead ("Gambian President Dawda Jawara" -> GMBGOV, Kind composed).
// A zero date means unknown: each person's latest office is used and
// nicknames do not match.
//
// Common nouns ("the president") are not names: they return false.
func (kb *KB) LookupName(phrase string, date time.Time) (Match, bool) {
	toks := tokenize(phrase)
	if len(toks) == 0 || len(toks) > maxNameWords {
		return Match{}, false
	}
	if m, ok := kb.resolve(toks, date, lookupCtx{}); ok {
		return m, true
	}
	if d, ok := kb.demonyms[joinKeys(toks)]; ok {
		m := Match{Kind: KindNationality, Code: d.code, Country: d.code, Role: "nationality"}
		if d.sub {
			m.Kind = KindPlace
		}
		if n, ok := kb.CountryName(d.code); ok {
			m.Name = n
		}
		return m, true
	}

	// Strip a qualifier and titles from the left ("Russian Foreign
	// Minister", "Kremlin spokesman", "President of Armenia").
	var ctx lookupCtx
	var pre []tok // the qualifier and title words, in order, without "of"
	i := 0
	setQual := func(e entity) {
		if e.kind == KindCountry || e.kind == KindNationality || e.kind == KindPlace {
			ctx.country = e.country
		} else {
			ctx.qual, ctx.country = e.code, e.country
		}
	}
	for i < len(toks) {
		if ctx.country == "" && ctx.qual == "" {
			if n, e := kb.qualifier(toks[i:], date); n > 0 && i+n < len(toks) {
				setQual(e)
				pre = append(pre, toks[i:i+n]...)
				i += n
				continue
			}
		}
		if n, te := kb.title(toks[i:]); n > 0 {
			ctx.titled = true
			ctx.roles |= te.roles
			ctx.former = ctx.former || te.former
			pre = append(pre, toks[i:i+n]...)
			i += n
			// "President of Armenia"
			if ctx.country == "" && ctx.qual == "" && i+1 < len(toks) && toks[i].key == "of" {
				if n, e := kb.qualifier(toks[i+1:], date); n > 0 {
					setQual(e)
					pre = append(toks[i+1:i+1+n:i+1+n], pre...)
					i += 1 + n
				}
			}
			continue
		}
		break
	}
	if i == 0 {
		return Match{}, false
	}
	if i >= len(toks) {
		// only a qualifier and a title: "President of Armenia", "Russian President"
		if ctx.titled && (ctx.country != "" || ctx.qual != "") {
			if c, ok := kb.composeTokens(pre, date); ok {
				return Match{Kind: KindComposed, Code: c.Code, Country: c.Country, Name: strings.TrimSpace(phrase), Role: c.Sector}, true
			}
		}
		return Match{}, false
	}
	rest := toks[i:]
	if m, ok := kb.resolve(rest, date, ctx); ok {
		// A title never stands before a place: "New Jersey" and "New
		// Mexico" are not qualified mentions of Jersey and Mexico.
		if ctx.titled && isGeographic(m.Kind) {
			return Match{}, false
		}
		return m, true
	}
	// The rest is a role phrase ("Russian Defence Ministry") ...
	if l, ok := kb.roleSuffix(rest); ok && l == len(rest) {
		if c, ok := kb.composeTokens(toks, date); ok {
			return Match{Kind: KindComposed, Code: c.Code, Country: c.Country, Name: strings.TrimSpace(phrase), Role: c.Sector}, true
		}
		return Match{}, false
	}
	// ... or an unknown name after a qualifier and a title ("Gambian
	// President Dawda Jawara"): the code comes from the words before it.
	if ctx.titled && (ctx.country != "" || ctx.qual != "") && looksLikeName(rest) {
		if c, ok := kb.composeTokens(pre, date); ok && c.Code != "" {
			return Match{Kind: KindComposed, Code: c.Code, Country: c.Country, Name: origText(rest), Role: c.Sector}, true
		}
	}
	return Match{}, false
}

// Demonym returns the country code for an adjective or demonym ("Russian",
// "Ukrainians", "British", "Emirati", "North Korean"). Codes are ISO 3166-1
// alpha-3 except Kosovo's CAMEO code KSV; sub-national adjectives
// ("Chechen", "Tigrayan") give the code of their state.
func (kb *KB) Demonym(word string) (string, bool) {
	d, ok := kb.demonyms[joinKeys(tokenize(word))]
	return d.code, ok
}

// looksLikeName reports whether words look like a proper name: the last word
// and at least one word start with a capital letter or a digit.
func looksLikeName(toks []tok) bool {
	capital := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return len(toks) > 0 && capital(toks[len(toks)-1].orig)
}

// title matches the longest title at the start of toks.
func (kb *KB) title(toks []tok) (int, titleEntry) {
	for l := min(kb.maxTitle, len(toks)); l >= 1; l-- {
		if te, ok := kb.titles[joinKeys(toks[:l])]; ok {
			return l, te
		}
	}
	return 0, titleEntry{}
}

// entity is what a modifier or qualifier word resolved to.
type entity struct {
	kind    Kind
	code    string
	country string
	name    string
	sub     bool // a sub-national or breakaway place
}

// qualifier matches the longest country, demonym, institution or IGO at the
// start of toks ("Russian", "Russia's", "US", "Kremlin", "NATO"). People are
// not qualifiers.
func (kb *KB) qualifier(toks []tok, date time.Time) (int, entity) {
	for l := min(max(kb.maxName, 4), len(toks)); l >= 1; l-- {
		span := toks[:l]
		k := joinKeys(span)
		if d, ok := kb.demonyms[k]; ok {
			return l, entity{kind: KindNationality, code: d.code, country: d.code, sub: d.sub}
		}
		if m, ok := kb.resolveNonPerson(k, allUpper(span), date, ""); ok && m.Kind != KindRegion {
			return l, entity{kind: m.Kind, code: m.Code, country: m.Country, name: m.Name, sub: m.Kind == KindPlace}
		}
	}
	return 0, entity{}
}

// resolve looks toks up as one name.
func (kb *KB) resolve(toks []tok, date time.Time, ctx lookupCtx) (Match, bool) {
	k := joinKeys(toks)
	upper := allUpper(toks)
	if m, ok := kb.resolveNonPerson(k, upper, date, ctx.country); ok {
		return m, true
	}
	refs := kb.names[k]
	var persons []ref
	for _, r := range refs {
		if r.kind == refPerson && (!r.cs || upper) {
			persons = append(persons, r)
		}
	}
	if len(persons) == 0 {
		return Match{}, false
	}
	return kb.resolvePerson(persons, date, ctx)
}

// kindRank orders non-person entities sharing a key: the first wins.
func kindRank(k refKind) int {
	switch k {
	case refCountry, refPlace:
		return 0
	case refIGO:
		return 1
	case refInst:
		return 2
	case refCapital, refPlaceCapital:
		return 3
	default:
		return 4
	}
}

// resolveNonPerson resolves a key to a country, place, capital, region, IGO
// or institution. When country is set, entities of another country are
// skipped.
func (kb *KB) resolveNonPerson(k string, upper bool, date time.Time, country string) (Match, bool) {
	best, rank := -1, 99
	refs := kb.names[k]
	var found Match
	for i, r := range refs {
		if r.kind == refPerson || (r.cs && !upper) {
			continue
		}
		m := kb.matchFor(r, date)
		if country != "" && m.Country != country {
			continue
		}
		if rk := kindRank(r.kind); rk < rank {
			best, rank, found = i, rk, m
		}
	}
	return found, best >= 0
}

// matchFor builds the Match of a non-person ref.
func (kb *KB) matchFor(r ref, date time.Time) Match {
	switch r.kind {
	case refCountry, refPlace:
		c := kb.countries[r.idx]
		kind := KindCountry
		if r.kind == refPlace {
			kind = KindPlace
		}
		return Match{Kind: kind, Code: c.code, Country: c.code, Name: c.name, Role: c.status}
	case refCapital, refPlaceCapital:
		cp := kb.capitals[r.idx]
		c := kb.countries[cp.country]
		if r.kind == refPlaceCapital {
			return Match{Kind: KindPlace, Code: c.code, Country: c.code, Name: c.capitals[0], Role: "capital"}
		}
		return Match{Kind: KindCapital, Code: c.code + "GOV", Country: c.code, Name: c.capitals[0], Role: "capital"}
	case refRegion:
		rg := kb.regions[r.idx]
		return Match{Kind: KindRegion, Code: rg.code, Name: rg.name, Role: "region"}
	case refIGO:
		g := kb.igos[r.idx]
		return Match{Kind: igoKinds[g.kind], Code: g.code, Name: g.name, Role: g.kind}
	case refInst:
		in := kb.insts[r.idx]
		p := pickPeriod(in.periods, date)
		return Match{Kind: p.kind, Code: p.code, Country: kb.countryOf(p.code), Name: in.name, Role: string(p.kind), Start: p.start, End: p.end}
	}
	return Match{}
}

// pickPeriod chooses the period covering date, else the nearest one; with
// no date, the latest.
func pickPeriod(ps []period, date time.Time) period {
	if len(ps) == 1 {
		return ps[0]
	}
	if date.IsZero() {
		best := ps[0]
		for _, p := range ps[1:] {
			if p.start.After(best.start) {
				best = p
			}
		}
		return best
	}
	var best period
	bestDist := time.Duration(1<<63 - 1)
	for _, p := range ps {
		d := distance(p.start, p.end, date)
		if d == 0 {
			return p
		}
		if d < bestDist {
			best, bestDist = p, d
		}
	}
	return best
}

// distance is how far date lies outside [start, end] (zero bounds are open).
func distance(start, end, date time.Time) time.Duration {
	switch {
	case !start.IsZero() && date.Before(start):
		return start.Sub(date)
	case !end.IsZero() && date.After(end.Add(24*time.Hour-time.Nanosecond)):
		return date.Sub(end)
	}
	return 0
}

// covers reports whether a term includes date (end inclusive).
func (t term) covers(date time.Time) bool {
	return distance(t.start, t.end, date) == 0
}

// termAt returns the term of person p covering date, preferring one whose
// role fits roles; -1 if none.
func (kb *KB) termAt(p int, date time.Time, roles uint32) int {
	best := -1
	for i, t := range kb.people[p].terms {
		if !t.covers(date) {
			continue
		}
		fits := roles != 0 && roleFits(t.role, roles)
		switch {
		case best < 0:
			best = i
		case fits && !roleFits(kb.people[p].terms[best].role, roles):
			best = i
		case fits == (roles != 0 && roleFits(kb.people[p].terms[best].role, roles)) && t.start.After(kb.people[p].terms[best].start):
			best = i
		}
	}
	return best
}

// latestTerm returns the index of the person's most recent term, preferring
// one whose role fits roles.
func (kb *KB) latestTerm(p int, roles uint32) int {
	best := 0
	terms := kb.people[p].terms
	for i, t := range terms {
		bf := roles != 0 && roleFits(terms[best].role, roles)
		tf := roles != 0 && roleFits(t.role, roles)
		if (tf && !bf) || (tf == bf && t.start.After(terms[best].start)) {
			best = i
		}
	}
	return best
}

func roleFits(role string, roles uint32) bool {
	b, _ := roleBit(role)
	return b&roles != 0
}

// personFits checks a person against a qualifier: some term must be in the
// qualifier's country or carry the qualifier's code.
func (kb *KB) personFits(p int, ctx lookupCtx) bool {
	if ctx.country == "" && ctx.qual == "" {
		return true
	}
	for _, t := range kb.people[p].terms {
		if ctx.qual != "" && strings.HasPrefix(t.code, ctx.qual) {
			return true
		}
		if ctx.country != "" && t.country == ctx.country {
			return true
		}
	}
	return false
}

// resolvePerson picks the person (and office) a name means at date.
func (kb *KB) resolvePerson(refs []ref, date time.Time, ctx lookupCtx) (Match, bool) {
	var cands []int
	for _, r := range refs {
		switch {
		case r.flag == aliasAmbiguous && !ctx.titled:
			continue
		case r.flag == aliasNickname && (date.IsZero() || kb.termAt(r.idx, date, 0) < 0):
			continue
		case !kb.personFits(r.idx, ctx):
			continue
		}
		cands = append(cands, r.idx)
	}
	if len(cands) == 0 {
		return Match{}, false
	}
	if date.IsZero() {
		return kb.pickUndated(cands, ctx)
	}
	type hit struct{ p, t int }
	var in []hit
	for _, p := range cands {
		if t := kb.termAt(p, date, ctx.roles); t >= 0 {
			in = append(in, hit{p, t})
		}
	}
	if len(in) > 1 && ctx.roles != 0 {
		var fit []hit
		for _, h := range in {
			if roleFits(kb.people[h.p].terms[h.t].role, ctx.roles) {
				fit = append(fit, h)
			}
		}
		if len(fit) > 0 {
			in = fit
		}
	}
	switch {
	case len(in) == 1:
		return kb.personMatch(in[0].p, in[0].t, date, ctx.former), true
	case len(in) > 1:
		code := kb.people[in[0].p].terms[in[0].t].code
		for _, h := range in[1:] {
			if kb.people[h.p].terms[h.t].code != code {
				return Match{}, false
			}
		}
		t := kb.people[in[0].p].terms[in[0].t]
		if ctx.former {
			return Match{}, false
		}
		return Match{Kind: KindPerson, Code: code, Country: t.country, Ambiguous: true}, true
	}
	// Nobody holds an office at the date: a former (or future) official.
	if len(cands) > 1 && ctx.roles != 0 {
		var fit []int
		for _, p := range cands {
			for _, t := range kb.people[p].terms {
				if roleFits(t.role, ctx.roles) {
					fit = append(fit, p)
					break
				}
			}
		}
		cands = fit
	}
	if len(cands) != 1 {
		return Match{}, false
	}
	return kb.formerMatch(cands[0], date), true
}

// pickUndated resolves a name without a date: each person's latest office.
func (kb *KB) pickUndated(cands []int, ctx lookupCtx) (Match, bool) {
	if len(cands) > 1 && ctx.roles != 0 {
		var fit []int
		for _, p := range cands {
			if roleFits(kb.people[p].terms[kb.latestTerm(p, ctx.roles)].role, ctx.roles) {
				fit = append(fit, p)
			}
		}
		if len(fit) > 0 {
			cands = fit
		}
	}
	if len(cands) != 1 {
		return Match{}, false
	}
	p := cands[0]
	return kb.personMatch(p, kb.latestTerm(p, ctx.roles), time.Time{}, ctx.former), true
}

// personMatch builds the Match of person p in term t; former turns it into
// the ELI code of a former official.
func (kb *KB) personMatch(p, t int, date time.Time, former bool) Match {
	pr := kb.people[p]
	tm := pr.terms[t]
	if former {
		m := kb.formerMatch(p, date)
		m.Role, m.Title = "former_"+tm.role, "former "+tm.title
		m.Start, m.End = tm.start, tm.end
		return m
	}
	return Match{Kind: KindPerson, Code: tm.code, Country: tm.country, Name: pr.name, Role: tm.role, Title: tm.title, Start: tm.start, End: tm.end}
}

// formerMatch codes a person outside their offices as an elite (country +
// ELI, CAMEO manual 3.2.4), using the last office before date, or the first
// office when date precedes them all.
func (kb *KB) formerMatch(p int, date time.Time) Match {
	pr := kb.people[p]
	ref := -1
	for i, t := range pr.terms {
		if date.IsZero() || (!t.end.IsZero() && t.end.Before(date)) {
			if ref < 0 || t.end.After(pr.terms[ref].end) {
				ref = i
			}
		}
	}
	m := Match{Kind: KindPerson, Name: pr.name}
	if ref >= 0 {
		t := pr.terms[ref]
		m.Role, m.Title, m.Start, m.End = "former_"+t.role, "former "+t.title, t.start, t.end
	}
	// the country: of the reference office, else of any national office
	country := ""
	if ref >= 0 {
		country = pr.terms[ref].country
	}
	if country == "" {
		for _, t := range pr.terms {
			if t.country != "" {
				country = t.country
			}
		}
	}
	if country != "" {
		m.Country, m.Code = country, country+"ELI"
	}
	return m
}

// isGeographic reports whether k names a place rather than an agent.
func isGeographic(k Kind) bool {
	return k == KindCountry || k == KindPlace || k == KindCapital || k == KindRegion
}
