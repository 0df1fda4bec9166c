package timex

import (
	"time"
)

// cand is one matched expression before it becomes a Found.
type cand struct {
	i, j  int    // token range [i, j)
	typ   string // TIMEX3 type
	p     point  // resolved point of a DATE or TIME; g == gNone otherwise
	value string // value when p is unset, or overriding p's value (PRESENT_REF)
	prec  gran   // precision of an unresolved DATE (no anchor)
	mod   string
	from  time.Time // explicit day range (anchored durations), zero when unset
	to    time.Time
	ago   bool // an offset expression ("two days ago"): takes quantity modifiers
	// explicitQ marks a quarter or half named with its number ("the third
	// quarter"): it becomes the context of "the quarter", "a year ago".
	explicitQ bool
}

// matcher scans the tokens of one sentence.
type matcher struct {
	d         *Doc
	lx        *lexicon
	cfg       Config
	text      string
	t         []tok
	tense     Tense
	sentTense int // cached sentenceTense, -1 before it is computed
}

func (m *matcher) run() []Found {
	var out []Found
	for i := 0; i < len(m.t); {
		c, ok := m.at(i)
		if !ok || c.j <= i {
			i++
			continue
		}
		f, good := m.found(c)
		if good {
			out = append(out, f)
			if c.p.g != gNone && c.value == "" && (c.typ == TypeDate || c.typ == TypeTime) {
				m.d.last, m.d.lastAt = c.p, m.d.n
			}
			if c.explicitQ {
				m.d.lastQ, m.d.lastQAt = c.p, m.d.n
			}
		}
		i = c.j
	}
	return out
}

// at returns the longest expression starting at token i, with an optional
// leading modifier ("early", "about", "the end of").
func (m *matcher) at(i int) (cand, bool) {
	switch t := m.t[i]; t.k {
	case kPunct:
		if t.low != "'" {
			return cand{}, false
		}
	case kWord:
		if m.lx.rules[t.low] == 0 {
			return cand{}, false
		}
		// Articles are frequent: only look further when a time word follows.
		if (t.low == "the" || t.low == "a" || t.low == "an") && !m.continues(i+1) {
			return cand{}, false
		}
	}
	best, ok := m.core(i, false)
	k, mod, class := m.modifier(i)
	if k > i && k < len(m.t) {
		c, ok2 := m.core(k, true)
		if ok2 && modFits(class, c) && (!ok || c.j > best.j) {
			c.i = i
			m.applyMod(&c, mod, class)
			best, ok = c, true
		}
	}
	return best, ok
}

// core tries every pattern at token i and keeps the longest match. After a
// modifier, "the year", "the month" and "the week" read as the current one.
func (m *matcher) core(i int, afterMod bool) (cand, bool) {
	var best cand
	ok := false
	try := func(c cand, good bool) {
		if good && c.j > i && (!ok || c.j > best.j) {
			best, ok = c, true
		}
	}
	switch m.t[i].k {
	case kNum:
		try(m.clock(i))
		try(m.numericDate(i))
		try(m.dayMonth(i))
		try(m.year(i))
		try(m.decade(i))
		try(m.quarter(i))
		try(m.ago(i))
		try(m.duration(i))
	case kWord:
		r := m.lx.rules[m.t[i].low]
		for _, p := range wordPatterns {
			if r&p.r != 0 {
				try(p.f(m, i, afterMod))
			}
		}
	case kPunct:
		if m.t[i].low == "'" {
			try(m.decade(i))
			try(m.shortYear(i))
		}
	}
	return best, ok
}

