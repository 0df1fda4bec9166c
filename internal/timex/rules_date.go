package timex

import (
	"strings"
	"time"
)

// Words after which an ambiguous month name (May, March, August) or a bare
// season reads as a date.
var datePrev = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true,
	"last": true, "next": true, "this": true, "early": true, "late": true, "mid": true,
	"during": true, "before": true, "after": true, "through": true, "from": true,
	"between": true, "and": true, "or": true, "-": true, "that": true, "each": true,
	"every": true, "throughout": true, "on": true, "around": true, "about": true,
	"past": true, "coming": true, "previous": true, "following": true,
}

// monthWord reads a month name at k and returns the month and the index
// after it (and its abbreviation period). afterDay relaxes the guards for
// "15 May".
func (m *matcher) monthWord(k int, afterDay bool) (int, int, bool) {
	w := m.word(k)
	mo, ok := m.lx.months[w]
	if !ok || !m.upper(k) {
		return 0, 0, false
	}
	j := k + 1
	if m.lx.monthAbbr[w] {
		if m.is(j, ".") && m.adj(k) {
			return mo, j + 1, true
		}
		if afterDay || m.num(j) >= 0 {
			return mo, j, true
		}
		return 0, 0, false
	}
	if m.is(j, ".") && m.adj(k) && w != "may" && m.num(j+1) >= 0 {
		j++ // "Sept." style periods after full names are rare but harmless
	}
	if afterDay {
		return mo, j, true
	}
	prevDate := k > 0 && (datePrev[m.low(k-1)] || m.t[k-1].k == kNum)
	_, _, dayNext := m.dayNum(j)
	_, yearNext := m.yearNum(j)
	nextNum := dayNext || yearNext
	switch w {
	case "may", "march", "august":
		if !prevDate && !nextNum {
			return 0, 0, false
		}
	default:
		// "April Ryan said": a capitalised word after a month that no date
		// word introduces is a name.
		if !prevDate && !nextNum && j < len(m.t) && m.t[j].k == kWord && m.t[j].upper {
			return 0, 0, false
		}
	}
	return mo, j, true
}

// weekdayWord reads a capitalised weekday name at k.
func (m *matcher) weekdayWord(k int) (int, bool) {
	d, ok := m.lx.weekdays[m.word(k)]
	if !ok || !m.upper(k) {
		return 0, false
	}
	return d, true
}

// dayNum reads a day of month (1-31) with an optional ordinal suffix at k
// and returns it and the index after it.
func (m *matcher) dayNum(k int) (int, int, bool) {
	n := m.num(k)
	if n < 1 || n > 31 || m.ndigits(k) > 2 {
		return 0, 0, false
	}
	j := k + 1
	if m.adj(k) {
		switch m.word(j) {
		case "st", "nd", "rd", "th":
			j++
		default:
			if j < len(m.t) && m.t[j].k != kPunct {
				return 0, 0, false
			}
			if m.is(j, "/", "%") || (m.is(j, ".", ",", ":") && m.adj(j) && m.num(j+1) >= 0) {
				return 0, 0, false
			}
			if m.is(j, "-") && m.adj(j) {
				return 0, 0, false
			}
		}
	}
	return n, j, true
}

// yearNum reads a four-digit year at k that is not glued to other digits.
func (m *matcher) yearNum(k int) (int, bool) {
	n := m.num(k)
	if m.ndigits(k) != 4 || n < 1000 {
		return 0, false
	}
	if m.adj(k) && k+1 < len(m.t) {
		nx := m.t[k+1]
		if nx.k != kPunct || nx.low == "%" || nx.low == "/" || nx.low == ":" {
			return 0, false
		}
		if (nx.low == "." || nx.low == ",") && m.adj(k+1) && m.num(k+2) >= 0 {
			return 0, false
		}
	}
	return n, true
}

// Costs, in days, that steer the year of a month, month-day or holiday
// given without a year: choosing a date against the clause's tense (half
// of it for a future date when the tense is unknown: news mostly reports
// the past), and leaving the anchor's year (news style names the year when
// it is not the current one).
const (
	costAgainstTense = 180
	costOtherYear    = 90
)

