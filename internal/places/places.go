// Package places finds the places an article names and resolves each to a
// gazetteer entry with coordinates, using the context of the article to
// choose between places of the same name.
//
// Toponyms are the GPE and LOC entities of the parse, datelines, and
// capitalised proper nouns that the gazetteer knows. A town's name the
// entity model called a person, found inside an organisation's name or at
// a sentence's start is kept only when the article names the town
// elsewhere (one sense per discourse).
//
// Demonyms ("Russian") are not places, nor are actors: a capital or seat
// of power as subject ("Moscow denied"), as object of a verb of saying,
// pressing or conflict ("warned Moscow", "urged Kyiv"), after "talks
// with" or joined to such a name ("Washington and Moscow agreed"); and a
// country modifying a noun for people or bodies acting for it ("US
// officials", "Ukraine's army"). After a preposition of place ("in
// Moscow", "to Moscow", "near Kyiv", "in the US") they are places. Each
// distinct name is resolved once per article by scoring its candidates:
//
//   - a qualifier beside the name: "Shebekino, Russia", "Alexandria, Va.",
//     "Ukraine's Kharkiv";
//   - the countries and first-level regions the article names;
//   - nearness to places already pinned by a qualifier;
//   - the country and region most of the article's other names lie in,
//     and the share of its clear choices within 300 km (its area);
//   - population and the rank of the place (capital, regional seat), a
//     country or state under its own name weighing more than a town, and
//     a US city news style names alone in datelines ("Houston") more
//     than its namesakes.
//
// A street's name ("Washington Drive") and a surname of a person the
// article names ("Jones said" beside "Roy Jones") are resolved but lend
// the other names no context. After the passes, a name the article also
// gives in full takes the full name's town ("Avondale" beside "Avondale
// Estates"); a town qualified by a state or country none of its
// namesakes lies in is put at that state or country ("Grantville,
// Pennsylvania"); and in a local article, whose clear towns lie close
// together, a feature or a place after "in" the gazetteer lacks, or a
// small namesake town far away, is put among those towns with kind
// "other". Canadian province abbreviations ("Man.", "N.L.") qualify towns
// as US state abbreviations do.
//
// Besides the entity model's places, a name is taken as a place when a
// cue says so: a list of counties ("Clay and Wilkin counties"), a word
// for a local body after it ("Brownsboro Police"), a list of places it
// stands in, an address before it, "in" or a legislator's party
// ("D-Braxton") before it. The weights (Weights) were chosen on the first
// half of each corpus's articles; the second half is the test half.
//
// Named regions without a gazetteer entry ("eastern Ukraine", "the Sahel")
// come from a table of our own, data/regions.tsv; data/country_points.tsv
// replaces the points of countries and large regions whose gazetteer point
// is far from the usual references.
package places

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
)

// Weights are the weights of the evidence for a candidate, added to the
// log10 of its population (times Pop). DefaultWeights were chosen on the
// first half of LGL's articles.
type Weights struct {
	Pop        float64 // times log10 of the population
	Adm        float64 // per vote for a candidate's admin1 region, up to AdmCap votes
	AdmCap     float64
	Cty        float64 // per vote for a candidate's country, up to 4 votes
	Ctx        float64 // for the article's most named country
	Country    float64 // for being a country
	Capital    float64 // for being a national capital
	Near       float64 // a pass-2 neighbour within nearKm gives Near, within 100 km half of it
	Spatial    float64 // per other name with a candidate within spatialKm, up to SpatialCap
	SpatialCap int
	// SpatialMargin bounds the candidates of the other names that count
	// for Spatial: those within SpatialMargin of their name's best score
	// in pass 1.
	SpatialMargin float64
	AdmCtx        float64 // a town in an admin1 region the article names
	// Dom is given in pass 3 times the share of the article's other
	// resolved names that lie in the candidate's country; DomAdm the same
	// for its admin1 region.
	Dom    float64
	DomAdm float64
	// ConfMargin is the pass-2 margin a name needs to count towards the
	// dominant country and region and the area of the article.
	ConfMargin float64
	// Area is given times the share of the clear names that lie within
	// areaKm of a town or county.
	Area float64
	// QualAdm and QualCty are given for each qualifier beside the name
	// that holds the candidate ("Alexandria, Va.", "Shebekino, Russia");
	// QualMiss is taken for each that does not.
	QualAdm, QualCty, QualMiss float64
	// Big is given to a country or first-level region under its own name
	// against towns of the same name.
	Big float64
	// Standalone is given to a US city that news style names alone in a
	// dateline ("Houston", "Pittsburgh") against its namesakes.
	Standalone float64
}

// DefaultWeights returns the weights the resolver uses.
func DefaultWeights() Weights {
	return Weights{Pop: 1.2, Adm: 0.5, AdmCap: 1, Cty: 0.5, Ctx: 3, Country: 1.5, Capital: 1.5, Near: 4,
		Spatial: 3, SpatialCap: 3, SpatialMargin: 100, AdmCtx: 2.5, Dom: 1, DomAdm: 5, Area: 2, Big: 5,
		QualAdm: 15, QualCty: 7, QualMiss: 2, Standalone: 6}
}

const (
	actorW    = 10.0 // for the national capital of a name acting as one
	areaKm    = 300.0
	kbW       = 1.5  // for a country the knowledge base names so
	nearKm    = 40.0 // a neighbour this close gives Near, within 100 km half of it
	spatialKm = 50.0 // candidates of two names this close support each other
)

// Limits that keep one article bounded.
const (
	MaxMentions     = 5000 // toponym mentions considered per article
	maxCands        = 40   // gazetteer candidates per name
	maxAnchors      = 200  // pinned places used for nearness
	maxNeighbours   = 60   // pass-2 places used for nearness
	maxSpatial      = 80   // names whose candidates support each other
	maxSpatialCands = 20   // candidates per name that take part
	maxWords        = 5    // longest gazetteer name tried, in tokens
	// minPopWord is the population a town needs for a single word to be
	// taken as its name outside a place entity: a capitalised common noun
	// ("Minister") or the first word of an organisation ("Supreme Court").
	minPopWord = 1500
)

// Found is one resolved place with where it sits in the text, for linking
// it to the event of its clause.
type Found struct {
	model.Place
	Start, End int // byte offsets of Text into the article text
}

// Resolver resolves toponyms. It is safe for concurrent use.
type Resolver struct {
	idx        *gazetteer.Index
	kb         *actors.KB
	regions    []region
	regionKeys map[string]int
	regionLen  int
	states     map[string]string // "Va." -> "Virginia", "Ont." -> "Ontario"
	stateKeys  map[string]int    // normalised state name -> admin1 index (US, Canada)
	notPlaces  map[string]bool   // words never a place on their own
	points     map[string]point  // country points replacing the gazetteer's
	standalone map[string]string // "houston" -> "Texas": US cities named alone in datelines
	w          Weights
}

// WithWeights returns a copy of the resolver that scores with w.
func (r *Resolver) WithWeights(w Weights) *Resolver {
	c := *r
	c.w = w
	return &c
}

// New returns a resolver over a loaded gazetteer and the actor knowledge
// base (for demonyms, countries' other names and actor metonymy). kb may be
// nil; idx may be nil, in which case only named regions are found.
func New(idx *gazetteer.Index, kb *actors.KB) (*Resolver, error) {
	regs, keys, n, err := loadRegions()
	if err != nil {
		return nil, err
	}
	states, stateCountry, err := loadStates()
	if err != nil {
		return nil, err
	}
	notPlaces, err := loadWords("data/not_places.tsv")
	if err != nil {
		return nil, err
	}
	points, err := loadCountryPoints()
	if err != nil {
		return nil, err
	}
	standalone, err := loadStandalone()
	if err != nil {
		return nil, err
	}
	r := &Resolver{idx: idx, kb: kb, regions: regs, regionKeys: keys, regionLen: n, states: states,
		stateKeys: map[string]int{}, notPlaces: notPlaces, points: points, standalone: standalone, w: DefaultWeights()}
	if idx != nil {
		for _, name := range states {
			for _, m := range idx.Lookup(name, maxCands) {
				e := idx.Entry(m.Entry)
				if e.Kind == gazetteer.KindAdmin1 && e.Country == stateCountry[name] && !m.Weak {
					r.stateKeys[gazetteer.Normalize(name)] = e.Admin1Idx
				}
			}
		}
	}
	return r, nil
}

// mention is one toponym occurrence.
type mention struct {
	sent       int // index into sents
	ts, te     int // token range in the sentence
	start, end int // byte range in the text
	key        string
	ner        bool
	region     int    // index into regions, -1 when none
	adminHint  bool   // followed or ended by a region word ("Kharkiv region")
	state      string // US state an abbreviation after a comma stands for ("Va.")
	actor      bool   // a capital or seat of power used as an actor ("Moscow denied")
	county     bool   // one of a list that ends in "counties" ("Clarke and Oconee counties")
	weak       bool   // kept only when another mention of the name is surely a place
	dateline   bool   // a town in capitals opening a sentence before a dash
	cued       bool   // a cue says it is a place: a list of places, "in", an address, a party-district
	modifier   bool   // a country's name modifying an actor noun ("US officials")
	// quiet marks a name that lends the others no context: a street's
	// name ("Washington Drive") or a person's surname the article uses
	// elsewhere ("Jones said" beside "Roy Jones").
	quiet bool
	// feature marks a name cut from a feature's ("Knox" of "Knox
	// Park").
	feature   bool
	qualifier *qual
	group     int // index into the article's distinct names
}

// qual is what a qualifier beside a name allows: countries and admin1
// regions.
type qual struct {
	countries map[string]bool
	admin1    map[int]bool
	// list is set when another name follows the qualifier in a list
	// ("Zaire, Bundibugyo, Sudan"): it may be a list of names, not a
	// name and where it lies.
	list bool
}

// group is one distinct name of the article with its resolution.
type group struct {
	key      string
	cands    []cand
	region   int
	best     int // index into cands, -1 unresolved
	margin   float64
	admin    bool
	quals    []*qual
	nerCount int
	// text is the name as first written; guess, when set, is the middle
	// of the article's local places, where a local name the gazetteer
	// lacks is put (see localGuess).
	text  string
	guess *gazetteer.Entry
	// inPlace is set when a mention follows "in", "near", "outside" or
	// "from".
	inPlace bool
	// feature is set when a mention is cut from a feature's name ("Knox"
	// of "Knox Park"); dateline when one is a dateline.
	feature, dateline bool
	// quiet is set when every mention of the name is quiet (a street's
	// name, a person's surname): the name is resolved but lends the
	// others no context.
	quiet bool
	// actor is set when a mention acts as a capital does ("Moscow
	// denied"): the name is the capital's.
	actor bool
	// Each name votes for the admin1 regions and countries its candidates
	// lie in, 1/n to each of n.
	admVote, ctyVote float64
	admSet           map[int]bool
	ctySet           map[string]bool
	// own is the country this name's own pass-1 choice added to the
	// context; a name is no evidence for itself.
	own string
	// The country and admin1 region of the pass-2 choice.
	domCty string
	domAdm int
}

type cand struct {
	// near counts the article's other names that could be a place within
	// spatialKm of this one, or the region holding it.
	near int
	e    gazetteer.Entry
	weak bool
	alt  bool // found under an alternate name
	// stripped marks a region found under the name without its type
	// word ("Douglas" for "Douglas County").
	stripped bool
	p1       float64 // score in pass 1
	kb       bool    // the actor knowledge base names this country
}

var directions = map[string]bool{
	"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"east": true, "west": true, "north": true, "south": true,
}

var regionWords = map[string]bool{
	"region": true, "province": true, "oblast": true, "governorate": true, "district": true,
	"county": true, "parish": true, "state": true, "prefecture": true, "department": true,
}

