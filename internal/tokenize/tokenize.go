// Package tokenize splits sentences into tokens following the conventions
// of the Universal Dependencies English Web Treebank (EWT):
//
//   - clitics are separate words: "don't" → do n't, "can't" → ca n't,
//     "won't" → wo n't, "cannot" → can not, "I'm" → I 'm, "Bush's" → Bush 's,
//     "gonna" → gon na; the same with curly apostrophes;
//   - punctuation and quote marks (straight and curly) are tokens of their
//     own, "..." and "!!!" stay whole;
//   - hyphenated words are split at the hyphen (long - term) except after
//     common prefixes (e-mail, non-profit, co-worker) and inside numbers
//     such as phone numbers;
//   - URLs, e-mail addresses, @handles, #hashtags, numbers (14,000 2.5
//     1990s 11/28/2000 3:30) and abbreviations (Mr. U.S. etc.) stay whole;
//     "5pm" → 5 pm, "$5" → $ 5;
//   - control characters and all Unicode spaces separate tokens and are never
//     part of one.
//
// Every token keeps its byte offsets into the text, and each piece of a
// split word covers exactly its own bytes, so Text always equals
// text[Start:End]. Tokenising is linear in the input and never panics.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// lowerKey lowercases ASCII s into buf for a map lookup without
// allocating; ok is false when s is too long or not ASCII.
func lowerKey(buf *[24]byte, s string) (string, bool) {
	if len(s) > len(buf) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(s)]), true
}

// hasSuffixFold reports whether s ends with the lower-case ASCII suffix,
// ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(suffix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// hasPrefixFold is the same for prefixes.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && hasSuffixFold(s[:len(prefix)], prefix)
}

// maxToken caps the length of one token in bytes; longer runs without a
// break (base64 blobs, runaway strings) are cut into pieces of this size.
const maxToken = 256

// Tokenize returns the tokens of text[span.Start:span.End] with byte offsets
// into text. Head is -1 on every token; the other fields are left empty.
// A span outside text is clipped.
func Tokenize(text string, span model.Span) []model.Token {
	start, end := span.Start, span.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return nil
	}
	// Byte ranges first (16 bytes each, nothing for the garbage
	// collector to scan), the tokens after.
	t := tokenizer{text: text, end: end, spans: make([]byteRange, 0, (end-start)/5+1)}
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if isSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:end])
			if isSpace(r) {
				break
			}
			j += size
		}
		t.chunk(i, j)
		i = j
	}
	// One allocation of the exact size: a guessed capacity either
	// wastes memory or grows (copying 200-byte tokens), and the garbage
	// collector's work grows with the bytes allocated.
	out := make([]model.Token, len(t.spans))
	for k, sp := range t.spans {
		// Fields one by one: the slice is zeroed already, and a whole
		// 200-byte literal would be written again.
		tk := &out[k]
		tk.Text, tk.Start, tk.End, tk.Head = text[sp.a:sp.b], sp.a, sp.b, -1
	}
	return out
}

// isSpace reports whether r separates tokens: Unicode white space, control
// and format characters (zero-width spaces, BOM) and invalid bytes.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7f
	}
	return r == utf8.RuneError || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) ||
		r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff || r == 0x00ad
}

type tokenizer struct {
	text  string
	end   int         // end of the span: an abbreviation there gives up its period
	spans []byteRange // the tokens found so far
}

// byteRange is the byte range of one token.
type byteRange struct{ a, b int }

func (t *tokenizer) emit(a, b int) {
	if a >= b {
		return
	}
	for b-a > maxToken {
		c := a + maxToken
		for c > a && !utf8.RuneStart(t.text[c]) {
			c--
		}
		if c == a {
			c = a + maxToken
		}
		t.spans = append(t.spans, byteRange{a, c})
		a = c
	}
	t.spans = append(t.spans, byteRange{a, b})
}

