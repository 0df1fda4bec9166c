// Package times scores the time-expression finder (internal/timex) against
// TimeML gold data: TempEval-3 (TimeBank and AQUAINT, inline TIMEX3 tags)
// and MEANTIME (CAT XML with token anchors).
package times

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// maxFile caps how much of one gold file is read.
const maxFile = 32 << 20

// Timex is one gold time expression: a byte span of Document.Text and its
// TIMEX3 attributes.
type Timex struct {
	Start, End int
	Type       string
	Value      string
	Text       string
}

// Document is one gold document.
type Document struct {
	Name   string // path relative to the data folder
	Set    string // first folder under the data folder (TimeBank, AQUAINT, corpus_gm, ...)
	Text   string
	DCT    time.Time // document creation time; zero when HasDCT is false
	HasDCT bool
	Gold   []Timex // sorted by Start
	// Ignore holds spans that are neither gold nor errors: the creation
	// time where it is part of the text (MEANTIME's dateline).
	Ignore []model.Span
	// Sentences holds gold sentence spans when the format gives them
	// (MEANTIME); nil otherwise.
	Sentences []model.Span
	// ScoredEnd, when above 0, ends the annotated part of the text:
	// predictions starting at or after it are not scored.
	ScoredEnd int
}

// meantimeAnnotated is how many sentences of each MEANTIME article carry
// annotations: the title (sentence 0), the dateline and the first four
// sentences of the body. Later sentences are not annotated at all.
const meantimeAnnotated = 6