// Find returns the places of the parsed sentences of text. ents are the
// article's entity mentions (with names and actors filled).
func (r *Resolver) Find(text string, sents []model.Sentence, ents []model.Entity) []Found {
	if r == nil {
		return nil
	}
	ms := r.mentions(text, sents)
	if len(ms) == 0 {
		return nil
	}
	groups := r.groupMentions(text, sents, ms)
	ctx := newContext()
	ctx.vote(groups)
	r.addDemonyms(ctx, sents, ents)
	// Pass 1: qualifiers and the names' own weight; pass 2 adds what pass
	// 1 learnt about the article.
	for gi := range groups {
		r.resolve(&groups[gi], nil)
	}
	spatialSupport(groups, r.w.SpatialMargin)
	r.learn(ctx, groups)
	for gi := range groups {
		r.resolve(&groups[gi], ctx)
	}
	// Pass 3: towns and counties near the other names' choices of pass 2
	// ("Huntsville" beside "Walker County").
	{
		ctx.dominant(groups, &r.w)
		ctx.neighbours = ctx.neighbours[:0]
		for gi := range groups {
			g := &groups[gi]
			if g.best < 0 || g.quiet || len(ctx.neighbours) >= maxNeighbours {
				continue
			}
			if e := g.cands[g.best].e; e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin2 {
				ctx.neighbours = append(ctx.neighbours, neighbour{e: e, group: gi})
			}
		}
		for gi := range groups {
			ctx.self = gi
			r.resolve(&groups[gi], ctx)
			r.within(&groups[gi])
		}
		r.shortNames(groups)
		r.localGuess(groups)
	}
	out := make([]Found, 0, len(ms))
	for _, m := range ms {
		g := &groups[m.group]
		p, ok := r.place(g)
		if !ok {
			continue
		}
		if m.actor && g.best >= 0 && g.cands[g.best].e.Feature == "PPLC" {
			continue
		}
		if m.modifier && g.best >= 0 && g.cands[g.best].e.Kind == gazetteer.KindCountry {
			continue
		}
		p.Text = text[m.start:m.end]
		p.Sentence = sents[m.sent].Index
		out = append(out, Found{Place: p, Start: m.start, End: m.end})
	}
	return out
}

// mentions finds the toponym mentions of the article, in text order.
func (r *Resolver) mentions(text string, sents []model.Sentence) []mention {
	var out []mention
	surnames := surnames(sents)
	for si := range sents {
		s := &sents[si]
		toks := s.Tokens
		if len(toks) == 0 {
			continue
		}
		taken := make([]bool, len(toks))
		var found []mention
		// take records tokens i..j-1 as a mention.
		take := func(i, j int) {
			found = append(found, mention{sent: si, ts: i, te: j})
			for k := i; k < j; k++ {
				taken[k] = true
			}
		}
		nms := ner.Mentions(s)
		titleCase := isTitleCase(toks)
		inEntity := make([]bool, len(toks))
		for _, nm := range nms {
			for k := max(nm.Start, 0); k < min(nm.End, len(toks)); k++ {
				inEntity[k] = true
			}
		}
		// A dateline the entity model may have called a person:
		// "CLINTON — A couple was charged", "PARIS (Reuters) -".
		if j := r.dateline(text, toks, 0); j > 0 {
			found = append(found, mention{sent: si, ts: 0, te: j, dateline: true})
			for k := 0; k < j; k++ {
				taken[k] = true
			}
		}
		for k := 0; k < len(nms); k++ {
			nm := nms[k]
			if nm.Start < 0 || nm.End > len(toks) || nm.Start >= nm.End || nm.Start < len(toks) && taken[nm.Start] {
				continue
			}
			// "Kharkiv" "Oblast" tagged as two names are one.
			if k+1 < len(nms) && nms[k+1].Start == nm.End && nms[k+1].End == nm.End+1 &&
				regionWords[strings.ToLower(toks[nm.End].Text)] {
				nm.End++
				nms[k+1].Start = nms[k+1].End
			}
			// "Sharm" "El-Sheikh" tagged as two places are one when the
			// gazetteer knows the whole.
			for k+1 < len(nms) && isPlaceType(nm.Type) && isPlaceType(nms[k+1].Type) && nms[k+1].Start == nm.End &&
				nms[k+1].End <= len(toks) && r.knownName(text[toks[nm.Start].Start:toks[nms[k+1].End-1].End]) {
				nm.End = nms[k+1].End
				nms[k+1].Start = nms[k+1].End
				k++
			}
			for k := nm.Start; k < nm.End; k++ {
				taken[k] = true
			}
			// "Becker, Clay, Douglas and Wilkin counties": names in a
			// list of counties, whatever the entity model called them.
			if nm.Type != ner.GPE && nm.Type != ner.Loc && countyList(toks, nm.End) && r.countyName(text, toks, nm.Start, nm.End) {
				found = append(found, mention{sent: si, ts: nm.Start, te: nm.End})
				continue
			}
			if nm.Type == ner.Org || nm.Type == ner.NORP || nm.Type == ner.Person {
				a := nm.Start
				for a < nm.End && isDeterminer(toks[a].Text) {
					a++
				}
				if a >= nm.End {
					continue
				}
				if a == nm.Start {
					a = r.saintBefore(text, toks, taken, a, nm.End)
				}
				// "McLean, Virginia", "Sharon, Conn.": a town the entity
				// model called a person or organisation, qualified by a
				// state or country after a comma.
				if nm.End+1 < len(toks) && toks[nm.End].Text == "," && r.qualifiedTown(text, toks, a, nm.End) {
					found = append(found, mention{sent: si, ts: a, te: nm.End})
					continue
				}
				// "New Haven, Conn.,": a state abbreviation after a comma
				// tagged as an organisation.
				if abbr := r.stateAbbr(text, toks[a].Start); abbr != "" && a >= 1 && toks[a-1].Text == "," &&
					toks[a].Start+len(abbr) >= toks[nm.End-1].End {
					found = append(found, mention{sent: si, ts: a, te: nm.End})
					continue
				}
				// "Mansfield Police Department", "Texas Department of
				// Health": an organisation named after its place. A
				// single word tagged as an organisation or nationality
				// may be the town itself ("Columbia will have to pay"),
				// and one tagged as a person may be a town modifying a
				// noun ("Gainesville companies").
				// "McLean County Coroner", "Madison County Partnership":
				// a county's name opening a person's or body's name.
				if j := r.countyPrefix(text, toks, a, nm.End); j > a {
					found = append(found, mention{sent: si, ts: a, te: j})
					continue
				}
				// "Brownsboro Police", "Northern Illinois University",
				// "Pointe Coupee Sheriff's Office": a town or county of
				// any size before a word for a local body, past a
				// direction word.
				// "East" "Hampton Fire Department": a word for a part
				// of a place left out of the name.
				if a > 0 && a == nm.Start && !inEntity[a-1] && !taken[a-1] && capitalised(toks[a-1].Text) && quarterWords[strings.ToLower(toks[a-1].Text)] {
					if j := r.civicPlace(text, toks, a-1, min(len(toks), nm.End+1)); j > a {
						found = append(found, mention{sent: si, ts: a - 1, te: j})
						taken[a-1] = true
						continue
					}
				}
				if j := r.civicPlace(text, toks, a, min(len(toks), nm.End+1)); j > a {
					found = append(found, mention{sent: si, ts: a, te: j})
					continue
				}
				if c := r.skipQuarter(text, toks, a, nm.End); c > a {
					if j := r.civicPlace(text, toks, c, min(len(toks), nm.End+1)); j > c {
						found = append(found, mention{sent: si, ts: c, te: j})
						continue
					}
				}
				// "618 E. Main Street, Annville": a town after an
				// address.
				if a >= 2 && toks[a-1].Text == "," && streetWords[strings.ToLower(toks[a-2].Text)] && nm.End-a <= 3 &&
					r.known(gazetteer.Normalize(text[toks[a].Start:toks[nm.End-1].End]), 0) {
					found = append(found, mention{sent: si, ts: a, te: nm.End, cued: true})
					continue
				}
				// "R-Marshall" as one name: the party is not part of the
				// place.
				if nm.End-a >= 3 && toks[a+1].Text == "-" && toks[a].End == toks[a+1].Start &&
					toks[a+1].End == toks[a+2].Start && partyDistrict(text, toks[a+2].Start) {
					a += 2
				}
				// "in Clinton", "D-Braxton": a town the entity model
				// called a person after a preposition of location or a
				// legislator's party.
				if key := gazetteer.Normalize(text[toks[a].Start:toks[nm.End-1].End]); nm.End-a <= 3 &&
					(locative(toks, a) && r.known(key, 0) || partyDistrict(text, toks[a].Start) && r.knownOrCounty(key)) {
					found = append(found, mention{sent: si, ts: a, te: nm.End, cued: true})
					continue
				}
				whole := nm.Type != ner.Person || modifiesNoun(toks, nm.End-1) || afterPlacePreposition(toks, a)
				if nm.Type == ner.Person && !whole {
					// A single word tagged as a person that names a town
					// is kept when the article names the town elsewhere
					// (one sense per discourse): "Gainesville and Duluth".
					if nm.End-a == 1 && r.known(gazetteer.Normalize(toks[a].Text), minPopWord) {
						found = append(found, mention{sent: si, ts: a, te: nm.End, weak: true, cued: true})
					}
					continue
				}
				if j := r.placePrefix(text, toks, a, nm.End, whole); j > a {
					found = append(found, mention{sent: si, ts: a, te: j})
					continue
				}
				// "Mansfield OKs refinancing" beside the dateline
				// "MANSFIELD —": a town's name the knowledge base also
				// knows as a person's, kept when the article names the
				// town elsewhere.
				if nm.Type == ner.Person && nm.End-a == 1 && r.known(gazetteer.Normalize(toks[a].Text), minPopWord) {
					found = append(found, mention{sent: si, ts: a, te: nm.End, weak: true, cued: true})
					continue
				}
				// "University of Toronto", "Museum for East Texas
				// Culture": a place after "of", "for" or "in", past a
				// direction word.
				if nm.Type == ner.Org {
					inner := false
					for k := a + 1; k < nm.End-1; k++ {
						if w := toks[k].Text; w != "of" && w != "for" && w != "in" {
							continue
						}
						c := k + 1
						for c < nm.End-1 && directions[strings.ToLower(toks[c].Text)] {
							c++
						}
						if j := r.placePrefix(text, toks, c, nm.End, true); j > c {
							found = append(found, mention{sent: si, ts: c, te: j})
							inner = true
						}
						break
					}
					// "Rodeo Gainesville": a town's name inside, weak.
					for k := a + 1; k < nm.End && !inner; k++ {
						if !capitalised(toks[k].Text) || toks[k].UPOS != "PROPN" {
							continue
						}
						if key := gazetteer.Normalize(toks[k].Text); !r.notPlaces[key] && r.known(key, minPopWord) {
							found = append(found, mention{sent: si, ts: k, te: k + 1, weak: true})
						}
					}
				}
				continue
			}
			if nm.Type != ner.GPE && nm.Type != ner.Loc {
				continue
			}
			a, b := r.saintBefore(text, toks, taken, nm.Start, nm.End), nm.End
			for a < b && isThe(toks[a].Text) {
				a++
			}
			for b > a && isPossessive(toks[b-1].Text) {
				b--
			}
			if a >= b {
				continue
			}
			// "north DeKalb County", "Northeast Georgia", "Historic
			// Dublin": a word for a part of a place before a name the
			// gazetteer knows without it.
			for a+1 < b && quarterWords[strings.ToLower(toks[a].Text)] && !r.placeSpan(text, toks, a, b) &&
				r.placeSpan(text, toks, a+1, b) {
				a++
			}
			// "Dublin City Council", "Stonington H.S." tagged as a place:
			// keep the part the gazetteer knows.
			feature := false
			if r.idx != nil && b-a > 1 && !r.placeSpan(text, toks, a, b) {
				if j := r.placePrefixMin(text, toks, a, b, false, 0); j > a {
					// "Knox Park" cut to "Knox": the name of a local
					// feature, kept as the town it is named after.
					feature = featureWords[strings.ToLower(toks[b-1].Text)]
					b = j
				}
			}
			// "Dublin City Council" is the council of the town Dublin
			// when no town is called "Dublin City" ("Boulder City
			// Council" is Boulder City's).
			if b-a > 1 && r.cityOfficeOf(toks, b, gazetteer.Normalize(text[toks[a].Start:toks[b-1].End])) &&
				r.town(gazetteer.Normalize(text[toks[a].Start:toks[b-2].End])) {
				b--
			}
			a, b = r.extend(text, toks, a, b, inEntity)
			// "St." "John's" cut in two by the entity model.
			if b-a == 1 && isAbbrev(toks[a].Text) {
				for j := min(len(toks), a+4); j > a+1; j-- {
					if capitalised(toks[j-1].Text) || isPossessive(toks[j-1].Text) {
						if r.knownName(text[toks[a].Start:toks[j-1].End]) {
							b = j
							break
						}
					}
				}
				for k := a; k < b; k++ {
					taken[k] = true
				}
			}
			found = append(found, mention{sent: si, ts: a, te: b, ner: true, feature: feature})
		}
		// Proper nouns the entity model missed, when the gazetteer or the
		// region table knows them.
		for i := 0; i < len(toks); i++ {
			if taken[i] || !capitalised(toks[i].Text) {
				continue
			}
			if j := r.civicPlace(text, toks, i, len(toks)); j > i && spanFree(taken, i, j) {
				take(i, j)
				i = j - 1
				continue
			}
			if partyDistrict(text, toks[i].Start) && r.knownOrCounty(gazetteer.Normalize(toks[i].Text)) {
				found = append(found, mention{sent: si, ts: i, te: i + 1})
				taken[i] = true
				continue
			}
			if j := r.countyAt(text, toks, taken, i); j > i {
				take(i, j)
				i = j - 1
				continue
			}
			if abbr := r.stateAbbr(text, toks[i].Start); abbr != "" && (i >= 2 && toks[i-1].Text == "," || strings.Contains(abbr, ".")) {
				found = append(found, mention{sent: si, ts: i, te: i + 1})
				taken[i] = true
				continue
			}
			// A dateline: "HUDSON -- Officials said", "ST. PARIS — ".
			if j := r.dateline(text, toks, i); j > i {
				take(i, j)
				i = j - 1
				continue
			}
			// Capitalised words the tagger did not call proper nouns
			// count in running text, not at a sentence's start nor in a
			// headline written in title case.
			// "Rolling Meadows": a name of several capitalised words
			// the gazetteer knows, whatever the first word's tag.
			if toks[i].UPOS != "PROPN" && !titleCase {
				if j := r.multiWord(text, toks, taken, i); j > i {
					take(i, j)
					i = j - 1
					continue
				}
			}
			// "Main Street": a street's type word is not the town
			// "Street".
			if i > 0 && streetWords[strings.ToLower(toks[i].Text)] && capitalised(toks[i-1].Text) {
				continue
			}
			// "St." or "Mt." alone names nothing.
			if w := toks[i].Text; strings.HasSuffix(w, ".") && len(w) <= 4 && (i+1 >= len(toks) || !capitalised(toks[i+1].Text)) {
				continue
			}
			if toks[i].UPOS != "PROPN" && (i == 0 || titleCase || toks[i].UPOS != "NOUN" && toks[i].UPOS != "ADJ") {
				// Weak: kept when the article names the town elsewhere.
				if key := gazetteer.Normalize(toks[i].Text); !r.notPlaces[key] && r.known(key, minPopWord) {
					found = append(found, mention{sent: si, ts: i, te: i + 1, weak: true})
					taken[i] = true
				}
				continue
			}
			// "Defense Secretary William Perry", "Secretary of State": a
			// title, though Secretary is also a town in Maryland
			if titleWords[strings.ToLower(toks[i].Text)] && (i+1 < len(toks) && (toks[i+1].Text == "of" || capitalised(toks[i+1].Text)) ||
				i > 0 && capitalised(toks[i-1].Text)) {
				continue
			}
			best := 0
			for j := min(len(toks), i+maxWords); j > i; j-- {
				if !spanFree(taken, i, j) || !capitalised(toks[j-1].Text) {
					continue
				}
				key := gazetteer.Normalize(text[toks[i].Start:toks[j-1].End])
				if r.notPlaces[key] {
					continue
				}
				minPop := int64(0)
				if toks[i].UPOS != "PROPN" {
					minPop = minPopWord
				}
				if _, ok := r.regionKeys[strings.TrimPrefix(key, "the ")]; ok || r.known(key, minPop) {
					best = j
					break
				}
			}
			if best > 0 {
				found = append(found, mention{sent: si, ts: i, te: best})
				for k := i; k < best; k++ {
					taken[k] = true
				}
				i = best - 1
			}
		}
		found = r.listed(text, toks, nms, found, si)
		for k := range found {
			m := &found[k]
			m.region = -1
			// "eastern Ukraine": a direction word in front may make a
			// named region.
			if m.ts > 0 && directions[strings.ToLower(toks[m.ts-1].Text)] {
				key := regionKey(text[toks[m.ts-1].Start:toks[m.te-1].End])
				if ri, ok := r.regionKeys[key]; ok {
					m.ts--
					m.region = ri
				}
			}
			m.start, m.end = toks[m.ts].Start, toks[m.te-1].End
			if abbr := r.stateAbbr(text, m.start); abbr != "" && (m.ts >= 1 && toks[m.ts-1].Text == "," || strings.Contains(abbr, ".")) {
				if e := m.start + len(abbr); e >= m.end-1 {
					m.state, m.end = r.states[abbr], e
				}
			}
			// "St." or "Mt." alone names nothing.
			if m.te-m.ts == 1 && m.state == "" && m.region < 0 && isAbbrev(toks[m.ts].Text) {
				continue
			}
			m.key = gazetteer.Normalize(text[m.start:m.end])
			if m.state != "" {
				m.key = gazetteer.Normalize(m.state)
			}
			if m.region < 0 {
				if ri, ok := r.regionKeys[regionKey(text[m.start:m.end])]; ok {
					m.region = ri
				}
			}
			if m.te < len(toks) && regionWords[strings.ToLower(toks[m.te].Text)] {
				m.adminHint = true
			}
			m.county = countyList(toks, m.te)
			if _, ok := gazetteer.StripAdminSuffix(m.key); ok {
				m.adminHint = true
			}
			// "Washington Drive", "Memphis St.": a street named after a
			// place says nothing about where the article is.
			m.quiet = m.te < len(toks) && m.state == "" && streetNames[toks[m.te].Text]
			// "Jones said" beside "Roy Jones": probably the person
			// again (one sense per discourse holds for people too).
			// Kept, as the entity model may be right, but quiet.
			if m.te-m.ts == 1 && surnames[toks[m.ts].Text] && !m.dateline && m.state == "" && !locative(toks, m.ts) &&
				(m.te >= len(toks) || toks[m.te].Text != ",") {
				m.quiet = true
			}
			if m.region < 0 && m.state == "" && !m.dateline && !r.keep(text, s, m) {
				continue
			}
			out = append(out, *m)
			if len(out) >= MaxMentions {
				return sortMentions(dropWeak(out))
			}
		}
	}
	return sortMentions(dropWeak(out))
}

