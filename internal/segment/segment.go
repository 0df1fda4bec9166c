// Package segment splits clean article text into sentences with byte offsets.
//
// The splitter is rule based and runs in one pass over the text. A sentence
// ends at ".", "!", "?" or an ellipsis, together with any closing quotes and
// brackets after it, when white space and a plausible sentence start follow.
// Abbreviations (Mr, Dr, Gen., U.S., Jan.), initials (George W. Bush),
// numbers (2.5, 14,000, 3.30pm) and domains (vigil.com) do not end a
// sentence. A paragraph break ("\n") always does.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// Split returns the sentence spans of text. A paragraph break ("\n") always
// ends a sentence. Spans never include surrounding whitespace.
func Split(text string) []model.Span {
	var spans []model.Span
	for lo := 0; lo < len(text); {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		spans = splitParagraph(text, lo, hi, spans)
		lo = hi + 1
	}
	return spans
}

// splitParagraph appends the sentences of text[lo:hi], which holds no
// newline, to spans.
func splitParagraph(text string, lo, hi int, spans []model.Span) []model.Span {
	start := lo
	for i := lo; i < hi; {
		r, size := utf8.DecodeRuneInString(text[i:hi])
		if !isTerminator(r) {
			i += size
			continue
		}
		// The run of terminators: ".", "...", "?!", "…".
		j, dots, ellipsis, bang := i, 0, false, false
	run:
		for j < hi {
			r, size := utf8.DecodeRuneInString(text[j:hi])
			switch r {
			case '.':
				dots++
			case '…':
				ellipsis = true
			case '!', '?':
				bang = true
			default:
				break run
			}
			j += size
		}
		// Closing quotes and brackets belong to the sentence.
		k := j
		for k < hi {
			r, size := utf8.DecodeRuneInString(text[k:hi])
			if !isCloser(r) {
				break
			}
			k += size
		}
		if k == hi {
			break
		}
		if r, _ := utf8.DecodeRuneInString(text[k:hi]); !unicode.IsSpace(r) {
			if glued(text, lo, i, k, hi, dots) {
				spans = appendSpan(spans, text, start, k)
				start = k
			}
			i = j // "vigil.com", "2.5", "U.S.-led", "3.30pm"
			continue
		}
		c := cut{text: text, lo: lo, term: i, closed: k > j, next: skipSpace(text, k, hi), hi: hi}
		if c.ends(dots, ellipsis || dots > 1, bang) {
			spans = appendSpan(spans, text, start, k)
			start = k
		}
		i = k
	}
	return appendSpan(spans, text, start, hi)
}

// cut is a candidate sentence end: text[term] starts the terminators, next
// is the first non-space byte after them and their closers.
type cut struct {
	text   string
	lo, hi int // the paragraph
	term   int
	closed bool // closing quotes or brackets follow the terminators
	next   int
}

// ends decides whether the candidate ends a sentence.
func (c cut) ends(dots int, ellipsis, bang bool) bool {
	if c.next >= c.hi {
		return true
	}
	r, _ := utf8.DecodeRuneInString(c.text[c.next:c.hi])
	switch {
	case unicode.IsLower(r):
		return false // "... and then", "e.g. the", "'Why?' he asked"
	case strings.ContainsRune(",;:)]}%.…", r):
		return false
	case bang:
		// "'Why now?' Smith asked." is one sentence.
		return !(c.closed && speechFollows(c.text[c.next:c.hi]))
	case ellipsis:
		return true
	}
	return !c.abbreviation()
}

// abbreviation reports whether the single full stop at c.term closes an
// abbreviation or initial rather than the sentence.
func (c cut) abbreviation() bool {
	w := wordBefore(c.text, c.lo, c.term)
	if w == "" {
		return false
	}
	starts := startsSentence(c.text[c.next:c.hi])
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			return !starts // an initial: "George W. Bush", but "Plan B. The"
		}
	}
	switch abbreviations[w] {
	case title:
		return true
	case beforeNumber:
		r, _ := utf8.DecodeRuneInString(c.text[c.next:c.hi])
		return unicode.IsDigit(r) || !starts
	case final:
		return !starts
	}
	if isDotted(w) {
		return !starts // "U.S.", "D.C.", "a.m."
	}
	return false
}

// glued reports whether a terminator with no space after it still ends a
// sentence, as in the scraping slip "on Thursday.The four were shot": the
// word before is a plain lower-case word that is no abbreviation, and a
// common sentence-opening word follows at once. Domains, decimals, dotted
// abbreviations and names such as "ASP.NET" keep their full stop inside.
func glued(text string, lo, term, next, hi, dots int) bool {
	if dots > 1 || !starters[firstWord(text[next:hi])] {
		return false
	}
	// Look back at most 40 bytes, so that a long run without spaces
	// stays linear.
	from := max(lo, term-40)
	w := wordBefore(text, from, term)
	if from > lo && len(w) == term-from {
		return false
	}
	if utf8.RuneCountInString(w) < 2 || abbreviations[w] != notAbbrev {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLower(last) {
		return false
	}
	// The opener must be a whole word: "The" but not "Theater.com".
	after := text[next:hi]
	end := len(firstWord(after))
	r, _ := utf8.DecodeRuneInString(after[end:])
	return end == len(after) || unicode.IsSpace(r) || strings.ContainsRune(",;:'’", r)
}

// wordBefore returns the word that ends at end, without any opening quote
// or bracket before it.
func wordBefore(text string, lo, end int) string {
	start := end
	for start > lo {
		r, size := utf8.DecodeLastRuneInString(text[lo:start])
		if unicode.IsSpace(r) || strings.ContainsRune("(\"“‘'[«", r) {
			break
		}
		start -= size
	}
	return text[start:end]
}

// isDotted reports abbreviations written with inner full stops, whose parts
// are one or two letters: "U.S", "e.g", "Ph.D".
func isDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		n := utf8.RuneCountInString(part)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// startsSentence reports whether s (after a possible abbreviation) begins
// like a new sentence: an opening quote or a common sentence-opening word.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("\"“‘'«", r) {
		return true
	}
	return starters[firstWord(s)]
}

// speechFollows reports whether s begins with a name and a speech verb:
// "Smith asked", "Vladimir Putin said".
func speechFollows(s string) bool {
	if len(s) > 64 {
		s = s[:64]
	}
	ws := strings.Fields(s)
	if len(ws) < 2 || !unicode.IsUpper(firstRune(ws[0])) {
		return false
	}
	for i := 1; i < len(ws) && i <= 2; i++ {
		w := strings.TrimRight(ws[i], ",.")
		if speechVerbs[w] {
			return true
		}
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return false
}

// firstWord returns the leading letters of s: "The" from "The army".
func firstWord(s string) string {
	end := 0
	for end < len(s) && end < 32 {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += size
	}
	return s[:end]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}':
		return true
	}
	return false
}

func skipSpace(text string, i, hi int) int {
	for i < hi {
		r, size := utf8.DecodeRuneInString(text[i:hi])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// appendSpan appends text[start:end] trimmed of white space, unless it is
// empty.
func appendSpan(spans []model.Span, text string, start, end int) []model.Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		spans = append(spans, model.Span{Start: start, End: end})
	}
	return spans
}
