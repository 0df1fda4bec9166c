package coref

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// pron describes a third-person pronoun form.
type pron struct {
	gender     Gender
	plural     bool
	thing      bool // it, its
	reflexive  bool
	possessive bool
}

// pronounOf returns the features of a third-person pronoun token.
func pronounOf(t *model.Token) (pron, bool) {
	if t.UPOS != "PRON" && t.UPOS != "DET" && t.XPOS != "PRP" && t.XPOS != "PRP$" {
		return pron{}, false
	}
	switch strings.ToLower(t.Text) {
	case "he", "him":
		return pron{gender: Male}, true
	case "his":
		return pron{gender: Male, possessive: true}, true
	case "himself":
		return pron{gender: Male, reflexive: true}, true
	case "she":
		return pron{gender: Female}, true
	case "her", "hers":
		return pron{gender: Female, possessive: t.XPOS == "PRP$"}, true
	case "herself":
		return pron{gender: Female, reflexive: true}, true
	case "it":
		return pron{thing: true}, true
	case "its":
		return pron{thing: true, possessive: true}, true
	case "itself":
		return pron{thing: true, reflexive: true}, true
	case "they", "them":
		return pron{plural: true}, true
	case "their", "theirs":
		return pron{plural: true, possessive: true}, true
	case "themselves":
		return pron{plural: true, reflexive: true}, true
	}
	return pron{}, false
}

// Look-back windows of pronouns, in sentences.
const (
	windowHe    = 4
	windowHeFar = 10
	windowIt    = 2
	windowThey  = 3
)

// pleonastic reports whether "it" at token ti is a dummy subject: "it is
// clear that", "it was reported", "it seems".
func (w *work) pleonastic(s *model.Sentence, ti int) bool {
	t := &s.Tokens[ti]
	if t.Rel == "expl" || strings.HasPrefix(t.Rel, "expl:") {
		return true
	}
	if !strings.HasPrefix(t.Rel, "nsubj") || t.Head < 0 || t.Head >= len(s.Tokens) {
		return false
	}
	h := t.Head
	lemma := strings.ToLower(s.Tokens[h].Lemma)
	switch lemma {
	case "seem", "appear", "happen", "rain", "snow", "matter", "take":
		return true
	}
	if h < len(w.kids) {
		for _, k := range w.kids[h] {
			switch s.Tokens[k].Rel {
			case "csubj", "ccomp", "xcomp", "csubj:pass":
				if k > ti && (s.Tokens[h].UPOS == "ADJ" || t.Rel == "nsubj:pass") {
					return true
				}
			}
		}
	}
	return false
}

// addPronoun resolves the pronoun at token ti of sentence si.
func (w *work) addPronoun(si, ti int) {
	s := &w.sents[si]
	t := &s.Tokens[ti]
	p, ok := pronounOf(t)
	if !ok || (p.thing && w.pleonastic(s, ti)) {
		return
	}
	m := ment{
		Mention: Mention{Sentence: s.Index, Start: ti, End: ti + 1, Head: ti, Kind: KindPronoun, Entity: -1, Antecedent: -1},
		sidx:    si, gender: p.gender, plural: p.plural, person: !p.thing && !p.plural,
		pron: strings.ToLower(t.Text),
	}
	w.fill(&m)
	window := windowHe
	switch {
	case p.thing:
		window = windowIt
	case p.plural:
		window = windowThey
	}
	speaker := -1
	if m.speechSubj && w.paraQuote[si] && w.lastSpeaker >= 0 && si-w.lastSpeakerSent <= 6 {
		speaker = w.lastSpeaker
	}
	objectOf := t.Rel == "obj" || t.Rel == "iobj" || strings.HasPrefix(t.Rel, "obl")
	best, bestScore := -1, -1<<30
	between := 0
	w.back(&m, window, func(i int, c *ment, dist int) bool {
		between++
		cl := w.cls[c.Cluster]
		if !compatible(p, cl, c) {
			return true
		}
		if p.plural && !cl.plural && cl.typ != "ORG" && (dist > 1 || !c.subj) {
			return true // "they" for a place: only its recent subject
		}
		sameClause := dist == 0 && c.clause == m.clause && c.clause >= 0
		if sameClause && objectOf && !p.reflexive && c.subj {
			return true // "he praised him": not the same person
		}
		if dist == 0 && c.Head == t.Head {
			return true // "his" inside the phrase it modifies
		}
		score := -35*dist - between
		if c.subj {
			score += 20
		}
		if c.speechSubj {
			score += 5
		}
		if m.subj && c.subj {
			score += 5
		}
		switch c.Kind {
		case KindName:
			score += 8
		case KindPronoun:
			score += 6
		default:
			score += 4
		}
		if c.inQuote && !m.inQuote {
			score -= 25
		}
		if c.modifier {
			score -= 15
		}
		if p.reflexive && sameClause && c.subj {
			score += 50
		}
		if p.plural {
			switch {
			case cl.plural:
				score += 10
			case cl.typ == "GPE" || cl.typ == "LOC":
				score -= 15
			}
		}
		if c.Cluster == speaker {
			score += 30
		}
		score += 2 * min(cl.count, 3)
		if score > bestScore {
			best, bestScore = i, score
		}
		return true
	})
	if best < 0 && !p.thing && !p.plural {
		// nobody within the window: the last named person of the right
		// gender further back, if the article has one
		w.back(&m, windowHeFar, func(i int, c *ment, dist int) bool {
			cl := w.cls[c.Cluster]
			if c.Kind == KindName && !c.inQuote && compatible(p, cl, c) {
				best = i
				return false
			}
			return true
		})
	}
	if best < 0 {
		return
	}
	m.Antecedent = best
	w.attach(m, w.ments[best].Cluster)
}

