package actors

import (
	"strings"
	"time"
)

// Composite is the detailed result of Resolve.
type Composite struct {
	Code    string // full actor code ("RUSMIL"); may be a bare role code ("REB") when the country is unknown
	Country string // country code of the actor, "" when unknown or international
	Sector  string // the role code the noun and modifiers gave ("MIL"), "" for none
	Backer  string // country code named as a sponsor: "Russian-backed", "pro-Russian", "Iran-backed"
	Entity  string // canonical name of the modifier that supplied the code ("Hamas", "Russia"), if any
}

// Words that turn the preceding modifier into a sponsor ("Russian-backed")
// or an owner ("Saudi-led"), and words that mark a former official.
var (
	backerWords = map[string]bool{"backed": true, "supported": true, "sponsored": true, "funded": true,
		"armed": true, "trained": true, "allied": true, "aligned": true, "affiliated": true, "linked": true,
		"proxy": true, "inspired": true}
	ownerWords = map[string]bool{"led": true, "run": true, "controlled": true, "dominated": true, "commanded": true,
		"owned": true, "held": true, "based": true}
	eliWords = map[string]bool{"former": true, "ex": true, "retired": true, "onetime": true, "erstwhile": true,
		"late": true, "deposed": true, "ousted": true, "exiled": true}
	eliSectors = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true}
)

// Sector maps a role noun, singular or plural ("troops", "soldier",
// "police", "separatists", "foreign minister", "aid workers"), to its CAMEO
// role code. International nouns return their full code ("peacekeepers"
// IGOPKO, "aid workers" NGO). Nouns with no role of their own ("side",
// "allies", "counterpart") return false: Compose handles them.
func (kb *KB) Sector(noun string) (string, bool) {
	toks := tokenize(noun)
	if len(toks) == 0 {
		return "", false
	}
	e, ok := kb.roleLookup(toks)
	if !ok || isSpecial(e.code) {
		return "", false
	}
	return e.code, true
}

// Compose builds the actor code of a noun phrase from its modifiers and head
// noun: "Russian units" RUSMIL, "US officials" USAGOV, "a British expat"
// GBRCVL, "Ukrainian President" UKRGOV, "NATO allies" IGOWSTNAT, "his
// Russian counterpart" RUSGOV, "former US president" USAELI. Modifiers may
// be single words or phrases, in text order; determiners and unknown words
// are ignored. A country modifier combined with a role gives country+role; a
// named institution or group gives its own code ("Hamas fighters" PSEREB);
// an IGO gives its code plus the role ("NATO troops" IGOWSTNATMIL). When no
// country is named the bare role code is returned ("officials" GOV,
// "Russian-backed separatists" REB with Backer RUS in Resolve). The date
// resolves people and date-dependent groups used as modifiers ("Putin's
// troops", "Taliban fighters").
func (kb *KB) Compose(modifiers []string, head string, date time.Time) (string, bool) {
	c, ok := kb.Resolve(modifiers, head, date)
	return c.Code, ok
}

// Resolve is Compose with the details: the country, the role, a sponsoring
// country and the entity the code came from.
func (kb *KB) Resolve(modifiers []string, head string, date time.Time) (Composite, bool) {
	var toks []tok
	for _, m := range modifiers {
		toks = append(toks, tokenize(m)...)
		if len(toks) > 2*maxNameWords {
			return Composite{}, false
		}
	}
	h := tokenize(head)
	if len(h) == 0 || len(h) > maxNameWords {
		return Composite{}, false
	}
	mods := toks
	toks = append(toks, h...)
	// A capitalised head that is a name ("the Kremlin", "NATO", "US
	// Congress", "Putin") has its own code, unless the modifiers name
	// another country ("Russian Security Council").
	if looksLikeName(h) {
		if m, ok := kb.resolve(h, date, lookupCtx{}); ok && m.Code != "" {
			if mc := kb.firstCountry(mods, date); mc == "" || mc == m.Country {
				return Composite{Code: m.Code, Country: m.Country, Entity: m.Name}, true
			}
		}
	}
	if _, ok := kb.roleSuffix(toks); ok {
		return kb.composeTokens(toks, date)
	}
	if m, ok := kb.resolve(h, date, lookupCtx{}); ok && m.Code != "" {
		return Composite{Code: m.Code, Country: m.Country, Entity: m.Name}, true
	}
	if d, ok := kb.demonyms[joinKeys(h)]; ok {
		return Composite{Code: d.code, Country: d.code}, true
	}
	return Composite{}, false
}

// firstCountry returns the country of the first modifier that names one.
func (kb *KB) firstCountry(toks []tok, date time.Time) string {
	for i := 0; i < len(toks); i++ {
		if n, e := kb.modifierEntity(toks[i:], date); n > 0 {
			if e.country != "" {
				return e.country
			}
			i += n - 1
		}
	}
	return ""
}