// surnames returns the last words of the names of two or more words the
// entity model called people in the article ("Jones" of "Roy Jones").
func surnames(sents []model.Sentence) map[string]bool {
	out := map[string]bool{}
	for si := range sents {
		toks := sents[si].Tokens
		for _, nm := range ner.Mentions(&sents[si]) {
			if nm.Type != ner.Person || nm.Start < 0 || nm.End > len(toks) || nm.End-nm.Start < 2 {
				continue
			}
			if w := toks[nm.End-1].Text; capitalised(w) && len(w) > 2 {
				out[w] = true
			}
		}
	}
	return out
}

// dropWeak removes the weak mentions whose name has no other mention.
func dropWeak(ms []mention) []mention {
	strong := map[string]bool{}
	for _, m := range ms {
		if !m.weak {
			strong[m.key] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if !m.weak || strong[m.key] {
			out = append(out, m)
		}
	}
	return out
}

// extend widens a place name the entity model cut short by up to two
// capitalised words on either side that belong to no other entity, when
// the wider name is a gazetteer name ("New" + "London", "Santa" + "Clara
// County", "Tennessee" + "Colony").
func (r *Resolver) extend(text string, toks []model.Token, a, b int, inEntity []bool) (int, int) {
	if r.idx == nil {
		return a, b
	}
	free := func(k int) bool {
		return k >= 0 && k < len(toks) && !inEntity[k] && capitalised(toks[k].Text) && toks[k].UPOS != "PUNCT"
	}
	bestA, bestB := a, b
	for l := 0; l <= 2; l++ {
		if l > 0 && !free(a-l) {
			break
		}
		for rr := 0; rr <= 2; rr++ {
			if rr > 0 && !free(b+rr-1) {
				break
			}
			if l == 0 && rr == 0 || (b+rr)-(a-l) <= bestB-bestA {
				continue
			}
			key := gazetteer.Normalize(text[toks[a-l].Start:toks[b+rr-1].End])
			if r.cityOfficeOf(toks, b+rr, key) {
				continue
			}
			for _, m := range r.idx.LookupKey(key, maxCands) {
				if !m.Weak && !m.Alt {
					bestA, bestB = a-l, b+rr
					break
				}
			}
		}
	}
	return bestA, bestB
}

// placePrefix returns the end of the longest run of tokens at the start of
// [a, b) that names a country, first-level region or town, leaving at
// least one token of an organisation's name after it (whole when whole is
// set, for a nationality-tagged name that is not a nationality). It
// returns a when there is none.
func (r *Resolver) placePrefix(text string, toks []model.Token, a, b int, whole bool) int {
	return r.placePrefixMin(text, toks, a, b, whole, minPopWord)
}

// placePrefixMin is placePrefix with the population a single-word town
// needs given.
func (r *Resolver) placePrefixMin(text string, toks []model.Token, a, b int, whole bool, minWord int64) int {
	if r.idx == nil {
		return a
	}
	// "S.C. Highway Patrol": a state abbreviation.
	if abbr := r.stateAbbr(text, toks[a].Start); strings.Contains(abbr, ".") {
		end := toks[a].Start + len(abbr)
		for j := a + 1; j <= b; j++ {
			if toks[j-1].End >= end {
				return j
			}
		}
	}
	hi := b - 1
	if whole {
		hi = b
		if r.kb != nil {
			span := text[toks[a].Start:toks[b-1].End]
			if _, ok := r.kb.Demonym(span); ok {
				return a
			}
			if m, ok := r.kb.LookupName(span, time.Time{}); ok && m.Kind != actors.KindCountry &&
				m.Kind != actors.KindCapital && m.Kind != actors.KindPlace {
				return a
			}
		}
	}
	for j := min(hi, a+maxWords); j > a; j-- {
		if !capitalised(toks[j-1].Text) {
			continue
		}
		// "Dublin City Council" is the council of Dublin, not of a place
		// named "Dublin City".
		span := text[toks[a].Start:toks[j-1].End]
		if j-a > 1 && r.cityOfficeOf(toks, j, gazetteer.Normalize(span)) {
			continue
		}
		if r.notPlaces[gazetteer.Normalize(span)] {
			continue
		}
		if r.kb != nil {
			if m, ok := r.kb.LookupName(span, time.Time{}); ok && m.Kind == actors.KindCountry {
				return j
			}
		}
		minPop := int64(0)
		if j == a+1 {
			minPop = minWord
		}
		if r.known(gazetteer.Normalize(span), minPop) {
			return j
		}
	}
	return a
}

// qualifiedTown reports whether the tokens [a, b), followed by a comma,
// name a town the gazetteer knows in the US state or the country named
// after the comma.
func (r *Resolver) qualifiedTown(text string, toks []model.Token, a, b int) bool {
	if r.idx == nil || b-a > maxWords || !capitalised(toks[a].Text) {
		return false
	}
	k := b + 1
	state := r.stateAt(text, toks[k].Start)
	if state == "" {
		for j := min(len(toks), k+3); j > k; j-- {
			if _, ok := r.stateKeys[gazetteer.Normalize(text[toks[k].Start:toks[j-1].End])]; ok {
				state = text[toks[k].Start:toks[j-1].End]
				break
			}
		}
	}
	var q *qual
	if state != "" {
		if ai, ok := r.stateKeys[gazetteer.Normalize(state)]; ok {
			q = r.stateQual(ai)
		}
	} else if r.kb != nil {
		for j := min(len(toks), k+3); j > k; j-- {
			if m, ok := r.kb.LookupName(text[toks[k].Start:toks[j-1].End], time.Time{}); ok && m.Kind == actors.KindCountry && m.Country != "" {
				q = &qual{countries: map[string]bool{m.Country: true}}
				break
			}
		}
	}
	if q == nil {
		return false
	}
	for _, m := range r.idx.LookupKey(gazetteer.Normalize(text[toks[a].Start:toks[b-1].End]), maxCands) {
		if m.Weak || m.Alt {
			continue
		}
		e := r.idx.Entry(m.Entry)
		if e.Kind != gazetteer.KindCountry && e.Kind != gazetteer.KindAdmin1 && q.countries[e.Country] && (q.admin1 == nil || q.admin1[e.Admin1Idx]) {
			return true
		}
	}
	return false
}

// streetWords end a street address or a firm's name, after which a
// comma and a town may follow.
// Titles that are also the names of small towns somewhere; beside a
// name, "of" or another title word they are titles.
var titleWords = map[string]bool{"secretary": true, "president": true, "minister": true, "chancellor": true,
	"governor": true, "senator": true, "ambassador": true, "commander": true, "general": true, "colonel": true,
	"admiral": true, "spokesman": true, "chairman": true, "premier": true, "envoy": true, "mayor": true}

var streetWords = map[string]bool{
	"street": true, "st.": true, "road": true, "rd.": true, "avenue": true, "ave.": true, "drive": true,
	"dr.": true, "lane": true, "ln.": true, "boulevard": true, "blvd.": true, "highway": true, "pike": true,
	"inc.": true, "court": true, "ct.": true, "place": true, "way": true,
}

// streetNames are the type words of a street's name after the name, as
// written: "Washington Drive", "Memphis St.".
var streetNames = map[string]bool{
	"Street": true, "St.": true, "Road": true, "Rd.": true, "Avenue": true, "Ave.": true, "Drive": true,
	"Lane": true, "Ln.": true, "Boulevard": true, "Blvd.": true, "Parkway": true, "Pkwy.": true,
	"Terrace": true, "Pike": true,
}

// listed adds the names the entity model called people or bodies that
// stand in a list beside places found in the sentence ("Sharon, Cornwall
// and Salisbury"), when the gazetteer knows them as towns or counties.
func (r *Resolver) listed(text string, toks []model.Token, nms []ner.Mention, found []mention, si int) []mention {
	if r.idx == nil || len(found) == 0 {
		return found
	}
	placeAt := func(start, end int) bool { // a found mention spans [start, end)
		for _, m := range found {
			if m.ts == start && m.te == end || start < 0 && m.te == end || end < 0 && m.ts == start {
				return !m.weak
			}
		}
		return false
	}
	isSep := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		w := toks[k].Text
		return w == "," || w == "and" || w == "or"
	}
	n := len(found)
	for _, nm := range nms {
		if nm.Type != ner.Person && nm.Type != ner.Org || nm.Start < 0 || nm.End > len(toks) || nm.End-nm.Start > 2 {
			continue
		}
		covered, weak := false, -1
		for i, m := range found[:n] {
			if m.ts < nm.End && nm.Start < m.te {
				covered = true
				if m.weak && m.ts == nm.Start && m.te == nm.End {
					weak = i
				}
			}
		}
		if covered && weak < 0 {
			continue
		}
		left := isSep(nm.Start-1) && (placeAt(-1, nm.Start-1) || isSep(nm.Start-2) && placeAt(-1, nm.Start-2))
		right := isSep(nm.End) && (placeAt(nm.End+1, -1) || isSep(nm.End+1) && placeAt(nm.End+2, -1))
		if !left && !right {
			continue
		}
		if key := gazetteer.Normalize(text[toks[nm.Start].Start:toks[nm.End-1].End]); !r.notPlaces[key] && r.knownOrCounty(key) {
			if weak >= 0 {
				found[weak].weak, found[weak].cued = false, true
				continue
			}
			found = append(found, mention{sent: si, ts: nm.Start, te: nm.End, cued: true})
		}
	}
	return found
}

