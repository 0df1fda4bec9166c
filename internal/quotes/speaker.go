package quotes

import (
	"sort"
	"strings"

	"github.com/vigilhq/vigil/internal/model"
)

// setSpeaker fills the speaker of c from the mention headed by token h of
// sentence si.
func (d *doc) setSpeaker(c *cue, si, h int) {
	toks := d.sents[si].Tokens
	lo, hi := d.phrase(si, h)
	// The phrase stops short of the cue ("Smith notes").
	if c.at.s == si && c.at.t > h && hi >= c.at.t {
		hi = c.at.t - 1
	}
	if c.at.s == si && c.end < h && lo <= c.end {
		lo = c.end + 1
	}
	for lo < h && (toks[lo].Rel == "case" || toks[lo].Rel == "fixed" || toks[lo].UPOS == "ADP") {
		lo++ // "according to"
	}
	c.spk = span{toks[lo].Start, toks[hi].End}
	c.hasSpk = true
	c.speaker = d.resolve(si, h, lo, hi)
}

// Words that open a description but are not part of its name.
var leadWords = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"one": true, "another": true, "some": true,
}

// resolve names the speaker mention h (tokens lo..hi): through coreference
// when it knows the token, else through the named entity the mention
// overlaps; a he or she with neither takes the nearest person named before
// it; a description keeps its words as name with an actor code from the
// knowledge base. A speaker that cannot be resolved keeps its text only.
func (d *doc) resolve(si, h, lo, hi int) *model.Speaker {
	toks := d.sents[si].Tokens
	sp := &model.Speaker{Text: d.text[toks[lo].Start:toks[hi].End]}
	// A person named in the head's own name group speaks, not the
	// nationality before it: "German Chancellor Olaf Scholz".
	if !strings.HasSuffix(toks[h].NER, "PERSON") {
		for _, k := range d.kids[si][h] {
			r := toks[k].Rel
			if k < lo || k > hi || !strings.HasSuffix(toks[k].NER, "PERSON") || !(r == "flat" || r == "compound" || r == "appos") {
				continue
			}
			if cl, ok := d.chains.At(d.sents[si].Index, k); ok && cl.Name != "" {
				sp.Name, sp.Actor = model.StrPtr(cl.Name), model.StrPtr(cl.Actor)
				return sp
			}
		}
	}
	// a person anywhere in a name's phrase before any other name: "US
	// Secretary of State Antony Blinken", "NATO Secretary-General Jens
	// Stoltenberg" are Blinken and Stoltenberg, not the US and NATO ("Ms
	// Smith's lawyer", headed by a common noun, is not Ms Smith)
	if toks[h].UPOS == "PROPN" {
		if sp2 := d.chainName(si, lo, hi, true); sp2 != nil {
			sp.Name, sp.Actor = sp2.Name, sp2.Actor
			return sp
		}
	}
	if cl, ok := d.chains.At(d.sents[si].Index, h); ok && cl.Name != "" {
		sp.Name, sp.Actor = model.StrPtr(cl.Name), model.StrPtr(cl.Actor)
		return sp
	}
	if sp2 := d.chainName(si, lo, hi, false); sp2 != nil {
		sp.Name, sp.Actor = sp2.Name, sp2.Actor
		return sp
	}
	if e := d.entityAt(toks[lo].Start, toks[hi].End, toks[h].Start); e != nil {
		sp.Name, sp.Actor = entityName(e), e.Actor
		return sp
	}
	lower := strings.ToLower(toks[h].Text)
	if toks[h].UPOS == "PRON" {
		if lower == "he" || lower == "she" {
			if e := d.personBefore(si, toks[h].Start); e != nil {
				sp.Name, sp.Actor = entityName(e), e.Actor
			}
		}
		return sp
	}
	// A description: "a British expat", "the official", "Republican aides".
	var mods []string
	start := lo
	for start < h && leadWords[strings.ToLower(toks[start].Text)] {
		start++
	}
	for j := start; j < h; j++ {
		if !isPunct(&toks[j]) {
			mods = append(mods, toks[j].Text)
		}
	}
	name := d.text[toks[start].Start:toks[hi].End]
	sp.Name = model.StrPtr(name)
	if d.f.kb != nil {
		if comp, ok := d.f.kb.Resolve(mods, toks[h].Text, d.date); ok && comp.Code != "" {
			sp.Actor = model.StrPtr(comp.Code)
		}
	}
	return sp
}

// chainName is the name and actor of the first proper noun in tokens
// lo..hi that coreference knows (only people when person is set).
func (d *doc) chainName(si, lo, hi int, person bool) *model.Speaker {
	toks := d.sents[si].Tokens
	for j := lo; j <= hi; j++ {
		if person && !strings.HasSuffix(toks[j].NER, "PERSON") {
			continue
		}
		if cl, ok := d.chains.At(d.sents[si].Index, j); ok && cl.Name != "" && toks[j].UPOS == "PROPN" {
			return &model.Speaker{Name: model.StrPtr(cl.Name), Actor: model.StrPtr(cl.Actor)}
		}
	}
	return nil
}

func entityName(e *model.Entity) *string {
	if e.Name != nil && *e.Name != "" {
		return e.Name
	}
	return model.StrPtr(e.Text)
}

// entityAt returns the entity mention overlapping [start, end), preferring
// the one that covers the head at off and people over others.
func (d *doc) entityAt(start, end, off int) *model.Entity {
	var best *model.Entity
	score := -1
	i := sortSearchEnts(d.ents, start)
	for ; i < len(d.ents) && d.ents[i].Start < end; i++ {
		e := &d.ents[i]
		if e.End <= start {
			continue
		}
		s := 0
		if e.Start <= off && off < e.End {
			s += 2
		}
		if e.Type == "PERSON" || e.Type == "ORG" {
			s++
		}
		if e.Type == "NORP" || e.Type == "GPE" && !(e.Start <= off && off < e.End) {
			continue // "Russian officials" is not Russia speaking
		}
		if s > score {
			best, score = e, s
		}
	}
	return best
}

// sortSearchEnts returns an index at or before the first entity that may
// overlap offset start; the entities are in text order.
func sortSearchEnts(ents []model.Entity, start int) int {
	i := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= start })
	return max(0, i-4)
}

// personBefore returns the nearest PERSON entity before off within
// maxPronounLookback sentences, outside direct quotes.
func (d *doc) personBefore(si, off int) *model.Entity {
	floor := 0
	if si-maxPronounLookback >= 0 {
		floor = d.sents[si-maxPronounLookback].Span.Start
	}
	i := sort.Search(len(d.ents), func(i int) bool { return d.ents[i].Start >= off })
	for i--; i >= 0; i-- {
		e := &d.ents[i]
		if e.Start >= off {
			continue
		}
		if e.Start < floor {
			break
		}
		if e.Type == "PERSON" && d.quoteAt(e.Start) < 0 {
			return e
		}
	}
	return nil
}
