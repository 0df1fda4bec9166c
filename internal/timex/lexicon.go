package timex

import "strings"

// lexicon holds the word tables of the finder. It is built once by New and
// never mutated afterwards, so a Finder is safe for concurrent use.
type lexicon struct {
	months    map[string]int // "september", "sept" -> 9
	monthAbbr map[string]bool
	weekdays  map[string]int // "saturday" -> 6 (time.Weekday)
	numbers   map[string]int // "two" -> 2, "twenty" -> 20
	ordinals  map[string]int // "third" -> 3
	units     map[string]unit
	pods      map[string]string // "morning" -> "MO"
	seasons   map[string]string // "summer" -> "SU"
	zones     map[string]bool
	preps     map[string]bool
	decadeWd  map[string]int // "nineties" -> 90
	holidays  map[string]holiday
	tenseWord map[string]Tense
	sets      map[string]string // "daily" -> "P1D"
	// rules maps the words an expression or its modifier can begin with
	// to the patterns worth trying there.
	rules map[string]rule
}

// unit is a calendar unit of durations and relative expressions.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// holiday is a named day: fixed (month, day) or computed by rule.
type holiday struct {
	month, day int
	rule       string // "thanksgiving", "easter", "goodfriday", "labor", "memorial", "election", "mlk"
}

func newLexicon() *lexicon {
	lx := &lexicon{
		months:    map[string]int{},
		monthAbbr: map[string]bool{},
		weekdays:  map[string]int{},
		numbers:   map[string]int{},
		ordinals:  map[string]int{},
	}
	for i, m := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		lx.months[m] = i + 1
	}
	for w, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lx.months[w] = m
		lx.monthAbbr[w] = true
	}
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		lx.weekdays[d] = i
	}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen"} {
		lx.numbers[w] = i
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		lx.numbers[w] = (i + 2) * 10
	}
	lx.numbers["fourty"] = 40
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
		"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"} {
		lx.ordinals[w] = i + 1
	}
	lx.ordinals["thirtieth"] = 30
	lx.units = map[string]unit{
		"second": uSecond, "seconds": uSecond, "sec": uSecond, "secs": uSecond,
		"minute": uMinute, "minutes": uMinute, "min": uMinute, "mins": uMinute,
		"hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
		"day": uDay, "days": uDay,
		"week": uWeek, "weeks": uWeek,
		"fortnight": uFortnight, "fortnights": uFortnight,
		"weekend": uWeekend, "weekends": uWeekend,
		"month": uMonth, "months": uMonth,
		"quarter": uQuarter, "quarters": uQuarter,
		"year": uYear, "years": uYear, "yr": uYear, "yrs": uYear,
		"decade": uDecade, "decades": uDecade,
		"century": uCentury, "centuries": uCentury,
	}
	lx.pods = map[string]string{
		"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
	}
	lx.seasons = map[string]string{
		"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
	}
	lx.zones = set("gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst",
		"cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ist", "jst", "aest", "aedt", "z")
	lx.preps = set("on", "in", "at", "since", "until", "till", "by", "during", "from", "before",
		"after", "through", "throughout", "over", "within", "for", "to", "between", "into", "of",
		"as", "around", "about", "circa")
	lx.decadeWd = map[string]int{
		"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
		"seventies": 70, "eighties": 80, "nineties": 90,
	}
	lx.holidays = map[string]holiday{
		"christmas":        {month: 12, day: 25},
		"christmas eve":    {month: 12, day: 24},
		"christmas day":    {month: 12, day: 25},
		"boxing day":       {month: 12, day: 26},
		"new year's day":   {month: 1, day: 1},
		"new year's eve":   {month: 12, day: 31},
		"new year's":       {month: 1, day: 1},
		"halloween":        {month: 10, day: 31},
		"valentine's day":  {month: 2, day: 14},
		"independence day": {month: 7, day: 4},
		"veterans day":     {month: 11, day: 11},
		"armistice day":    {month: 11, day: 11},
		"remembrance day":  {month: 11, day: 11},
		"may day":          {month: 5, day: 1},
		"thanksgiving":     {rule: "thanksgiving"},
		"thanksgiving day": {rule: "thanksgiving"},
		"easter":           {rule: "easter"},
		"easter sunday":    {rule: "easter"},
		"easter monday":    {rule: "eastermonday"},
		"good friday":      {rule: "goodfriday"},
		"labor day":        {rule: "labor"},
		"memorial day":     {rule: "memorial"},
		"election day":     {rule: "election"},
	}
	lx.tenseWord = map[string]Tense{
		"will": TenseFuture, "shall": TenseFuture, "ll": TenseFuture, "gonna": TenseFuture,
		"upcoming": TenseFuture, "scheduled": TenseFuture, "planned": TenseFuture,
		"plans": TenseFuture, "plan": TenseFuture, "expected": TenseFuture, "expects": TenseFuture,
		"due": TenseFuture, "intends": TenseFuture, "aims": TenseFuture, "hopes": TenseFuture,
		"set": TenseFuture, "payable": TenseFuture, "tomorrow": TenseFuture,
		"was": TensePast, "were": TensePast, "had": TensePast, "did": TensePast,
		"said": TensePast, "told": TensePast, "went": TensePast, "came": TensePast,
		"took": TensePast, "gave": TensePast, "made": TensePast, "began": TensePast,
		"fell": TensePast, "rose": TensePast, "won": TensePast, "lost": TensePast,
		"met": TensePast, "left": TensePast, "held": TensePast, "sent": TensePast,
		"saw": TensePast, "got": TensePast, "found": TensePast, "led": TensePast,
		"struck": TensePast, "hit": TensePast, "shot": TensePast, "fled": TensePast,
		"sold": TensePast, "bought": TensePast, "paid": TensePast, "spent": TensePast,
		"knew": TensePast, "thought": TensePast, "wrote": TensePast, "spoke": TensePast,
		"ago": TensePast,
		"is":  TensePresent, "are": TensePresent, "am": TensePresent, "says": TensePresent,
		"does": TensePresent, "do": TensePresent,
	}
	for _, w := range strings.Fields(irregularPast) {
		if _, ok := lx.tenseWord[w]; !ok {
			lx.tenseWord[w] = TensePast
		}
	}
	lx.sets = map[string]string{
		"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H",
		"annually": "P1Y", "yearly": "P1Y", "biweekly": "P2W",
	}
	lx.buildRules()
	return lx
}