// resolveYear picks the year of month mo, day dd (0: the whole month)
// relative to the anchor: the candidate year closest to the anchor after
// the costs above, dir being -1 for past, +1 for future and 0 unknown. wd
// >= 0 first prefers a year in which the date falls on that weekday.
func (m *matcher) resolveYear(mo, dd, dir, wd int) int {
	a := m.anchorDay()
	ay := a.Year()
	if wd >= 0 && dd > 0 {
		for _, y := range []int{ay, ay - 1, ay + 1} {
			if dd <= daysIn(y, mo) && int(civil(y, mo, dd).Weekday()) == wd {
				return y
			}
		}
	}
	best, bestCost := ay, int64(1<<62)
	for _, y := range []int{ay - 1, ay, ay + 1} {
		var from, to time.Time
		if dd > 0 {
			d := dd
			if d > daysIn(y, mo) {
				d = daysIn(y, mo)
			}
			from = civil(y, mo, d)
			to = from
		} else {
			from, to = civil(y, mo, 1), civil(y, mo, daysIn(y, mo))
		}
		if c := dateCost(a, from, to, dir, y != ay); c < bestCost {
			best, bestCost = y, c
		}
	}
	return best
}

// dateCost is the distance in days from anchor a to the range [from, to]
// plus the costs of going against the tense and of another year.
func dateCost(a, from, to time.Time, dir int, otherYear bool) int64 {
	var cost int64
	switch {
	case a.Before(from):
		cost = int64(from.Sub(a).Hours() / 24)
		switch dir {
		case -2:
			cost += 1 << 40 // "since March" is never ahead
		case -1:
			cost += costAgainstTense
		case 0:
			cost += costAgainstTense / 2
		}
	case a.After(to):
		cost = int64(a.Sub(to).Hours() / 24)
		if dir > 0 {
			cost += costAgainstTense
		}
	}
	if otherYear {
		cost += costOtherYear
	}
	return cost
}

