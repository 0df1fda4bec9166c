package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// lineReason applies the rules that recognise a line by itself and returns
// the removal reason, or "" to keep the line.
func lineReason(t string) string {
	if wordCount(t) > maxClutterWords {
		return "" // a paragraph of running text
	}
	l := fold(t)
	switch {
	case isNavigation(l):
		return model.ReasonNavigation
	case isShare(l):
		return model.ReasonShare
	case isCopyright(t, l):
		return model.ReasonOther
	case isByline(t, l):
		return model.ReasonByline
	case isPromo(t, l):
		return model.ReasonPromo
	case isTagged(t):
		return model.ReasonTeaser
	case isCreditCaption(t, l):
		return model.ReasonCaption
	}
	return ""
}

// maxClutterWords is the longest line, in words, that a line rule may
// remove.
const maxClutterWords = 60

// isPromoHeader reports whether t is a header line such as "DON'T MISS"
// or "RELATED ARTICLES" that heads a run of teaser links.
func isPromoHeader(t string) bool {
	if len(t) > 40 {
		return false
	}
	l := strings.Trim(fold(t), " :-–—|>»•*")
	return promoHeaders[l]
}

// isPromo reports promo lines: "READ MORE: …", "Sign up to our newsletter",
// "Follow us on …", "Click here …".
func isPromo(t, l string) bool {
	if wordCount(t) > 40 {
		return false
	}
	for _, p := range promoPrefixes {
		if !strings.HasPrefix(l, p) {
			continue
		}
		rest := l[len(p):]
		if rest == "" {
			return true
		}
		// "READ MORE: Kremlin insists …"; a link title is capitalised,
		// "Related: the decision was …" is running text.
		if rest[0] == ':' {
			_, link, _ := strings.Cut(t, ":") // the prefix holds no colon
			return !unicode.IsLower(firstRune(strings.TrimLeft(link, " ")))
		}
		// "RELATED - …", "MORE | …", but not "More-experienced troops …".
		if trimmed := strings.TrimLeft(rest, " "); trimmed != rest && trimmed != "" &&
			strings.ContainsRune("|>»–—-", firstRune(trimmed)) {
			return true
		}
		// "READ MORE Putin's …": the prefix in capitals, then the link.
		if capsPromo[p] && !endsSentence(t) && strings.HasPrefix(strings.ReplaceAll(t, "’", "'"), strings.ToUpper(p)+" ") {
			return true
		}
	}
	for _, p := range alwaysPromo {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, p := range promoPhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	for _, p := range callsToAction {
		if !strings.HasPrefix(l, p) {
			continue
		}
		for _, w := range words(l[len(p):]) {
			if promoWords[w] {
				return true
			}
		}
	}
	return false
}

// isNavigation reports navigation lines: "Skip to content",
// "Advertisement", breadcrumbs such as "Home > World > Europe".
func isNavigation(l string) bool {
	k := strings.Trim(l, " :.-–—|>»›•*")
	if navLines[k] {
		return true
	}
	for _, p := range navPrefixes {
		if strings.HasPrefix(k, p) && !endsSentence(l) && wordCount(l) <= 10 {
			return true
		}
	}
	return isBreadcrumb(l)
}

// isBreadcrumb reports lines like "Home > World > Europe".
func isBreadcrumb(l string) bool {
	if !strings.ContainsAny(l, ">»›") {
		return false
	}
	segs := strings.FieldsFunc(l, func(r rune) bool { return r == '>' || r == '»' || r == '›' })
	if len(segs) < 2 || len(segs) < 3 && strings.TrimSpace(segs[0]) != "home" {
		return false
	}
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if s == "" || wordCount(s) > 4 || strings.ContainsAny(s, ".!?") {
			return false
		}
	}
	return true
}

// isShare reports share and social lines: "Share this article",
// "Share on Facebook", "Tweet", "Facebook Twitter WhatsApp Email".
func isShare(l string) bool {
	if wordCount(l) > 12 {
		return false
	}
	ws := words(l)
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	key := false
	for _, w := range ws {
		switch {
		case shareKeys[w]:
			key = true
		case shareFiller[w] || isCount(w):
		default:
			return false
		}
	}
	return key
}

