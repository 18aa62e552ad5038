package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// ErrNotFound is returned when a document does not exist.
var ErrNotFound = errors.New("not found")

// Store is the source of truth: metadata and passages in SQLite
// (dir/ivp.db) and original files content-addressed under dir/files.
// It is safe for concurrent use.
type Store struct {
	dir       string
	db        *sql.DB
	gemeenten *Gemeenten
}

// Open opens (creating when needed) the store in dir and applies pending
// migrations.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	gm, err := LoadGemeenten()
	if err != nil {
		return nil, err
	}
	dsn := "file:" + filepath.Join(dir, "ivp.db") +
		"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	s := &Store{dir: dir, db: db, gemeenten: gm}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dir is the data directory the store lives in.
func (s *Store) Dir() string { return s.dir }

// Gemeenten is the register of municipalities.
func (s *Store) Gemeenten() *Gemeenten { return s.gemeenten }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }
