package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/vigilhq/vigil/internal/model"
)

// HasURL reports whether an article with this URL (canonicalised) is stored.
func (s *Store) HasURL(ctx context.Context, url string) (bool, error) {
	canon := CanonicalURL(url)
	if canon == "" {
		return false, nil
	}
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE canonical_url = ?`, canon).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("look up url: %w", err)
	}
	return true, nil
}

// Articles lists articles, newest first: by publication date, or the day
// they were added when the date is unknown, then by insertion order.
func (s *Store) Articles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, error) {
	var where []string
	var args []any
	if q.Q != "" {
		if m := ftsQuery(q.Q); m != "" {
			where = append(where, `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
			args = append(args, m)
		}
	}
	if q.Source != "" {
		where = append(where, `a.source = ?`)
		args = append(args, q.Source)
	}
	// day equals published when published is set, and day is indexed.
	if q.Since != "" {
		where = append(where, `a.day >= ? AND a.published IS NOT NULL`)
		args = append(args, q.Since)
	}
	if q.Until != "" {
		where = append(where, `a.day <= ? AND a.published IS NOT NULL`)
		args = append(args, q.Until)
	}
	query := `SELECT a.id, a.url, a.source, a.published, a.title, a.n_sentences, a.n_events, a.added FROM articles a`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY a.day DESC, a.seq DESC LIMIT ? OFFSET ?`
	args = append(args, clampLimit(q.Limit, 50, 500), max(q.Offset, 0))

	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	out := []ArticleSummary{}
	for rows.Next() {
		var a ArticleSummary
		var url, source, published sql.NullString
		var added int64
		if err := rows.Scan(&a.ID, &url, &source, &published, &a.Title, &a.Sentences, &a.Events, &added); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		a.URL, a.Source, a.Published = strPtr(url), strPtr(source), strPtr(published)
		a.Added = time.Unix(0, added).UTC()
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// ftsQuery turns free text into an FTS5 query that cannot be a syntax
// error: every word is quoted, and all words must match.
func ftsQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

func clampLimit(n, def, limit int) int {
	if n <= 0 {
		return def
	}
	return min(n, limit)
}

// Article returns one full article record, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*model.Article, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	defer tx.Rollback()
	a, err := readArticle(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	return a, nil
}

func readArticle(ctx context.Context, tx *sql.Tx, id string) (*model.Article, error) {
	a := &model.Article{}
	var seq int64
	var url, source, published sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT seq, id, url, source, published, title, text FROM articles WHERE id = ?`, id).
		Scan(&seq, &a.ID, &url, &source, &published, &a.Title, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a.URL, a.Source, a.Published = strPtr(url), strPtr(source), strPtr(published)

	var errs []error
	a.Removed, err = list(ctx, tx, `SELECT text, reason FROM removed WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Removal, error) {
			var v model.Removal
			return v, r.Scan(&v.Text, &v.Reason)
		})
	errs = append(errs, err)
	a.Sentences, err = list(ctx, tx, `SELECT start_byte, end_byte FROM sentences WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Span, error) {
			var v model.Span
			return v, r.Scan(&v.Start, &v.End)
		})
	errs = append(errs, err)
	a.Entities, err = list(ctx, tx, `SELECT text, type, sentence, start_byte, end_byte, name, actor
		FROM entities WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Entity, error) {
			var v model.Entity
			var name, actor sql.NullString
			err := r.Scan(&v.Text, &v.Type, &v.Sentence, &v.Start, &v.End, &name, &actor)
			v.Name, v.Actor = strPtr(name), strPtr(actor)
			return v, err
		})
	errs = append(errs, err)
	a.Events, err = list(ctx, tx, `SELECT `+eventColumns+` FROM events e JOIN articles a ON a.seq = e.article WHERE e.article = ? ORDER BY e.idx`, seq,
		func(r *sql.Rows) (model.Event, error) {
			row, err := scanEvent(r)
			return row.Event, err
		})
	errs = append(errs, err)
	a.Quotes, err = list(ctx, tx, `SELECT text, speaker_text, speaker_name, speaker_actor, sentence, start_byte, end_byte,
		direct, cue, medium FROM quotes WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Quote, error) {
			var v model.Quote
			var sText, sName, sActor, medium sql.NullString
			err := r.Scan(&v.Text, &sText, &sName, &sActor, &v.Sentence, &v.Start, &v.End, &v.Direct, &v.Cue, &medium)
			if sText.Valid {
				v.Speaker = &model.Speaker{Text: sText.String, Name: strPtr(sName), Actor: strPtr(sActor)}
			}
			v.Medium = strPtr(medium)
			return v, err
		})
	errs = append(errs, err)
	a.Quantities, err = list(ctx, tx, `SELECT value, approx, what, kind, text, sentence
		FROM quantities WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Quantity, error) {
			var v model.Quantity
			var kind sql.NullString
			err := r.Scan(&v.Value, &v.Approx, &v.What, &kind, &v.Text, &v.Sentence)
			v.Kind = strPtr(kind)
			return v, err
		})
	errs = append(errs, err)
	a.Places, err = list(ctx, tx, `SELECT text, name, country, admin1, lat, lon, kind, geonameid, sentence, approx
		FROM places WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Place, error) {
			var v model.Place
			var country, admin1 sql.NullString
			var geo sql.NullInt64
			err := r.Scan(&v.Text, &v.Name, &country, &admin1, &v.Lat, &v.Lon, &v.Kind, &geo, &v.Sentence, &v.Approx)
			v.Country, v.Admin1 = strPtr(country), strPtr(admin1)
			if geo.Valid {
				g := int(geo.Int64)
				v.GeonameID = &g
			}
			return v, err
		})
	errs = append(errs, err)
	a.Times, err = list(ctx, tx, `SELECT text, value, start_day, end_day, sentence
		FROM times WHERE article = ? ORDER BY idx`, seq,
		func(r *sql.Rows) (model.Time, error) {
			var v model.Time
			return v, r.Scan(&v.Text, &v.Value, &v.Start, &v.End, &v.Sentence)
		})
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	a.Normalize()
	return a, nil
}

