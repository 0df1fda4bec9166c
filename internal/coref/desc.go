package coref

import (
	"strings"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// Look-back windows, in sentences.
const (
	windowPerson = 6  // "the official", "the president"
	windowOrg    = 10 // "the company", "the country", "the government"
	windowGroup  = 10 // repeated "Russian troops"
)

// children lists the dependents of each token of s.
func children(s *model.Sentence) [][]int {
	kids := make([][]int, len(s.Tokens))
	for i := range s.Tokens {
		h := s.Tokens[i].Head
		if h >= 0 && h < len(kids) && h != i {
			kids[h] = append(kids[h], i)
		}
	}
	return kids
}

// headOf returns the token of [st, en) whose head lies outside the range,
// or the last token.
func headOf(s *model.Sentence, st, en int) int {
	for t := st; t < en; t++ {
		h := s.Tokens[t].Head
		if h < st || h >= en {
			return t
		}
	}
	return en - 1
}

// nominalRel reports whether a dependency relation is one a referring noun
// phrase can have.
func nominalRel(rel string) bool {
	base, _, _ := strings.Cut(rel, ":")
	switch base {
	case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "dislocated":
		return true
	}
	return false
}

// nounClass returns the description class of a head word, "" for none.
func (w *work) nounClass(t *model.Token) (string, Gender) {
	low := strings.ToLower(t.Text)
	lemma := strings.ToLower(t.Lemma)
	for _, k := range []string{lemma, low} {
		if k == "" {
			continue
		}
		if e, ok := w.r.lx.nouns[k]; ok {
			if e.class == classNone {
				return "", GenderUnknown
			}
			return e.class, e.gender
		}
	}
	if t.UPOS != "NOUN" {
		return "", GenderUnknown
	}
	if code := w.sector(low); code != "" {
		return classPerson, GenderUnknown
	}
	return "", GenderUnknown
}

// isDescriptionHead reports whether token ti of s heads a noun phrase that
// may refer to an entity: a person, organisation, country or government
// noun with a determiner, a possessor or (in the plural) a modifier.
func (w *work) isDescriptionHead(s *model.Sentence, ti int) bool {
	t := &s.Tokens[ti]
	if !nominalRel(t.Rel) {
		return false
	}
	switch t.UPOS {
	case "NOUN":
	case "ADJ", "PROPN":
		if isCapitalised(t.Text) && ti > 0 && s.Tokens[ti-1].UPOS != "DET" {
			return false // a name or a title before one, not "The President"
		}
	default:
		return false
	}
	class, _ := w.nounClass(t)
	if class == "" {
		return false
	}
	if t.UPOS == "ADJ" {
		// "the official": only with a determiner right before
		return ti > 0 && s.Tokens[ti-1].UPOS == "DET"
	}
	return true
}

// addDescription resolves the description headed by token h of sentence si.
func (w *work) addDescription(si, h int, covered []bool) {
	s := &w.sents[si]
	t := &s.Tokens[h]
	class, g := w.nounClass(t)
	if class == "" {
		return
	}
	kids := w.kids
	plural := t.Morph.Number == "Plur" || t.XPOS == "NNS" || t.XPOS == "NNPS"
	det, poss := "", -1
	start, lo := h, h
	if h < len(kids) {
		for _, k := range kids[h] {
			if k > h {
				continue
			}
			kt := &s.Tokens[k]
			base, _, _ := strings.Cut(kt.Rel, ":")
			switch {
			case base == "det" && kt.UPOS == "DET":
				det = strings.ToLower(kt.Text)
			case kt.Rel == "nmod:poss":
				poss = k
				if kt.UPOS != "PRON" {
					lo = min(lo, leftEdge(s, k, h))
				}
				continue // the possessor is a mention of its own
			case base == "amod" || base == "compound" || base == "nummod" || base == "flat":
				lo = min(lo, leftEdge(s, k, h))
			default:
				continue
			}
			if k < start && !covered[k] {
				start = k
			}
		}
	}
	for start < h && (covered[start] || s.Tokens[start].UPOS == "PRON") {
		start++
	}
	mods := modifiers(s, lo, h)
	// the mention also spans names among its modifiers ("Turkish
	// officials"); they keep their own mention for At
	for lo < start && (s.Tokens[lo].UPOS == "PRON" || s.Tokens[lo].UPOS == "DET" || isPossessive(s.Tokens[lo].Text)) {
		lo++
	}
	start = min(start, lo)
	definite := det == "the" || det == "this" || det == "that" || det == "these" || det == "those" || poss >= 0
	indefinite := det == "a" || det == "an" || det == "another" || det == "one"
	if !definite && !indefinite && !plural {
		return // a bare singular ("Company profits"), a headline or a title
	}
	if det == "no" || det == "any" || det == "every" || det == "each" || det == "some" || det == "all" {
		return
	}
	relational := poss >= 0 && s.Tokens[poss].UPOS == "PRON" // "his wife", "its chief"
	code, country := "", ""
	if w.r.kb != nil && len(mods) <= 8 {
		if c, ok := w.r.kb.Resolve(mods, t.Text, w.date); ok {
			code, country = c.Code, c.Country
		}
	}
	typ := map[string]string{classPerson: "PERSON", classOrg: "ORG", classGPE: "GPE", classGov: "ORG", classInst: "ORG"}[class]
	m := ment{
		Mention: Mention{Sentence: s.Index, Start: start, End: h + 1, Head: h, Kind: KindDescription, Entity: -1, Antecedent: -1},
		sidx:    si, typ: typ, gender: g, plural: plural, person: class == classPerson,
	}
	w.fill(&m)
	for k := start; k <= h; k++ {
		covered[k] = true
	}
	lemma := strings.ToLower(t.Lemma)
	if lemma == "" {
		lemma = strings.ToLower(t.Text)
	}

	// an apposition to a name: "Ivan Petrenko, a Ukrainian official,"
	if t.Rel == "appos" {
		ci, ante := w.nameAt(si, t.Head)
		if ci < 0 {
			ci, ante = w.descriptionAt(si, t.Head)
		}
		if ci >= 0 && w.cls[ci].person == m.person {
			c := w.cls[ci]
			if !c.hasKB && c.code == "" && country != "" {
				c.code, c.country = code, country
			}
			c.titles[lemma] = true
			m.Antecedent = ante
			w.attach(m, ci)
			return
		}
	}

	ci, ante := -1, -1
	switch {
	case class == classGov || class == classInst:
		ci, ante = w.linkGovernment(&m, lemma, code, country, det, definite)
	case indefinite || relational:
	case plural && class == classPerson:
		ci, ante = w.linkGroup(&m, lemma, code, definite)
	case definite && class == classPerson:
		ci, ante = w.linkPerson(&m, lemma, country)
	case definite:
		ci, ante = w.linkThing(&m, class, lemma, country)
	}
	if ci < 0 {
		ci = w.newCluster(typ)
		c := w.cls[ci]
		c.person, c.plural, c.gender = m.person, plural, g
		c.code, c.country = code, country
		c.descName = descriptionName(w.spanText(si, start, h+1), det)
		c.titles[lemma] = true
		if plural && class == classPerson && !definite {
			w.keys["desc|"+code+"|"+lemma] = ci
		}
	}
	m.Antecedent = ante
	w.attach(m, ci)
}

// descriptionName is the name of a cluster known only by a description:
// the phrase without its determiner ("British expat").
func descriptionName(phrase, det string) string {
	if det != "" && len(phrase) > len(det) && strings.EqualFold(phrase[:len(det)], det) {
		phrase = strings.TrimSpace(phrase[len(det):])
	}
	return phrase
}

// nameAt returns the cluster and mention of the name that covers token tok
// of sentence si, if one was already resolved.
func (w *work) nameAt(si, tok int) (int, int) {
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		m := &w.ments[i]
		if m.Kind == KindName && tok >= m.Start && tok < m.End {
			return m.Cluster, i
		}
	}
	return -1, -1
}

