// Package timex finds time expressions in English news sentences and
// normalises them TIMEX3-style against an anchor date, usually the article's
// publication date.
//
// A Finder scans the words of a sentence with a hand-written matcher (no
// regular expressions) and returns each expression with its TIMEX3 type and
// value and the inclusive range of days it covers:
//
//	"on Saturday night"  (anchor Sun 2022-02-20) -> DATE 2022-02-19, 2022-02-19..2022-02-19
//	"last week"                                  -> DATE 2022-W06, 2022-02-07..2022-02-13
//	"In September"                               -> DATE 2021-09 (2022-09 when the clause is future)
//	"in the 1990s"                               -> DATE 199, 1990-01-01..1999-12-31
//	"two days ago"                               -> DATE 2022-02-18
//	"three years"                                -> DURATION P3Y (no day range)
//
// # Conventions
//
// Weekday names follow the news-wire convention: the name of the
// publication day itself means that day ("said Friday" in a Friday paper),
// other names mean the most recent such day unless the clause is in the
// future tense, then the next one. "last Friday" is always strictly before
// the anchor and "next Friday" strictly after. Month names, month-day dates
// without a year, seasons and holidays resolve to the most recent past
// occurrence in a past-tense clause, the next one in a future clause, and
// the nearest one (within six months) otherwise.
//
// Without a year, a month or a month-day is placed by weighing the distance
// from the anchor against two costs: going against the clause's tense, and
// leaving the anchor's year (news style names the year when it is not the
// current one). "Dec. 15" in a future clause in October is this December;
// in a past clause in February it is last December. "since March" is always
// in the past.
//
// The tense of a clause comes from the words near the expression (will,
// 'll, shall, modals, said, was, -ed forms, ...; words before the
// expression weigh more than words after it); the Tense passed to Find is
// the fallback when those words show none, and the first tense marker of
// the sentence after that. TenseOf derives the hint from tagged tokens.
//
// Weeks are ISO weeks (Monday to Sunday): on Sunday 2022-02-20 "last week"
// is 2022-W06 and "this week" is 2022-W07, the week ending that day.
// "Over the weekend" is the last weekend, or the coming one in a future
// clause. Parts of days ("Saturday night", "this morning", "tonight") are
// valued as their day, as the output contract shows. "Two days ago" is a
// day, "a week ago" (one or two weeks) a day, "three weeks ago" a week,
// "two months ago" a month, "a year ago" a year, except that in a story
// about a quarter "a year ago" and "a year earlier" are that quarter a year
// before ("the third quarter ... a year earlier" is 1988-Q3).
//
// Clock times ("09:14 GMT", "10 p.m. Saturday", "noon") are TIME
// expressions valued on their day, 2022-02-20T09:14, with that day as the
// range; the zone is kept in the text but not converted.
//
// Ambiguous all-numeric dates such as 03/04/2022 are read day first unless
// Config.MonthFirst is set; when one field is above 12 the reading is forced.
// Impossible dates ("February 30") keep only the month: the day is dropped
// from the expression rather than clamped. Years outside 1-9999, digit runs
// longer than nine digits and other out-of-range numbers are not read as
// times at all.
//
// # Without an anchor
//
// When there is no publication date, absolute expressions ("15 December
// 2021", "1991") resolve as usual, and expressions that need the anchor get
// the underspecified TIMEX3 value with empty day ranges: "Saturday" ->
// XXXX-WXX-6, "In September" -> XXXX-09, "Dec. 15" -> XXXX-12-15,
// "yesterday", "last week", "two days ago" -> PAST_REF, "tomorrow", "next
// month" -> FUTURE_REF, "today", "this week" -> PRESENT_REF.
//
// # Extents
//
// Found.Start/End follow the TimeML extent rules (the governing preposition
// is not part of the expression, modifiers such as "early", "about" and
// determiners such as "the" are). Found.Lead/Prep give the preposition;
// Found.Time builds the contract record with it ("on Saturday night"), and
// Found.EventDate and ForEvent give an event its date and precision.
package timex

