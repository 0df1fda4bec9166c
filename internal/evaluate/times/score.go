package times

import (
	"sort"
	"strconv"
	"strings"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/timex"
)

// Counts are the raw figures of one scored set.
type Counts struct {
	Docs     int
	Gold     int
	Pred     int
	Strict   int // exact span matches
	Relaxed  int // overlapping span matches (one-to-one)
	TypeOK   int // relaxed matches with the gold type
	ValueOK  int // relaxed matches with the gold value (after normValue)
	ByType   map[string]*TypeCounts
	Mismatch []Mismatch // value errors and misses, for -v logging
}

// TypeCounts are the figures for the gold expressions of one TIMEX3 type.
type TypeCounts struct {
	Gold, Found, ValueOK int
}

// Mismatch is one gold expression we missed or valued differently, or one
// expression we found that is not in the gold (Text and Gold empty).
type Mismatch struct {
	Doc, Text, Gold, Got, GotText string
}

func (c *Counts) add(o Counts) {
	c.Docs += o.Docs
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.TypeOK += o.TypeOK
	c.ValueOK += o.ValueOK
	if c.ByType == nil {
		c.ByType = map[string]*TypeCounts{}
	}
	for k, v := range o.ByType {
		t := c.ByType[k]
		if t == nil {
			t = &TypeCounts{}
			c.ByType[k] = t
		}
		t.Gold += v.Gold
		t.Found += v.Found
		t.ValueOK += v.ValueOK
	}
	c.Mismatch = append(c.Mismatch, o.Mismatch...)
}

// StrictP, StrictR, RelaxedP, ... are the usual span figures.
func (c Counts) StrictP() float64  { return metric.Ratio(c.Strict, c.Pred) }
func (c Counts) StrictR() float64  { return metric.Ratio(c.Strict, c.Gold) }
func (c Counts) StrictF1() float64 { return metric.F1(c.StrictP(), c.StrictR()) }
func (c Counts) RelaxedP() float64 { return metric.Ratio(c.Relaxed, c.Pred) }
func (c Counts) RelaxedR() float64 { return metric.Ratio(c.Relaxed, c.Gold) }
func (c Counts) RelaxedF1() float64 {
	return metric.F1(c.RelaxedP(), c.RelaxedR())
}

// ValueAcc is the share of relaxed matches whose value equals the gold.
func (c Counts) ValueAcc() float64 { return metric.Ratio(c.ValueOK, c.Relaxed) }

// TypeAcc is the share of relaxed matches with the gold type.
func (c Counts) TypeAcc() float64 { return metric.Ratio(c.TypeOK, c.Relaxed) }

// Tagger gives the tense hint of a sentence; nil means words only.
type Tagger func(text string, sent model.Span) timex.Tense

// sentences returns the sentence spans of a document: the gold ones when
// the format has them, otherwise segment.Split, cut at every line break
// (a paragraph break always ends a sentence).
func sentences(doc Document) []model.Span {
	if doc.Sentences != nil {
		return doc.Sentences
	}
	var out []model.Span
	for _, s := range segment.Split(doc.Text) {
		start := s.Start
		for i := s.Start; i < s.End; i++ {
			if doc.Text[i] == '\n' {
				if a, b := trimSpan(doc.Text, start, i); b > a {
					out = append(out, model.Span{Start: a, End: b})
				}
				start = i + 1
			}
		}
		if a, b := trimSpan(doc.Text, start, s.End); b > a {
			out = append(out, model.Span{Start: a, End: b})
		}
	}
	return out
}

// Find runs the finder over a document, sentence by sentence, with its
// creation time as the anchor.
func Find(f *timex.Finder, doc Document, tagger Tagger) []timex.Found {
	d := f.NewDoc(doc.DCT, doc.HasDCT)
	var out []timex.Found
	for _, s := range sentences(doc) {
		tense := timex.TenseUnknown
		if tagger != nil {
			tense = tagger(doc.Text, s)
		}
		out = append(out, d.Find(doc.Text, s, tense)...)
	}
	return out
}

