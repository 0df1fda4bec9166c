package timex

import (
	"strconv"
	"strings"
)

// amount is a count read by count.
type amount struct {
	n       float64
	vague   bool // "several", "a few": no exact value
	article bool // a bare "a"/"an"
	j       int  // index after the count
}

// maxCount bounds counts; larger numbers are not read as amounts of time.
const maxCount = 1e9

// count reads an amount at i: digits ("14", "1,000", "2 1/2", "1.5"),
// number words ("two", "twenty-four", "a hundred", "a dozen", "half"), an
// article ("a year") and vague amounts ("a few", "several", "many").
func (m *matcher) count(i int) (amount, bool) {
	if n := m.num(i); n >= 0 {
		if i > 0 && m.adj(i-1) && m.t[i-1].k != kPunct {
			return amount{}, false
		}
		v := float64(n)
		j := i + 1
		for m.is(j, ",") && m.adj(j-1) && m.adj(j) && m.ndigits(j+1) == 3 {
			v = v*1000 + float64(m.num(j+1))
			if v > maxCount {
				return amount{}, false
			}
			j += 2
		}
		if m.is(j, ".") && m.adj(j-1) && m.adj(j) && m.num(j+1) >= 0 && m.ndigits(j+1) <= 3 {
			frac, _ := strconv.ParseFloat("0."+m.low(j+1), 64)
			v += frac
			j += 2
		}
		if m.num(j) == 1 && !m.adj(j-1) && m.is(j+1, "/") && m.num(j+2) == 2 && m.adj(j) && m.adj(j+1) {
			v += 0.5 // 2 1/2
			j += 3
		}
		if m.adj(j-1) && j < len(m.t) && m.t[j].k == kWord {
			// "10am", "3Q", "1e400"
			return amount{}, false
		}
		if m.adj(j-1) && m.is(j, "/", ":", "%") {
			return amount{}, false
		}
		return amount{n: v, j: j}, true
	}
	w := m.word(i)
	switch w {
	case "a", "an":
		switch m.word(i + 1) {
		case "few", "couple", "number":
			if m.word(i+1) == "couple" {
				j := i + 2
				if m.is(j, "of") {
					j++
				}
				return amount{n: 2, j: j}, true
			}
			if m.word(i+1) == "number" {
				if m.is(i+2, "of") {
					return amount{vague: true, j: i + 3}, true
				}
				return amount{}, false
			}
			return amount{vague: true, j: i + 2}, true
		case "dozen":
			return amount{n: 12, j: i + 2}, true
		case "hundred":
			return amount{n: 100, j: i + 2}, true
		case "thousand":
			return amount{n: 1000, j: i + 2}, true
		case "half":
			return amount{n: 0.5, j: i + 2}, true
		}
		return amount{n: 1, article: true, j: i + 1}, true
	case "half":
		if m.is(i+1, "a", "an") {
			return amount{n: 0.5, j: i + 2}, true
		}
		return amount{}, false
	case "single":
		if m.is(i+1, "-") && m.adj(i) && m.unitOK(i+2) {
			return amount{n: 1, j: i + 1}, true // "single-day"
		}
		return amount{}, false
	case "several", "many", "few", "numerous", "some":
		if w == "some" {
			return amount{}, false // "some" is a modifier ("some 20 years")
		}
		return amount{vague: true, j: i + 1}, true
	case "dozens", "hundreds", "thousands":
		if m.is(i+1, "of") {
			return amount{vague: true, j: i + 2}, true
		}
		return amount{}, false
	case "couple":
		if m.is(i+1, "of") {
			return amount{n: 2, j: i + 2}, true
		}
		return amount{}, false
	}
	n, ok := m.lx.numbers[w]
	if !ok {
		return amount{}, false
	}
	j := i + 1
	if n >= 20 && n%10 == 0 {
		k := j
		if m.is(k, "-") && m.adj(k-1) && m.adj(k) {
			k++
		}
		if o, ok := m.lx.numbers[m.word(k)]; ok && o > 0 && o < 10 {
			n += o
			j = k + 1
		}
	}
	switch m.word(j) {
	case "hundred":
		n *= 100
		j++
	case "thousand":
		n *= 1000
		j++
	case "dozen":
		n *= 12
		j++
	}
	v := float64(n)
	if m.is(j, "and") && m.is(j+1, "a") && m.is(j+2, "half") && m.unitOK(j+3) {
		v += 0.5 // "two and a half years"
		j += 3
	}
	return amount{n: v, j: j}, true
}