// dateCand builds the candidate for month mo, day dd (0: the month) and
// year y (0: resolve from the anchor) over tokens [i, j).
func (m *matcher) dateCand(i, j, y, mo, dd, wd int) (cand, bool) {
	c := cand{i: i, j: j, typ: TypeDate}
	if y == 0 {
		if !m.d.has {
			if dd > 0 {
				if dd > daysIn(2000, mo) {
					return cand{}, false
				}
				c.value, c.prec = "XXXX-"+pad2(mo)+"-"+pad2(dd), gDay
			} else {
				c.value, c.prec = "XXXX-"+pad2(mo), gMonth
			}
			return c, true
		}
		y = m.resolveYear(mo, dd, m.dirOf(i, j), wd)
	}
	if !validYear(y) {
		return cand{}, false
	}
	if dd > 0 {
		if dd > daysIn(y, mo) {
			return cand{}, false
		}
		c.p = point{g: gDay, y: y, m: mo, d: dd}
	} else {
		c.p = point{g: gMonth, y: y, m: mo}
	}
	return c, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// yearAfter reads a year given after a month: "2021", ", 2021", "of 2021",
// "this year", "of last year". It returns the year and the index after it.
func (m *matcher) yearAfter(k int) (int, int, bool) {
	kk := k
	if m.is(kk, ",", "of") {
		kk++
	}
	if y, ok := m.yearNum(kk); ok {
		return y, kk + 1, true
	}
	if m.is(kk, "'") && m.ndigits(kk+1) == 2 && m.adj(kk) && !m.adj(kk+1) {
		// '21
		y := m.num(kk+1) + 1900
		if m.d.has && y+100 <= m.d.anchor.y+10 {
			y += 100
		}
		return y, kk + 2, true
	}
	if m.d.has && m.is(kk, "this", "last", "next") && m.is(kk+1, "year") && !m.possessive(kk+2) {
		y := m.d.anchor.y
		switch m.word(kk) {
		case "last":
			y--
		case "next":
			y++
		}
		return y, kk + 2, true
	}
	return 0, k, false
}

// monthDate matches "Dec. 15", "December 15, 2021", "Friday, Oct. 23",
// "July 1997", "January this year" and "September".
func (m *matcher) monthDate(i int) (cand, bool) {
	k := i
	wd := -1
	if d, ok := m.weekdayWord(k); ok {
		kk := k + 1
		if m.is(kk, ",") {
			kk++
		}
		if _, _, ok := m.monthWord(kk, false); !ok {
			return cand{}, false
		}
		wd, k = d, kk
	}
	mo, j, ok := m.monthWord(k, false)
	if !ok {
		return cand{}, false
	}
	if c, ok := m.dayRange(i, j, mo); ok {
		return c, true
	}
	if dd, jd, ok := m.dayNum(j); ok {
		if y, jy, ok := m.yearAfter(jd); ok && !(m.is(jd, "of")) {
			if dd > daysIn(y, mo) {
				return m.dateCand(i, j, y, mo, 0, -1) // "February 30, 2022": keep the month
			}
			return m.dateCand(i, jy, y, mo, dd, wd)
		}
		if dd > daysIn(2000, mo) {
			return m.dateCand(i, j, 0, mo, 0, -1)
		}
		c, ok := m.dateCand(i, jd, 0, mo, dd, wd)
		if !ok && dd == 29 && mo == 2 {
			return m.dateCand(i, j, 0, mo, 0, -1)
		}
		return c, ok
	}
	if wd >= 0 {
		return cand{}, false
	}
	if y, jy, ok := m.yearAfter(j); ok {
		return m.dateCand(i, jy, y, mo, 0, -1)
	}
	return m.dateCand(i, j, 0, mo, 0, -1)
}

// dayMonth matches "15 December 2021", "15th of December", "the 15th of
// December" and "Saturday 19 February".
func (m *matcher) dayMonth(i int) (cand, bool) {
	k := i
	wd := -1
	if d, ok := m.weekdayWord(k); ok {
		k++
		if m.is(k, ",") {
			k++
		}
		wd = d
	}
	the := false
	if m.is(k, "the") {
		the = true
		k++
	}
	dd, j, ok := m.dayNum(k)
	if !ok {
		if !the {
			return cand{}, false
		}
		n, isOrd := m.lx.ordinals[m.word(k)]
		if !isOrd || n > 31 {
			return cand{}, false
		}
		dd, j = n, k+1
	}
	if m.is(j, "of") {
		j++
	} else if the {
		return cand{}, false
	}
	mo, jm, ok := m.monthWord(j, true)
	if !ok {
		return cand{}, false
	}
	if y, jy, ok := m.yearAfter(jm); ok && !m.is(jm, "of") {
		if dd > daysIn(y, mo) {
			return cand{}, false
		}
		return m.dateCand(i, jy, y, mo, dd, wd)
	}
	if dd > daysIn(2000, mo) {
		return cand{}, false
	}
	return m.dateCand(i, jm, 0, mo, dd, wd)
}

// numericDate matches 2022-02-19, 2022/02/19, 19/02/2022, 19.02.2022 and
// an ISO timestamp's date and time (2022-02-19T09:14).
func (m *matcher) numericDate(i int) (cand, bool) {
	if i > 0 && m.adj(i-1) && (m.t[i-1].k != kPunct || m.is(i-1, "/", "-", ".", ":")) {
		return cand{}, false
	}
	sep := m.low(i + 1)
	if sep != "-" && sep != "/" && sep != "." {
		return cand{}, false
	}
	if !m.adj(i) || !m.adj(i+1) || !m.adj(i+2) || !m.is(i+3, sep) || !m.adj(i+3) {
		return cand{}, false
	}
	a, b, c := m.num(i), m.num(i+2), m.num(i+4)
	na, nb, nc := m.ndigits(i), m.ndigits(i+2), m.ndigits(i+4)
	if a < 0 || b < 0 || c < 0 || nb > 2 {
		return cand{}, false
	}
	j := i + 5
	var y, mo, dd int
	switch {
	case na == 4 && nc <= 2 && sep != ".":
		y, mo, dd = a, b, c
	case na <= 2 && (nc == 4 || (nc == 2 && sep == "/")):
		y = c
		if nc == 2 {
			y = m.century(c/10*10) + c%10 // 7/8/07
		}
		switch {
		case a > 12 && b <= 12:
			dd, mo = a, b
		case b > 12 && a <= 12:
			mo, dd = a, b
		case m.cfg.MonthFirst:
			mo, dd = a, b
		default:
			dd, mo = a, b
		}
	default:
		return cand{}, false
	}
	// 1/2/3/2022 and friends are not dates.
	if m.adj(j-1) && j < len(m.t) && (m.t[j].k == kNum || m.is(j, sep)) {
		return cand{}, false
	}
	if mo < 1 || mo > 12 || dd < 1 || !validYear(y) || dd > daysIn(y, mo) {
		return cand{}, false
	}
	cd := cand{i: i, j: j, typ: TypeDate, p: point{g: gDay, y: y, m: mo, d: dd}}
	// ISO timestamp: 2022-02-19T09:14
	if na == 4 && m.adj(j-1) && m.is(j, "t") && m.adj(j) && m.ndigits(j+1) == 2 && m.is(j+2, ":") &&
		m.adj(j+1) && m.adj(j+2) && m.ndigits(j+3) == 2 {
		hh, mm := m.num(j+1), m.num(j+3)
		if hh <= 23 && mm <= 59 {
			cd.typ = TypeTime
			cd.p.g, cd.p.hh, cd.p.mm = gTime, hh, mm
			cd.j = j + 4
		}
	}
	return cd, true
}

// weekday matches "Saturday" and "Saturday night".
func (m *matcher) weekday(i int) (cand, bool) {
	d, ok := m.weekdayWord(i)
	if !ok {
		return cand{}, false
	}
	j := i + 1
	pod := m.lx.pods[m.word(j)]
	if pod != "" {
		j++
	}
	c := cand{i: i, j: j, typ: TypeDate}
	if !m.d.has {
		c.value, c.prec = "XXXX-WXX-"+itoa(isoWeekday(d)), gDay
		if pod != "" {
			c.value += "T" + pod
		}
		return c, true
	}
	c.p = m.weekdayPoint(d, m.dirOf(i, j), false)
	if pod != "" {
		c.p.g, c.p.pod = gPOD, pod
	}
	return c, true
}

// weekdayPoint resolves weekday d: the anchor's own weekday is the anchor
// day unless strict; otherwise the previous one (dir <= 0) or the next one.
func (m *matcher) weekdayPoint(d, dir int, strict bool) point {
	a := m.anchorDay()
	aw := int(a.Weekday())
	off := 0
	switch {
	case d == aw && !strict:
	case dir > 0:
		off = (d - aw + 7) % 7
		if off == 0 {
			off = 7
		}
	default:
		off = -((aw - d + 7) % 7)
		if off == 0 {
			off = -7
		}
	}
	return dayPoint(a.AddDate(0, 0, off))
}

func isoWeekday(d int) int {
	if d == 0 {
		return 7
	}
	return d
}

// dayWord matches today, tonight, yesterday, tomorrow (with a part of the
// day), "last night", "this morning", "the day before yesterday".
func (m *matcher) dayWord(i int) (cand, bool) {
	w := m.word(i)
	j := i + 1
	off, pod := 0, ""
	switch w {
	case "today":
	case "tonight":
		pod = "NI"
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "last":
		if !m.is(j, "night") {
			return cand{}, false
		}
		off, pod, j = -1, "NI", j+1
	case "this":
		pod = m.lx.pods[m.word(j)]
		if pod == "" || pod == "NI" {
			return cand{}, false
		}
		j++
	case "the":
		if !m.is(j, "day") || !m.is(j+1, "before", "after") {
			return cand{}, false
		}
		if m.is(j+2, "yesterday", "tomorrow") {
			off = -2
			if m.word(j+2) == "tomorrow" {
				off = 2
			}
			j += 3
			break
		}
		if !m.boundary(j + 2) {
			return cand{}, false // "the day before the vote"
		}
		// "the day before": a day from the last date, or from the anchor
		off = -1
		if m.word(j+1) == "after" {
			off = 1
		}
		j += 2
		if lp, ok := m.recentLast(); ok && lp.g <= gDay {
			return cand{i: i, j: j, typ: TypeDate, p: dayPoint(lp.day().AddDate(0, 0, off))}, true
		}
	default:
		return cand{}, false
	}
	if pod == "" && (w == "today" || w == "yesterday" || w == "tomorrow") {
		if p := m.lx.pods[m.word(j)]; p != "" {
			pod = p
			j++
		}
	}
	c := cand{i: i, j: j, typ: TypeDate}
	if !m.d.has {
		c.prec = gDay
		switch {
		case off < 0:
			c.value = PastRef
		case off > 0:
			c.value = FutureRef
		default:
			c.value = PresentRef
		}
		return c, true
	}
	c.p = dayPoint(m.anchorDay().AddDate(0, 0, off))
	if pod != "" {
		c.p.g, c.p.pod = gPOD, pod
	}
	return c, true
}

// countNouns are nouns after which a four-digit number is a count, not a
// year ("2000 troops").
var countNouns = map[string]bool{
	"people": true, "persons": true, "troops": true, "soldiers": true, "civilians": true,
	"police": true, "officers": true, "workers": true, "employees": true, "jobs": true,
	"residents": true, "refugees": true, "families": true, "homes": true, "houses": true,
	"buildings": true, "vehicles": true, "cars": true, "tanks": true, "men": true,
	"women": true, "children": true, "students": true, "members": true, "votes": true,
	"voters": true, "cases": true, "deaths": true, "dead": true, "casualties": true,
	"shares": true, "dollars": true, "euros": true, "pounds": true, "barrels": true,
	"tons": true, "tonnes": true, "kilometers": true, "kilometres": true, "km": true,
	"miles": true, "meters": true, "metres": true, "feet": true, "acres": true,
	"units": true, "copies": true, "rounds": true, "missiles": true, "rockets": true,
	"drones": true, "aircraft": true, "planes": true, "ships": true, "migrants": true,
	"prisoners": true, "detainees": true, "protesters": true, "demonstrators": true,
	"patients": true, "beds": true, "doses": true, "points": true, "seats": true,
	"percent": true, "per": true, "times": true, "words": true, "pages": true,
	"individuals": true, "fighters": true, "militants": true, "rebels": true,
	"staff": true, "visitors": true, "users": true, "customers": true, "companies": true,
	"firms": true, "stores": true, "locations": true, "villages": true, "cities": true,
	"hectares": true, "calories": true, "pupils": true, "passengers": true, "flights": true,
	"victims": true, "injured": true, "wounded": true, "killed": true, "arrested": true,
	"yuan": true, "rubles": true, "roubles": true, "rupees": true, "yen": true, "cents": true,
	"hours": true, "minutes": true, "days": true, "weeks": true, "months": true, "years": true,
}

// year matches "2021", "fiscal 1989", "FY2021" and "the year 2000".
func (m *matcher) year(i int) (cand, bool) {
	k := i
	ctx := false
	switch m.word(k) {
	case "fiscal":
		k++
		if m.is(k, "year") {
			k++
		}
		ctx = true
	case "fy":
		if !m.upper(k) {
			return cand{}, false
		}
		k++
		ctx = true
	case "the":
		if !m.is(k+1, "year") {
			return cand{}, false
		}
		k += 2
		ctx = true
	}
	y, ok := m.yearNum(k)
	if !ok {
		return cand{}, false
	}
	if m.adj(k) && m.is(k+1, "s") {
		return cand{}, false // a decade
	}
	if !ctx {
		if y > 2099 && !(k > 0 && datePrev[m.low(k-1)]) {
			return cand{}, false
		}
		if k > 0 {
			pv := m.t[k-1]
			if pv.low == "$" || pv.low == "#" || pv.low == "+" {
				return cand{}, false
			}
			if m.adj(k - 1) {
				switch {
				case pv.k == kWord, pv.k == kNum:
					return cand{}, false
				case pv.low == "-" || pv.low == "/" || pv.low == "." || pv.low == ":" || pv.low == ",":
					rangeYear := pv.low == "-" && m.ndigits(k-2) == 4 && m.adj(k-2)
					prefixed := pv.low == "-" && m.is(k-2, "mid", "pre", "post") && m.adj(k-2)
					if !rangeYear && !prefixed {
						return cand{}, false
					}
				}
			}
			if pv.low == "no" && pv.upper {
				return cand{}, false
			}
		}
		if m.adj(k) && m.is(k+1, "-") && !(m.ndigits(k+2) == 4 || m.ndigits(k+2) == 2) {
			return cand{}, false
		}
		if countNouns[m.word(k+1)] {
			return cand{}, false
		}
	}
	if !validYear(y) {
		return cand{}, false
	}
	return cand{i: i, j: k + 1, typ: TypeDate, p: point{g: gYear, y: y}}, true
}

// decade matches "1990s", "the 1990s", "the '90s", "the nineties" and "the
// 20th century".
func (m *matcher) decade(i int) (cand, bool) {
	k := i
	the := m.is(k, "the")
	if the {
		k++
	}
	// 1990s, 1990's
	if n := m.num(k); m.ndigits(k) == 4 && n%10 == 0 {
		j := k + 1
		if !m.adj(k) {
			return cand{}, false
		}
		if m.is(j, "s") {
			j++
		} else if m.is(j, "'") && m.is(j+1, "s") && m.adj(j) {
			j += 2
		} else {
			return cand{}, false
		}
		if m.adj(j-1) && j < len(m.t) && m.t[j].k != kPunct {
			return cand{}, false
		}
		return cand{i: i, j: j, typ: TypeDate, p: point{g: gDecade, y: n}}, true
	}
	// '90s, 90s
	kk := k
	if m.is(kk, "'") && m.adj(kk) {
		kk++
	} else if !the && !(i > 0 && m.is(i-1, "early", "late", "mid", "-")) {
		return cand{}, false
	}
	if n := m.num(kk); m.ndigits(kk) == 2 && n%10 == 0 && m.adj(kk) && m.is(kk+1, "s") {
		return cand{i: i, j: kk + 2, typ: TypeDate, p: point{g: gDecade, y: m.century(n)}}, true
	}
	if n, ok := m.lx.decadeWd[m.word(k)]; ok && the {
		return cand{i: i, j: k + 1, typ: TypeDate, p: point{g: gDecade, y: m.century(n)}}, true
	}
	// the 20th century, the twentieth century
	ord, j := 0, k
	if n, ok := m.lx.ordinals[m.word(k)]; ok {
		ord, j = n, k+1
	} else if n := m.num(k); n > 0 && m.ndigits(k) <= 2 && m.adj(k) && m.is(k+1, "st", "nd", "rd", "th") {
		ord, j = n, k+2
	} else if m.word(k) == "twenty" && m.is(k+1, "-") && m.is(k+2, "first") {
		ord, j = 21, k+3
	}
	if ord > 0 && m.is(j, "century") {
		return cand{i: i, j: j + 1, typ: TypeDate, p: point{g: gCentury, y: (ord - 1) * 100}}, true
	}
	return cand{}, false
}

// shortYear matches a year written with an apostrophe: "'82".
func (m *matcher) shortYear(i int) (cand, bool) {
	if !m.is(i, "'") || !m.adj(i) || m.ndigits(i+1) != 2 || (i > 0 && m.adj(i-1)) {
		return cand{}, false
	}
	if m.adj(i+1) && i+2 < len(m.t) && m.t[i+2].k != kPunct {
		return cand{}, false // '90s is a decade
	}
	y := m.century(m.num(i+1)/10*10) + m.num(i+1)%10
	return cand{i: i, j: i + 2, typ: TypeDate, p: point{g: gYear, y: y}}, true
}

// century places a two-digit decade: 2020 when that is not after the
// anchor's year, 1990 otherwise.
func (m *matcher) century(n int) int {
	if m.d.has && 2000+n <= m.d.anchor.y {
		return 2000 + n
	}
	return 1900 + n
}

// season matches "this summer", "last fall", "the spring of 2021",
// "winter 2021".
func (m *matcher) season(i int) (cand, bool) {
	k := i
	rel := ""
	switch w := m.word(k); w {
	case "this", "last", "next", "the", "past", "coming":
		rel = w
		k++
		if rel == "this" && m.is(k, "past", "coming") {
			rel = "this " + m.word(k)
			k++
		}
		if rel == "the" && m.is(k, "early", "late", "mid") {
			return cand{}, false // handled by the modifier
		}
	}
	s, ok := m.lx.seasons[m.word(k)]
	if !ok {
		return cand{}, false
	}
	j := k + 1
	y, jy, hasYear := 0, j, false
	if m.is(j, "of") || m.num(j) >= 0 {
		if yy, ok := m.yearNum(j + b2i(m.is(j, "of"))); ok {
			y, jy, hasYear = yy, j+1+b2i(m.is(j, "of")), true
		}
	}
	w := m.word(k)
	switch rel {
	case "", "the":
		if !hasYear {
			if i == 0 || !datePrev[m.low(i-1)] {
				return cand{}, false
			}
			if (w == "fall" || w == "spring") && !m.boundary(j) {
				return cand{}, false
			}
			if m.is(j, "of") {
				return cand{}, false
			}
		}
	}
	c := cand{i: i, j: j, typ: TypeDate}
	if hasYear {
		c.j = jy
		c.p = point{g: gSeason, y: y, season: s}
		if s == "WI" {
			c.p.y = y + 1 // "the winter of 2021" began in December 2021
		}
		return c, validYear(y)
	}
	if !m.d.has {
		c.prec = gSeason
		switch rel {
		case "last", "past", "this past":
			c.value = PastRef
		case "next", "coming", "this coming":
			c.value = FutureRef
		default:
			c.value = "XXXX-" + s
		}
		return c, true
	}
	cur, cy := seasonOf(m.anchorDay())
	ci := cy*4 + seasonIndex(cur)
	pick := func(dir int) int {
		best, bestD := 0, 1<<30
		for y := cy - 1; y <= cy+1; y++ {
			idx := y*4 + seasonIndex(s)
			dd := idx - ci
			switch {
			case dir < 0 && dd >= 0, dir > 0 && dd <= 0:
				continue
			}
			if dd < 0 {
				dd = -dd
			}
			if dd < bestD {
				best, bestD = idx, dd
			}
		}
		return best
	}
	var idx int
	switch rel {
	case "last", "past", "this past":
		idx = pick(-1)
	case "next", "coming", "this coming":
		idx = pick(1)
	case "this":
		// "this summer" is the summer of the anchor's year, before or after
		y := m.d.anchor.y
		if s == "WI" && m.d.anchor.m == 12 {
			y++
		}
		idx = y*4 + seasonIndex(s)
	default:
		if s == cur {
			idx = ci
		} else {
			idx = pick(m.dirOf(i, j))
		}
	}
	c.p = point{g: gSeason, y: floorDiv(idx, 4), season: s}
	return c, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// holiday matches named days: "Christmas", "New Year's Day", "Thanksgiving
// Day", "Easter", "Election Day", optionally with a year or "last".
func (m *matcher) holiday(i int) (cand, bool) {
	k := i
	rel := ""
	if m.is(k, "last", "next", "this") {
		rel = m.word(k)
		k++
	}
	if !m.upper(k) {
		return cand{}, false
	}
	var b strings.Builder
	h, end, found := holiday{}, 0, false
	for j := k; j < len(m.t) && j < k+5; j++ {
		t := m.t[j]
		switch {
		case t.k == kWord && t.low == "s" && j > k && m.is(j-1, "'"):
			b.WriteString("s")
		case t.k == kWord:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.low)
		case t.low == "'" && m.adj(j-1):
			b.WriteByte('\'')
			continue
		default:
			j = len(m.t)
			continue
		}
		if hh, ok := m.lx.holidays[b.String()]; ok {
			h, end, found = hh, j+1, true
		}
	}
	if !found {
		return cand{}, false
	}
	c := cand{i: i, j: end, typ: TypeDate}
	y := 0
	if yy, jy, ok := m.yearAfter(end); ok {
		y, c.j = yy, jy
	}
	if y == 0 && !m.d.has {
		c.prec = gDay
		switch rel {
		case "last":
			c.value = PastRef
		case "next":
			c.value = FutureRef
		default:
			if h.rule != "" {
				return cand{}, false // needs a year to place
			}
			c.value = "XXXX-" + pad2(h.month) + "-" + pad2(h.day)
		}
		return c, true
	}
	if y == 0 {
		a := m.anchorDay()
		dir := m.dirOf(i, c.j)
		switch rel {
		case "last":
			dir = -1
		case "next":
			dir = 1
		}
		best, bestCost := 0, int64(1<<62)
		for yy := a.Year() - 1; yy <= a.Year()+1; yy++ {
			d := holidayDate(h, yy)
			if (rel == "last" && !d.Before(a)) || (rel == "next" && !d.After(a)) {
				continue
			}
			if c := dateCost(a, d, d, dir, yy != a.Year()); c < bestCost {
				best, bestCost = yy, c
			}
		}
		if best == 0 {
			return cand{}, false
		}
		y = best
	}
	if !validYear(y) || y < 1583 && h.rule != "" {
		return cand{}, false
	}
	c.p = dayPoint(holidayDate(h, y))
	return c, true
}

// holidayDate returns the date of holiday h in year y.
func holidayDate(h holiday, y int) time.Time {
	switch h.rule {
	case "thanksgiving": // fourth Thursday of November
		return nthWeekday(y, 11, time.Thursday, 4)
	case "labor": // first Monday of September
		return nthWeekday(y, 9, time.Monday, 1)
	case "memorial": // last Monday of May
		d := civil(y, 5, 31)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, -1)
		}
		return d
	case "election": // Tuesday after the first Monday of November
		return nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1)
	case "easter":
		return easter(y)
	case "goodfriday":
		return easter(y).AddDate(0, 0, -2)
	case "eastermonday":
		return easter(y).AddDate(0, 0, 1)
	}
	return civil(y, h.month, h.day)
}