// descriptionAt returns the cluster and mention of the description headed
// by token tok of sentence si, if one was already resolved.
func (w *work) descriptionAt(si, tok int) (int, int) {
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		m := &w.ments[i]
		if m.Kind == KindDescription && m.Head == tok {
			return m.Cluster, i
		}
	}
	return -1, -1
}

// apposedDescription returns the cluster of a description that the name
// with head token h stands in apposition to ("the company's chief, Jane
// Doe,"), or -1.
func (w *work) apposedDescription(si, h int, person bool) int {
	s := &w.sents[si]
	if h < 0 || h >= len(s.Tokens) || s.Tokens[h].Rel != "appos" {
		return -1
	}
	head := s.Tokens[h].Head
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		m := &w.ments[i]
		if m.Kind == KindDescription && m.Head == head && w.cls[m.Cluster].person == person && !w.cls[m.Cluster].named {
			return m.Cluster
		}
	}
	return -1
}

// back calls f on earlier mentions, most recent first, within window
// sentences of m and at most maxBack of them; f returns false to stop.
func (w *work) back(m *ment, window int, f func(i int, c *ment, dist int) bool) {
	for i, n := len(w.ments)-1, 0; i >= 0 && n < maxBack; i, n = i-1, n+1 {
		c := &w.ments[i]
		dist := m.sidx - c.sidx
		if dist > window {
			return
		}
		if !f(i, c, dist) {
			return
		}
	}
}

