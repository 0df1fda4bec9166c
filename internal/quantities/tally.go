package quantities

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// Casualties are an article's totals of people killed and injured.
//
// The totals are read per predicate: every casualty word ("killed", "were
// wounded", "dead", "fatally") adds up the people it governs, a number for
// a counted amount ("two men") and one for a single person ("a man", "he",
// "John Smith"), over coordinations ("a man and a woman were killed" is 2;
// an apposition, "the victim, John Smith,", is one person). Where the parse
// fails, as it does on headlines, the words next to the casualty word are
// read instead ("Mother, toddler killed"; "killing a 17-year-old"). A word
// that says someone died without saying who ("the teen's death", "a fatal
// shooting", "has died") counts one.
//
// The article's figure is the largest such sum, not the sum over the
// article, since news repeats its figures ("two people were killed ... the
// two victims"). Amounts that refer back ("the two victims", "both") never
// start a figure of their own. Amounts in sentences about a period ("since
// 2000", "so far this year", "annually") are tallies of many incidents and
// are left out, as are casualty words that are negated or hedged ("nobody
// died", "could have killed").
//
// A shooter who killed himself ("then turned the gun on himself", "killed
// himself", "took his own life", "murder-suicide") is added to the victims
// an active verb names ("killed his wife and son, then himself": 3), or to
// a single victim, but not to a list of the dead, which names him already
// ("a man and a woman were found dead in a murder-suicide": 2), nor when
// the article speaks of an accident.
//
// Deaths are read from the lead only (the nine sentences from the first
// one with a casualty word): later sentences often recall other incidents.
// After the title, a line without an end mark that shares no word with the
// title is taken for the headline of another story and gives no deaths.
//
// Headlines are read by their words where the parse fails: a bare number
// counts the people of the casualty word after it ("One killed, two
// hurt"), a past form with a subject and no object is a passive ("Two
// teens killed"), "fatal ... shooting" says one died, and "deaths of X, Y"
// counts the people listed. The victims of a casualty word end at the next
// one ("killed two and injured three others" is 2 killed).
//
// Murder charges count the dead ("three counts of murder", not attempted
// murder), anywhere in the article; "a third victim has died" is 3. Bare
// numbers that are ages ("his sons, 10 and 12,") count nobody.
//
// People shot with no word on whether they lived count as injured when the
// shot total is larger than the killed one ("four were shot, one fatally":
// 1 killed, 3 injured).
type Casualties struct {
	Killed, Injured, Shot int
	// KilledSeen and InjuredSeen say whether any casualty word of that
	// class was read (a figure of 0 with Seen false means "not stated").
	KilledSeen, InjuredSeen bool
	// Suicide is set when the article says someone killed himself.
	Suicide bool
}

// maxCasualties bounds a figure (larger amounts are not single incidents).
const maxCasualties = 1e9

// leadSentences is how many sentences (title included) a killed figure is
// read from: news describes its incident first, and later sentences often
// recall other ones ("in a separate shooting", "last month a man was
// killed"), so deaths told after the lead are left out.
const leadSentences = 9