// compatible reports whether pronoun p may refer to cluster cl, seen in
// mention c.
func compatible(p pron, cl *clus, c *ment) bool {
	switch {
	case p.plural:
		if cl.person {
			return cl.plural
		}
		return cl.plural || cl.typ == "ORG" || cl.typ == "GPE" || cl.typ == "NORP" && c.plural
	case p.thing:
		if cl.person || cl.plural {
			return false
		}
		switch cl.typ {
		case "ORG", "GPE", "LOC", "FAC":
			return true
		}
		return false
	default:
		if !cl.person || cl.plural {
			return false
		}
		return cl.gender == GenderUnknown || cl.gender == p.gender
	}
}

// firstPersons links "I", "me", "my" and, for an organisation or a group,
// "we", "us", "our" inside quotation marks in sentence si to the speaker:
// the subject of a speech verb outside the quotation in the same sentence,
// or in a paragraph with a quotation the last speaker of the sentences
// before.
func (w *work) firstPersons(si int) {
	s := &w.sents[si]
	q := w.quoted[si]
	speaker, ante := -1, -1
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		m := &w.ments[i]
		if m.speechSubj && !m.inQuote {
			speaker, ante = m.Cluster, i
			break
		}
	}
	// the last speaker speaks this quotation only when the quotation does
	// not name its own speaker later in the paragraph ("\"We see it. …
	// We are ready,\" a commander said."): an actor named before it is
	// not the one who says "we"
	if speaker < 0 && w.paraQuote[si] && w.lastSpeaker >= 0 && si-w.lastSpeakerSent <= 2 && w.quoteSpeaker(si) {
		speaker = w.lastSpeaker
		ante = w.lastOf(speaker)
	}
	if speaker < 0 {
		return
	}
	cl := w.cls[speaker]
	for ti := range s.Tokens {
		if ti >= len(q) || !q[ti] {
			continue
		}
		t := &s.Tokens[ti]
		if t.UPOS != "PRON" && t.XPOS != "PRP" && t.XPOS != "PRP$" {
			continue
		}
		plural := false
		switch strings.ToLower(t.Text) {
		case "i", "me", "my", "mine", "myself":
			if !cl.person || cl.plural {
				continue
			}
		case "we", "us", "our", "ours", "ourselves":
			if cl.person && !cl.plural {
				continue
			}
			plural = true
		default:
			continue
		}
		m := ment{
			Mention: Mention{Sentence: s.Index, Start: ti, End: ti + 1, Head: ti, Kind: KindPronoun, Entity: -1, Antecedent: ante},
			sidx:    si, plural: plural, person: cl.person, pron: strings.ToLower(t.Text),
		}
		w.fill(&m)
		w.attach(m, speaker)
	}
}

// quoteSpeaker reports whether the last speaker may speak the quotation
// of sentence si. It may not when it was named in a plain report of an
// earlier paragraph and a later sentence of the quotation (its paragraph,
// or the next when the quotation runs on) has a speech verb whose subject
// stands outside the quotation marks and names someone else.
func (w *work) quoteSpeaker(si int) bool {
	if si >= len(w.para) {
		return false
	}
	if ls := w.lastSpeakerSent; ls >= 0 && ls < len(w.para) && (w.para[ls] == w.para[si] || w.paraQuote[ls]) {
		return true // named with the quotation, or as the speaker of one before
	}
	if w.speechSubject(si) >= 0 {
		return true // "Reid said: \"…": the quotation opens with its speaker
	}
	for sj := si + 1; sj < len(w.sents) && sj < len(w.para) && sj-si <= 4; sj++ {
		// a quotation goes on into the next paragraph when its own
		// paragraph ends with the quotation still open
		if w.para[sj] != w.para[sj-1] && !w.paraOpen[sj-1] {
			break
		}
		if ti := w.speechSubject(sj); ti >= 0 {
			// "…," he said / "…," Cook said: still the last speaker
			return w.sameSpeaker(sj, ti)
		}
	}
	return true
}

