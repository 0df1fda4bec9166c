package coref

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// Bounds that keep one article linear in its length.
const (
	maxBack         = 80  // mentions a pronoun or description looks back over
	maxClusterScan  = 60  // recent clusters a name is compared with
	maxNameTokens   = 12  // longer entity spans are not compared word by word
	maxTitleWords   = 4   // title words before a name
	maxQualifier    = 4   // qualifier words before a title ("Ukrainian", "Kremlin")
	maxLookupLength = 200 // bytes of a phrase sent to the knowledge base
	maxForms        = 8   // distinct name forms kept per cluster
)

// ment is a mention being resolved, with what the rules need to know.
type ment struct {
	Mention
	sidx       int    // index into work.sents
	typ        string // entity type, or for descriptions PERSON/ORG/GPE/GOV
	gender     Gender
	plural     bool
	person     bool
	subj       bool // head is a subject
	modifier   bool // head modifies another noun ("US" in "US automaker")
	speechSubj bool // head is the subject of a speech verb
	inQuote    bool
	pron       string // lower-case pronoun form
	clause     int    // token index of the head's governing verb (or -1)
}

// clus is a cluster being built.
type clus struct {
	typ      string
	person   bool
	plural   bool
	gender   Gender
	named    bool
	names    [][]string // folded name words of each distinct named form
	longest  string
	longestN int
	kb       actors.Match // first knowledge-base match of a name
	hasKB    bool
	// tentative: kb came from a bare surname ("Clinton") and yields to a
	// full name the article gives later ("Hillary Rodham Clinton")
	tentative bool
	code      string // actor from a title, apposition or description, when kb gives none
	country   string
	descName  string // name of a cluster that has only descriptions
	gov       bool   // a country's government known by description
	titles    map[string]bool
	count     int
	lastSent  int
}

func (c *clus) public() Cluster {
	out := Cluster{Type: c.typ, Gender: c.gender, Plural: c.plural, Named: c.named}
	switch {
	case c.hasKB && c.kb.Kind != actors.KindComposed:
		out.Name, out.Actor, out.Country = c.kb.Name, c.kb.Code, c.kb.Country
		if out.Name == "" {
			out.Name = c.longest // several people share the name: keep the text's
		}
	case c.hasKB:
		out.Name, out.Actor, out.Country = c.longest, c.kb.Code, c.kb.Country
	default:
		out.Name, out.Actor, out.Country = c.longest, c.code, c.country
	}
	if out.Name == "" {
		out.Name = c.descName
	}
	if !c.person {
		out.Gender = GenderUnknown
	}
	return out
}

// work is the state of one Resolve call.
type work struct {
	r     *Resolver
	text  string
	sents []model.Sentence
	ents  []model.Entity
	date  time.Time

	ments []ment
	cls   []*clus
	keys  map[string]int // name key -> cluster
	// surnames maps the last word of a person's full name to its cluster
	surnames map[string]int

	entsBySent map[int][]int // sentence position -> entity indexes
	quoted     [][]bool      // per sentence, per token: inside quotation marks
	paraQuote  []bool        // per sentence: its paragraph holds a quotation mark
	para       []int         // per sentence: index of its paragraph
	paraOpen   []bool        // per sentence: its paragraph ends inside a quotation

	lastSpeaker     int // cluster of the last named or described speaker, -1
	lastSpeakerSent int

	kids [][]int // dependents of each token of the sentence being read

	lookups   map[string]lookupResult
	sectors   map[string]string
	translits map[string][2]string // surname -> transliteration key and skeleton
}

type lookupResult struct {
	m  actors.Match
	ok bool
}

func newWork(r *Resolver, text string, sents []model.Sentence, ents []model.Entity, date time.Time) *work {
	w := &work{
		r: r, text: text, sents: sents, ents: ents, date: date,
		keys:        make(map[string]int),
		surnames:    make(map[string]int),
		entsBySent:  make(map[int][]int),
		lastSpeaker: -1,
		lookups:     make(map[string]lookupResult),
		sectors:     make(map[string]string),
		translits:   make(map[string][2]string),
	}
	pos := make(map[int]int, len(sents))
	for i := range sents {
		pos[sents[i].Index] = i
	}
	for i := range ents {
		if p, ok := pos[ents[i].Sentence]; ok {
			w.entsBySent[p] = append(w.entsBySent[p], i)
		}
	}
	w.markQuotes()
	return w
}

// lookup asks the knowledge base, once per phrase.
func (w *work) lookup(phrase string) (actors.Match, bool) {
	if w.r.kb == nil || phrase == "" || len(phrase) > maxLookupLength {
		return actors.Match{}, false
	}
	if res, ok := w.lookups[phrase]; ok {
		return res.m, res.ok
	}
	m, ok := w.r.kb.LookupName(phrase, w.date)
	w.lookups[phrase] = lookupResult{m, ok}
	return m, ok
}

