package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/quantities"
)

// findCues returns the speech verbs of every sentence outside direct
// quotes, in text order, with the clause each governs, its speaker and its
// medium.
func (d *doc) findCues() []cue {
	var out []cue
	for si := range d.sents {
		toks := d.sents[si].Tokens
		n := 0
		if c, ok := d.colonLabel(si); ok {
			out = append(out, c)
			n++
		}
		for ti := range toks {
			if n >= maxCuesPerSentence {
				break
			}
			tk := &toks[ti]
			if d.quoteAt(tk.Start) >= 0 {
				continue
			}
			c, ok := d.cueAt(si, ti)
			if !ok {
				continue
			}
			n++
			out = append(out, c)
		}
	}
	return out
}

// cueAt builds the cue at token ti of sentence si when it is one.
func (d *doc) cueAt(si, ti int) (cue, bool) {
	toks := d.sents[si].Tokens
	tk := &toks[ti]
	lower := strings.ToLower(tk.Text)
	if lower == "according" && ti+1 < len(toks) && strings.EqualFold(toks[ti+1].Text, "to") {
		return d.accordingTo(si, ti)
	}
	lemma := strings.ToLower(tk.Lemma)
	if tk.UPOS != "VERB" {
		// A tagger may take "notes" or "tells" after a quote for a noun:
		// "“...,” Smith notes."
		l, ok := d.mistaggedCue(si, ti)
		if !ok {
			return cue{}, false
		}
		lemma = l
	}
	class, ok := d.f.lex[lemma]
	if !ok {
		if !d.governsQuote(si, ti) {
			return cue{}, false
		}
		class = classSpeech // "“...,” she shot back"
	}
	c := cue{at: tokRef{si, ti}, end: ti, text: tk.Text}
	// The clause the verb governs: its complement clause, or, when the
	// verb is an inserted "he said", the clause it was inserted into.
	if cc := d.child(si, ti, "ccomp"); cc >= 0 {
		c.content = d.clause(si, cc, -1)
	} else if cc := d.colonClause(si, ti); cc >= 0 {
		c.content = d.clause(si, cc, -1)
	} else if cc := d.child(si, ti, "xcomp"); cc >= 0 && class == classSpeech && cc > ti {
		c.content = d.clause(si, cc, -1) // "pledged to oppose ..."
	} else if !needsClause(class) && (tk.Rel == "parataxis" || tk.Rel == "ccomp" && tk.Head > ti) && tk.Head >= 0 {
		c.content = d.clause(si, tk.Head, ti)
		if lo := d.attributionStart(si, ti); lo >= 0 {
			// the attribution's words before its verb are never content,
			// however the parse hung them ("…, radar images suggest.")
			_, hi := d.subtree(si, ti)
			c.content = d.clauseWithout(si, tk.Head, lo, max(hi, ti))
		}
	} else if !needsClause(class) && d.child(si, ti, "obj") < 0 && d.child(si, ti, "xcomp") < 0 {
		c.content = d.beforeComma(si, ti)
	}
	if len(c.content) == 0 && !needsClause(class) {
		if h, ok := d.subjectOf(si, ti); ok && h < ti {
			c.content = d.clauseAfter(si, ti)
		}
	}
	if needsClause(class) && len(c.content) == 0 {
		return cue{}, false
	}
	c.words = countWordsSpans(d.text, c.content)
	if c.words < minReportedWords {
		c.content, c.words = nil, 0
	}
	if len(c.content) == 0 && !d.nearQuote(si) {
		return cue{}, false // neither reports nor introduces anything
	}
	if h, ok := d.subjectOf(si, ti); ok {
		d.setSpeaker(&c, si, h)
	}
	c.medium = d.mediumOf(si, ti)
	return c, true
}

// needsClause reports whether verbs of class are cues only with a
// complement clause of their own ("a poll shows that ...", "he believes
// that ...").
func needsClause(class string) bool { return class == classEvidence || class == classThought }