// Tally reads the casualty figures of parsed sentences, given what Find
// returned for them.
func Tally(sents []model.Sentence, found []Found) Casualties {
	lx, err := loadLexicon()
	if err != nil {
		return Casualties{}
	}
	bySent := map[int][]Found{}
	for _, f := range found {
		bySent[f.Sentence] = append(bySent[f.Sentence], f)
	}
	var c Casualties
	// killed figures read from amounts, and from single people: a
	// murder-suicide's shooter is added to the second only, since a
	// stated amount ("two dead in a murder-suicide") already counts him
	var killedNum, killedOne, killedActive int
	killedSome := 0   // someone died, not said who
	accident := false // a shooter who shot himself by accident is the victim
	late := false
	first := -1
	var title sentence
	charged := 0 // murder charges anywhere in the article
	note := func(kind string, v float64, fromAmount bool) {
		n := int(min(v, maxCasualties))
		if n <= 0 {
			return
		}
		switch class(kind) {
		case Killed:
			if late {
				return
			}
			c.KilledSeen = true
			if fromAmount {
				killedNum = max(killedNum, n)
			} else {
				killedOne = max(killedOne, n)
			}
		case Injured:
			c.InjuredSeen = true
			c.Injured = max(c.Injured, n)
		case Shot:
			c.Shot = max(c.Shot, n)
		}
	}
	for si := range sents {
		s := &sents[si]
		fs := bySent[s.Index]
		st := newSentence(s)
		if si == 0 {
			title = st
		}
		if first < 0 && lx.mentionsCasualty(st) {
			first = si
		}
		late = first >= 0 && si >= first+leadSentences || si > 0 && loneHeadline(st) && !lx.sameWords(st, title)
		fs = dropAges(st, fs)
		stat := statistics(st)
		if stat {
			// "nearly 500 children have died in homicides since 2000":
			// amounts in a sentence about a period are tallies of many
			// incidents, not of this one
			fs = nil
		}
		for _, f := range fs {
			if f.Kind != nil && !f.Definite {
				note(*f.Kind, f.Value, true)
			}
		}
		for p := range st.toks {
			if hedged(st, p) {
				continue
			}
			v, k, fromAmount := lx.patients(st, p, fs)
			if v > 0 && k != "" {
				note(k, v, fromAmount)
			}
			if v := lx.deathNoun(st, p, fs); v > 0 {
				note(Killed, v, v > 1)
			} else if n := max(lx.deathWord(st, p), fatalAttack(st, p)); n > 0 && !stat && !late {
				// "the death" may be the shooter's own: no suicide bonus
				c.KilledSeen = true
				killedSome = max(killedSome, n)
			}
			if !late && lx.suicide(st, p) {
				c.Suicide = true
			}
			if strings.HasPrefix(st.words[p], "accident") || st.words[p] == "self-inflicted" || st.words[p] == "inflicted" {
				accident = true
			}
		}
		if n := lx.ordinalDeath(st); n > 0 && !stat && !late {
			note(Killed, float64(n), true)
		}
		if n := lx.deathsOf(st); n > 1 && !stat {
			note(Killed, float64(n), true)
		}
		if n := lx.murderCounts(st); n > 0 && !stat {
			charged = max(charged, n)
		}
		k, i, sh, act, self := lx.singles(st, fs)
		c.Suicide = c.Suicide || self && !late
		if !late {
			killedActive = max(killedActive, act)
		}
		note(Killed, float64(k), false)
		note(Injured, float64(i), false)
		note(Shot, float64(sh), false)
	}
	if c.Suicide && !accident {
		// the shooter adds to the victims of "killed his wife, son and
		// then himself", or to a single victim; a list of the dead
		// ("a man and two children found dead") names him already
		if killedOne <= 1 && killedNum <= 1 {
			killedOne++
		}
		killedOne = max(killedOne, killedActive+1)
		c.KilledSeen = true
	}
	c.Killed = max(killedNum, killedOne, killedSome, charged)
	if c.Shot > c.Killed && c.Shot-c.Killed > c.Injured {
		c.Injured = c.Shot - c.Killed
		c.InjuredSeen = true
	}
	return c
}

// class folds kinds into killed, injured and shot.
func class(kind string) string {
	switch kind {
	case Killed, Died:
		return Killed
	case Wounded, Injured:
		return Injured
	case Shot:
		return Shot
	}
	return ""
}

// patients sums the people that predicate p governs when it is a casualty
// predicate ("were killed", "died", "was pronounced dead", "left two
// dead"), and returns its kind. A predicate coordinated with another one
// without a subject of its own shares that one's subject ("was shot and
// died").
func (lx *lexicon) patients(st sentence, p int, fs []Found) (float64, string, bool) {
	toks := st.toks
	if !lx.mayBePredicate(st, p) {
		return 0, "", false // most words: no need to look at their children
	}
	total := 0.0
	fromAmount := false
	value := func(e int) float64 {
		v, amt := lx.personValueFrom(st, e, fs)
		fromAmount = fromAmount || amt
		return v
	}
	kind := ""
	hasSubj := false
	for c := range toks {
		if toks[c].Head != p || c == p {
			continue
		}
		rel := toks[c].Rel
		switch rel {
		case "nsubj", "nsubj:pass":
			hasSubj = true
		case "obj":
		default:
			continue
		}
		k := lx.predicateKind(st, p, rel)
		if k == "" || c != p && class(lx.wordKind(st, c)) != "" && participle(st.words[c]) {
			continue // "Three shot, one killed": the subject is another predicate
		}
		kind = k
		// two subjects of one predicate are a parse slip ("Amber
		// Caudill" split in two): take the larger, and sum conjuncts only
		sum := 0.0
		for _, e := range lx.ownConjuncts(st, c) {
			sum += value(e)
		}
		total = max(total, sum)
	}
	if !hasSubj && toks[p].Rel == "conj" {
		h := toks[p].Head
		if h >= 0 && h < len(toks) && (toks[h].UPOS == "VERB" || toks[h].UPOS == "ADJ") {
			for c := range toks {
				if toks[c].Head != h || c == p || toks[c].Rel != "nsubj" && toks[c].Rel != "nsubj:pass" {
					continue
				}
				rel := "nsubj:pass"
				if toks[c].Rel == "nsubj" && toks[h].XPOS != "VBN" && toks[h].UPOS == "VERB" && toks[p].XPOS == "VBD" {
					rel = "nsubj" // "he shot and killed her": still the agent
				}
				if k := lx.predicateKind(st, p, rel); k != "" {
					kind = k
					sum := 0.0
					for _, e := range lx.ownConjuncts(st, c) {
						sum += value(e)
					}
					total = max(total, sum)
				}
			}
		}
	}
	// "people killed", "a man shot": the casualty word modifies its patient
	if total == 0 && (toks[p].Rel == "acl" || toks[p].Rel == "amod") && toks[p].XPOS != "VBG" {
		h := toks[p].Head
		if h >= 0 && h < len(toks) {
			if k := lx.predicateKind(st, p, "nsubj:pass"); k != "" {
				kind = k
				total = value(h)
			}
		}
	}
	return total, kind, fromAmount
}