// wordPatterns are the patterns tried at a word, in order of preference
// between matches of the same length.
var wordPatterns = []struct {
	r rule
	f func(m *matcher, i int, afterMod bool) (cand, bool)
}{
	{rClock, func(m *matcher, i int, _ bool) (cand, bool) { return m.clock(i) }},
	{rMonthDate, func(m *matcher, i int, _ bool) (cand, bool) { return m.monthDate(i) }},
	{rDayMonth, func(m *matcher, i int, _ bool) (cand, bool) { return m.dayMonth(i) }},
	{rDayMonth, func(m *matcher, i int, _ bool) (cand, bool) { return m.dayOfMonth(i) }},
	{rWeekday, func(m *matcher, i int, _ bool) (cand, bool) { return m.weekday(i) }},
	{rDayWord, func(m *matcher, i int, _ bool) (cand, bool) { return m.dayWord(i) }},
	{rRelative, (*matcher).relative},
	{rWeekOf, func(m *matcher, i int, _ bool) (cand, bool) { return m.weekOf(i) }},
	{rWeekOf, func(m *matcher, i int, _ bool) (cand, bool) { return m.theDay(i) }},
	{rYearEnd, func(m *matcher, i int, _ bool) (cand, bool) { return m.yearEnd(i) }},
	{rSpelledYear, func(m *matcher, i int, _ bool) (cand, bool) { return m.spelledYear(i) }},
	{rYear, func(m *matcher, i int, _ bool) (cand, bool) { return m.year(i) }},
	{rDecade, func(m *matcher, i int, _ bool) (cand, bool) { return m.decade(i) }},
	{rSamePeriod, func(m *matcher, i int, _ bool) (cand, bool) { return m.samePeriod(i) }},
	{rQuarter, func(m *matcher, i int, _ bool) (cand, bool) { return m.quarter(i) }},
	{rSeason, func(m *matcher, i int, _ bool) (cand, bool) { return m.season(i) }},
	{rHoliday, func(m *matcher, i int, _ bool) (cand, bool) { return m.holiday(i) }},
	{rAgo, func(m *matcher, i int, _ bool) (cand, bool) { return m.ago(i) }},
	{rDuration, func(m *matcher, i int, _ bool) (cand, bool) { return m.duration(i) }},
	{rSet, func(m *matcher, i int, _ bool) (cand, bool) { return m.setExpr(i) }},
	{rRef, func(m *matcher, i int, _ bool) (cand, bool) { return m.refWord(i) }},
}

// continues reports whether token k can continue an expression begun by
// an article: a number, an apostrophe or a time word.
func (m *matcher) continues(k int) bool {
	if k >= len(m.t) {
		return false
	}
	switch t := m.t[k]; t.k {
	case kNum:
		return true
	case kPunct:
		return t.low == "'"
	}
	w := m.t[k].low
	return m.lx.rules[w] != 0 || afterArticle[w]
}

// afterArticle are words that begin no pattern themselves but continue one
// after an article: "the future", "the near term".
var afterArticle = map[string]bool{
	"future": true, "near": true, "distant": true, "foreseeable": true, "immediate": true,
	"short": true, "present": true, "same": true, "week": true, "day": true,
}

// ---- token helpers ----

func (m *matcher) low(i int) string {
	if i >= 0 && i < len(m.t) {
		return m.t[i].low
	}
	return ""
}

// word returns the lower-cased word at i, or "" when i is not a word.
func (m *matcher) word(i int) string {
	if i >= 0 && i < len(m.t) && m.t[i].k == kWord {
		return m.t[i].low
	}
	return ""
}

func (m *matcher) is(i int, words ...string) bool {
	if i < 0 || i >= len(m.t) {
		return false
	}
	l := m.t[i].low
	for _, w := range words {
		if l == w {
			return true
		}
	}
	return false
}

// adj reports whether tokens i and i+1 touch (no space between them).
func (m *matcher) adj(i int) bool {
	return i >= 0 && i+1 < len(m.t) && m.t[i].e == m.t[i+1].s
}

// num returns the value of the number token at i, or -1.
func (m *matcher) num(i int) int {
	if i >= 0 && i < len(m.t) && m.t[i].k == kNum {
		return m.t[i].n
	}
	return -1
}

func (m *matcher) ndigits(i int) int {
	if i >= 0 && i < len(m.t) && m.t[i].k == kNum {
		return m.t[i].e - m.t[i].s
	}
	return 0
}

func (m *matcher) upper(i int) bool {
	return i >= 0 && i < len(m.t) && m.t[i].upper
}

// possessive reports whether tokens i, i+1 are "'s".
func (m *matcher) possessive(i int) bool {
	return m.is(i, "'") && m.is(i+1, "s") && m.adj(i)
}