// civicNouns follow a town's or county's name in the names of its bodies
// and institutions: "Brownsboro Police", "DuPage Sheriff", "Gwinnett
// Medical Center".
var civicNouns = map[string]bool{
	"police": true, "fire": true, "sheriff": true, "sheriff's": true, "city": true, "county": true,
	"school": true, "schools": true, "public": true, "parks": true, "township": true, "borough": true,
	"council": true, "board": true, "hospital": true, "library": true, "high": true, "chamber": true,
	"medical": true, "regional": true, "university": true, "college": true, "community": true,
	"municipal": true, "superior": true, "circuit": true, "district": true, "area": true,
	"village": true, "town": true, "rescue": true, "emergency": true, "housing": true, "transit": true,
	"airport": true, "volunteer": true, "mayor": true, "aldermen": true, "selectmen": true, "commissioners": true,
}

// civicPlace returns the end of a town's or county's name of any size at
// token a that is followed, before b, by a word of civicNouns; a county's
// name without its type word counts ("Pointe Coupee Sheriff"). It returns
// a when there is none.
func (r *Resolver) civicPlace(text string, toks []model.Token, a, b int) int {
	if r.idx == nil || a >= b || !capitalised(toks[a].Text) {
		return a
	}
	for j := min(b-1, a+maxWords); j > a; j-- {
		if !civicNouns[strings.ToLower(toks[j].Text)] || !capitalised(toks[j-1].Text) {
			continue
		}
		key := gazetteer.Normalize(text[toks[a].Start:toks[j-1].End])
		if j-a > 1 && strings.EqualFold(toks[j-1].Text, "city") && !r.town(key) {
			continue // "Dublin City Council" is Dublin's, "Boulder City Council" Boulder City's
		}
		if r.notPlaces[key] {
			continue
		}
		if r.kb != nil {
			if m, ok := r.kb.LookupName(text[toks[a].Start:toks[j-1].End], time.Time{}); ok && m.Kind != actors.KindCountry &&
				m.Kind != actors.KindCapital && m.Kind != actors.KindPlace && m.Kind != actors.KindRegion {
				continue
			}
		}
		if r.knownOrCounty(key) {
			return j
		}
	}
	return a
}

// knownOrCounty reports whether the gazetteer has a place under its own
// name for key, or a county of which key is the name without its type
// word ("DuPage").
func (r *Resolver) knownOrCounty(key string) bool {
	if r.idx == nil {
		return false
	}
	for _, m := range r.idx.LookupKey(key, maxCands) {
		if m.Alt {
			continue
		}
		if !m.Weak || r.idx.Entry(m.Entry).Kind == gazetteer.KindAdmin2 {
			return true
		}
	}
	return false
}

// countyPrefix returns the end of a county's name with its type word at
// the start of [a, b) ("McLean County" in "McLean County Coroner"), or a.
func (r *Resolver) countyPrefix(text string, toks []model.Token, a, b int) int {
	for j := min(b, a+maxWords); j > a+1; j-- {
		if w := strings.ToLower(toks[j-1].Text); w != "county" && w != "parish" {
			continue
		}
		if r.placeSpan(text, toks, a, j) && r.knownName(text[toks[a].Start:toks[j-1].End]) {
			return j
		}
	}
	return a
}

// skipQuarter returns the first token of [a, b) past words for a part of
// a place ("Northern Illinois University").
func (r *Resolver) skipQuarter(text string, toks []model.Token, a, b int) int {
	c := a
	for c+1 < b && quarterWords[strings.ToLower(toks[c].Text)] {
		c++
	}
	return c
}

// locative reports whether token k follows a preposition of location
// ("in Clinton", "near Sharon").
func locative(toks []model.Token, k int) bool {
	if k == 0 {
		return false
	}
	switch strings.ToLower(toks[k-1].Text) {
	case "in", "near", "outside", "at":
		return true
	}
	return false
}

// partyDistrict reports whether the text before byte i is a legislator's
// party and a hyphen ("Rep. Smith, D-Braxton"), after which comes the
// place the legislator stands for.
func partyDistrict(text string, i int) bool {
	for _, p := range []string{"D-", "R-", "DFL-", "I-"} {
		if i >= len(p) && text[i-len(p):i] == p && (i == len(p) || text[i-len(p)-1] == ' ' || text[i-len(p)-1] == '(' || text[i-len(p)-1] == ',') {
			return true
		}
	}
	return false
}

// quarterWords name a part of a place before its name: "north DeKalb
// County", "Historic Dublin", "downtown Atlanta".
var quarterWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"upstate": true, "downstate": true, "downtown": true, "historic": true, "greater": true,
	"metro": true, "rural": true, "suburban": true, "midtown": true, "uptown": true,
}

// placeSpan reports whether the tokens [a, b) name a place the region
// table or the gazetteer knows as a whole (an admin type word after it
// counts: "Rapides Parish").
func (r *Resolver) placeSpan(text string, toks []model.Token, a, b int) bool {
	span := text[toks[a].Start:toks[b-1].End]
	if _, ok := r.regionKeys[regionKey(span)]; ok {
		return true
	}
	if r.idx == nil {
		return false
	}
	key := gazetteer.Normalize(span)
	if len(r.idx.LookupKey(key, 1)) > 0 {
		return true
	}
	if base, admin := gazetteer.StripAdminSuffix(key); admin {
		for _, m := range r.idx.LookupKey(base, maxCands) {
			if k := r.idx.Entry(m.Entry).Kind; k == gazetteer.KindAdmin1 || k == gazetteer.KindAdmin2 {
				return true
			}
		}
	}
	return false
}

// cityBodies follow "City" in the names of a town's bodies and officers:
// "Dublin City Council", "Dublin City Manager".
var cityBodies = map[string]bool{
	"council": true, "manager": true, "hall": true, "schools": true, "commission": true, "commissioners": true,
	"attorney": true, "clerk": true, "administrator": true, "government": true, "officials": true, "councilman": true,
	"councilwoman": true, "engineer": true, "treasurer": true, "police": true, "fire": true, "school": true,
	"mayor": true, "board": true, "library": true, "limits": true,
}

// cityOfficeOf reports whether the name key ending before token b in
// "City" is followed by a town's body or officer ("Dublin City Council",
// "Dublin City Manager") and names no town itself: the body is the town
// Dublin's. "Boulder City Council" is Boulder City's.
func (r *Resolver) cityOfficeOf(toks []model.Token, b int, key string) bool {
	if b < 1 || b >= len(toks) || !strings.EqualFold(toks[b-1].Text, "city") {
		return false
	}
	w := strings.ToLower(toks[b].Text)
	return cityBodies[w] && !r.town(key)
}