func nthWeekday(y, mo int, wd time.Weekday, n int) time.Time {
	d := civil(y, mo, 1)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

// easter returns Western Easter Sunday of year y (anonymous Gregorian
// algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	mm := (a + 11*h + 22*l) / 451
	month := (h + l - 7*mm + 114) / 31
	day := (h+l-7*mm+114)%31 + 1
	return civil(y, month, day)
}

// weekOf matches "the week of March 6".
func (m *matcher) weekOf(i int) (cand, bool) {
	if !m.is(i, "the") || !m.is(i+1, "week") || !m.is(i+2, "of") {
		return cand{}, false
	}
	dc, ok := m.dayRef(i + 3)
	if !ok {
		return cand{}, false
	}
	return cand{i: i, j: dc.j, typ: TypeDate, p: weekPoint(dc.p.day(), gWeek)}, true
}

// yearEnd matches "year-end", "year end" and "year's end": the end of the
// anchor's year.
func (m *matcher) yearEnd(i int) (cand, bool) {
	k := i
	if m.is(k, "the") {
		k++
	}
	if !m.is(k, "year") {
		return cand{}, false
	}
	switch {
	case m.is(k+1, "-") && m.adj(k) && m.adj(k+1) && m.is(k+2, "end"):
		k += 3
	case m.is(k+1, "end"):
		k += 2
	case m.possessive(k+1) && m.is(k+3, "end"):
		k += 4
	default:
		return cand{}, false
	}
	c := cand{i: i, j: k, typ: TypeDate, mod: ModEnd}
	if !m.d.has {
		c.value, c.prec = PresentRef, gYear
		return c, true
	}
	c.p = point{g: gYear, y: m.d.anchor.y}
	return c, true
}