// chunk tokenises a run of text without spaces, text[a:b].
func (t *tokenizer) chunk(a, b int) {
	if b-a > 4*maxToken {
		// A runaway chunk: no rule applies to a blob this long; keep it
		// linear by cutting it into fixed pieces.
		t.emit(a, b)
		return
	}
	s := t.text
	var sufBuf [8][2]int
	suffixes := sufBuf[:0] // trailing tokens, outermost first
	for a < b {
		c := s[a:b]
		if b == t.end && len(c) > 2 && c[len(c)-1] == '.' && c[len(c)-2] != '.' && isAbbrev(c) {
			// "etc." ending the sentence: EWT makes the period a token.
			suffixes = append(suffixes, [2]int{b - 1, b})
			b--
			continue
		}
		if whole(c) {
			break
		}
		// Leading punctuation.
		if n := leadPunct(c); n > 0 {
			t.emit(a, a+n)
			a += n
			continue
		}
		// Trailing punctuation.
		if n := trailPunct(c); n > 0 {
			suffixes = append(suffixes, [2]int{b - n, b})
			b -= n
			continue
		}
		break
	}
	if a < b {
		t.middle(a, b)
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		t.emit(suffixes[i][0], suffixes[i][1])
	}
}

// whole reports whether a chunk is one token as it stands: a URL, e-mail
// address, handle, emoticon or abbreviation with its period.
func whole(c string) bool {
	if isEmoticon(c) || isAbbrev(c) {
		return true
	}
	return false
}

// middle tokenises a chunk stripped of outer punctuation.
func (t *tokenizer) middle(a, b int) {
	s := t.text
	c := s[a:b]
	if isURL(c) || isEmail(c) || isHandle(c) || isEmoticon(c) || isAbbrev(c) || punctRun(c) == len(c) {
		t.emit(a, b)
		return
	}
	if isNumber(c) {
		t.emit(a, b)
		return
	}
	// Clitics at the end: "don't", "Bush's", "I'm", "gonna".
	if k := cliticSplit(c); k > 0 && k < len(c) {
		t.middle(a, a+k)
		t.emit(a+k, b)
		return
	}
	// Number followed by a unit written together: "5pm", "10am", "3.30pm".
	if k := numberUnit(c); k > 0 {
		t.emit(a, a+k)
		t.emit(a+k, b)
		return
	}
	// Currency symbol before a number: "$5", "€2.5m".
	if r, size := utf8.DecodeRuneInString(c); unicode.Is(unicode.Sc, r) && size < len(c) {
		t.emit(a, a+size)
		t.middle(a+size, b)
		return
	}
	if isNumber(c) {
		t.emit(a, b)
		return
	}
	// Infixes: split at the first separator that splits.
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRuneInString(c[i:])
		if n := t.infix(c, i, r, size); n > 0 {
			t.middle(a, a+i)
			t.emit(a+i, a+i+n)
			t.middle(a+i+n, b)
			return
		}
		i += size
	}
	t.emit(a, b)
}

// infix returns the length of a separator token at c[i:], or 0.
func (t *tokenizer) infix(c string, i int, r rune, size int) int {
	if i == 0 || i+size >= len(c) {
		return 0
	}
	prev, _ := utf8.DecodeLastRuneInString(c[:i])
	next, _ := utf8.DecodeRuneInString(c[i+size:])
	switch r {
	case '-', '‐', '‑':
		if r == '-' && i+1 < len(c) && c[i+1] == '-' {
			return dashRun(c[i:])
		}
		if unicode.IsLetter(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			if isPrefix(c[:i]) {
				return 0
			}
			return size
		}
		if unicode.IsDigit(prev) && unicode.IsLetter(next) {
			return size
		}
		return 0
	case '–', '—':
		return size
	case '/':
		if unicode.IsLetter(prev) && unicode.IsLetter(next) && !shortSlash(c) {
			return size
		}
		return 0
	case '(', ')':
		if strings.HasSuffix(c, "(s)") && i >= len(c)-3 {
			return 0
		}
		return size
	case '[', ']', '{', '}', '"', '“', '”', '«', '»', ';', '!', '?':
		return size
	case ',':
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return 0
		}
		return size
	case '&', '+', '=', '*', '|', '~', '^', '<', '>':
		if unicode.IsLetter(prev) && unicode.IsLetter(next) && r == '&' && len(c) <= 6 {
			return 0 // AT&T, PG&E
		}
		if r == '+' || r == '&' || r == '=' || r == '*' || r == '|' || r == '<' || r == '>' {
			return size
		}
		return 0
	case '.':
		if i+2 < len(c) && c[i+1] == '.' && c[i+2] == '.' {
			return dotRun(c[i:])
		}
		return 0
	case ':':
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return 0
		}
		return size
	}
	return 0
}

func dashRun(c string) int {
	n := 0
	for n < len(c) && c[n] == '-' {
		n++
	}
	return n
}