// sector returns the knowledge base's role code of a noun, once per word.
func (w *work) sector(word string) string {
	if w.r.kb == nil || len(word) > 40 {
		return ""
	}
	if s, ok := w.sectors[word]; ok {
		return s
	}
	s, _ := w.r.kb.Sector(word)
	w.sectors[word] = s
	return s
}

func (w *work) run() {
	for si := range w.sents {
		w.sentence(si)
	}
	w.fillEntities()
}

// fillEntities writes each entity's canonical name and actor.
func (w *work) fillEntities() {
	done := make([]bool, len(w.ents))
	for i := range w.ments {
		m := &w.ments[i]
		if m.Entity < 0 || m.Entity >= len(w.ents) {
			continue
		}
		pc := w.cls[m.Cluster].public()
		e := &w.ents[m.Entity]
		name := pc.Name
		if name == "" {
			name = e.Text
		}
		e.Name = model.StrPtr(name)
		e.Actor = model.StrPtr(pc.Actor)
		done[m.Entity] = true
	}
	for i := range w.ents {
		if done[i] {
			continue
		}
		// An entity whose span matched no token: fall back on the
		// knowledge base alone.
		e := &w.ents[i]
		name, actor := e.Text, ""
		if m, ok := w.lookup(e.Text); ok {
			if m.Name != "" {
				name = m.Name
			}
			actor = m.Code
		}
		e.Name = model.StrPtr(name)
		e.Actor = model.StrPtr(actor)
	}
}

// markQuotes finds which tokens sit inside quotation marks, paragraph by
// paragraph, and which paragraphs hold a quotation.
func (w *work) markQuotes() {
	w.quoted = make([][]bool, len(w.sents))
	w.paraQuote = make([]bool, len(w.sents))
	w.para = make([]int, len(w.sents))
	w.paraOpen = make([]bool, len(w.sents))
	open := false
	paraStart, pi := 0, 0
	prevEnd := -1
	flush := func(end int, has bool) {
		for k := paraStart; k < end; k++ {
			w.paraQuote[k] = has
			w.paraOpen[k] = open
		}
	}
	has := false
	for si := range w.sents {
		s := &w.sents[si]
		if si > 0 && w.newParagraph(prevEnd, s.Span.Start) {
			flush(si, has)
			paraStart, has, open = si, false, false
			pi++
		}
		w.para[si] = pi
		q := make([]bool, len(s.Tokens))
		for ti := range s.Tokens {
			switch quoteKind(s.Tokens[ti].Text) {
			case 'o':
				open, has = true, true
			case 'c':
				q[ti] = open
				open, has = false, true
			case 't':
				has = true
				if open {
					q[ti] = true
					open = false
				} else {
					open = true
				}
			default:
				q[ti] = open
			}
		}
		w.quoted[si] = q
		prevEnd = s.Span.End
	}
	flush(len(w.sents), has)
}

// newParagraph reports whether a newline lies between two sentences.
func (w *work) newParagraph(prevEnd, start int) bool {
	if prevEnd < 0 || start <= prevEnd || prevEnd > len(w.text) {
		return prevEnd < 0
	}
	if start > len(w.text) {
		start = len(w.text)
	}
	return strings.Contains(w.text[prevEnd:start], "\n")
}

// quoteKind says whether a token opens ('o'), closes ('c') or toggles ('t')
// a quotation, or 0.
func quoteKind(t string) byte {
	switch t {
	case "“", "``", "«", "„":
		return 'o'
	case "”", "''", "»":
		return 'c'
	case "\"":
		return 't'
	}
	return 0
}

