package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// roleNames are the office roles people.tsv may use; titles.tsv refers to
// them by name and they are kept as bits of a mask.
var roleNames = []string{
	"head_of_state", "head_of_government", "head_of_state_and_government",
	"vice_president", "crown_prince", "foreign_minister", "defence_minister",
	"military_chief", "official", "group_leader", "igo_head", "opposition_leader",
}

func roleBit(name string) (uint32, bool) {
	for i, n := range roleNames {
		if n == name {
			return 1 << uint(i), true
		}
	}
	return 0, false
}

const dateLayout = "2006-01-02"

// readTSV reads a data file: TAB-separated fields, "#" comment lines and
// blank lines skipped, "-" meaning an empty field. It returns the rows and
// their line numbers.
func readTSV(fsys fs.FS, path string, cols int) ([][]string, []int, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var rows [][]string
	var lines []int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != cols {
			return nil, nil, fmt.Errorf("%s:%d: %d fields, want %d", path, n, len(fields), cols)
		}
		for i, fld := range fields {
			fld = strings.TrimSpace(fld)
			if fld == "-" {
				fld = ""
			}
			fields[i] = fld
		}
		rows = append(rows, fields)
		lines = append(lines, n)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, lines, nil
}

// list splits a "|" list, dropping empty items.
func list(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// validCode reports whether s looks like a CAMEO code: groups of three
// capital letters, at most five groups.
func validCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	return t, nil
}