// ScoreDoc scores predictions against one document's gold expressions.
// Predictions overlapping an ignored span or after ScoredEnd are dropped. Matching is
// one-to-one in text order: each prediction takes the first unmatched gold
// expression it overlaps.
func ScoreDoc(doc Document, pred []timex.Found) Counts {
	c := Counts{Docs: 1, Gold: len(doc.Gold), ByType: map[string]*TypeCounts{}}
	kept := pred[:0:0]
	for _, p := range pred {
		if doc.ScoredEnd > 0 && p.Start >= doc.ScoredEnd {
			continue
		}
		if !overlapsAny(p.Start, p.End, doc.Ignore) {
			kept = append(kept, p)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	c.Pred = len(kept)
	for _, g := range doc.Gold {
		tc := c.ByType[g.Type]
		if tc == nil {
			tc = &TypeCounts{}
			c.ByType[g.Type] = tc
		}
		tc.Gold++
	}
	matched := make([]int, len(doc.Gold)) // index+1 of the prediction matched to each gold
	for pi, p := range kept {
		for gi, g := range doc.Gold {
			if matched[gi] != 0 || g.Start >= p.End || p.Start >= g.End {
				continue
			}
			matched[gi] = pi + 1
			break
		}
	}
	used := make([]bool, len(kept))
	for _, pi := range matched {
		if pi > 0 {
			used[pi-1] = true
		}
	}
	for pi, p := range kept {
		if !used[pi] {
			c.Mismatch = append(c.Mismatch, Mismatch{Doc: doc.Name, GotText: p.Text, Got: p.Value})
		}
	}
	for gi, g := range doc.Gold {
		if matched[gi] == 0 {
			c.Mismatch = append(c.Mismatch, Mismatch{Doc: doc.Name, Text: g.Text, Gold: g.Value})
			continue
		}
		p := kept[matched[gi]-1]
		c.Relaxed++
		c.ByType[g.Type].Found++
		if p.Start == g.Start && p.End == g.End {
			c.Strict++
		} else {
			c.Mismatch = append(c.Mismatch, Mismatch{Doc: doc.Name, Text: g.Text, Gold: "extent", GotText: p.Text, Got: "extent"})
		}
		if p.Type == g.Type {
			c.TypeOK++
		}
		if normValue(p.Value) == normValue(g.Value) {
			c.ValueOK++
			c.ByType[g.Type].ValueOK++
		} else {
			c.Mismatch = append(c.Mismatch, Mismatch{Doc: doc.Name, Text: g.Text, Gold: g.Value, Got: p.Value, GotText: p.Text})
		}
	}
	return c
}

func overlapsAny(s, e int, spans []model.Span) bool {
	for _, sp := range spans {
		if s < sp.End && sp.Start < e {
			return true
		}
	}
	return false
}

// normValue removes format differences between equal TIMEX3 values:
// trailing unknown digits (199X = 199, 1989-XX = 1989), week numbers
// without a leading zero (2000-W7), decades and centuries written as E/C
// durations (P1E = P10Y), quarters as months (P3Q = P9M), times given to the hour (T17:00 = T17) and UTC times marked Z (T18:00Z = T18:00).
func normValue(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	if strings.HasPrefix(v, "P") && len(v) > 2 {
		for _, u := range []struct {
			suffix string
			mul    int
		}{{"DE", 10}, {"CE", 100}, {"E", 10}, {"C", 100}, {"Q", 3}} {
			if n, err := strconv.Atoi(strings.TrimSuffix(v[1:], u.suffix)); err == nil && strings.HasSuffix(v, u.suffix) {
				if u.suffix == "Q" {
					return "P" + strconv.Itoa(n*u.mul) + "M"
				}
				return "P" + strconv.Itoa(n*u.mul) + "Y"
			}
		}
		if v == "PXQ" {
			return "PXM"
		}
		return v
	}
	if i := strings.Index(v, "-W"); i >= 0 && i+3 <= len(v) {
		rest := v[i+2:]
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 {
			v = v[:i+2] + "0" + rest
		}
	}
	if i := strings.Index(v, "T"); i > 0 && strings.HasSuffix(v, "Z") {
		v = v[:len(v)-1]
	}
	if i := strings.Index(v, "T"); i > 0 && strings.HasSuffix(v, ":00") && len(v)-i == 6 {
		v = v[:len(v)-3]
	}
	for {
		switch {
		case strings.HasSuffix(v, "-XX"):
			v = v[:len(v)-3]
			continue
		case len(v) > 1 && strings.HasSuffix(v, "X") && v[0] >= '0' && v[0] <= '9':
			v = v[:len(v)-1]
			continue
		}
		break
	}
	return v
}
