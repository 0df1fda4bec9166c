package actors

import (
	"bufio"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/shareddata"
)

// internationalPrefixes are the generic codes an actor code may start with
// instead of a country (CAMEO manual table 3.2).
var internationalPrefixes = map[string]bool{"IGO": true, "IMG": true, "INT": true, "MNC": true, "NGM": true, "NGO": true, "UIS": true}

// allCodes lists every actor code in the data files, with where it came from.
func allCodes(kb *KB) map[string]string {
	codes := map[string]string{}
	for _, c := range kb.countries {
		codes[c.code] = "countries.tsv " + c.name
	}
	for _, g := range kb.igos {
		codes[g.code] = "igos.tsv " + g.name
	}
	for _, in := range kb.insts {
		for _, p := range in.periods {
			codes[p.code] = "institutions.tsv " + in.name
		}
	}
	for _, p := range kb.people {
		for _, t := range p.terms {
			codes[t.code] = "people.tsv " + p.name
		}
	}
	for k, r := range kb.roles {
		if !isSpecial(r.code) {
			codes[r.code] = "roles.tsv " + k
		}
	}
	for k, c := range kb.mods {
		codes[c] = "roles.tsv " + k
	}
	for _, r := range kb.regions {
		codes[r.code] = "regions.tsv " + r.name
	}
	return codes
}

// TestDataIntegrity checks the data files against themselves; it needs no
// shared data.
func TestDataIntegrity(t *testing.T) {
	kb := loadKB(t)
	isos := map[string]string{}
	for _, c := range kb.countries {
		if c.iso3 == "" {
			if c.status == "state" && c.code != "KSV" {
				t.Errorf("country %s (%s) has no ISO3 code", c.name, c.code)
			}
			continue
		}
		if !validCode(c.iso3) || len(c.iso3) != 3 {
			t.Errorf("country %s: bad ISO3 %q", c.name, c.iso3)
		}
		if other, dup := isos[c.iso3]; dup {
			t.Errorf("ISO3 %s used by %s and %s", c.iso3, other, c.name)
		}
		isos[c.iso3] = c.name
		if c.iso3 != c.code {
			t.Errorf("country %s: ISO3 %s differs from its code %s (document an exception)", c.name, c.iso3, c.code)
		}
		if len(c.capitals) == 0 && c.status == "state" && !strings.Contains(c.note, "capital") {
			t.Errorf("state %s has no capital and no note saying why", c.name)
		}
	}
	if kb.stats.States < 193 {
		t.Errorf("%d states, want every UN member (193) and more", kb.stats.States)
	}
	for _, p := range kb.people {
		for _, tm := range p.terms {
			if tm.country != "" && !kb.isCountryCode(tm.country) {
				t.Errorf("%s: unknown country %s", p.name, tm.country)
			}
			prefix := tm.code[:3]
			if tm.country != "" && prefix != tm.country {
				t.Errorf("%s: code %s is not in the term's country %s", p.name, tm.code, tm.country)
			}
			if tm.country == "" && !internationalPrefixes[prefix] {
				t.Errorf("%s: international office with national code %s", p.name, tm.code)
			}
			if tm.title == "" {
				t.Errorf("%s: term without a title", p.name)
			}
		}
	}
	for code, where := range allCodes(kb) {
		prefix := code[:3]
		if !kb.isCountryCode(prefix) && !internationalPrefixes[prefix] && !isRegionCode(kb, prefix) && !roleCodes[prefix] {
			t.Errorf("%s: code %s starts with neither a country, a region nor an international code", where, code)
		}
	}
	// A plain person alias must not shadow (or be shadowed by) a country,
	// capital, institution or IGO name: those would win and the person
	// would never be found.
	var clashes []string
	for k, refs := range kb.names {
		var person, other bool
		for _, r := range refs {
			switch {
			case r.kind == refPerson && r.flag == aliasPlain:
				person = true
			case r.kind != refPerson:
				other = true
			}
		}
		if person && other {
			clashes = append(clashes, k)
		}
	}
	sort.Strings(clashes)
	for _, k := range clashes {
		t.Errorf("name %q is both a person's plain alias and another entity; mark the alias \"?\" or drop it", k)
	}
	// Every title and role form must be reachable, and no demonym may also
	// be a role noun (the modifier would be read two ways).
	for k := range kb.demonyms {
		if _, ok := kb.roles[k]; ok {
			t.Errorf("%q is both a demonym and a role noun", k)
		}
	}
}

func isRegionCode(kb *KB, code string) bool {
	for _, r := range kb.regions {
		if r.code == code {
			return true
		}
	}
	return false
}