// isCount reports tokens like "12", "1.2k" or "3,400".
func isCount(w string) bool {
	w = strings.TrimSuffix(w, "k")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// isCopyright reports "© 2022 …", "Copyright 2022 …" and "All rights
// reserved" lines.
func isCopyright(t, l string) bool {
	if strings.HasPrefix(t, "©") {
		return true
	}
	if rest, ok := strings.CutPrefix(l, "copyright"); ok {
		rest = strings.TrimLeft(rest, " :")
		if strings.HasPrefix(rest, "©") || strings.HasPrefix(rest, "(c)") || startsWithDigit(rest) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(l, "(c) "); ok && startsWithDigit(rest) {
		return true
	}
	return strings.Contains(l, "all rights reserved") && wordCount(t) <= 30
}

// isByline reports bylines ("By John Smith, Defence Correspondent") and
// date lines ("Updated 12:30, 19 Feb 2022", "Published: …").
func isByline(t, l string) bool {
	if wordCount(t) > 20 {
		return false
	}
	return isByName(t) || isDateline(l)
}

func isByName(t string) bool {
	rest, ok := strings.CutPrefix(t, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(t, "BY ")
	}
	if !ok {
		return false
	}
	toks := strings.Fields(rest)
	last := 0 // number of tokens up to the end of the name
scan:
	for i, tok := range toks {
		w := strings.TrimRight(tok, ",|")
		f := fold(w)
		switch {
		case isCapitalised(w):
			if i == 0 && notNames[fold(trimPunct(w))] {
				return false
			}
			last = i + 1
		case i > 0 && (nameJoiners[f] || f == "and" || f == "&"):
		default:
			break scan
		}
		if w != tok { // a comma or bar ends the name
			break
		}
	}
	if last == 0 {
		return false
	}
	tail := strings.TrimSpace(strings.Join(toks[last:], " "))
	if tail == "" {
		return true
	}
	// After the name: ", Defence Correspondent", "| Updated …", "for
	// MailOnline", "in Kyiv". None of it may read as a sentence.
	prev := toks[last-1]
	sep := strings.ContainsRune(",|–—-•·", firstRune(tail)) || strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, "|")
	if !sep {
		switch firstWord(fold(tail)) {
		case "for", "in", "at":
		default:
			return false
		}
	}
	return !endsSentence(tail) && !hasFiniteVerb(tokens(tail))
}

// isDateline reports "Updated 12:30, 19 Feb 2022", "Published: 19 February
// 2022 | Updated: …", "Last updated 2 hours ago".
func isDateline(l string) bool {
	l = strings.Trim(l, "()[] ")
	if !datePrefixes[strings.TrimRight(firstWord(l), ":")] {
		return false
	}
	ws := words(l)
	if len(ws) < 2 || !datePrefixes[ws[0]] {
		return false
	}
	if (ws[0] == "last" || ws[0] == "first") && !datePrefixes[ws[1]] {
		return false
	}
	seen := false
	for i, w := range ws {
		switch {
		case datePrefixes[w] || i == 0:
		case dateWords[w] || timeZones[w]:
			seen = seen || months[w] || weekdays[w] || w == "ago"
		case startsWithDigit(w):
			seen = true
		default:
			return false
		}
	}
	return seen
}

// isCreditCaption reports captions that carry a photo credit: "Vladimir
// Putin (Image: Getty)", "Troops near the border. Photograph: Reuters",
// "… / Reuters", "FILE PHOTO: …", "Getty Images".
func isCreditCaption(t, l string) bool {
	n := wordCount(t)
	if n > 60 {
		return false
	}
	if strings.HasPrefix(t, "FILE PHOTO") || strings.HasPrefix(t, "FILE -") || strings.HasPrefix(t, "FILE:") {
		return true
	}
	for _, p := range captionPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, m := range creditMarkers {
		if endsSentence(t) {
			break
		}
		if i := strings.Index(l, m); i >= 0 && (i == 0 || l[i-1] == ' ' || l[i-1] == '(') {
			if n := wordCount(l[i+len(m):]); n >= 1 && n <= 8 {
				return true
			}
		}
	}
	if isCreditParen(t) {
		return true
	}
	return endsWithAgency(t, l)
}

// isCreditParen reports a line ending in a credit in brackets: "(Image:
// Getty)", "(AP Photo/Efrem Lukatsky)", "(Reuters)".
func isCreditParen(t string) bool {
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return false
	}
	inner := strings.TrimSpace(t[open+1 : len(t)-1])
	l := fold(inner)
	key, _, _ := strings.Cut(l, " ")
	key = strings.TrimRight(key, ":/,")
	if imageKeys[key] {
		return true
	}
	// A credit on a line of its own: "(Richard Lam/Canadian Press)".
	if open == 0 && strings.Contains(inner, "/") && wordCount(inner) <= 6 && !hasFiniteVerb(tokens(inner)) {
		return true
	}
	if !agencies[key] && !agencies[strings.TrimRight(l, ":/")] {
		return false
	}
	before := strings.TrimSpace(t[:open])
	return before != "" && !endsSentence(before) && wordCount(before) <= 25 && !hasFiniteVerb(tokens(before))
}