// Counterpart gives the code of someone's counterpart in another country:
// the same roles as otherCode under country ("his Russian counterpart", said
// of UKRGOV, is Counterpart("RUS", "UKRGOV") = "RUSGOV"). A code without
// domestic roles (an IGO, a bare country) gives country+GOV.
func Counterpart(country, otherCode string) string {
	_, roles := Split(otherCode)
	if len(roles) == 0 {
		return country + "GOV"
	}
	return country + strings.Join(roles, "")
}

// roleCodes are the CAMEO domestic role codes (primary, secondary,
// tertiary) plus REL, which PLOVER adds.
var roleCodes = map[string]bool{
	"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true, "OPP": true, "REB": true, "SEP": true,
	"SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true, "DEV": true, "EDU": true,
	"ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "LEG": true, "MED": true, "REF": true,
	"MOD": true, "RAD": true, "REL": true,
}

// Split divides an actor code into its first three letters (a country,
// region or international code such as IGO) and the role codes after them,
// skipping organisation and region codes: Split("USAGOV") = ("USA",
// [GOV]); Split("IGOWSTNATMIL") = ("IGO", [MIL]).
func Split(code string) (string, []string) {
	if len(code) < 3 {
		return code, nil
	}
	var roles []string
	for i := 3; i+3 <= len(code); i += 3 {
		if g := code[i : i+3]; roleCodes[g] {
			roles = append(roles, g)
		}
	}
	return code[:3], roles
}

// PLOVERSector maps a CAMEO role code to the PLOVER sector code with the
// same meaning (PLOVER calls the media JRN and health MED, and has no
// SEP/INS); "" when PLOVER has none.
func PLOVERSector(role string) string {
	switch role {
	case "MED":
		return "JRN"
	case "HLH":
		return "MED"
	case "INS", "SEP":
		return "REB"
	case "HRI", "ENV", "DEV":
		return "SOC"
	case "MOD", "RAD":
		return ""
	}
	if roleCodes[role] {
		return role
	}
	return ""
}

func isSpecial(code string) bool {
	return code == "SELF" || code == "ALLY" || code == "COUNTERPART"
}

