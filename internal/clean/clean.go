// Package clean removes clutter (captions, promo lines, teaser headlines,
// share, social, byline and copyright lines) from article text, line by line
// and paragraph by paragraph, and records each removal with its reason.
//
// The cleaner is deliberately conservative: a line is removed only when a
// specific rule recognises it, and the weaker rules (captions without a
// photo credit) never touch a line that ends a sentence, sits inside a
// quotation or belongs to a run of short lines such as a list.
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// Result is the cleaned body and what was taken out.
type Result struct {
	Paragraphs []string
	Removed    []model.Removal
}

// unit is one line or paragraph under consideration.
type unit struct {
	text   string // whitespace-normalised, never empty
	reason string // removal reason; "" keeps the unit
	header bool   // a promo header such as "DON'T MISS" that heads a teaser run
}

// Paragraphs cleans paragraphs that were already separated (e.g. from HTML).
// title is the headline, used to spot captions that restate it.
func Paragraphs(title string, paras []string) Result {
	units := make([]unit, 0, len(paras))
	for _, p := range paras {
		if t := normalizeSpace(p); t != "" {
			units = append(units, classify(t))
		}
	}
	return finish(title, units)
}

// Text cleans a plain-text body (without its headline line). Lines and
// blank-line-separated blocks are turned into paragraphs: a line that
// clearly continues the sentence of the line before it (hard wrapping) is
// joined to it, any other line is a paragraph of its own.
func Text(title, text string) Result {
	return finish(title, joinLines(splitLines(text)))
}

// finish runs the rules that look beyond one unit and builds the result.
func finish(title string, units []unit) Result {
	markTeaserRuns(units)
	markWeakCaptions(title, units)
	res := Result{Paragraphs: make([]string, 0, len(units))}
	for _, u := range units {
		if u.reason == "" {
			res.Paragraphs = append(res.Paragraphs, u.text)
			continue
		}
		res.Removed = append(res.Removed, model.Removal{Text: u.text, Reason: u.reason})
	}
	return res
}

// classify applies the line rules that need no context.
func classify(text string) unit {
	u := unit{text: text}
	if isPromoHeader(text) {
		u.reason, u.header = model.ReasonPromo, true
		return u
	}
	u.reason = lineReason(text)
	return u
}

// line is one non-blank input line of a plain text.
type line struct {
	text  string
	blank bool // a blank line (or the start of the text) comes before it
}

// splitLines splits text on \n, \r\n and \r, normalises the whitespace in
// each line and drops blank lines, remembering where they were.
func splitLines(text string) []line {
	var lines []line
	blank := true
	for text != "" {
		i := strings.IndexAny(text, "\r\n")
		raw := text
		if i < 0 {
			text = ""
		} else {
			raw = text[:i]
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			text = text[i+1:]
		}
		t := normalizeSpace(raw)
		if t == "" {
			blank = true
			continue
		}
		lines = append(lines, line{text: t, blank: blank})
		blank = false
	}
	return lines
}

// maxWrapWidth is the widest line, in runes, that we still take for a
// hard-wrapped text; texts with longer lines hold one paragraph per line.
const maxWrapWidth = 100

// joinLines turns lines into units, joining hard-wrapped continuation
// lines onto the line before them.
func joinLines(lines []line) []unit {
	width := wrapWidth(lines)
	units := make([]unit, 0, len(lines))
	var parts []string // lines of the unit being built
	flush := func() {
		if len(parts) > 0 {
			units = append(units, unit{text: joinParts(parts)})
			parts = parts[:0]
		}
	}
	for _, ln := range lines {
		u := classify(ln.text)
		if len(parts) > 0 && !ln.blank && (u.reason == "" || isLowerWord(ln.text)) &&
			continues(parts[len(parts)-1], ln.text, width) {
			parts = append(parts, ln.text)
			continue
		}
		flush()
		if u.reason != "" {
			units = append(units, u)
			continue
		}
		parts = append(parts, ln.text)
	}
	flush()
	return units
}