// sameSpeaker reports whether the subject at token ti of sentence sj may
// be, or belong to, the last speaker: a pronoun, a phrase sharing a word
// with the last speaker's mentions ("Dana Perino, the White House press
// secretary"), or one that names no country, group or organisation of
// its own ("said Press"). "A senior Ukrainian commander" after "the
// Kremlin" is someone else.
func (w *work) sameSpeaker(sj, ti int) bool {
	toks := w.sents[sj].Tokens
	q := w.quoted[sj]
	if toks[ti].UPOS == "PRON" {
		return true
	}
	// the phrase: the run of words outside quotation marks around ti
	lo, hi := ti, ti
	for lo > 0 && !(lo-1 < len(q) && q[lo-1]) && !isQuoteMark(toks[lo-1].Text) {
		lo--
	}
	for hi+1 < len(toks) && !(hi+1 < len(q) && q[hi+1]) && !isQuoteMark(toks[hi+1].Text) {
		hi++
	}
	affiliated := false
	for k := lo; k <= hi; k++ {
		if w.inCluster(w.lastSpeaker, toks[k].Text) && isCapitalised(toks[k].Text) {
			return true
		}
		if k != ti && toks[k].NER != "" && toks[k].NER != "O" && isCapitalised(toks[k].Text) {
			affiliated = true
		}
	}
	return !affiliated
}

func isQuoteMark(t string) bool {
	return quoteKind(t) != 0
}

// speechSubject returns the first token of sentence si outside quotation
// marks that is the subject of a speech verb, or -1.
func (w *work) speechSubject(si int) int {
	toks := w.sents[si].Tokens
	q := w.quoted[si]
	for ti := range toks {
		t := &toks[ti]
		if (ti < len(q) && q[ti]) || !strings.HasPrefix(t.Rel, "nsubj") || t.Head < 0 || t.Head >= len(toks) {
			continue
		}
		if w.speechWord(&toks[t.Head]) {
			return ti
		}
	}
	// a parse that missed the subject: the nominal next to a speech verb
	// ("a senior officer told", "said Press")
	for ti := range toks {
		if (ti < len(q) && q[ti]) || !w.speechWord(&toks[ti]) {
			continue
		}
		for _, k := range []int{ti - 1, ti + 1} {
			if k >= 0 && k < len(toks) && !(k < len(q) && q[k]) {
				switch toks[k].UPOS {
				case "NOUN", "PROPN", "PRON":
					return k
				}
			}
		}
	}
	return -1
}

func (w *work) speechWord(v *model.Token) bool {
	return w.r.lx.speech[strings.ToLower(v.Lemma)] || w.r.lx.speech[strings.ToLower(v.Text)]
}

// inCluster reports whether word is a word of a mention of cluster c.
func (w *work) inCluster(c int, word string) bool {
	for i := range w.ments {
		m := &w.ments[i]
		if m.Cluster != c || m.sidx >= len(w.sents) {
			continue
		}
		toks := w.sents[m.sidx].Tokens
		for k := m.Start; k < m.End && k < len(toks); k++ {
			if k >= 0 && strings.EqualFold(toks[k].Text, word) {
				return true
			}
		}
	}
	return false
}

// relatives links relative pronouns ("who", "which") to the mention their
// clause modifies: "Ivan Petrenko, who leads the team".
func (w *work) relatives(si int, covered []bool) {
	s := &w.sents[si]
	for ti := range s.Tokens {
		t := &s.Tokens[ti]
		if covered[ti] || t.UPOS != "PRON" {
			continue
		}
		switch strings.ToLower(t.Text) {
		case "who", "whom", "whose", "which", "that":
		default:
			continue
		}
		v := t.Head
		if v < 0 || v >= len(s.Tokens) || s.Tokens[v].Rel != "acl:relcl" {
			continue
		}
		noun := s.Tokens[v].Head
		if noun < 0 || noun >= ti {
			continue
		}
		for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
			a := &w.ments[i]
			if a.pron != "" || noun < a.Start || noun >= a.End {
				continue
			}
			m := ment{
				Mention: Mention{Sentence: s.Index, Start: ti, End: ti + 1, Head: ti, Kind: KindPronoun, Entity: -1, Antecedent: i},
				sidx:    si, plural: a.plural, person: a.person, gender: a.gender, pron: strings.ToLower(t.Text),
			}
			w.fill(&m)
			covered[ti] = true
			w.attach(m, a.Cluster)
			break
		}
	}
}
