// Package pipeline runs one document through every stage, in order, and
// returns the contract record. It owns no state beyond its configuration, so
// one Pipeline may be shared by many goroutines.
package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/clean"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/events"
	"github.com/vigilhq/vigil/internal/htmltext"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/quantities"
	"github.com/vigilhq/vigil/internal/quotes"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/timex"
)

// Default limits on one input.
const (
	DefaultMaxHTML = 16 << 20 // bytes of HTML
	DefaultMaxText = 4 << 20  // bytes of plain text
)

// Errors a caller can test for.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input, not text or HTML")
	ErrTooLarge = errors.New("input too large")
	ErrEncoding = errors.New("text is not valid UTF-8")
	ErrNoText   = errors.New("no article text found")
)

// Config sets the pipeline's limits and its loaded models.
type Config struct {
	MaxHTML int // 0 means DefaultMaxHTML
	MaxText int // 0 means DefaultMaxText
	// NLP tokenises, tags, parses and finds the entities of each sentence.
	// Nil leaves those stages out: the record then has text, removals and
	// sentences but empty analysis lists.
	NLP *nlp.Annotator
	// The stages below read the parse; they run only when NLP is set, and
	// each is left out when nil.
	Coref  *coref.Resolver  // entity names and actors, pronoun antecedents
	Places *places.Resolver // toponyms resolved against the gazetteer
	Quotes *quotes.Finder   // who said what (nil: quotes without actor codes for unnamed speakers)
	Events *events.Coder    // who did what to whom
}

// Stage names, in pipeline order, as reported in Timings.
const (
	StageExtract = "extract"
	StageClean   = "clean"
	StageSegment = "segment"
	StageNLP     = "nlp" // tokenize, tag, parse and ner, sentence by sentence
	StageCoref   = "coref"
	StageTimes   = "times"
	StageCounts  = "quantities"
	StagePlaces  = "places"
	StageQuotes  = "quotes"
	StageEvents  = "events"
)

// Stages lists the stage names in order.
var Stages = []string{StageExtract, StageClean, StageSegment, StageNLP, StageCoref,
	StageTimes, StageCounts, StagePlaces, StageQuotes, StageEvents}

// Timings records how long each stage took for one document.
type Timings map[string]time.Duration

// Pipeline turns documents into articles.
type Pipeline struct {
	log   *slog.Logger
	cfg   Config
	times *timex.Finder
}

// New returns a pipeline. A nil logger discards diagnostics.
func New(log *slog.Logger, cfg Config) *Pipeline {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxHTML <= 0 {
		cfg.MaxHTML = DefaultMaxHTML
	}
	if cfg.MaxText <= 0 {
		cfg.MaxText = DefaultMaxText
	}
	return &Pipeline{log: log, cfg: cfg, times: timex.New(timex.Config{})}
}

// Process runs doc through every stage.
func (p *Pipeline) Process(ctx context.Context, doc model.Document) (*model.Article, error) {
	return p.ProcessTimed(ctx, doc, nil)
}

// ProcessTimed is Process that also adds each stage's duration to t when t
// is not nil.
func (p *Pipeline) ProcessTimed(ctx context.Context, doc model.Document, t Timings) (*model.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("process %s: %w", doc.Origin, err)
	}
	mark := time.Now()
	lap := func(stage string) {
		if t != nil {
			now := time.Now()
			t[stage] += now.Sub(mark)
			mark = now
		}
	}

	a := &model.Article{}
	var title, published, site, pageURL string
	var cleaned clean.Result
	if doc.IsHTML() {
		if err := checkHTML(doc.HTML, p.cfg.MaxHTML); err != nil {
			return nil, fmt.Errorf("extract html: %w", err)
		}
		page, err := htmltext.Extract(doc.HTML, doc.URL)
		if err != nil {
			return nil, fmt.Errorf("extract html: %w", err)
		}
		title, published, site, pageURL = page.Title, page.Published, page.Site, page.URL
		if doc.Title != "" {
			title = doc.Title
		}
		lap(StageExtract)
		cleaned = clean.Paragraphs(title, page.Paragraphs)
		lap(StageClean)
	} else {
		if err := checkText(doc.Text, p.cfg.MaxText); err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		body := strings.ReplaceAll(doc.Text, "\r\n", "\n")
		title = doc.Title
		if title == "" {
			title, body = splitHeadline(body)
		}
		lap(StageExtract)
		cleaned = clean.Text(title, body)
		lap(StageClean)
	}

	a.Title = strings.TrimSpace(title)
	a.Removed = cleaned.Removed
	a.Text = joinParagraphs(cleaned.Paragraphs)
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("clean %s: %w", describe(doc), ErrNoText)
	}
	a.ID = ID(a.Text)
	a.Sentences = segment.Split(a.Text)
	lap(StageSegment)
	pub := firstNonEmpty(doc.Published, published)
	if p.cfg.NLP != nil {
		parsed := p.cfg.NLP.Annotate(a.Text, a.Sentences)
		a.Entities = ner.Entities(a.Text, parsed)
		lap(StageNLP)
		date, dateErr := time.Parse("2006-01-02", pub)
		var chains *coref.Chains
		if p.cfg.Coref != nil {
			chains = p.cfg.Coref.Resolve(a.Text, parsed, a.Entities, date)
		}
		lap(StageCoref)
		found := p.findTimes(a.Text, date, dateErr == nil, parsed)
		a.Times = timeRecords(a.Text, found, parsed)
		lap(StageTimes)
		counts := quantities.Find(a.Text, parsed)
		a.Quantities = make([]model.Quantity, len(counts))
		for i := range counts {
			a.Quantities[i] = counts[i].Quantity
		}
		lap(StageCounts)
		var placed []places.Found
		if p.cfg.Places != nil {
			placed = p.cfg.Places.Find(a.Text, parsed, a.Entities)
			a.Places = make([]model.Place, len(placed))
			for i := range placed {
				a.Places[i] = placed[i].Place
			}
		}
		lap(StagePlaces)
		if p.cfg.Quotes != nil {
			a.Quotes = p.cfg.Quotes.Quotes(a.Text, parsed, a.Entities, chains, date)
		} else {
			a.Quotes = quotes.Find(a.Text, parsed, a.Entities, chains)
		}
		lap(StageQuotes)
		if p.cfg.Events != nil {
			in := events.Input{
				Text: a.Text, Sentences: parsed, Entities: a.Entities, Chains: chains,
				Times: found, Quantities: counts, Places: placed, Quotes: a.Quotes,
			}
			if dateErr == nil {
				in.Published = date
			}
			a.Events = p.cfg.Events.Code(in)
		}
		lap(StageEvents)
	}

	a.URL = model.StrPtr(firstNonEmpty(doc.URL, pageURL))
	a.Source = model.StrPtr(firstNonEmpty(doc.Source, site, hostOf(firstNonEmpty(doc.URL, pageURL))))
	a.Published = model.StrPtr(pub)
	a.Normalize()
	return a, nil
}

// ID is the article id: the hex SHA-256 of the normalised text, so the same
// body gives the same id whatever its spacing or case.
func ID(text string) string {
	sum := sha256.Sum256([]byte(NormalizeText(text)))
	return hex.EncodeToString(sum[:])
}

// NormalizeText lowercases text and collapses every run of whitespace to one
// space, trimming both ends.
func NormalizeText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func joinParagraphs(paras []string) string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// splitHeadline takes the first non-empty line of a plain text as its
// headline and returns the rest as the body.
func splitHeadline(text string) (title, body string) {
	rest := text
	for rest != "" {
		line := rest
		i := strings.IndexByte(rest, '\n')
		if i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if strings.TrimSpace(line) != "" {
			return strings.TrimSpace(line), rest
		}
	}
	return "", ""
}

func checkHTML(b []byte, max int) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if len(b) > max {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(b), max)
	}
	if looksBinary(b) {
		return ErrBinary
	}
	return nil
}

func checkText(s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return ErrEmpty
	}
	if len(s) > max {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(s), max)
	}
	if looksBinary([]byte(s)) {
		return ErrBinary
	}
	if !utf8.ValidString(s) {
		return ErrEncoding
	}
	return nil
}

// looksBinary reports whether the first 8 KB hold a NUL byte or mostly
// control characters.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctrl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(b)
}

func describe(doc model.Document) string {
	if doc.Origin != "" {
		return doc.Origin
	}
	if doc.URL != "" {
		return doc.URL
	}
	return "input"
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// hostOf returns a URL's host, lowercased and without "www.", or the
// string itself when it has no host.
func hostOf(u string) string {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Hostname() == "" {
		return u
	}
	return strings.TrimPrefix(strings.ToLower(parsed.Hostname()), "www.")
}

// findTimes finds the time expressions of each sentence, normalised against
// the publication date when there is one, in text order.
func (p *Pipeline) findTimes(text string, anchor time.Time, hasAnchor bool, sents []model.Sentence) []timex.Found {
	doc := p.times.NewDoc(anchor, hasAnchor)
	var out []timex.Found
	for i := range sents {
		s := &sents[i]
		out = append(out, doc.Find(text, s.Span, timex.TenseOf(s.Tokens))...)
	}
	return out
}

// timeRecords turns the dates and times among found into contract records.
// Durations and sets are left out: they do not place anything on a
// calendar.
func timeRecords(text string, found []timex.Found, sents []model.Sentence) []model.Time {
	var out []model.Time
	k := 0
	for _, f := range found {
		for k < len(sents)-1 && f.Start >= sents[k].Span.End {
			k++
		}
		if f.Type != timex.TypeDate && f.Type != timex.TypeTime || len(sents) == 0 {
			continue
		}
		out = append(out, f.Time(text, sents[k].Index))
	}
	return out
}
