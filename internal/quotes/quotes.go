// Package quotes finds who said what: direct quotes in straight or curly
// marks, quotes that run over several paragraphs, and reported speech
// ("X told Y that ..."), each with its speaker, speech verb and addressee.
//
// Direct quotes are found from their marks alone (see scanMarks), so a
// broken parse never loses one; the parse then links each quote to its
// speech verb (the cue), the verb's subject (the speaker) and its addressee
// (the medium). Reported speech is the clause a speech verb governs
// ("said that ...", "..., he said", "according to X, ...") and has
// direct false. A quote whose own sentence has no cue takes the speaker of
// the quote before it in the paragraph or, when its paragraph opens with
// the quote mark, of the last quote before it (the news convention).
package quotes

import (
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/model"
)

// Limits that keep Find bounded on hostile input.
const (
	maxCuesPerSentence = 16  // speech verbs considered in one sentence
	maxSpeakerHops     = 3   // conj/xcomp/advcl links followed to a subject
	maxPronounLookback = 5   // sentences searched back for a pronoun's person
	maxCarryParagraphs = 3   // paragraphs a continuation quote looks back
	minReportedWords   = 3   // words a reported clause needs
	minBareQuoteWords  = 6   // words a quote with no cue needs to be kept
	directShare        = 0.6 // share of a clause a quote must cover to stand for it
	maxShortQuoteGap   = 2   // words between a short quote and a verb that does not govern it
)

// Found is one quote with the byte spans of its parts, for callers that
// need more than the contract's record (the evaluation, the event coder).
type Found struct {
	model.Quote
	// Pieces are the content spans, one per paragraph of a direct quote;
	// a reported clause interrupted by its attribution has two.
	Pieces []model.Span
	// Cue and SpeakerSpan are byte spans of the speech verb and of the
	// speaker mention; HasCue and HasSpeaker say whether they are set.
	Cue         model.Span
	SpeakerSpan model.Span
	HasCue      bool
	HasSpeaker  bool
}

// Finder finds quotes. It holds read-only tables and is safe for
// concurrent use.
type Finder struct {
	lex lexicon
	kb  *actors.KB
}

var defaultLexicon = sync.OnceValues(func() (lexicon, error) { return parseCues(cuesTSV) })

// New returns a finder. kb, which may be nil, gives an actor code to
// speakers that are descriptions ("a British expat" GBRCVL).
func New(kb *actors.KB) (*Finder, error) {
	lex, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Finder{lex: lex, kb: kb}, nil
}

// Find returns the quotes of the parsed sentences of text. chains resolves
// pronoun and description speakers to their entity; it may be nil.
func Find(text string, sents []model.Sentence, ents []model.Entity, chains *coref.Chains) []model.Quote {
	f, err := New(nil)
	if err != nil {
		return nil
	}
	return f.Quotes(text, sents, ents, chains, time.Time{})
}

// Quotes is Find with the finder's actor knowledge base; date (zero when
// unknown) decides who held an office.
func (f *Finder) Quotes(text string, sents []model.Sentence, ents []model.Entity, chains *coref.Chains, date time.Time) []model.Quote {
	found := f.Find(text, sents, ents, chains, date)
	out := make([]model.Quote, len(found))
	for i := range found {
		out[i] = found[i].Quote
	}
	return out
}

// Find returns the quotes of text in text order, with their spans.
func (f *Finder) Find(text string, sents []model.Sentence, ents []model.Entity, chains *coref.Chains, date time.Time) []Found {
	d := newDoc(f, text, sents, ents, chains, date)
	return d.run()
}

// tokRef names one token: sentence index and token index.
type tokRef struct{ s, t int }

// cue is one speech verb with what it governs.
type cue struct {
	at       tokRef
	end      int // index of the last cue token ("according to")
	text     string
	content  []span // reported clause, empty when the verb governs none
	words    int    // words in content
	speaker  *model.Speaker
	spk      span
	hasSpk   bool
	medium   *string
	consumed bool // a direct quote stands for its content
	// transcript marks a "NAME: words" label in capitals: its content
	// is direct speech.
	transcript bool
}

