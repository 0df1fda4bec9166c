package ner

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Names harvested from the other annotated news sources (re3d, MEANTIME,
// ECB+ and the geoparsing corpora) become learned gazetteer entries stored
// in the model: whole names by type (gazSilver* categories) and, per word,
// the types of the names it occurs in. Only sources other than UNER are
// harvested, so that on UNER training sentences the features are as
// reliable as they will be on new text.

// nameBag counts names (lower-cased token sequences) and words by type.
type nameBag struct {
	names map[string]*[nSilver]int
	words map[string]*[nSilver]int
}

// Silver types.
const (
	silverPER = iota
	silverORG
	silverGPE
	silverLOC
	nSilver
)

func newNameBag() *nameBag {
	return &nameBag{names: make(map[string]*[nSilver]int), words: make(map[string]*[nSilver]int)}
}

func silverOf(typ string) int {
	switch typ {
	case Person:
		return silverPER
	case Org:
		return silverORG
	case GPE:
		return silverGPE
	case Loc:
		return silverLOC
	}
	return -1
}

// add counts one name of our type typ (NORP and others are ignored).
func (b *nameBag) add(words []string, typ string) {
	k := silverOf(typ)
	if k < 0 || len(words) == 0 || len(words) > maxGazLen {
		return
	}
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		lw := string(appendLower(nil, w))
		sb.WriteString(lw)
		c := b.words[lw]
		if c == nil {
			c = new([nSilver]int)
			b.words[lw] = c
		}
		c[k]++
	}
	key := sb.String()
	c := b.names[key]
	if c == nil {
		c = new([nSilver]int)
		b.names[key] = c
	}
	c[k]++
}

// majority returns the types holding at least 30% of the counts.
func majority(c *[nSilver]int, minTotal int) uint8 {
	total := 0
	for _, n := range c {
		total += n
	}
	if total < minTotal {
		return 0
	}
	var bits uint8
	for k, n := range c {
		if 10*n >= 3*total {
			bits |= 1 << k
		}
	}
	return bits
}

// learnedEntries turns the names into gazetteer entries: hash of the
// lower-cased tokens -> gazSilver* category bits.
func (b *nameBag) learnedEntries() map[uint64]uint32 {
	out := make(map[uint64]uint32)
	for name, c := range b.names {
		bits := majority(c, 1)
		if bits == 0 {
			continue
		}
		var h uint64
		for _, w := range strings.Split(name, " ") {
			h = seqHash(h, hashString(w))
		}
		var cats uint32
		for k := 0; k < nSilver; k++ {
			if bits&(1<<k) != 0 {
				cats |= 1 << (gazSilverPER + k)
			}
		}
		out[h] |= cats
	}
	return out
}

// wordBits returns, per lower-cased word hash, the silver types of the
// names it occurs in (seen at least twice).
func (b *nameBag) wordBits() map[uint64]uint8 {
	out := make(map[uint64]uint8)
	for w, c := range b.words {
		if bits := majority(c, 2); bits != 0 {
			out[hashString(w)] = bits
		}
	}
	return out
}

// harvestSamples adds the gold names of converted samples.
func (b *nameBag) harvestSamples(samples []sample) {
	for _, s := range samples {
		for _, m := range s.spans {
			words := make([]string, 0, m.End-m.Start)
			for _, t := range s.toks[m.Start:m.End] {
				words = append(words, t.Text)
			}
			b.add(words, m.Type)
		}
	}
}

// ECB+ XML: tokens, then Markables whose element names give the type.
func readECBPlus(dir string, l *labeler) ([]sample, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("read ecb+: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read ecb+: no documents in %s", dir)
	}
	sort.Strings(files)
	var out []sample
	for _, f := range files {
		ss, err := readECBDoc(f, l)
		if err != nil {
			return nil, err
		}
		out = append(out, ss...)
	}
	return out, nil
}