// unitAt reads a time unit at k and returns it, whether it was plural and
// the index after it.
func (m *matcher) unitAt(k int) (unit, bool, int, bool) {
	w := m.word(k)
	u, ok := m.lx.units[w]
	if !ok {
		return uNone, false, k, false
	}
	plural := strings.HasSuffix(w, "s") || w == "centuries"
	return u, plural, k + 1, true
}

// unitCode returns the ISO 8601 designator of u and whether it is a time
// (after "T") unit.
func unitCode(u unit) (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek, uFortnight:
		return "W", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uDecade:
		return "E", false
	case uCentury:
		return "C", false
	}
	return "Y", false
}

// durValue formats n units u as a TIMEX3 duration: P2D, PT5H, P2Y6M, PXY.
func durValue(n float64, vague bool, u unit) string {
	code, isTime := unitCode(u)
	prefix := "P"
	if isTime {
		prefix = "PT"
	}
	if vague {
		return prefix + "X" + code
	}
	switch u {
	case uDecade:
		n, code = n*10, "Y"
	case uCentury:
		n, code = n*100, "Y"
	case uFortnight:
		n = n * 2
	}
	whole := int(n)
	if float64(whole) == n {
		return prefix + itoa(whole) + code
	}
	frac := n - float64(whole)
	var sub string
	var subN float64
	switch {
	case code == "Y":
		sub, subN = "M", frac*12
	case code == "D":
		sub, subN = "H", frac*24
	case code == "H":
		sub, subN = "M", frac*60
	case code == "M" && isTime:
		sub, subN = "S", frac*60
	case code == "W":
		if d := n * 7; d == float64(int(d)) {
			return "P" + itoa(int(d)) + "D"
		}
	}
	if sub != "" && subN == float64(int(subN)) {
		s := prefix
		if whole > 0 {
			s += itoa(whole) + code
		}
		if code == "D" {
			s += "T"
		}
		return s + itoa(int(subN)) + sub
	}
	return prefix + strconv.FormatFloat(n, 'f', -1, 64) + code
}

// rateWords before "a year" make it a frequency ("$5 a day", "twice a week").
var rateWords = map[string]bool{
	"once": true, "twice": true, "thrice": true, "times": true, "percent": true,
	"million": true, "billion": true, "trillion": true, "thousand": true, "hundred": true,
	"dollars": true, "cents": true, "euros": true, "pounds": true, "%": true,
}

