package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps accented Latin letters to their plain ASCII spelling so that
// "Erdoğan", "Côte d'Ivoire" and "Élysée" match "Erdogan", "Cote d'Ivoire" and
// "Elysee". It is built once and never changed.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	groups := []struct{ to, from string }{
		{"A", "ÀÁÂÃÄÅĀĂĄǍẠẢẤẦẨẪẬẮẰẲẴẶ"}, {"a", "àáâãäåāăąǎạảấầẩẫậắằẳẵặ"},
		{"AE", "Æ"}, {"ae", "æ"},
		{"C", "ÇĆĈĊČ"}, {"c", "çćĉċč"},
		{"D", "ĎĐÐ"}, {"d", "ďđð"},
		{"E", "ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ"}, {"e", "èéêëēĕėęěẹẻẽếềểễệ"},
		{"G", "ĜĞĠĢ"}, {"g", "ĝğġģ"},
		{"H", "ĤĦ"}, {"h", "ĥħ"},
		{"I", "ÌÍÎÏĨĪĬĮİǏỈỊ"}, {"i", "ìíîïĩīĭįıǐỉị"},
		{"J", "Ĵ"}, {"j", "ĵ"},
		{"K", "Ķ"}, {"k", "ķ"},
		{"L", "ĹĻĽĿŁ"}, {"l", "ĺļľŀł"},
		{"N", "ÑŃŅŇ"}, {"n", "ñńņňŉ"},
		{"O", "ÒÓÔÕÖØŌŎŐƠǑỌỎỐỒỔỖỘỚỜỞỠỢ"}, {"o", "òóôõöøōŏőơǒọỏốồổỗộớờởỡợ"},
		{"OE", "Œ"}, {"oe", "œ"},
		{"R", "ŔŖŘ"}, {"r", "ŕŗř"},
		{"S", "ŚŜŞŠȘ"}, {"s", "śŝşšș"}, {"ss", "ß"},
		{"T", "ŢŤŦȚ"}, {"t", "ţťŧț"},
		{"TH", "Þ"}, {"th", "þ"},
		{"U", "ÙÚÛÜŨŪŬŮŰŲƯǓỤỦỨỪỬỮỰ"}, {"u", "ùúûüũūŭůűųưǔụủứừửữự"},
		{"W", "Ŵ"}, {"w", "ŵ"},
		{"Y", "ÝŸŶỲỴỶỸ"}, {"y", "ýÿŷỳỵỷỹ"},
		{"Z", "ŹŻŽ"}, {"z", "źżž"},
	}
	m := make(map[rune]string, 400)
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}

// tok is one normalised word of a phrase: key is lower case ASCII where the
// input allowed it, upper reports whether every letter of the word was a
// capital in the input (so "US" can be told from "us"), and orig is the word
// as written.
type tok struct {
	key   string
	orig  string
	upper bool
}

// maxPhraseBytes bounds the work done on one phrase: nothing longer is a name.
const maxPhraseBytes = 300

// tokenize splits a phrase into normalised words. It folds diacritics and
// case, treats curly apostrophes as straight ones, drops a possessive 's,
// removes dots (U.S. -> us) and apostrophes inside words (Sana'a -> sanaa),
// splits on hyphens, slashes and other punctuation, turns "&" into "and",
// drops the Arabic article "al"/"el" when it precedes another word (al-Assad
// -> assad) and a leading "the".
func tokenize(s string) []tok {
	if len(s) > maxPhraseBytes {
		return nil
	}
	var toks []tok
	var key strings.Builder
	letters, uppers := 0, 0
	start := -1
	flush := func(end int) {
		if key.Len() > 0 {
			toks = append(toks, tok{key: key.String(), orig: s[start:end], upper: letters > 0 && letters == uppers})
		}
		key.Reset()
		letters, uppers = 0, 0
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			// possessive: 's followed by the end of the word
			j := i + size
			if j < len(s) && (s[j] == 's' || s[j] == 'S') {
				k := j + 1
				if k >= len(s) || !isWordRune(s[k:]) {
					flush(i)
					i = k
					continue
				}
			}
			// otherwise the apostrophe is dropped inside the word
		case r == '.' || r == '+':
			// dropped: U.S. -> us, OPEC+ -> opec
		case r == '&':
			flush(i)
			toks = append(toks, tok{key: "and", orig: "&"})
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			}
			if r < utf8.RuneSelf {
				key.WriteByte(byte(unicode.ToLower(r)))
			} else if f, ok := foldTable[r]; ok {
				key.WriteString(strings.ToLower(f))
			} else {
				key.WriteRune(unicode.ToLower(r))
			}
		default:
			// spaces, hyphens, dashes, slashes, brackets, quotes, commas
			flush(i)
		}
		i += size
	}
	flush(len(s))
	// drop the Arabic article before another word, and a leading "the"
	out := toks[:0]
	for i, t := range toks {
		if (t.key == "al" || t.key == "el") && i+1 < len(toks) {
			continue
		}
		out = append(out, t)
	}
	if len(out) > 1 && out[0].key == "the" {
		out = out[1:]
	}
	return out
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// joinKeys joins the keys of toks with single spaces.
func joinKeys(toks []tok) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].key
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t.key)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// allUpper reports whether every word of toks was written in capitals.
func allUpper(toks []tok) bool {
	for _, t := range toks {
		if !t.upper {
			return false
		}
	}
	return len(toks) > 0
}

// origText rebuilds the words of toks as written, separated by spaces.
func origText(toks []tok) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.orig
	}
	return strings.Join(parts, " ")
}

// normKey is the lookup key of a phrase.
func normKey(s string) string { return joinKeys(tokenize(s)) }

// isAcronym reports whether an alias is a short all-capital form ("UN", "U.S.",
// "WHO", "M23") that must only match input written in capitals.
func isAcronym(alias string) bool {
	letters := 0
	for _, r := range alias {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0 && letters <= 3
}