type doc struct {
	f      *Finder
	text   string
	sents  []model.Sentence
	ents   []model.Entity
	chains *coref.Chains
	date   time.Time
	kids   [][][]int // children of each token, per sentence
	marks  []marked
	paras  []span // the paragraphs (non-empty lines) of text
	pieces []span // every piece of every direct quote, in text order
	owner  []int  // direct quote index of each piece
	nCues  int    // cues found by findCues, in sentence order
}

func newDoc(f *Finder, text string, sents []model.Sentence, ents []model.Entity, chains *coref.Chains, date time.Time) *doc {
	d := &doc{f: f, text: text, sents: sents, ents: ents, chains: chains, date: date}
	d.kids = make([][][]int, len(sents))
	for si := range sents {
		toks := sents[si].Tokens
		k := make([][]int, len(toks))
		for ti, tk := range toks {
			if tk.Head >= 0 && tk.Head < len(toks) && tk.Head != ti {
				k[tk.Head] = append(k[tk.Head], ti)
			}
		}
		d.kids[si] = k
	}
	d.paras = paragraphs(text)
	d.marks = scanMarks(text)
	for qi, m := range d.marks {
		for _, p := range m.pieces {
			d.pieces = append(d.pieces, p)
			d.owner = append(d.owner, qi)
		}
	}
	return d
}

// quoteAt returns the direct quote whose content covers byte offset off,
// or -1.
func (d *doc) quoteAt(off int) int {
	i := sort.Search(len(d.pieces), func(i int) bool { return d.pieces[i].end > off })
	if i < len(d.pieces) && d.pieces[i].start <= off {
		return d.owner[i]
	}
	return -1
}

// sentenceAt returns the sentence whose span covers byte offset off, or the
// next one after it; len(sents) when none.
func (d *doc) sentenceAt(off int) int {
	return sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > off })
}

func (d *doc) tok(r tokRef) *model.Token { return &d.sents[r.s].Tokens[r.t] }

