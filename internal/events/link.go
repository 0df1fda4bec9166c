package events

import (
	"strings"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/timex"
)

// clauseSpan returns the byte range of the clause of token tok: the
// subtree of its verb (a noun's governing verb), bounded by the sentence.
func (st *sentence) clauseSpan(tok int) (int, int) {
	h := tok
	if st.toks[h].UPOS != "VERB" && st.toks[h].Head >= 0 && st.toks[st.toks[h].Head].UPOS == "VERB" {
		h = st.toks[h].Head
	}
	lo, hi := st.toks[h].Start, st.toks[h].End
	stack := []int{h}
	seen := map[int]bool{h: true}
	for len(stack) > 0 && len(seen) <= len(st.toks) {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range st.kids[j] {
			if seen[k] {
				continue
			}
			seen[k] = true
			// other clauses are not ours
			switch baseRel(st.toks[k].Rel) {
			case "ccomp", "parataxis", "advcl", "acl", "csubj":
				if k != tok {
					continue
				}
			}
			if st.toks[k].Start < lo {
				lo = st.toks[k].Start
			}
			if st.toks[k].End > hi {
				hi = st.toks[k].End
			}
			stack = append(stack, k)
		}
	}
	return lo, hi
}

// dateFor dates the event at token tok: a time expression of its own
// clause, else of its sentence, else the publication date.
func (st *sentence) dateFor(tok int) (string, string) {
	in := st.a.in
	sp := st.s.Span
	lo, hi := st.clauseSpan(tok)
	var clause, sent []timex.Found
	for _, f := range in.Times {
		if f.Start >= sp.Start && f.End <= sp.End {
			sent = append(sent, f)
			if f.Start >= lo && f.End <= hi {
				clause = append(clause, f)
			}
		}
	}
	at := st.toks[tok].Start
	for _, set := range [][]timex.Found{clause, sent} {
		if f, ok := timex.ForEvent(set, at); ok {
			if d, p, ok := f.EventDate(); ok {
				return d, p
			}
		}
	}
	if !in.Published.IsZero() {
		return in.Published.Format("2006-01-02"), "day"
	}
	return "", ""
}

// locationFor places the event at token tok: a place of its own clause
// (preferring one after in/near/at), else another of its sentence. A
// place that is the event's own source or target ("Russia could launch",
// "Russian units moved") is an actor, not where the event happens.
func (st *sentence) locationFor(tok int, actors ...[]*model.Actor) *model.Place {
	in := st.a.in
	sp := st.s.Span
	lo, hi := st.clauseSpan(tok)
	var best, any *model.Place
	for i := range in.Places {
		p := &in.Places[i]
		if p.Start < sp.Start || p.End > sp.End || st.isActorPlace(p.Start, p.End, actors) || st.subjectCountry(p) {
			continue
		}
		if any == nil {
			pl := p.Place
			any = &pl
		}
		if p.Start >= lo && p.End <= hi && best == nil {
			pl := p.Place
			best = &pl
			if st.placePrep(p.Start) {
				return best
			}
		}
	}
	if best != nil {
		return best
	}
	return any
}

// subjectCountry reports whether the place is a country named as the
// subject or object of a clause, or as the qualifier of a noun that is no
// stretch of land, ("The United States warned Russia that it
// would pay … if it invaded Ukraine"): a country that acts or is acted on
// is an actor of the sentence, not where its other events happen; "in
// Ukraine" is a place.
func (st *sentence) subjectCountry(p *places.Found) bool {
	if p.Kind != "country" {
		return false
	}
	for k := range st.toks {
		t := st.toks[k]
		if t.End != p.End {
			continue
		}
		if strings.HasPrefix(t.Rel, "nsubj") || t.Rel == "obj" || t.Rel == "iobj" {
			return true
		}
		// a country that qualifies a noun other than a stretch of land:
		// "according to US intelligence", "US Secretary of State",
		// "Russia's actions" ("Ukraine's border" is a place)
		switch baseRel(t.Rel) {
		case "compound", "nmod", "amod":
			if t.Rel != "nmod:poss" && baseRel(t.Rel) == "nmod" {
				break
			}
			if st.valid(t.Head) && t.Head > k && !landNouns[lower(st.toks[t.Head])] {
				return true
			}
		}
	}
	return false
}

// Nouns of land and its edges, which a country before them locates:
// "Ukraine's border", "Russian territory".
var landNouns = map[string]bool{"border": true, "frontier": true, "territory": true, "soil": true, "land": true,
	"capital": true, "city": true, "town": true, "village": true, "region": true, "province": true, "coast": true,
	"airspace": true, "water": true, "side": true, "mainland": true, "north": true, "south": true, "east": true,
	"west": true, "countryside": true, "embassy": true, "port": true, "base": true, "camp": true}

// isActorPlace reports whether the place mention at bytes [start, end)
// is, or lies inside, the text of one of the actors: the same words, or
// a phrase that holds them as whole words.
func (st *sentence) isActorPlace(start, end int, actors [][]*model.Actor) bool {
	text := st.a.in.Text
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	name := text[start:end]
	for _, set := range actors {
		for _, a := range set {
			if a != nil && containsWord(a.Text, name) {
				return true
			}
		}
	}
	return false
}

// containsWord reports whether phrase holds word as whole words.
func containsWord(phrase, word string) bool {
	for off := 0; off <= len(phrase)-len(word); {
		i := strings.Index(phrase[off:], word)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(word)
		if (i == 0 || !isWordByte(phrase[i-1])) && (j == len(phrase) || !isWordByte(phrase[j])) {
			return true
		}
		off = i + 1
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// placePrep reports whether the place starting at byte off follows in,
// near, at, outside or inside.
func (st *sentence) placePrep(off int) bool {
	for i, t := range st.toks {
		if t.Start == off || (t.Start <= off && off < t.End) {
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				switch lowerText(st.toks[j].Text) {
				case "in", "near", "at", "outside", "inside", "around":
					return true
				}
			}
			return false
		}
	}
	return false
}

func lowerText(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// countsFor returns the quantities of the clause of token tok.
func (st *sentence) countsFor(tok int) []model.Quantity {
	in := st.a.in
	lo, hi := st.clauseSpan(tok)
	out := []model.Quantity{}
	for _, q := range in.Quantities {
		if q.Sentence != st.s.Index {
			continue
		}
		if q.Start >= lo && q.End <= hi {
			out = append(out, q.Quantity)
			if len(out) >= 8 {
				break
			}
		}
	}
	return out
}