// boundary reports whether token i ends a phrase: end of sentence or
// punctuation other than a hyphen or slash.
func (m *matcher) boundary(i int) bool {
	if i >= len(m.t) {
		return true
	}
	return m.t[i].k == kPunct && m.t[i].low != "-" && m.t[i].low != "/"
}

// ---- anchor and direction ----

func (m *matcher) anchorDay() time.Time { return m.d.anchor.day() }

// dirOf returns -1 for past, +1 for future and 0 when unknown, for the
// expression at tokens [i, j); -2 when it must lie in the past ("since").
func (m *matcher) dirOf(i, j int) int {
	// Some prepositions fix the direction whatever the tense.
	switch m.word(i - 1) {
	case "since":
		return -2 // strictly past
	case "until", "till":
		if m.tenseNear(i, j) != TensePast {
			return 1
		}
	}
	switch m.tenseNear(i, j) {
	case TensePast:
		return -1
	case TenseFuture:
		return 1
	}
	return 0
}

// recentLast returns the last date of the document when it was mentioned in
// this sentence or the two before.
func (m *matcher) recentLast() (point, bool) {
	if m.d.last.g == gNone || m.d.n-m.d.lastAt > 2 {
		return point{}, false
	}
	return m.d.last, true
}

// ---- modifiers ----

type modClass uint8

const (
	modNone     modClass = iota
	modPos               // early, mid, late, the end of
	modRel               // earlier, later (this month)
	modQuantity          // nearly, more than, at least: durations and offsets
	modApprox            // about, around: any expression
)

// modifier reads a modifier at i and returns the index after it.
func (m *matcher) modifier(i int) (int, string, modClass) {
	w := m.word(i)
	switch w {
	case "early", "late":
		mod := ModStart
		if w == "late" {
			mod = ModEnd
		}
		if m.is(i+1, "-") && m.adj(i) {
			return i + 2, mod, modPos
		}
		return i + 1, mod, modPos
	case "mid":
		if m.is(i+1, "-") && m.adj(i) {
			return i + 2, ModMid, modPos
		}
		return i + 1, ModMid, modPos
	case "earlier", "later":
		return i + 1, w, modRel
	case "the":
		switch m.word(i + 1) {
		case "end", "close":
			if m.is(i+2, "of") {
				return i + 3, ModEnd, modPos
			}
		case "beginning", "start":
			if m.is(i+2, "of") {
				return i + 3, ModStart, modPos
			}
		case "middle":
			if m.is(i+2, "of") {
				return i + 3, ModMid, modPos
			}
		case "early":
			return i + 2, ModStart, modPos
		case "late":
			return i + 2, ModEnd, modPos
		case "mid":
			if m.is(i+2, "-") && m.adj(i+1) {
				return i + 3, ModMid, modPos
			}
			return i + 2, ModMid, modPos
		}
	case "end", "beginning", "start", "middle":
		if m.is(i+1, "of") {
			mod := ModEnd
			switch w {
			case "beginning", "start":
				mod = ModStart
			case "middle":
				mod = ModMid
			}
			return i + 2, mod, modPos
		}
	case "about", "around", "approximately", "roughly", "circa", "approx":
		return i + 1, ModApprox, modApprox
	case "nearly", "almost":
		return i + 1, ModLessThan, modQuantity
	case "some", "just", "only":
		return i + 1, ModApprox, modQuantity
	case "under":
		return i + 1, ModLessThan, modQuantity
	case "more", "less", "fewer":
		if m.is(i+1, "than") {
			if w == "more" {
				return i + 2, ModMoreThan, modQuantity
			}
			return i + 2, ModLessThan, modQuantity
		}
	case "at":
		if m.is(i+1, "least") {
			return i + 2, ModEqualOrMore, modQuantity
		}
		if m.is(i+1, "most") {
			return i + 2, ModEqualOrLess, modQuantity
		}
	case "up":
		if m.is(i+1, "to") {
			return i + 2, ModEqualOrLess, modQuantity
		}
	case "no":
		if m.is(i+1, "more", "less") && m.is(i+2, "than") {
			if m.word(i+1) == "more" {
				return i + 3, ModEqualOrLess, modQuantity
			}
			return i + 3, ModEqualOrMore, modQuantity
		}
	}
	return i, "", modNone
}

