package places

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Toponym is one gold place name with its byte span into Doc.Text.
type Toponym struct {
	Start, End int
	Phrase     string
	Lat, Lon   float64
	HasCoord   bool
	GeonameID  int // 0 when the gold gives none
}

// Doc is one gold article.
type Doc struct {
	ID       string
	Text     string
	Toponyms []Toponym
}

// xmlArticle reads both layouts of the corpora: LGL and TR-News
// (toponyms/toponym with a gaztag) and GeoVirus (locations/location).
type xmlArticle struct {
	DocID    string `xml:"docid,attr"`
	Source   string `xml:"source"`
	Text     string `xml:"text"`
	Toponyms []struct {
		Start  int    `xml:"start"`
		End    int    `xml:"end"`
		Phrase string `xml:"phrase"`
		Gaztag *struct {
			ID  int     `xml:"geonameid,attr"`
			Lat float64 `xml:"lat"`
			Lon float64 `xml:"lon"`
		} `xml:"gaztag"`
	} `xml:"toponyms>toponym"`
	Locations []struct {
		Name  string  `xml:"name"`
		Start int     `xml:"start"`
		End   int     `xml:"end"`
		Lat   float64 `xml:"lat"`
		Lon   float64 `xml:"lon"`
	} `xml:"locations>location"`
}

// maxDocBytes bounds one article's text.
const maxDocBytes = 4 << 20

// ReadCorpusFile reads the corpus file at path with ReadCorpus.
func ReadCorpusFile(path string) ([]Doc, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	return ReadCorpus(f)
}

// ReadCorpus reads a corpus file in the LGL layout (or GeoVirus's). Gold
// offsets count characters; they are turned into byte offsets, and a
// toponym whose span does not hold its phrase is looked for nearby and
// dropped when absent. It returns the documents and the number of toponyms
// dropped.
func ReadCorpus(r io.Reader) ([]Doc, int, error) {
	dec := xml.NewDecoder(r)
	var docs []Doc
	dropped := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, dropped, fmt.Errorf("read corpus: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		var a xmlArticle
		if err := dec.DecodeElement(&a, &se); err != nil {
			return nil, dropped, fmt.Errorf("read corpus: article %d: %w", len(docs)+1, err)
		}
		if len(a.Text) > maxDocBytes || !utf8.ValidString(a.Text) {
			return nil, dropped, fmt.Errorf("read corpus: article %d: text too large or not UTF-8", len(docs)+1)
		}
		d := Doc{ID: a.DocID, Text: a.Text}
		if d.ID == "" {
			d.ID = fmt.Sprintf("%s#%d", a.Source, len(docs)+1)
		}
		runeAt := runeOffsets(a.Text)
		add := func(start, end int, phrase string, t Toponym) {
			s, e, ok := locate(a.Text, runeAt, start, end, phrase)
			if !ok {
				dropped++
				return
			}
			t.Start, t.End, t.Phrase = s, e, phrase
			d.Toponyms = append(d.Toponyms, t)
		}
		for _, t := range a.Toponyms {
			g := Toponym{}
			if t.Gaztag != nil {
				g.HasCoord, g.Lat, g.Lon, g.GeonameID = true, t.Gaztag.Lat, t.Gaztag.Lon, t.Gaztag.ID
			}
			add(t.Start, t.End, t.Phrase, g)
		}
		for _, l := range a.Locations {
			add(l.Start, l.End, l.Name, Toponym{HasCoord: true, Lat: l.Lat, Lon: l.Lon})
		}
		docs = append(docs, d)
	}
	return docs, dropped, nil
}

// runeOffsets maps character index to byte offset (with one entry past the
// end).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// locate returns the byte span of a gold toponym given in characters,
// checking that it holds the phrase; when it does not, the phrase is
// looked for within 40 bytes.
func locate(text string, runeAt []int, start, end int, phrase string) (int, int, bool) {
	if start >= 0 && end > start && end < len(runeAt) {
		s, e := runeAt[start], runeAt[end]
		if text[s:e] == phrase || phrase == "" {
			return s, e, true
		}
	}
	if phrase == "" || start < 0 || start >= len(runeAt) {
		return 0, 0, false
	}
	base := runeAt[start]
	lo, hi := max(0, base-40), min(len(text), base+40+len(phrase))
	if i := strings.Index(text[lo:hi], phrase); i >= 0 {
		return lo + i, lo + i + len(phrase), true
	}
	return 0, 0, false
}