// endsWithAgency reports a line ending in a photo agency after a
// separator: "… / Reuters", "… | AFP via Getty Images", "… Getty Images",
// "… REUTERS/Maxim Shemetov".
func endsWithAgency(t, l string) bool {
	if i := strings.LastIndex(t, "REUTERS/"); i >= 0 && wordCount(t[i:]) <= 4 {
		return true
	}
	if i := strings.LastIndex(l, "ap photo/"); i >= 0 && wordCount(l[i:]) <= 5 {
		return true
	}
	for _, a := range trailingAgencies {
		before, ok := strings.CutSuffix(l, a)
		if !ok || before == l {
			continue
		}
		if before == "" {
			return distinctAgencies[a]
		}
		before = strings.TrimRight(before, " ")
		if len(before) == len(l)-len(a) { // glued to a word: "…Reuters"
			continue
		}
		if distinctAgencies[a] && !endsSentence(before) {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune("/|–—-:•©", r) {
			return true
		}
		if creditWords[lastWord(before)] {
			return true
		}
	}
	return false
}

// isTagged reports a teaser headline ending in a tag such as [INSIGHT],
// [VIDEO] or [PICS].
func isTagged(t string) bool {
	if !strings.HasSuffix(t, "]") {
		return false
	}
	open := strings.LastIndexByte(t, '[')
	if open < 0 {
		return false
	}
	tag := strings.TrimSpace(t[open+1 : len(t)-1])
	if tag == "" || len(tag) > 24 || strings.IndexFunc(tag, unicode.IsLower) >= 0 {
		return false
	}
	if teaserTags[tag] {
		return true
	}
	before := strings.TrimSpace(t[:open])
	letters := strings.IndexFunc(tag, unicode.IsLetter) >= 0
	return letters && len(tag) >= 3 && wordCount(before) >= 3 && !endsSentence(before)
}

// teaserLike reports whether a line under a promo header reads as a teaser
// link: tagged, or a short line that is not a sentence.
func teaserLike(t string) bool {
	if isTagged(t) {
		return true
	}
	return wordCount(t) <= 25 && !endsSentence(t) && !strings.HasSuffix(t, ":")
}

// headline holds what the caption rule compares lines with.
type headline struct {
	folded string          // the folded, whitespace-normalised headline
	words  map[string]bool // its content words
}

func newHeadline(title string) headline {
	h := headline{folded: fold(normalizeSpace(title)), words: make(map[string]bool)}
	for _, w := range contentWords(title) {
		h.words[w] = true
	}
	return h
}

// restatedBy reports whether t repeats the headline, or most of it.
func (h headline) restatedBy(t string) bool {
	if len(h.words) == 0 || wordCount(t) > 30 {
		return false
	}
	if fold(t) == h.folded {
		return true
	}
	ws := contentWords(t)
	if len(ws) < 3 {
		return false
	}
	shared := 0
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		if h.words[w] && !seen[w] {
			shared++
		}
		seen[w] = true
	}
	return shared*10 >= len(ws)*7 && shared*2 >= len(h.words)
}

// namesCaption reports a short line in sentence case with no verb that
// names a person or place in a scene: "Russian troops near the border",
// "Emmanuel Macron with Olaf Scholz in Berlin". Title-case lines are taken
// for headings and kept, and so are lines in brackets.
func namesCaption(t string) bool {
	if len(t) > 160 || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		return false
	}
	fields := strings.Fields(t)
	toks := tokens(t)
	if len(toks) < 3 || len(toks) > 16 || hasFiniteVerb(toks) {
		return false
	}
	names, scene, lower := 0, false, false
	start := true // the token starts a sentence or a list item
	i := 0        // index of the token in toks
	for _, f := range fields {
		tok := trimPunct(f)
		if tok == "" {
			continue
		}
		w := fold(tok)
		switch {
		case isName(tok) && utf8.RuneCountInString(tok) >= 2:
			if !start || i+1 < len(toks) && isName(toks[i+1]) || isDemonym(tok) {
				names++
			}
		case isLowerWord(tok) && utf8.RuneCountInString(tok) >= 4 && !functionWords[w]:
			lower = true
		}
		if sceneWords[w] || isLowerWord(tok) && len(w) >= 5 && strings.HasSuffix(w, "ing") {
			scene = true
		}
		if pronouns[w] {
			return false // "in his 1 1/2 seasons with Vancouver": a broken sentence
		}
		start = i == 0 && isListMarker(f) || strings.HasSuffix(f, ":")
		i++
	}
	return names >= 1 && scene && lower
}