// isInternational reports whether a role-table code is an international
// actor that a nationality does not make domestic.
func isInternational(code string) bool {
	for _, p := range []string{"IGO", "NGO", "NGM", "INT", "UIS", "MNC"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// appendRole adds a role code to an organisation code unless it is already
// there or the code would pass CAMEO's fifteen letters.
func appendRole(code, role string) string {
	if role == "" || strings.HasSuffix(code, role) || len(code)+len(role) > 15 {
		return code
	}
	return code + role
}

// roleLookup finds a role noun, folding a regular plural of the last word
// when the form itself is missing.
func (kb *KB) roleLookup(toks []tok) (roleEntry, bool) {
	k := joinKeys(toks)
	if e, ok := kb.roles[k]; ok {
		return e, true
	}
	last := toks[len(toks)-1].key
	prefix := k[:len(k)-len(last)]
	for _, s := range singulars(last) {
		if e, ok := kb.roles[prefix+s]; ok {
			return e, true
		}
	}
	return roleEntry{}, false
}

// singulars guesses singular forms of a plural noun.
func singulars(w string) []string {
	var out []string
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		out = append(out, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "men") && len(w) > 4:
		out = append(out, w[:len(w)-3]+"man")
	case strings.HasSuffix(w, "es") && len(w) > 3:
		out = append(out, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		out = append(out, w[:len(w)-1])
	}
	return out
}

// roleSuffix finds the longest role noun ending toks and returns its length
// in words.
func (kb *KB) roleSuffix(toks []tok) (int, bool) {
	for l := min(kb.maxRole, len(toks)); l >= 1; l-- {
		if _, ok := kb.roleLookup(toks[len(toks)-l:]); ok {
			return l, true
		}
	}
	return 0, false
}

// modifierEntity matches the longest country, demonym, region adjective,
// IGO, institution or person at the start of toks.
func (kb *KB) modifierEntity(toks []tok, date time.Time) (int, entity) {
	for l := min(max(kb.maxName, 4), len(toks)); l >= 1; l-- {
		span := toks[:l]
		k := joinKeys(span)
		if d, ok := kb.demonyms[k]; ok {
			return l, entity{kind: KindNationality, code: d.code, country: d.code, sub: d.sub}
		}
		if ri, ok := kb.regionAdj[k]; ok {
			rg := kb.regions[ri]
			return l, entity{kind: KindRegion, code: rg.code, name: rg.name}
		}
		// names must be capitalised ("Bush administration", not "bush fires")
		if !looksLikeName(span) {
			continue
		}
		// regions count only by their adjectives ("Western"), not names
		// ("West" in "West Darfur")
		if m, ok := kb.resolve(span, date, lookupCtx{}); ok && m.Code != "" && m.Kind != KindRegion {
			return l, entity{kind: m.Kind, code: m.Code, country: m.Country, name: m.Name, sub: m.Kind == KindPlace}
		}
	}
	return 0, entity{}
}

// modifierRole matches the longest role modifier at the start of toks.
func (kb *KB) modifierRole(toks []tok) (int, string) {
	for l := min(3, len(toks)); l >= 1; l-- {
		if c, ok := kb.mods[joinKeys(toks[:l])]; ok {
			return l, c
		}
	}
	return 0, ""
}

// composeTokens codes a noun phrase whose last words are a role noun.
func (kb *KB) composeTokens(toks []tok, date time.Time) (Composite, bool) {
	l, ok := kb.roleSuffix(toks)
	if !ok {
		return Composite{}, false
	}
	head, _ := kb.roleLookup(toks[len(toks)-l:])
	mods := toks[:len(toks)-l]

	var (
		ent              *entity
		backer, modRole  string
		eli, foreign, in bool
		state            bool // "official", "state(-run)", "government": state media are GOV
	)
	for i := 0; i < len(mods); {
		t := mods[i].key
		switch {
		case eliWords[t]:
			eli = true
			i++
			continue
		case (t == "pro" || t == "anti") && i+1 < len(mods):
			if n, e := kb.modifierEntity(mods[i+1:], date); n > 0 {
				if t == "pro" {
					backer = e.country
				}
				i += 1 + n
				continue
			}
			if t == "anti" {
				// "anti-government": the role modifier of the whole form, if any
				if n, c := kb.modifierRole(mods[i:]); n > 0 {
					modRole = c
					i += n
					continue
				}
				i++
				continue
			}
		}
		if n, e := kb.modifierEntity(mods[i:], date); n > 0 {
			i += n
			if i < len(mods) && backerWords[mods[i].key] {
				if backer == "" {
					backer = e.country
				}
				i++
				continue
			}
			if i < len(mods) && ownerWords[mods[i].key] {
				i++
			}
			if ent == nil {
				e := e
				ent = &e
			}
			continue
		}
		if n, c := kb.modifierRole(mods[i:]); n > 0 {
			modRole = c
			i += n
			continue
		}
		switch t {
		case "foreign":
			foreign = true
		case "international":
			in = true
		case "official", "state", "government":
			state = true
		}
		i++
	}

	sector := head.code
	intl := isInternational(sector)
	if !isSpecial(sector) && !intl {
		if head.weak && modRole != "" {
			if modRole == "OPP" && (sector == "MIL" || sector == "REB" || sector == "UAF") {
				sector = "REB"
			} else {
				sector = modRole
			}
		}
		if state && sector == "MED" {
			sector = "GOV"
		}
		if eli && eliSectors[sector] {
			sector = "ELI"
		}
	}
	if sector == "COUNTERPART" {
		sector = "GOV"
	}

	c := Composite{Backer: backer}
	if !isSpecial(sector) && !intl {
		c.Sector = sector
	}
	if ent != nil {
		c.Entity = ent.name
	}
	switch {
	case ent == nil:
		switch {
		case intl:
			c.Code = sector
		case sector == "SELF" || sector == "ALLY":
			return Composite{}, false
		case foreign && sector == "GOV":
			c.Code = "UIS"
		case in && sector == "GOV":
			c.Code = "INT"
		default:
			c.Code = sector
		}
	case ent.kind == KindIGO || ent.kind == KindNGO:
		switch {
		case sector == "SELF" || sector == "ALLY":
			c.Code = ent.code
		case sector == "IGOPKO":
			c.Code = appendRole(ent.code, "PKO")
		case intl:
			c.Code = ent.code
		default:
			c.Code = appendRole(ent.code, sector)
		}
	case ent.kind == KindSeat || ent.kind == KindInstitution || ent.kind == KindParty ||
		ent.kind == KindMedia || ent.kind == KindGroup:
		if sector == "ALLY" {
			return Composite{}, false
		}
		c.Code, c.Country = ent.code, ent.country
	case ent.kind == KindRegion:
		switch {
		case intl:
			c.Code = sector
		case sector == "SELF" || sector == "ALLY":
			c.Code = ent.code
		default:
			c.Code = ent.code + sector
		}
	case ent.kind == KindPerson && ent.country == "":
		// the head of an international body: their body's code
		c.Code = ent.code
	default: // a country, nationality, place, capital or person
		switch {
		case intl:
			c.Code = sector
		case sector == "ALLY":
			return Composite{}, false
		case sector == "SELF":
			c.Code, c.Country = ent.country, ent.country
		default:
			if ent.sub && sector == "MIL" {
				// "Tigrayan forces", "Chechen fighters": a region's armed men are rebels
				sector = "REB"
				c.Sector = sector
			}
			c.Code, c.Country = ent.country+sector, ent.country
		}
	}
	if c.Country == "" {
		c.Country = kb.countryOf(c.Code)
	}
	return c, c.Code != ""
}