// duration matches "three years", "the past two weeks", "the first nine
// months", "two-year", "a year and a half", "several days", "recent
// months" and, after rates, frequencies ("$5 a day").
func (m *matcher) duration(i int) (cand, bool) {
	k := i
	the := m.is(k, "the")
	if the {
		k++
	}
	lead := ""
	switch w := m.word(k); w {
	case "first", "last", "past", "next", "coming", "previous", "following", "final", "initial",
		"latest", "recent", "remaining", "ensuing", "preceding", "subsequent", "another", "additional":
		lead = w
		k++
	}
	cnt, ok := m.count(k)
	if ok {
		k = cnt.j
	} else {
		switch lead {
		case "recent", "coming", "past", "last", "next":
			// "recent months", "the coming weeks"
			cnt = amount{vague: true, j: k}
		case "another", "additional":
			cnt = amount{n: 1, j: k}
		default:
			switch {
			case !the && lead == "" && m.barePluralOK(i):
				cnt = amount{vague: true, j: k}
			case lead == "" && m.unitOK(k) && m.is(k+1, "-") && m.adj(k) && m.adj(k+1) && m.is(k+2, "long"):
				// "day-long", "decades-long"
				if strings.HasSuffix(m.word(k), "s") {
					cnt = amount{vague: true, j: k}
				} else {
					cnt = amount{n: 1, j: k}
				}
				ok = true
			case the && lead == "" && m.unitOK(k) && strings.HasSuffix(m.word(k), "s") && m.is(k+1, "ahead"):
				// "the weeks ahead"
				c := cand{i: i, j: k + 2, typ: TypeDuration}
				u, _, _, _ := m.unitAt(k)
				c.value = durValue(0, true, u)
				return c, true
			default:
				return cand{}, false
			}
		}
	}
	if m.is(k, "more", "additional", "further", "full", "straight", "consecutive", "long") && !cnt.article {
		k++
	}
	if m.is(k, "trading", "business", "working", "calendar", "school") && m.unitOK(k+1) {
		k++
	}
	hyphen := false
	if m.is(k, "-") && m.adj(k-1) && m.adj(k) {
		hyphen = true
		k++
	}
	u, plural, j, uok := m.unitAt(k)
	if !uok || u == uWeekend || m.titleCase(k) {
		return cand{}, false
	}
	if cnt.vague && !ok && !plural {
		return cand{}, false
	}
	if cnt.article && (u == uSecond || u == uQuarter) {
		return cand{}, false
	}
	if u == uQuarter && m.is(j, "of") {
		return cand{}, false // "three quarters of"
	}
	if (lead == "last" || lead == "past" || lead == "next" || lead == "coming" || lead == "previous") && !ok && !plural {
		return cand{}, false // "last year" is a date
	}
	if m.is(j, "-") && m.adj(j-1) && m.adj(j) && m.is(j+1, "old") {
		return cand{}, false // an age, not a time: "a six-year-old boy"
	}
	if m.is(j, "-") && m.adj(j-1) && m.adj(j) && m.is(j+1, "long") {
		j += 2
	}
	if m.is(j, "and") && m.is(j+1, "a") && m.is(j+2, "half") && !cnt.vague {
		cnt.n += 0.5
		j += 3
	}
	if m.is(j, "or") && m.is(j+1, "so") {
		j += 2
	}
	c := cand{i: i, j: j, typ: TypeDuration}
	if hyphen && the && lead == "" {
		c.i = i + 1 // "the two-year truce": the article belongs to the noun
	}
	if cnt.article && !the && lead == "" && i > 0 && (rateWords[m.low(i-1)] || m.t[i-1].k == kNum) {
		c.typ = TypeSet
		c.value = durValue(1, false, u)
		return c, true
	}
	c.value = durValue(cnt.n, cnt.vague, u)
	if m.d.has && !cnt.vague && !hyphen && u >= uDay && cnt.n <= 10000 && cnt.n == float64(int(cnt.n)) {
		n := int(cnt.n)
		a := m.anchorDay()
		switch lead {
		case "past", "last", "recent":
			if the || lead != "last" {
				c.from, c.to = shiftUnits(a, -n, u).AddDate(0, 0, 1), a
			}
		case "next", "coming":
			c.from, c.to = a.AddDate(0, 0, 1), shiftUnits(a, n, u)
		}
	}
	return c, true
}

// titleCase reports whether the word at k is capitalised inside a
// sentence that is not all capitals, as in names ("60 Minutes", "This
// Week").
func (m *matcher) titleCase(k int) bool {
	if k <= 0 || !m.upper(k) {
		return false
	}
	w := m.text[m.t[k].s:m.t[k].e]
	return w != strings.ToUpper(w)
}

// unitOK reports whether token k is a time unit other than "weekend".
func (m *matcher) unitOK(k int) bool {
	u, _, _, ok := m.unitAt(k)
	return ok && u != uWeekend
}

// barePluralOK reports whether a plural unit without a count at i reads
// as a duration: "for years", "within months".
func (m *matcher) barePluralOK(i int) bool {
	if i == 0 {
		return false
	}
	switch m.word(i) {
	case "years", "months", "decades", "weeks", "centuries":
	default:
		return false
	}
	switch m.low(i - 1) {
	case "for", "within", "over", "than":
		return true
	}
	return false
}