// rule is a bit set of the patterns a word can begin.
type rule uint32

const (
	rClock rule = 1 << iota
	rMonthDate
	rDayMonth
	rWeekday
	rDayWord
	rRelative
	rWeekOf
	rYearEnd
	rSpelledYear
	rYear
	rDecade
	rSamePeriod
	rQuarter
	rSeason
	rHoliday
	rAgo
	rDuration
	rSet
	rRef
	rModifier
)

// buildRules fills lx.rules: for every word that can begin a pattern or a
// modifier, the patterns to try. Other words are skipped at once.
func (lx *lexicon) buildRules() {
	lx.rules = map[string]rule{}
	add := func(r rule, words ...string) {
		for _, w := range words {
			lx.rules[w] |= r
		}
	}
	fields := strings.Fields
	add(rClock, "noon", "midday", "midnight")
	for w := range lx.months {
		add(rMonthDate, w)
	}
	for w := range lx.weekdays {
		add(rMonthDate|rDayMonth|rWeekday, w)
		add(rSet, w+"s")
	}
	add(rDayMonth|rDayWord|rRelative|rWeekOf|rYearEnd|rSpelledYear|rYear|rDecade|rSamePeriod|rQuarter|rSeason|rDuration|rRef|rModifier, "the")
	add(rDayWord, "today", "tonight", "yesterday", "tomorrow")
	add(rDayWord|rRelative|rQuarter|rSeason|rHoliday, "last", "this")
	add(rRelative|rQuarter|rSeason|rHoliday, "next")
	add(rRelative, fields("current present past coming previous preceding prior following subsequent that")...)
	add(rQuarter, fields("current previous prior coming")...)
	add(rSeason, "past", "coming")
	add(rYearEnd|rQuarter, "year")
	add(rSpelledYear, "nineteen", "eighteen", "twenty", "two")
	add(rYear|rQuarter, "fiscal")
	add(rYear, "fy")
	add(rQuarter, fields("its their his her our a comparable corresponding same flat strong weak most latest recent final q h")...)
	for w := range lx.ordinals {
		add(rQuarter, w)
	}
	for w := range lx.seasons {
		add(rSeason, w)
	}
	for w := range lx.decadeWd {
		add(rDecade, w)
	}
	for w := range lx.holidays {
		add(rHoliday, strings.Fields(w)[0])
	}
	counts := fields("a an half several many few numerous dozens hundreds thousands couple single")
	for w := range lx.numbers {
		counts = append(counts, w)
	}
	for w := range lx.units {
		counts = append(counts, w)
	}
	add(rAgo|rDuration, counts...)
	add(rDuration, fields("first last past next coming previous following final initial latest recent remaining ensuing preceding subsequent another additional")...)
	for w := range lx.sets {
		add(rSet, w)
	}
	add(rSet, "every", "each", "per")
	add(rRef, fields("now currently nowadays these present recently lately more most soon right")...)
	add(rModifier, fields("early late mid earlier later end beginning start middle close about around approximately roughly circa approx nearly almost some just only under more less fewer at up no")...)
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lower returns s in lower case with an ASCII fast path that does not
// allocate when s has no upper-case letters.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// irregularPast lists irregular simple-past forms common in news (forms
// equal to the present, such as "put" or "cut", are left out).
const irregularPast = `arose awoke became began bent bet bit bled blew bore bought bound broke
brought built burnt caught chose clung came crept dealt dove drank drew drove dug ate fed
felt fell fled flew forbade forgave forgot fought found froze gave got grew hid held hung
kept knelt knew laid led leapt lent lay lit lost made meant met overcame overran overtook
paid rang rode rose ran sang sank sat saw sent shook shone shot shrank slept slid sold
sought spent spoke sprang stole stood struck stuck stung swam swept swore swung taught
tore told took thought threw understood undertook withdrew woke wore won wound wrote
`
