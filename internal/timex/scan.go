package timex

import (
	"unicode"
	"unicode/utf8"
)

// kind is the class of a scanner token.
type kind uint8

const (
	kWord  kind = iota + 1 // a run of letters
	kNum                   // a run of ASCII digits
	kPunct                 // one punctuation rune
)

// maxDigits bounds the digit runs read as numbers; longer runs keep n = -1.
const maxDigits = 9

// tok is one token of a sentence. Offsets are bytes into the full text and
// always fall on rune boundaries.
type tok struct {
	s, e  int
	low   string // lower-cased word, the digits, or the punctuation rune
	k     kind
	n     int  // value of a kNum token, -1 when it has more than maxDigits digits
	upper bool // a word that starts with an upper-case letter
}

// tokenize splits text[start:end] into words, digit runs and punctuation.
// Whitespace and symbols other than the punctuation the patterns use are
// dropped. Curly apostrophes are read as "'".
func tokenize(text string, start, end int, buf []tok) []tok {
	toks := buf[:0]
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			j := i + 1
			for j < end && '0' <= text[j] && text[j] <= '9' {
				j++
			}
			t := tok{s: i, e: j, low: text[i:j], k: kNum, n: -1}
			if j-i <= maxDigits {
				n := 0
				for p := i; p < j; p++ {
					n = n*10 + int(text[p]-'0')
				}
				t.n = n
			}
			toks = append(toks, t)
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:end])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, tok{s: i, e: j, low: lower(text[i:j]), k: kWord, upper: unicode.IsUpper(r)})
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			p := punctOf(r)
			if p != "" {
				toks = append(toks, tok{s: i, e: i + size, low: p, k: kPunct})
			}
			i += size
		}
	}
	return toks
}

// punctOf maps the punctuation the patterns care about to an ASCII form;
// other symbols give "".
func punctOf(r rune) string {
	switch r {
	case '.', ',', ';', ':', '-', '/', '(', ')', '"', '!', '?', '&', '%', '$', '#', '+':
		return string(r)
	case '\'', '’', '‘', '`':
		return "'"
	case '–', '—', '‐', '‑':
		return "-"
	case '“', '”', '«', '»':
		return "\""
	case '£', '€', '¥':
		return "$"
	}
	return ""
}