// spelledYear matches years in words, as in transcripts: "nineteen
// ninety-six", "the year two thousand".
func (m *matcher) spelledYear(i int) (cand, bool) {
	k := i
	the := m.is(k, "the") && m.is(k+1, "year")
	if the {
		k += 2
	}
	var y, j int
	switch m.word(k) {
	case "nineteen", "eighteen", "twenty":
		hi := m.lx.numbers[m.word(k)]
		cnt, ok := m.count(k + 1)
		if !ok || cnt.vague || cnt.article || cnt.n < 10 || cnt.n > 99 || m.num(k+1) >= 0 {
			return cand{}, false
		}
		y, j = hi*100+int(cnt.n), cnt.j
	case "two":
		if !the || !m.is(k+1, "thousand") {
			return cand{}, false
		}
		y, j = 2000, k+2
		if m.is(j, "and") {
			j++
		}
		if cnt, ok := m.count(j); ok && !cnt.vague && !cnt.article && cnt.n < 100 && m.num(j) < 0 {
			y, j = 2000+int(cnt.n), cnt.j
		} else if m.is(k+2, "and") {
			j = k + 2
		}
	default:
		return cand{}, false
	}
	return cand{i: i, j: j, typ: TypeDate, p: point{g: gYear, y: y}}, true
}

