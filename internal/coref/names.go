package coref

import (
	"strings"
	"unicode"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// translitFold maps letter groups that English transliterations of the
// same name spell differently to one spelling. A Replacer is immutable.
var translitFold = strings.NewReplacer("kh", "h", "ou", "u", "ee", "i", "j", "y", "w", "v", "ff", "v", "ph", "f", "q", "k", "dh", "d")

// Words skipped when building an acronym ("European Aeronautic Defence and
// Space Company" is EADSC or EADS).
var acronymSkip = map[string]bool{"and": true, "of": true, "the": true, "for": true, "&": true, "de": true, "du": true}

func isPossessive(t string) bool {
	switch t {
	case "'s", "’s", "'", "’", "s'":
		return true
	}
	return false
}

// isTitle reports whether a token is a title word written before a name.
func (w *work) isTitle(text string) bool {
	f := fold(text)
	if _, ok := w.r.lx.titles[f]; !ok {
		return false
	}
	return isCapitalised(text) || f == "former" || f == "ex"
}

// classOf groups entity types that may share a cluster.
func classOf(typ string, person bool) string {
	switch {
	case person || typ == "PERSON":
		return "per"
	case typ == "ORG", typ == "GPE", typ == "LOC", typ == "FAC":
		return "ent"
	}
	return typ
}

// nameWords folds the words of a name for comparison, dropping punctuation,
// a leading "the" and final words in suffix (company suffixes, for
// organisations).
func nameWords(text string, suffix map[string]bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(fold(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == ',' || r == '(' || r == ')' || r == '"' || r == '/'
	}) {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "'")
		if f == "" || len(out) >= maxNameTokens {
			continue
		}
		out = append(out, f)
	}
	if len(out) > 1 && out[0] == "the" {
		out = out[1:]
	}
	for len(out) > 1 && suffix[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	for len(out) > 1 && (out[len(out)-1] == "jr" || out[len(out)-1] == "sr" || out[len(out)-1] == "ii" || out[len(out)-1] == "iii") {
		out = out[:len(out)-1]
	}
	return out
}

// acronym returns the initials of a name of two or more words.
func acronym(words []string) string {
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, wd := range words {
		if acronymSkip[wd] {
			continue
		}
		r := []rune(wd)
		if len(r) > 0 && unicode.IsLetter(r[0]) {
			b.WriteRune(r[0])
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// addName resolves the named entity ents[ei], tokens [st, en) of sentence si.
func (w *work) addName(si, ei, st, en int, covered []bool) {
	s := &w.sents[si]
	e := &w.ents[ei]
	typ := e.Type
	var g Gender
	var titles []string
	honorific := false
	noteTitle := func(text string) {
		f := fold(text)
		titles = append(titles, f)
		if tg := w.r.lx.titles[f]; tg != GenderUnknown {
			g, honorific = tg, true
		}
	}
	// the name proper: without a possessive and without titles the
	// recogniser included
	nst, nen := st, en
	for nen > nst+1 && isPossessive(s.Tokens[nen-1].Text) {
		nen--
	}
	for typ == "PERSON" && nst < nen-1 && w.isTitle(s.Tokens[nst].Text) {
		noteTitle(s.Tokens[nst].Text)
		nst++
	}
	// titles just before the span ("President", "Mr", "Foreign Minister")
	xst := st
	if typ == "PERSON" || typ == "" || typ == "ORG" || typ == "GPE" {
		for xst > 0 && st-xst < maxTitleWords && !covered[xst-1] && w.isTitle(s.Tokens[xst-1].Text) {
			xst--
		}
		if xst < st && typ != "PERSON" {
			// only honorifics make a person of a mention typed otherwise
			hon := false
			for t := xst; t < st; t++ {
				if w.r.lx.titles[fold(s.Tokens[t].Text)] != GenderUnknown {
					hon = true
				}
			}
			if !hon {
				xst = st
			}
		}
		for t := xst; t < st; t++ {
			noteTitle(s.Tokens[t].Text)
		}
	}
	titled := len(titles) > 0
	// a qualifier before the titles ("Ukrainian", "Russia's", "Kremlin")
	qst := xst
	if titled {
		for qst > 0 && xst-qst < maxQualifier {
			t := &s.Tokens[qst-1]
			if isPossessive(t.Text) && qst-1 > 0 && isCapitalised(s.Tokens[qst-2].Text) {
				qst -= 2
				continue
			}
			if t.NER != "" && t.NER != "O" && isCapitalised(t.Text) {
				qst--
				continue
			}
			break
		}
	}
	nameText := w.spanText(si, nst, nen)
	person := typ == "PERSON" || honorific
	m, ok := w.lookup(w.spanText(si, qst, nen))
	if !ok && qst != nst {
		m, ok = w.lookup(nameText)
	}
	if ok && droppedWords(nameText, m) {
		ok = false
	}
	if ok && honorific && m.Kind == actors.KindPerson {
		if f := strings.Fields(fold(m.Name)); len(f) > 1 {
			if kg := w.r.lx.firstNames[f[0]]; kg != GenderUnknown && kg != g {
				ok = false // "Mrs Clinton" is not Bill Clinton
			}
		}
	}
	if ok {
		switch {
		case m.Kind == actors.KindPerson:
			person = true
		case m.Kind == actors.KindComposed:
			ok = titled || !person
		case person:
			ok = false // a person's name that is also a place: trust the recogniser
		}
	}
	if person {
		typ = "PERSON"
	}
	var suffix map[string]bool
	if typ == "ORG" {
		suffix = w.r.lx.orgSuffix
	}
	words := nameWords(nameText, suffix)
	if len(words) == 0 {
		words = []string{fold(nameText)}
	}
	class := classOf(typ, person)
	textKey := class + "|t|" + strings.Join(words, " ")
	kbKey := ""
	if ok && m.Name != "" && m.Kind != actors.KindComposed {
		kbKey = class + "|kb|" + fold(m.Name)
	}
	gTitle := g // before the knowledge base's guess, which may be someone else
	if g == GenderUnknown && person {
		if len(words) > 1 {
			g = w.r.lx.firstNames[words[0]]
		}
		if g == GenderUnknown && ok && m.Kind == actors.KindPerson && (len(words) > 1 || titled) {
			if f := strings.Fields(fold(m.Name)); len(f) > 1 {
				g = w.r.lx.firstNames[f[0]]
			}
		}
	}

	mn := ment{
		Mention: Mention{Sentence: s.Index, Start: xst, End: en, Kind: KindName, Entity: ei, Antecedent: -1},
		sidx:    si, typ: typ, gender: g, person: person,
	}
	mn.Head = headOf(s, xst, en)
	w.fill(&mn)
	mn.plural = typ == "NORP" && (s.Tokens[nen-1].XPOS == "NNPS" || s.Tokens[nen-1].XPOS == "NNS")
	for t := xst; t < en; t++ {
		covered[t] = true
	}

	ci := -1
	partial := false
	if person && len(words) == 1 && !titled {
		// a bare surname first means someone the article named in full
		// ("Biden" after "Hunter Biden"), before the knowledge base's
		// holder of the name
		if c, found := w.keys[textKey]; found && !genderClash(gTitle, w.cls[c].gender) {
			ci, partial = c, !w.cls[c].hasKB
		} else if ci = w.partialMatch(words, class, typ, gTitle, actors.Match{}, false, s.Tokens[nst].Text); ci >= 0 {
			partial = true
			mn.gender = gTitle
		}
	}
	if ci < 0 && kbKey != "" {
		if c, found := w.keys[kbKey]; found {
			ci = c
		}
	}
	if ci < 0 {
		if c, found := w.keys[textKey]; found && w.kbAgrees(w.cls[c], m, ok) && !genderClash(g, w.cls[c].gender) {
			ci = c
		}
	}
	if ci < 0 {
		ci = w.partialMatch(words, class, typ, g, m, ok, s.Tokens[nst].Text)
	}
	if ci < 0 && class == "ent" && !ok {
		// the recogniser typed a person's name as a place or an
		// organisation ("Brafman's" after "Brafman")
		if c, found := w.keys["per|t|"+strings.Join(words, " ")]; found {
			ci = c
			mn.person, mn.typ = true, "PERSON"
		}
	}
	if ci < 0 {
		ci = w.apposedDescription(si, mn.Head, person)
	}
	if ci < 0 {
		ci = w.newCluster(typ)
	}
	c := w.cls[ci]
	wasNamed := c.named
	c.named = true
	if person {
		c.person, c.typ = true, "PERSON"
	} else if !wasNamed {
		c.typ = typ
	}
	if c.person {
		c.plural = false
	} else if mn.plural {
		c.plural = true
	}
	if len(c.names) < maxForms && !hasWords(c.names, words) {
		c.names = append(c.names, words)
	}
	if n := len(words); n > c.longestN || (n == c.longestN && len(nameText) > len(c.longest)) {
		c.longest, c.longestN = strings.TrimSpace(nameText), n
	}
	for _, t := range titles {
		c.titles[t] = true
	}
	bare := person && len(words) == 1 && !titled
	switch {
	case c.tentative && !bare:
		// the article names in full someone first known by a surname
		// the knowledge base gave to another holder
		c.tentative, c.hasKB, c.kb = false, ok, m
		c.gender = g
	case ok && !partial && (!c.hasKB || (c.kb.Kind == actors.KindComposed && m.Kind == actors.KindPerson)):
		c.kb, c.hasKB = m, true
		c.tentative = bare && m.Kind == actors.KindPerson
	}
	w.keys[textKey] = ci
	if person && len(words) > 1 {
		w.surnames[words[len(words)-1]] = ci
	}
	if kbKey != "" && !partial {
		if _, found := w.keys[kbKey]; !found {
			w.keys[kbKey] = ci
		}
	}
	w.attach(mn, ci)
}

// kbAgrees reports whether a mention with knowledge-base match m (when ok)
// may join c: not when both name different people or bodies.
func (w *work) kbAgrees(c *clus, m actors.Match, ok bool) bool {
	if !ok || !c.hasKB || m.Name == "" || c.kb.Name == "" {
		return true
	}
	if m.Kind == actors.KindComposed || c.kb.Kind == actors.KindComposed {
		return true
	}
	return fold(m.Name) == fold(c.kb.Name)
}

func hasWords(names [][]string, words []string) bool {
	for _, n := range names {
		if strings.Join(n, " ") == strings.Join(words, " ") {
			return true
		}
	}
	return false
}

// partialMatch looks for a recent cluster that this name is a shorter form,
// an acronym or a transliteration of.
func (w *work) partialMatch(words []string, class, typ string, g Gender, m actors.Match, ok bool, first string) int {
	scanned := 0
	allCaps := first == strings.ToUpper(first) && len([]rune(first)) >= 2
	myAcr := acronym(words)
	for ci, visited := len(w.cls)-1, 0; ci >= 0 && scanned < maxClusterScan && visited < 4*maxClusterScan; ci, visited = ci-1, visited+1 {
		c := w.cls[ci]
		if !c.named || classOf(c.typ, c.person) != class {
			continue
		}
		scanned++
		if !w.kbAgrees(c, m, ok) && !c.tentative {
			continue
		}
		switch class {
		case "per":
			if g != GenderUnknown && c.gender != GenderUnknown && g != c.gender {
				continue
			}
			for _, n := range c.names {
				if shorterForm(words, n) || w.sameTransliterated(words, n) {
					return ci
				}
				// "Ted Cruz" after a headline's "Cruz", unless the
				// knowledge base says the surname was someone else
				if len(n) == 1 && len(words) > 1 && n[0] == words[len(words)-1] && (!c.hasKB || c.tentative || ok && c.kb.Name != "" && fold(c.kb.Name) == fold(m.Name)) {
					return ci
				}
			}
		case "ent":
			if !sameEntGroup(typ, c.typ) {
				continue
			}
			for _, n := range c.names {
				if len(words) == 1 && allCaps && len(n) > 1 && acronym(n) == words[0] {
					return ci
				}
				if len(n) == 1 && myAcr != "" && myAcr == n[0] {
					return ci
				}
				if typ == "ORG" && len(words) < len(n) && len(words[0]) >= 3 && prefixOf(words, n) {
					return ci // "Northrop" after "Northrop Grumman"
				}
				if typ == "ORG" && len(n) < len(words) && len(words)-len(n) == 1 && len(n[0]) >= 3 && prefixOf(n, words) && w.r.lx.orgGeneric[words[len(words)-1]] {
					return ci // "Apple Computer" after "Apple"
				}
				if a, b := w.withoutCountry(words), w.withoutCountry(n); len(a) > 0 && len(b) > 0 && (len(a) < len(words) || len(b) < len(n)) {
					if strings.Join(a, " ") == strings.Join(b, " ") || len(a) == 1 && len(b) > 1 && acronym(b) == a[0] || len(b) == 1 && len(a) > 1 && acronym(a) == b[0] {
						return ci // "the Air Force" after "US Air Force", "RAF" after "UK RAF"
					}
				}
			}
		}
	}
	return -1
}

func sameEntGroup(a, b string) bool {
	group := func(t string) int {
		switch t {
		case "ORG":
			return 1
		case "GPE", "LOC":
			return 2
		case "FAC":
			return 3
		}
		return 0
	}
	return group(a) == group(b)
}

// shorterForm reports whether words are a shorter form of the name n that
// keeps its last word: "Biden" of "Joe Biden", "Lloyd Austin" of "Lloyd J.
// Austin".
func shorterForm(words, n []string) bool {
	if len(words) > len(n) || len(words) == 0 {
		return false
	}
	if words[len(words)-1] != n[len(n)-1] {
		return false
	}
	j := 0
	for _, wd := range n {
		if j < len(words) && wd == words[j] {
			j++
		}
	}
	return j == len(words)
}

func prefixOf(words, n []string) bool {
	for i, wd := range words {
		if n[i] != wd {
			return false
		}
	}
	return true
}

// sameTransliterated reports whether two names differ only in the spelling
// of a transliterated surname ("Zelenskiy", "Zelensky", "Zelenskyy"), with
// matching first names when both give one.
func sameTransliterated(a, b []string) bool {
	return namesAlike(a, b, func(s string) [2]string {
		t := translitKey(s)
		return [2]string{t, skeleton(t)}
	})
}

// namesAlike is sameTransliterated with the surname keys from key.
func namesAlike(a, b []string, key func(string) [2]string) bool {
	la, lb := a[len(a)-1], b[len(b)-1]
	if len(la) < 5 || len(lb) < 5 || la == lb {
		return false
	}
	if len(a) > 1 && len(b) > 1 && a[0] != b[0] {
		return false
	}
	ka, kb := key(la), key(lb)
	if ka[0] == kb[0] {
		return true
	}
	return len(la) >= 7 && len(lb) >= 7 && len(ka[1]) >= 3 && ka[1] == kb[1]
}

// skeleton drops the vowels and doubled letters of a folded name and
// writes g for k, which transliterations spell in different ways
// ("muhammad", "mohammed"; "gaddafi", "qaddafi").
func skeleton(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			last = 0
			continue
		case 'k':
			r = 'g'
		}
		if r != last || !unicode.IsLetter(r) {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// translitKey folds the endings and letters that transliterations of the
// same Slavic or Arabic name differ in.
func translitKey(s string) string {
	for _, suf := range []string{"iy", "yy", "yi", "ij", "ii", "y", "i"} {
		if strings.HasSuffix(s, suf) && len(s)-len(suf) >= 4 {
			s = s[:len(s)-len(suf)] + "y"
			break
		}
	}
	return translitFold.Replace(s)
}

// withoutCountry drops a leading country name or adjective from the words
// of an organisation's name ("us air force" -> "air force").
func (w *work) withoutCountry(words []string) []string {
	for n := min(3, len(words)-1); n >= 1; n-- {
		phrase := strings.Join(words[:n], " ")
		m, ok := w.lookup(phrase)
		if !ok && len(phrase) <= 3 {
			m, ok = w.lookup(strings.ToUpper(phrase))
		}
		if ok && (m.Kind == actors.KindCountry || m.Kind == actors.KindNationality) {
			return words[n:]
		}
	}
	return words
}

// addSurname adds a mention for token ti of sentence si, a capitalised word
// the recogniser missed that is the surname of a person named earlier
// ("Jobs" after "Steve Jobs").
func (w *work) addSurname(si, ti, ci int, covered []bool) {
	s := &w.sents[si]
	m := ment{
		Mention: Mention{Sentence: s.Index, Start: ti, End: ti + 1, Head: ti, Kind: KindName, Entity: -1, Antecedent: -1},
		sidx:    si, typ: "PERSON", person: true,
	}
	w.fill(&m)
	covered[ti] = true
	w.attach(m, ci)
}

// surnameAt returns the cluster whose surname token ti of s is, or -1.
func (w *work) surnameAt(s *model.Sentence, ti int) int {
	t := &s.Tokens[ti]
	if !isCapitalised(t.Text) || t.UPOS != "PROPN" && t.UPOS != "NOUN" {
		return -1
	}
	if ci, ok := w.surnames[fold(t.Text)]; ok {
		return ci
	}
	return -1
}

// droppedWords reports whether the knowledge base matched a place by a
// shorter name that leaves out leading words of the text which are not
// titles: "New Jersey" is not Jersey.
func droppedWords(text string, m actors.Match) bool {
	switch m.Kind {
	case actors.KindCountry, actors.KindPlace, actors.KindCapital, actors.KindRegion:
	default:
		return false
	}
	tw, nw := nameWords(text, nil), nameWords(m.Name, nil)
	if len(nw) == 0 || len(tw) <= len(nw) {
		return false
	}
	for i := range nw {
		if tw[len(tw)-len(nw)+i] != nw[i] {
			return false
		}
	}
	return true
}

func genderClash(a, b Gender) bool {
	return a != GenderUnknown && b != GenderUnknown && a != b
}

// sameTransliterated is the package function with the keys of surnames
// remembered for the article, since every name meets many clusters.
func (w *work) sameTransliterated(a, b []string) bool {
	return namesAlike(a, b, w.translit)
}

// translit returns the transliteration key and skeleton of a surname.
func (w *work) translit(s string) [2]string {
	if k, ok := w.translits[s]; ok {
		return k
	}
	t := translitKey(s)
	k := [2]string{t, skeleton(t)}
	w.translits[s] = k
	return k
}
