package timex

import (
	"fmt"
	"strconv"
	"time"
)

// gran is the granularity of a resolved calendar point.
type gran uint8

const (
	gNone gran = iota
	gTime      // a clock time on a day
	gPOD       // a part of a day: morning, afternoon, evening, night
	gDay
	gWeek
	gWeekend
	gMonth
	gQuarter
	gHalf
	gSeason
	gYear
	gDecade
	gCentury
)

// Precision names, as in Found.Precision.
const (
	PrecTime    = "time"
	PrecDay     = "day"
	PrecWeek    = "week"
	PrecWeekend = "weekend"
	PrecMonth   = "month"
	PrecQuarter = "quarter"
	PrecHalf    = "half"
	PrecSeason  = "season"
	PrecYear    = "year"
	PrecDecade  = "decade"
	PrecCentury = "century"
)

func (g gran) String() string {
	switch g {
	case gTime:
		return PrecTime
	case gPOD, gDay:
		return PrecDay
	case gWeek:
		return PrecWeek
	case gWeekend:
		return PrecWeekend
	case gMonth:
		return PrecMonth
	case gQuarter:
		return PrecQuarter
	case gHalf:
		return PrecHalf
	case gSeason:
		return PrecSeason
	case gYear:
		return PrecYear
	case gDecade:
		return PrecDecade
	case gCentury:
		return PrecCentury
	}
	return ""
}

// Bounds of the years the finder resolves to. Anything outside is rejected
// so that values always have four-digit years.
const (
	minYear = 1
	maxYear = 9999
)

// point is a resolved calendar point at some granularity.
//
//   - gDay, gPOD, gTime: y, m, d (and pod or hh:mm)
//   - gWeek, gWeekend: y, m, d is the Monday of the ISO week
//   - gMonth: y, m
//   - gQuarter, gHalf: y and q (1-4 or 1-2)
//   - gSeason: y and season ("SP", "SU", "FA", "WI")
//   - gYear: y; gDecade: y is the first year (1990); gCentury: y is the first year (1900)
type point struct {
	g      gran
	y      int
	m, d   int
	q      int
	season string
	pod    string
	hh, mm int
}

func validYear(y int) bool { return y >= minYear && y <= maxYear }

// civil returns the time of midnight UTC of y-m-d, normalising overflow.
func civil(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	return civil(y, m+1, 0).Day()
}

func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// weekPoint returns the ISO week containing t.
func weekPoint(t time.Time, g gran) point {
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	mon := t.AddDate(0, 0, -off)
	return point{g: g, y: mon.Year(), m: int(mon.Month()), d: mon.Day()}
}

func (p point) day() time.Time { return civil(p.y, p.m, p.d) }

// valid reports whether the point lies within the supported years.
func (p point) valid() bool {
	switch p.g {
	case gNone:
		return false
	case gDecade:
		return p.y >= 0 && p.y+9 <= maxYear
	case gCentury:
		return p.y >= 0 && p.y+99 <= maxYear
	case gSeason:
		return p.y > minYear && p.y <= maxYear
	}
	return validYear(p.y)
}

// value formats the point as a TIMEX3 value.
func (p point) value() string {
	switch p.g {
	case gTime:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", p.y, p.m, p.d, p.hh, p.mm)
	case gPOD, gDay:
		// "Saturday night" is valued as its day, as in the output contract.
		return fmt.Sprintf("%04d-%02d-%02d", p.y, p.m, p.d)
	case gWeek, gWeekend:
		y, w := p.day().ISOWeek()
		s := fmt.Sprintf("%04d-W%02d", y, w)
		if p.g == gWeekend {
			s += "-WE"
		}
		return s
	case gMonth:
		return fmt.Sprintf("%04d-%02d", p.y, p.m)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", p.y, p.q)
	case gHalf:
		return fmt.Sprintf("%04d-H%d", p.y, p.q)
	case gSeason:
		return fmt.Sprintf("%04d-%s", p.y, p.season)
	case gYear:
		return fmt.Sprintf("%04d", p.y)
	case gDecade:
		return fmt.Sprintf("%03d", p.y/10)
	case gCentury:
		return fmt.Sprintf("%02d", p.y/100)
	}
	return ""
}

