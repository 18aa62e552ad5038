package fts

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/ccv/ivp/corpus"
)

// Index is a built FTS5 baseline in one SQLite file. It is safe for
// concurrent use.
type Index struct {
	db   *sql.DB
	path string
}

const schema = `
CREATE TABLE plans (id INTEGER PRIMARY KEY, title TEXT, type TEXT, period_start INT, period_end INT, klasse TEXT);
CREATE TABLE plan_gemeente (plan_id INT, code TEXT, provincie TEXT);
CREATE TABLE plan_jaar (plan_id INT, jaar INT);
CREATE TABLE passages (id INTEGER PRIMARY KEY, plan_id INT, ordinal INT, page_from INT, page_to INT,
	headings TEXT, veld INT);
CREATE TABLE passage_thema (passage_id INT, plan_id INT, thema TEXT);
CREATE VIRTUAL TABLE passage_fts USING fts5(headings, text, tokenize = 'unicode61 remove_diacritics 2');
`

const indexes = `
CREATE INDEX plan_gemeente_code ON plan_gemeente (code, plan_id);
CREATE INDEX plan_gemeente_prov ON plan_gemeente (provincie, plan_id);
CREATE INDEX plan_gemeente_plan ON plan_gemeente (plan_id);
CREATE INDEX plan_jaar_jaar ON plan_jaar (jaar, plan_id);
CREATE INDEX plan_jaar_plan ON plan_jaar (plan_id);
CREATE INDEX plans_type ON plans (type, id);
CREATE INDEX plans_klasse ON plans (klasse, id);
CREATE INDEX passages_plan ON passages (plan_id, veld);
CREATE INDEX passage_thema_thema ON passage_thema (thema, passage_id);
CREATE INDEX passage_thema_passage ON passage_thema (passage_id);
INSERT INTO passage_fts (passage_fts) VALUES ('optimize');
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
`

// maxConns bounds the connections, each with up to 32 MB of page cache.
const maxConns = 16

func open(path string) (*sql.DB, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)&_pragma=busy_timeout(10000)" +
		"&_pragma=cache_size(-32768)&_pragma=temp_store(MEMORY)&_pragma=mmap_size(4294967296)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open fts %s: %w", path, err)
	}
	// Keep connections (their page cache and temp table) between
	// searches: database/sql keeps only two idle ones by default.
	db.SetMaxIdleConns(maxConns)
	db.SetMaxOpenConns(maxConns)
	return db, nil
}

// create removes the SQLite file path and its journal files, if any, and
// opens a new one there.
func create(path string) (*sql.DB, error) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("create fts %s: %w", path, err)
		}
	}
	return open(path)
}

// Open opens an index that Build wrote earlier.
func Open(ctx context.Context, path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open fts %s: %w", path, err)
	}
	db, err := open(path)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open fts %s: %w", path, err)
	}
	return &Index{db: db, path: path}, nil
}

// Build writes a fresh index of every published document in store to the
// SQLite file path (replaced when it exists) and opens it.
func Build(ctx context.Context, store *corpus.Store, path string) (*Index, error) {
	db, err := create(path)
	if err != nil {
		return nil, err
	}
	ix := &Index{db: db, path: path}
	if err := ix.fill(ctx, store); err != nil {
		db.Close()
		return nil, fmt.Errorf("build fts %s: %w", path, err)
	}
	return ix, nil
}

func (ix *Index) fill(ctx context.Context, store *corpus.Store) error {
	if _, err := ix.db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	docs, err := store.Documents(ctx, corpus.StatusPublished)
	if err != nil {
		return err
	}
	in, err := corpus.LoadInwoners()
	if err != nil {
		return fmt.Errorf("load inwoners: %w", err)
	}
	const perTx = 200
	for i := 0; i < len(docs); i += perTx {
		if err := ix.insertDocs(ctx, store, in, docs[i:min(i+perTx, len(docs))]); err != nil {
			return err
		}
	}
	if _, err := ix.db.ExecContext(ctx, indexes); err != nil {
		return fmt.Errorf("indexes: %w", err)
	}
	return nil
}

// Path is the SQLite file of the index.
func (ix *Index) Path() string { return ix.path }

// Close closes the database.
func (ix *Index) Close() error { return ix.db.Close() }