// isListMarker reports a list marker such as "2.", "1)", "-" or "•".
func isListMarker(f string) bool {
	return f == "-" || f == "•" || f == "*" || f == "–" ||
		startsWithDigit(f) && (strings.HasSuffix(f, ".") || strings.HasSuffix(f, ")"))
}

// isNameLine reports a line that is nothing but a name of two to four
// capitalised words: "Vladimir Putin", "Ursula von der Leyen".
func isNameLine(t string) bool {
	if n := wordCount(t); n < 2 || n > 5 {
		return false
	}
	fields := strings.Fields(t)
	if len(fields) < 2 || len(fields) > 5 {
		return false
	}
	names := 0
	for i, f := range fields {
		switch {
		case isName(f) && strings.IndexFunc(f, notNameRune) < 0 && strings.IndexFunc(f, unicode.IsLower) >= 0:
			names++
		case isInitial(f):
		case i > 0 && i < len(fields)-1 && nameJoiners[f]:
		default:
			return false
		}
	}
	return names >= 2 && names <= 4
}

// isInitial reports an initial such as "W.".
func isInitial(f string) bool {
	r, size := utf8.DecodeRuneInString(f)
	return unicode.IsUpper(r) && f[size:] == "."
}

// notNameRune reports runes that do not occur in a name written out:
// "Putin's", "Jean-Luc", "W." pass, "Notes:", "Iran," and "2022" do not.
func notNameRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.'
}

// maxNameLines is how many name lines an article may hold for the name
// rule to apply; a page full of them is a list, not captions.
const maxNameLines = 8

// nameEvidence records how the words of the article's name lines are
// written elsewhere, to tell a person's or place's name ("Vladimir Putin")
// from a heading in title case ("Game Notes"): the words of a name are
// never written in lower case, and they occur again in the article.
type nameEvidence struct {
	words []string // words of the candidate name lines, without possessive
	lower []bool   // the word was seen starting with a lower-case letter
	upper []int    // capitalised occurrences of the word
}

// newNameEvidence gathers the evidence for every name line in units.
func newNameEvidence(title string, units []unit) *nameEvidence {
	e := &nameEvidence{}
	lines := 0
	for _, u := range units {
		if u.reason != "" || !isNameLine(u.text) {
			continue
		}
		if lines++; lines > maxNameLines {
			return &nameEvidence{}
		}
		for _, tok := range tokens(u.text) {
			if w := stripPossessive(tok); !nameJoiners[w] && e.index(w) < 0 {
				e.words = append(e.words, w)
			}
		}
	}
	e.lower = make([]bool, len(e.words))
	e.upper = make([]int, len(e.words))
	e.add(title)
	for _, u := range units {
		e.add(u.text)
	}
	return e
}

func (e *nameEvidence) index(w string) int {
	for i, x := range e.words {
		if strings.EqualFold(x, w) {
			return i
		}
	}
	return -1
}

// add records the words of s, without allocating.
func (e *nameEvidence) add(s string) {
	for s != "" {
		i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			return
		}
		s = s[i:]
		j := strings.IndexFunc(s, unicode.IsSpace)
		if j < 0 {
			j = len(s)
		}
		tok := trimPunct(s[:j])
		s = s[j:]
		k := e.index(stripPossessive(tok))
		switch {
		case k < 0:
		case isLowerWord(tok):
			e.lower[k] = true
		case isCapitalised(tok):
			e.upper[k]++
		}
	}
}

// proper reports whether every word of the name line t is only ever
// capitalised in the article, and some word of it occurs again outside t.
func (e *nameEvidence) proper(t string) bool {
	again := false
	for _, tok := range tokens(t) {
		k := e.index(stripPossessive(tok))
		if k < 0 {
			if nameJoiners[tok] {
				continue
			}
			return false
		}
		if e.lower[k] {
			return false
		}
		if e.upper[k] >= 2 {
			again = true
		}
	}
	return again
}