// town reports whether the gazetteer has a town under its own name key.
func (r *Resolver) town(key string) bool {
	if r.idx == nil {
		return false
	}
	for _, m := range r.idx.LookupKey(key, maxCands) {
		if !m.Weak && !m.Alt && r.idx.Entry(m.Entry).Kind == gazetteer.KindCity {
			return true
		}
	}
	return false
}

// knownName reports whether the gazetteer has a place under the name's
// own key (not a shortened one).
func (r *Resolver) knownName(span string) bool {
	if r.idx == nil {
		return false
	}
	for _, m := range r.idx.LookupKey(gazetteer.Normalize(span), maxCands) {
		if !m.Weak {
			return true
		}
	}
	return false
}

// countyName reports whether the tokens [a, b) with "County" or "Parish"
// after them name a county the gazetteer knows.
func (r *Resolver) countyName(text string, toks []model.Token, a, b int) bool {
	if r.idx == nil || a >= b || !capitalised(toks[a].Text) {
		return false
	}
	key := gazetteer.Normalize(text[toks[a].Start:toks[b-1].End])
	for _, suf := range []string{" county", " parish"} {
		for _, m := range r.idx.LookupKey(key+suf, maxCands) {
			if !m.Weak && r.idx.Entry(m.Entry).Kind == gazetteer.KindAdmin2 {
				return true
			}
		}
	}
	return false
}

func isPlaceType(t string) bool { return t == ner.GPE || t == ner.Loc }

// known reports whether the gazetteer has a place under its own name
// (not an alternate or shortened one) for key: a region or country, or a
// town of at least minPop people.
func (r *Resolver) known(key string, minPop int64) bool {
	if r.idx == nil {
		return false
	}
	for _, mt := range r.idx.LookupKey(key, maxCands) {
		if mt.Weak || mt.Alt {
			continue
		}
		if e := r.idx.Entry(mt.Entry); e.Kind != gazetteer.KindCity || e.Population >= minPop {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by start: within a sentence the entity
// mentions come before the scanned ones.
func sortMentions(ms []mention) []mention {
	slices.SortStableFunc(ms, func(a, b mention) int { return a.start - b.start })
	return ms
}

// keep applies the rules that say a toponym-looking mention is not a place
// here: demonyms, capitals and seats of power acting as subjects, and
// names the actor knowledge base knows as people or organisations.
func (r *Resolver) keep(text string, s *model.Sentence, m *mention) bool {
	span := text[m.start:m.end]
	if r.kb == nil {
		return true
	}
	if _, ok := r.kb.Demonym(span); ok && !r.hasFullName(m.key) {
		return false
	}
	am, ok := r.kb.LookupName(span, time.Time{})
	if !ok {
		return true
	}
	switch am.Kind {
	case actors.KindCapital, actors.KindSeat:
		// Decided once the name is resolved: "Dublin operates its own
		// sirens" in Ohio is a town, not Ireland's government.
		m.actor = actsAsActor(s, m.ts, m.te)
		return true
	case actors.KindCountry:
		// "US officials", "Ukraine's army": a country naming who acts.
		// Decided once the name is resolved: "Georgia authorities" in an
		// article about Atlanta are the state's.
		m.modifier = modifiesActorNoun(s, m.ts, m.te)
		return true
	case actors.KindPlace, actors.KindRegion:
		return true
	case actors.KindNationality:
		return false
	}
	// People and organisations: keep only what the entity model called a
	// place, or what stands in a list of places.
	return m.ner || m.cued
}

func (r *Resolver) hasFullName(key string) bool {
	if r.idx == nil {
		return false
	}
	for _, mt := range r.idx.LookupKey(key, maxCands) {
		if !mt.Weak {
			return true
		}
	}
	return false
}

// actsAsActor reports whether the name at [a, b) is used as an actor
// ("Moscow denied", "Washington has said", "warned Moscow", "talks with
// Kyiv"): followed by a finite verb, the subject of one, the object of a
// verb of saying, pressing or conflict, or joined by "and" to such a name,
// unless a preposition of place stands right before it.
func actsAsActor(s *model.Sentence, a, b int) bool {
	toks := s.Tokens
	if a > 0 && toks[a-1].UPOS == "ADP" && !actorPreposition(toks, a-1) {
		return false
	}
	if b < len(toks) {
		switch toks[b].XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	for k := a; k < b; k++ {
		h := toks[k].Head
		if h >= a && h < b {
			continue
		}
		rel := toks[k].Rel
		// "Washington and Moscow agreed": the second name is an actor
		// when the first is.
		if rel == "conj" && h >= 0 && h < a {
			return actsAsActor(s, h, h+1)
		}
		switch {
		case strings.HasPrefix(rel, "nsubj"):
			return rel == "nsubj"
		case rel == "obj" || rel == "iobj":
			return h >= 0 && h < len(toks) && actorVerbs[lemma(toks[h])]
		case strings.HasPrefix(rel, "obl") || strings.HasPrefix(rel, "nmod"):
			return a > 0 && actorPreposition(toks, a-1)
		}
		return false
	}
	return false
}

// actorPreposition reports whether the preposition at k makes the name
// after it an actor: "called on Kyiv", "appealed to Moscow", "talks with
// Beijing".
func actorPreposition(toks []model.Token, k int) bool {
	h := toks[k].Head // the name
	if h < 0 || h >= len(toks) {
		return false
	}
	g := toks[h].Head // what the name depends on
	if g < 0 || g >= len(toks) {
		return false
	}
	w, l := strings.ToLower(toks[k].Text), lemma(toks[g])
	switch w {
	case "on", "upon":
		return l == "call"
	case "to":
		return l == "appeal" || l == "complain" || l == "signal" || l == "message" || l == "ultimatum"
	case "with", "against":
		return withActor[l]
	}
	return false
}

// actorVerbs take an actor as object: verbs of saying, asking, pressing
// and conflict ("warned Moscow", "urged Kyiv"). Verbs of striking a place
// ("shelled Kyiv") are left out: their object is a location.
var actorVerbs = map[string]bool{
	"warn": true, "urge": true, "accuse": true, "blame": true, "criticize": true, "criticise": true,
	"condemn": true, "threaten": true, "sanction": true, "pressure": true, "press": true, "ask": true,
	"tell": true, "invite": true, "persuade": true, "lobby": true, "rebuke": true, "reassure": true,
	"assure": true, "thank": true, "praise": true, "support": true, "back": true, "punish": true,
	"challenge": true, "confront": true, "defy": true, "oppose": true, "notify": true, "inform": true,
	"contact": true, "deter": true, "provoke": true, "snub": true, "slam": true, "chide": true,
	"join": true, "call": true, "implore": true, "encourage": true, "fault": true, "reprimand": true,
	"caution": true, "advise": true, "recognize": true, "recognise": true, "arm": true, "help": true,
}

// withActor are the words after which "with" or "against" introduces an
// actor: "talks with Beijing", "sided with Moscow".
var withActor = map[string]bool{
	"talk": true, "talks": true, "negotiate": true, "negotiation": true, "relation": true, "relations": true,
	"tie": true, "ties": true, "deal": true, "agreement": true, "agree": true, "side": true, "clash": true,
	"dialogue": true, "contact": true, "contacts": true, "tension": true, "tensions": true, "meet": true,
	"cooperate": true, "cooperation": true, "dispute": true, "war": true, "sanction": true, "sanctions": true,
}

// actorNouns are nouns for people and bodies that act for a country: "US
// officials", "Ukraine's army".
var actorNouns = map[string]bool{
	"official": true, "minister": true, "force": true, "troop": true, "army": true, "military": true,
	"government": true, "president": true, "leader": true, "leadership": true, "diplomat": true, "authority": true,
	"navy": true, "soldier": true, "unit": true, "envoy": true, "negotiator": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "administration": true, "intelligence": true, "delegation": true,
	"lawmaker": true, "parliament": true, "regime": true, "officer": true, "commander": true, "ambassador": true,
	"embassy": true, "prosecutor": true, "regulator": true, "premier": true, "chancellor": true, "secretary": true,
	"agency": true, "investigator": true, "counterpart": true, "side": true, "politician": true, "legislator": true,
	"general": true, "ministry": true, "cabinet": true, "coalition": true, "warplane": true, "jet": true,
	"drone": true, "missile": true, "police": true, "senator": true, "representative": true, "mission": true,
}

// modifiesActorNoun reports whether the name at [a, b) modifies a noun for
// an actor, right after it or past one modifier ("US officials", "UK
// defence ministers", "Ukraine's army"), and no preposition of place
// stands before it ("in US military bases" is not about actors).
func modifiesActorNoun(s *model.Sentence, a, b int) bool {
	toks := s.Tokens
	if a > 0 && afterPlacePreposition(toks, a) {
		return false
	}
	k := b
	if k < len(toks) && isPossessive(toks[k].Text) {
		k++
	}
	for n := 0; n < 2 && k < len(toks); n, k = n+1, k+1 {
		t := toks[k]
		if capitalised(t.Text) && t.UPOS == "PROPN" {
			return false
		}
		if t.UPOS != "NOUN" && t.UPOS != "ADJ" && t.UPOS != "PROPN" {
			return false
		}
		if actorNouns[lemma(t)] {
			return true
		}
	}
	return false
}

// lemma returns a token's lower-case lemma, or its text when the tagger
// gave none, with a plural "s" taken off.
func lemma(t model.Token) string {
	l := strings.ToLower(t.Lemma)
	if l == "" {
		l = strings.ToLower(t.Text)
		if len(l) > 3 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
			l = l[:len(l)-1]
		}
	}
	return l
}

func spanFree(taken []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if taken[k] {
			return false
		}
	}
	return true
}

// saintBefore returns a-1 when the token before a is an abbreviation
// ("St.", "ST.", "Mt.") the entity model left out of the name [a, b) and
// the gazetteer knows the whole ("ST. JOHN'S"), else a.
func (r *Resolver) saintBefore(text string, toks []model.Token, taken []bool, a, b int) int {
	if a < 1 || b > len(toks) || a >= b || taken[a-1] || !isAbbrev(toks[a-1].Text) || !r.knownName(text[toks[a-1].Start:toks[b-1].End]) {
		return a
	}
	taken[a-1] = true
	return a - 1
}

// isAbbrev reports whether w is a short abbreviation with a full stop:
// "St.", "Mt.", "Ft.".
func isAbbrev(w string) bool {
	return len(w) <= 4 && len(w) >= 2 && strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".")
}

func isThe(w string) bool { return w == "the" || w == "The" }

// dateline returns the end of a town name written in capitals at the
// start of a sentence and followed by a dash, or i when there is none.
func (r *Resolver) dateline(text string, toks []model.Token, i int) int {
	if i != 0 || r.idx == nil {
		return i
	}
	for j := 1; j <= min(3, len(toks)-1); j++ {
		switch toks[j].Text {
		case "-", "--", "\u2014", "\u2013", "(", ":":
			span := text[toks[0].Start:toks[j-1].End]
			if strings.ToUpper(span) != span || len(span) < 3 {
				return i
			}
			if len(r.idx.LookupKey(gazetteer.Normalize(span), 1)) > 0 {
				return j
			}
			// "HARWINTON —": a town the gazetteer lacks, written as a
			// dateline before a dash (see localGuess).
			if toks[j].Text != "(" && toks[j].Text != ":" && allLetters(span) && !r.notPlaces[gazetteer.Normalize(span)] && !newsLabels[strings.ToLower(span)] {
				return j
			}
			return i
		}
	}
	return i
}

// newsLabels open a sentence in capitals before a dash without naming a
// place: "UPDATE —", "BREAKING —".
var newsLabels = map[string]bool{
	"update": true, "updated": true, "breaking": true, "breaking news": true, "correction": true, "editor": true,
	"note": true, "exclusive": true, "opinion": true, "analysis": true, "editorial": true, "photos": true,
	"video": true, "watch": true, "live": true, "developing": true, "alert": true, "urgent": true, "warning": true,
}

// allLetters reports whether s is letters and spaces only.
func allLetters(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) && c != ' ' {
			return false
		}
	}
	return true
}