func lineErr(line int, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

var countryStatuses = map[string]bool{"state": true, "territory": true, "historical": true, "breakaway": true, "region": true}

func (kb *KB) parseCountries(rows [][]string, lines []int) error {
	for i, f := range rows {
		code, iso3, name, official := f[0], f[1], f[2], f[3]
		status := f[8]
		if len(code) != 3 || !validCode(code) {
			return lineErr(lines[i], "bad country code %q", code)
		}
		if iso3 != "" && (len(iso3) != 3 || !validCode(iso3)) {
			return lineErr(lines[i], "bad ISO3 %q", iso3)
		}
		if name == "" {
			return lineErr(lines[i], "missing name")
		}
		if !countryStatuses[status] {
			return lineErr(lines[i], "bad status %q", status)
		}
		idx := len(kb.countries)
		c := country{code: code, iso3: iso3, name: name, official: official, status: status, note: f[9], capitals: list(f[7])}
		kb.countries = append(kb.countries, c)
		sub := status == "breakaway" || status == "region"
		kind, capKind := refCountry, refCapital
		if sub {
			kind, capKind = refPlace, refPlaceCapital
		} else {
			if _, dup := kb.byCode[code]; dup {
				return lineErr(lines[i], "country code %s listed twice", code)
			}
			kb.byCode[code] = idx
			kb.stats.Countries++
			if status == "state" {
				kb.stats.States++
			}
		}
		if sub {
			kb.stats.Countries++
		}
		for _, n := range append([]string{name, official}, list(f[4])...) {
			if n != "" {
				kb.addName(n, ref{kind: kind, idx: idx, cs: isAcronym(n)})
			}
		}
		for _, d := range append(list(f[5]), list(f[6])...) {
			k := normKey(d)
			if k == "" {
				continue
			}
			if old, ok := kb.demonyms[k]; ok && old.code != code {
				return lineErr(lines[i], "demonym %q already belongs to %s", d, old.code)
			}
			if _, ok := kb.demonyms[k]; !ok {
				kb.stats.Demonyms++
			}
			kb.demonyms[k] = demonym{code: code, sub: sub}
		}
		for _, cp := range c.capitals {
			ci := len(kb.capitals)
			kb.capitals = append(kb.capitals, capital{name: cp, country: idx})
			kb.addName(cp, ref{kind: capKind, idx: ci})
			kb.stats.Capitals++
		}
	}
	return nil
}

func (kb *KB) parseRegions(rows [][]string, lines []int) error {
	for i, f := range rows {
		code, name := f[0], f[1]
		if len(code) != 3 || !validCode(code) || name == "" {
			return lineErr(lines[i], "bad region %q %q", code, name)
		}
		if kb.isCountryCode(code) {
			return lineErr(lines[i], "region code %s is also a country code", code)
		}
		idx := len(kb.regions)
		kb.regions = append(kb.regions, region{code: code, name: name})
		for _, n := range append([]string{name}, list(f[2])...) {
			kb.addName(n, ref{kind: refRegion, idx: idx})
		}
		for _, a := range list(f[3]) {
			k := normKey(a)
			if _, ok := kb.demonyms[k]; ok {
				return lineErr(lines[i], "region adjective %q is also a demonym", a)
			}
			kb.regionAdj[k] = idx
		}
		kb.stats.Regions++
	}
	return nil
}

var igoKinds = map[string]Kind{"igo": KindIGO, "ngo": KindNGO, "ngm": KindNGO}
var igoBases = map[string]bool{"cameo": true, "contract": true, "derived": true}

func (kb *KB) parseIGOs(rows [][]string, lines []int) error {
	for i, f := range rows {
		code, name, kind, basis := f[0], f[1], f[3], f[4]
		if !validCode(code) {
			return lineErr(lines[i], "bad code %q", code)
		}
		if name == "" {
			return lineErr(lines[i], "missing name")
		}
		if _, ok := igoKinds[kind]; !ok {
			return lineErr(lines[i], "bad kind %q", kind)
		}
		if !igoBases[basis] {
			return lineErr(lines[i], "bad basis %q", basis)
		}
		idx := len(kb.igos)
		kb.igos = append(kb.igos, igo{code: code, name: name, kind: kind, basis: basis})
		for _, n := range append([]string{name}, list(f[2])...) {
			kb.addName(n, ref{kind: refIGO, idx: idx, cs: isAcronym(n)})
		}
		kb.stats.IGOs++
	}
	return nil
}

var instKinds = map[string]Kind{"seat": KindSeat, "institution": KindInstitution, "party": KindParty, "media": KindMedia, "group": KindGroup}

func (kb *KB) parseInstitutions(rows [][]string, lines []int) error {
	byName := map[string]int{}
	for i, f := range rows {
		name, kind, code := f[0], f[2], f[3]
		k, ok := instKinds[kind]
		if !ok {
			return lineErr(lines[i], "bad kind %q", kind)
		}
		if name == "" || !validCode(code) {
			return lineErr(lines[i], "bad name or code %q %q", name, code)
		}
		start, err := parseDate(f[4])
		if err != nil {
			return lineErr(lines[i], "%v", err)
		}
		end, err := parseDate(f[5])
		if err != nil {
			return lineErr(lines[i], "%v", err)
		}
		if !start.IsZero() && !end.IsZero() && end.Before(start) {
			return lineErr(lines[i], "end before start")
		}
		idx, seen := byName[name]
		if !seen {
			idx = len(kb.insts)
			byName[name] = idx
			kb.insts = append(kb.insts, inst{name: name})
			kb.addName(name, ref{kind: refInst, idx: idx, cs: isAcronym(name)})
			kb.stats.Institutions++
		}
		kb.insts[idx].periods = append(kb.insts[idx].periods, period{code: code, start: start, end: end, kind: k})
		for _, a := range list(f[1]) {
			kb.addName(a, ref{kind: refInst, idx: idx, cs: isAcronym(a)})
		}
	}
	return nil
}

func (kb *KB) parseTitles(rows [][]string, lines []int) error {
	for i, f := range rows {
		var te titleEntry
		for _, r := range list(f[1]) {
			switch r {
			case "any":
				te.any = true
			case "former":
				te.former = true
			default:
				b, ok := roleBit(r)
				if !ok {
					return lineErr(lines[i], "unknown role %q", r)
				}
				te.roles |= b
			}
		}
		if te.roles == 0 && !te.any && !te.former {
			return lineErr(lines[i], "no roles")
		}
		for _, form := range list(f[0]) {
			toks := tokenize(form)
			k := joinKeys(toks)
			if k == "" {
				continue
			}
			if old, dup := kb.titles[k]; dup {
				if old != te {
					return lineErr(lines[i], "title %q listed twice", form)
				}
				continue
			}
			kb.titles[k] = te
			if len(toks) > kb.maxTitle {
				kb.maxTitle = len(toks)
			}
			kb.stats.Titles++
		}
	}
	return nil
}

func (kb *KB) parsePeople(rows [][]string, lines []int) error {
	byName := map[string]int{}
	for i, f := range rows {
		name, ctry, role, title, code := f[0], f[2], f[3], f[4], f[5]
		if name == "" {
			return lineErr(lines[i], "missing name")
		}
		if ctry != "" && (len(ctry) != 3 || !validCode(ctry)) {
			return lineErr(lines[i], "bad country %q", ctry)
		}
		if _, ok := roleBit(role); !ok {
			return lineErr(lines[i], "unknown role %q", role)
		}
		if !validCode(code) {
			return lineErr(lines[i], "bad code %q", code)
		}
		start, err := parseDate(f[6])
		if err != nil {
			return lineErr(lines[i], "%v", err)
		}
		if start.IsZero() {
			return lineErr(lines[i], "missing start date")
		}
		end, err := parseDate(f[7])
		if err != nil {
			return lineErr(lines[i], "%v", err)
		}
		if !end.IsZero() && end.Before(start) {
			return lineErr(lines[i], "end before start")
		}
		idx, seen := byName[name]
		if !seen {
			idx = len(kb.people)
			byName[name] = idx
			kb.people = append(kb.people, person{name: name})
			kb.addName(name, ref{kind: refPerson, idx: idx})
			kb.stats.People++
		}
		kb.people[idx].terms = append(kb.people[idx].terms, term{country: ctry, role: role, title: title, code: code, start: start, end: end})
		kb.stats.Terms++
		for _, a := range list(f[1]) {
			flag := aliasPlain
			switch a[0] {
			case '?':
				flag, a = aliasAmbiguous, a[1:]
			case '~':
				flag, a = aliasNickname, a[1:]
			}
			if a == "" {
				return lineErr(lines[i], "empty alias")
			}
			kb.addName(a, ref{kind: refPerson, idx: idx, flag: flag, cs: isAcronym(a)})
		}
	}
	return nil
}

func (kb *KB) parseRoles(rows [][]string, lines []int) error {
	for i, f := range rows {
		code, weak := f[1], f[2]
		if !validCode(code) && code != "SELF" && code != "ALLY" && code != "COUNTERPART" {
			return lineErr(lines[i], "bad code %q", code)
		}
		if weak != "" && weak != "weak" && weak != "mod" {
			return lineErr(lines[i], "bad weak column %q", weak)
		}
		for _, form := range list(f[0]) {
			toks := tokenize(form)
			k := joinKeys(toks)
			if k == "" {
				continue
			}
			if weak == "mod" {
				if old, dup := kb.mods[k]; dup && old != code {
					return lineErr(lines[i], "modifier %q already maps to %s", form, old)
				}
				if _, dup := kb.mods[k]; !dup {
					kb.stats.ModForms++
				}
				kb.mods[k] = code
				continue
			}
			if old, dup := kb.roles[k]; dup {
				if old.code != code || old.weak != (weak == "weak") {
					return lineErr(lines[i], "role %q already maps to %s", form, old.code)
				}
				continue
			}
			kb.roles[k] = roleEntry{code: code, weak: weak == "weak"}
			kb.stats.RoleForms++
			if len(toks) > kb.maxRole {
				kb.maxRole = len(toks)
			}
		}
	}
	if len(kb.roles) == 0 {
		return errors.New("no roles")
	}
	return nil
}