// dayRange matches a month's day range after the month name at j: "Feb.
// 24-25", "March 3 to 5". The value is the first day, the range covers
// them all.
func (m *matcher) dayRange(i, j, mo int) (cand, bool) {
	d1, d2 := m.num(j), -1
	if d1 < 1 || d1 > 31 || m.ndigits(j) > 2 {
		return cand{}, false
	}
	k := j + 1
	switch {
	case m.is(k, "-") && m.adj(j) && m.adj(k):
		d2, k = m.num(k+1), k+2
	case m.is(k, "to", "through") && !m.adj(j):
		d2, k = m.num(k+1), k+2
	default:
		return cand{}, false
	}
	if d2 <= d1 || d2 > 31 || m.ndigits(k-1) > 2 || (m.adj(k-1) && k < len(m.t) && m.t[k].k != kPunct) {
		return cand{}, false
	}
	y := 0
	if yy, jy, ok := m.yearAfter(k); ok && !m.is(k, "of") {
		y, k = yy, jy
	}
	c, ok := m.dateCand(i, k, y, mo, d1, -1)
	if !ok || c.p.g != gDay || d2 > daysIn(c.p.y, mo) {
		return c, ok && c.p.g == gNone // no anchor: the first day's XXXX value
	}
	c.from, c.to = c.p.day(), civil(c.p.y, mo, d2)
	return c, true
}

