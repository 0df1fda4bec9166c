package events

import (
	"sort"
	"strings"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// article is the state of coding one article.
type article struct {
	c  *Coder
	in *Input
	// lastActor is the most recent subject actor with a code, the fallback
	// antecedent of a pronoun when coreference has none.
	lastActor *model.Actor
	// direct holds the direct quotations whose speaker has an actor
	// code, in text order.
	direct []model.Quote
}

func newArticle(c *Coder, in *Input) *article {
	a := &article{c: c, in: in}
	for _, q := range in.Quotes {
		if q.Direct && q.Speaker != nil && q.Speaker.Actor != nil && *q.Speaker.Actor != "" && q.End > q.Start {
			a.direct = append(a.direct, q)
		}
	}
	sort.Slice(a.direct, func(i, j int) bool { return a.direct[i].Start < a.direct[j].Start })
	return a
}

// firstPersons are the pronouns by which a speaker names themselves or
// the body they speak for.
var firstPersons = map[string]bool{"i": true, "me": true, "my": true, "we": true, "us": true, "our": true}

// quoteSpeaker returns the speaker of the direct quotation that holds the
// first-person pronoun at text offset off ("\"We are ready,\" the general
// said": we is the general's side), or nil.
func (a *article) quoteSpeaker(word string, off int) *model.Speaker {
	if !firstPersons[strings.ToLower(word)] {
		return nil
	}
	// The last quotation that starts at or before off.
	i := sort.Search(len(a.direct), func(i int) bool { return a.direct[i].Start > off }) - 1
	if i < 0 || off >= a.direct[i].End {
		return nil
	}
	return a.direct[i].Speaker
}

// sentence is one sentence under analysis.
type sentence struct {
	a    *article
	s    *model.Sentence
	toks []model.Token
	kids [][]int
	ent  []int // token -> index into Input.Entities, -1
	// governed marks complements already coded through a family or a
	// light verb: token -> how.
	gov map[int]govern
	// used marks nouns consumed as the object of a coded verb.
	used map[int]bool
	// depth bounds the recursion of actor resolution (pronouns and
	// possessors refer to each other through the parse).
	depth int
	// memo holds each token's actor once resolved; busy breaks cycles.
	memo map[int]*model.Actor
	busy map[int]bool
	sole *string // soleCountry's answer, once computed
	// mutual marks event tokens whose two sources ("fighting between X
	// and Y") act on each other.
	mutual map[int]bool
}

// govern is how a complement's modality and source are set by its governor.
type govern struct {
	modality string
	source   []*model.Actor // the controller's actors, when the complement has no subject
	attrib   string
	// unnamed is set when the controller is a phrase that names no
	// actor ("urged both sides to negotiate"): the complement then has
	// no source rather than the governor's subject
	unnamed bool
}

// trigger is one matched trigger.
type trigger struct {
	tok   int
	e     entry
	code  string // resolved code
	words string // trigger text
}

func (a *article) codeSentence(s *model.Sentence) []model.Event {
	st := &sentence{a: a, s: s, toks: s.Tokens, gov: map[int]govern{}, used: map[int]bool{},
		memo: map[int]*model.Actor{}, busy: map[int]bool{}}
	n := len(st.toks)
	st.kids = make([][]int, n)
	for i, t := range st.toks {
		if t.Head >= 0 && t.Head < n && t.Head != i {
			st.kids[t.Head] = append(st.kids[t.Head], i)
		}
	}
	if st.repairAdjectiveVerb() {
		st.kids = make([][]int, n)
		for i, t := range st.toks {
			if t.Head >= 0 && t.Head < n && t.Head != i {
				st.kids[t.Head] = append(st.kids[t.Head], i)
			}
		}
	}
	st.ent = make([]int, n)
	for i := range st.ent {
		st.ent[i] = -1
	}
	for ei, e := range a.in.Entities {
		if e.Sentence != s.Index {
			continue
		}
		for i, t := range st.toks {
			if t.Start < e.End && t.End > e.Start {
				st.ent[i] = ei
			}
		}
	}
	return st.code()
}

// repairAdjectiveVerb mends a frequent tagging error: the only verb of a
// clause read as an adjective on its object ("The army massed tanks near
// the border", "Guerrillas wounded two soldiers, police said"). When the
// sentence has no finite verb but reporting verbs, a past form in -ed
// that the lexicon knows as a verb, between a noun and the noun it was
// said to modify, becomes a verb with the noun before it as subject and
// the other as object. The input is not changed: the sentence gets its
// own copy of the tokens. Reports whether it changed anything.
func (st *sentence) repairAdjectiveVerb() bool {
	n := len(st.toks)
	for _, t := range st.toks {
		if t.UPOS == "AUX" || t.UPOS == "VERB" && (finite(t) || t.XPOS == "MD") && !reportVerbs[lower(t)] {
			return false
		}
	}
	for j := 1; j+1 < n; j++ {
		t := st.toks[j]
		h := t.Head
		if t.UPOS != "ADJ" || t.Rel != "amod" || h <= j || h >= n || !strings.HasSuffix(strings.ToLower(t.Text), "ed") {
			continue
		}
		subj := j - 1
		if p := st.toks[subj]; p.UPOS != "NOUN" && p.UPOS != "PROPN" || st.toks[h].UPOS != "NOUN" {
			continue
		}
		if len(st.verbEntries(j)) == 0 {
			continue
		}
		toks := append([]model.Token(nil), st.toks...)
		// the verb takes the place of its subject's phrase (or of its
		// object's when the subject was a modifier of the object)
		top := toks[subj].Head
		rel := toks[subj].Rel
		if top == h || top == j {
			top, rel = toks[h].Head, toks[h].Rel
		}
		if top == j || top >= n {
			top, rel = -1, "root"
		}
		switch {
		case top < 0:
			rel = "root"
		case toks[top].UPOS == "VERB":
			rel = "ccomp"
		default:
			rel = "parataxis"
		}
		toks[j].UPOS, toks[j].XPOS, toks[j].Head, toks[j].Rel = "VERB", "VBD", top, rel
		// the lemma the lexicon knows it by ("wounded" -> wound)
		for _, b := range stems(strings.ToLower(t.Text)) {
			if len(st.a.c.lex.verbs[b]) > 0 {
				toks[j].Lemma = b
				break
			}
		}
		toks[subj].Head, toks[subj].Rel = j, "nsubj"
		toks[h].Head, toks[h].Rel = j, "obj"
		// phrases after the object that say where, when or how belong to
		// the verb ("wounded two soldiers in a bomb attack")
		for _, c := range st.kids[h] {
			if c > h && baseRel(toks[c].Rel) == "nmod" {
				switch strings.ToLower(st.caseOf(c)) {
				case "in", "near", "at", "on", "during", "with", "outside", "inside":
					toks[c].Head, toks[c].Rel = j, "obl"
				}
			}
		}
		st.toks = toks
		return true
	}
	return false
}

// code finds the triggers of the sentence in tree order (governors before
// their complements) and builds their events.
func (st *sentence) code() []model.Event {
	order := st.treeOrder()
	var out []model.Event
	hasVerbEvent := false
	for _, i := range order {
		t := st.toks[i]
		if !isVerbLike(t) || st.inBackground(i) {
			continue
		}
		evs := st.verbEvents(i)
		if len(evs) > 0 {
			hasVerbEvent = true
		}
		out = append(out, evs...)
		if len(out) > 4*MaxEventsPerSentence {
			break
		}
	}
	// event nouns: with a light verb or as a subject first; standalone
	// ones only in a sentence with no other event
	for pass := 0; pass < 2; pass++ {
		for _, i := range order {
			t := st.toks[i]
			if t.UPOS != "NOUN" || st.used[i] || t.Rel == "compound" && !st.onCarrier(i) {
				continue
			}
			if pass == 1 && (hasVerbEvent || len(out) > 0) {
				break
			}
			evs := st.nounEvents(i, pass == 0)
			if len(evs) > 0 {
				st.used[i] = true
			}
			out = append(out, evs...)
			if len(out) > 4*MaxEventsPerSentence {
				break
			}
		}
	}
	return dedupe(out)
}

// background reports whether verb i only describes a noun ("the
// helicopter that was captured", "property seized by the army", "the
// occupied West Bank"): such clauses are not coded, unless the noun is
// the sentence's root (a headline-like clause the parser read as a
// phrase).
func (st *sentence) background(i int) bool {
	t := st.toks[i]
	h := t.Head
	if h < 0 || h >= len(st.toks) {
		return false
	}
	hasObj := st.child(i, "obj") >= 0
	headRel := baseRel(st.toks[h].Rel)
	switch t.Rel {
	case "acl:relcl":
		// a true relative clause has a relativizer or its own subject; a
		// finite verb without either is a main clause the parser misread
		for _, k := range st.kids[i] {
			switch strings.ToLower(st.toks[k].Text) {
			case "who", "which", "that", "whom", "whose", "where":
				return true
			}
			if baseRel(st.toks[k].Rel) == "nsubj" {
				return true
			}
		}
		return false
	case "amod":
		// "the occupied West Bank"; an "adjective" with an object or an
		// auxiliary is a misparsed verb
		return i < h && !hasObj && len(st.auxes(i)) == 0
	case "acl":
		return headRel != "root" && headRel != "nsubj" && t.XPOS == "VBN" && !hasObj
	case "parataxis", "advcl":
		// a relative clause the parse attached to the verb: "…in Serbia,
		// where 24 people were killed last year"
		for _, k := range st.kids[i] {
			if k < i && st.toks[k].UPOS != "PUNCT" {
				switch strings.ToLower(st.toks[k].Text) {
				case "where", "whom", "whose", "which":
					return true
				}
				return false
			}
		}
	}
	return false
}

// inBackground reports whether verb i is a background clause or a
// complement inside one ("a resolution that aims to impose a blockade",
// "talks aimed at ending the war"): its acts are not news either.
func (st *sentence) inBackground(i int) bool {
	if st.background(i) {
		return true
	}
	// only infinitive and participle complements inherit their
	// governor's background
	for j, n := i, 0; n < 6; n++ {
		t := st.toks[j]
		r := baseRel(t.Rel)
		if r != "xcomp" && r != "advcl" && r != "conj" || t.Head < 0 || t.Head >= len(st.toks) || finite(t) {
			return false
		}
		j = t.Head
		if st.background(j) {
			return true
		}
	}
	return false
}

// treeOrder lists token indexes breadth-first from the root, so that a
// governor is always seen before its complement.
func (st *sentence) treeOrder() []int {
	n := len(st.toks)
	seen := make([]bool, n)
	var order, queue []int
	for i, t := range st.toks {
		if t.Head < 0 || t.Head >= n || t.Head == i {
			queue = append(queue, i)
			seen[i] = true
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		order = append(order, i)
		for _, k := range st.kids[i] {
			if !seen[k] {
				seen[k] = true
				queue = append(queue, k)
			}
		}
	}
	for i := range st.toks { // tokens in cycles or cut off from a root
		if !seen[i] {
			order = append(order, i)
		}
	}
	return order
}

func isVerbLike(t model.Token) bool {
	if t.UPOS == "VERB" {
		return true
	}
	if t.UPOS == "ADJ" {
		switch strings.ToLower(t.Lemma) {
		case "willing", "ready", "prepared", "committed", "determined", "eager":
			return true
		}
	}
	return false
}

func lower(t model.Token) string {
	l := t.Lemma
	if l == "" {
		l = t.Text
	}
	return strings.ToLower(l)
}

// rel returns the base relation ("obl" for "obl:agent").
func baseRel(r string) string {
	b, _, _ := strings.Cut(r, ":")
	return b
}

func (st *sentence) child(i int, rels ...string) int {
	for _, k := range st.kids[i] {
		for _, r := range rels {
			if st.toks[k].Rel == r {
				return k
			}
		}
	}
	return -1
}

// caseOf returns the preposition ("case" child) of a nominal, lower case.
func (st *sentence) caseOf(i int) string {
	for _, k := range st.kids[i] {
		if st.toks[k].Rel == "case" || (st.toks[k].Rel == "mark" && st.toks[k].UPOS != "PART") {
			return strings.ToLower(st.toks[k].Text)
		}
	}
	// a preposition the parse hung on the phrase's first word, a number
	// or determiner before the head ("to 18 Rwandan rebels")
	for _, k := range st.kids[i] {
		if k > i {
			break
		}
		if r := baseRel(st.toks[k].Rel); r != "nummod" && r != "det" && r != "amod" {
			continue
		}
		for _, c := range st.kids[k] {
			if st.toks[c].Rel == "case" && c < k {
				return strings.ToLower(st.toks[c].Text)
			}
		}
	}
	return ""
}

func (st *sentence) isPassive(i int) bool {
	subj, obj := false, false
	for _, k := range st.kids[i] {
		switch st.toks[k].Rel {
		case "aux:pass":
			return true
		case "nsubj:pass", "csubj:pass":
			subj = true
		case "obj":
			obj = true
		}
	}
	// a passive subject with neither a passive auxiliary nor room for a
	// direct object is a misparse of an active clause ("Israeli tanks
	// fired four shells")
	return subj && !obj
}

// particle reports whether verb i is followed by word w as a particle,
// adverb, object or preposition ("call on", "blow up", "open fire").
func (st *sentence) particle(i int, w string) bool {
	for _, k := range st.kids[i] {
		t := st.toks[k]
		if strings.EqualFold(t.Text, w) && (t.Rel == "compound:prt" || t.Rel == "advmod" || t.Rel == "obj") {
			return true
		}
		if baseRel(t.Rel) == "obl" || baseRel(t.Rel) == "obj" {
			if st.caseOf(k) == w && k > i && k-i <= 3 {
				return true
			}
		}
	}
	if i+1 < len(st.toks) && strings.EqualFold(st.toks[i+1].Text, w) {
		return true
	}
	return false
}

// clauseNouns returns the nouns of the clause of i: its nominal dependents
// and their nominal dependents, conjuncts included, without entering other
// clauses.
func (st *sentence) clauseNouns(i int) []int {
	var out []int
	var walk func(j, depth int)
	walk = func(j, depth int) {
		if depth > 4 {
			return
		}
		for _, k := range st.kids[j] {
			t := st.toks[k]
			switch baseRel(t.Rel) {
			// (through an adverb the parse made a head: "moved tanks
			// closer to the border")
			case "obj", "iobj", "obl", "nmod", "conj", "compound", "nsubj", "xcomp", "appos", "amod", "advmod":
				if t.UPOS == "VERB" && baseRel(t.Rel) != "amod" {
					continue
				}
				if t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "ADJ" || t.UPOS == "NUM" {
					out = append(out, k)
				}
				walk(k, depth+1)
			case "acl":
				// a reduced relative read as a clause with its noun as
				// subject ("shortened the curfew imposed in Sudan"): the
				// noun is the governing clause's
				if t.Rel == "acl:relcl" && t.XPOS == "VBN" && st.child(k, "aux", "aux:pass") < 0 {
					if s := st.child(k, "nsubj"); s >= 0 && st.toks[s].UPOS == "NOUN" && s < k {
						out = append(out, s)
					}
				}
			}
		}
	}
	walk(i, 0)
	return out
}

// complement returns the complement clause of verb i: an xcomp, a to- or
// that-clause, or a gerund; -1 when none.
func (st *sentence) complement(i int) int {
	best := -1
	for _, k := range st.kids[i] {
		t := st.toks[k]
		if t.UPOS != "VERB" && !isVerbLike(t) {
			continue
		}
		switch baseRel(t.Rel) {
		case "xcomp", "ccomp":
			return k
		case "advcl":
			if st.hasMark(k, "to") || t.Morph.VerbForm == "Ger" || t.XPOS == "VBG" {
				if best < 0 {
					best = k
				}
			}
		}
	}
	return best
}

func (st *sentence) hasMark(i int, words ...string) bool {
	for _, k := range st.kids[i] {
		t := st.toks[k]
		if t.Rel == "mark" || t.Rel == "case" || baseRel(t.Rel) == "advmod" {
			for _, w := range words {
				if strings.EqualFold(t.Text, w) {
					return true
				}
			}
		}
	}
	return false
}

// match picks the most specific lexicon entry for token i. src is the
// trigger's source role codes (for subj= conditions).
func (st *sentence) match(entries []entry, i int, srcRoles []string) (entry, int, bool) {
	best, bestObj, found := entry{}, -1, false
	var nouns []int
	comp := -2
	for _, e := range entries {
		hit := -1
		if e.particle != "" && !st.particle(i, e.particle) {
			continue
		}
		if e.pass && !st.isPassive(i) || e.active && st.isPassive(i) || e.cond && st.conditionClause(i) < 0 {
			continue
		}
		if e.obj != nil {
			if nouns == nil {
				nouns = st.clauseNouns(i)
			}
			hit = -1
			for _, k := range nouns {
				if e.obj[lower(st.toks[k])] || e.obj[strings.ToLower(st.toks[k].Text)] ||
					st.toks[k].Head == i && !timeWords[lower(st.toks[k])] && st.caseOf(k) != "" && e.obj[st.caseOf(k)] {
					hit = k
					break
				}
			}
			if hit < 0 {
				continue
			}
		}
		if e.comp != nil {
			if comp == -2 {
				comp = st.complement(i)
			}
			if comp < 0 || !e.comp[lower(st.toks[comp])] {
				continue
			}
		}
		if e.cobj != nil {
			if comp == -2 {
				comp = st.complement(i)
			}
			if comp < 0 || !st.hasNoun(st.clauseNouns(comp), e.cobj) {
				continue
			}
		}
		if e.subj != nil {
			ok := false
			for _, r := range srcRoles {
				if e.subj[r] {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if !found || e.spec > best.spec {
			best, bestObj, found = e, hit, true
		}
	}
	return best, bestObj, found
}

// conditionClause returns the first if- or unless-clause on any of the
// verbs, or on the infinitives under them ("threatened to stop talks to
// cut arms if the US deploys", where the parser hangs the condition on the
// last infinitive), or -1.
func (st *sentence) conditionClause(verbs ...int) int {
	for _, v := range verbs {
		for depth := 0; depth < 4 && st.valid(v); depth++ {
			next := -1
			for _, k := range st.kids[v] {
				switch {
				case baseRel(st.toks[k].Rel) == "advcl" && st.hasMark(k, "if", "unless"):
					return k
				case st.toks[k].Rel == "xcomp" && next < 0:
					next = k
				}
			}
			v = next
		}
	}
	return -1
}

// hasNoun reports whether one of the nouns has a lemma (or lower-case
// form) in set.
func (st *sentence) hasNoun(nouns []int, set map[string]bool) bool {
	for _, k := range nouns {
		if set[lower(st.toks[k])] || set[strings.ToLower(st.toks[k].Text)] {
			return true
		}
	}
	return false
}

// rolesOf returns the role codes of the actors (MIL, GOV, ...).
func rolesOf(as []*model.Actor) []string {
	var out []string
	for _, a := range as {
		if a == nil || a.Actor == nil {
			continue
		}
		_, roles := actors.Split(*a.Actor)
		out = append(out, roles...)
		if len(roles) == 0 && len(*a.Actor) == 3 {
			out = append(out, *a.Actor) // bare role codes ("REB") split to none
		}
	}
	return out
}

func (st *sentence) verbEntries(i int) []entry {
	return st.a.c.lex.lookup(st.a.c.lex.verbs, lower(st.toks[i]), st.toks[i].Text)
}

func (st *sentence) nounEntries(i int) []entry {
	return st.a.c.lex.lookup(st.a.c.lex.nouns, lower(st.toks[i]), st.toks[i].Text)
}

// timeWords are nouns of time, whose preposition ("on Saturday") says
// nothing about the frame.
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "day": true, "week": true, "month": true, "year": true, "night": true,
	"morning": true, "evening": true, "afternoon": true, "weekend": true, "hour": true, "today": true}

// onCarrier reports whether noun i is compounded on a carrier noun ("a
// mediation effort").
func (st *sentence) onCarrier(i int) bool {
	h := st.toks[i].Head
	return h >= 0 && h < len(st.toks) && carrierNouns[lower(st.toks[h])]
}