func modFits(class modClass, c cand) bool {
	switch class {
	case modPos, modRel:
		return c.typ == TypeDate || c.typ == TypeTime
	case modQuantity:
		return c.typ == TypeDuration || c.ago
	case modApprox:
		return c.typ == TypeDuration || c.typ == TypeTime || c.ago
	}
	return false
}

// applyMod sets the mod of c and, for "earlier/later this month", narrows
// its day range to the part before or after the anchor.
func (m *matcher) applyMod(c *cand, mod string, class modClass) {
	if class != modRel {
		c.mod = mod
		return
	}
	if c.p.g == gNone || !m.d.has || c.p.g <= gDay {
		return
	}
	from, to := c.p.span()
	a := m.anchorDay()
	if a.Before(from) || a.After(to) {
		return
	}
	if mod == "earlier" {
		if a.After(from) {
			to = a.AddDate(0, 0, -1)
		}
	} else if a.Before(to) {
		from = a.AddDate(0, 0, 1)
	}
	c.from, c.to = from, to
}

// found turns a candidate into a Found; it reports false for candidates
// whose resolved point fell out of the supported range.
func (m *matcher) found(c cand) (Found, bool) {
	if c.i < 0 || c.i >= c.j || c.j > len(m.t) {
		return Found{}, false
	}
	s, e := m.t[c.i].s, m.t[c.j-1].e
	f := Found{Start: s, End: e, Text: m.text[s:e], Lead: s, Type: c.typ, Mod: c.mod}
	if c.i > 0 {
		if pt := m.t[c.i-1]; pt.k == kWord && m.lx.preps[pt.low] {
			f.Lead, f.Prep = pt.s, pt.low
		}
	}
	if c.p.g != gNone {
		if !c.p.valid() {
			return Found{}, false
		}
		f.Value = c.p.value()
		f.Precision = c.p.g.String()
		from, to := c.p.span()
		if !c.from.IsZero() {
			from, to = c.from, c.to
		} else {
			from, to = narrow(from, to, c.mod, c.p.g)
		}
		if from.Year() < minYear || to.Year() > maxYear {
			return Found{}, false
		}
		f.StartDay, f.EndDay = ymd(from), ymd(to)
	} else {
		f.Precision = c.prec.String()
		if !c.from.IsZero() && !c.to.Before(c.from) && c.from.Year() >= minYear && c.to.Year() <= maxYear {
			f.StartDay, f.EndDay = ymd(c.from), ymd(c.to)
		}
	}
	if c.value != "" {
		f.Value = c.value
	}
	if f.Value == "" {
		return Found{}, false
	}
	return f, true
}

// narrow cuts a range to its first, middle or last third for START, MID
// and END modifiers on points longer than a day.
func narrow(from, to time.Time, mod string, g gran) (time.Time, time.Time) {
	if g <= gDay || (mod != ModStart && mod != ModMid && mod != ModEnd) {
		return from, to
	}
	var years, months int // the size of a third in whole years or months
	switch g {
	case gDecade:
		years = 3
	case gCentury:
		years = 33
	case gYear:
		months = 4
	}
	if years > 0 || months > 0 {
		end := to.AddDate(0, 0, 1) // exclusive
		switch mod {
		case ModStart:
			return from, from.AddDate(years, months, -1)
		case ModMid:
			return from.AddDate(years, months, 0), end.AddDate(-years, -months, -1)
		}
		return end.AddDate(-years, -months, 0), to
	}
	n := int(to.Sub(from).Hours()/24) + 1
	third := n / 3
	if third < 1 {
		return from, to
	}
	switch mod {
	case ModStart:
		return from, from.AddDate(0, 0, third-1)
	case ModMid:
		return from.AddDate(0, 0, third), to.AddDate(0, 0, -third)
	}
	return to.AddDate(0, 0, -third+1), to
}
