package timex

import (
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// tenseWindow is how many words either side of an expression are searched
// for a tense marker; tenseSteps bounds the tokens visited, punctuation
// included.
const (
	tenseWindow = 10
	tenseSteps  = 40
)

// tenseNear returns the tense of the clause around tokens [i, j): the
// nearest tense-marking word on either side (the left wins ties), or the
// sentence hint when there is none. The search stops at clause punctuation.
func (m *matcher) tenseNear(i, j int) Tense {
	lt, ld := TenseUnknown, 0
	for k, dist := i-1, 1; k >= 0 && dist <= tenseWindow && i-k <= tenseSteps; k-- {
		if m.t[k].k == kPunct {
			if clauseStop(m.t[k].low) {
				break
			}
			continue
		}
		if t := m.wordTense(k); t != TenseUnknown {
			lt, ld = t, dist
			break
		}
		dist++
	}
	rt, rd := TenseUnknown, 0
	for k, dist := j, 1; k < len(m.t) && dist <= tenseWindow && k-j < tenseSteps; k++ {
		if m.t[k].k == kPunct {
			if clauseStop(m.t[k].low) {
				break
			}
			continue
		}
		if rightStop[m.t[k].low] {
			break
		}
		if t := m.wordTense(k); t != TenseUnknown {
			rt, rd = t, dist
			break
		}
		dist++
	}
	t := TenseUnknown
	switch {
	case lt != TenseUnknown && (rt == TenseUnknown || ld <= rightWeight*rd):
		t = lt
	case rt != TenseUnknown:
		t = rt
	}
	// A present-tense verb says little about direction ("are due in
	// September"); a past or future hint for the sentence wins over it.
	if t == TenseUnknown || (t == TensePresent && m.tense != TenseUnknown) {
		if m.tense != TenseUnknown {
			return m.tense
		}
		if t == TenseUnknown {
			return m.sentenceTense()
		}
	}
	return t
}

// sentenceTense is the fallback when neither the words near an expression
// nor the caller's hint show a tense: the first tense marker of the
// sentence, which is usually its main verb.
func (m *matcher) sentenceTense() Tense {
	if m.sentTense >= 0 {
		return Tense(m.sentTense)
	}
	t := TenseUnknown
	for k := range m.t {
		if t = m.wordTense(k); t != TenseUnknown {
			break
		}
	}
	m.sentTense = int(t)
	return t
}

// rightStop are words that start another clause; the search to the right
// of an expression stops there.
var rightStop = map[string]bool{
	"and": true, "but": true, "while": true, "whereas": true, "who": true, "which": true,
	"because": true, "although": true, "though": true, "when": true, "where": true,
}

// rightWeight makes a marker after the expression count as this many times
// further away as one before it: the verb an adverbial belongs to usually
// comes first ("Sanctions announced on Tuesday will take effect").
const rightWeight = 2

func clauseStop(p string) bool {
	switch p {
	case ";", ":", "\"", "(", ")", "!", "?":
		return true
	}
	return false
}

// edNotPast are -ed words that are not past forms.
var edNotPast = map[string]bool{
	"indeed": true, "need": true, "speed": true, "seed": true, "feed": true,
	"breed": true, "proceed": true, "exceed": true, "succeed": true, "hundred": true,
	"kindred": true, "united": true, "naked": true, "sacred": true, "wicked": true,
	"ragged": true, "rugged": true, "beloved": true, "aged": true, "shred": true,
	"embed": true, "creed": true, "greed": true, "weed": true, "steed": true, "tweed": true,
	"alleged": true, "armed": true, "based": true, "related": true, "limited": true,
	"detailed": true, "advanced": true, "skilled": true, "interested": true, "concerned": true,
	"supposed": true, "used": true, "expected": true, "scheduled": true, "planned": true,
}

// participle are irregular past forms that are also past participles.
var participle = map[string]bool{
	"paid": true, "held": true, "sent": true, "made": true, "found": true, "led": true,
	"struck": true, "hit": true, "shot": true, "sold": true, "bought": true, "spent": true,
	"thought": true, "left": true, "lost": true, "met": true, "told": true, "said": true,
	"got": true, "won": true, "had": true,
}

// wordTense returns the tense a word at k marks, or TenseUnknown.
func (m *matcher) wordTense(k int) Tense {
	w := m.t[k].low
	if m.t[k].k != kWord {
		return TenseUnknown
	}
	switch w {
	case "won":
		if m.is(k+1, "'") && m.is(k+2, "t") {
			return TenseFuture
		}
		return TensePast
	case "ll":
		if m.is(k-1, "'") {
			return TenseFuture
		}
		return TenseUnknown
	case "due":
		if m.is(k+1, "to", "for", "in", "on", "by", "at") {
			return TenseFuture
		}
		return TenseUnknown
	case "set", "plan", "plans", "planned", "expected", "expects", "scheduled", "intends", "aims", "hopes":
		if m.is(k+1, "to", "for") {
			return TenseFuture
		}
		if w == "scheduled" || w == "planned" || w == "expected" {
			return TenseFuture
		}
		return TenseUnknown
	case "going", "planning", "preparing", "poised", "slated", "about":
		if m.is(k+1, "to") || w == "slated" {
			return TenseFuture
		}
		return TenseUnknown
	}
	if t, ok := m.lx.tenseWord[w]; ok {
		if t == TensePast && participle[w] && m.is(k-1, "be", "been", "being", "is", "are", "am", "was", "were", "to") {
			return TenseUnknown // "will be paid": the auxiliary decides
		}
		return t
	}
	switch w {
	case "would", "could", "might", "should", "must", "can", "may":
		if w == "may" && m.t[k].upper {
			return TenseUnknown
		}
		if m.is(k+1, "have") || (m.is(k+1, "not") && m.is(k+2, "have")) {
			return TensePast
		}
		return TenseFuture
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !edNotPast[w] {
		// "will be held", "is expected": the auxiliary decides.
		if m.is(k-1, "be", "been", "being", "is", "are", "am", "was", "were", "to") {
			return TenseUnknown
		}
		// "a still unspecified date", "the unnamed official": adjectives
		if strings.HasPrefix(w, "un") || adjectiveBefore[m.low(k-1)] {
			return TenseUnknown
		}
		return TensePast
	}
	return TenseUnknown
}

// adjectiveBefore are words after which an -ed form is an adjective.
var adjectiveBefore = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"still": true, "very": true, "so": true, "too": true, "most": true, "more": true, "less": true,
	"well": true, "fully": true, "highly": true, "widely": true, "newly": true, "long": true,
}

// TenseOf returns the tense of a tokenised sentence: future when it has a
// future auxiliary (will, shall, 'll, going to), otherwise the tense of the
// root verb or of its auxiliaries when the sentence is parsed, otherwise
// that of the first finite verb. It uses XPOS and Morph when the tagger has
// filled them and falls back to word lists when they are empty.
func TenseOf(toks []model.Token) Tense {
	for i, t := range toks {
		w := lower(t.Text)
		switch w {
		case "will", "shall", "'ll", "’ll", "ll", "wo", "gonna":
			if t.XPOS == "" || t.XPOS == "MD" {
				if w == "ll" && (i == 0 || !strings.HasSuffix(toks[i-1].Text, "'")) {
					continue
				}
				return TenseFuture
			}
		case "going":
			if i+1 < len(toks) && lower(toks[i+1].Text) == "to" && i+2 < len(toks) &&
				(toks[i+2].XPOS == "" || toks[i+2].XPOS == "VB") {
				return TenseFuture
			}
		}
	}
	// The root verb and its auxiliaries, when parsed.
	for r, t := range toks {
		if t.Rel != "root" {
			continue
		}
		for _, a := range toks {
			if a.Head == r && (a.Rel == "aux" || a.Rel == "aux:pass" || a.Rel == "cop") {
				if tn := tagTense(a); tn != TenseUnknown {
					return tn
				}
			}
		}
		if tn := tagTense(t); tn != TenseUnknown {
			return tn
		}
		break
	}
	for _, t := range toks {
		if tn := tagTense(t); tn != TenseUnknown {
			return tn
		}
	}
	for _, t := range toks {
		if t.XPOS != "" {
			continue
		}
		switch w := lower(t.Text); w {
		case "was", "were", "had", "did", "said", "told":
			return TensePast
		case "is", "are", "am", "has", "have", "says", "does":
			return TensePresent
		default:
			if len(w) > 4 && strings.HasSuffix(w, "ed") && !edNotPast[w] {
				return TensePast
			}
		}
	}
	return TenseUnknown
}

// tagTense reads the tense of a tagged token.
func tagTense(t model.Token) Tense {
	switch {
	case t.Morph.Tense == "Past" && t.Morph.VerbForm != "Part", t.XPOS == "VBD":
		return TensePast
	case t.Morph.Tense == "Pres" && t.Morph.VerbForm != "Part", t.XPOS == "VBZ", t.XPOS == "VBP":
		return TensePresent
	}
	return TenseUnknown
}

// shiftUnits moves day t by n units u.
func shiftUnits(t time.Time, n int, u unit) time.Time {
	switch u {
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}