// codebook holds the code lists of ../shared/codebooks.
type codebook struct {
	types     map[string]string // CAMEO actor type codes -> class
	plover    map[string]bool   // PLOVER sector codes
	countries map[string]bool   // Phoenix country codes
	groups    map[string]bool   // every 3-letter group of a code printed in the CAMEO manual's chapter 3
	fullCodes map[string]bool   // every code printed in chapter 3 and the contract
}

func readCodebook(t *testing.T) codebook {
	t.Helper()
	cb := codebook{types: map[string]string{}, plover: map[string]bool{}, countries: map[string]bool{}, groups: map[string]bool{}, fullCodes: map[string]bool{}}
	firstColumn := func(elems ...string) [][]string {
		p, err := shareddata.Path(elems...)
		if err != nil {
			t.Skip(err.Error())
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatalf("open %s: %v", p, err)
		}
		defer f.Close()
		var rows [][]string
		sc := bufio.NewScanner(f)
		for first := true; sc.Scan(); first = false {
			if first {
				continue // header
			}
			rows = append(rows, strings.Split(sc.Text(), "\t"))
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		return rows
	}
	for _, r := range firstColumn("codebooks", "cameo", "cameo_actor_type_codes.tsv") {
		if len(r) >= 2 {
			cb.types[r[0]] = r[1]
		}
	}
	for _, r := range firstColumn("codebooks", "plover", "PLOVER_sector_codes.tsv") {
		cb.plover[r[0]] = true
	}
	for _, r := range firstColumn("codebooks", "cameo", "cameo_country_codes_from_phoenix_actors.tsv") {
		cb.countries[r[0]] = true
	}
	codeRE := regexp.MustCompile(`\b[A-Z]{6,15}\b`)
	for _, elems := range [][]string{{"codebooks", "cameo", "chapter_3_actor_codebook.md"}, {"CONTRACT.md"}} {
		p, err := shareddata.Path(elems...)
		if err != nil {
			t.Skip(err.Error())
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		for _, c := range codeRE.FindAllString(string(b), -1) {
			if len(c)%3 != 0 {
				continue
			}
			cb.fullCodes[c] = true
			for i := 0; i < len(c); i += 3 {
				cb.groups[c[i:i+3]] = true
			}
		}
	}
	return cb
}

// TestCodesInCodebook checks every code in the data files against the
// codebook tables in ../shared: role codes must be CAMEO (or PLOVER) role
// codes, country codes must be in the Phoenix list or valid ISO codes of
// ours, IGO codes marked "cameo" must be printed in the manual, and derived
// codes must be built from codebook parts.
func TestCodesInCodebook(t *testing.T) {
	kb := loadKB(t)
	cb := readCodebook(t)

	// our role table and the Go role list agree with the codebooks
	for code := range roleCodes {
		class := cb.types[code]
		if !strings.HasSuffix(class, "_role") && !cb.plover[code] {
			t.Errorf("role code %s is in neither CAMEO's role table nor PLOVER's sectors", code)
		}
	}
	for code, class := range cb.types {
		if strings.HasSuffix(class, "_role") && !roleCodes[code] {
			t.Errorf("CAMEO role code %s missing from roleCodes", code)
		}
	}

	// countries: every Phoenix state is here, under the same code
	skip := map[string]string{"KNT": "Kinakuta is fictional", "TMP": "withdrawn code of Timor-Leste; we use TLS"}
	for code := range cb.countries {
		if _, ok := skip[code]; ok {
			continue
		}
		if !kb.isCountryCode(code) {
			t.Errorf("Phoenix country %s missing from countries.tsv", code)
		}
	}
	var extra []string
	for code := range kb.byCode {
		if !cb.countries[code] {
			extra = append(extra, code)
		}
	}
	sort.Strings(extra)
	t.Logf("%d country codes beyond the Phoenix list (territories and ISO-only states): %s", len(extra), strings.Join(extra, " "))

	known := func(g string) bool {
		_, isType := cb.types[g]
		return isType || cb.plover[g] || cb.countries[g] || kb.isCountryCode(g) || cb.groups[g]
	}
	for code, where := range allCodes(kb) {
		groups := make([]string, 0, len(code)/3)
		for i := 0; i < len(code); i += 3 {
			groups = append(groups, code[i:i+3])
		}
		last := len(groups) - 1
		for i, g := range groups {
			if known(g) {
				continue
			}
			// a transnational code may end in an organisation code of its own
			if i == last && i > 0 && internationalPrefixes[groups[0]] {
				continue
			}
			t.Errorf("%s: code %s: group %s is in no codebook table", where, code, g)
		}
	}
	for _, g := range kb.igos {
		if g.basis != "derived" && !cb.fullCodes[g.code] {
			t.Errorf("igos.tsv %s: code %s marked %s but not printed in the manual or contract", g.name, g.code, g.basis)
		}
	}
}