// setExpr matches frequencies: "daily", "every week", "each year", "every
// two weeks", "every Monday", "each July", "Tuesday nights".
func (m *matcher) setExpr(i int) (cand, bool) {
	w := m.word(i)
	if v, ok := m.lx.sets[w]; ok {
		if m.upper(i) && i > 0 {
			return cand{}, false // "Daily Mail"
		}
		return cand{i: i, j: i + 1, typ: TypeSet, value: v}, true
	}
	if len(w) > 4 && strings.HasSuffix(w, "s") && m.upper(i) {
		if d, ok := m.lx.weekdays[w[:len(w)-1]]; ok {
			v := "XXXX-WXX-" + itoa(isoWeekday(d))
			j := i + 1
			if p := m.lx.pods[strings.TrimSuffix(m.word(j), "s")]; p != "" && strings.HasSuffix(m.word(j), "s") {
				v += "T" + p
				j++
			}
			return cand{i: i, j: j, typ: TypeSet, value: v}, true
		}
	}
	if w != "every" && w != "each" && w != "per" {
		return cand{}, false
	}
	k := i + 1
	n := 1
	if m.is(k, "other") {
		n, k = 2, k+1
	} else if cnt, ok := m.count(k); ok && !cnt.vague && !cnt.article && cnt.n >= 1 && cnt.n == float64(int(cnt.n)) {
		n, k = int(cnt.n), cnt.j
	}
	if u, _, j, ok := m.unitAt(k); ok && u != uWeekend {
		return cand{i: i, j: j, typ: TypeSet, value: durValue(float64(n), false, u)}, true
	}
	if w == "per" {
		return cand{}, false
	}
	if d, ok := m.weekdayWord(k); ok {
		v := "XXXX-WXX-" + itoa(isoWeekday(d))
		j := k + 1
		if p := m.lx.pods[m.word(j)]; p != "" {
			v += "T" + p
			j++
		}
		return cand{i: i, j: j, typ: TypeSet, value: v}, true
	}
	if mo, j, ok := m.monthWord(k, true); ok {
		return cand{i: i, j: j, typ: TypeSet, value: "XXXX-" + pad2(mo)}, true
	}
	if p := m.lx.pods[m.word(k)]; p != "" {
		return cand{i: i, j: k + 1, typ: TypeSet, value: "XXXX-XX-XXT" + p}, true
	}
	return cand{}, false
}

// refWord matches the TIMEX3 reference words: now, currently, recently,
// soon, the past, the future.
func (m *matcher) refWord(i int) (cand, bool) {
	c := cand{i: i, j: i + 1, typ: TypeDate}
	switch m.word(i) {
	case "now":
		if m.is(i+1, "-") && m.adj(i) {
			return cand{}, false // "now-defunct"
		}
		c.value = PresentRef

	case "currently", "nowadays":
		c.value = PresentRef
	case "these":
		if !m.is(i+1, "days") || !m.boundary(i+2) && m.t[i+2].k == kWord && m.is(i+2, "of", "after", "before") {
			return cand{}, false
		}
		c.j, c.value = i+2, PresentRef
	case "present":
		if !m.is(i-1, "at") {
			return cand{}, false
		}
		c.value = PresentRef
	case "recently", "lately":
		c.value = PastRef
	case "more", "most":
		if !m.is(i+1, "recently") {
			return cand{}, false
		}
		c.j, c.value = i+2, PastRef
	case "soon":
		if m.is(i+1, "as", "after", "afterwards", "afterward", "thereafter", "enough") || m.is(i-1, "as", "too", "how") {
			return cand{}, false
		}
		c.value = FutureRef
	case "the":
		switch m.word(i + 1) {
		case "past":
			c.j, c.value = i+2, PastRef
		case "future":
			c.j, c.value = i+2, FutureRef
		case "present":
			if m.is(i+2, "day") {
				c.j++
			}
			c.j, c.value = c.j+1, PresentRef
		case "near", "distant", "foreseeable", "immediate":
			if m.is(i+2, "future") {
				c.j, c.value = i+3, FutureRef
			} else if m.is(i+2, "term") && m.word(i+1) == "near" {
				c.j, c.value = i+3, FutureRef
			} else {
				return cand{}, false
			}
		case "short":
			if !m.is(i+2, "term") {
				return cand{}, false
			}
			c.j, c.value = i+3, FutureRef
		default:
			return cand{}, false
		}
	default:
		return cand{}, false
	}
	if c.value == PresentRef && m.d.has {
		c.p = m.d.anchor
	}
	return c, true
}

