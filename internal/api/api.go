// Package api serves vigil's store over HTTP, read-only: JSON under /api/
// and a plain HTML status page at /.
//
//	GET /api/articles       ?limit&offset&q&source&since&until
//	GET /api/articles/{id}  the full contract record
//	GET /api/events         ?limit&offset&article&country&root&modality&since&until
//	                        (modality defaults to asserted; modality=all lists every one)
//	GET /api/status         store counts, feed states and recent errors
//	GET /                   the same as a page
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/feed"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/store"
)

// Reader is the part of the store the API reads. *store.Store satisfies it.
type Reader interface {
	Articles(ctx context.Context, q store.ArticleQuery) ([]store.ArticleSummary, error)
	Article(ctx context.Context, id string) (*model.Article, error)
	Events(ctx context.Context, q store.EventQuery) ([]store.EventRow, error)
	Stats(ctx context.Context) (store.Stats, error)
	FeedStates(ctx context.Context) ([]model.FeedState, error)
}

// ErrorSource gives the latest poll errors, newest first. *feed.Poller
// satisfies it.
type ErrorSource interface {
	RecentErrors() []feed.ErrorEntry
}

// Limits on list queries, matching the store's.
const (
	DefaultArticleLimit = 50
	MaxArticleLimit     = 500
	DefaultEventLimit   = 100
	MaxEventLimit       = 1000
	maxOffset           = 1_000_000
	maxTextParam        = 256
)

// Options are optional parts of the server.
type Options struct {
	// Errors, when set, adds recent poll errors to the status.
	Errors ErrorSource
	// Now is the clock for the status page; nil means time.Now.
	Now func() time.Time
}

// Server is the HTTP handler.
type Server struct {
	log  *slog.Logger
	r    Reader
	opts Options
	mux  *http.ServeMux
}

// New returns the API handler. A nil logger discards diagnostics.
func New(log *slog.Logger, r Reader, opts Options) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{log: log, r: r, opts: opts, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /api/articles", s.articles)
	s.mux.HandleFunc("GET /api/articles/{id}", s.article)
	s.mux.HandleFunc("GET /api/events", s.events)
	s.mux.HandleFunc("GET /api/status", s.status)
	s.mux.HandleFunc("GET /{$}", s.statusPage)
	s.mux.HandleFunc("/", s.notFound)
	return s
}

// ServeHTTP answers GET and HEAD only; anything else is 405.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; the API is read-only")
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no such page: "+r.URL.Path)
}

// articleList is the JSON of GET /api/articles.
type articleList struct {
	Articles []store.ArticleSummary `json:"articles"`
	Limit    int                    `json:"limit"`
	Offset   int                    `json:"offset"`
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r, "limit", "offset", "q", "source", "since", "until")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := store.ArticleQuery{
		Limit:  p.int("limit", DefaultArticleLimit, 1, MaxArticleLimit),
		Offset: p.int("offset", 0, 0, maxOffset),
		Q:      p.text("q"),
		Source: p.text("source"),
		Since:  p.date("since"),
		Until:  p.date("until"),
	}
	p.dateOrder("since", q.Since, "until", q.Until)
	if err := p.err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := s.r.Articles(r.Context(), q)
	if err != nil {
		s.internal(w, r, "list articles", err)
		return
	}
	if list == nil {
		list = []store.ArticleSummary{}
	}
	writeJSON(w, http.StatusOK, articleList{Articles: list, Limit: q.Limit, Offset: q.Offset})
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	id := r.PathValue("id")
	if !isArticleID(id) {
		writeError(w, http.StatusBadRequest, "bad article id: want 64 hex digits")
		return
	}
	id = strings.ToLower(id)
	a, err := s.r.Article(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no article with id "+id)
		return
	case err != nil:
		s.internal(w, r, "read article", err)
		return
	}
	a.Normalize()
	writeJSON(w, http.StatusOK, a)
}

// eventList is the JSON of GET /api/events.
type eventList struct {
	Events []store.EventRow `json:"events"`
	Limit  int              `json:"limit"`
	Offset int              `json:"offset"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r, "limit", "offset", "article", "country", "root", "modality", "since", "until")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := store.EventQuery{
		Limit:     p.int("limit", DefaultEventLimit, 1, MaxEventLimit),
		Offset:    p.int("offset", 0, 0, maxOffset),
		ArticleID: p.articleID("article"),
		Country:   p.country("country"),
		Root:      p.root("root"),
		Modality:  p.modality("modality"),
		Since:     p.date("since"),
		Until:     p.date("until"),
	}
	p.dateOrder("since", q.Since, "until", q.Until)
	if err := p.err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := s.r.Events(r.Context(), q)
	if err != nil {
		s.internal(w, r, "list events", err)
		return
	}
	if list == nil {
		list = []store.EventRow{}
	}
	for i := range list {
		if list[i].Counts == nil {
			list[i].Counts = []model.Quantity{}
		}
	}
	writeJSON(w, http.StatusOK, eventList{Events: list, Limit: q.Limit, Offset: q.Offset})
}

// Status is the JSON of GET /api/status.
type Status struct {
	Time   time.Time         `json:"time"`
	Stats  store.Stats       `json:"stats"`
	Feeds  []model.FeedState `json:"feeds"`
	Errors []feed.ErrorEntry `json:"errors"`
}

func (s *Server) collectStatus(ctx context.Context) (Status, error) {
	st := Status{Time: s.opts.Now().UTC(), Feeds: []model.FeedState{}, Errors: []feed.ErrorEntry{}}
	var err error
	if st.Stats, err = s.r.Stats(ctx); err != nil {
		return st, err
	}
	feeds, err := s.r.FeedStates(ctx)
	if err != nil {
		return st, err
	}
	if feeds != nil {
		st.Feeds = feeds
	}
	if s.opts.Errors != nil {
		if errs := s.opts.Errors.RecentErrors(); errs != nil {
			st.Errors = errs
		}
	}
	return st, nil
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	st, err := s.collectStatus(r.Context())
	if err != nil {
		s.internal(w, r, "read status", err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// internal logs err and answers 500 without exposing details.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, op string, err error) {
	if r.Context().Err() != nil {
		// The client went away; nobody reads the answer.
		return
	}
	s.log.Error(op, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// apiError is the JSON of every error answer.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code = http.StatusInternalServerError
		b = []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}