// deathNoun counts the people a noun says died: "the shooting deaths of
// a mother and her daughter" is 2, "a fatal shooting" 1.
func (lx *lexicon) deathNoun(st sentence, p int, fs []Found) float64 {
	t := st.toks[p]
	if t.UPOS != "NOUN" {
		return 0
	}
	switch st.words[p] {
	case "death", "deaths", "killing", "killings", "murder", "murders", "homicide", "slaying", "slayings":
		for c := range st.toks {
			if st.toks[c].Head == p && st.toks[c].Rel == "nmod" {
				sum := 0.0
				for _, e := range conjuncts(st.toks, c) {
					sum += lx.personValue(st, e, fs)
				}
				if sum > 0 {
					return sum
				}
			}
		}
	case "shooting", "stabbing", "incident", "attack", "crash":
		for c := range st.toks {
			if st.toks[c].Head == p && st.toks[c].Rel == "amod" && (st.words[c] == "fatal" || st.words[c] == "deadly") {
				return 1
			}
		}
	}
	return 0
}

// deathWord reports a word that says someone died, though not who:
// "the teen's death", "a hunting death", "the homicide", "has died",
// "passed away". "Attempted murder" and "homicide detectives" do not.
func (lx *lexicon) deathWord(st sentence, p int) int {
	t := st.toks[p]
	w := st.words[p]
	prev := ""
	if p > 0 {
		prev = st.words[p-1]
	}
	if prev == "attempted" || prev == "no" || prev == "near" || prev == "possible" {
		return 0
	}
	switch {
	case t.UPOS == "NOUN" || t.UPOS == "PROPN":
		switch w {
		case "death", "killing", "homicide", "murder", "slaying", "killings", "homicides", "murders", "slayings", "deaths":
			if t.Rel == "compound" || hedged(st, p) {
				return 0
			}
			// "a double homicide", "the triple murder"
			switch prev {
			case "double":
				return 2
			case "triple":
				return 3
			case "quadruple":
				return 4
			}
			if strings.HasSuffix(w, "s") {
				return 0 // plural without a number says nothing of this one
			}
			return 1
		}
	case t.UPOS == "VERB" && strings.ToLower(t.Lemma) == "die":
		if hedged(st, p) {
			return 0
		}
		return 1
	case w == "passed" && p+1 < len(st.toks) && st.words[p+1] == "away":
		if hedged(st, p) {
			return 0
		}
		return 1
	}
	return 0
}

// suicide reports "killed himself", "shot herself", "turned the gun on
// himself", "took his own life" and "murder-suicide".
func (lx *lexicon) suicide(st sentence, p int) bool {
	w := st.words[p]
	if w == "murder-suicide" || w == "suicide" && p > 1 && st.words[p-1] == "-" && st.words[p-2] == "murder" {
		return true
	}
	if w == "suicide" && !hedged(st, p) {
		// "before committing suicide", not "an attempted suicide"
		h := st.toks[p].Head
		return h >= 0 && h < len(st.toks) && strings.ToLower(st.toks[h].Lemma) == "commit"
	}
	if w == "self" && p > 0 {
		// a headline's "Man kills self", "fatally shoots self"
		prev := st.words[p-1]
		return strings.HasPrefix(prev, "kill") || p > 1 && st.words[p-2] == "fatally" && strings.HasPrefix(prev, "shoot")
	}
	if w != "himself" && w != "herself" && w != "life" {
		return false
	}
	h := st.toks[p].Head
	if h < 0 || h >= len(st.toks) {
		return false
	}
	lemma := strings.ToLower(st.toks[h].Lemma)
	switch {
	case w == "life":
		return lemma == "take" && p > 0 && st.words[p-1] == "own"
	case lemma == "kill":
		return true
	case lemma == "shoot":
		return h > 0 && (st.words[h-1] == "fatally" || st.words[h-1] == "mortally")
	}
	// "turned the gun on himself"
	for m := p - 1; m >= 0 && m >= p-4; m-- {
		if st.words[m] == "gun" || st.words[m] == "weapon" || st.words[m] == "rifle" || st.words[m] == "shotgun" {
			return true
		}
	}
	return false
}

