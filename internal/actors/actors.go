// Package actors is vigil's actor knowledge base: countries with their names,
// demonyms and capitals, international bodies, national institutions and
// armed groups, people with the dates of their offices, and role nouns. It
// turns names and noun phrases from news text into CAMEO actor codes:
//
//	kb, err := actors.Load()
//	m, ok := kb.LookupName("Zelenskiy", date)              // UKRGOV, "Volodymyr Zelenskyy"
//	code, ok := kb.Compose([]string{"Russian"}, "units", date) // RUSMIL
//
// The data is a set of readable TSV files under data/, embedded in the binary
// and documented in docs/ACTORS.md. A KB is immutable once loaded and safe for
// concurrent use.
package actors

import (
	"embed"
	"fmt"
	"io/fs"
	"time"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Kind says what sort of entity a name resolved to.
type Kind string

// Kinds of match.
const (
	KindCountry     Kind = "country"     // a state, territory or historical state
	KindPlace       Kind = "place"       // a breakaway entity or sub-national region (code of its state)
	KindCapital     Kind = "capital"     // a capital or seat-of-government city used as a metonym (country + GOV)
	KindNationality Kind = "nationality" // an adjective or demonym used as a name ("the Russians")
	KindRegion      Kind = "region"      // an international region ("the West", WST)
	KindSeat        Kind = "seat"        // a seat of power ("the Kremlin", "the Pentagon")
	KindInstitution Kind = "institution" // a named national body (FSB, Knesset, IDF)
	KindParty       Kind = "party"       // a political party (code depends on the date)
	KindMedia       Kind = "media"       // a news organisation
	KindGroup       Kind = "group"       // a named armed or non-state group (Hamas, Taliban, ISIS)
	KindIGO         Kind = "igo"         // an intergovernmental organisation or one of its organs
	KindNGO         Kind = "ngo"         // a non-governmental organisation or movement
	KindPerson      Kind = "person"      // a person in people.tsv
	KindComposed    Kind = "composed"    // built from a qualifier and a role ("Russian Defence Ministry")
)

// Match is the result of resolving a name.
type Match struct {
	Kind    Kind
	Code    string // full CAMEO actor code ("UKRGOV", "IGOWSTNAT"); "" when none applies
	Country string // the actor's country code, "" for international actors
	Name    string // canonical name ("Volodymyr Zelenskyy", "Russia", "NATO")
	// Role is the office of a person at the date ("head_of_state",
	// "former_head_of_government", ...), or for other kinds the kind of line
	// that matched ("capital", "state", "region").
	Role  string
	Title string // a person's title at the date ("President"); "" otherwise
	// Start and End bound the office (or the institution's period) that
	// applied; End is zero when the office is open.
	Start, End time.Time
	// Ambiguous is set when several people share the name at the date and
	// all would get the same code: Code is given but Name is empty.
	Ambiguous bool
}

// KB is the loaded knowledge base. It is never modified after Load.
type KB struct {
	countries []country
	byCode    map[string]int // country code -> index of its main (non-region) line
	capitals  []capital
	regions   []region
	igos      []igo
	insts     []inst
	people    []person

	names     map[string][]ref // normalised name -> entities
	demonyms  map[string]demonym
	regionAdj map[string]int // normalised region adjective -> region index
	roles     map[string]roleEntry
	mods      map[string]string
	titles    map[string]titleEntry
	maxRole   int // longest role form, in words
	maxTitle  int // longest title form, in words
	maxName   int // longest name, in words
	typos     typoIndex

	stats Stats
}

// Stats counts the records loaded from each data file.
type Stats struct {
	Countries    int // lines of countries.tsv (states, territories, regions, historical)
	States       int // of which status "state"
	Capitals     int // capital and seat-of-government names
	Demonyms     int // distinct adjective and demonym forms
	Regions      int
	IGOs         int // lines of igos.tsv
	Institutions int // distinct names in institutions.tsv
	People       int // distinct people in people.tsv
	Terms        int // office terms in people.tsv
	RoleForms    int // distinct role nouns in roles.tsv
	ModForms     int // distinct role modifiers in roles.tsv
	Titles       int // distinct title forms in titles.tsv
	Names        int // distinct normalised lookup keys
}

type country struct {
	code, iso3, name, official, status, note string
	capitals                                 []string
}

type capital struct {
	name    string
	country int
}

type region struct {
	code, name string
}

type igo struct {
	code, name, kind, basis string
}

type period struct {
	code       string
	start, end time.Time // zero: open
	kind       Kind
}

type inst struct {
	name    string
	periods []period
}

type term struct {
	country, role, title, code string
	start, end                 time.Time // end zero: open
}

type person struct {
	name  string
	terms []term
}

type refKind uint8

const (
	refCountry refKind = iota
	refPlace
	refCapital
	refPlaceCapital
	refRegion
	refIGO
	refInst
	refPerson
)

type aliasFlag uint8

const (
	aliasPlain     aliasFlag = iota
	aliasAmbiguous           // "?": needs a title
	aliasNickname            // "~": only while in office
)

type ref struct {
	kind refKind
	idx  int
	flag aliasFlag
	cs   bool // short acronym: matches only input in capitals
}

type demonym struct {
	code string
	sub  bool // from a sub-national or breakaway line
}

type roleEntry struct {
	code string
	weak bool
}

type titleEntry struct {
	roles  uint32
	any    bool
	former bool
}

// Load parses the embedded data files and builds the lookup indexes. Call it
// once and share the KB: it is read-only and safe for concurrent use.
func Load() (*KB, error) {
	return load(dataFS)
}

func load(fsys fs.FS) (*KB, error) {
	kb := &KB{
		byCode:    map[string]int{},
		names:     map[string][]ref{},
		demonyms:  map[string]demonym{},
		regionAdj: map[string]int{},
		roles:     map[string]roleEntry{},
		mods:      map[string]string{},
		titles:    map[string]titleEntry{},
	}
	steps := []struct {
		file  string
		parse func([][]string, []int) error
		cols  int
	}{
		{"countries.tsv", kb.parseCountries, 10},
		{"regions.tsv", kb.parseRegions, 5},
		{"igos.tsv", kb.parseIGOs, 6},
		{"institutions.tsv", kb.parseInstitutions, 7},
		{"titles.tsv", kb.parseTitles, 3},
		{"people.tsv", kb.parsePeople, 9},
		{"roles.tsv", kb.parseRoles, 4},
	}
	for _, s := range steps {
		rows, lines, err := readTSV(fsys, "data/"+s.file, s.cols)
		if err != nil {
			return nil, fmt.Errorf("load actors: %w", err)
		}
		if err := s.parse(rows, lines); err != nil {
			return nil, fmt.Errorf("load actors: %s: %w", s.file, err)
		}
	}
	kb.stats.Names = len(kb.names)
	kb.buildTypos()
	return kb, nil
}

// Stats reports how many records each data file contributed.
func (kb *KB) Stats() Stats { return kb.stats }

// CountryName returns the canonical short name of a country code ("RUS" ->
// "Russia").
func (kb *KB) CountryName(code string) (string, bool) {
	i, ok := kb.byCode[code]
	if !ok {
		return "", false
	}
	return kb.countries[i].name, true
}

// IsRegion reports whether code is one of the KB's international region
// codes ("WST", "AFR"), which stand where a country code would.
func (kb *KB) IsRegion(code string) bool {
	for _, r := range kb.regions {
		if r.code == code {
			return true
		}
	}
	return false
}

// isCountryCode reports whether code is one of the KB's country codes.
func (kb *KB) isCountryCode(code string) bool {
	_, ok := kb.byCode[code]
	return ok
}

// countryOf returns the country part of an actor code, or "".
func (kb *KB) countryOf(code string) string {
	if len(code) >= 3 && kb.isCountryCode(code[:3]) {
		return code[:3]
	}
	return ""
}

func (kb *KB) addName(name string, r ref) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	k := joinKeys(toks)
	refs := kb.names[k]
	for i, old := range refs {
		if old.kind == r.kind && old.idx == r.idx {
			// the same entity under the same key: keep the least restrictive flag
			if r.flag < old.flag {
				refs[i].flag = r.flag
			}
			refs[i].cs = refs[i].cs && r.cs
			return
		}
	}
	kb.names[k] = append(refs, r)
	if len(toks) > kb.maxName {
		kb.maxName = len(toks)
	}
}
