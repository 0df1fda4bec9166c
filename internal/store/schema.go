package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations is the ordered list of schema steps. Step i brings the database
// from user_version i to i+1. Never edit a step that has been released: add
// a new one.
var migrations = []string{
	// 1: articles, every list of the contract, full-text search, feeds.
	//
	// Each list table is keyed by (article, idx): the article's integer seq
	// and the item's position in its list. seq grows with every insert, so
	// an article's rows are appended at the end of each B-tree instead of
	// landing on a random page, as a key on the hex id would.
	`
CREATE TABLE articles (
	seq           INTEGER PRIMARY KEY,
	id            TEXT NOT NULL UNIQUE,
	url           TEXT,
	canonical_url TEXT UNIQUE,
	source        TEXT,
	published     TEXT,
	day           TEXT NOT NULL, -- published, else the day it was added: the sort key
	title         TEXT NOT NULL,
	text          TEXT NOT NULL,
	added         INTEGER NOT NULL, -- unix nanoseconds
	n_sentences   INTEGER NOT NULL,
	n_events      INTEGER NOT NULL
);
CREATE INDEX articles_day ON articles (day DESC, seq DESC);
CREATE INDEX articles_source ON articles (source, day DESC, seq DESC);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE removed (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	reason     TEXT NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	name       TEXT,
	actor      TEXT,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- An actor column group (source_*, target_*) is NULL as a whole when the
-- event has no such actor: source_text IS NULL means "source": null.
CREATE TABLE events (
	article        INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	sentence       INTEGER NOT NULL,
	text           TEXT NOT NULL,
	source_text    TEXT,
	source_name    TEXT,
	source_actor   TEXT,
	source_country TEXT,
	target_text    TEXT,
	target_name    TEXT,
	target_actor   TEXT,
	target_country TEXT,
	cameo          TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover_type    TEXT NOT NULL,
	plover_mode    TEXT,
	trigger        TEXT NOT NULL,
	modality       TEXT NOT NULL,
	attributed_to  TEXT,
	date           TEXT,
	date_precision TEXT,
	day            TEXT, -- date, else the article's published date: filter and sort key
	location       TEXT, -- JSON place or NULL
	counts         TEXT NOT NULL, -- JSON list of quantities
	confidence     REAL NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX events_day ON events (day DESC);
CREATE INDEX events_source_country ON events (source_country, day DESC);
CREATE INDEX events_target_country ON events (target_country, day DESC);
CREATE INDEX events_root ON events (root, day DESC);

CREATE TABLE quotes (
	article       INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	text          TEXT NOT NULL,
	speaker_text  TEXT, -- NULL means "speaker": null
	speaker_name  TEXT,
	speaker_actor TEXT,
	sentence      INTEGER NOT NULL,
	start_byte    INTEGER NOT NULL,
	end_byte      INTEGER NOT NULL,
	direct        INTEGER NOT NULL,
	cue           TEXT NOT NULL,
	medium        TEXT,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quantities (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	value      REAL NOT NULL,
	approx     INTEGER NOT NULL,
	what       TEXT NOT NULL,
	kind       TEXT,
	text       TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE places (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	name       TEXT NOT NULL,
	country    TEXT,
	admin1     TEXT,
	lat        REAL NOT NULL,
	lon        REAL NOT NULL,
	kind       TEXT NOT NULL,
	geonameid  INTEGER,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE times (
	article    INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	value      TEXT NOT NULL,
	start_day  TEXT NOT NULL,
	end_day    TEXT NOT NULL,
	sentence   INTEGER NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	last_poll     INTEGER, -- unix nanoseconds, NULL for never
	last_ok       INTEGER,
	last_error    TEXT NOT NULL,
	items         INTEGER NOT NULL,
	added         INTEGER NOT NULL
);
`,
	// 2: places say whether their point is only near them.
	`ALTER TABLE places ADD COLUMN approx INTEGER NOT NULL DEFAULT 0;`,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// migrate applies the steps the database lacks, each in its own
// transaction, and records progress in PRAGMA user_version. db must be the
// writer pool, whose transactions begin IMMEDIATE, so two processes opening
// the same file cannot both apply a step.
func migrate(ctx context.Context, db *sql.DB, steps []string) (applied int, err error) {
	for {
		done, err := migrateOne(ctx, db, steps)
		if err != nil {
			return applied, err
		}
		if !done {
			return applied, nil
		}
		applied++
	}
}

// migrateOne applies the next missing step, if any, and reports whether it
// did.
func migrateOne(ctx context.Context, db *sql.DB, steps []string) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	switch {
	case v > len(steps):
		return false, fmt.Errorf("migrate: database schema version %d is newer than this program's %d", v, len(steps))
	case v == len(steps):
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, steps[v]); err != nil {
		return false, fmt.Errorf("migrate: step %d: %w", v+1, err)
	}
	// PRAGMA takes no parameters; v is an int we computed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate: step %d: record version: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate: step %d: commit: %w", v+1, err)
	}
	return true, nil
}