func readECBDoc(path string, l *labeler) ([]sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read ecb+: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(io.LimitReader(f, 64<<20))
	type pos struct{ sent, idx int }
	where := make(map[string]pos)
	var sents []meantimeSent
	sentIndex := make(map[string]int)
	var curTok *xml.StartElement
	var curMention string
	var anchors []string
	inMarkables := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read ecb+ %s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "token" && !inMarkables:
				tt := t.Copy()
				curTok = &tt
			case t.Name.Local == "Markables":
				inMarkables = true
			case inMarkables && t.Name.Local == "token_anchor":
				for _, a := range t.Attr {
					if a.Name.Local == "t_id" {
						anchors = append(anchors, a.Value)
					}
				}
			case inMarkables:
				curMention, anchors = t.Name.Local, nil
			}
		case xml.CharData:
			if curTok != nil {
				var id, sent string
				for _, a := range curTok.Attr {
					switch a.Name.Local {
					case "t_id":
						id = a.Value
					case "sentence":
						sent = a.Value
					}
				}
				si, ok := sentIndex[sent]
				if !ok {
					si = len(sents)
					sentIndex[sent] = si
					sents = append(sents, meantimeSent{id: filepath.Base(path) + "#" + sent})
				}
				w := strings.TrimSpace(string(t))
				if w == "" {
					w = "_"
				}
				where[id] = pos{si, len(sents[si].words)}
				sents[si].words = append(sents[si].words, w)
				curTok = nil
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "token" && !inMarkables:
				curTok = nil
			case t.Name.Local == "Markables":
				inMarkables = false
			case inMarkables && t.Name.Local == curMention:
				if typ := ecbType(curMention); typ != "" && len(anchors) > 0 {
					a, ok1 := where[anchors[0]]
					z, ok2 := where[anchors[len(anchors)-1]]
					if ok1 && ok2 && a.sent == z.sent && z.idx >= a.idx {
						sents[a.sent].mentions = append(sents[a.sent].mentions,
							meantimeMention{start: a.idx, end: z.idx + 1, typ: typ, syntax: "NAM"})
					}
				}
				curMention, anchors = "", nil
			}
		}
	}
	out := make([]sample, 0, len(sents))
	for _, s := range sents {
		smp := l.fromMeantime(s)
		smp.src = "ecb"
		out = append(out, smp)
	}
	return out, nil
}

// ecbType maps ECB+ mention classes onto MEANTIME-style types.
func ecbType(tag string) string {
	switch tag {
	case "HUMAN_PART_PER":
		return "PER"
	case "HUMAN_PART_ORG":
		return "ORG"
	case "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC":
		return "LOC"
	}
	return ""
}

// Geoparsing corpora: LGL and TR-News carry GeoNames feature classes
// (A and P: political and populated places → GPE; others → LOC);
// GeoVirus has names only (→ PLACE, decided by placeType).
type geoCorpus struct {
	Articles []struct {
		Text      string       `xml:"text"`
		Toponyms  []geoToponym `xml:"toponyms>toponym"`
		Locations []struct {
			Name string `xml:"name"`
		} `xml:"locations>location"`
	} `xml:"article"`
}

type geoToponym struct {
	Phrase string `xml:"phrase"`
	Class  string `xml:"gaztag>fclass"`
}

// readGeo adds the toponyms of one geoparsing corpus to b and returns the
// number of articles.
func readGeo(path string, b *nameBag, l *labeler) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("read geoparsing: %w", err)
	}
	defer f.Close()
	var c geoCorpus
	if err := xml.NewDecoder(io.LimitReader(f, 256<<20)).Decode(&c); err != nil {
		return 0, fmt.Errorf("read geoparsing %s: %w", path, err)
	}
	for _, a := range c.Articles {
		for _, t := range a.Toponyms {
			addPlace(b, l, t.Phrase, t.Class)
		}
		for _, t := range a.Locations {
			addPlace(b, l, t.Name, "")
		}
	}
	return len(c.Articles), nil
}

func addPlace(b *nameBag, l *labeler, phrase, class string) {
	words := simpleTokens(phrase)
	if len(words) == 0 || !capitalised(words[0]) {
		return
	}
	if l.gaz.lookup(words)&(1<<gazNORP) != 0 {
		return
	}
	typ := l.placeType(words)
	switch class {
	case "A", "P":
		typ = GPE
	case "":
	default:
		typ = Loc
	}
	b.add(words, typ)
}

// simpleTokens splits text the way the gazetteer splits entries:
// whitespace, then hyphens, the clitic 's and surrounding punctuation.
func simpleTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		lead := strings.IndexFunc(f, isWordRune)
		if lead < 0 {
			continue
		}
		f = f[lead:]
		f = strings.TrimRightFunc(f, func(r rune) bool { return !isWordRune(r) && r != '.' })
		if strings.HasSuffix(f, ".") && strings.Count(f, ".") == 1 {
			f = strings.TrimSuffix(f, ".")
		}
		if f == "" {
			continue
		}
		out = append(out, splitToken(f)...)
	}
	return out
}

func isWordRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 && r != '’' && r != '“' && r != '”' && r != '—' && r != '–'
}
