// Package store keeps articles and every list of the output contract in an
// embedded SQLite database (modernc.org/sqlite, WAL mode).
package store

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

var errTODO = errors.New("store: not implemented")

// Store is an open database.
type Store struct{ log *slog.Logger }

// Open opens (creating and migrating as needed) the database at path.
func Open(ctx context.Context, path string, log *slog.Logger) (*Store, error) { return nil, errTODO }

// Close closes the database.
func (s *Store) Close() error { return nil }

// PutResult says what Put did.
type PutResult int

// Outcomes of Put.
const (
	Added        PutResult = iota // a new article was stored
	DuplicateID                   // an article with the same id (normalised text) exists
	DuplicateURL                  // an article with the same canonical URL exists
)

// Put stores an article and all its lists in one transaction. It is
// idempotent by article id and by canonical URL.
func (s *Store) Put(ctx context.Context, a *model.Article) (PutResult, error) { return 0, errTODO }

// HasURL reports whether an article with this URL (canonicalised) is stored.
func (s *Store) HasURL(ctx context.Context, url string) (bool, error) { return false, errTODO }

// ArticleQuery selects articles, newest first.
type ArticleQuery struct {
	Limit  int // 0 means 50; capped at 500
	Offset int
	Q      string // full-text search over title and text, optional
	Source string // exact source, optional
	Since  string // published on or after YYYY-MM-DD, optional
	Until  string // published on or before YYYY-MM-DD, optional
}

// ArticleSummary is one row of an article list.
type ArticleSummary struct {
	ID        string    `json:"id"`
	URL       *string   `json:"url"`
	Source    *string   `json:"source"`
	Published *string   `json:"published"`
	Title     string    `json:"title"`
	Sentences int       `json:"sentences"`
	Events    int       `json:"events"`
	Added     time.Time `json:"added"`
}

// Articles lists articles.
func (s *Store) Articles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, error) {
	return nil, errTODO
}

// Article returns one full article record, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*model.Article, error) { return nil, errTODO }

// EventQuery selects events, newest first.
type EventQuery struct {
	Limit     int // 0 means 100; capped at 1000
	Offset    int
	ArticleID string // optional
	Country   string // ISO3, matches source or target country, optional
	Root      string // CAMEO root "01".."20", optional
	Modality  string // optional; "" means every modality
	Since     string // event date on or after, optional
	Until     string // event date on or before, optional
}

// EventRow is an event with the article it came from.
type EventRow struct {
	ArticleID string `json:"article_id"`
	Index     int    `json:"index"` // position in the article's events list
	model.Event
}

// Events lists events.
func (s *Store) Events(ctx context.Context, q EventQuery) ([]EventRow, error) { return nil, errTODO }

// Stats are counts over the whole store.
type Stats struct {
	Articles   int       `json:"articles"`
	Sentences  int       `json:"sentences"`
	Entities   int       `json:"entities"`
	Events     int       `json:"events"`
	Quotes     int       `json:"quotes"`
	Quantities int       `json:"quantities"`
	Places     int       `json:"places"`
	Times      int       `json:"times"`
	LastAdded  time.Time `json:"last_added"`
}

// Stats returns counts over the store.
func (s *Store) Stats(ctx context.Context) (Stats, error) { return Stats{}, errTODO }

// FeedState returns what is remembered of a feed; ok is false if nothing is.
func (s *Store) FeedState(ctx context.Context, url string) (st model.FeedState, ok bool, err error) {
	return model.FeedState{}, false, errTODO
}

// SaveFeedState records a feed's state.
func (s *Store) SaveFeedState(ctx context.Context, st model.FeedState) error { return errTODO }

// FeedStates lists every remembered feed.
func (s *Store) FeedStates(ctx context.Context) ([]model.FeedState, error) { return nil, errTODO }
