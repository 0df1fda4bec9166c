// Package coref links the mentions of one article that refer to the same
// entity: name variants ("Volodymyr Zelenskyy", "Mr Zelensky", "Zelenskiy"),
// pronouns ("he", "they") and descriptions ("the official"). It fills each
// entity's canonical name and actor code, and lets later stages (quotes,
// events) ask who a token refers to.
//
// The method is rule-based and runs in one left-to-right pass over the
// parsed sentences. Named mentions join a cluster when the actor knowledge
// base gives them the same canonical name, when their words are the same,
// when one is part of the other ("Biden" of "Joe Biden", "Northrop" of
// "Northrop Grumman"), an acronym of the other, or a transliteration of the
// same surname. Descriptions ("the official", "the company", "the
// government") and third-person pronouns take the best compatible mention
// among the last few sentences, scored by distance, grammatical role
// (subjects first), quotation and a paragraph's last speaker. "I" and "we"
// inside quotation marks are the speaker; "who" and "which" the noun their
// clause modifies; names joined by "and" also form a plural group. Every
// search is bounded, so the time per article grows linearly with its
// length.
//
// The word lists in data/ are ours: title words with the gender they imply,
// description nouns, common first names with their usual gender, speech
// verbs and company-name words.
package coref

import (
	"sort"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
)

// Cluster is one entity of the article: every mention that refers to it
// shares its canonical name and actor.
type Cluster struct {
	Name    string // canonical name ("Volodymyr Zelenskyy")
	Actor   string // CAMEO actor code ("UKRGOV"), "" when unknown
	Country string // ISO3 country of the actor, "" when unknown or international
	Type    string // entity type of its named mentions (PERSON, ORG, GPE, ...)
	// Gender is what titles, first names, descriptions and the pronouns
	// linked to the cluster say; GenderUnknown for non-persons.
	Gender   Gender
	Plural   bool  // a group ("officials", "Russian troops")
	Named    bool  // at least one mention is a named entity
	Mentions []int // indexes into Chains.Mentions, in text order
}

// Kinds of mention.
const (
	KindName        = "name"        // a named entity of the article's entity list
	KindPronoun     = "pronoun"     // he, she, it, they and their other forms
	KindDescription = "description" // a noun phrase: "the official", "a British expat"
)

// Mention is one reference to a cluster: a named entity, a pronoun or a
// description. Start and End are token indexes into the sentence.
type Mention struct {
	Sentence   int // index into the article's sentences
	Start, End int // token range [Start, End) in that sentence
	Cluster    int // index into Chains.Clusters
	Kind       string
	Text       string // the mention's words as written ("Mr Zelensky", "he")
	Head       int    // token index of the mention's head word
	Entity     int    // index into the entity list for names, -1 otherwise
	// Antecedent is the mention a pronoun or description was linked to
	// (an index into Chains.Mentions), -1 when it starts its cluster or is
	// a name.
	Antecedent int
}

// Chains is the result of resolving one article.
type Chains struct {
	Clusters []Cluster
	Mentions []Mention
	at       map[[2]int]int // (sentence, token) -> index into Mentions
	entity   []int          // entity index -> index into Mentions, -1 when none
}

// Resolver resolves coreference with the actor knowledge base. It holds
// only read-only data and is safe for concurrent use.
type Resolver struct {
	kb *actors.KB
	lx *lexicon
}

// New returns a resolver over kb. A nil kb gives names without actor codes.
func New(kb *actors.KB) *Resolver { return &Resolver{kb: kb, lx: loadLexicon()} }

// Resolve links the mentions of one article. sents are the parsed sentences,
// ents the entity mentions found in them; Resolve fills ents[i].Name and
// ents[i].Actor in place. date is the article's date (zero when unknown),
// which decides who held an office.
func (r *Resolver) Resolve(text string, sents []model.Sentence, ents []model.Entity, date time.Time) *Chains {
	if r == nil {
		return &Chains{at: map[[2]int]int{}}
	}
	if r.lx == nil {
		r = &Resolver{kb: r.kb, lx: loadLexicon()}
	}
	w := newWork(r, text, sents, ents, date)
	w.run()
	return w.chains()
}

// At returns the cluster that token tok of sentence sent refers to, when a
// mention covers it.
func (c *Chains) At(sent, tok int) (Cluster, bool) {
	m, ok := c.MentionAt(sent, tok)
	if !ok {
		return Cluster{}, false
	}
	return c.Clusters[m.Cluster], true
}

// MentionAt returns the mention that covers token tok of sentence sent.
func (c *Chains) MentionAt(sent, tok int) (Mention, bool) {
	if c == nil {
		return Mention{}, false
	}
	i, ok := c.at[[2]int{sent, tok}]
	if !ok {
		return Mention{}, false
	}
	return c.Mentions[i], true
}

// Antecedent returns the mention that names what token tok of sentence sent
// refers to: for a pronoun or description, the closest earlier named
// mention of its cluster, else the closest earlier description; for a name,
// the name itself. It reports false when no mention covers the token or
// the cluster has nothing earlier to show.
func (c *Chains) Antecedent(sent, tok int) (Mention, bool) {
	if c == nil {
		return Mention{}, false
	}
	i, ok := c.at[[2]int{sent, tok}]
	if !ok {
		return Mention{}, false
	}
	m := c.Mentions[i]
	if m.Kind == KindName {
		return m, true
	}
	best, bestDesc := -1, -1
	for _, j := range c.Clusters[m.Cluster].Mentions {
		if j >= i {
			break
		}
		switch c.Mentions[j].Kind {
		case KindName:
			best = j
		case KindDescription:
			bestDesc = j
		}
	}
	if best < 0 {
		best = bestDesc
	}
	if best < 0 {
		return Mention{}, false
	}
	return c.Mentions[best], true
}

// Entity returns the cluster of ents[i] as passed to Resolve.
func (c *Chains) Entity(i int) (Cluster, bool) {
	if c == nil || i < 0 || i >= len(c.entity) || c.entity[i] < 0 {
		return Cluster{}, false
	}
	return c.Clusters[c.Mentions[c.entity[i]].Cluster], true
}

// chains builds the public result from the work state.
func (w *work) chains() *Chains {
	c := &Chains{at: make(map[[2]int]int, len(w.ments)*2), entity: make([]int, len(w.ents))}
	for i := range c.entity {
		c.entity[i] = -1
	}
	order := make([]int, len(w.ments))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := &w.ments[order[a]], &w.ments[order[b]]
		if ma.sidx != mb.sidx {
			return ma.sidx < mb.sidx
		}
		return ma.Start < mb.Start
	})
	pos := make([]int, len(w.ments))
	for newIdx, old := range order {
		pos[old] = newIdx
	}
	// Clusters with no mention left (never happens today) are kept so
	// that indexes stay stable.
	c.Clusters = make([]Cluster, len(w.cls))
	for i, cl := range w.cls {
		c.Clusters[i] = cl.public()
	}
	c.Mentions = make([]Mention, len(order))
	for newIdx, old := range order {
		m := w.ments[old].Mention
		if m.Antecedent >= 0 {
			m.Antecedent = pos[m.Antecedent]
		}
		c.Mentions[newIdx] = m
		c.Clusters[m.Cluster].Mentions = append(c.Clusters[m.Cluster].Mentions, newIdx)
		if m.Entity >= 0 && m.Entity < len(c.entity) {
			c.entity[m.Entity] = newIdx
		}
	}
	// Names and pronouns claim their tokens before descriptions, which may
	// contain a possessive pronoun ("its chief executive").
	for pass := 0; pass < 2; pass++ {
		for i, m := range c.Mentions {
			if (m.Kind == KindDescription) != (pass == 1) {
				continue
			}
			for t := m.Start; t < m.End; t++ {
				k := [2]int{m.Sentence, t}
				if _, taken := c.at[k]; !taken {
					c.at[k] = i
				}
			}
		}
	}
	return c
}
