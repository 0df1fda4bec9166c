package timex

import "time"

// relative matches "last week", "this month", "next year", "the past
// year", "last Friday", "next September", "this weekend", "over the
// weekend", "the following day", "that year" and, after a modifier, "the
// year" ("the end of the year").
func (m *matcher) relative(i int, afterMod bool) (cand, bool) {
	k := i
	the := m.is(k, "the")
	if the {
		k++
	}
	rel := ""
	switch w := m.word(k); w {
	case "this", "current", "present":
		if the == (w == "this") {
			return cand{}, false
		}
		rel = "this"
		k++
		if m.is(k, "past") {
			rel = "last"
			k++
		} else if m.is(k, "coming") {
			rel = "next"
			k++
		}
	case "last", "past":
		rel = "last"
		k++
	case "next", "coming":
		rel = "next"
		if the && w == "next" && m.is(k+1, "day", "morning", "afternoon", "evening", "night") {
			rel = "following"
		}
		k++
	case "previous", "preceding", "prior":
		rel = "previous"
		k++
	case "following", "subsequent":
		rel = "following"
		k++
	case "same":
		if !the {
			return cand{}, false
		}
		rel = "that"
		k++
	case "that":
		if the {
			return cand{}, false
		}
		rel = "that"
		k++
	default:
		if !the {
			return cand{}, false
		}
	}
	if m.is(k, "fiscal") && m.is(k+1, "year", "quarter") {
		k++
	}
	w := m.word(k)
	j := k + 1
	if m.titleCase(k) && m.titleCase(k-1) {
		return cand{}, false // "This Week", a programme
	}
	if rel == "last" && m.word(k-1) == "past" && (w == "decade" || w == "century") {
		// "the past decade" is the ten years to now
		n := 10
		if w == "century" {
			n = 100
		}
		c := cand{i: i, j: j, typ: TypeDuration, value: "P" + itoa(n) + "Y"}
		if m.d.has {
			a := m.anchorDay()
			c.from, c.to = a.AddDate(-n, 0, 1), a
		}
		return c, true
	}
	if rel == "" {
		switch {
		case w == "weekend":
		case afterMod && (w == "week" || w == "month" || w == "year" || w == "quarter" || w == "decade" || w == "century"):
			rel = "this"
		default:
			return cand{}, false
		}
	}
	if m.possessive(j) && w != "weekend" {
		// "last year's third quarter" is the quarter rule's; "last year's" alone is fine
		if m.is(j+2, "first", "second", "third", "fourth") {
			return cand{}, false
		}
	}
	c := cand{i: i, j: j, typ: TypeDate}

	// the base: the anchor, or the last date mentioned for "previous",
	// "following" and "that".
	base, haveBase, fromLast := m.d.anchor, m.d.has, false
	switch rel {
	case "previous", "following", "that":
		if lp, ok := m.recentLast(); ok {
			base, haveBase, fromLast = lp, true, true
		} else if rel == "that" {
			return cand{}, false
		}
	}
	off := 0
	switch rel {
	case "last", "previous":
		off = -1
	case "next", "following":
		off = 1
	}
	unresolved := func(g gran) (cand, bool) {
		c.prec = g
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

	if d, ok := m.weekdayWord(k); ok {
		if rel == "that" {
			return cand{}, false
		}
		pod := m.lx.pods[m.word(j)]
		if pod != "" {
			j++
			c.j = j
		}
		if !haveBase {
			return unresolved(gDay)
		}
		var p point
		switch {
		case fromLast:
			// the weekday before or after the last date
			bd := base.day()
			bw := int(bd.Weekday())
			if off < 0 {
				n := (bw - d + 7) % 7
				if n == 0 {
					n = 7
				}
				p = dayPoint(bd.AddDate(0, 0, -n))
			} else {
				n := (d - bw + 7) % 7
				if n == 0 {
					n = 7
				}
				p = dayPoint(bd.AddDate(0, 0, n))
			}
		case off < 0:
			p = m.weekdayPoint(d, -1, true)
		case off > 0:
			p = m.weekdayPoint(d, 1, true)
		default:
			dir := m.dirOf(i, j)
			if dir == 0 {
				dir = 1 // "this Friday" mostly looks ahead
			}
			p = m.weekdayPoint(d, dir, false)
		}
		if pod != "" {
			p.g, p.pod = gPOD, pod
		}
		c.p = p
		return c, true
	}
	if mo, jm, ok := m.monthWord(k, true); ok && !fromLast {
		c.j = jm
		if !m.d.has {
			return unresolved(gMonth)
		}
		a := m.d.anchor
		y := a.y
		switch {
		case off < 0 && mo >= a.m:
			y--
		case off > 0 && mo <= a.m:
			y++
		}
		c.p = point{g: gMonth, y: y, m: mo}
		return c, true
	}

	switch w {
	case "day", "morning", "afternoon", "evening", "night":
		if !fromLast && (rel == "this" || rel == "last") {
			return cand{}, false // "this morning", "last night": dayWord
		}
		if fromLast && base.g > gDay && m.d.has {
			base = m.d.anchor
		}
		if !haveBase || base.g > gDay {
			return cand{}, false
		}
		p := dayPoint(base.day().AddDate(0, 0, off))
		if pod := m.lx.pods[w]; pod != "" {
			p.g, p.pod = gPOD, pod
		}
		c.p = p
		return c, true
	case "week", "weekend":
		if !haveBase {
			return unresolved(gWeek)
		}
		if base.g > gWeekend {
			return cand{}, false
		}
		g := gWeek
		if w == "weekend" {
			g = gWeekend
		}
		bd := base.day()
		p := weekPoint(bd, g)
		if rel == "" { // "the weekend": the last one, or the coming one in future clauses
			wd := bd.Weekday()
			isWE := wd == 0 || wd == 6
			if !isWE && m.dirOf(i, j) <= 0 {
				p = p.shift(-1)
			}
			c.p = p
			return c, true
		}
		c.p = p.shift(off)
		return c, true
	case "month":
		if !haveBase {
			return unresolved(gMonth)
		}
		if base.g > gMonth {
			return cand{}, false
		}
		c.p = point{g: gMonth, y: base.y, m: base.m}.shift(off)
		return c, true
	case "quarter":
		if !haveBase {
			return unresolved(gQuarter)
		}
		var p point
		switch {
		case base.g == gQuarter:
			p = base
		case base.g <= gMonth:
			p = point{g: gQuarter, y: base.y, q: quarterOf(base.m)}
		default:
			return cand{}, false
		}
		c.p = p.shift(off)
		return c, true
	case "year":
		if !haveBase {
			return unresolved(gYear)
		}
		if base.g > gYear {
			return cand{}, false
		}
		c.p = point{g: gYear, y: base.y + off}
		return c, true
	case "decade", "century":
		if !haveBase {
			return unresolved(gDecade)
		}
		if w == "decade" {
			c.p = point{g: gDecade, y: base.y - base.y%10}.shift(off)
		} else {
			c.p = point{g: gCentury, y: base.y - base.y%100}.shift(off)
		}
		return c, true
	}
	return cand{}, false
}

// quarter matches business quarters and halves: "the third quarter",
// "third-quarter", "the fourth quarter of 1989", "this year's third
// quarter", "Q3 2021", "the latest quarter", "the year-earlier period",
// "the first half".
func (m *matcher) quarter(i int) (cand, bool) {
	k := i
	det := false
	detAt := -1 // a determiner other than "the" is not part of the expression
	if m.is(k, "the", "its", "their", "his", "her", "our", "a") {
		det = true
		if !m.is(k, "the") {
			detAt = k
		}
		k++
	}
	y, hasY := 0, false
	if m.is(k, "this", "last", "next") && m.is(k+1, "year") && m.possessive(k+2) {
		if !m.d.has {
			return cand{}, false
		}
		y, hasY = m.d.anchor.y, true
		switch m.word(k) {
		case "last":
			y--
		case "next":
			y++
		}
		k += 4
	} else if yy, ok := m.yearNum(k); ok {
		if m.possessive(k + 1) {
			y, hasY, k = yy, true, k+3
		} else if det {
			y, hasY, k = yy, true, k+1
		}
	}
	if m.is(k, "comparable", "corresponding", "same", "flat", "strong", "weak") {
		k++
	}
	yearAgo := false
	yearAgoAt := -1
	if m.is(k, "year") && m.is(k+1, "-") && m.is(k+2, "earlier", "ago") && m.adj(k) && m.adj(k+1) {
		yearAgo, yearAgoAt = true, k
		k += 3
	}
	rel := ""
	switch w := m.word(k); w {
	case "most":
		if m.is(k+1, "recent") {
			rel = "latest"
			k += 2
		}
	case "latest", "recent", "current", "this", "last", "next", "previous", "prior", "coming", "final":
		rel = w
		k++
	}
	if m.is(k, "fiscal") {
		k++
		if m.is(k, "-") && m.adj(k-1) {
			k++
		}
	}
	q := 0
	if n, ok := m.lx.ordinals[m.word(k)]; ok && n <= 4 {
		q = n
		k++
	} else if n := m.num(k); n >= 1 && n <= 4 && m.ndigits(k) == 1 && m.adj(k) && m.is(k+1, "st", "nd", "rd", "th") {
		q = n
		k += 2
	}
	hyphenAdj := false
	if q > 0 && m.is(k, "-") && m.adj(k-1) && m.adj(k) {
		hyphenAdj = true
		k++
	}
	if q == 0 && (rel == "final" || rel == "last") && m.is(k, "quarter") && m.is(k+1, "of") {
		if _, ok := m.yearNum(k + 2); ok {
			q = 4 // "the final quarter of 2009"
		}
	}
	if rel == "final" && q == 0 {
		return cand{}, false
	}
	half := false
	switch m.word(k) {
	case "quarter":
		if q == 0 && !det && rel == "" && !yearAgo && !hasY {
			return cand{}, false
		}
		if m.is(k-1, "a") {
			return cand{}, false
		}
	case "half":
		if q > 2 || (q == 0 && rel != "last") {
			return cand{}, false
		}
		if q == 0 {
			q = 2
		}
		half = true
	case "period":
		if q != 0 || !(yearAgo || rel == "latest" || hasY) {
			return cand{}, false
		}
	default:
		// Q3, 3Q
		if q == 0 && !det && rel == "" {
			switch {
			case m.word(k) == "q" && m.upper(k) && m.adj(k) && m.num(k+1) >= 1 && m.num(k+1) <= 4 && m.ndigits(k+1) == 1:
				q = m.num(k + 1)
				k++
			case m.num(k) >= 1 && m.num(k) <= 4 && m.ndigits(k) == 1 && m.adj(k) && m.word(k+1) == "q" && m.upper(k+1):
				q = m.num(k)
				k++
			case m.word(k) == "h" && m.upper(k) && m.adj(k) && (m.num(k+1) == 1 || m.num(k+1) == 2) && m.ndigits(k+1) == 1:
				q, half = m.num(k+1), true // H1 2022
				k++
			default:
				if yearAgo {
					// "year-earlier" on its own: the same time a year before
					return m.yearAgo(yearAgoAt, yearAgoAt+3)
				}
				return cand{}, false
			}
			if m.adj(k) && k+1 < len(m.t) && m.t[k+1].k != kPunct {
				return cand{}, false
			}
		} else if yearAgo && q == 0 {
			return m.yearAgo(yearAgoAt, yearAgoAt+3)
		} else {
			return cand{}, false
		}
	}
	k++
	switch {
	case m.is(k, "last") && m.is(k+1, "year") && !m.possessive(k+2):
		// "the third quarter last year", "the corresponding period last year"
		if q > 0 && !hasY && m.d.has {
			y, hasY = m.d.anchor.y-1, true
		} else {
			yearAgo = true
		}
		k += 2
	case m.is(k, "a") && m.is(k+1, "year") && m.is(k+2, "ago", "earlier", "before"):
		yearAgo = true
		k += 3
	}
	if !hasY {
		kk := k
		if m.is(kk, "of") && m.is(kk+1, "fiscal") {
			kk += 2
		} else if m.is(kk, "of") {
			kk++
		}
		if yy, ok := m.yearNum(kk); ok {
			y, hasY, k = yy, true, kk+1
		} else if m.d.has && m.is(k, "of") && m.is(k+1, "this", "the") && m.is(k+2, "year") {
			y, hasY, k = m.d.anchor.y, true, k+3
		} else if m.d.has && m.is(k, "of") && m.is(k+1, "last", "next") && m.is(k+2, "year") {
			y, hasY, k = m.d.anchor.y-1, true, k+3
			if m.word(k-2) == "next" {
				y += 2
			}
		} else if q == 0 && m.is(k, "of") {
			return cand{}, false // "a quarter of the ..."
		}
	}
	c := cand{i: i, j: k, typ: TypeDate}
	if detAt == i || (hyphenAdj && m.is(i, "the")) {
		c.i = i + 1 // "a third-quarter loss", "its fourth quarter"
	}
	g := gQuarter
	if half {
		g = gHalf
	}
	if !m.d.has && !hasY {
		if q == 0 {
			return cand{}, false
		}
		if half {
			c.value = "XXXX-H" + itoa(q)
		} else {
			c.value = "XXXX-Q" + itoa(q)
		}
		c.prec = g
		return c, true
	}
	var p point
	switch {
	case q > 0 && hasY:
		p = point{g: g, y: y, q: q}
	case q > 0:
		a := m.d.anchor
		cur := quarterOf(a.m)
		if half {
			cur = (a.m-1)/6 + 1
		}
		y = a.y
		switch rel {
		case "last", "previous", "prior":
			if q >= cur {
				y--
			}
		case "next", "coming":
			if q <= cur {
				y++
			}
		default:
			if q > cur && m.dirOf(i, k) < 0 {
				y--
			}
		}
		p = point{g: g, y: y, q: q}
	default:
		a := m.d.anchor
		cur := point{g: gQuarter, y: a.y, q: quarterOf(a.m)}
		if hasY && y != a.y {
			// "the 1988 period": the context quarter of that year
			ctx := cur.shift(-1)
			if m.d.lastQ.g == gQuarter {
				ctx = m.d.lastQ
			}
			p = point{g: gQuarter, y: y, q: ctx.q}
			break
		}
		switch rel {
		case "this", "current":
			p = cur
		case "last", "previous", "prior":
			p = cur.shift(-1)
		case "next", "coming":
			p = cur.shift(1)
		default:
			// "the quarter", "the latest quarter": the quarter the story
			// is about when it is a recent completed one, else the last
			// completed quarter
			p = cur.shift(-1)
			if lq := m.d.lastQ; lq.g == gQuarter {
				li, ci := lq.y*4+lq.q, cur.y*4+cur.q
				if li <= ci && li >= ci-4 && (li < ci || rel == "") {
					p = lq
				}
			}
		}
	}
	if yearAgo {
		p = p.shift(-4)
		if half {
			p = point{g: gHalf, y: p.y - 1, q: q}
		}
	} else {
		c.explicitQ = true
	}
	c.p = p
	return c, true
}

// yearAgo resolves the adjective "year-earlier" / "year-ago" over [i, j):
// the context quarter a year before, or last year.
func (m *matcher) yearAgo(i, j int) (cand, bool) {
	c := cand{i: i, j: j, typ: TypeDate}
	if lq, ok := m.recentQuarter(); ok {
		c.p = lq
		c.p.y--
		return c, true
	}
	if !m.d.has {
		c.value, c.prec = PastRef, gYear
		return c, true
	}
	c.p = point{g: gYear, y: m.d.anchor.y - 1}
	return c, true
}

// unitGran is the granularity of a date n units u away.
func unitGran(u unit) gran {
	switch u {
	case uWeek, uFortnight:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear, uDecade, uCentury:
		return gYear
	}
	return gDay
}

// quarterContext is how many sentences a quarter stays the context of "a
// year ago".
const quarterContext = 5

// recentQuarter returns the last quarter or half named in this sentence or
// the quarterContext before.
func (m *matcher) recentQuarter() (point, bool) {
	if m.d.lastQ.g == gNone || m.d.n-m.d.lastQAt > quarterContext {
		return point{}, false
	}
	return m.d.lastQ, true
}

// ago matches offsets from the anchor or the last date: "two days ago",
// "a year ago", "three weeks earlier", "a month later", "two years from
// now", "a week or so ago".
func (m *matcher) ago(i int) (cand, bool) {
	cnt, ok := m.count(i)
	k := i
	if ok {
		k = cnt.j
	}
	u, plural, j, uok := m.unitAt(k)
	if !uok || u == uWeekend || (cnt.article && (u == uQuarter || u == uSecond)) {
		return cand{}, false
	}
	if !ok {
		if !plural || (i > 0 && (m.t[i-1].k == kNum || m.lx.numbers[m.low(i-1)] > 0)) {
			return cand{}, false // "1234567890123456789012345 days ago" is no time
		}
		cnt.vague = true
	}
	if m.is(j, "or") && m.is(j+1, "so") {
		j += 2
	}
	dir, fromLast := 0, false
	switch m.word(j) {
	case "ago", "back":
		dir = -1
	case "hence":
		dir = 1
	case "from":
		if !m.is(j+1, "now", "today") {
			return cand{}, false
		}
		dir = 1
		j++
	case "earlier", "before", "previously":
		dir, fromLast = -1, true
	case "later", "after", "afterwards", "afterward":
		dir, fromLast = 1, true
	default:
		return cand{}, false
	}
	if m.is(j, "before", "after") && !m.boundary(j+1) {
		return cand{}, false // "two days before the vote": a duration
	}
	j++
	c := cand{i: i, j: j, typ: TypeDate, ago: true}
	base, have := point{}, false
	if fromLast {
		if lp, ok := m.recentLast(); ok {
			base, have = lp, true
		} else {
			fromLast = false
		}
	}
	if !have && m.d.has {
		base, have = m.d.anchor, true
	}
	if !have || cnt.vague || cnt.n != float64(int(cnt.n)) || cnt.n > 1e6 {
		c.prec = gNone
		if dir < 0 {
			c.value = PastRef
		} else {
			c.value = FutureRef
		}
		return c, true
	}
	n := int(cnt.n) * dir
	if u == uYear && !fromLast {
		// "a year ago" in a story about a quarter means that quarter a year before
		if lq, ok := m.recentQuarter(); ok {
			base, fromLast = lq, true
		}
	}
	var t time.Time
	a := base.first()
	switch u {
	case uSecond, uMinute, uHour:
		secs := 1
		switch u {
		case uMinute:
			secs = 60
		case uHour:
			secs = 3600
		}
		t = a.AddDate(0, 0, floorDiv(n*secs, 86400))
	default:
		t = shiftUnits(a, n, u)
	}
	g := unitGran(u)
	if (u == uWeek && cnt.n <= 2) || u == uFortnight {
		g = gDay // "a week ago" is usually that very day
	}
	switch {
	case fromLast && base.g > g:
		g = base.g // "two days later" than a month stays a month
	case fromLast && g == gYear && (base.g == gQuarter || base.g == gHalf || base.g == gSeason):
		g = base.g // "a year earlier" than a quarter is that quarter
	}
	c.p = pointAt(t, g)
	return c, true
}

// samePeriod matches "the same period last year", "the same month a year
// ago", "the corresponding quarter of the previous year": the last date
// mentioned (or the last completed quarter or month) a year back, at its
// granularity.
func (m *matcher) samePeriod(i int) (cand, bool) {
	if !m.is(i, "the") || !m.is(i+1, "same", "comparable", "corresponding") {
		return cand{}, false
	}
	k := i + 2
	noun := m.word(k)
	switch noun {
	case "period", "quarter", "month", "week", "day", "time", "season", "half":
	default:
		return cand{}, false
	}
	k++
	switch {
	case m.is(k, "last") && m.is(k+1, "year"):
		k += 2
	case m.is(k, "a") && m.is(k+1, "year") && m.is(k+2, "ago", "earlier", "before"):
		k += 3
	case m.is(k, "of", "in") && m.is(k+1, "the") && m.is(k+2, "previous", "prior") && m.is(k+3, "year"):
		k += 4
	case m.is(k, "of", "in") && m.is(k+1, "last") && m.is(k+2, "year"):
		k += 3
	case m.is(k, "the") && m.is(k+1, "previous", "prior") && m.is(k+2, "year"):
		k += 3
	case m.is(k, "the") && m.is(k+1, "year") && m.is(k+2, "before"):
		k += 3
	default:
		return cand{}, false
	}
	c := cand{i: i, j: k, typ: TypeDate}
	if !m.d.has {
		c.value, c.prec = PastRef, gNone
		return c, true
	}
	a := m.d.anchor
	var base point
	switch noun {
	case "quarter":
		base = point{g: gQuarter, y: a.y, q: quarterOf(a.m)}.shift(-1)
		if lq, ok := m.recentQuarter(); ok {
			base = lq
		}
	case "month":
		base = point{g: gMonth, y: a.y, m: a.m}.shift(-1)
		if lp, ok := m.recentLast(); ok && lp.g <= gMonth && lp.g > gWeekend {
			base = point{g: gMonth, y: lp.y, m: lp.m}
		}
	case "week":
		base = weekPoint(a.day(), gWeek).shift(-1)
		if lp, ok := m.recentLast(); ok && lp.g <= gWeekend {
			base = weekPoint(lp.first(), gWeek)
		}
	case "day":
		base = a
		if lp, ok := m.recentLast(); ok && lp.g <= gDay {
			base = dayPoint(lp.day())
		}
	default:
		if lq, ok := m.recentQuarter(); ok {
			base = lq
		} else if lp, ok := m.recentLast(); ok && lp.g != gTime {
			base = lp
		} else {
			base = point{g: gQuarter, y: a.y, q: quarterOf(a.m)}.shift(-1)
		}
	}
	c.p = pointAt(shiftUnits(base.first(), -1, uYear), base.g)
	if base.g == gPOD || base.g == gTime {
		c.p = pointAt(shiftUnits(base.first(), -1, uYear), gDay)
	}
	return c, true
}