// mistaggedCue returns the lemma of a speech verb in -s that the tagger
// did not take for a verb, when it stands right after a quote and its
// speaker: "“...,” Smith notes".
func (d *doc) mistaggedCue(si, ti int) (string, bool) {
	toks := d.sents[si].Tokens
	lower := strings.ToLower(toks[ti].Text)
	if !strings.HasSuffix(lower, "s") || ti < 2 {
		return "", false
	}
	lemma := strings.TrimSuffix(lower, "s")
	if c, ok := d.f.lex[lemma]; !ok || c != classSpeech && c != classWritten {
		lemma = strings.TrimSuffix(lower, "es")
		if c, ok := d.f.lex[lemma]; !ok || c != classSpeech && c != classWritten {
			return "", false
		}
	}
	// Before it: a name or pronoun, then a closing quote mark.
	j := ti - 1
	for j >= 0 && (toks[j].UPOS == "PROPN" || toks[j].UPOS == "PRON" || toks[j].UPOS == "NOUN" || toks[j].UPOS == "DET") && ti-j <= 4 {
		j--
	}
	if j == ti-1 || j < 0 {
		return "", false
	}
	for ; j >= 0 && j >= ti-7; j-- {
		if d.quoteAt(toks[j].Start) >= 0 {
			return lemma, true
		}
		if !isPunct(&toks[j]) {
			return "", false
		}
	}
	return "", false
}

// governsQuote reports whether the verb at ti takes a direct quote as its
// clause or object, or is inserted into one ("“...,” he shot back").
func (d *doc) governsQuote(si, ti int) bool {
	toks := d.sents[si].Tokens
	for _, k := range d.kids[si][ti] {
		switch toks[k].Rel {
		case "ccomp", "parataxis", "obj", "dep", "xcomp":
			if d.quoteAt(toks[k].Start) >= 0 {
				return true
			}
		}
	}
	switch toks[ti].Rel {
	case "parataxis", "ccomp":
		if h := toks[ti].Head; h >= 0 && h < len(toks) && d.quoteAt(toks[h].Start) >= 0 {
			return true
		}
	}
	return false
}

// Labels before a colon that do not name a speaker.
var notSpeakerLabels = map[string]bool{
	"update": true, "updated": true, "note": true, "editor's note": true, "editor’s note": true,
	"watch": true, "read more": true, "related": true, "photo": true, "photos": true, "video": true,
	"source": true, "sources": true, "correction": true, "disclosure": true, "warning": true,
	"click here": true, "read": true, "listen": true, "see": true, "also": true, "more": true,
	"breaking": true, "exclusive": true, "analysis": true, "opinion": true, "poll": true,
}

// labelGlue are lowercase words allowed inside a speaker label ("Former AG
// Mukasey at RNC").
var labelGlue = map[string]bool{"of": true, "at": true, "the": true, "and": true, "for": true, "in": true, "de": true, "on": true}

// colonLabel finds a speaker label that opens the paragraph of sentence si
// and ends in a colon: a transcript ("TAPPER: Do you think ...") or a
// headline ("Graham: Trump Is Destroying the Party"). The rest of the
// paragraph is the content: direct in a transcript (the label in capitals),
// reported otherwise.
func (d *doc) colonLabel(si int) (cue, bool) {
	sp := d.sents[si].Span
	pi := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].end > sp.Start })
	if pi >= len(d.paras) || firstNonSpace(d.text, d.paras[pi].start, d.paras[pi].end) != firstNonSpace(d.text, sp.Start, sp.End) {
		return cue{}, false
	}
	toks := d.sents[si].Tokens
	colon := -1
	for j := 0; j < len(toks) && j <= 8; j++ {
		if toks[j].Text == ":" {
			colon = j
			break
		}
	}
	if colon < 1 || colon+1 >= len(toks) || toks[colon+1].Start == toks[colon].End {
		return cue{}, false // "10:30" or nothing after
	}
	words := 0
	for j := 0; j < colon; j++ {
		t := toks[j].Text
		r := []rune(t)
		if len(r) == 0 || d.quoteAt(toks[j].Start) >= 0 || kindOf(r[0]) != notMark {
			return cue{}, false
		}
		if isPunct(&toks[j]) {
			continue
		}
		words++
		if !unicode.IsUpper(r[0]) && !(labelGlue[t] && j > 0 && j < colon-1) && t != "'s" && t != "’s" {
			return cue{}, false
		}
	}
	label := d.text[toks[0].Start:toks[colon-1].End]
	if words == 0 || words > 6 || notSpeakerLabels[strings.ToLower(label)] {
		return cue{}, false
	}
	end := d.paras[pi].end
	content := trimSpan(d.text, toks[colon].End, end)
	// Take the speaker's words, not a closing quote mark or full stop.
	c := cue{at: tokRef{si, colon}, end: colon, text: ":"}
	c.content = []span{content}
	c.words = countWords(d.text, content.start, content.end)
	if c.words < minReportedWords {
		return cue{}, false
	}
	h := colon - 1
	for h > 0 && isPunct(&toks[h]) {
		h--
	}
	c.spk = span{toks[0].Start, toks[h].End}
	c.hasSpk = true
	c.speaker = d.resolve(si, h, 0, h)
	c.transcript = strings.ToUpper(label) == label
	return c, true
}

