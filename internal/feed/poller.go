// Package feed polls RSS, Atom and JSON feeds and turns each new item into
// a stored article: the item's page is fetched, run through the pipeline and
// put in the store. What it learns about each feed (validators for
// conditional GET, the outcome of the last poll) is kept in the store too,
// so polling resumes where it left off after a restart.
package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/vigilhq/vigil/internal/fetch"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/store"
)

// Store is the part of the store the poller needs. *store.Store satisfies it.
type Store interface {
	FeedState(ctx context.Context, url string) (model.FeedState, bool, error)
	SaveFeedState(ctx context.Context, st model.FeedState) error
	HasURL(ctx context.Context, url string) (bool, error)
	Put(ctx context.Context, a *model.Article) (store.PutResult, error)
}

// Processor turns a document into an article. *pipeline.Pipeline
// satisfies it.
type Processor interface {
	Process(ctx context.Context, doc model.Document) (*model.Article, error)
}

// Fetcher downloads a URL. *fetch.Client satisfies it.
type Fetcher interface {
	Do(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// Defaults for Config's zero values.
const (
	DefaultInterval    = 15 * time.Minute
	DefaultMaxItems    = 50
	DefaultConcurrency = 8
	DefaultMaxAttempts = 3
	DefaultKeepErrors  = 50
)

// Accept headers sent for feeds and for item pages.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// maxRemembered bounds how many failing or duplicate item URLs are
// remembered in memory.
const maxRemembered = 10000

// Config sets what to poll and how hard.
type Config struct {
	Feeds       []string
	Interval    time.Duration // between the starts of two polls
	MaxItems    int           // newest items looked at per feed and poll
	Concurrency int           // hosts polled at once
	MaxAttempts int           // failures after which an item is left alone until restart
	KeepErrors  int           // recent errors kept for RecentErrors
}

// Poller polls feeds. It is safe for concurrent use, though one Run at a
// time is what makes sense.
type Poller struct {
	log   *slog.Logger
	cfg   Config
	fetch Fetcher
	proc  Processor
	store Store
	now   func() time.Time

	mu     sync.Mutex
	failed map[string]int      // item URL -> failed attempts
	dups   map[string]struct{} // item URLs whose text the store had under another URL
	recent []ErrorEntry        // newest last
}

// ErrorEntry is one recent error, for the status page.
type ErrorEntry struct {
	Time  time.Time `json:"time"`
	Feed  string    `json:"feed"`
	Item  string    `json:"item,omitempty"` // the item's URL, for item errors
	Error string    `json:"error"`
}

// New returns a poller. A nil logger discards diagnostics.
func New(log *slog.Logger, cfg Config, f Fetcher, p Processor, s Store) *Poller {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.MaxItems <= 0 {
		cfg.MaxItems = DefaultMaxItems
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.KeepErrors <= 0 {
		cfg.KeepErrors = DefaultKeepErrors
	}
	cfg.Feeds = append([]string(nil), cfg.Feeds...)
	return &Poller{
		log: log, cfg: cfg, fetch: f, proc: p, store: s, now: time.Now,
		failed: make(map[string]int),
		dups:   make(map[string]struct{}),
	}
}

// Feeds returns the configured feed URLs.
func (p *Poller) Feeds() []string { return append([]string(nil), p.cfg.Feeds...) }

// Result is the outcome of polling one feed.
type Result struct {
	Feed        string
	NotModified bool
	Items       int // items in the feed
	New         int // items looked at that were not stored yet
	Added       int
	Duplicates  int // new by URL, but the store already had the text
	Skipped     int // failed too often before; not tried again
	Failed      int
	Err         error // the feed itself could not be fetched or parsed
}

// Summary adds up the results of one poll of every feed.
type Summary struct {
	Feeds       int
	FeedErrors  int
	NotModified int
	Items       int
	Added       int
	Duplicates  int
	Failed      int
	Took        time.Duration
}

// Run polls every feed now and then once per interval, until ctx is done.
// It returns nil when ctx is cancelled: errors are per feed and per item,
// recorded in the store and the log, and never stop the loop.
func (p *Poller) Run(ctx context.Context) error {
	tick := time.NewTicker(p.cfg.Interval)
	defer tick.Stop()
	for {
		p.PollAll(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// PollAll polls every feed once. Feeds on different hosts are polled in
// parallel (at most Concurrency hosts at a time); feeds on one host go one
// after another.
func (p *Poller) PollAll(ctx context.Context) Summary {
	start := p.now()
	groups := groupByHost(p.cfg.Feeds)
	var (
		mu  sync.Mutex
		sum Summary
		wg  sync.WaitGroup
	)
	sem := make(chan struct{}, p.cfg.Concurrency)
	for _, group := range groups {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			for _, u := range group {
				if ctx.Err() != nil {
					return
				}
				r := p.Poll(ctx, u)
				mu.Lock()
				sum.add(r)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sum.Took = p.now().Sub(start)
	p.log.Info("poll done", "feeds", sum.Feeds, "feed_errors", sum.FeedErrors,
		"not_modified", sum.NotModified, "added", sum.Added,
		"duplicates", sum.Duplicates, "failed", sum.Failed, "took", sum.Took.Round(time.Millisecond))
	return sum
}

func (s *Summary) add(r Result) {
	s.Feeds++
	if r.Err != nil {
		s.FeedErrors++
	}
	if r.NotModified {
		s.NotModified++
	}
	s.Items += r.Items
	s.Added += r.Added
	s.Duplicates += r.Duplicates
	s.Failed += r.Failed
}

// groupByHost splits feed URLs by host, keeping the list's order.
func groupByHost(feeds []string) [][]string {
	idx := make(map[string]int)
	var groups [][]string
	for _, f := range feeds {
		h := f
		if u, err := url.Parse(f); err == nil && u.Host != "" {
			h = strings.ToLower(u.Host)
		}
		i, ok := idx[h]
		if !ok {
			i = len(groups)
			idx[h] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	return groups
}

// Poll polls one feed: it fetches it (conditionally, when validators are
// remembered), handles its newest items and records the outcome.
//
// The feed's validators are only saved when every new item was handled, so
// that a feed whose items failed (a timeout, a server error) is fetched in
// full again next time and those items are retried, up to MaxAttempts.
func (p *Poller) Poll(ctx context.Context, feedURL string) Result {
	res := Result{Feed: feedURL}
	log := p.log.With("feed", feedURL)

	st, _, err := p.store.FeedState(ctx, feedURL)
	if err != nil {
		// Poll unconditionally; saving may still work.
		log.Warn("read feed state", "err", err)
		st = model.FeedState{}
	}
	st.URL = feedURL
	st.LastPoll = p.now().UTC()

	resp, err := p.fetch.Do(ctx, fetch.Request{
		URL: feedURL, ETag: st.ETag, LastModified: st.LastModified, Accept: acceptFeed,
	})
	if err != nil {
		return p.feedFailed(ctx, log, st, res, err)
	}
	if resp.NotModified {
		res.NotModified = true
		st.LastOK = st.LastPoll
		st.LastError = ""
		p.save(ctx, log, st)
		log.Debug("feed not modified")
		return res
	}
	parsed, err := parseFeed(resp)
	if err != nil {
		return p.feedFailed(ctx, log, st, res, err)
	}
	if t := strings.TrimSpace(parsed.Title); t != "" {
		st.Title = t
	}
	source := st.Title
	if source == "" {
		source = hostOf(feedURL)
	}

	items := newestItems(parsed.Items, p.cfg.MaxItems)
	res.Items = len(parsed.Items)
	var lastErr error
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		link := itemLink(it, resp.URL)
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		if p.isDup(link) {
			continue
		}
		if p.attempts(link) >= p.cfg.MaxAttempts {
			res.Skipped++
			continue
		}
		has, err := p.store.HasURL(ctx, link)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			res.Failed++
			lastErr = fmt.Errorf("check %s: %w", link, err)
			p.itemFailed(log, feedURL, link, lastErr)
			continue
		}
		if has {
			continue
		}
		res.New++
		added, err := p.handleItem(ctx, it, link, source)
		switch {
		case err != nil && ctx.Err() != nil:
			// Shutting down: not the item's fault.
		case err != nil:
			res.Failed++
			lastErr = err
			p.itemFailed(log, feedURL, link, err)
		case added:
			res.Added++
			p.forget(link)
		default:
			// The store keeps the first URL of a text; remember this one so
			// the page is not fetched again every poll.
			res.Duplicates++
			p.forget(link)
			p.markDup(link)
		}
	}

	st.Items = res.Items
	st.Added += res.Added
	st.LastOK = st.LastPoll
	st.LastError = ""
	if res.Failed > 0 {
		st.LastError = fmt.Sprintf("%d of %d new items failed; last: %v", res.Failed, res.New, lastErr)
	}
	if res.Failed == 0 && ctx.Err() == nil {
		st.ETag, st.LastModified = resp.ETag, resp.LastModified
	}
	p.save(ctx, log, st)
	log.Debug("feed polled", "items", res.Items, "new", res.New, "added", res.Added,
		"duplicates", res.Duplicates, "failed", res.Failed, "skipped", res.Skipped)
	return res
}

// handleItem fetches, processes and stores one item. It reports whether the
// article was added (false: the store already had it).
func (p *Poller) handleItem(ctx context.Context, it *gofeed.Item, link, source string) (bool, error) {
	resp, err := p.fetch.Do(ctx, fetch.Request{URL: link, Accept: acceptPage})
	if err != nil {
		return false, err
	}
	if !isHTML(resp.ContentType) {
		return false, fmt.Errorf("fetch %s: not an HTML page (content type %s)", link, resp.ContentType)
	}
	a, err := p.proc.Process(ctx, model.Document{
		Origin:    link,
		URL:       link,
		HTML:      resp.Body,
		Title:     strings.TrimSpace(it.Title),
		Published: itemDate(it),
		Source:    source,
	})
	if err != nil {
		return false, fmt.Errorf("process %s: %w", link, err)
	}
	r, err := p.store.Put(ctx, a)
	if err != nil {
		return false, fmt.Errorf("store %s: %w", link, err)
	}
	return r == store.Added, nil
}

// feedFailed records an error that stopped a whole feed.
func (p *Poller) feedFailed(ctx context.Context, log *slog.Logger, st model.FeedState, res Result, err error) Result {
	if ctx.Err() != nil {
		// Shutting down: leave the feed's state as it was.
		res.Err = ctx.Err()
		return res
	}
	res.Err = err
	st.LastError = err.Error()
	p.save(ctx, log, st)
	p.remember(ErrorEntry{Time: st.LastPoll, Feed: st.URL, Error: st.LastError})
	log.Warn("feed failed", "err", err)
	return res
}

func (p *Poller) itemFailed(log *slog.Logger, feedURL, link string, err error) {
	p.mu.Lock()
	if len(p.failed) >= maxRemembered {
		clear(p.failed)
	}
	p.failed[link]++
	p.mu.Unlock()
	p.remember(ErrorEntry{Time: p.now().UTC(), Feed: feedURL, Item: link, Error: err.Error()})
	log.Warn("item failed", "item", link, "err", err)
}

func (p *Poller) attempts(link string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.failed[link]
}

func (p *Poller) forget(link string) {
	p.mu.Lock()
	delete(p.failed, link)
	p.mu.Unlock()
}

func (p *Poller) isDup(link string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.dups[link]
	return ok
}

func (p *Poller) markDup(link string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.dups) >= maxRemembered {
		clear(p.dups)
	}
	p.dups[link] = struct{}{}
}

func (p *Poller) remember(e ErrorEntry) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.recent) >= p.cfg.KeepErrors {
		n := copy(p.recent, p.recent[len(p.recent)-p.cfg.KeepErrors+1:])
		p.recent = p.recent[:n]
	}
	p.recent = append(p.recent, e)
}

// RecentErrors returns the latest feed and item errors, newest first.
func (p *Poller) RecentErrors() []ErrorEntry {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]ErrorEntry, len(p.recent))
	for i, e := range p.recent {
		out[len(out)-1-i] = e
	}
	return out
}

// save stores a feed's state. It still tries when ctx was cancelled while
// the poll ran, so that what was added before shutdown is counted.
func (p *Poller) save(ctx context.Context, log *slog.Logger, st model.FeedState) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := p.store.SaveFeedState(sctx, st); err != nil {
		log.Error("save feed state", "err", err)
	}
}

// parseFeed parses a fetched feed body, naming what went wrong in words a
// user understands.
func parseFeed(resp *fetch.Response) (f *gofeed.Feed, err error) {
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil, errors.New("parse feed: empty response")
	}
	// The body comes from the internet; a bug in the parser must cost one
	// feed, not the process.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parse feed: parser failed: %v", r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		ct := resp.ContentType
		if ct == "" {
			ct = "none"
		}
		return nil, fmt.Errorf("parse feed: not an RSS, Atom or JSON feed (content type %s)", ct)
	case err != nil:
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return f, nil
}

// newestItems returns at most max items, newest first. Items without a date
// keep their feed order after the dated ones.
func newestItems(items []*gofeed.Item, max int) []*gofeed.Item {
	out := make([]*gofeed.Item, 0, len(items))
	for _, it := range items {
		if it != nil {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := itemTime(out[i]), itemTime(out[j])
		switch {
		case ti.IsZero():
			return false
		case tj.IsZero():
			return true
		default:
			return ti.After(tj)
		}
	})
	if len(out) > max {
		out = out[:max]
	}
	return out
}

func itemTime(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// itemDate is the item's date as YYYY-MM-DD, or "".
func itemDate(it *gofeed.Item) string {
	t := itemTime(it)
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// itemLink returns the item's absolute http(s) link, resolved against the
// feed's own URL, or "".
func itemLink(it *gofeed.Item, base string) string {
	raw := strings.TrimSpace(it.Link)
	if raw == "" && len(it.Links) > 0 {
		raw = strings.TrimSpace(it.Links[0])
	}
	if raw == "" {
		// Some RSS feeds put the permalink only in the guid.
		if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
			raw = g
		}
	}
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil {
		u = b.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// isHTML reports whether a Content-Type names an HTML page. A missing type
// is given the benefit of the doubt.
func isHTML(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// hostOf returns a URL's host without "www.", or the URL itself.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return raw
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