// multiWord returns the end of a town's name of two to four capitalised
// words at token i that the gazetteer knows under its own name, or i.
func (r *Resolver) multiWord(text string, toks []model.Token, taken []bool, i int) int {
	for j := min(len(toks), i+4); j > i+1; j-- {
		if !spanFree(taken, i, j) {
			continue
		}
		all := true
		for k := i; k < j; k++ {
			all = all && capitalised(toks[k].Text) && toks[k].UPOS != "PUNCT"
		}
		if !all {
			continue
		}
		key := gazetteer.Normalize(text[toks[i].Start:toks[j-1].End])
		if !r.notPlaces[key] && r.known(key, 0) {
			return j
		}
	}
	return i
}

// countyAt returns the end of a county's name of one or two words at
// token i inside a list that ends in "counties" ("Cooke, Grayson and Love
// counties"), or i when there is none.
func (r *Resolver) countyAt(text string, toks []model.Token, taken []bool, i int) int {
	for j := min(i+2, len(toks)); j > i; j-- {
		if spanFree(taken, i, j) && capitalised(toks[j-1].Text) && countyList(toks, j) && r.countyName(text, toks, i, j) {
			return j
		}
	}
	return i
}

// countyList reports whether the tokens from k on continue a list of
// names that ends in "counties" or "parishes": ", Madison and Oconee
// counties".
func countyList(toks []model.Token, k int) bool {
	for i := k; i < len(toks) && i < k+30; i++ {
		switch w := toks[i].Text; {
		case w == "counties" || w == "parishes":
			return true
		case w == "," || w == "and" || w == "or" || capitalised(w):
		default:
			return false
		}
	}
	return false
}

// isTitleCase reports whether most words of a sentence are capitalised,
// as in a headline.
func isTitleCase(toks []model.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.UPOS == "PUNCT" || t.UPOS == "NUM" || t.UPOS == "SYM" {
			continue
		}
		words++
		if capitalised(t.Text) {
			caps++
		}
	}
	return words > 2 && caps*10 > words*6
}

// afterPlacePreposition reports whether token k follows a preposition
// that introduces places ("in", "near", "from").
func afterPlacePreposition(toks []model.Token, k int) bool {
	if k == 0 {
		return false
	}
	switch strings.ToLower(toks[k-1].Text) {
	case "in", "near", "from", "at", "outside", "around", "of", "to", "into", "across":
		return true
	}
	return false
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "The", "a", "A", "an", "An":
		return true
	}
	return false
}

// modifiesNoun reports whether token k modifies a common noun ("Gainesville
// companies").
func modifiesNoun(toks []model.Token, k int) bool {
	if k+1 < len(toks) && toks[k+1].UPOS == "NOUN" && !capitalised(toks[k+1].Text) {
		return true
	}
	h := toks[k].Head
	return h > k && h < len(toks) && toks[h].UPOS == "NOUN" && (toks[k].Rel == "compound" || toks[k].Rel == "amod" || toks[k].Rel == "nmod:poss")
}

func isPossessive(w string) bool { return w == "'s" || w == "\u2019s" || w == "'" || w == "\u2019" }

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// groupMentions gathers the mentions by name, finds their qualifiers and
// looks up each name's candidates.
func (r *Resolver) groupMentions(text string, sents []model.Sentence, ms []mention) []group {
	var groups []group
	byKey := map[string]int{}
	for i := range ms {
		m := &ms[i]
		gi, ok := byKey[m.key]
		if !ok {
			gi = len(groups)
			byKey[m.key] = gi
			groups = append(groups, group{key: m.key, text: text[m.start:m.end], region: m.region, best: -1, quiet: true})
			g := &groups[gi]
			switch {
			case m.state != "":
				g.cands = r.stateCands(m.state)
			case m.region < 0:
				g.cands = r.candidates(text[m.start:m.end], m.key)
				if m.county {
					g.cands = append(r.candidates("", m.key+" county"), g.cands...)
					g.admin = true
				}
			}
		}
		m.group = gi
		g := &groups[gi]
		g.quiet = g.quiet && m.quiet
		g.feature = g.feature || m.feature
		g.dateline = g.dateline || m.dateline
		if toks := sents[m.sent].Tokens; m.ts > 0 {
			switch strings.ToLower(toks[m.ts-1].Text) {
			case "in", "near", "outside", "from":
				g.inPlace = true
			}
		}
		// "California" beside "Fresno, Calif.": the abbreviation says
		// which place the name is in this article.
		if ok && m.state != "" {
			if sc := r.stateCands(m.state); len(sc) > 0 {
				g.cands = sc
			}
		}
		if m.ner {
			g.nerCount++
		}
		if m.actor {
			g.actor = true
		}
		if m.adminHint {
			g.admin = true
		}
	}
	// Qualifiers: "X, Y", "X (Y)" and "Y's X".
	for i := range ms {
		m := &ms[i]
		toks := sents[m.sent].Tokens
		var q *qual
		if m.te+1 < len(toks) && (toks[m.te].Text == "," || toks[m.te].Text == "(") {
			q = r.qualifierAt(text, toks, m.te+1, ms, i+1)
		}
		if q == nil && i > 0 && m.ts >= 1 && isPossessive(toks[m.ts-1].Text) {
			p := &ms[i-1]
			if p.sent == m.sent && p.te == m.ts-1 {
				q = r.qualOf(&groups[p.group])
			}
		}
		if q != nil {
			groups[m.group].quals = append(groups[m.group].quals, q)
		}
	}
	return groups
}

// qualifierAt reads a qualifier starting at token k: a US state
// abbreviation or the next mention when it is a country or region.
func (r *Resolver) qualifierAt(text string, toks []model.Token, k int, ms []mention, next int) *qual {
	if r.idx == nil {
		return nil
	}
	if state := r.stateAt(text, toks[k].Start); state != "" {
		if ai, ok := r.stateKeys[gazetteer.Normalize(state)]; ok {
			return r.stateQual(ai)
		}
	}
	if next < len(ms) && ms[next].start == toks[k].Start {
		q := r.qualOf(nil, ms[next].key)
		if q != nil {
			e := ms[next].te
			for e < len(toks) && (toks[e].Text == "," || toks[e].Text == "and" || toks[e].Text == "or") {
				e++
			}
			q.list = e > ms[next].te && next+1 < len(ms) && ms[next+1].sent == ms[next].sent && ms[next+1].ts == e
		}
		return q
	}
	return nil
}

// stateQual returns the qualifier of a US state or Canadian province.
func (r *Resolver) stateQual(ai int) *qual {
	q := &qual{countries: map[string]bool{}, admin1: map[int]bool{ai: true}}
	if ei := r.idx.Admin1Entry(ai); ei >= 0 {
		q.countries[r.idx.Entry(ei).Country] = true
	}
	return q
}

// stateAbbr returns the longest US state or Canadian province abbreviation at byte i of text,
// "" when none.
func (r *Resolver) stateAbbr(text string, i int) string {
	rest := text[i:min(len(text), i+8)]
	best := ""
	for abbr := range r.states {
		if len(abbr) > len(best) && strings.HasPrefix(rest, abbr) {
			after := rest[len(abbr):]
			if after == "" || !unicode.IsLetter(rune(after[0])) {
				best = abbr
			}
		}
	}
	return best
}

// stateAt returns the state whose abbreviation is at byte i of text.
func (r *Resolver) stateAt(text string, i int) string {
	return r.states[r.stateAbbr(text, i)]
}

// stateCands returns the admin1 entry of a US state.
func (r *Resolver) stateCands(name string) []cand {
	if r.idx == nil {
		return nil
	}
	ai, ok := r.stateKeys[gazetteer.Normalize(name)]
	if !ok {
		return nil
	}
	if ei := r.idx.Admin1Entry(ai); ei >= 0 {
		return []cand{{e: r.idx.Entry(ei)}}
	}
	return nil
}

// qualOf returns the countries and admin1 regions a name could be. It
// takes a group or a key.
func (r *Resolver) qualOf(g *group, key ...string) *qual {
	var cands []cand
	if g != nil {
		cands = g.cands
		if g.region >= 0 {
			if c := r.regions[g.region].country; c != "" {
				return &qual{countries: map[string]bool{c: true}}
			}
			return nil
		}
	} else if len(key) > 0 {
		if ri, ok := r.regionKeys[strings.TrimPrefix(key[0], "the ")]; ok {
			if c := r.regions[ri].country; c != "" {
				return &qual{countries: map[string]bool{c: true}}
			}
			return nil
		}
		cands = r.candidates("", key[0])
	}
	q := &qual{countries: map[string]bool{}, admin1: map[int]bool{}}
	for _, c := range cands {
		switch c.e.Kind {
		case gazetteer.KindCountry:
			q.countries[c.e.Country] = true
		case gazetteer.KindAdmin1:
			if !c.weak {
				q.countries[c.e.Country] = true
				q.admin1[c.e.Admin1Idx] = true
			}
		}
	}
	if len(q.countries) == 0 {
		return nil
	}
	return q
}