func dotRun(c string) int {
	n := 0
	for n < len(c) && c[n] == '.' {
		n++
	}
	return n
}

// Words before a hyphen that stay attached, as EWT keeps "e-mail",
// "non-profit", "co-worker", "pre-war".
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "anti": true, "pre": true, "re": true, "mid": true, "co": true,
	"post": true, "pro": true, "multi": true, "ex": true, "semi": true, "counter": true,
	"sub": true, "psycho": true, "neo": true, "un": true, "socio": true, "mis": true,
	"micro": true, "intra": true, "arch": true, "mega": true, "macro": true, "ultra": true,
	"quasi": true, "pseudo": true, "bi": true, "tri": true, "over": true, "vice": true,
}

func isPrefix(s string) bool {
	var buf [24]byte
	k, ok := lowerKey(&buf, s)
	return ok && hyphenPrefixes[k]
}

// shortSlash reports slash words that stay whole: "b/c", "w/o", "n/a".
func shortSlash(c string) bool {
	return len(c) <= 4
}

// Leading punctuation: brackets, quotes and symbols split one at a time;
// runs of dashes or dots as one token.
func leadPunct(c string) int {
	r, size := utf8.DecodeRuneInString(c)
	if size == len(c) {
		return 0
	}
	if n := punctRun(c); n > 1 {
		if n == len(c) {
			return 0
		}
		return n
	}
	switch r {
	case '(', '[', '{', '<', '"', '“', '”', '‘', '«', '¿', '¡', '*', '`', '#', '~', '|', '•', '·', '>', ',', ';', ':', '!', '?', '/', '\\', '=', '+', '_', '^':
		if r == '#' && isHashtag(c) {
			return 0
		}
		if r == '`' && len(c) > 1 && c[1] == '`' {
			return 2
		}
		if r == ':' || r == ';' || r == '=' {
			if isEmoticon(c) {
				return 0
			}
		}
		return size
	case '\'', '’':
		// A leading apostrophe is a quote unless it starts a clitic or a
		// shortened year ('90s) or word ('em, 'cause).
		var buf [24]byte
		rest, _ := lowerKey(&buf, c[size:])
		if len(c) > size && c[size] >= '0' && c[size] <= '9' {
			return 0
		}
		switch rest {
		case "s", "re", "ve", "ll", "d", "m", "em", "cause", "til", "n":
			return 0
		}
		return size
	case '-', '–', '—':
		if r == '-' {
			n := dashRun(c)
			if n > 1 {
				return n
			}
			// A minus sign before a number stays.
			if len(c) > 1 && c[1] >= '0' && c[1] <= '9' {
				return 0
			}
		}
		return size
	case '.':
		if n := dotRun(c); n > 1 {
			return n
		}
		if len(c) > 1 && c[1] >= '0' && c[1] <= '9' {
			return 0 // .5
		}
		return size
	}
	return 0
}

// Trailing punctuation.
func trailPunct(c string) int {
	r, size := utf8.DecodeLastRuneInString(c)
	if size == len(c) {
		return 0
	}
	if n := punctRunEnd(c); n > 1 && !(r == '.' && n == 1) {
		if n == len(c) {
			return 0
		}
		return n
	}
	switch r {
	case ')', ']', '}', '>', '"', '“', '”', '»', ',', ';', '*', '`', '~', '|', '\\', '_', '^', '=', '+':
		if r == ')' || r == ']' || r == '>' {
			if isEmoticon(c) {
				return 0
			}
			if r == ')' && isParenEnd(c) {
				return 0
			}
		}
		return size
	case '\'', '’':
		// "dogs'" possessive: EWT splits the apostrophe off.
		return size
	case '!', '?':
		n := 0
		for n < len(c) && (c[len(c)-1-n] == '!' || c[len(c)-1-n] == '?') {
			n++
		}
		if n == len(c) {
			return 0
		}
		return n
	case ':':
		return size
	case '-', '–', '—':
		if r == '-' {
			n := 0
			for n < len(c) && c[len(c)-1-n] == '-' {
				n++
			}
			if n == len(c) {
				return 0
			}
			return n
		}
		return size
	case '.':
		n := 0
		for n < len(c) && c[len(c)-1-n] == '.' {
			n++
		}
		if n == len(c) {
			return 0
		}
		if n > 1 {
			return n
		}
		if isAbbrev(c) {
			return 0
		}
		return 1
	case '/', '%':
		return size
	}
	if unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) && r != '^' {
		// Emoji and other symbols stuck to a word.
		return emojiRun(c)
	}
	return 0
}