func (d *doc) run() []Found {
	cues := d.findCues()
	d.nCues = len(cues)
	// Link each direct quote to a cue.
	link := make([]int, len(d.marks)) // index into cues, -1 none
	carried := make([]bool, len(d.marks))
	for qi := range d.marks {
		link[qi] = d.linkQuote(qi, cues)
	}
	// A quote with no cue of its own takes its neighbour's in the same
	// paragraph, or continues the last speaker when its paragraph opens
	// with the quote.
	paras := d.paras
	paraOf := func(off int) int {
		return sort.Search(len(paras), func(i int) bool { return paras[i].end > off })
	}
	for qi := range d.marks {
		if link[qi] >= 0 {
			continue
		}
		p := paraOf(d.marks[qi].start())
		if qi > 0 && link[qi-1] >= 0 && paraOf(d.marks[qi-1].end()) == p {
			link[qi] = link[qi-1]
			continue
		}
		if qi+1 < len(d.marks) && link[qi+1] >= 0 && paraOf(d.marks[qi+1].start()) == p && !d.marks[qi].paraOpen {
			link[qi] = link[qi+1]
			continue
		}
		if d.marks[qi].paraOpen && p > 0 {
			// "He declared:" closing the paragraph before.
			if ci, ok := d.colonIntro(paras[p-1], cues); ok {
				if ci < 0 {
					if c, ok := d.introCue(paras[p-1]); ok {
						cues = append(cues, c)
						ci = len(cues) - 1
					}
				}
				if ci >= 0 {
					link[qi] = ci
					continue
				}
			}
		}
		if d.marks[qi].paraOpen {
			for pj := qi - 1; pj >= 0; pj-- {
				if p-paraOf(d.marks[pj].end()) > maxCarryParagraphs {
					break
				}
				if link[pj] >= 0 {
					link[qi], carried[qi] = link[pj], true
					break
				}
			}
		}
	}
	// A direct quote that covers most of its cue's clause stands for it.
	for qi, ci := range link {
		if ci < 0 || len(cues[ci].content) == 0 {
			continue
		}
		c := &cues[ci]
		in, spk := 0, 0
		for _, p := range d.marks[qi].pieces {
			for _, cp := range c.content {
				in += countWords(d.text, max(p.start, cp.start), min(p.end, cp.end))
			}
		}
		if c.hasSpk {
			// A misparse can put the speaker inside the reported clause
			// ("We are frightened," a British expat said): its words are
			// not reported content.
			for _, cp := range c.content {
				spk += countWords(d.text, max(c.spk.start, cp.start), min(c.spk.end, cp.end))
			}
		}
		if float64(in) >= directShare*float64(c.words-spk) {
			c.consumed = true
		}
	}

	var out []Found
	for qi, m := range d.marks {
		ci := link[qi]
		if ci < 0 && (countWordsSpans(d.text, m.pieces) < minBareQuoteWords || d.bareTitle(m)) {
			continue // a scare quote or a title, not speech
		}
		fd := d.record(m.pieces, true)
		if ci >= 0 {
			d.attach(&fd, &cues[ci])
			if carried[qi] {
				// The speaker carries over; the cue and the mention
				// stay with the paragraph they are in.
				fd.HasCue, fd.HasSpeaker = false, false
				fd.Cue, fd.SpeakerSpan = model.Span{}, model.Span{}
			}
		}
		out = append(out, fd)
	}
	for ci := range cues {
		c := &cues[ci]
		if c.consumed || len(c.content) == 0 {
			continue
		}
		fd := d.record(c.content, c.transcript)
		d.attach(&fd, c)
		out = append(out, fd)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// colonIntro reports whether paragraph p ends with a colon, and returns
// the last cue of its last sentence (-1 when it has none).
func (d *doc) colonIntro(p span, cues []cue) (int, bool) {
	t := trimSpan(d.text, p.start, p.end)
	if t.end <= t.start || d.text[t.end-1] != ':' {
		return -1, false
	}
	si := d.sentenceAt(t.end - 1)
	if si >= len(d.sents) {
		return -1, false
	}
	// cues holds the sentence-ordered cues of findCues, then the few
	// introCue added; search the ordered part.
	best := -1
	lo := sort.Search(d.nCues, func(i int) bool { return cues[i].at.s >= si })
	for ci := lo; ci < d.nCues && cues[ci].at.s == si; ci++ {
		if len(cues[ci].content) == 0 {
			best = ci
		}
	}
	return best, true
}

// introCue makes a cue of the main verb of the sentence that ends
// paragraph p with a colon ("Cruz called them on it:").
func (d *doc) introCue(p span) (cue, bool) {
	t := trimSpan(d.text, p.start, p.end)
	si := d.sentenceAt(t.end - 1)
	if si >= len(d.sents) {
		return cue{}, false
	}
	toks := d.sents[si].Tokens
	v := rootOf(toks)
	if v < 0 || toks[v].UPOS != "VERB" || d.quoteAt(toks[v].Start) >= 0 {
		return cue{}, false
	}
	c := cue{at: tokRef{si, v}, end: v, text: toks[v].Text}
	if h, ok := d.subjectOf(si, v); ok {
		d.setSpeaker(&c, si, h)
	}
	c.medium = d.mediumOf(si, v)
	return c, true
}

// bareTitle reports whether an unattributed quote looks like a title or a
// name in quotes: every word capitalised.
func (d *doc) bareTitle(m marked) bool {
	for _, p := range m.pieces {
		for _, w := range strings.Fields(d.text[p.start:p.end]) {
			r := []rune(w)
			if unicode.IsLetter(r[0]) && !unicode.IsUpper(r[0]) && len(r) > 3 {
				return false
			}
		}
	}
	return true
}

// record builds a quote record over the content pieces.
func (d *doc) record(pieces []span, direct bool) Found {
	fd := Found{Pieces: make([]model.Span, len(pieces))}
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		fd.Pieces[i] = model.Span{Start: p.start, End: p.end}
		parts[i] = d.text[p.start:p.end]
	}
	sep := " "
	if direct {
		sep = "\n"
	}
	fd.Text = strings.Join(parts, sep)
	fd.Start, fd.End = pieces[0].start, pieces[len(pieces)-1].end
	fd.Direct = direct
	if si := d.sentenceAt(fd.Start); si < len(d.sents) {
		fd.Sentence = d.sents[si].Index
	}
	return fd
}

func (d *doc) attach(fd *Found, c *cue) {
	fd.Cue = model.Span{Start: d.tok(c.at).Start, End: d.sents[c.at.s].Tokens[c.end].End}
	fd.HasCue = true
	fd.Quote.Cue = c.text
	fd.Medium = c.medium
	if c.speaker != nil {
		sp := *c.speaker
		fd.Speaker = &sp
	}
	if c.hasSpk {
		fd.SpeakerSpan = model.Span{Start: c.spk.start, End: c.spk.end}
		fd.HasSpeaker = true
	}
}

// linkQuote finds the cue of direct quote qi: a cue whose clause contains
// the quote, else the nearest cue outside quotes in the sentences the quote
// touches, within its paragraph. It returns -1 when there is none.
func (d *doc) linkQuote(qi int, cues []cue) int {
	m := d.marks[qi]
	best, bestDist := -1, 1<<30
	first, last := d.sentenceAt(m.start()), d.sentenceAt(max(m.end()-1, m.start()))
	// "He said:" may end the sentence before the quote.
	if first > 0 && first < len(d.sents) && d.endsWithColon(first-1) {
		first--
	}
	paras := d.paras
	pi := sort.Search(len(paras), func(i int) bool { return paras[i].end > m.end()-1 })
	lo := sort.Search(len(cues), func(i int) bool { return cues[i].at.s >= first })
	for ci := lo; ci < len(cues) && cues[ci].at.s <= last; ci++ {
		c := &cues[ci]
		off := d.tok(c.at).Start
		if pi < len(paras) && (off < paras[pi].start || off >= paras[pi].end) {
			// The cue must share a paragraph with the quote's end or start.
			if pj := sort.Search(len(paras), func(i int) bool { return paras[i].end > m.start() }); pj >= len(paras) || off < paras[pj].start || off >= paras[pj].end {
				continue
			}
		}
		dist := 0
		switch {
		case overlapsAny(c.content, m.pieces):
			dist = -1 // governs the quote
		case off >= m.end():
			dist = d.wordsBetween(m.end(), off)
		default:
			dist = d.wordsBetween(off, m.start())
		}
		if dist < bestDist {
			best, bestDist = ci, dist
		}
	}
	// A short title in quotes far from the verb is a name in a sentence
	// that happens to report speech: "told “Morning Joe”".
	if best >= 0 && bestDist > maxShortQuoteGap && countWordsSpans(d.text, m.pieces) < minBareQuoteWords && d.bareTitle(m) && !d.governedBy(m, cues[best]) {
		return -1
	}
	return best
}

// endsWithColon reports whether sentence si ends with a colon.
func (d *doc) endsWithColon(si int) bool {
	sp := trimSpan(d.text, d.sents[si].Span.Start, d.sents[si].Span.End)
	return sp.end > sp.start && d.text[sp.end-1] == ':'
}

// governedBy reports whether the parse ties quote m to cue c: a token of
// the quote depends on the cue verb, or the cue on a token of the quote.
func (d *doc) governedBy(m marked, c cue) bool {
	toks := d.sents[c.at.s].Tokens
	for ti := range toks {
		if d.quoteAt(toks[ti].Start) < 0 || !inPieces(m.pieces, toks[ti].Start) {
			continue
		}
		if toks[ti].Head == c.at.t || toks[c.at.t].Head == ti {
			return true
		}
	}
	return false
}

func inPieces(ps []span, off int) bool {
	for _, p := range ps {
		if p.start <= off && off < p.end {
			return true
		}
	}
	return false
}

func (d *doc) wordsBetween(lo, hi int) int {
	if hi <= lo {
		return 0
	}
	return countWords(d.text, lo, hi)
}

func overlapsAny(a, b []span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.start < y.end && y.start < x.end {
				return true
			}
		}
	}
	return false
}

// countWords counts the runs of letters and digits in text[lo:hi].
func countWords(text string, lo, hi int) int {
	if hi <= lo {
		return 0
	}
	n, in := 0, false
	for _, r := range text[lo:hi] {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func countWordsSpans(text string, ps []span) int {
	n := 0
	for _, p := range ps {
		n += countWords(text, p.start, p.end)
	}
	return n
}