// dayOfMonth matches "the 24th" on its own: that day of the anchor's
// month, or of the month before or after as the tense says.
func (m *matcher) dayOfMonth(i int) (cand, bool) {
	if !m.is(i, "the") || m.ndigits(i+1) == 0 || m.ndigits(i+1) > 2 || !m.adj(i+1) ||
		!m.is(i+2, "st", "nd", "rd", "th") || !m.d.has {
		return cand{}, false
	}
	dd := m.num(i + 1)
	if dd < 1 || dd > 31 || !m.boundary(i+3) {
		return cand{}, false // "the 24th Infantry"
	}
	a := m.anchorDay()
	dir := m.dirOf(i, i+3)
	best, bestCost := point{}, int64(1<<62)
	for off := -1; off <= 1; off++ {
		t := civil(a.Year(), int(a.Month())+off, 1)
		if dd > daysIn(t.Year(), int(t.Month())) {
			continue
		}
		d := civil(t.Year(), int(t.Month()), dd)
		if c := dateCost(a, d, d, dir, off != 0); c < bestCost {
			best, bestCost = dayPoint(d), c
		}
	}
	if best.g == gNone {
		return cand{}, false
	}
	return cand{i: i, j: i + 3, typ: TypeDate, p: best}, true
}

// theDay matches "the day" of market and news reports ("ended the day
// down", "for the day", "later in the day"): the day of the last date
// mentioned, or the anchor.
func (m *matcher) theDay(i int) (cand, bool) {
	if !m.is(i, "the") || !m.is(i+1, "day") || m.is(i+2, "before", "after", "of", "when", "that", "-") {
		return cand{}, false
	}
	switch m.word(i - 1) {
	case "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing", "for":
	case "in":
		if !m.is(i-2, "later", "earlier", "late", "early") {
			return cand{}, false
		}
	case "of":
		if !m.is(i-2, "start", "end", "close") {
			return cand{}, false
		}
	default:
		return cand{}, false
	}
	c := cand{i: i, j: i + 2, typ: TypeDate}
	if lp, ok := m.recentLast(); ok && lp.g <= gDay {
		c.p = dayPoint(lp.day())
		return c, true
	}
	if !m.d.has {
		c.value, c.prec = PresentRef, gDay
		return c, true
	}
	c.p = m.d.anchor
	return c, true
}