// joinParts joins the lines of a hard-wrapped paragraph. A word split by a
// hyphen at the end of a line is joined without a space.
func joinParts(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && !hyphenated(parts[i-1], p) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// hyphenated reports whether prev ends in a word broken by a hyphen that
// next completes: "Russian-" + "backed".
func hyphenated(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 || !isLowerWord(next) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	return unicode.IsLetter(r)
}

// wrapWidth returns the wrap width of a hard-wrapped text, or 0 when the
// text does not look hard-wrapped. Lines without a space (URLs, rules) do
// not count.
func wrapWidth(lines []line) int {
	width, long := 0, 0
	for _, ln := range lines {
		if !strings.Contains(ln.text, " ") {
			continue
		}
		n := utf8.RuneCountInString(ln.text)
		if n > width {
			width = n
		}
	}
	if width < 40 || width > maxWrapWidth {
		return 0
	}
	for _, ln := range lines {
		if utf8.RuneCountInString(ln.text)*10 >= width*8 {
			long++
		}
	}
	if long < 2 {
		return 0
	}
	return width
}

// continues reports whether next is a hard-wrapped continuation of prev.
// width is the wrap width of the text, 0 when it is not hard-wrapped.
func continues(prev, next string, width int) bool {
	if endsSentence(prev) || strings.HasSuffix(prev, ":") || isTagged(prev) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(first) {
		return true
	}
	if lastChar(prev) == ',' || lastChar(prev) == ';' || lastChar(prev) == '-' {
		return true
	}
	if isFunctionWord(lastWord(prev)) {
		return true
	}
	if width == 0 {
		return false
	}
	// The line was broken by the wrapper when the next word would not have
	// fitted on it.
	w := firstWord(next)
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(w) > width
}

// markTeaserRuns removes the run of teaser headlines under a promo header
// such as "DON'T MISS". A run with a tagged teaser ("… [INSIGHT]") may be
// up to maxTagged lines long; an untagged run longer than maxUntagged is
// more likely a list that belongs to the article, and is kept.
func markTeaserRuns(units []unit) {
	const maxTagged, maxUntagged = 10, 4
	for i := range units {
		if !units[i].header {
			continue
		}
		end, lastTagged := i+1, 0
		for ; end < len(units) && end <= i+maxTagged; end++ {
			u := units[end]
			if isTagged(u.text) {
				lastTagged = end
				continue
			}
			if u.reason != "" {
				continue // other clutter inside the run
			}
			if !teaserLike(u.text) {
				break
			}
		}
		switch {
		case lastTagged > 0:
			end = lastTagged + 1 // untagged lines after the tagged run may be body
		case end-i-1 > maxUntagged:
			continue
		}
		for j := i + 1; j < end; j++ {
			if units[j].reason == "" {
				units[j].reason = model.ReasonTeaser
			}
		}
	}
}

// markWeakCaptions removes captions that carry no photo credit: short lines
// with no verb and no closing punctuation that name a person or place, and
// lines that restate the headline. Lines inside a quotation and lines that
// belong to a list of short lines are kept.
func markWeakCaptions(title string, units []unit) {
	head := newHeadline(title)
	var names *nameEvidence // built on first use
	quoted := 0             // units left in an open quotation
	for i := range units {
		u := &units[i]
		if u.reason != "" {
			continue
		}
		if quoted == 0 && !protectedEnd(u.text) && !quoteEdge(u.text) {
			switch {
			case head.restatedBy(u.text):
				u.reason = model.ReasonCaption
			case !isolated(units, i):
			case namesCaption(u.text):
				u.reason = model.ReasonCaption
			case isNameLine(u.text):
				if names == nil {
					names = newNameEvidence(title, units)
				}
				if names.proper(u.text) {
					u.reason = model.ReasonCaption
				}
			}
		}
		if u.reason == "" {
			quoted = nextQuoteState(u.text, quoted)
		}
	}
}

// quoteSpan is how many units an unclosed quotation protects.
const quoteSpan = 5

// nextQuoteState returns how many following units are still inside a
// quotation after text, given that quoted units were left before it.
func nextQuoteState(text string, quoted int) int {
	curly, straight := 0, 0
	for _, r := range text {
		switch r {
		case '“', '„', '«':
			curly++
		case '”', '»':
			if curly > 0 {
				curly--
			}
		case '"':
			straight++
		}
	}
	switch {
	case curly > 0 || straight%2 == 1:
		return quoteSpan
	case quoted > 0 && !hasDoubleQuote(text):
		return quoted - 1
	}
	return 0
}

func hasDoubleQuote(s string) bool {
	return strings.ContainsAny(s, "\"“”„«»")
}

// isolated reports whether the unit at i stands alone between paragraphs
// or clutter, rather than in a run of short unpunctuated lines (a list, a
// table or a heading block), which is kept.
func isolated(units []unit, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(units) || units[j].reason != "" {
			continue
		}
		t := units[j].text
		if wordCount(t) <= 20 && !endsSentence(t) {
			return false
		}
	}
	return true
}

// normalizeSpace collapses every run of white space to one space and trims
// both ends. Invalid UTF-8 bytes are kept as they are.
func normalizeSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
