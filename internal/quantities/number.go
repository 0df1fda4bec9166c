package quantities

import (
	"math"
	"strconv"
	"strings"
)

// maxValue bounds every amount: larger numbers are not counts of people or
// things (and a float64 loses integer precision beyond it).
const maxValue = 1e15

// ParseNumber reads a number written in digits: "14,000", "100000", "2.5".
// Thousands separators must group by three. Exponents, signs, letters and
// more than 15 digits are refused, so the value is always finite.
func ParseNumber(s string) (float64, bool) {
	if s == "" || len(s) > 24 {
		return 0, false
	}
	digits, commas, dot := 0, 0, -1
	lastComma := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ',':
			if dot >= 0 || i == 0 || (lastComma >= 0 && i-lastComma != 4) || (lastComma < 0 && i > 3) {
				return 0, false
			}
			lastComma = i
			commas++
		case c == '.':
			if dot >= 0 || i == 0 || i == len(s)-1 {
				return 0, false
			}
			dot = i
		default:
			return 0, false
		}
	}
	if commas > 0 {
		end := len(s)
		if dot >= 0 {
			end = dot
		}
		if end-lastComma != 4 {
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v > maxValue {
		return 0, false
	}
	return v, true
}

// parseRange reads a digit range written as one token, "20-30", and returns
// its bounds. Phone-number shapes ("555-1234") and falling pairs, which are
// scores ("3-2"), are refused.
func parseRange(s string) (lo, hi float64, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		a, b, found = strings.Cut(s, "–")
	}
	if !found || len(a) > 7 || len(b) > 7 {
		return 0, 0, false
	}
	if len(a) == 3 && len(b) == 4 || len(a) > 1 && a[0] == '0' || len(b) > 1 && b[0] == '0' {
		return 0, 0, false
	}
	lo, ok1 := ParseNumber(a)
	hi, ok2 := ParseNumber(b)
	if !ok1 || !ok2 || lo >= hi || lo != math.Trunc(lo) || hi != math.Trunc(hi) {
		return 0, 0, false
	}
	return lo, hi, true
}

// amount is a number phrase read from a list of lower-case words.
type amount struct {
	value  float64
	approx bool
	n      int  // words consumed
	digits bool // written in digits
	year   bool // a bare four-digit number that may be a year
	rng    bool // a range; value is its lower bound
}

// readAmount reads the amount that starts at words[i]: vague amounts ("hundreds
// of"), digits with an optional scale ("2.5 million"), ranges ("20-30") and
// number words ("twenty-five", "one hundred and ten", "two dozen").
func (lx *lexicon) readAmount(words []string, i int) (amount, bool) {
	if i >= len(words) {
		return amount{}, false
	}
	if p, ok := matchPhrase(lx.vague, words, i); ok {
		a := amount{value: p.value, approx: p.approx, n: len(p.words)}
		// "a hundred and fifty", "a thousand" followed by more words
		if p.value >= 100 && !p.approx {
			a = lx.extendWords(words, i+len(p.words), a)
		}
		return a, true
	}
	w := words[i]
	if v, ok := ParseNumber(w); ok {
		a := amount{value: v, n: 1, digits: true}
		j := i + 1
		for j < len(words) {
			s, ok := lx.scale[words[j]]
			if !ok || a.value*s > maxValue {
				break
			}
			a.value *= s
			j++
		}
		a.n = j - i
		if a.value != math.Trunc(a.value) {
			return amount{}, false // 2.5 is a measure, 2.5 million a count
		}
		if a.n == 1 && len(w) == 4 && v >= 1800 && v <= 2100 {
			a.year = true
		}
		return a, true
	}
	if lo, _, ok := parseRange(w); ok {
		return amount{value: lo, approx: true, n: 1, digits: true, rng: true}, true
	}
	if _, ok := lx.num[w]; ok {
		return lx.extendWords(words, i, amount{}), true
	}
	return amount{}, false
}

// extendWords reads number words from words[i] on, adding to a (a.n > 0
// when a vague phrase such as "a hundred" came first).
func (lx *lexicon) extendWords(words []string, i int, a amount) amount {
	const (
		none = iota
		unit
		tens
		scale
	)
	total, cur, prev := 0.0, 0.0, none
	if a.n > 0 {
		cur, prev = a.value, scale
	}
	j := i
loop:
	for j < len(words) {
		w := words[j]
		if v, ok := lx.num[w]; ok {
			if prev == unit || prev == tens && (v >= 10 || v == 0) {
				break // "one two" is two numbers
			}
			cur += v
			prev = unit
			if v >= 20 {
				prev = tens
			}
			j++
			continue
		}
		if s, ok := lx.scale[w]; ok && prev != none {
			c := max(cur, 1)
			switch {
			case s >= 1000:
				if (total+c)*s > maxValue {
					break loop
				}
				total, cur = (total+c)*s, 0
			default:
				cur = c * s
			}
			prev = scale
			j++
			continue
		}
		if j+1 < len(words) {
			v, ok := lx.num[words[j+1]]
			if ok && w == "-" && prev == tens && v > 0 && v < 10 {
				cur += v
				prev = unit
				j += 2
				continue
			}
			if ok && w == "and" && prev == scale {
				j++
				prev = none
				continue
			}
		}
		break
	}
	if prev == none && j > i && words[j-1] == "and" {
		j-- // "and" without a number after it is not part of the amount
	}
	a.value = min(total+cur, maxValue)
	a.n += j - i
	return a
}

// Normalize reads a quantity phrase such as "more than 14,000", "tens of
// thousands of" or "twenty-five" and returns its value (the lower bound of
// a vague amount or a range) and whether it is approximate. It reports false
// when the phrase does not start with an amount. The value is always finite
// and at most 1e15.
func Normalize(s string) (value float64, approx bool, ok bool) {
	lx, err := loadLexicon()
	if err != nil {
		return 0, false, false
	}
	words := splitWords(s)
	i := 0
	if m, ok := matchPhrase(lx.mods, words, 0); ok {
		if _, ok := lx.readAmount(words, len(m.words)); ok {
			i, approx = len(m.words), m.approx
		}
	}
	a, ok := lx.readAmount(words, i)
	if !ok {
		return 0, false, false
	}
	return a.value, approx || a.approx, true
}

// splitWords lower-cases s and splits it into words the way the tokenizer
// does for number phrases: on spaces, with hyphens between letters apart.
func splitWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if strings.ContainsAny(f, "0123456789") {
			out = append(out, f)
			continue
		}
		parts := strings.Split(f, "-")
		for k, p := range parts {
			if k > 0 {
				out = append(out, "-")
			}
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
