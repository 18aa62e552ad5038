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
// migrations. The store is private to the account that runs ivp: the
// database holds password hashes, session hashes and submitters' contact
// details, so dir and its directories are made 0700 and the database and
// stored files 0600, looser modes left by earlier versions included.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "files"), privateDir); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	if err := makePrivate(dir); err != nil {
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

// Modes of the store's directories and files: the owner's only.
const (
	privateDir  os.FileMode = 0o700
	privateFile os.FileMode = 0o600
)

// dbFiles are the database and the files SQLite keeps beside it; SQLite
// gives the latter the database's mode when it creates them.
var dbFiles = []string{"ivp.db", "ivp.db-wal", "ivp.db-shm", "ivp.db-journal"}

// makePrivate creates the database file 0600 when there is none (an empty
// file is an empty database) and takes the group's and others' access
// away from dir, the database files and everything under dir/files.
func makePrivate(dir string) error {
	f, err := os.OpenFile(filepath.Join(dir, dbFiles[0]), os.O_RDONLY|os.O_CREATE, privateFile)
	if err != nil {
		return err
	}
	f.Close()
	if err := restrict(dir, privateDir); err != nil {
		return err
	}
	for _, name := range dbFiles {
		if err := restrict(filepath.Join(dir, name), privateFile); err != nil {
			return err
		}
	}
	return filepath.WalkDir(filepath.Join(dir, "files"), func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case e.Type()&os.ModeSymlink != 0:
			return nil
		case e.IsDir():
			return restrict(path, privateDir)
		}
		return restrict(path, privateFile)
	})
}

// restrict takes away the permission bits of path that mode lacks. A
// missing path is no error; a shared directory such as /tmp (sticky bit)
// is left alone.
func restrict(path string, mode os.FileMode) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	perm := info.Mode().Perm()
	if perm&^mode == 0 || info.Mode()&os.ModeSticky != 0 {
		return nil
	}
	if err := os.Chmod(path, perm&mode); err != nil {
		return fmt.Errorf("make %s private (mode %04o): %w", path, perm, err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dir is the data directory the store lives in.
func (s *Store) Dir() string { return s.dir }

// Gemeenten is the register of municipalities.
func (s *Store) Gemeenten() *Gemeenten { return s.gemeenten }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }
