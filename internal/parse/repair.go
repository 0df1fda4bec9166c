package parse

import (
	"slices"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// objectControl lists the verbs whose object is the subject of a following
// to-infinitive ("ordered the newspaper to close", "urged Russia to
// withdraw"): the treebank makes that infinitive the verb's xcomp.
var objectControl = map[string]bool{
	"order": true, "urge": true, "ask": true, "tell": true, "force": true,
	"allow": true, "permit": true, "invite": true, "instruct": true,
	"encourage": true, "persuade": true, "compel": true, "press": true,
	"require": true, "authorize": true, "authorise": true, "direct": true,
	"call": true, "pressure": true, "pressurise": true, "pressurize": true,
	"enable": true, "oblige": true, "advise": true, "command": true,
}

// reportVerbs are the verbs of a parenthetical attribution ("…, officials
// said, …").
var reportVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "add": true, "claim": true,
	"state": true, "announce": true, "confirm": true, "allege": true,
	"insist": true, "note": true, "write": true, "warn": true,
}

// Repair mends attachments the parser often gets wrong, after Parse:
//   - inserted attribution: an attribution between commas in mid-sentence
//     that was made a conjunct of the clause before it becomes its
//     parataxis, and a participle clause after it goes back to that clause
//     ("Russian forces shelled the village, officials said, wounding three
//     soldiers" had wounding as what the officials said);
//   - closing attribution: an attribution that ends the sentence ("…,
//     police said.") and was hung on the main clause as its conjunct or
//     parataxis becomes the root, with that clause as its ccomp, as both
//     treebanks have it;
//   - possessor subject: of two subjects of one verb, the first marked as a
//     possessor ('s) becomes the possessor of the second ("Taiwan's Vice
//     Foreign Minister visited" had Taiwan as a subject of visited);
//   - name after title: a name right after its verb's noun object, hung on
//     the verb as a second xcomp or obj, becomes that noun's apposition
//     ("ordered former president Carlos Menem to appear" had Carlos as an
//     xcomp of ordered);
//   - perceived participle: a participle right after the object of a verb
//     of perception describes that object ("We see the artillery moving
//     forward" had moving as an adverbial clause of see, done by "we");
//   - controlled infinitive: a to-infinitive hung as a clause on the noun
//     object of an object-control verb becomes that verb's xcomp, as the
//     treebank has it ("ordered the newspaper to suspend publication" had
//     suspend as acl of newspaper).
func Repair(s *model.Sentence) {
	toks := s.Tokens
	repairAttribution(toks)
	repairFinalAttribution(toks)
	repairPossessorSubject(toks)
	repairNameAfterTitle(toks)
	repairPerceived(toks)
	repairControlledInfinitive(toks)
}

// repairControlledInfinitive applies Repair's controlled-infinitive rule.
func repairControlledInfinitive(toks []model.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Rel != "acl" || t.UPOS != "VERB" || t.XPOS != "VB" || !hasMarkTo(toks, i) {
			continue
		}
		o := t.Head
		if o < 0 || o >= len(toks) || toks[o].Rel != "obj" || o > i {
			continue
		}
		v := toks[o].Head
		if v < 0 || v >= len(toks) || toks[v].UPOS != "VERB" || !objectControl[strings.ToLower(toks[v].Lemma)] {
			continue
		}
		t.Head, t.Rel = v, "xcomp"
	}
}

// hasMarkTo reports whether token i has a dependent "to" marking it.
func hasMarkTo(toks []model.Token, i int) bool {
	for j := range toks {
		if toks[j].Head == i && toks[j].Rel == "mark" && strings.EqualFold(toks[j].Text, "to") {
			return true
		}
	}
	return false
}

// repairAttribution applies Repair's inserted-attribution rule.
func repairAttribution(toks []model.Token) {
	for i := range toks {
		t := &toks[i]
		h := t.Head
		if t.Rel != "conj" || t.UPOS != "VERB" || h < 0 || h >= i || !reportVerbs[strings.ToLower(t.Lemma)] {
			continue
		}
		subj, cc := reportDeps(toks, i, "cc")
		if subj < 0 || cc || !commaBefore(toks, subj) {
			continue
		}
		t.Rel = "parataxis"
		for j := i + 1; j < len(toks); j++ {
			d := &toks[j]
			if d.Head == i && d.XPOS == "VBG" && (d.Rel == "ccomp" || d.Rel == "advcl" || d.Rel == "xcomp" || d.Rel == "conj") && toks[j-1].Text == "," {
				d.Head, d.Rel = h, "advcl"
			}
		}
	}
}

// reportDeps returns the subject of token i that comes before it (-1 for
// none), and whether i has a dependent with one of the relations rels,
// which would make it more than an attribution.
func reportDeps(toks []model.Token, i int, rels ...string) (subj int, more bool) {
	subj = -1
	for j := range toks {
		if toks[j].Head != i {
			continue
		}
		if toks[j].Rel == "nsubj" && j < i {
			subj = j
		}
		more = more || slices.Contains(rels, toks[j].Rel)
	}
	return subj, more
}

// repairFinalAttribution applies Repair's closing-attribution rule.
func repairFinalAttribution(toks []model.Token) {
	for i := range toks {
		t := &toks[i]
		h := t.Head
		finite := t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP"
		if t.Rel != "conj" && t.Rel != "parataxis" || !finite || h < 0 || h >= i ||
			toks[h].Head != -1 || !reportVerbs[strings.ToLower(t.Lemma)] {
			continue
		}
		subj, clause := reportDeps(toks, i, "cc", "ccomp", "obj", "xcomp", "iobj")
		if subj < 0 || clause || !attributionOpens(toks, subj) {
			continue
		}
		last := true
		for k := i + 1; k < len(toks) && last; k++ {
			last = toks[k].UPOS == "PUNCT" || dominatedBy(toks, k, i)
		}
		if !last {
			continue
		}
		t.Head, t.Rel = -1, "root"
		toks[h].Head, toks[h].Rel = i, "ccomp"
		for k := i + 1; k < len(toks); k++ {
			if toks[k].Head == h && toks[k].UPOS == "PUNCT" {
				toks[k].Head = i
			}
		}
		return
	}
}

// attributionOpens reports whether the subject's phrase follows a comma or
// a closing quotation mark.
func attributionOpens(toks []model.Token, subj int) bool {
	first := phraseStart(toks, subj)
	if first == 0 {
		return false
	}
	switch toks[first-1].Text {
	case ",":
		return true
	case "\"", "”", "''", "’":
		return first >= 2 && (toks[first-2].Text == "," || toks[first-2].Text == "?" || toks[first-2].Text == "!")
	}
	return false
}

// commaBefore reports whether the first word of the subject's phrase
// follows a comma.
func commaBefore(toks []model.Token, subj int) bool {
	first := phraseStart(toks, subj)
	return first > 0 && toks[first-1].Text == ","
}

// phraseStart returns the first token of the unbroken run of words before
// subj (subj included) that lie in its subtree.
func phraseStart(toks []model.Token, subj int) int {
	first := subj
	for j := subj - 1; j >= 0 && dominatedBy(toks, j, subj); j-- {
		first = j
	}
	return first
}

// dominatedBy reports whether token j lies in the subtree of token h.
func dominatedBy(toks []model.Token, j, h int) bool {
	for steps := 0; j >= 0 && j < len(toks) && steps <= len(toks); steps++ {
		if j == h {
			return true
		}
		j = toks[j].Head
	}
	return false
}

// repairPossessorSubject applies Repair's possessor-subject rule.
func repairPossessorSubject(toks []model.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Rel != "nsubj" || !possessed(toks, i) {
			continue
		}
		for j := i + 1; j < len(toks) && j < t.Head; j++ {
			if toks[j].Head == t.Head && toks[j].Rel == "nsubj" {
				t.Head, t.Rel = j, "nmod:poss"
				break
			}
		}
	}
}

// possessed reports whether token i has a possessive 's (or ') child.
func possessed(toks []model.Token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		if toks[j].Head == i && toks[j].Rel == "case" && (toks[j].Text == "'s" || toks[j].Text == "’s" || toks[j].Text == "'") {
			return true
		}
	}
	return false
}

// repairNameAfterTitle applies Repair's name-after-title rule.
func repairNameAfterTitle(toks []model.Token) {
	for i := 1; i < len(toks); i++ {
		t, o := &toks[i], toks[i-1]
		if t.UPOS != "PROPN" || o.UPOS != "NOUN" || o.Rel != "obj" || t.Head != o.Head || t.Rel != "xcomp" && t.Rel != "obj" {
			continue
		}
		t.Head, t.Rel = i-1, "appos"
	}
}

// perceptionVerbs take an object and a participle that it does.
var perceptionVerbs = map[string]bool{
	"see": true, "watch": true, "hear": true, "observe": true, "notice": true,
	"spot": true, "witness": true, "film": true, "photograph": true,
}

// repairPerceived applies Repair's perceived-participle rule.
func repairPerceived(toks []model.Token) {
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		v := t.Head
		if t.XPOS != "VBG" || v < 0 || v >= i || t.Rel != "advcl" && t.Rel != "xcomp" && t.Rel != "ccomp" || !perceptionVerbs[strings.ToLower(toks[v].Lemma)] {
			continue
		}
		o := i - 1
		if toks[o].Rel != "obj" || toks[o].Head != v {
			continue
		}
		t.Head, t.Rel = o, "acl"
	}
}