// parseDCT reads the day of a TIMEX3 value such as 1998-11-20T19:30 or
// 19980227, or a day-first 03-02-2009 as one MEANTIME file has.
func parseDCT(v string) (time.Time, bool) {
	if len(v) == 10 && v[2] == '-' && v[5] == '-' {
		if t, err := time.Parse("02-01-2006", v); err == nil {
			return t, true
		}
	}
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, true
		}
	}
	if len(v) >= 8 {
		if t, err := time.Parse("20060102", v[:8]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ReadTimeML reads a TimeML document (.tml). The text is the character
// data of its TEXT element with every tag removed; the gold expressions
// are the TIMEX3 elements inside TEXT. The creation time is the TIMEX3
// whose functionInDocument is CREATION_TIME.
func ReadTimeML(r io.Reader, name string) (Document, error) {
	doc := Document{Name: name}
	dec := xml.NewDecoder(io.LimitReader(r, maxFile))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		b      strings.Builder
		inText int
		open   *Timex
		depth  int // nesting of TIMEX3 inside TEXT
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("read timeml %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText++
			case "TIMEX3":
				if attr(t, "functionInDocument") == "CREATION_TIME" && !doc.HasDCT {
					doc.DCT, doc.HasDCT = parseDCT(attr(t, "value"))
				}
				if inText > 0 {
					depth++
					if open == nil {
						open = &Timex{Start: b.Len(), Type: attr(t, "type"), Value: attr(t, "value")}
						if attr(t, "functionInDocument") == "CREATION_TIME" {
							open.Type = "" // marks a creation time inside the text
						}
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				if inText > 0 {
					inText--
				}
			case "TIMEX3":
				if inText > 0 && depth > 0 {
					depth--
					if depth == 0 && open != nil {
						open.End = b.Len()
						if open.Type == "" {
							doc.Ignore = append(doc.Ignore, model.Span{Start: open.Start, End: open.End})
						} else if open.End > open.Start {
							doc.Gold = append(doc.Gold, *open)
						}
						open = nil
					}
				}
			}
		case xml.CharData:
			if inText > 0 {
				b.Write(t)
			}
		}
	}
	doc.Text = b.String()
	for i := range doc.Gold {
		g := &doc.Gold[i]
		g.Start, g.End = trimSpan(doc.Text, g.Start, g.End)
		g.Text = doc.Text[g.Start:g.End]
	}
	sort.SliceStable(doc.Gold, func(i, j int) bool { return doc.Gold[i].Start < doc.Gold[j].Start })
	return doc, nil
}

// trimSpan narrows [s, e) of text to exclude surrounding whitespace.
func trimSpan(text string, s, e int) (int, int) {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// ReadCAT reads a MEANTIME document in CAT XML: tokens with sentence
// numbers, and TIMEX3 markables anchored to token ids. The text is the
// tokens joined with spaces (none before closing punctuation), one
// sentence per line.
func ReadCAT(r io.Reader, name string) (Document, error) {
	doc := Document{Name: name}
	dec := xml.NewDecoder(io.LimitReader(r, maxFile))
	dec.Strict = false
	type token struct {
		id, sent int
		text     string
	}
	type markable struct {
		typ, value, fn string
		anchors        []int
	}
	var (
		toks    []token
		marks   []markable
		cur     *token
		inMarks bool
		mk      *markable
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("read cat %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "token":
				id, err1 := strconv.Atoi(attr(t, "t_id"))
				s, err2 := strconv.Atoi(attr(t, "sentence"))
				if err1 != nil || err2 != nil {
					return doc, fmt.Errorf("read cat %s: token without t_id or sentence", name)
				}
				toks = append(toks, token{id: id, sent: s})
				cur = &toks[len(toks)-1]
			case "Markables":
				inMarks = true
			case "TIMEX3":
				if inMarks {
					marks = append(marks, markable{typ: attr(t, "type"), value: attr(t, "value"), fn: attr(t, "functionInDocument")})
					mk = &marks[len(marks)-1]
				}
			case "token_anchor":
				if mk != nil {
					if id, err := strconv.Atoi(attr(t, "t_id")); err == nil {
						mk.anchors = append(mk.anchors, id)
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "token":
				cur = nil
			case "Markables":
				inMarks = false
			case "TIMEX3":
				mk = nil
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		}
	}
	// Build the text and the byte span of every token.
	var b strings.Builder
	span := make(map[int]model.Span, len(toks))
	sentStart, lastSent := 0, -1
	prev := ""
	for _, t := range toks {
		text := strings.TrimSpace(t.text)
		if text == "" {
			continue
		}
		if t.sent != lastSent {
			if lastSent >= 0 {
				doc.Sentences = append(doc.Sentences, model.Span{Start: sentStart, End: b.Len()})
				b.WriteByte('\n')
			}
			sentStart, lastSent = b.Len(), t.sent
		} else if spaceBetween(prev, text) {
			b.WriteByte(' ')
		}
		s := b.Len()
		b.WriteString(text)
		span[t.id] = model.Span{Start: s, End: b.Len()}
		prev = text
	}
	if lastSent >= 0 {
		doc.Sentences = append(doc.Sentences, model.Span{Start: sentStart, End: b.Len()})
	}
	doc.Text = b.String()
	if len(doc.Sentences) > meantimeAnnotated {
		doc.ScoredEnd = doc.Sentences[meantimeAnnotated-1].End
	}
	for _, mk := range marks {
		if mk.fn == "CREATION_TIME" && !doc.HasDCT {
			doc.DCT, doc.HasDCT = parseDCT(mk.value)
		}
		if len(mk.anchors) == 0 {
			continue // an implicit time with no words in the text
		}
		s, e := -1, -1
		for _, id := range mk.anchors {
			sp, ok := span[id]
			if !ok {
				continue
			}
			if s < 0 || sp.Start < s {
				s = sp.Start
			}
			if sp.End > e {
				e = sp.End
			}
		}
		if s < 0 {
			continue
		}
		if mk.fn == "CREATION_TIME" {
			doc.Ignore = append(doc.Ignore, model.Span{Start: s, End: e})
			continue
		}
		doc.Gold = append(doc.Gold, Timex{Start: s, End: e, Type: mk.typ, Value: mk.value, Text: doc.Text[s:e]})
	}
	sort.SliceStable(doc.Gold, func(i, j int) bool { return doc.Gold[i].Start < doc.Gold[j].Start })
	return doc, nil
}

// spaceBetween reports whether detokenised text puts a space between two
// tokens.
func spaceBetween(prev, next string) bool {
	switch next {
	case ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m":
		return false
	}
	switch prev {
	case "(", "[", "$", "#":
		return false
	}
	return true
}

// LoadDir reads every file with extension ext below dir with read, sorted
// by path. Files that fail to parse are reported in errs and skipped.
func LoadDir(dir, ext string, read func(io.Reader, string) (Document, error)) (docs []Document, errs []error, err error) {
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) && !strings.HasPrefix(d.Name(), ".") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", dir, err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		f, err := os.Open(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		doc, err := read(f, rel)
		f.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		doc.Set = strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		if doc.Set == rel {
			doc.Set = "."
		}
		docs = append(docs, doc)
	}
	return docs, errs, nil
}