// candidates looks a name up in the gazetteer and the actor knowledge
// base.
func (r *Resolver) candidates(span, key string) []cand {
	if r.idx == nil {
		return nil
	}
	var out []cand
	seen := map[int]bool{}
	add := func(ms []gazetteer.Match) {
		for _, m := range ms {
			if seen[m.Entry] {
				continue
			}
			seen[m.Entry] = true
			out = append(out, cand{e: r.idx.Entry(m.Entry), weak: m.Weak, alt: m.Alt})
		}
	}
	ms := r.idx.LookupKey(key, maxCands)
	// A place's own name beats another place's former or foreign name.
	primary := false
	for _, m := range ms {
		primary = primary || !m.Alt && !m.Weak
	}
	if primary {
		kept := ms[:0:0]
		for _, m := range ms {
			if !m.Alt {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	add(ms)
	if base, ok := gazetteer.StripAdminSuffix(key); ok {
		for _, m := range r.idx.LookupKey(base, maxCands) {
			if e := r.idx.Entry(m.Entry); e.Kind == gazetteer.KindAdmin1 || e.Kind == gazetteer.KindAdmin2 {
				if !seen[m.Entry] {
					seen[m.Entry] = true
					out = append(out, cand{e: e, stripped: true})
				}
			}
		}
	}
	// The knowledge base's other names of countries ("Britain", "U.S.")
	// count unless a first-level region has the name: "England" is its
	// own region, not the United Kingdom.
	admin1 := false
	for _, c := range out {
		admin1 = admin1 || c.e.Kind == gazetteer.KindAdmin1 && !c.weak && !c.alt
	}
	if r.kb != nil && span != "" && !admin1 {
		if am, ok := r.kb.LookupName(span, time.Time{}); ok && am.Kind == actors.KindCountry && am.Country != "" {
			if e, ok := r.idx.Country(am.Country); ok {
				found := false
				for i := range out {
					if out[i].e.Index == e.Index {
						out[i].kb = true
						found = true
					}
				}
				if !found {
					out = append(out, cand{e: e, kb: true})
				}
			}
		}
	}
	return out
}

// spatialSupport counts, for each town and county candidate, the other
// names of the article that have a candidate near it: names that can lie
// together probably do ("Paris" beside "Lamar County" in Texas). Only the
// first maxSpatial names and their first maxSpatialCands candidates take
// part, which bounds the work.
//
// A name supports another only with its candidates that scored within
// margin of its best in pass 1: "Houston" beside "Pittsburgh" is not the
// hamlet near Pittsburgh, so it lends no support to the "California"
// near Pittsburgh either.
func spatialSupport(groups []group, margin float64) {
	n := min(len(groups), maxSpatial)
	for gi := 0; gi < n; gi++ {
		g := &groups[gi]
		for ci := 0; ci < min(len(g.cands), maxSpatialCands); ci++ {
			c := &g.cands[ci]
			if c.e.Kind != gazetteer.KindCity && c.e.Kind != gazetteer.KindAdmin2 {
				continue
			}
			for gj := 0; gj < n; gj++ {
				if gj == gi || groups[gj].key == g.key || groups[gj].quiet {
					continue
				}
				if nearAny(&c.e, &groups[gj], margin) {
					c.near++
				}
			}
		}
	}
}

func nearAny(e *gazetteer.Entry, g *group, margin float64) bool {
	const deg = spatialKm / 111.0
	cands := g.cands
	floor := math.Inf(-1)
	if g.best >= 0 {
		floor = cands[g.best].p1 - margin
	}
	for k := 0; k < min(len(cands), maxSpatialCands); k++ {
		o := &cands[k].e
		if cands[k].weak || o.Index == e.Index || cands[k].p1 < floor {
			continue
		}
		switch o.Kind {
		case gazetteer.KindAdmin1:
			if o.Admin1Idx == e.Admin1Idx && e.Admin1Idx >= 0 {
				return true
			}
		case gazetteer.KindCity, gazetteer.KindAdmin2:
			if math.Abs(o.Lat-e.Lat) < deg && Distance(o.Lat, o.Lon, e.Lat, e.Lon) < spatialKm {
				return true
			}
		}
	}
	return false
}

// context is what the article says about where it is.
type context struct {
	countries map[string]float64
	admin1    map[int]float64
	anchors   []gazetteer.Entry
	maxCount  float64
	// Votes of all names for the regions and countries their candidates
	// lie in: where the article's names could jointly be.
	admVotes map[int]float64
	ctyVotes map[string]float64
	// The towns and counties other names resolved to in pass 2, and the
	// group being resolved, which is not its own neighbour.
	neighbours []neighbour
	self       int
	// Pass-2 choices of all names, for the dominant country and region.
	domCty map[string]float64
	domAdm map[int]float64
	domN   int
	// sure are the clear pass-2 choices, for the area of the article.
	sure []neighbour
}

// dominant counts the countries and admin1 regions of the names' pass-2
// choices, for the share of the article each candidate lies in.
func (ctx *context) dominant(groups []group, w *Weights) {
	ctx.domCty, ctx.domAdm, ctx.domN = map[string]float64{}, map[int]float64{}, 0
	ctx.sure = ctx.sure[:0]
	for gi := range groups {
		g := &groups[gi]
		g.domCty, g.domAdm = "", -1
		if g.best < 0 || g.quiet {
			continue
		}
		e := g.cands[g.best].e
		// A name counts when its choice is clear: a qualifier, one
		// candidate, or a margin of at least ConfMargin.
		if g.margin < w.ConfMargin && len(g.quals) == 0 && len(g.cands) > 1 {
			continue
		}
		if len(ctx.sure) < maxNeighbours {
			ctx.sure = append(ctx.sure, neighbour{e: e, group: gi})
		}
		g.domCty, g.domAdm = e.Country, e.Admin1Idx
		ctx.domN++
		ctx.domCty[e.Country]++
		if e.Admin1Idx >= 0 {
			ctx.domAdm[e.Admin1Idx]++
		}
	}
}

// foreign reports whether, in pass 3, two or more of the article's other
// names are clear and none lies in e's country: "Athens has had few
// contested races" beside towns of Tennessee is not Greece's government.
func (ctx *context) foreign(g *group, e *gazetteer.Entry) bool {
	if ctx == nil || ctx.domCty == nil {
		return false
	}
	n := ctx.domN
	if g.domCty != "" {
		n--
	}
	cty, _ := ctx.domShare(g, e)
	return n >= 2 && cty == 0
}

// domShare returns the shares of the article's other names (not g) that
// lie in e's country and in its admin1 region.
func (ctx *context) domShare(g *group, e *gazetteer.Entry) (cty, adm float64) {
	n := float64(ctx.domN)
	if g.domCty != "" {
		n--
	}
	if n < 1 || ctx.domCty == nil {
		return 0, 0
	}
	c := ctx.domCty[e.Country]
	if g.domCty == e.Country {
		c--
	}
	a := 0.0
	if e.Admin1Idx >= 0 {
		a = ctx.domAdm[e.Admin1Idx]
		if g.domAdm == e.Admin1Idx {
			a--
		}
	}
	return max(c, 0) / n, max(a, 0) / n
}

type neighbour struct {
	e     gazetteer.Entry
	group int
}

func newContext() *context {
	return &context{countries: map[string]float64{}, admin1: map[int]float64{},
		admVotes: map[int]float64{}, ctyVotes: map[string]float64{}}
}

// vote counts where each name's candidates lie.
func (ctx *context) vote(groups []group) {
	for gi := range groups {
		g := &groups[gi]
		g.admSet, g.ctySet = map[int]bool{}, map[string]bool{}
		for _, c := range g.cands {
			if c.weak {
				continue
			}
			if c.e.Admin1Idx >= 0 {
				g.admSet[c.e.Admin1Idx] = true
			}
			g.ctySet[c.e.Country] = true
		}
		if g.quiet {
			continue
		}
		if n := len(g.admSet); n > 0 {
			g.admVote = 1 / float64(n)
			for a := range g.admSet {
				ctx.admVotes[a] += g.admVote
			}
		}
		if n := len(g.ctySet); n > 0 {
			g.ctyVote = 1 / float64(n)
			for c := range g.ctySet {
				ctx.ctyVotes[c] += g.ctyVote
			}
		}
	}
}

func (c *context) addCountry(code string, w float64) {
	if code == "" {
		return
	}
	c.countries[code] += w
	c.maxCount = max(c.maxCount, c.countries[code])
}

// addDemonyms counts the nationalities the article names ("Ukrainian
// forces") towards the countries it is about.
func (r *Resolver) addDemonyms(ctx *context, sents []model.Sentence, ents []model.Entity) {
	if r.kb == nil {
		return
	}
	for _, e := range ents {
		if e.Type != ner.NORP {
			continue
		}
		if code, ok := r.kb.Demonym(e.Text); ok {
			ctx.addCountry(code, 0.5)
		}
	}
}

// learn fills the context from the names resolved in pass 1: countries
// and regions named, and places pinned by a qualifier.
func (r *Resolver) learn(ctx *context, groups []group) {
	for gi := range groups {
		g := &groups[gi]
		if g.region >= 0 {
			ctx.addCountry(r.regions[g.region].country, 1)
			continue
		}
		if g.best < 0 || g.quiet {
			continue
		}
		e := g.cands[g.best].e
		switch e.Kind {
		case gazetteer.KindCountry:
			ctx.addCountry(e.Country, 1)
			g.own = e.Country
		case gazetteer.KindAdmin1:
			ctx.addCountry(e.Country, 1)
			ctx.admin1[e.Admin1Idx]++
			g.own = e.Country
		default:
			if len(g.quals) > 0 {
				ctx.addCountry(e.Country, 1)
				if e.Admin1Idx >= 0 {
					ctx.admin1[e.Admin1Idx]++
				}
				if len(ctx.anchors) < maxAnchors {
					ctx.anchors = append(ctx.anchors, e)
				}
			}
		}
		for _, q := range g.quals {
			for c := range q.countries {
				if len(q.countries) == 1 {
					ctx.addCountry(c, 1)
				}
			}
			if len(q.admin1) == 1 {
				for a := range q.admin1 {
					ctx.admin1[a]++
				}
			}
		}
	}
}

// resolve picks the best candidate of g; ctx is nil in pass 1.
func (r *Resolver) resolve(g *group, ctx *context) {
	g.best, g.margin = -1, 0
	best, second := math.Inf(-1), math.Inf(-1)
	for i := range g.cands {
		s := r.score(g, &g.cands[i], ctx)
		if ctx == nil {
			g.cands[i].p1 = s
		}
		if s > best {
			second = best
			best, g.best = s, i
		} else if s > second {
			second = s
		}
	}
	if g.best >= 0 {
		g.margin = best - second
	}
}

func (r *Resolver) score(g *group, c *cand, ctx *context) float64 {
	e := &c.e
	w := &r.w
	s := w.Pop * math.Log10(float64(e.Population)+100)
	switch e.Kind {
	case gazetteer.KindCountry:
		s += w.Country
	case gazetteer.KindAdmin1:
		s += 0.5
	case gazetteer.KindAdmin2:
		s -= 0.5
	case gazetteer.KindCity:
		switch e.Feature {
		case "PPLC":
			s += w.Capital
		case "PPLA":
			s += 0.7
		case "PPLA2":
			s += 0.3
		}
	}
	if c.weak {
		s -= 3
	}
	if c.alt {
		s -= 1.5
	}
	if c.kb {
		s += kbW
	}
	if bigName(g, c) {
		s += w.Big
	}
	if e.Kind == gazetteer.KindCity && e.Country == "USA" && r.standalone[g.key] == e.Admin1 && e.Admin1 != "" {
		s += w.Standalone
	}
	if g.actor && e.Feature == "PPLC" && !ctx.foreign(g, e) {
		s += actorW
	}
	if g.admin && (e.Kind == gazetteer.KindAdmin1 || e.Kind == gazetteer.KindAdmin2) {
		s += 4
	}
	for _, q := range g.quals {
		switch {
		case q.admin1[e.Admin1Idx] && e.Kind != gazetteer.KindAdmin1:
			s += w.QualAdm
		case q.countries[e.Country] && e.Kind != gazetteer.KindCountry:
			s += w.QualCty
		default:
			s -= w.QualMiss
		}
	}
	if ctx == nil {
		return s
	}
	if ctx.maxCount > 0 {
		n := ctx.countries[e.Country]
		if g.own == e.Country {
			n--
		}
		s += w.Ctx * max(n, 0) / ctx.maxCount
	}
	if e.Admin1Idx >= 0 {
		sup := ctx.admVotes[e.Admin1Idx]
		if g.admSet[e.Admin1Idx] {
			sup -= g.admVote
		}
		s += w.Adm * min(sup, w.AdmCap)
	}
	sup := ctx.ctyVotes[e.Country]
	if g.ctySet[e.Country] {
		sup -= g.ctyVote
	}
	s += w.Cty * min(sup, 4)
	if e.Kind != gazetteer.KindAdmin1 && e.Kind != gazetteer.KindCountry && ctx.admin1[e.Admin1Idx] > 0 {
		s += w.AdmCtx
	}
	if e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin2 {
		for _, a := range ctx.anchors {
			if a.Index != e.Index && Distance(a.Lat, a.Lon, e.Lat, e.Lon) < 100 {
				s += 2
				break
			}
		}
	}
	s += w.Spatial * float64(min(c.near, w.SpatialCap))
	// Nearness: towns and counties near the other names' places; a region
	// or country holding them.
	near := 0.0
	for _, n := range ctx.neighbours {
		if n.group == ctx.self || n.e.Index == e.Index {
			continue
		}
		switch e.Kind {
		case gazetteer.KindAdmin1:
			if n.e.Admin1Idx == e.Admin1Idx {
				near = max(near, w.Near)
			}
			continue
		case gazetteer.KindCountry:
			if n.e.Country == e.Country {
				near = max(near, w.Near/2)
			}
			continue
		}
		switch d := Distance(n.e.Lat, n.e.Lon, e.Lat, e.Lon); {
		case d < nearKm:
			near = max(near, w.Near)
		case d < 100:
			near = max(near, w.Near/2)
		}
	}
	s += near
	if w.Area != 0 && (e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin2) {
		n, in := 0, 0
		for _, o := range ctx.sure {
			if o.group == ctx.self {
				continue
			}
			n++
			if Distance(o.e.Lat, o.e.Lon, e.Lat, e.Lon) < areaKm {
				in++
			}
		}
		if n > 0 {
			s += w.Area * float64(in) / float64(n)
		}
	}
	if ctx.domCty != nil && (w.Dom != 0 || w.DomAdm != 0) {
		cty, adm := ctx.domShare(g, e)
		s += w.Dom*cty + w.DomAdm*adm
	}
	return s
}

// shortNames resolves a name the article also gives in full, with words
// after it, to the town the full name resolved to: "Avondale" beside
// "Avondale Estates", "Salt Lake" beside "Salt Lake City". A name that
// can be a country or first-level region keeps its own resolution
// ("Kansas" beside "Kansas City").
func (r *Resolver) shortNames(groups []group) {
	for gi := range groups {
		g := &groups[gi]
		if g.quiet || g.region >= 0 || g.admin || len(g.quals) > 0 {
			continue
		}
		big := false
		for _, c := range g.cands {
			big = big || !c.weak && (c.e.Kind == gazetteer.KindCountry || c.e.Kind == gazetteer.KindAdmin1)
		}
		if big {
			continue
		}
		for gj := range groups {
			f := &groups[gj]
			if gj == gi || f.quiet || f.best < 0 || !strings.HasPrefix(f.key, g.key+" ") {
				continue
			}
			e := f.cands[f.best].e
			if e.Kind != gazetteer.KindCity || f.margin < r.w.ConfMargin && len(f.quals) == 0 && len(f.cands) > 1 {
				continue
			}
			if g.best >= 0 && g.cands[g.best].e.Index == e.Index {
				break
			}
			g.cands = append(g.cands, cand{e: e})
			g.best = len(g.cands) - 1
			break
		}
	}
}

// Limits of localGuess.
const (
	localKm    = 150.0    // the article's clear towns lie this close to their middle
	farKm      = 1000.0   // a town this far from the middle is no local one
	maxFarTown = 100000.0 // a town this populous is named for itself, far or not
	featureKm  = 300.0    // farKm for the town a local feature is named after
)

// localGuess puts a name the gazetteer probably lacks at the middle of
// the article's local places. An article whose clear towns and counties
// lie close together is local news, and a small namesake town far away
// from them ("Brandon" in Vermont beside towns of Minnesota) is more
// likely a local place missing from the gazetteer; it is put at the
// nearest of the local places with kind "other". Names with a qualifier,
// regions, countries and first-level regions are left alone.
func (r *Resolver) localGuess(groups []group) {
	var pts []gazetteer.Entry
	for gi := range groups {
		g := &groups[gi]
		if g.quiet || g.best < 0 || g.guess != nil {
			continue
		}
		e := g.cands[g.best].e
		if e.Kind != gazetteer.KindCity && e.Kind != gazetteer.KindAdmin2 {
			continue
		}
		if g.margin < r.w.ConfMargin && len(g.quals) == 0 && len(g.cands) > 1 {
			continue
		}
		pts = append(pts, e)
		if len(pts) >= maxNeighbours {
			break
		}
	}
	if len(pts) < 2 {
		return
	}
	lats, lons := make([]float64, len(pts)), make([]float64, len(pts))
	for i, e := range pts {
		lats[i], lons[i] = e.Lat, e.Lon
	}
	slices.Sort(lats)
	slices.Sort(lons)
	mlat, mlon := lats[len(lats)/2], lons[len(lons)/2]
	in := 0
	var mid *gazetteer.Entry
	best := math.Inf(1)
	for i := range pts {
		d := Distance(mlat, mlon, pts[i].Lat, pts[i].Lon)
		if d < localKm {
			in++
		}
		if d < best {
			best, mid = d, &pts[i]
		}
	}
	if in < 2 || 3*in < 2*len(pts) {
		return
	}
	for gi := range groups {
		g := &groups[gi]
		if g.quiet || g.region >= 0 || len(g.quals) > 0 || g.actor {
			continue
		}
		if g.best < 0 {
			// "Coffman Park", "Jerome Township": a feature the
			// gazetteer lacks, in a local article.
			if len(g.cands) == 0 && (g.nerCount > 0 && (localFeature(g.text) || g.inPlace && !institution(g.text)) || g.dateline) {
				g.guess = mid
			}
			continue
		}
		e := g.cands[g.best].e
		if e.Kind != gazetteer.KindCity && !(g.feature && e.Kind == gazetteer.KindAdmin2) ||
			float64(e.Population) >= maxFarTown || e.Feature == "PPLC" {
			continue
		}
		// A feature named after a town ("Knox Park") is far at a
		// shorter distance.
		limit := farKm
		if g.feature {
			limit = featureKm
		}
		far := true
		for _, c := range g.cands {
			if c.e.Kind == gazetteer.KindCountry || c.e.Kind == gazetteer.KindAdmin1 && !c.weak ||
				Distance(mlat, mlon, c.e.Lat, c.e.Lon) < limit {
				far = false
				break
			}
		}
		if far {
			g.guess = mid
		}
	}
}

// featureWords end the names of local features: parks, townships,
// lakes, rivers, hills, neighbourhoods.
var featureWords = map[string]bool{
	"park": true, "township": true, "twp.": true, "lake": true, "lakes": true, "river": true, "creek": true,
	"valley": true, "hill": true, "hills": true, "mountain": true, "mountains": true, "island": true,
	"beach": true, "bay": true, "heights": true, "village": true, "springs": true, "falls": true, "forest": true,
	"woods": true, "ridge": true, "pond": true, "harbor": true, "harbour": true, "reservoir": true, "canyon": true,
	"gap": true, "swamp": true, "cove": true, "grove": true, "estates": true, "side": true,
}

// institution reports whether a name has a word for a body, building or
// event in it ("City Council", "Sheriff's Office"): no place the
// gazetteer lacks.
func institution(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if civicNouns[w] || cityBodies[w] || institutionWords[w] {
			return true
		}
	}
	return false
}

var institutionWords = map[string]bool{
	"office": true, "department": true, "church": true, "center": true, "centre": true, "hotel": true,
	"inn": true, "bar": true, "restaurant": true, "jail": true, "prison": true, "court": true, "museum": true,
	"stadium": true, "arena": true, "club": true, "company": true, "corp.": true, "inc.": true, "day": true,
	"month": true, "week": true, "festival": true, "olympics": true, "games": true, "party": true,
	"committee": true, "association": true, "society": true, "foundation": true, "institute": true,
	"academy": true, "agency": true, "authority": true, "bureau": true, "service": true, "services": true,
}

// localFeature reports whether a name ends in a word of featureWords or
// starts with "Lake" or "Mount" ("Lake Lanier", "Mount Washington").
func localFeature(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	first := strings.ToLower(f[0])
	return featureWords[strings.ToLower(f[len(f)-1])] || first == "lake" || first == "mount" || first == "mt."
}

// within resolves a name whose qualifier names a region or country that
// none of its candidates lies in ("Grantville, Pennsylvania" when the
// gazetteer knows only the Grantville of Georgia) to that region or
// country: it is there, and not at a namesake elsewhere.
func (r *Resolver) within(g *group) {
	if r.idx == nil || len(g.quals) == 0 || g.region >= 0 || g.admin {
		return
	}
	for _, c := range g.cands {
		if !c.weak && (c.e.Kind == gazetteer.KindCountry || c.e.Kind == gazetteer.KindAdmin1) {
			return // "Greece, Bulgaria and Italy" is a list
		}
	}
	if g.best >= 0 {
		e := &g.cands[g.best].e
		for _, q := range g.quals {
			if len(q.admin1) > 0 && q.admin1[e.Admin1Idx] || len(q.admin1) == 0 && q.countries[e.Country] {
				return
			}
		}
	}
	for _, q := range g.quals {
		var e gazetteer.Entry
		switch {
		case q.list:
			continue
		case len(q.admin1) == 1:
			for ai := range q.admin1 {
				ei := r.idx.Admin1Entry(ai)
				if ei < 0 {
					return
				}
				e = r.idx.Entry(ei)
			}
		case len(q.countries) == 1 && len(q.admin1) == 0:
			for c := range q.countries {
				ce, ok := r.idx.Country(c)
				if !ok {
					return
				}
				e = ce
			}
		default:
			continue
		}
		g.cands = append(g.cands, cand{e: e})
		g.best = len(g.cands) - 1
		return
	}
}

// bigName reports whether c is a country or first-level region under its
// own name, and not one named after its own town ("Alexandria"
// governorate and city).
func bigName(g *group, c *cand) bool {
	e := &c.e
	if c.weak || c.alt || c.stripped {
		return false
	}
	switch e.Kind {
	case gazetteer.KindCountry:
		return true
	case gazetteer.KindCity:
		// "Washington": a national capital that shares its name with a
		// region of its country weighs as much as the region.
		if e.Feature != "PPLC" {
			return false
		}
		for i := range g.cands {
			o := &g.cands[i]
			if o.e.Kind == gazetteer.KindAdmin1 && o.e.Country == e.Country && !o.weak && !o.alt && !o.stripped {
				return true
			}
		}
		return false
	case gazetteer.KindAdmin1:
		for i := range g.cands {
			o := &g.cands[i].e
			if o.Kind == gazetteer.KindCity && o.Admin1Idx == e.Admin1Idx && !g.cands[i].alt {
				return false
			}
		}
		return true
	}
	return false
}

// place turns a resolved group into a contract place.
func (r *Resolver) place(g *group) (model.Place, bool) {
	if g.region >= 0 {
		rg := r.regions[g.region]
		return model.Place{Name: rg.name, Country: model.StrPtr(rg.country), Lat: rg.lat, Lon: rg.lon, Kind: "region"}, true
	}
	if g.guess != nil {
		e := g.guess
		return model.Place{Name: g.text, Country: model.StrPtr(e.Country), Admin1: model.StrPtr(e.Admin1),
			Lat: round(e.Lat), Lon: round(e.Lon), Kind: "other", Approx: true}, true
	}
	if g.best < 0 {
		return model.Place{}, false
	}
	e := g.cands[g.best].e
	if pt, ok := r.points[e.Country]; ok && e.Kind == gazetteer.KindCountry {
		e.Lat, e.Lon = pt.lat, pt.lon
	}
	if pt, ok := r.points[e.Country+"/"+e.Name]; ok && e.Kind == gazetteer.KindAdmin1 {
		e.Lat, e.Lon = pt.lat, pt.lon
	}
	p := model.Place{
		Name: e.Name, Country: model.StrPtr(e.Country),
		Lat: round(e.Lat), Lon: round(e.Lon),
	}
	switch e.Kind {
	case gazetteer.KindCity:
		p.Kind = "city"
	case gazetteer.KindAdmin1:
		p.Kind = "admin1"
	case gazetteer.KindCountry:
		p.Kind = "country"
	default:
		p.Kind = "other"
	}
	if e.Kind == gazetteer.KindCity || e.Kind == gazetteer.KindAdmin2 {
		p.Admin1 = model.StrPtr(e.Admin1)
	}
	if e.GeonameID != 0 {
		id := e.GeonameID
		p.GeonameID = &id
	}
	return p, true
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Distance returns the great-circle distance between two points in km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371.0088 * math.Asin(math.Min(1, math.Sqrt(a)))
}
