package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// maxChunkLog2 bounds multi-row inserts at 1<<maxChunkLog2 rows a statement.
const maxChunkLog2 = 6

// putStmts are the statements Put runs, prepared once on the writer
// connection and reused inside every transaction.
type putStmts struct {
	existsID, existsURL, article *sql.Stmt

	removed, sentences, entities, events, quotes, quantities, places, times *bulk

	all []*sql.Stmt
}

// bulk inserts rows into one table with few statements: statements for 1,
// 2, 4, … 64 rows are prepared once, and n rows are written as a sum of
// those sizes (30 = 16+8+4+2). One statement per row would cost far more:
// most of an insert's time is the call, not the row.
type bulk struct {
	table string
	cols  int
	stmts []*sql.Stmt // stmts[k] inserts 1<<k rows
}

func (p *putStmts) prepare(ctx context.Context, db *sql.DB) error {
	one := func(dst **sql.Stmt, query string) error {
		st, err := db.PrepareContext(ctx, query)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		*dst = st
		p.all = append(p.all, st)
		return nil
	}
	many := func(dst **bulk, table string, cols ...string) error {
		b := &bulk{table: table, cols: len(cols)}
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		for k := 0; k <= maxChunkLog2; k++ {
			rows := strings.TrimSuffix(strings.Repeat(row+", ", 1<<k), ", ")
			var st *sql.Stmt
			if err := one(&st, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES "+rows); err != nil {
				return err
			}
			b.stmts = append(b.stmts, st)
		}
		*dst = b
		return nil
	}
	return errors.Join(
		one(&p.existsID, `SELECT 1 FROM articles WHERE id = ?`),
		one(&p.existsURL, `SELECT 1 FROM articles WHERE canonical_url = ?`),
		one(&p.article, `INSERT INTO articles (id, url, canonical_url, source, published, day, title, text, added, n_sentences, n_events)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		many(&p.removed, "removed", "article", "idx", "text", "reason"),
		many(&p.sentences, "sentences", "article", "idx", "start_byte", "end_byte"),
		many(&p.entities, "entities", "article", "idx", "text", "type", "sentence", "start_byte", "end_byte", "name", "actor"),
		many(&p.events, "events", "article", "idx", "sentence", "text",
			"source_text", "source_name", "source_actor", "source_country",
			"target_text", "target_name", "target_actor", "target_country",
			"cameo", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "trigger", "modality",
			"attributed_to", "date", "date_precision", "day", "location", "counts", "confidence"),
		many(&p.quotes, "quotes", "article", "idx", "text", "speaker_text", "speaker_name", "speaker_actor",
			"sentence", "start_byte", "end_byte", "direct", "cue", "medium"),
		many(&p.quantities, "quantities", "article", "idx", "value", "approx", "what", "kind", "text", "sentence"),
		many(&p.places, "places", "article", "idx", "text", "name", "country", "admin1", "lat", "lon", "kind", "geonameid", "sentence", "approx"),
		many(&p.times, "times", "article", "idx", "text", "value", "start_day", "end_day", "sentence"),
	)
}

func (p *putStmts) close() error {
	var errs []error
	for _, st := range p.all {
		errs = append(errs, st.Close())
	}
	p.all = nil
	return errors.Join(errs...)
}

// insert writes the rows held in args, b.cols values per row.
func (b *bulk) insert(ctx context.Context, tx *sql.Tx, args []any) error {
	rows := len(args) / b.cols
	for rows > 0 {
		k := min(bits.Len(uint(rows))-1, len(b.stmts)-1)
		n := 1 << k
		if _, err := tx.StmtContext(ctx, b.stmts[k]).ExecContext(ctx, args[:n*b.cols]...); err != nil {
			return fmt.Errorf("insert %s: %w", b.table, err)
		}
		args, rows = args[n*b.cols:], rows-n
	}
	return nil
}

// Put stores an article and all its lists in one transaction. It is
// idempotent by article id and by canonical URL: when either is already
// stored, nothing is written and the result says which matched.
func (s *Store) Put(ctx context.Context, a *model.Article) (PutResult, error) {
	if a == nil || a.ID == "" {
		return 0, errors.New("put article: no id")
	}
	canon := ""
	if a.URL != nil {
		canon = CanonicalURL(*a.URL)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put article %s: begin: %w", a.ID, err)
	}
	defer tx.Rollback()

	res, err := s.putTx(ctx, tx, a, canon)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	if res != Added {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put article %s: commit: %w", a.ID, err)
	}
	return Added, nil
}

// Outcome is what PutBatch did with one article.
type Outcome struct {
	Result PutResult
	Err    error // the article was not stored
}

// PutBatch stores several articles in one transaction, each inside its own
// savepoint. Every article is still stored whole or not at all, as with
// Put, and one article's failure does not affect the others; but the
// batch shares one commit, which costs as much as all the inserts of an
// article together. out[i] belongs to as[i]. A non-nil error means the
// transaction as a whole failed and nothing was stored.
func (s *Store) PutBatch(ctx context.Context, as []*model.Article) ([]Outcome, error) {
	out := make([]Outcome, len(as))
	if len(as) == 0 {
		return out, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put articles: begin: %w", err)
	}
	defer tx.Rollback()
	for i, a := range as {
		if a == nil || a.ID == "" {
			out[i].Err = errors.New("put article: no id")
			continue
		}
		if _, err := tx.ExecContext(ctx, "SAVEPOINT put"); err != nil {
			return nil, fmt.Errorf("put articles: savepoint: %w", err)
		}
		canon := ""
		if a.URL != nil {
			canon = CanonicalURL(*a.URL)
		}
		res, err := s.putTx(ctx, tx, a, canon)
		if err != nil {
			out[i].Err = fmt.Errorf("put article %s: %w", a.ID, err)
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO put"); err != nil {
				return nil, fmt.Errorf("put articles: roll back to savepoint: %w", err)
			}
		}
		out[i].Result = res
		if _, err := tx.ExecContext(ctx, "RELEASE put"); err != nil {
			return nil, fmt.Errorf("put articles: release savepoint: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put articles: commit: %w", err)
	}
	return out, nil
}

func (s *Store) putTx(ctx context.Context, tx *sql.Tx, a *model.Article, canon string) (PutResult, error) {
	found, err := exists(ctx, tx.StmtContext(ctx, s.put.existsID), a.ID)
	if err != nil {
		return 0, fmt.Errorf("look up id: %w", err)
	}
	if found {
		return DuplicateID, nil
	}
	if canon != "" {
		found, err := exists(ctx, tx.StmtContext(ctx, s.put.existsURL), canon)
		if err != nil {
			return 0, fmt.Errorf("look up url: %w", err)
		}
		if found {
			return DuplicateURL, nil
		}
	}

	added := s.now().UTC()
	day := added.Format(time.DateOnly)
	if a.Published != nil && *a.Published != "" {
		day = *a.Published
	}
	r, err := tx.StmtContext(ctx, s.put.article).ExecContext(ctx, a.ID, nullStr(a.URL), nullIfEmpty(canon),
		nullStr(a.Source), nullStr(a.Published), day, a.Title, a.Text, added.UnixNano(),
		len(a.Sentences), len(a.Events))
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	seq, err := r.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}

	args := make([]any, 0, 256)
	next := func() []any { args = args[:0]; return args }

	args = next()
	for i, r := range a.Removed {
		args = append(args, seq, i, r.Text, r.Reason)
	}
	if err := s.put.removed.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, sp := range a.Sentences {
		args = append(args, seq, i, sp.Start, sp.End)
	}
	if err := s.put.sentences.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, e := range a.Entities {
		args = append(args, seq, i, e.Text, e.Type, e.Sentence, e.Start, e.End, nullStr(e.Name), nullStr(e.Actor))
	}
	if err := s.put.entities.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i := range a.Events {
		e := &a.Events[i]
		var loc any
		if e.Location != nil {
			b, err := json.Marshal(e.Location)
			if err != nil {
				return 0, fmt.Errorf("encode event location: %w", err)
			}
			loc = string(b)
		}
		counts := e.Counts
		if counts == nil {
			counts = []model.Quantity{}
		}
		cb, err := json.Marshal(counts)
		if err != nil {
			return 0, fmt.Errorf("encode event counts: %w", err)
		}
		day := nullStr(e.Date)
		if day == nil {
			day = nullStr(a.Published)
		}
		args = append(args, seq, i, e.Sentence, e.Text)
		args = appendActor(args, e.Source)
		args = appendActor(args, e.Target)
		args = append(args, e.CAMEO, e.Root, e.QuadClass, e.Goldstein, e.Plover.Type, nullStr(e.Plover.Mode),
			e.Trigger, e.Modality, nullStr(e.AttributedTo), nullStr(e.Date), nullStr(e.DatePrecision),
			day, loc, string(cb), e.Confidence)
	}
	if err := s.put.events.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, q := range a.Quotes {
		var sText, sName, sActor any
		if q.Speaker != nil {
			sText, sName, sActor = q.Speaker.Text, nullStr(q.Speaker.Name), nullStr(q.Speaker.Actor)
		}
		args = append(args, seq, i, q.Text, sText, sName, sActor, q.Sentence, q.Start, q.End, q.Direct, q.Cue, nullStr(q.Medium))
	}
	if err := s.put.quotes.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, q := range a.Quantities {
		args = append(args, seq, i, q.Value, q.Approx, q.What, nullStr(q.Kind), q.Text, q.Sentence)
	}
	if err := s.put.quantities.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, p := range a.Places {
		var geo any
		if p.GeonameID != nil {
			geo = *p.GeonameID
		}
		args = append(args, seq, i, p.Text, p.Name, nullStr(p.Country), nullStr(p.Admin1), p.Lat, p.Lon, p.Kind, geo, p.Sentence, p.Approx)
	}
	if err := s.put.places.insert(ctx, tx, args); err != nil {
		return 0, err
	}

	args = next()
	for i, t := range a.Times {
		args = append(args, seq, i, t.Text, t.Value, t.Start, t.End, t.Sentence)
	}
	if err := s.put.times.insert(ctx, tx, args); err != nil {
		return 0, err
	}
	return Added, nil
}

func exists(ctx context.Context, st *sql.Stmt, arg any) (bool, error) {
	var one int
	err := st.QueryRowContext(ctx, arg).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// appendActor appends the four columns of an actor: all NULL for no actor.
func appendActor(args []any, a *model.Actor) []any {
	if a == nil {
		return append(args, nil, nil, nil, nil)
	}
	return append(args, a.Text, nullStr(a.Name), nullStr(a.Actor), nullStr(a.Country))
}

// nullStr turns a nil pointer into SQL NULL, keeping "" as "".
func nullStr(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
