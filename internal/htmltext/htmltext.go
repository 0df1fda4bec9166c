// Package htmltext extracts an article's body paragraphs and metadata
// (title, publication date, site name, canonical URL) from an HTML page.
//
// The main content is found by go-trafilatura. Before it runs, a pre-pass
// removes boxes that trafilatura tends to keep (figure captions, related
// links, newsletter and share widgets); afterwards the content tree is walked
// so that every block element becomes one paragraph.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// ErrNoContent is returned (possibly wrapped) when a page holds no article
// text. Callers add the operation ("extract html: …").
var ErrNoContent = errors.New("no article text in page")

// Page is what Extract finds in an HTML page.
type Page struct {
	Title      string   // headline from the page metadata
	Published  string   // publication date as YYYY-MM-DD, or ""
	Site       string   // site or outlet name, or ""
	URL        string   // canonical URL from the page, or ""
	Paragraphs []string // body paragraphs in reading order, whitespace-normalised
}

// Fallback says when trafilatura may compare its result with other
// extractors' and take theirs.
type Fallback int

// Fallback policies.
const (
	// FallbackWeak consults go-readability only when trafilatura's own
	// result looks weak: less than weakBody bytes in long paragraphs. On
	// the scrapinghub pages this never fires wrongly, and on the older L3S
	// pages it rescues many a page where trafilatura kept only menus.
	FallbackWeak Fallback = iota
	// FallbackNever uses trafilatura alone.
	FallbackNever
	// FallbackAlways is go-trafilatura's EnableFallback: go-readability and
	// go-domdistiller on every page. Slower, and worse on modern news pages.
	FallbackAlways
)

// weakBody is the amount of text, in bytes of paragraphs at least
// longParagraph long, below which FallbackWeak consults go-readability.
const weakBody = 300

// Options tune an Extractor.
type Options struct {
	Fallback Fallback
	// Raw turns off vigil's own rewriting of the page before trafilatura
	// runs (see prepare). For measurement only.
	Raw bool
}

// Extractor extracts articles from HTML pages. It holds no mutable state,
// so one Extractor may be used by many goroutines.
type Extractor struct {
	opts Options
	now  func() time.Time
}

// New returns an Extractor with the given options.
func New(opts Options) *Extractor {
	return &Extractor{opts: opts, now: time.Now}
}

var defaultExtractor = New(Options{})

// Extract returns the article body and metadata of an HTML page using the
// default options. pageURL, when known, helps resolve relative links and the
// site name.
func Extract(html []byte, pageURL string) (Page, error) {
	return defaultExtractor.Extract(html, pageURL)
}

// Extract returns the article body and metadata of an HTML page.
func (e *Extractor) Extract(page []byte, pageURL string) (p Page, err error) {
	// trafilatura and its helpers are large third-party code; a bug there
	// must cost one page, never the process.
	defer func() {
		if r := recover(); r != nil {
			p, err = Page{}, fmt.Errorf("article extractor panicked: %v", r)
		}
	}()
	if len(bytes.TrimSpace(page)) == 0 {
		return Page{}, fmt.Errorf("%w: empty page", ErrNoContent)
	}
	doc, err := html.Parse(bytes.NewReader(repairTitle(decode(page))))
	if err != nil {
		return Page{}, fmt.Errorf("parse html: %w", err)
	}
	capParagraphs(doc)
	if !e.opts.Raw {
		prepare(doc)
	}

	opts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  e.opts.Fallback == FallbackAlways,
		HtmlDateOptions: &htmldate.Options{
			UseOriginalDate:     true,
			SkipExtensiveSearch: true,
			MinDate:             minDate,
			MaxDate:             e.now().Add(24 * time.Hour),
		},
	}
	base := parseBase(pageURL)
	opts.OriginalURL = base
	res, err := trafilatura.ExtractDocument(doc, opts)
	var paras []string
	if err == nil {
		paras = paragraphs(res.ContentNode)
	}
	if e.opts.Fallback == FallbackWeak && longText(paras) < weakBody {
		opts.EnableFallback = true
		// go-readability only: go-domdistiller was measured to add nothing.
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{
			Distiller: &html.Node{Type: html.ElementNode, Data: "body"},
		}
		if again, err2 := trafilatura.ExtractDocument(doc, opts); err2 == nil {
			res, err = again, nil
			paras = paragraphs(res.ContentNode)
		}
	}
	if err != nil {
		return Page{}, fmt.Errorf("%w: %v", ErrNoContent, err)
	}

	m := res.Metadata
	p.Site = cleanSite(normalizeSpace(m.Sitename))
	p.URL = canonicalURL(m.URL, base)
	p.Title = cleanTitle(normalizeSpace(m.Title), p.Site, hostOf(p.URL))
	p.Published = e.publishedDate(m.Date)
	p.Paragraphs = dropHeadlines(paras, p.Title, normalizeSpace(m.Title))
	if len(p.Paragraphs) == 0 {
		return Page{}, ErrNoContent
	}
	return p, nil
}

// longText returns the bytes of text in paragraphs at least longParagraph
// bytes long.
func longText(paras []string) int {
	n := 0
	for _, p := range paras {
		if len(p) >= longParagraph {
			n += len(p)
		}
	}
	return n
}

var minDate = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// publishedDate formats t as YYYY-MM-DD when it is a sane publication date:
// not before 1990 and not more than a day in the future.
func (e *Extractor) publishedDate(t time.Time) string {
	if t.IsZero() || t.Before(minDate) || t.After(e.now().Add(24*time.Hour)) {
		return ""
	}
	return t.Format("2006-01-02")
}

// parseBase returns pageURL parsed when it is an absolute URL, or nil.
func parseBase(pageURL string) *nurl.URL {
	if pageURL == "" {
		return nil
	}
	u, err := nurl.Parse(strings.TrimSpace(pageURL))
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil
	}
	return u
}

// hostOf returns the host name of an absolute URL, or "".
func hostOf(u string) string {
	parsed, err := nurl.Parse(u)
	if err != nil {
		return ""
	}
	return parsed.Hostname()
}

// canonicalURL returns u as an absolute http(s) URL, resolving it against
// base when it is relative, or "".
func canonicalURL(u string, base *nurl.URL) string {
	u = strings.TrimSpace(u)
	if u == "" {
		if base != nil {
			return base.String()
		}
		return ""
	}
	parsed, err := nurl.Parse(u)
	if err != nil {
		if base != nil {
			return base.String()
		}
		return ""
	}
	if !parsed.IsAbs() {
		if base == nil {
			return ""
		}
		parsed = base.ResolveReference(parsed)
	}
	if parsed.Scheme != "http" && parsed.Scheme != "https" || parsed.Host == "" {
		return ""
	}
	return parsed.String()
}