// clauseAfter is the reported clause after the verb when the parser broke
// it up: "Cruz says Obama's new actions aren't worth the paper" parsed
// with a second subject or an adverbial clause hanging from "says". It
// runs from after the verb (and the addressee of "told") to the end of the
// sentence.
func (d *doc) clauseAfter(si, ti int) []span {
	toks := d.sents[si].Tokens
	clausal := false
	start := ti + 1
	for _, k := range d.kids[si][ti] {
		if k <= ti {
			continue
		}
		switch r := toks[k].Rel; {
		case strings.HasPrefix(r, "nsubj"), r == "advcl", r == "parataxis", r == "dep":
			clausal = true
		case r == "iobj" || r == "obj" && addresseeVerb(toks[ti].Lemma):
			_, hi := d.subtree(si, k)
			start = max(start, hi+1)
		}
	}
	if !clausal || start >= len(toks) {
		return nil
	}
	for j := start; j < len(toks); j++ {
		if d.quoteAt(toks[j].Start) >= 0 {
			return nil // a quote after the verb is linked on its own
		}
	}
	return d.tokenSpans(si, start, len(toks)-1, -1, -1)
}

// beforeComma is the reported clause of a sentence that ends in its
// attribution when the parse missed it: "The plan failed, a spokesman
// said." gives "The plan failed". The attribution after the comma holds
// no other verb before the cue.
func (d *doc) beforeComma(si, ti int) []span {
	toks := d.sents[si].Tokens
	cm := -1
	for j := ti - 1; j >= 0 && j >= ti-10; j-- {
		if toks[j].Text == "," {
			cm = j
			break
		}
		if toks[j].UPOS == "VERB" || d.quoteAt(toks[j].Start) >= 0 {
			return nil
		}
	}
	if cm < 2 {
		return nil
	}
	// Only a short tail after the cue: "..., said Jane Doe, a spokeswoman."
	if len(toks)-ti > 14 {
		return nil
	}
	for j := ti + 1; j < len(toks); j++ {
		if toks[j].UPOS == "VERB" && toks[j].Rel != "acl" && toks[j].Rel != "acl:relcl" {
			return nil
		}
	}
	return d.tokenSpans(si, 0, cm-1, -1, -1)
}

// nearQuote reports whether sentence si holds or touches a direct quote.
func (d *doc) nearQuote(si int) bool {
	sp := d.sents[si].Span
	i := sort.Search(len(d.pieces), func(i int) bool { return d.pieces[i].end > sp.Start })
	return i < len(d.pieces) && d.pieces[i].start < sp.End
}

// accordingTo builds the cue of "according to X": X is the speaker and the
// rest of the clause X's phrase attaches to is the content.
func (d *doc) accordingTo(si, ti int) (cue, bool) {
	toks := d.sents[si].Tokens
	c := cue{at: tokRef{si, ti}, end: ti + 1, text: d.text[toks[ti].Start:toks[ti+1].End]}
	x := toks[ti].Head
	if toks[ti].Rel != "case" || x < 0 || x >= len(toks) || x <= ti {
		// Find the noun after "to" ourselves.
		x = -1
		for j := ti + 2; j < len(toks) && j < ti+6; j++ {
			if toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN" || toks[j].UPOS == "PRON" {
				x = j
			}
			if toks[j].UPOS == "PUNCT" {
				break
			}
		}
		if x < 0 {
			return cue{}, false
		}
	}
	d.setSpeaker(&c, si, x)
	// Content: the clause X attaches to, without X's phrase.
	v := toks[x].Head
	for n := 0; n < len(toks) && v >= 0 && v < len(toks) && toks[v].Head >= 0 && (toks[v].UPOS == "NOUN" || toks[v].UPOS == "PROPN") && toks[v].Rel != "root"; n++ {
		v = toks[v].Head // bounded: a broken parse may hold a cycle
	}
	if v < 0 || v >= len(toks) {
		v = rootOf(toks)
	}
	if v >= 0 {
		c.content = d.clauseWithout(si, v, ti, d.subtreeEnd(si, x))
	}
	c.words = countWordsSpans(d.text, c.content)
	if c.words < minReportedWords {
		return cue{}, false
	}
	return c, true
}

func rootOf(toks []model.Token) int {
	for i := range toks {
		if toks[i].Head < 0 {
			return i
		}
	}
	return -1
}

// child returns the first child of token ti with relation rel (or a
// subtype of it), -1 when none.
func (d *doc) child(si, ti int, rel string) int {
	for _, k := range d.kids[si][ti] {
		r := d.sents[si].Tokens[k].Rel
		if r == rel || strings.HasPrefix(r, rel+":") {
			return k
		}
	}
	return -1
}

// colonClause finds a clause introduced after the verb by a colon ("said:
// ..."), which parsers attach as parataxis or obj.
func (d *doc) colonClause(si, ti int) int {
	toks := d.sents[si].Tokens
	for _, k := range d.kids[si][ti] {
		if k <= ti || (toks[k].Rel != "parataxis" && toks[k].Rel != "obj" && toks[k].Rel != "dep") {
			continue
		}
		for j := ti + 1; j < k && j < ti+6; j++ {
			if toks[j].Text == ":" {
				return k
			}
		}
	}
	return -1
}

// subtree returns the token range [lo, hi] of the subtree of ti.
func (d *doc) subtree(si, ti int) (int, int) {
	lo, hi := ti, ti
	stack := []int{ti}
	seen := 0
	for len(stack) > 0 && seen <= len(d.sents[si].Tokens) {
		seen++
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, k), max(hi, k)
		stack = append(stack, d.kids[si][k]...)
	}
	return lo, hi
}

func (d *doc) subtreeEnd(si, ti int) int {
	_, hi := d.subtree(si, ti)
	return hi
}

// clause returns the byte spans of the subtree of head without the subtree
// of skip (-1 for none), trimmed of punctuation at both ends.
func (d *doc) clause(si, head, skip int) []span {
	lo, hi := d.subtree(si, head)
	if skip < 0 {
		return d.tokenSpans(si, lo, hi, -1, -1)
	}
	slo, shi := d.subtree(si, skip)
	// The attribution's own subject sits before the verb in "X, he
	// said"; take it out with the verb.
	return d.tokenSpans(si, lo, hi, slo, shi)
}

// clauseWithout is clause without the token range [cutLo, cutHi].
func (d *doc) clauseWithout(si, head, cutLo, cutHi int) []span {
	lo, hi := d.subtree(si, head)
	return d.tokenSpans(si, lo, hi, cutLo, cutHi)
}

// tokenSpans returns the byte spans of tokens lo..hi without the range
// cutLo..cutHi, each trimmed of punctuation at its ends.
func (d *doc) tokenSpans(si, lo, hi, cutLo, cutHi int) []span {
	toks := d.sents[si].Tokens
	if de := d.datelineEnd(si); de > 0 && lo < de {
		lo = de
		if cutLo >= 0 && cutLo < lo {
			cutLo = lo
		}
	}
	var out []span
	if lo > hi {
		return nil
	}
	add := func(a, b int) {
		for a <= b && isPunct(&toks[a]) {
			a++
		}
		for b >= a && isPunct(&toks[b]) {
			b--
		}
		if a > b {
			return
		}
		// Keep the closing mark of a quote the clause opens: `would be
		// "enormous"`, not `would be "enormous`.
		if open := d.unbalanced(toks[a].Start, toks[b].End); open {
			for j := b + 1; j < len(toks) && j <= b+2; j++ {
				r, _ := utf8.DecodeRuneInString(toks[j].Text)
				if k := kindOf(r); k == closeMark || k == straightMark || toks[j].Text == "''" {
					b = j
					break
				}
			}
		}
		out = append(out, span{toks[a].Start, toks[b].End})
	}
	if cutLo < 0 || cutHi < lo || cutLo > hi {
		add(lo, hi)
		return out
	}
	if cutLo > lo {
		add(lo, cutLo-1)
	}
	if cutHi < hi {
		add(cutHi+1, hi)
	}
	return out
}

// unbalanced reports whether text[lo:hi] opens a quote it does not close.
func (d *doc) unbalanced(lo, hi int) bool {
	n := 0
	for _, r := range d.text[lo:hi] {
		switch kindOf(r) {
		case openMark:
			n++
		case closeMark:
			n--
		case straightMark:
			if n > 0 {
				n--
			} else {
				n++
			}
		}
	}
	return n > 0
}

func isPunct(t *model.Token) bool {
	if t.UPOS == "PUNCT" || t.UPOS == "SYM" {
		return true
	}
	for _, r := range t.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// subjectOf finds the speaker token of the verb at ti: its subject, or the
// subject of the verb it is coordinated with or subordinated to ("..., he
// said and added", "..., saying"). A relative pronoun gives its antecedent
// ("Smith, who said"). A subject the parser found inside a direct quote or
// a time word ("said Wednesday") is not taken; then the nominal next to
// the verb is ("..., says Smith", "..., he adds").
func (d *doc) subjectOf(si, ti int) (int, bool) {
	if h, ok := d.parsedSubject(si, ti); ok && d.goodSpeaker(si, h) {
		// "Warren said Trump was ...": a parser may take the subject of
		// the reported clause for the speaker; a nominal right before
		// the verb is the speaker then.
		if h > ti {
			if l, ok := d.leftSubject(si, ti); ok {
				return l, true
			}
			// "... criticized X and said allies wanted ...": the
			// subject of the first verb.
			toks := d.sents[si].Tokens
			if toks[ti].Rel == "conj" && toks[ti].Head >= 0 && toks[ti].Head < ti {
				if g, ok := d.parsedSubject(si, toks[ti].Head); ok && g < toks[ti].Head && d.goodSpeaker(si, g) {
					return g, true
				}
				if g, ok := d.leftSubject(si, toks[ti].Head); ok {
					return g, true
				}
			}
		}
		return h, true
	}
	return d.adjacentSubject(si, ti)
}

func (d *doc) parsedSubject(si, ti int) (int, bool) {
	toks := d.sents[si].Tokens
	v := ti
	for hop := 0; hop <= maxSpeakerHops; hop++ {
		// When the parser gave the verb two subjects ("Rebel shelling
		// wounded two, the army said"), the one nearer the verb is its own.
		subj := -1
		for _, k := range d.kids[si][v] {
			r := toks[k].Rel
			if (r == "nsubj" || r == "nsubj:outer") && (subj < 0 || abs(k-v) < abs(subj-v)) {
				subj = k
			}
		}
		if subj >= 0 {
			if isRelative(&toks[subj]) && strings.HasPrefix(toks[v].Rel, "acl") && toks[v].Head >= 0 {
				return toks[v].Head, true
			}
			return subj, true
		}
		// The agent of a passive verb ("was told by X").
		for _, k := range d.kids[si][v] {
			if toks[k].Rel == "obl:agent" {
				return k, true
			}
		}
		rel := toks[v].Rel
		h := toks[v].Head
		if h < 0 || h >= len(toks) {
			break
		}
		switch rel {
		case "conj", "xcomp", "advcl", "advcl:relcl":
			v = h
		case "acl":
			if toks[h].UPOS == "NOUN" || toks[h].UPOS == "PROPN" {
				return h, true // "a statement saying ..."
			}
			return 0, false
		default:
			return 0, false
		}
	}
	return 0, false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isRelative(t *model.Token) bool {
	switch strings.ToLower(t.Text) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// timeWords are nouns a parser may take for the subject of "said".
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "week": true,
	"month": true, "year": true, "weekend": true, "day": true, "time": true,
}

// datelineEnd returns the index of the first token after a dateline that
// opens sentence si ("NEW YORK (AP) —", "WASHINGTON —"), 0 when there is
// none.
func (d *doc) datelineEnd(si int) int {
	toks := d.sents[si].Tokens
	caps := false
	for j := 0; j < len(toks) && j < 10; j++ {
		t := toks[j].Text
		if t == "—" || t == "--" || t == "–" {
			if caps {
				return j + 1
			}
			return 0
		}
		if len(t) > 1 && strings.ToUpper(t) == t && strings.ToLower(t) != t {
			caps = true
		}
	}
	return 0
}

// goodSpeaker reports whether token h may head a speaker: outside direct
// quotes, a nominal, not a time word or a relative pronoun.
func (d *doc) goodSpeaker(si, h int) bool {
	tk := &d.sents[si].Tokens[h]
	if d.quoteAt(tk.Start) >= 0 || h < d.datelineEnd(si) {
		return false
	}
	if timeWords[strings.ToLower(tk.Text)] || quantities.IsUnit(strings.ToLower(tk.Text)) || isRelative(tk) {
		return false
	}
	switch tk.UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X":
		return true
	case "ADJ":
		// "the official", "the accused": a subject the tagger took for
		// an adjective.
		return strings.HasPrefix(tk.Rel, "nsubj")
	}
	return false
}

// adjacentSubject finds the speaker next to the verb at ti: the nominal
// just before it (skipping auxiliaries and adverbs), else the one just
// after it (skipping adverbs and time words).
func (d *doc) adjacentSubject(si, ti int) (int, bool) {
	toks := d.sents[si].Tokens
	if l, ok := d.leftSubject(si, ti); ok {
		return l, true
	}
	for j := ti + 1; j < len(toks) && j <= ti+4; j++ {
		tk := &toks[j]
		if tk.UPOS == "ADV" || timeWords[strings.ToLower(tk.Text)] {
			continue
		}
		if (nominal(tk) || tk.UPOS == "DET" || tk.UPOS == "ADJ") && d.quoteAt(tk.Start) < 0 {
			// Walk to the end of the noun phrase that starts here.
			k := j
			for k+1 < len(toks) && (toks[k].UPOS == "DET" || toks[k].UPOS == "ADJ" || toks[k].UPOS == "PROPN" && toks[k+1].UPOS == "PROPN" || toks[k].UPOS == "NOUN" && (toks[k+1].UPOS == "NOUN" || toks[k+1].UPOS == "PROPN")) {
				k++
			}
			if nominal(&toks[k]) && d.goodSpeaker(si, k) {
				top := d.nominalTop(si, k)
				if r := toks[top].Rel; toks[top].Head == ti && (r == "iobj" || r == "obj" && addresseeVerb(toks[ti].Lemma)) {
					return 0, false // the addressee: "told reporters"
				}
				return top, true
			}
		}
		break
	}
	return 0, false
}

// leftSubject finds the nominal just before the verb at ti, skipping
// auxiliaries and adverbs.
func (d *doc) leftSubject(si, ti int) (int, bool) {
	toks := d.sents[si].Tokens
	for j := ti - 1; j >= 0 && j >= ti-4; j-- {
		tk := &toks[j]
		if tk.UPOS == "AUX" || tk.UPOS == "ADV" || tk.UPOS == "PART" {
			continue
		}
		if nominal(tk) && d.goodSpeaker(si, j) {
			return d.nominalTop(si, j), true
		}
		break
	}
	return 0, false
}

// nominalTop climbs from a word of a name or noun compound to its head,
// a neighbour outside quotes.
func (d *doc) nominalTop(si, j int) int {
	toks := d.sents[si].Tokens
	for n := 0; n < 4; n++ {
		r := toks[j].Rel
		h := toks[j].Head
		if h < 0 || h >= len(toks) || !(r == "flat" || r == "compound" || r == "nmod:desc" || strings.HasPrefix(r, "flat:")) {
			break
		}
		if h-j > 3 || j-h > 3 || d.quoteAt(toks[h].Start) >= 0 {
			break
		}
		j = h
	}
	return j
}

// phrase returns the token range of the noun phrase headed by h, without
// relative clauses, appositions after a comma, or anything else the phrase
// carries past a comma.
func (d *doc) phrase(si, h int) (int, int) {
	toks := d.sents[si].Tokens
	lo, hi := d.subtree(si, h)
	for j := h + 1; j <= hi; j++ {
		if toks[j].UPOS == "ADP" && j+1 <= hi && (timeWords[strings.ToLower(toks[j+1].Text)] || j+2 <= hi && timeWords[strings.ToLower(toks[j+2].Text)]) {
			hi = j - 1 // "Mayor Ana Ruiz on Monday"
			break
		}
		if toks[j].Text == "," || toks[j].Text == "(" || toks[j].Text == "—" || toks[j].Text == "–" {
			hi = j - 1
			break
		}
		if toks[j].Rel == "acl:relcl" || toks[j].Rel == "acl" {
			hi = j - 1
			break
		}
	}
	for j := h - 1; j >= lo; j-- {
		if toks[j].Text == "," || toks[j].Text == "(" {
			lo = j + 1
			break
		}
	}
	for hi > h && isPunct(&toks[hi]) {
		hi--
	}
	for lo < h && isPunct(&toks[lo]) {
		lo++
	}
	return lo, hi
}

// mediumOf returns who the verb at ti was said to: its indirect object or
// the object of "tell", a "to" phrase ("said to reporters"), or the outlet
// of "in an interview with CNN" and "said on Fox News".
func (d *doc) mediumOf(si, ti int) *string {
	toks := d.sents[si].Tokens
	addressee := addresseeVerb(toks[ti].Lemma)
	for _, k := range d.kids[si][ti] {
		tk := &toks[k]
		switch {
		case tk.Rel == "iobj", tk.Rel == "obj" && addressee && nominal(tk):
			return d.nominalText(si, k)
		case tk.Rel == "obl" || strings.HasPrefix(tk.Rel, "obl:"):
			cs := d.caseOf(si, k)
			switch cs {
			case "to":
				if nominal(tk) {
					return d.nominalText(si, k)
				}
			case "in", "during":
				// "in an interview with CNN"
				for _, g := range d.kids[si][k] {
					if (toks[g].Rel == "nmod" || strings.HasPrefix(toks[g].Rel, "nmod:")) && d.caseOf(si, g) == "with" {
						return d.nominalText(si, g)
					}
				}
			case "on":
				if tk.UPOS == "PROPN" {
					return d.nominalText(si, k)
				}
			}
		}
	}
	return nil
}

// addresseeVerb reports whether the object of the verb is who is spoken
// to ("told reporters", "warned the council").
func addresseeVerb(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "tell", "inform", "assure", "reassure", "advise", "warn", "remind", "brief", "ask", "urge", "email", "text":
		return true
	}
	return false
}