// span returns the first and last day the point covers.
func (p point) span() (time.Time, time.Time) {
	switch p.g {
	case gTime, gPOD, gDay:
		d := p.day()
		return d, d
	case gWeek:
		d := p.day()
		return d, d.AddDate(0, 0, 6)
	case gWeekend:
		d := p.day()
		return d.AddDate(0, 0, 5), d.AddDate(0, 0, 6)
	case gMonth:
		return civil(p.y, p.m, 1), civil(p.y, p.m, daysIn(p.y, p.m))
	case gQuarter:
		m := (p.q-1)*3 + 1
		return civil(p.y, m, 1), civil(p.y, m+3, 0)
	case gHalf:
		m := (p.q-1)*6 + 1
		return civil(p.y, m, 1), civil(p.y, m+6, 0)
	case gSeason:
		switch p.season {
		case "SP":
			return civil(p.y, 3, 1), civil(p.y, 5, 31)
		case "SU":
			return civil(p.y, 6, 1), civil(p.y, 8, 31)
		case "FA":
			return civil(p.y, 9, 1), civil(p.y, 11, 30)
		default: // winter: December of the year before to the end of February
			return civil(p.y-1, 12, 1), civil(p.y, 3, 0)
		}
	case gYear:
		return civil(p.y, 1, 1), civil(p.y, 12, 31)
	case gDecade:
		return civil(p.y, 1, 1), civil(p.y+9, 12, 31)
	case gCentury:
		return civil(p.y, 1, 1), civil(p.y+99, 12, 31)
	}
	return time.Time{}, time.Time{}
}

// first returns the first day of the point.
func (p point) first() time.Time {
	from, _ := p.span()
	return from
}

// pointAt returns the point of granularity g that contains day t.
func pointAt(t time.Time, g gran) point {
	switch g {
	case gWeek, gWeekend:
		return weekPoint(t, g)
	case gMonth:
		return point{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		return point{g: gQuarter, y: t.Year(), q: quarterOf(int(t.Month()))}
	case gHalf:
		return point{g: gHalf, y: t.Year(), q: (int(t.Month())-1)/6 + 1}
	case gSeason:
		s, y := seasonOf(t)
		return point{g: gSeason, y: y, season: s}
	case gYear:
		return point{g: gYear, y: t.Year()}
	case gDecade:
		return point{g: gDecade, y: t.Year() - t.Year()%10}
	case gCentury:
		return point{g: gCentury, y: t.Year() - t.Year()%100}
	}
	return dayPoint(t)
}

// shift moves the point by n of its own units (days for day points, weeks
// for weeks, ...).
func (p point) shift(n int) point {
	switch p.g {
	case gTime, gPOD, gDay:
		q := dayPoint(p.day().AddDate(0, 0, n))
		q.g, q.pod, q.hh, q.mm = p.g, p.pod, p.hh, p.mm
		return q
	case gWeek, gWeekend:
		q := dayPoint(p.day().AddDate(0, 0, 7*n))
		q.g = p.g
		return q
	case gMonth:
		t := civil(p.y, p.m+n, 1)
		return point{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		k := p.y*4 + p.q - 1 + n
		return point{g: gQuarter, y: floorDiv(k, 4), q: k - floorDiv(k, 4)*4 + 1}
	case gHalf:
		k := p.y*2 + p.q - 1 + n
		return point{g: gHalf, y: floorDiv(k, 2), q: k - floorDiv(k, 2)*2 + 1}
	case gSeason, gYear:
		p.y += n
		return p
	case gDecade:
		p.y += 10 * n
		return p
	case gCentury:
		p.y += 100 * n
		return p
	}
	return p
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// quarterOf returns the quarter (1-4) of month m.
func quarterOf(m int) int { return (m-1)/3 + 1 }

// seasonOf returns the season code of t and the year the season belongs to
// (December counts towards the next year's winter).
func seasonOf(t time.Time) (string, int) {
	y, m := t.Year(), int(t.Month())
	switch {
	case m >= 3 && m <= 5:
		return "SP", y
	case m >= 6 && m <= 8:
		return "SU", y
	case m >= 9 && m <= 11:
		return "FA", y
	case m == 12:
		return "WI", y + 1
	}
	return "WI", y
}

// seasonIndex orders the seasons within their year (winter first).
func seasonIndex(s string) int {
	switch s {
	case "WI":
		return 0
	case "SP":
		return 1
	case "SU":
		return 2
	}
	return 3
}

func ymd(t time.Time) string {
	var b [10]byte
	y := t.Year()
	b[0], b[1], b[2], b[3] = byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4] = '-'
	m := int(t.Month())
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[7] = '-'
	d := t.Day()
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	return string(b[:])
}

// itoa is strconv.Itoa, named for brevity in value builders.
func itoa(n int) string { return strconv.Itoa(n) }