// isRunPunct reports ASCII punctuation whose runs ("=====", "!!!", "”")
// form one token.
func isRunPunct(ch byte) bool {
	switch ch {
	case '=', '_', '*', '!', '?', '<', '>', '#', '+', '~', '-', '.', '\'', '`', '/', '|', ':', '^', '$', '&', '@', ',', ';':
		return true
	}
	return false
}

// punctRun is the length of the run of one repeated punctuation character
// at the start of c.
func punctRun(c string) int {
	if c == "" || !isRunPunct(c[0]) {
		return 0
	}
	n := 1
	for n < len(c) && c[n] == c[0] {
		n++
	}
	return n
}

// punctRunEnd is the same at the end of c.
func punctRunEnd(c string) int {
	if c == "" || !isRunPunct(c[len(c)-1]) {
		return 0
	}
	ch := c[len(c)-1]
	n := 1
	for n < len(c) && c[len(c)-1-n] == ch {
		n++
	}
	return n
}

// isParenEnd reports "(s)" endings such as "friend(s)" that stay whole.
func isParenEnd(c string) bool {
	return strings.HasSuffix(c, "(s)") && len(c) > 3 && !strings.HasPrefix(c, "(")
}

// emojiRun is the length of the trailing run of symbols (with joiners and
// variation selectors) in c, never all of c.
func emojiRun(c string) int {
	i := len(c)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(c[:i])
		if unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == 0xfe0f || r == 0x200d || unicode.Is(unicode.Mn, r) {
			i -= size
			continue
		}
		break
	}
	if i == 0 {
		// All symbols: split off the last one only.
		_, size := utf8.DecodeLastRuneInString(c)
		return size
	}
	return len(c) - i
}

// Clitics, longest first. Each entry is the lowercased ending; the word is
// split before it.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// Words split without an apostrophe, as EWT does: the split point counts
// from the start of the word.
var fusedWords = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3, "dunno": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3, "werent": 4,
	"hasnt": 3, "havent": 4, "hadnt": 3, "couldnt": 5, "wouldnt": 5, "shouldnt": 6,
	"wont": 2, "cant": 2, "im": 1, "ive": 1, "youre": 3, "theyre": 4, "thats": 4,
}

// cliticSplit returns where c splits into a word and a clitic, or 0.
func cliticSplit(c string) int {
	if len(c) > 40 {
		return 0
	}
	var buf [24]byte
	if low, ok := lowerKey(&buf, c); ok {
		if k, ok := fusedWords[low]; ok {
			return k
		}
	}
	for _, cl := range clitics {
		if len(c) > len(cl) && hasSuffixFold(c, cl) {
			k := len(c) - len(cl)
			if cl[0] == 'n' {
				// "can't" → ca n't, "won't" → wo n't, "don't" → do n't.
				return k
			}
			r, _ := utf8.DecodeLastRuneInString(c[:k])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && isAbbrev(c[:k]) {
				return k // (also "U.S.'s", "L.A.'s")
			}
		}
	}
	return 0
}

// numberUnit returns the length of the number in "5pm", "10am",
// "3.30pm", "11:30am", or 0.
func numberUnit(c string) int {
	if c == "" || c[0] < '0' || c[0] > '9' {
		return 0
	}
	for _, u := range timeUnits {
		if len(c) > len(u) && hasSuffixFold(c, u) && isNumber(c[:len(c)-len(u)]) {
			return len(c) - len(u)
		}
	}
	return 0
}

var timeUnits = []string{"am", "pm", "a.m.", "p.m.", "a.m", "p.m"}

// isNumber reports digits with separators: 14,000 2.5 1990s 11/28/2000
// 3:30 713-853-3989 -5 4th.
func isNumber(c string) bool {
	if c == "" {
		return false
	}
	digits := 0
	i := 0
	if c[0] == '-' || c[0] == '+' || c[0] == '.' {
		i++
	}
	for ; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch >= '0' && ch <= '9':
			digits++
		case ch == ',' || ch == '.' || ch == ':' || ch == '/' || ch == '-':
			if i+1 >= len(c) || c[i+1] < '0' || c[i+1] > '9' {
				return false
			}
		default:
			// Trailing letters: 1990s, 4th, 2nd, 10x.
			if digits == 0 {
				return false
			}
			var buf [24]byte
			rest, _ := lowerKey(&buf, c[i:])
			switch rest {
			case "s", "st", "nd", "rd", "th", "x", "k", "m", "bn", "'s":
				return true
			}
			return false
		}
	}
	return digits > 0
}