// clock matches times of day: "10 a.m.", "3:30 p.m. EST", "09:14 GMT",
// "noon", "midnight Friday", "5 p.m. EST, Nov. 6".
func (m *matcher) clock(i int) (cand, bool) {
	hh, mm := -1, 0
	k := i
	switch m.word(i) {
	case "noon", "midday":
		hh, k = 12, i+1
	case "midnight":
		hh, k = 24, i+1
	case "":
		h := m.num(i)
		if m.ndigits(i) == 4 && h%100 < 60 && h/100 < 24 && m.lx.zones[m.word(i+1)] && m.upper(i+1) {
			// military style: "0800 UTC"
			hh, mm, k = h/100, h%100, i+1
			break
		}
		if h < 0 || m.ndigits(i) > 2 {
			return cand{}, false
		}
		if i > 0 && m.adj(i-1) && (m.t[i-1].k != kPunct || m.is(i-1, ":", ".", "/", "-", "$")) {
			return cand{}, false
		}
		k = i + 1
		hasMin := false
		if m.is(k, ":", ".") && m.adj(k-1) && m.adj(k) && m.ndigits(k+1) == 2 && m.num(k+1) <= 59 {
			mm, hasMin = m.num(k+1), true
			k += 2
			if m.is(k, ":") && m.adj(k-1) && m.adj(k) && m.ndigits(k+1) == 2 {
				k += 2
			}
			if m.is(k, ":", ".", "/") && m.adj(k-1) && m.num(k+1) >= 0 && m.adj(k) {
				return cand{}, false // 1.25.3, 12:30:45:10
			}
		}
		if pm, j, ok := m.ampm(k); ok {
			if h < 1 || h > 12 {
				return cand{}, false
			}
			h %= 12
			if pm {
				h += 12
			}
			k = j
		} else if m.word(k) == "o" && m.is(k+1, "'") && m.is(k+2, "clock") {
			if h < 1 || h > 12 {
				return cand{}, false
			}
			k += 3
		} else if !hasMin || h > 23 || m.low(i+1) != ":" {
			return cand{}, false
		}
		hh = h
	default:
		return cand{}, false
	}
	if m.lx.zones[m.word(k)] && m.upper(k) {
		k++
	}
	c := cand{i: i, j: k, typ: TypeTime}
	kk := k
	if m.is(kk, ",") {
		kk++
	}
	if dc, ok := m.dayRef(kk); ok {
		c.j = dc.j
		c.p = dc.p
	} else if m.d.has {
		c.p = m.d.anchor
	} else {
		c.value, c.prec = "XXXX-XX-XXT"+pad2(hh)+":"+pad2(mm), gTime
		return c, true
	}
	c.p.g, c.p.hh, c.p.mm, c.p.pod = gTime, hh, mm, ""
	return c, true
}

// ampm reads "a.m.", "p.m.", "am", "pm" at k.
func (m *matcher) ampm(k int) (pm bool, j int, ok bool) {
	switch m.word(k) {
	case "am", "pm":
		return m.word(k) == "pm", k + 1, true
	case "a", "p":
		if m.is(k+1, ".") && m.adj(k) && m.word(k+2) == "m" && m.adj(k+1) {
			j := k + 3
			if m.is(j, ".") && m.adj(j-1) {
				j++
			}
			return m.word(k) == "p", j, true
		}
	}
	return false, k, false
}

// dayRef reads a resolved day after a clock time: "Friday", "yesterday",
// "Nov. 6".
func (m *matcher) dayRef(k int) (cand, bool) {
	if k >= len(m.t) || m.t[k].k == kPunct {
		return cand{}, false
	}
	for _, f := range []func(int) (cand, bool){m.weekday, m.dayWord, m.monthDate, m.dayMonth} {
		if c, ok := f(k); ok && c.p.g != gNone && c.p.g <= gDay && c.value == "" {
			return c, true
		}
	}
	return cand{}, false
}
