package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxParagraphs bounds how many paragraphs one direct quote may run over
// when each new paragraph reopens it (the news convention). A quote mark
// that never closes ends at its own paragraph.
const MaxParagraphs = 12

// MaxQuoteBytes bounds the content of one direct quote.
const MaxQuoteBytes = 8 << 10

// span is a byte range [start, end) into the text.
type span struct{ start, end int }

// marked is one direct quote found by its quote marks: the content of each
// paragraph it runs over, without the marks, in text order.
type marked struct {
	pieces   []span
	closed   bool // the last piece ended with a closing mark
	paraOpen bool // the quote mark is the first thing of its paragraph
}

func (m marked) start() int { return m.pieces[0].start }
func (m marked) end() int   { return m.pieces[len(m.pieces)-1].end }

// markKind classifies a rune as an opening, closing or ambiguous (straight)
// double quote mark.
type markKind int

const (
	notMark markKind = iota
	openMark
	closeMark
	straightMark
)

func kindOf(r rune) markKind {
	switch r {
	case '"', '\uFF02':
		return straightMark
	case '\u201C', '\u201E', '\u00AB', '\u201F':
		return openMark
	case '\u201D', '\u00BB':
		return closeMark
	}
	return notMark
}

// paragraphs returns the byte ranges of the non-empty lines of text.
func paragraphs(text string) []span {
	var out []span
	lo := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if hasLetterOrDigit(text[lo:i]) {
				out = append(out, span{lo, i})
			}
			lo = i + 1
		}
	}
	return out
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// scanMarks finds the direct quotes of text by their marks. Within a
// paragraph curly marks pair by direction and straight marks alternate. A
// quote left open at the end of its paragraph continues into the next one
// when that paragraph opens with a quote mark (up to MaxParagraphs);
// otherwise it ends with its paragraph, so a mark that never closes cannot
// swallow the rest of the article. Time is linear in the text.
func scanMarks(text string) []marked {
	paras := paragraphs(text)
	var out []marked
	var cur *marked // a quote carried over from the previous paragraph
	for pi, p := range paras {
		openAt := -1  // byte offset just after the opening mark, -1 when none
		openPos := -1 // byte offset of the opening mark
		paraStart := firstNonSpace(text, p.start, p.end)
		if cur != nil {
			// The paragraph reopens the carried quote with its first mark.
			r, w := utf8.DecodeRuneInString(text[paraStart:])
			if strings.HasPrefix(text[paraStart:p.end], "''") || strings.HasPrefix(text[paraStart:p.end], "``") {
				r, w = '"', 2
			}
			if k := kindOf(r); k == openMark || k == straightMark {
				openAt, openPos = paraStart+w, paraStart
			} else {
				out = append(out, *cur)
				cur = nil
			}
		}
		for i := p.start; i < p.end; {
			if openAt > i {
				i = openAt
				continue
			}
			r, w := utf8.DecodeRuneInString(text[i:])
			k := kindOf(r)
			if r == '\'' && i+1 < p.end && text[i+1] == '\'' {
				k, w = straightMark, 2 // two apostrophes, as some archives write quotes
			} else if r == '`' && i+1 < p.end && text[i+1] == '`' {
				k, w = openMark, 2
			}
			switch {
			case k == notMark:
			case openAt < 0 && (k == openMark || k == straightMark && opensHere(text, p, i, w)):
				openAt, openPos = i+w, i
			case openAt >= 0 && (k == closeMark || k == straightMark):
				piece := trimSpan(text, openAt, i)
				for piece.end > piece.start && text[piece.end-1] == ',' {
					piece.end-- // the comma that hands over to "he said"
				}
				if cur != nil {
					if piece.end > piece.start {
						cur.pieces = append(cur.pieces, piece)
					}
					cur.closed = true
					out = append(out, *cur)
					cur = nil
				} else if piece.end > piece.start {
					out = append(out, marked{
						pieces:   []span{piece},
						closed:   true,
						paraOpen: openPos == paraStart,
					})
				}
				openAt = -1
			}
			i += w
		}
		if openAt < 0 {
			continue
		}
		// Open at the end of the paragraph.
		piece := trimSpan(text, openAt, p.end)
		if piece.end-piece.start > MaxQuoteBytes {
			piece.end = piece.start + MaxQuoteBytes
			for piece.end > piece.start && !utf8.RuneStart(text[piece.end]) {
				piece.end--
			}
		}
		if cur == nil {
			cur = &marked{paraOpen: openPos == paraStart}
		}
		if piece.end > piece.start {
			cur.pieces = append(cur.pieces, piece)
		}
		size := cur.end0() - cur.start0()
		if len(cur.pieces) >= MaxParagraphs || size > MaxQuoteBytes || pi == len(paras)-1 {
			if len(cur.pieces) > 0 {
				out = append(out, *cur)
			}
			cur = nil
		}
	}
	if cur != nil && len(cur.pieces) > 0 {
		out = append(out, *cur)
	}
	// A carried quote with no pieces (only marks) is dropped above; drop
	// any other empty one.
	keep := out[:0]
	for _, m := range out {
		if len(m.pieces) > 0 {
			keep = append(keep, m)
		}
	}
	return keep
}

func (m *marked) start0() int {
	if len(m.pieces) == 0 {
		return 0
	}
	return m.pieces[0].start
}

func (m *marked) end0() int {
	if len(m.pieces) == 0 {
		return 0
	}
	return m.pieces[len(m.pieces)-1].end
}

// opensHere decides whether the straight mark at i (w bytes) opens a quote:
// it does unless it directly follows a word and is followed by a space or
// the end of the paragraph (a stray closing mark).
func opensHere(text string, p span, i, w int) bool {
	var before, after rune = ' ', ' '
	if i > p.start {
		before, _ = utf8.DecodeLastRuneInString(text[p.start:i])
	}
	if i+w < p.end {
		after, _ = utf8.DecodeRuneInString(text[i+w : p.end])
	}
	if unicode.IsSpace(after) && !unicode.IsSpace(before) && before != '(' && before != '[' {
		return false
	}
	return true
}

func firstNonSpace(text string, lo, hi int) int {
	for lo < hi {
		r, w := utf8.DecodeRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		lo += w
	}
	return lo
}

// trimSpan trims spaces from both ends of [lo, hi).
func trimSpan(text string, lo, hi int) span {
	lo = firstNonSpace(text, lo, hi)
	for hi > lo {
		r, w := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= w
	}
	return span{lo, hi}
}