// isURL reports web addresses: with a scheme, starting with "www.", or a
// domain with a common top-level domain and optional path.
func isURL(c string) bool {
	if hasPrefixFold(c, "http://") || hasPrefixFold(c, "https://") ||
		hasPrefixFold(c, "ftp://") || hasPrefixFold(c, "www.") {
		return len(c) > 7
	}
	host := c
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	for i := 0; i < len(host); i++ {
		ch := host[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '-') {
			return false
		}
	}
	var buf [24]byte
	tld, _ := lowerKey(&buf, host[dot+1:])
	switch tld {
	case "com", "org", "net", "gov", "edu", "co", "uk", "de", "fr", "io", "info", "biz", "us", "ca", "au", "in", "ru", "cn", "jp", "eu", "int", "mil", "tv", "ly", "me":
		return true
	}
	return false
}

// isEmail reports name@domain.tld.
func isEmail(c string) bool {
	at := strings.IndexByte(c, '@')
	if at <= 0 || at == len(c)-1 {
		return false
	}
	dot := strings.LastIndexByte(c[at:], '.')
	return dot > 1 && at+dot < len(c)-1 && strings.IndexByte(c[at+1:], '@') < 0
}

// isHandle reports @name.
func isHandle(c string) bool {
	if len(c) < 2 || c[0] != '@' {
		return false
	}
	return wordy(c[1:])
}

func isHashtag(c string) bool {
	return len(c) >= 2 && c[0] == '#' && wordy(c[1:]) && !isNumber(c[1:])
}

func wordy(s string) bool {
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			return false
		}
	}
	return s != ""
}

var emoticons = map[string]bool{
	":)": true, ":-)": true, ":(": true, ":-(": true, ";)": true, ";-)": true, ":D": true, ":-D": true,
	":P": true, ":-P": true, ":p": true, ":-p": true, ":/": true, ":-/": true, ":|": true, ":'(": true,
	"=)": true, "=(": true, "<3": true, ":o": true, ":O": true, "XD": true, "xD": true, ":-))": true,
	":))": true, "^_^": true, "-_-": true, ":]": true, ":[": true, "8)": true, ";D": true,
}

func isEmoticon(c string) bool { return emoticons[c] }

// Abbreviations that keep their period.
var abbrevs = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true, "jr.": true,
	"sr.": true, "inc.": true, "ltd.": true, "co.": true, "corp.": true, "etc.": true, "vs.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true, "no.": true, "gov.": true,
	"sen.": true, "rep.": true, "gen.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true,
	"mt.": true, "ft.": true, "ave.": true, "blvd.": true, "dept.": true, "est.": true, "approx.": true,
	"e.g.": true, "i.e.": true, "a.m.": true, "p.m.": true, "u.s.": true, "u.k.": true, "u.n.": true,
	"cf.": true, "al.": true, "fig.": true, "vol.": true, "pp.": true, "ph.d.": true, "rev.": true,
	"adm.": true, "maj.": true, "cmdr.": true, "supt.": true, "messrs.": true, "mon.": true, "tues.": true,
	"wed.": true, "thu.": true, "thurs.": true, "fri.": true, "sat.": true, "sun.": true, "bros.": true,
	"ass'n.": true, "assn.": true, "univ.": true, "nos.": true, "tel.": true, "ext.": true,
}

// isAbbrev reports abbreviations with their final period: known ones,
// initials ("J."), and dotted letters ("U.S.", "e.g.").
func isAbbrev(c string) bool {
	if len(c) < 2 || c[len(c)-1] != '.' {
		return false
	}
	var buf [24]byte
	if k, ok := lowerKey(&buf, c); ok && abbrevs[k] {
		return true
	}
	body := c[:len(c)-1]
	r, size := utf8.DecodeRuneInString(body)
	if size == len(body) && unicode.IsUpper(r) {
		return true // initial
	}
	// Dotted letters: letters separated by single periods.
	if len(body) > 12 {
		return false
	}
	dots := 0
	prevDot := true
	for _, r := range body {
		if r == '.' {
			if prevDot {
				return false
			}
			dots++
			prevDot = true
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		prevDot = false
	}
	return dots > 0
}