// conjuncts returns i and the words coordinated with it. A chain without
// a coordinating word is an apposition the parser took for a coordination
// ("the girl, Malijha Grant,"), and stands for one.
func conjuncts(toks []model.Token, i int) []int {
	out := conjChain(toks, i)
	if len(out) > 1 {
		for _, c := range out[1:] {
			for k := range toks {
				if toks[k].Head == c && toks[k].Rel == "cc" {
					return out
				}
			}
		}
		return out[:1]
	}
	return out
}

func conjChain(toks []model.Token, i int) []int {
	out := []int{i}
	for k := 0; k < len(out) && len(out) < 16; k++ {
		for c := range toks {
			if toks[c].Head == out[k] && toks[c].Rel == "conj" {
				switch toks[c].UPOS {
				case "NOUN", "PROPN", "PRON", "NUM":
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// personValue is how many people word e stands for: the value of the
// amount that counts it, one for a single person, zero otherwise.
func (lx *lexicon) personValue(st sentence, e int, fs []Found) float64 {
	v, _ := lx.personValueFrom(st, e, fs)
	return v
}

// personValueFrom is personValue, and whether the value is a counted amount.
func (lx *lexicon) personValueFrom(st sentence, e int, fs []Found) (float64, bool) {
	for _, f := range fs {
		if (f.Head == e || f.Number == e) && !f.Definite {
			return f.Value, true
		}
	}
	if st.words[e] == "himself" || st.words[e] == "herself" {
		return 0, false // the shooter: counted through Suicide
	}
	t := st.toks[e]
	w := st.words[e]
	switch {
	case t.UPOS == "PRON":
		if lx.person[w] {
			return 1, false
		}
	case t.UPOS == "PROPN":
		if strings.HasSuffix(t.NER, "PERSON") {
			return 1, false
		}
	case t.UPOS == "NOUN" && t.XPOS == "NN":
		// in the patient place of a casualty word a singular noun is
		// nearly always a person; things and animals are listed
		if !lx.thing[w] && !lx.units[w] {
			return 1, false
		}
	}
	return 0, false
}

// singleSkip may stand between a person and the casualty word after it:
// auxiliaries, adverbs, ages and the verbs of "found dead", "pronounced
// dead".
var singleSkip = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
	"been": true, "be": true, "being": true, "who": true, "later": true, "reportedly": true,
	"fatally": true, "critically": true, "seriously": true, "accidentally": true, "mortally": true,
	"found": true, "pronounced": true, "declared": true, "left": true, "also": true, "allegedly": true,
	"apparently": true, "shot": true, "and": true, ",": true, "then": true, "eventually": true,
	"lying": true, "believed": true, "confirmed": true, "now": true, "since": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"overnight": true, "early": true, "late": true, "last": true,
}

// singles finds one person hit by a casualty word without looking at the
// parse, which headlines and long news sentences often get wrong: "Teen
// killed in shooting", "a man was shot and killed", "the 3-year-old died",
// "killing a 17-year-old". It returns the class (killed, injured or shot)
// of each it finds.
func (lx *lexicon) singles(st sentence, fs []Found) (killed, injured, shot, active int, suicide bool) {
	words, toks := st.words, st.toks
	for k := range toks {
		kind := lx.wordKind(st, k)
		if class(kind) == "" || toks[k].UPOS == "NOUN" && !participle(words[k]) || words[k] == "fatally" || hedged(st, k) {
			continue
		}
		tr := lx.kinds[strings.ToLower(toks[k].Lemma)]
		if tr.kind == "" {
			tr = lx.kinds[words[k]]
		}
		// what the casualty word says, refined by the words beside it
		cl := class(kind)
		if cl == Shot || cl == Injured {
			if k > 0 && (words[k-1] == "fatally" || words[k-1] == "mortally") {
				cl = Killed
			}
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if words[m] == "and" || words[m] == "to" {
					continue
				}
				if words[m] == "dead" || words[m] == "death" || class(lx.wordKind(st, m)) == Killed {
					cl = Killed
				}
				break
			}
		}
		// "killed his wife": active, with the victims after it; a headline's
		// "killed" may be tagged as a participle, but "was killed 2 days
		// ago" is passive
		isActive := toks[k].XPOS == "VBG" || (toks[k].XPOS == "VBD" || toks[k].XPOS == "VBN") && k+1 < len(toks) && lx.objectStarts(st, k+1) && !(k > 0 && (isBe(words[k-1]) || k > 1 && isBe(words[k-2]) && toks[k-1].UPOS == "ADV"))
		if tr.any || !isActive {
			killed, injured, shot = mark(cl, lx.personLeft(st, k), killed, injured, shot)
			continue
		}
		n, self := lx.personRight(st, k+1, killedOnly(cl, fs))
		if self && cl == Killed {
			suicide = true // "killed his son, his wife and himself"
		}
		killed, injured, shot = mark(cl, n, killed, injured, shot)
		if cl == Killed {
			active = max(active, n)
		}
	}
	return killed, injured, shot, active, suicide
}

func mark(cl string, n, k, i, s int) (int, int, int) {
	switch cl {
	case Killed:
		k = max(k, n)
	case Injured:
		i = max(i, n)
	case Shot:
		s = max(s, n)
	}
	return k, i, s
}

// objectStarts reports whether an object noun phrase starts at j.
func (lx *lexicon) objectStarts(st sentence, j int) bool {
	t := st.toks[j]
	if weekdays[st.words[j]] {
		return false
	}
	switch t.UPOS {
	case "DET", "PRON", "NUM", "PROPN":
		return st.words[j] != "in" && st.words[j] != "at"
	}
	return t.XPOS == "PRP$"
}

// isPerson reports whether token i names one person: a person noun, an
// "X-year-old", a name or he/she.
func (lx *lexicon) isPerson(st sentence, i int) bool {
	t := st.toks[i]
	w := st.words[i]
	switch {
	case w == "old" && i > 0 && st.words[i-1] == "-":
		return true
	case lx.person[w] || lx.person[strings.ToLower(t.Lemma)]:
		// headlines get "teen" tagged as a plural
		return t.XPOS != "NNS" && t.XPOS != "NNPS" || !strings.HasSuffix(w, "s")
	case strings.HasSuffix(t.NER, "PERSON"):
		return true
	}
	return false
}

// personLeft looks left of casualty word k for the people it is about
// and counts them: "Teen killed" is 1, "Mother, toddler killed" and "a man
// and his 11-year-old son were found dead" are 2.
func (lx *lexicon) personLeft(st sentence, k int) int {
	n := 0
	j := k - 1
	for ; j >= 0 && j >= k-7; j-- {
		w := st.words[j]
		if lx.isPerson(st, j) {
			break
		}
		if st.toks[j].UPOS == "NUM" && (j == 0 || bareStart[st.words[j-1]]) && !hasComma(st.words[j+1:k]) {
			// a headline's bare number: "One killed", "2 dead, 3 hurt"
			if a, ok := lx.readAmount(st.words, j); ok && a.n == 1 && !a.approx && a.value >= 1 && a.value < 100 && a.value == float64(int(a.value)) {
				return int(a.value)
			}
		}
		if singleSkip[w] || st.toks[j].UPOS == "NUM" || st.toks[j].UPOS == "ADV" || w == "(" || w == ")" {
			continue
		}
		return 0
	}
	if j < 0 || j < k-7 {
		return 0
	}
	// j is a person; count the people coordinated before it. A group is
	// the words of one person ("24-year-old David Atherton").
	n = 1
	inGroup, sawAnd := true, false
	groupFirst, groupNamed := j, lx.named(st, j)
	for m := j - 1; m >= 0 && m >= j-12 && n < 64; m-- {
		w := st.words[m]
		t := st.toks[m]
		if lx.isPerson(st, m) {
			if inGroup {
				groupFirst, groupNamed = m, groupNamed || lx.named(st, m)
				continue
			}
			// "Mother, toddler killed" is two people; "the man, Kenneth
			// Griffin," and "the victim, a 15-year-old boy," are one
			if sawAnd || !lx.named(st, m) && !groupNamed && !determined(st, groupFirst) {
				n++
			}
			inGroup, sawAnd = true, false
			groupFirst, groupNamed = m, lx.named(st, m)
			continue
		}
		if w == "," || w == "and" || w == "&" {
			inGroup = false
			sawAnd = sawAnd || w != ","
			continue
		}
		if t.UPOS == "DET" || t.XPOS == "PRP$" || t.UPOS == "ADJ" || t.UPOS == "NUM" || w == "-" || w == "year" || w == "month" || strings.HasSuffix(t.NER, "PERSON") {
			if inGroup && strings.HasSuffix(t.NER, "PERSON") {
				groupNamed = true
			}
			continue
		}
		break
	}
	return n
}

// bareStart may stand before a bare number that counts people.
var bareStart = map[string]bool{",": true, ":": true, ";": true, "and": true, "—": true}

func hasComma(ws []string) bool {
	for _, w := range ws {
		if w == "," {
			return true
		}
	}
	return false
}

// named reports whether token i is part of a person's name.
func (lx *lexicon) named(st sentence, i int) bool {
	// headlines get "Teen Daughter" tagged as a name: person words are not
	return strings.HasSuffix(st.toks[i].NER, "PERSON") && !lx.person[st.words[i]]
}

// determined reports whether the noun phrase of person i starts with a
// determiner ("a 15-year-old boy").
func determined(st sentence, i int) bool {
	for m := i - 1; m >= 0 && m >= i-6; m-- {
		t := st.toks[m]
		switch {
		case t.UPOS == "DET" || t.XPOS == "PRP$":
			return true
		case t.UPOS == "ADJ" || t.UPOS == "NUM" || t.UPOS == "NOUN" || st.words[m] == "-":
			continue
		}
		return false
	}
	return false
}

// personRight counts the people right of active casualty word j-1, its
// objects: "killing a 17-year-old" is 1, "shot her husband, infant son,
// then herself" is 2 (the shooter counts through Suicide).
func (lx *lexicon) personRight(st sentence, j int, fs []Found) (int, bool) {
	n := 0
	inPerson := false
	for m := j; m < len(st.toks) && m < j+16 && n < 64; m++ {
		w := st.words[m]
		t := st.toks[m]
		if w == "himself" || w == "herself" || w == "self" {
			return n, n > 0
		}
		if m > j && class(lx.wordKind(st, m)) != "" {
			break // "killed two and injured two others": the next predicate
		}
		if v := amountAt(fs, m); v > 0 {
			if !inPerson {
				n += v // "kills two children"
			}
			inPerson = true
			continue
		}
		if lx.isPerson(st, m) {
			if !inPerson {
				n++
			}
			inPerson = true
			continue
		}
		if n > 0 && (w == "," || w == "and" || w == "then") {
			inPerson = false
			continue
		}
		if t.UPOS == "DET" || t.UPOS == "ADJ" || t.UPOS == "NUM" || t.XPOS == "PRP$" || w == "-" || w == "year" || w == "month" || (inPerson && strings.HasSuffix(t.NER, "PERSON")) {
			continue
		}
		break
	}
	return n, false
}

// participle reports a casualty word in a verb form, which headlines get
// tagged as nouns: "Teen slain", "Boy shot".
func participle(w string) bool {
	switch w {
	case "shot", "slain", "hurt", "dead", "dies", "died":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// statistics reports a sentence about a period or a place at large rather
// than one incident: "since 2000", "so far this year", "last year",
// "annually", "on average", "nationwide", "over the weekend".
func statistics(st sentence) bool {
	w := st.words
	for i := range w {
		next := ""
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch w[i] {
		case "since", "annually", "average", "nationwide", "statewide", "citywide", "tally", "statistics", "percent", "rate":
			return true
		case "in", "during", "throughout":
			// "in 2013": a year on its own is a period
			if len(next) == 4 && next[0] >= '1' && next[0] <= '2' {
				if v, ok := ParseNumber(next); ok && v >= 1900 && v <= 2100 {
					return true
				}
			}
		case "so":
			if next == "far" {
				return true
			}
		case "this", "last", "each", "per", "every", "a":
			if next == "year" || next == "month" || next == "decade" {
				return true
			}
		}
	}
	return false
}

// hedged reports a casualty word that did not happen or may not have: "was
// not killed", "nobody died", "could have killed her", "threatened to
// kill", "brain dead".
func hedged(st sentence, k int) bool {
	if k > 0 && st.words[k-1] == "brain" {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		switch st.words[j] {
		case "about":
			// "about to kill", not "details about the death"
			if st.words[j+1] == "to" {
				return true
			}
		case "to":
			// "threatened to kill", "expected to be killed", not "taken
			// to a hospital, where he died"
			if j == k-1 || j == k-2 && (isBe(st.words[k-1]) || st.toks[k-1].UPOS == "ADV") {
				return true
			}
		case "not", "n't", "never", "nobody", "no", "none", "could", "would", "might", "may", "should", "will", "if", "without", "whether", "almost", "nearly", "attempted", "attempt":
			return true
		case ",", ";", ":", ".", "and", "but", "who", "which", "that":
			return false
		}
	}
	return false
}

// amountAt returns the value of the amount whose number or counted noun is
// token i, as a whole number, or 0.
func amountAt(fs []Found, i int) int {
	for _, f := range fs {
		if (f.Number == i || f.Head == i) && !f.Approx {
			return int(min(f.Value, maxCasualties))
		}
	}
	return 0
}

// killedOnly gives the amounts to count for class cl: for killed only, as
// the amounts of the other classes are noted on their own.
func killedOnly(cl string, fs []Found) []Found {
	if cl != Killed {
		return nil
	}
	return fs
}

// carriers are the lemmas predicateKind reads a casualty word through
// ("left 2 dead", "was pronounced dead", "lost their lives").
var carriers = map[string]bool{
	"leave": true, "report": true, "confirm": true, "be": true, "remain": true, "list": true,
	"declare": true, "pronounce": true, "find": true, "lose": true, "take": true,
	"transport": true, "rush": true, "airlift": true, "treat": true,
}

// mayBePredicate reports whether token p can be a casualty predicate.
func (lx *lexicon) mayBePredicate(st sentence, p int) bool {
	return lx.wordKind(st, p) != "" || carriers[strings.ToLower(st.toks[p].Lemma)]
}

// murderCounts reads the number of murder charges, which is the number of
// the dead: "two counts of first-degree murder", "three murder charges".
// Attempted murder and conspiracy are not deaths.
func (lx *lexicon) murderCounts(st sentence) int {
	w := st.words
	for i := 1; i < len(w); i++ {
		if w[i] != "counts" && w[i] != "charges" {
			continue
		}
		a, ok := lx.readAmount(w, i-1)
		if !ok || a.n != 1 || a.approx || a.value < 2 || a.value > 20 {
			continue
		}
		for j := i + 1; j < len(w) && j <= i+5; j++ {
			switch w[j] {
			case "attempted", "attempt", "conspiracy", "solicitation", "and", ",", ";":
				j = len(w)
			case "murder", "homicide", "manslaughter":
				return int(a.value)
			}
		}
	}
	return 0
}

var ordinals = map[string]int{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}

// ordinalDeath reads "a third person has died", "second victim dies": the
// dead of the incident now number that many.
func (lx *lexicon) ordinalDeath(st sentence) int {
	w := st.words
	for i := 0; i+1 < len(w); i++ {
		n := ordinals[w[i]]
		if n == 0 || i > 0 && (w[i-1] == "the" || w[i-1] == "his" || w[i-1] == "her") || !lx.person[w[i+1]] && w[i+1] != "victim" && w[i+1] != "person" {
			continue
		}
		for j := i + 1; j < len(w) && j <= i+4; j++ {
			if w[j] == "dies" || w[j] == "died" {
				if !hedged(st, j) {
					return n
				}
			}
			if w[j] == "," || w[j] == "and" || w[j] == "of" || st.toks[j].UPOS == "VERB" {
				break
			}
		}
	}
	return 0
}

// fatalAttack reads "a fatal shooting", "Deadly Officer-Involved
// Shooting" by the words alone, as headlines get them mis-tagged: someone
// died.
func fatalAttack(st sentence, p int) int {
	switch st.words[p] {
	case "shooting", "stabbing", "shootout", "attack", "incident", "rampage":
	default:
		return 0
	}
	for j := p - 1; j >= 0 && j >= p-6; j-- {
		switch st.words[j] {
		case "fatal", "deadly":
			if j > 0 && (st.words[j-1] == "non" || st.words[j-1] == "no" || st.words[j-1] == "not") {
				return 0
			}
			return 1
		case ",", ";", ":", ".", "and", "or", "the", "a", "an":
			return 0
		}
	}
	return 0
}

func (lx *lexicon) mentionsCasualty(st sentence) bool {
	for i := range st.toks {
		if class(lx.wordKind(st, i)) != "" {
			return true
		}
	}
	return false
}

// loneHeadline reports a line without an end mark, which after the title
// is mostly the headline of another story ("Related: man killed in ...").
func loneHeadline(st sentence) bool {
	n := len(st.words)
	if n == 0 {
		return false
	}
	switch st.words[n-1] {
	case ".", "!", "?", "\"", "”", "'", "’", ")", "...", "…":
		return false
	}
	return true
}

// sameWords reports whether headline a shares a name or a content word
// with title b, so that it is about the same story ("Teen shot at mall";
// "UPDATE: police say the teen has died").
func (lx *lexicon) sameWords(a, b sentence) bool {
	for i, w := range a.words {
		if len(w) < 4 || lx.wordKind(a, i) != "" || commonWords[w] {
			continue
		}
		for _, v := range b.words {
			if v == w {
				return true
			}
		}
	}
	return false
}

// commonWords are words that say nothing of which story a line is about.
var commonWords = map[string]bool{
	"police": true, "shooting": true, "shootings": true, "after": true, "says": true, "said": true,
	"with": true, "from": true, "that": true, "this": true, "were": true, "have": true, "been": true,
	"into": true, "over": true, "video": true, "news": true, "update": true, "more": true, "photos": true,
	"suspect": true, "victim": true, "killed": true, "man": true, "woman": true, "their": true,
}

// deathsOf counts the people listed after "deaths of", "killings of" or
// "murder-suicide of", by the words alone, as headlines are mis-parsed:
// "Shooting Deaths Of Mother, Brother" is 2.
func (lx *lexicon) deathsOf(st sentence) int {
	w := st.words
	for i := 0; i+2 < len(w); i++ {
		switch w[i] {
		case "deaths", "killings", "murders", "slayings", "murder-suicide":
		default:
			continue
		}
		if w[i+1] != "of" || hedged(st, i) {
			continue
		}
		if n, _ := lx.personRight(st, i+2, nil); n > 1 {
			return n
		}
	}
	return 0
}

// ownConjuncts is conjuncts without the words past another casualty word:
// in "killed five officers and injured seven others" the parse may join
// "others" to "officers", but they are the objects of "injured".
func (lx *lexicon) ownConjuncts(st sentence, i int) []int {
	all := conjuncts(st.toks, i)
	out := make([]int, 1, len(all))
	out[0] = all[0]
	for _, e := range all[1:] {
		lo, hi := min(i, e), max(i, e)
		cut := false
		for m := lo + 1; m < hi; m++ {
			if class(lx.wordKind(st, m)) != "" && (st.toks[m].UPOS == "VERB" || st.toks[m].UPOS == "ADJ" || participle(st.words[m])) {
				cut = true
				break
			}
		}
		if !cut {
			out = append(out, e)
		}
	}
	return out
}

// dropAges leaves out bare numbers that are ages: "his sons, 10 and 12,",
// "the children were 9 and 10 years old", and marks bare numbers that
// refer back ("the four") definite.
func dropAges(st sentence, fs []Found) []Found {
	var out []Found
	for i, f := range fs {
		if f.Head < 0 && f.Number > 0 && f.Number < len(st.words) && !f.Definite {
			switch st.words[f.Number-1] {
			case "the", "these", "those", "all":
				// "the four were shot": refers back, as "the four victims"
				// does; copied, since fs is shared
				if out == nil {
					out = append(make([]Found, 0, len(fs)), fs[:i]...)
				}
				f.Definite = true
				out = append(out, f)
				continue
			}
		}
		if f.Head >= 0 || !ageAt(st, f.Number) {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		if out == nil {
			out = append(make([]Found, 0, len(fs)), fs[:i]...)
		}
	}
	if out == nil {
		return fs
	}
	return out
}

func ageAt(st sentence, n int) bool {
	w := st.words
	if n < 0 || n >= len(w) {
		return false
	}
	for m := n + 1; m < len(w) && m <= n+5; m++ {
		if w[m] == "years" || w[m] == "year" || w[m] == "months" {
			return true
		}
		if w[m] != "and" && w[m] != "," && w[m] != "-" && st.toks[m].UPOS != "NUM" {
			break
		}
	}
	// "his sons, 10 and 12": a list of numbers set off after a noun
	if n >= 4 && w[n-1] == "and" && st.toks[n-2].UPOS == "NUM" && w[n-3] == "," {
		n -= 2
	}
	if n >= 2 && w[n-1] == "," && (st.toks[n-2].UPOS == "NOUN" || st.toks[n-2].UPOS == "PROPN" || st.toks[n-2].UPOS == "NUM") {
		next := ""
		if n+1 < len(w) {
			next = w[n+1]
		}
		return next == "and" || next == "," || next == ")" || n >= 3 && w[n-2] == "and"
	}
	return false
}