// stripPossessive drops a possessive ending: "Putin's" -> "Putin".
func stripPossessive(tok string) string {
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if w, ok := strings.CutSuffix(tok, s); ok {
			return w
		}
	}
	return tok
}

// isName reports a capitalised word that is not a common function word:
// "Putin", "Kyiv", "Putin's".
func isName(tok string) bool {
	if !isCapitalised(tok) {
		return false
	}
	if strings.IndexFunc(tok, unicode.IsLower) < 0 && utf8.RuneCountInString(tok) > 4 {
		return false // an all-capitals word longer than an acronym
	}
	return !notNames[fold(tok)]
}

func isDemonym(tok string) bool {
	w := fold(tok)
	for _, s := range []string{"ian", "ean", "ese", "ish", "ch", "an", "i"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}

// hasFiniteVerb guesses whether tokens contain a finite verb, from a list
// of common verbs and auxiliaries, contractions, past-tense "-ed" words and
// subject pronouns. It errs towards yes, which keeps a line.
func hasFiniteVerb(toks []string) bool {
	for i, tok := range toks {
		w := fold(tok)
		if finiteVerbs[w] || subjectPronouns[w] {
			return true
		}
		for _, s := range []string{"n't", "'re", "'ve", "'ll", "'m", "'d"} {
			if strings.HasSuffix(w, s) {
				return true
			}
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok && (subjectPronouns[base] || base == "that" || base == "there" || base == "what" || base == "who" || base == "here") {
			return true
		}
		if isLowerWord(tok) && len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.Contains(w, "-") && !edAdjectives[w] {
			return true
		}
		// "Putin meets …", "Amazon discounts …": a name, then a word in -s.
		if i > 0 && isPresentS(tok) && isName(toks[i-1]) && !isDemonym(toks[i-1]) {
			return true
		}
	}
	return false
}

// isPresentS reports a lowercase word that may be a verb in the present
// tense: "meets", "discounts", but not "glass", "bus" or "crisis".
func isPresentS(tok string) bool {
	if !isLowerWord(tok) || len(tok) < 4 || !strings.HasSuffix(tok, "s") {
		return false
	}
	for _, s := range []string{"ss", "us", "is", "'s", "’s"} {
		if strings.HasSuffix(tok, s) {
			return false
		}
	}
	return true
}

// contentWords returns the lowercased words of s without function words.
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		w = strings.TrimSuffix(w, "'s")
		if len(w) >= 2 && !functionWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// fold lowercases s and maps typographic quotes to plain ones.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', '`', '´':
			return '\''
		case '“', '”', '„':
			return '"'
		}
		return unicode.ToLower(r)
	}, s)
}

// tokens splits s on white space and trims punctuation around each token,
// keeping inner apostrophes and hyphens.
func tokens(s string) []string {
	fs := strings.Fields(s)
	out := fs[:0]
	for _, f := range fs {
		if f = trimPunct(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// words returns the folded tokens of s.
func words(s string) []string {
	ts := tokens(s)
	for i, t := range ts {
		ts[i] = fold(t)
	}
	return ts
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) && r != '@' && r != '#' || unicode.IsSymbol(r)
	})
}

func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// terminal returns the last rune of t that is not a closing quote, bracket
// or space.
func terminal(t string) rune {
	for t != "" {
		r, size := utf8.DecodeLastRuneInString(t)
		if !strings.ContainsRune("\"'”’»)]}* ", r) {
			return r
		}
		t = t[:len(t)-size]
	}
	return 0
}

// endsSentence reports whether t ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(t string) bool {
	return strings.ContainsRune(".!?…", terminal(t))
}

// protectedEnd reports whether t ends with punctuation that marks it as
// running text: a sentence end, or a colon, semicolon or comma.
func protectedEnd(t string) bool {
	return strings.ContainsRune(".!?…:;,", terminal(t))
}

// quoteEdge reports whether t starts or ends with a quotation mark.
func quoteEdge(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("\"'“”‘’«»„", first) || strings.ContainsRune("\"'”’»“", last)
}

func lastChar(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

func isCapitalised(s string) bool {
	return unicode.IsUpper(firstRune(s))
}

func isLowerWord(s string) bool {
	return unicode.IsLower(firstRune(s))
}

func startsWithDigit(s string) bool {
	return unicode.IsDigit(firstRune(s))
}

// isFunctionWord reports a lowercase function word, which cannot end a
// sentence, so a line ending in one continues on the next line.
func isFunctionWord(w string) bool {
	return isLowerWord(w) && trailingWords[w]
}