func nominal(t *model.Token) bool {
	return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON"
}

// caseOf returns the lowercased preposition of the nominal at k.
func (d *doc) caseOf(si, k int) string {
	toks := d.sents[si].Tokens
	for _, g := range d.kids[si][k] {
		if toks[g].Rel == "case" {
			return strings.ToLower(toks[g].Text)
		}
	}
	return ""
}

// nominalText is the phrase of the nominal at k without its determiner or
// preposition: "the BBC" gives "BBC".
func (d *doc) nominalText(si, k int) *string {
	toks := d.sents[si].Tokens
	lo, hi := d.phrase(si, k)
	for lo < k && (toks[lo].Rel == "case" || toks[lo].Rel == "det" || toks[lo].UPOS == "DET" || toks[lo].UPOS == "ADP") {
		lo++
	}
	return model.StrPtr(d.text[toks[lo].Start:toks[hi].End])
}

// attributionStart returns the first token of the noun phrase between the
// comma before an inserted or closing attribution verb ti and the verb
// ("…, radar images suggest"), or -1 when another kind of word lies there.
func (d *doc) attributionStart(si, ti int) int {
	toks := d.sents[si].Tokens
	for j := ti - 1; j >= 0 && ti-j <= 8; j-- {
		switch toks[j].UPOS {
		case "PUNCT":
			if toks[j].Text == "," && j < ti-1 {
				return j + 1
			}
			return -1
		case "NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON":
		default:
			return -1
		}
	}
	return -1
}