// list runs a query with one argument and scans every row with scan. It
// returns an empty, non-nil slice when there are no rows.
func list[T any](ctx context.Context, tx *sql.Tx, query string, arg any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

const eventColumns = `a.id, e.idx, e.sentence, e.text,
	e.source_text, e.source_name, e.source_actor, e.source_country,
	e.target_text, e.target_name, e.target_actor, e.target_country,
	e.cameo, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.trigger, e.modality,
	e.attributed_to, e.date, e.date_precision, e.location, e.counts, e.confidence`

func scanEvent(r *sql.Rows) (EventRow, error) {
	var v EventRow
	var src, tgt [4]sql.NullString
	var ploverMode, attributed, date, precision, location sql.NullString
	var counts string
	err := r.Scan(&v.ArticleID, &v.Index, &v.Sentence, &v.Text,
		&src[0], &src[1], &src[2], &src[3], &tgt[0], &tgt[1], &tgt[2], &tgt[3],
		&v.CAMEO, &v.Root, &v.QuadClass, &v.Goldstein, &v.Plover.Type, &ploverMode, &v.Trigger, &v.Modality,
		&attributed, &date, &precision, &location, &counts, &v.Confidence)
	if err != nil {
		return v, err
	}
	v.Source, v.Target = actor(src), actor(tgt)
	v.Plover.Mode, v.AttributedTo, v.Date, v.DatePrecision = strPtr(ploverMode), strPtr(attributed), strPtr(date), strPtr(precision)
	if location.Valid {
		v.Location = &model.Place{}
		if err := json.Unmarshal([]byte(location.String), v.Location); err != nil {
			return v, fmt.Errorf("decode event location: %w", err)
		}
	}
	if err := json.Unmarshal([]byte(counts), &v.Counts); err != nil {
		return v, fmt.Errorf("decode event counts: %w", err)
	}
	if v.Counts == nil {
		v.Counts = []model.Quantity{}
	}
	return v, nil
}

func actor(c [4]sql.NullString) *model.Actor {
	if !c[0].Valid {
		return nil
	}
	return &model.Actor{Text: c[0].String, Name: strPtr(c[1]), Actor: strPtr(c[2]), Country: strPtr(c[3])}
}

// Events lists events, newest first: by event date (or, for an event with
// no date, its article's publication date), then newest article first, then
// in article order. Since and Until apply to that same date, so an undated
// event counts from the day its article was published.
func (s *Store) Events(ctx context.Context, q EventQuery) ([]EventRow, error) {
	var where []string
	var args []any
	if q.ArticleID != "" {
		where = append(where, `a.id = ?`)
		args = append(args, q.ArticleID)
	}
	if q.Country != "" {
		where = append(where, `(e.source_country = ? OR e.target_country = ?)`)
		args = append(args, q.Country, q.Country)
	}
	if q.Root != "" {
		where = append(where, `e.root = ?`)
		args = append(args, q.Root)
	}
	if q.Modality != "" {
		where = append(where, `e.modality = ?`)
		args = append(args, q.Modality)
	}
	if q.Since != "" {
		where = append(where, `e.day >= ?`)
		args = append(args, q.Since)
	}
	if q.Until != "" {
		where = append(where, `e.day <= ?`)
		args = append(args, q.Until)
	}
	query := `SELECT ` + eventColumns + ` FROM events e JOIN articles a ON a.seq = e.article`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY e.day DESC, e.article DESC, e.idx LIMIT ? OFFSET ?`
	args = append(args, clampLimit(q.Limit, 100, 1000), max(q.Offset, 0))

	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	out := []EventRow{}
	for rows.Next() {
		v, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

// Stats returns counts over the store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var last sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM quantities),
		(SELECT count(*) FROM places),
		(SELECT count(*) FROM times),
		(SELECT added FROM articles ORDER BY seq DESC LIMIT 1)`).
		Scan(&st.Articles, &st.Sentences, &st.Entities, &st.Events, &st.Quotes, &st.Quantities,
			&st.Places, &st.Times, &last)
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	if last.Valid {
		st.LastAdded = time.Unix(0, last.Int64).UTC()
	}
	return st, nil
}

func strPtr(ns sql.NullString) *string {
	if !ns.Valid {
		return nil
	}
	s := ns.String
	return &s
}
