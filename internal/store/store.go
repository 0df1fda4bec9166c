// Package store keeps articles and every list of the output contract in an
// embedded SQLite database (modernc.org/sqlite, WAL mode).
//
// A Store holds two connection pools on one file: a single writer
// connection, whose transactions begin IMMEDIATE so writers never deadlock,
// and a pool of read-only connections that run concurrently with it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// busyTimeout is how long a connection waits for another process's lock.
const busyTimeout = 10 * time.Second

// Store is an open database.
type Store struct {
	log  *slog.Logger
	path string
	w    *sql.DB // one connection; every write goes through it
	r    *sql.DB // read-only pool
	put  putStmts
	now  func() time.Time
}

// Open opens (creating and migrating as needed) the database at path.
func Open(ctx context.Context, path string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open store: invalid database path %q", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	common := fmt.Sprintf("_busy_timeout=%d&_foreign_keys=1", busyTimeout.Milliseconds())
	w, err := sql.Open("sqlite", path+"?"+common+"&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate&_pragma=temp_store(memory)")
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	s := &Store{log: log, path: path, w: w, now: time.Now}
	if err := s.init(ctx, common); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init(ctx context.Context, common string) error {
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open store %s: journal mode is %q, want wal", s.path, mode)
	}
	n, err := migrate(ctx, s.w, migrations)
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	if n > 0 {
		s.log.Info("store migrated", "path", s.path, "steps", n, "version", len(migrations))
	}
	r, err := sql.Open("sqlite", s.path+"?"+common+"&_query_only=1")
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	n = max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.r = r
	if err := s.r.PingContext(ctx); err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	if err := s.put.prepare(ctx, s.w); err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	var errs []error
	errs = append(errs, s.put.close())
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		// Let SQLite refresh its planner statistics; cheap and advisory.
		if _, err := s.w.Exec("PRAGMA optimize"); err != nil {
			s.log.Debug("store optimize", "err", err)
		}
		errs = append(errs, s.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// PutResult says what Put did.
type PutResult int

// Outcomes of Put.
const (
	Added        PutResult = iota // a new article was stored
	DuplicateID                   // an article with the same id (normalised text) exists
	DuplicateURL                  // an article with the same canonical URL exists
)

// String names the outcome.
func (r PutResult) String() string {
	switch r {
	case Added:
		return "added"
	case DuplicateID:
		return "duplicate id"
	case DuplicateURL:
		return "duplicate url"
	}
	return fmt.Sprintf("PutResult(%d)", int(r))
}

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
	LastAdded  time.Time `json:"last_added,omitzero"` // left out before the first article
}