// linkPerson finds the person a definite description such as "the
// official" or "the president" refers to.
func (w *work) linkPerson(m *ment, lemma, country string) (int, int) {
	best, bestAnte, bestScore := -1, -1, -1<<30
	seen := map[int]bool{}
	w.back(m, windowPerson, func(i int, c *ment, dist int) bool {
		cl := w.cls[c.Cluster]
		if seen[c.Cluster] || !cl.person || cl.plural {
			return true
		}
		seen[c.Cluster] = true
		if m.gender != GenderUnknown && cl.gender != GenderUnknown && m.gender != cl.gender {
			return true
		}
		pc := cl.public()
		if country != "" && pc.Country != "" && pc.Country != country {
			return true
		}
		score := -10 * dist
		if c.subj {
			score += 15
		}
		if cl.named {
			score += 5
		}
		if c.inQuote && !m.inQuote {
			score -= 10
		}
		titled := cl.titles[lemma] || strings.Contains(strings.ToLower(cl.kb.Title), lemma) || strings.Contains(cl.kb.Role, lemma)
		if !cl.named && !titled {
			return true // "the suspect" is not the "woman" described before
		}
		switch {
		case titled:
			score += 40
		case w.r.lx.nouns[lemma].strict:
			return true // "the judge" is not someone known otherwise
		}
		if score > bestScore {
			best, bestAnte, bestScore = c.Cluster, i, score
		}
		return true
	})
	return best, bestAnte
}

// linkThing finds the organisation or place a definite description such as
// "the company" or "the country" refers to.
func (w *work) linkThing(m *ment, class, lemma, country string) (int, int) {
	best, bestAnte, bestScore := -1, -1, -1<<30
	seen := map[int]bool{}
	w.back(m, windowOrg, func(i int, c *ment, dist int) bool {
		cl := w.cls[c.Cluster]
		if seen[c.Cluster] || cl.person {
			return true
		}
		seen[c.Cluster] = true
		switch class {
		case classOrg:
			if cl.typ != "ORG" || cl.gov || cl.plural != m.plural {
				return true
			}
			switch cl.kb.Kind {
			case actors.KindCountry, actors.KindCapital, actors.KindSeat, actors.KindNationality:
				return true
			}
		case classGPE:
			if cl.typ != "GPE" && cl.typ != "LOC" {
				return true
			}
		}
		pc := cl.public()
		if country != "" && pc.Country != "" && pc.Country != country {
			return true
		}
		score := -5 * dist
		if c.subj {
			score += 10
		}
		if c.modifier {
			score -= 10
		}
		if cl.named {
			score += 5
		}
		if cl.titles[lemma] {
			score += 20
		}
		score += 2 * min(cl.count, 5)
		if score > bestScore {
			best, bestAnte, bestScore = c.Cluster, i, score
		}
		return true
	})
	return best, bestAnte
}

// linkGovernment resolves "the government", "the Russian government", "the
// authorities": to the country's government cluster, named by the country
// the phrase or the last country mentioned gives.
func (w *work) linkGovernment(m *ment, lemma, code, country, det string, definite bool) (int, int) {
	explicit := country != ""
	sector := "GOV"
	if s := w.sector(lemma); s != "" && w.r.lx.nouns[lemma].class == classInst {
		sector = s
	}
	if country == "" && definite {
		w.back(m, windowOrg, func(i int, c *ment, dist int) bool {
			cl := w.cls[c.Cluster]
			// a nationality in the same sentence counts too: "… wounded
			// two Ukrainian soldiers, the army said"
			sameNORP := cl.typ == "NORP" && c.sidx == m.sidx
			if cl.named && !cl.person && (cl.typ == "GPE" || cl.kb.Kind == actors.KindCountry || sameNORP) && cl.hasKB && cl.kb.Country != "" {
				country = cl.kb.Country
				return false
			}
			return true
		})
		if country != "" {
			code = country + sector
		}
	}
	if country == "" {
		return -1, -1
	}
	key := "gov|" + code
	if ci, ok := w.keys[key]; ok {
		return ci, w.lastOf(ci)
	}
	ci := w.newCluster("ORG")
	c := w.cls[ci]
	c.code, c.country, c.plural, c.gov = code, country, m.plural, true
	if explicit {
		c.descName = descriptionName(m.Text, det)
	} else {
		name := country
		if w.r.kb != nil {
			if n, ok := w.r.kb.CountryName(country); ok {
				name = n
			}
		}
		c.descName = lemma + " of " + name
	}
	w.keys[key] = ci
	return ci, -1
}

// linkGroup resolves a plural description of people: a repeated "Russian
// troops", or "the officials" after "Ukrainian officials".
func (w *work) linkGroup(m *ment, lemma, code string, definite bool) (int, int) {
	if ci, ok := w.keys["desc|"+code+"|"+lemma]; ok && m.sidx-w.cls[ci].lastSent <= windowGroup {
		return ci, w.lastOf(ci)
	}
	if !definite {
		return -1, -1
	}
	best, bestAnte := -1, -1
	w.back(m, windowPerson, func(i int, c *ment, dist int) bool {
		cl := w.cls[c.Cluster]
		if cl.person && cl.plural && !cl.named && (cl.titles[lemma] || code != "" && cl.code == code) {
			best, bestAnte = c.Cluster, i
			return false
		}
		return true
	})
	return best, bestAnte
}

