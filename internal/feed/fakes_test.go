package feed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/fetch"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/store"
)

// memStore is an in-memory Store.
type memStore struct {
	mu       sync.Mutex
	articles map[string]*model.Article // by id
	urls     map[string]string         // url -> id
	states   map[string]model.FeedState
	puts     int
}

func newMemStore() *memStore {
	return &memStore{
		articles: map[string]*model.Article{},
		urls:     map[string]string{},
		states:   map[string]model.FeedState{},
	}
}

func (m *memStore) FeedState(ctx context.Context, url string) (model.FeedState, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.states[url]
	return st, ok, nil
}

func (m *memStore) SaveFeedState(ctx context.Context, st model.FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.states[st.URL] = st
	return nil
}

func (m *memStore) HasURL(ctx context.Context, url string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.urls[url]
	return ok, nil
}

func (m *memStore) Put(ctx context.Context, a *model.Article) (store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.puts++
	if _, ok := m.articles[a.ID]; ok {
		return store.DuplicateID, nil
	}
	if a.URL != nil {
		if _, ok := m.urls[*a.URL]; ok {
			return store.DuplicateURL, nil
		}
		m.urls[*a.URL] = a.ID
	}
	m.articles[a.ID] = a
	return store.Added, nil
}

func (m *memStore) state(url string) model.FeedState {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.states[url]
}

func (m *memStore) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.articles)
}

func (m *memStore) byURL(url string) *model.Article {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.articles[m.urls[url]]
}

// fakeProc turns a document into an article without the real pipeline:
// the page body is the text, and the id is a hash of it.
type fakeProc struct {
	mu   sync.Mutex
	docs []model.Document
}

var errNoText = errors.New("no article text found")

func (f *fakeProc) Process(ctx context.Context, doc model.Document) (*model.Article, error) {
	f.mu.Lock()
	f.docs = append(f.docs, doc)
	f.mu.Unlock()
	text := strings.TrimSpace(string(doc.HTML))
	if text == "" || strings.Contains(text, "<video") {
		return nil, errNoText
	}
	sum := sha256.Sum256([]byte(text))
	a := &model.Article{
		ID:        hex.EncodeToString(sum[:]),
		URL:       model.StrPtr(doc.URL),
		Source:    model.StrPtr(doc.Source),
		Published: model.StrPtr(doc.Published),
		Title:     doc.Title,
		Text:      text,
	}
	a.Normalize()
	return a, nil
}

func (f *fakeProc) doc(url string) (model.Document, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.docs {
		if d.URL == url {
			return d, true
		}
	}
	return model.Document{}, false
}

// site serves feeds and pages from loopback and counts the requests.
type site struct {
	t   testing.TB
	srv *httptest.Server
	mux *http.ServeMux

	mu   sync.Mutex
	hits map[string]int
}

func newSite(t testing.TB) *site {
	s := &site{t: t, mux: http.NewServeMux(), hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// page serves an HTML page with the given body text.
func (s *site) page(path, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

// feed serves an XML feed with an ETag, answering 304 to a matching
// If-None-Match.
func (s *site) feed(path, etag, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if etag != "" && r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
}

type item struct {
	title, link, date string // date as RFC 1123Z, optional
}

// rss writes an RSS 2.0 document.
func rss(title string, items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<rss version="2.0"><channel>` + "\n")
	fmt.Fprintf(&b, "<title>%s</title><link>http://example.invalid/</link><description>test</description>\n", title)
	for _, it := range items {
		b.WriteString("<item>")
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link>", it.title, it.link)
		if it.date != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.date)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

func testFetcher() *fetch.Client {
	return fetch.New(nil, fetch.Config{HostDelay: -1, Timeout: 300 * time.Millisecond})
}
