// Package model holds the plain data types that every pipeline stage shares.
//
// The JSON shape of Article is vigil's public output contract (see
// docs/CONTRACT.md in the shared folder). Fields may be added, never renamed
// or removed, and every key is always present in the output: lists are empty
// rather than absent, and missing values are null.
package model

import "time"

// Removal reasons recorded in Article.Removed.
const (
	ReasonPromo      = "promo"
	ReasonCaption    = "caption"
	ReasonTeaser     = "teaser"
	ReasonByline     = "byline"
	ReasonShare      = "share"
	ReasonNavigation = "navigation"
	ReasonOther      = "other"
)

// Document is one raw input before extraction: an HTML page or a plain text,
// with whatever metadata came with it (from a feed, a JSONL line or flags).
type Document struct {
	// Origin names where the document came from, for error messages:
	// a file path, "path:line" for JSONL, a WARC record id or a URL.
	Origin    string
	URL       string
	Title     string
	Published string // YYYY-MM-DD or empty
	Source    string // outlet name, if known
	HTML      []byte // set for HTML input
	Text      string // set for plain-text input
}

// IsHTML reports whether the document carries HTML rather than plain text.
func (d Document) IsHTML() bool { return len(d.HTML) > 0 }

// Article is the output contract: one processed article.
type Article struct {
	ID         string     `json:"id"`
	URL        *string    `json:"url"`
	Source     *string    `json:"source"`
	Published  *string    `json:"published"`
	Title      string     `json:"title"`
	Text       string     `json:"text"`
	Removed    []Removal  `json:"removed"`
	Sentences  []Span     `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Events     []Event    `json:"events"`
	Quotes     []Quote    `json:"quotes"`
	Quantities []Quantity `json:"quantities"`
	Places     []Place    `json:"places"`
	Times      []Time     `json:"times"`
}

// Normalize replaces nil lists with empty ones so that every key of the
// contract is present as a list in JSON.
func (a *Article) Normalize() {
	if a.Removed == nil {
		a.Removed = []Removal{}
	}
	if a.Sentences == nil {
		a.Sentences = []Span{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	for i := range a.Events {
		if a.Events[i].Counts == nil {
			a.Events[i].Counts = []Quantity{}
		}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	if a.Quantities == nil {
		a.Quantities = []Quantity{}
	}
	if a.Places == nil {
		a.Places = []Place{}
	}
	if a.Times == nil {
		a.Times = []Time{}
	}
}

// Removal is one piece of clutter taken out of the text, with its reason.
type Removal struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Span is a byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is a named-entity mention.
type Entity struct {
	Text     string  `json:"text"`
	Type     string  `json:"type"`
	Sentence int     `json:"sentence"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Name     *string `json:"name"`
	Actor    *string `json:"actor"`
}

// Actor is the source or target of an event.
type Actor struct {
	Text    string  `json:"text"`
	Name    *string `json:"name"`
	Actor   *string `json:"actor"`
	Country *string `json:"country"`
}

// Plover is an event's PLOVER type and mode.
type Plover struct {
	Type string  `json:"type"`
	Mode *string `json:"mode"`
}

// Modalities of an event.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Hypothetical = "hypothetical"
	Intended     = "intended"
	Reported     = "reported"
)

// Event is one coded political event.
type Event struct {
	Sentence      int        `json:"sentence"`
	Text          string     `json:"text"`
	Source        *Actor     `json:"source"`
	Target        *Actor     `json:"target"`
	CAMEO         string     `json:"cameo"`
	Root          string     `json:"root"`
	QuadClass     int        `json:"quad_class"`
	Goldstein     float64    `json:"goldstein"`
	Plover        Plover     `json:"plover"`
	Trigger       string     `json:"trigger"`
	Modality      string     `json:"modality"`
	AttributedTo  *string    `json:"attributed_to"`
	Date          *string    `json:"date"`
	DatePrecision *string    `json:"date_precision"`
	Location      *Place     `json:"location"`
	Counts        []Quantity `json:"counts"`
	Confidence    float64    `json:"confidence"`
}

// Speaker is who said a quote.
type Speaker struct {
	Text  string  `json:"text"`
	Name  *string `json:"name"`
	Actor *string `json:"actor"`
}

// Quote is a direct or reported quotation.
type Quote struct {
	Text     string   `json:"text"`
	Speaker  *Speaker `json:"speaker"`
	Sentence int      `json:"sentence"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Direct   bool     `json:"direct"`
	Cue      string   `json:"cue"`
	Medium   *string  `json:"medium"`
}

// Quantity is a counted amount of people or things.
type Quantity struct {
	Value    float64 `json:"value"`
	Approx   bool    `json:"approx"`
	What     string  `json:"what"`
	Kind     *string `json:"kind"`
	Text     string  `json:"text"`
	Sentence int     `json:"sentence"`
}

// Place is a resolved toponym.
type Place struct {
	Text      string  `json:"text"`
	Name      string  `json:"name"`
	Country   *string `json:"country"`
	Admin1    *string `json:"admin1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Kind      string  `json:"kind"`
	GeonameID *int    `json:"geonameid"`
	Sentence  int     `json:"sentence"`
	// Approx is true when the point is not the place's own: a local place
	// the gazetteer lacks ("Coffman Park") put at the nearest town the
	// article names. Such a place has kind "other" and no geonameid.
	Approx bool `json:"approx"`
}

// Time is a normalised time expression.
type Time struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Sentence int    `json:"sentence"`
}

// StrPtr returns a pointer to s, or nil when s is empty.
func StrPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FeedState is what vigil remembers about one polled feed between polls:
// the validators for conditional GET and the outcome of the last poll.
type FeedState struct {
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	ETag         string    `json:"etag"`
	LastModified string    `json:"last_modified"`
	LastPoll     time.Time `json:"last_poll"`
	LastOK       time.Time `json:"last_ok"`
	LastError    string    `json:"last_error"`
	Items        int       `json:"items"` // items seen in the last successful poll
	Added        int       `json:"added"` // articles added from this feed, in total
}

// Token is one word of a parsed sentence. It is internal to the pipeline
// (not part of the JSON contract): every stage after parsing reads it, so
// each sentence is tokenised, tagged and parsed exactly once.
type Token struct {
	Text  string // the token's surface form (may differ from the text for clitics like "n't")
	Start int    // byte offset into Article.Text
	End   int    // exclusive byte offset into Article.Text
	UPOS  string // Universal POS tag
	XPOS  string // Penn Treebank tag
	Lemma string
	Morph Morph
	Head  int    // index of the head token in Sentence.Tokens, -1 for the root
	Rel   string // UD relation to the head, e.g. "nsubj", "obl:agent"
	NER   string // BIO entity tag, e.g. "B-GPE", "I-ORG", "O" ("" before NER runs)
}

// Morph is the morphology later stages need. Empty strings mean unset.
// Values follow UD features: Tense Past|Pres, Number Sing|Plur,
// Person 1|2|3, VerbForm Fin|Inf|Part|Ger, Mood Ind|Imp|Sub.
type Morph struct {
	Tense    string
	Number   string
	Person   string
	VerbForm string
	Mood     string
}

// Sentence is one parsed sentence of an article.
type Sentence struct {
	Index  int // index into Article.Sentences
	Span   Span
	Tokens []Token
}