// lastOf returns the index of the last mention of cluster ci, or -1.
func (w *work) lastOf(ci int) int {
	for i := len(w.ments) - 1; i >= 0 && len(w.ments)-i <= maxBack*4; i-- {
		if w.ments[i].Cluster == ci {
			return i
		}
	}
	return -1
}

// leftEdge returns the first token of the part of k's subtree that lies
// before k, stopping at h and looking at most 8 tokens back.
func leftEdge(s *model.Sentence, k, h int) int {
	lo := k
	for j := k - 1; j >= 0 && k-j <= 8; j-- {
		hd := s.Tokens[j].Head
		if hd <= j || hd > h {
			break
		}
		lo = j
	}
	return lo
}

// modifiers returns the words of tokens [lo, h) as modifiers for the
// knowledge base, one name per entity ("United States") and one word per
// other token, without determiners, pronouns and punctuation.
func modifiers(s *model.Sentence, lo, h int) []string {
	var mods []string
	for j := lo; j < h; j++ {
		t := &s.Tokens[j]
		if t.UPOS == "DET" || t.UPOS == "PRON" || t.UPOS == "PUNCT" || isPossessive(t.Text) {
			continue
		}
		if len(mods) > 0 && strings.HasPrefix(t.NER, "I-") && j > lo && s.Tokens[j-1].NER != "O" {
			mods[len(mods)-1] += " " + t.Text
			continue
		}
		mods = append(mods, t.Text)
	}
	return mods
}

// groups adds a plural mention for names or descriptions joined by "and"
// in sentence si ("GM and Chrysler", "Mr Carter and Ms Lopez"), so that a
// later "they" or "the two companies" can refer to them together.
func (w *work) groups(si int) {
	s := &w.sents[si]
	byHead := map[int]int{}
	lo := len(w.ments)
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		if m := &w.ments[i]; m.Kind != KindPronoun {
			byHead[m.Head] = i
		}
		lo = i
	}
	members := map[int][]int{}
	var order []int
	for i := lo; i < len(w.ments); i++ {
		b := &w.ments[i]
		if b.Kind == KindPronoun || b.Head >= len(s.Tokens) || s.Tokens[b.Head].Rel != "conj" || !w.joinedByAnd(s, b.Head) {
			continue
		}
		a, ok := byHead[s.Tokens[b.Head].Head]
		if !ok || a == i {
			continue
		}
		if members[a] == nil {
			order = append(order, a)
		}
		if len(members[a]) < 10 {
			members[a] = append(members[a], i)
		}
	}
	for _, a := range order {
		idx := append([]int{a}, members[a]...)
		person, things, places := 0, 0, 0
		clusters := map[int]bool{}
		actor, sameActor := "", true
		end := w.ments[a].End
		for k, i := range idx {
			cl := w.cls[w.ments[i].Cluster]
			clusters[w.ments[i].Cluster] = true
			switch {
			case cl.person:
				person++
			case cl.typ == "GPE" || cl.typ == "LOC":
				places++
			default:
				things++
			}
			pa := cl.public().Actor
			if k == 0 {
				actor = pa
			} else if pa != actor {
				sameActor = false
			}
			end = max(end, w.ments[i].End)
		}
		if len(clusters) < 2 || person > 0 && person < len(idx) {
			continue // one entity twice, or people mixed with things
		}
		typ := "ORG"
		switch {
		case person > 0:
			typ = "PERSON"
		case places == len(idx):
			typ = "GPE"
		}
		m := ment{
			Mention: Mention{Sentence: s.Index, Start: w.ments[a].Start, End: end, Head: w.ments[a].Head,
				Kind: KindDescription, Entity: -1, Antecedent: -1},
			sidx: si, typ: typ, plural: true, person: person > 0,
		}
		w.fill(&m)
		ci := w.newCluster(typ)
		c := w.cls[ci]
		c.person, c.plural, c.descName = person > 0, true, m.Text
		if sameActor {
			c.code = actor
		}
		w.attach(m, ci)
	}
}

// joinedByAnd reports whether the conjunct at token b is joined by "and".
func (w *work) joinedByAnd(s *model.Sentence, b int) bool {
	if b >= len(w.kids) {
		return false
	}
	for _, k := range w.kids[b] {
		if s.Tokens[k].Rel == "cc" {
			t := strings.ToLower(s.Tokens[k].Text)
			return t == "and" || t == "&"
		}
	}
	return false
}