import (
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// TIMEX3 types.
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// Special TIMEX3 values.
const (
	PresentRef = "PRESENT_REF"
	PastRef    = "PAST_REF"
	FutureRef  = "FUTURE_REF"
)

// TIMEX3 mod values.
const (
	ModStart       = "START"
	ModMid         = "MID"
	ModEnd         = "END"
	ModApprox      = "APPROX"
	ModLessThan    = "LESS_THAN"
	ModMoreThan    = "MORE_THAN"
	ModEqualOrLess = "EQUAL_OR_LESS"
	ModEqualOrMore = "EQUAL_OR_MORE"
)

// Tense is the tense of the clause a time expression sits in; it decides
// whether an underspecified name ("Saturday", "September") points back or
// forward from the anchor.
type Tense uint8

// Tenses.
const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

func (t Tense) String() string {
	switch t {
	case TensePast:
		return "past"
	case TensePresent:
		return "present"
	case TenseFuture:
		return "future"
	}
	return "unknown"
}

// Config tunes a Finder. The zero value is ready to use.
type Config struct {
	// MonthFirst reads ambiguous numeric dates (03/04/2022) as month/day,
	// the US order. By default they are read day/month.
	MonthFirst bool
}

// Found is one time expression.
type Found struct {
	Start, End int    // byte offsets of the expression into the text (TimeML extent)
	Text       string // text[Start:End]
	Lead       int    // start of the preposition governing it ("on", "since"), or Start
	Prep       string // that preposition in lower case, or ""
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value: 2022-02-19, 2022-W06, 2021-09, 199, P3Y, PAST_REF, ...
	Mod        string // TIMEX3 mod: START, MID, END, APPROX, ... or ""
	// StartDay and EndDay are the inclusive range of days the expression
	// covers (YYYY-MM-DD); both are empty when it does not resolve to
	// days: durations, sets, PAST_REF/FUTURE_REF and anything that needs a
	// missing anchor. "the past two weeks" gets the range it spans.
	StartDay, EndDay string
	// Precision is the granularity of a resolved DATE or TIME: time, day,
	// week, weekend, month, quarter, half, season, year, decade or century;
	// "" for durations, sets and references.
	Precision string
}

// EventDate returns the date and contract precision (day, week, month or
// year) an event dated by this expression should carry: an ISO 8601 date
// (2022-02-19, 2022-W06, 2021-09, 2021). Times and parts of days give their
// day, weekends their ISO week, and quarters, halves and seasons their year.
// Decades, centuries, durations, sets and references give ok = false.
func (f Found) EventDate() (date, precision string, ok bool) {
	if f.StartDay == "" || len(f.Value) < 4 {
		return "", "", false
	}
	switch f.Precision {
	case PrecTime, PrecDay:
		return f.StartDay, PrecDay, true
	case PrecWeek, PrecWeekend:
		if len(f.Value) >= 8 {
			return f.Value[:8], PrecWeek, true
		}
	case PrecMonth:
		return f.Value, PrecMonth, true
	case PrecQuarter, PrecHalf, PrecSeason, PrecYear:
		return f.Value[:4], PrecYear, true
	}
	return "", "", false
}

// Finder finds and normalises time expressions. It holds only read-only
// tables and is safe for concurrent use.
type Finder struct {
	cfg Config
	lx  *lexicon
}

// New returns a Finder.
func New(cfg Config) *Finder {
	return &Finder{cfg: cfg, lx: newLexicon()}
}

// Find returns the time expressions of the sentence text[sent.Start:sent.End]
// in text order. anchor is the publication date (only its calendar day is
// used); hasAnchor false means there is none. tense is the fallback tense of
// the sentence. Find keeps no state between calls; use a Doc to let
// expressions such as "a year earlier" or "the next day" refer back to the
// dates of earlier sentences.
func (f *Finder) Find(text string, sent model.Span, anchor time.Time, hasAnchor bool, tense Tense) []Found {
	return f.NewDoc(anchor, hasAnchor).Find(text, sent, tense)
}

// Doc resolves the sentences of one article in order. It remembers the last
// date mentioned, which anchors "that day", "the following year", "a year
// earlier" and the like. A Doc is not safe for concurrent use.
type Doc struct {
	f       *Finder
	anchor  point // the anchor day (gDay), or zero
	has     bool
	last    point // last resolved date, gNone when there is none
	lastAt  int   // sentence counter when last was set
	lastQ   point // last quarter or half named with its number
	lastQAt int
	n       int // sentences seen
	buf     []tok
}

// NewDoc starts an article anchored at anchor (when hasAnchor).
func (f *Finder) NewDoc(anchor time.Time, hasAnchor bool) *Doc {
	d := &Doc{f: f}
	if hasAnchor {
		y, m, dd := anchor.Date()
		p := point{g: gDay, y: y, m: int(m), d: dd}
		if p.valid() {
			d.anchor, d.has = p, true
		}
	}
	return d
}

// Find returns the time expressions of one sentence, like Finder.Find.
func (d *Doc) Find(text string, sent model.Span, tense Tense) []Found {
	d.n++
	start, end := sent.Start, sent.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return nil
	}
	if d.buf == nil {
		d.buf = make([]tok, 0, (end-start)/5+8)
	}
	d.buf = tokenize(text, start, end, d.buf)
	m := matcher{d: d, lx: d.f.lx, cfg: d.f.cfg, text: text, t: d.buf, tense: tense, sentTense: -1}
	return m.run()
}

// Normalise reads phrase as one time expression, such as a date from page
// metadata or a form field ("Feb 20, 2022", "19/02/2022", "last week"),
// and returns the longest expression found in it. ok is false when the
// phrase holds none.
func (f *Finder) Normalise(phrase string, anchor time.Time, hasAnchor bool, tense Tense) (Found, bool) {
	var best Found
	ok := false
	for _, x := range f.Find(phrase, model.Span{Start: 0, End: len(phrase)}, anchor, hasAnchor, tense) {
		if !ok || x.End-x.Start > best.End-best.Start {
			best, ok = x, true
		}
	}
	return best, ok
}

// Time returns the contract record of the expression in sentence number
// sentence of text: its words with the governing preposition ("on Saturday
// night"), its TIMEX3 value and its day range (empty when it has none).
func (f Found) Time(text string, sentence int) model.Time {
	s := f.Text
	if f.Lead >= 0 && f.Lead <= f.Start && f.End <= len(text) && f.Start < f.End {
		s = text[f.Lead:f.End]
	}
	return model.Time{Text: s, Value: f.Value, Start: f.StartDay, End: f.EndDay, Sentence: sentence}
}

// ForEvent picks among the expressions of an event's sentence the one that
// dates it: the expression with an EventDate nearest to byte offset at
// (the event's trigger). Durations, sets, references and decades do not
// date events. ok is false when none does; the caller then falls back to
// the publication date.
func ForEvent(found []Found, at int) (Found, bool) {
	best, bestDist, ok := Found{}, 0, false
	for _, f := range found {
		if _, _, good := f.EventDate(); !good {
			continue
		}
		d := 0
		switch {
		case at < f.Start:
			d = f.Start - at
		case at >= f.End:
			d = at - f.End + 1
		}
		if !ok || d < bestDist {
			best, bestDist, ok = f, d, true
		}
	}
	return best, ok
}
