package quantities

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// kindOf says what happened to the counted people: through the noun itself
// ("fatalities"), its modifiers ("people killed"), its place in the parse
// (subject of "died", object of "killed", passive subject of "were
// wounded") and, when the parse says nothing, the words right after the
// phrase ("were shot and killed") or right before it ("killing three").
func (lx *lexicon) kindOf(st sentence, start, end, num, noun int, partitive bool) string {
	toks := st.toks
	if noun >= 0 {
		if k := lx.nouns[st.words[noun]]; k != "" {
			return k
		}
		if k := lx.wordKind(st, noun); class(k) != "" && participle(st.words[noun]) {
			return k // a headline's "4 Shot, 2 Killed", mis-tagged as nouns
		}
		for c := range toks {
			if toks[c].Head != noun || c == num {
				continue
			}
			switch toks[c].Rel {
			case "acl", "amod", "acl:relcl":
				if toks[c].XPOS == "VBG" || toks[c].Rel == "acl:relcl" && toks[c].XPOS != "VBN" && !lx.kinds[strings.ToLower(toks[c].Lemma)].any {
					continue // "people killing", "men who killed": agents
				}
				if k := lx.predicateKind(st, c, "nsubj:pass"); k != "" {
					return k
				}
			}
		}
	}
	top := noun
	if noun < 0 || partitive {
		top = num
		// the parse may hang the amount's words off each other: climb to
		// the word of the phrase whose head is outside it
		for k := 0; k < 4 && top >= 0; k++ {
			h := toks[top].Head
			if h < start || h >= end {
				break
			}
			top = h
		}
	}
	if k := lx.roleKind(st, top); k != "" {
		return k
	}
	last := end - 1
	if noun > last {
		last = noun
	}
	if k := lx.windowAfter(st, last+1); k != "" {
		return k
	}
	return lx.windowBefore(st, start)
}

// roleKind climbs from the counted word to its predicate.
func (lx *lexicon) roleKind(st sentence, cur int) string {
	toks := st.toks
	for step := 0; step < 3 && cur >= 0 && cur < len(toks); step++ {
		h := toks[cur].Head
		if h < 0 || h >= len(toks) {
			return ""
		}
		rel := toks[cur].Rel
		hp := toks[h].UPOS
		if strings.HasPrefix(rel, "conj") || rel == "appos" {
			if hp == "NOUN" || hp == "PRON" || hp == "NUM" || hp == "PROPN" {
				cur = h // "two men and a woman were killed"
				continue
			}
		}
		switch rel {
		case "nsubj", "nsubj:pass", "obj", "iobj", "nsubj:outer", "xcomp", "obl:unmarked", "nmod:unmarked":
			return lx.predicateKind(st, h, rel)
		}
		return ""
	}
	return ""
}

// predicateKind returns the kind of predicate p when a word in relation
// rel to it is the counted one.
func (lx *lexicon) predicateKind(st sentence, p int, rel string) string {
	toks := st.toks
	t := toks[p]
	lemma := strings.ToLower(t.Lemma)
	word := st.words[p]
	if lemma == "leave" || lemma == "report" || lemma == "confirm" || lemma == "be" || lemma == "remain" || lemma == "list" || lemma == "declare" || lemma == "pronounce" || lemma == "find" {
		// "left 2 dead", "were reported killed", "pronounced dead"
		for c := range toks {
			if toks[c].Head == p && (toks[c].Rel == "xcomp" || toks[c].Rel == "obj" || toks[c].Rel == "advmod" || toks[c].Rel == "conj") && c != p {
				if k := lx.wordKind(st, c); k != "" && k != Shot {
					return k
				}
			}
		}
		return ""
	}
	if lemma == "lose" {
		for c := range toks {
			if toks[c].Head == p && toks[c].Rel == "obj" && (st.words[c] == "lives" || st.words[c] == "life") {
				return Died
			}
		}
		return ""
	}
	if lemma == "take" || lemma == "transport" || lemma == "rush" || lemma == "airlift" || lemma == "treat" {
		// "were taken to hospital", "were treated for wounds"
		for c := range toks {
			if toks[c].Head == p && toks[c].Rel == "obl" && (strings.HasPrefix(st.words[c], "hospital") || st.words[c] == "injuries" || st.words[c] == "wounds") {
				return Injured
			}
		}
		return ""
	}
	tr, ok := lx.kinds[lemma]
	if !ok {
		tr, ok = lx.kinds[word]
	}
	if !ok {
		return ""
	}
	if rel == "nsubj" && !tr.any && t.UPOS == "VERB" && t.XPOS != "VBN" && !headlinePassive(st, p) {
		return "" // "two gunmen killed ...": the subject is the agent
	}
	if rel == "obj" && tr.any {
		return "" // "died a short time later": not a patient
	}
	k := tr.kind
	if k == Shot || k == Killed || k == Wounded || k == Injured {
		k = lx.refineShot(st, p, k)
	}
	return k
}

// wordKind is the kind a single word carries, by lemma or form.
func (lx *lexicon) wordKind(st sentence, i int) string {
	if tr, ok := lx.kinds[strings.ToLower(st.toks[i].Lemma)]; ok {
		return tr.kind
	}
	return lx.kinds[st.words[i]].kind
}

// refineShot turns "shot" into killed or wounded when the predicate says so:
// "shot dead", "shot to death", "fatally shot", "shot and killed", "shot and
// wounded".
func (lx *lexicon) refineShot(st sentence, p int, k string) string {
	toks := st.toks
	for c := range toks {
		if toks[c].Head != p || c == p {
			continue
		}
		w := st.words[c]
		switch toks[c].Rel {
		case "xcomp", "advmod", "obl":
			// only right beside the verb: in "four were shot, two fatally"
			// the adverb belongs to "two"
			if c < p-1 || c > p+3 || c > p+1 && st.words[p+1] != "to" && st.words[c-1] != "and" {
				continue
			}
			if w == "dead" || w == "fatally" || w == "death" || w == "mortally" {
				return Killed
			}
		case "conj":
			// "shot and killed", not "4 shot, 2 killed"
			if c > p && c-p <= 3 && !hasChild(toks, c, "nsubj", "nsubj:pass", "nummod") && !hasComma(st.words[p+1:c]) {
				if ck := lx.wordKind(st, c); ck == Killed || ck == Died {
					return Killed
				} else if k == Shot && (ck == Wounded || ck == Injured) {
					return ck
				}
			}
		}
	}
	if p+2 < len(toks) && st.words[p+1] == "to" && st.words[p+2] == "death" {
		return Killed
	}
	if p > 0 && (st.words[p-1] == "fatally" || st.words[p-1] == "mortally") {
		return Killed
	}
	return k
}

// skipWords may stand between a counted noun and its predicate.
var skipWords = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true,
	"been": true, "be": true, "being": true, "who": true, "that": true, "reportedly": true,
	"also": true, "later": true, "all": true, "each": true, "then": true, "allegedly": true,
	"initially": true, "eventually": true, "subsequently": true, "apparently": true,
	"critically": true, "seriously": true, "severely": true, "badly": true, "slightly": true,
	"reported": true, "confirmed": true, "believed": true, "said": true, "to": true,
	"found": true, "pronounced": true, "declared": true,
	"both": true, "now": true, "still": true, "already": true, "got": true, "left": true,
}

// windowAfter reads the kind from the words after the phrase: "were shot
// and killed", "were wounded", "dead", "fatally".
func (lx *lexicon) windowAfter(st sentence, j int) string {
	toks := st.toks
	for k := j; k < len(toks) && k < j+5; k++ {
		w := st.words[k]
		if skipWords[w] {
			continue
		}
		kind := lx.wordKind(st, k)
		if kind == "" {
			return ""
		}
		t := toks[k]
		if t.UPOS == "NOUN" && !participle(w) || t.XPOS == "VBG" {
			return ""
		}
		tr := lx.kinds[strings.ToLower(t.Lemma)]
		if tr.kind == "" {
			tr = lx.kinds[w]
		}
		if !tr.any && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP") && k == j {
			return "" // "three men shot a ...": active, they are the agents
		}
		if kind == Shot || kind == Wounded || kind == Injured {
			// "were shot and killed", "were shot dead"
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				mw := st.words[m]
				if mw == "and" || mw == "," || mw == "to" {
					continue
				}
				if mw == "dead" || mw == "death" || lx.wordKind(st, m) == Killed {
					return Killed
				}
				if kind == Shot && (lx.wordKind(st, m) == Wounded || lx.wordKind(st, m) == Injured) {
					return lx.wordKind(st, m)
				}
				break
			}
		}
		return kind
	}
	return ""
}

// windowBefore reads the kind from the verb right before the phrase:
// "killing three", "evacuated 5,000 residents".
func (lx *lexicon) windowBefore(st sentence, start int) string {
	k := start - 1
	if k < 0 {
		return ""
	}
	t := st.toks[k]
	if t.UPOS != "VERB" || t.XPOS == "VBN" && k > 0 && isBe(st.words[k-1]) {
		return ""
	}
	tr, ok := lx.kinds[strings.ToLower(t.Lemma)]
	if !ok || tr.any {
		return ""
	}
	if tr.kind == Shot {
		return lx.refineShot(st, k, Shot)
	}
	return tr.kind
}

func isBe(w string) bool {
	switch w {
	case "was", "were", "is", "are", "been", "being", "be":
		return true
	}
	return false
}

// headlinePassive reports a past form with a subject but nothing it acts
// on, which is a headline's passive without its "were": "Two boys killed,
// father arrested".
func headlinePassive(st sentence, p int) bool {
	t := st.toks[p]
	if t.XPOS != "VBD" || !strings.HasSuffix(st.words[p], "ed") && st.words[p] != "shot" && st.words[p] != "slain" && st.words[p] != "hurt" {
		return false
	}
	for c := range st.toks {
		if st.toks[c].Head != p || c == p {
			continue
		}
		switch st.toks[c].Rel {
		case "obj", "iobj", "ccomp", "xcomp", "aux", "aux:pass":
			return false
		}
	}
	return true
}

// hasChild reports whether token i has a child of one of the relations.
func hasChild(toks []model.Token, i int, rels ...string) bool {
	for c := range toks {
		if toks[c].Head != i || c == i {
			continue
		}
		for _, r := range rels {
			if toks[c].Rel == r {
				return true
			}
		}
	}
	return false
}
