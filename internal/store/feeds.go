package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

const feedColumns = `url, title, etag, last_modified, last_poll, last_ok, last_error, items, added`

// FeedState returns what is remembered of a feed; ok is false if nothing is.
func (s *Store) FeedState(ctx context.Context, url string) (st model.FeedState, ok bool, err error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url)
	if err != nil {
		return model.FeedState{}, false, fmt.Errorf("feed state %s: %w", url, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.FeedState{}, false, fmt.Errorf("feed state %s: %w", url, err)
		}
		return model.FeedState{}, false, nil
	}
	st, err = scanFeed(rows)
	if err != nil {
		return model.FeedState{}, false, fmt.Errorf("feed state %s: %w", url, err)
	}
	return st, true, nil
}

// SaveFeedState records a feed's state, replacing what was remembered.
func (s *Store) SaveFeedState(ctx context.Context, st model.FeedState) error {
	if st.URL == "" {
		return errors.New("save feed state: no url")
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO feeds (`+feedColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
			last_modified = excluded.last_modified, last_poll = excluded.last_poll,
			last_ok = excluded.last_ok, last_error = excluded.last_error,
			items = excluded.items, added = excluded.added`,
		st.URL, st.Title, st.ETag, st.LastModified, nullTime(st.LastPoll), nullTime(st.LastOK),
		st.LastError, st.Items, st.Added)
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", st.URL, err)
	}
	return nil
}

// FeedStates lists every remembered feed, by URL.
func (s *Store) FeedStates(ctx context.Context) ([]model.FeedState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	defer rows.Close()
	out := []model.FeedState{}
	for rows.Next() {
		st, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("feed states: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	return out, nil
}

func scanFeed(r *sql.Rows) (model.FeedState, error) {
	var st model.FeedState
	var poll, ok sql.NullInt64
	err := r.Scan(&st.URL, &st.Title, &st.ETag, &st.LastModified, &poll, &ok, &st.LastError, &st.Items, &st.Added)
	st.LastPoll, st.LastOK = fromNullTime(poll), fromNullTime(ok)
	return st, err
}

// nullTime stores a time as unix nanoseconds, and the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func fromNullTime(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