// sentence finds and resolves the mentions of sentence si, left to right.
func (w *work) sentence(si int) {
	s := &w.sents[si]
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	covered := make([]bool, n)
	w.kids = children(s)
	type cand struct {
		start int
		kind  byte // 'n' name, 'd' description, 'p' pronoun
		idx   int  // entity index, or head token
	}
	var cands []cand
	spans := make(map[int][2]int) // entity index -> token span
	for _, ei := range w.entsBySent[si] {
		e := &w.ents[ei]
		st, en := tokenSpan(s.Tokens, e.Start, e.End)
		if st < 0 {
			continue
		}
		spans[ei] = [2]int{st, en}
		for t := st; t < en; t++ {
			covered[t] = true
		}
		cands = append(cands, cand{st, 'n', ei})
	}
	for ti := range s.Tokens {
		if covered[ti] {
			continue
		}
		if _, ok := pronounOf(&s.Tokens[ti]); ok {
			cands = append(cands, cand{ti, 'p', ti})
			continue
		}
		if w.isDescriptionHead(s, ti) {
			cands = append(cands, cand{ti, 'd', ti})
			continue
		}
		if s.Tokens[ti].NER == "O" || s.Tokens[ti].NER == "" {
			cands = append(cands, cand{ti, 's', ti})
		}
	}
	// order by position; a description sorts by its head, which is the
	// last word of the phrase, so that names inside it come first
	for i := 1; i < len(cands); i++ {
		for j := i; j > 0 && cands[j].start < cands[j-1].start; j-- {
			cands[j], cands[j-1] = cands[j-1], cands[j]
		}
	}
	for _, c := range cands {
		switch c.kind {
		case 'n':
			sp := spans[c.idx]
			w.addName(si, c.idx, sp[0], sp[1], covered)
		case 'p':
			w.addPronoun(si, c.idx)
		case 'd':
			w.addDescription(si, c.idx, covered)
		case 's':
			if ci := w.surnameAt(s, c.idx); ci >= 0 && !covered[c.idx] {
				w.addSurname(si, c.idx, ci, covered)
			}
		}
	}
	w.groups(si)
	w.firstPersons(si)
	w.relatives(si, covered)
	w.noteSpeakers(si)
}

// noteSpeakers remembers the last speaker named or described in sentence si.
func (w *work) noteSpeakers(si int) {
	for i := len(w.ments) - 1; i >= 0 && w.ments[i].sidx == si && len(w.ments)-i <= 4*maxBack; i-- {
		m := &w.ments[i]
		if m.speechSubj && !m.inQuote && m.pron == "" && (w.cls[m.Cluster].person || w.cls[m.Cluster].typ == "ORG") {
			w.lastSpeaker, w.lastSpeakerSent = m.Cluster, si
			return
		}
	}
}

// fill sets the grammatical facts of a mention from its head token.
func (w *work) fill(m *ment) {
	s := &w.sents[m.sidx]
	h := &s.Tokens[m.Head]
	m.subj = strings.HasPrefix(h.Rel, "nsubj")
	switch base, _, _ := strings.Cut(h.Rel, ":"); base {
	case "compound", "amod", "nmod", "flat", "nummod":
		m.modifier = true
	}
	m.clause = h.Head
	if m.subj && h.Head >= 0 && h.Head < len(s.Tokens) {
		v := &s.Tokens[h.Head]
		m.speechSubj = w.r.lx.speech[strings.ToLower(v.Lemma)] || w.r.lx.speech[strings.ToLower(v.Text)]
	}
	if !m.speechSubj && strings.HasPrefix(h.Rel, "obl") && w.accordingTo(s, m.Head) {
		m.speechSubj = true // "according to Mr Smith"
	}
	if q := w.quoted[m.sidx]; m.Head < len(q) {
		m.inQuote = q[m.Head]
	}
	m.Text = w.spanText(m.sidx, m.Start, m.End)
}

// accordingTo reports whether token h is the object of "according to".
func (w *work) accordingTo(s *model.Sentence, h int) bool {
	for j := h - 1; j >= 0 && h-j <= 6; j-- {
		t := &s.Tokens[j]
		if strings.EqualFold(t.Text, "to") && j > 0 && strings.EqualFold(s.Tokens[j-1].Text, "according") {
			return true
		}
		if t.UPOS == "VERB" || t.UPOS == "PUNCT" {
			return false
		}
	}
	return false
}

func (w *work) spanText(si, st, en int) string {
	toks := w.sents[si].Tokens
	if st < 0 || en > len(toks) || st >= en {
		return ""
	}
	a, b := toks[st].Start, toks[en-1].End
	if a < 0 || b > len(w.text) || a > b {
		return ""
	}
	return w.text[a:b]
}

// newCluster starts a cluster with mention m.
func (w *work) newCluster(typ string) int {
	w.cls = append(w.cls, &clus{typ: typ, titles: map[string]bool{}})
	return len(w.cls) - 1
}

// attach adds m to cluster ci and records it.
func (w *work) attach(m ment, ci int) {
	m.Cluster = ci
	c := w.cls[ci]
	c.count++
	c.lastSent = m.sidx
	if c.person && c.gender == GenderUnknown && m.gender != GenderUnknown {
		c.gender = m.gender
	}
	w.ments = append(w.ments, m)
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// tokenSpan returns the tokens [st, en) that lie inside the byte range
// [start, end), or -1, -1 when none does. Tokens are in text order.
func tokenSpan(toks []model.Token, start, end int) (int, int) {
	st := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	en := st
	for en < len(toks) && toks[en].End <= end {
		en++
	}
	if en == st {
		return -1, -1
	}
	return st, en
}
