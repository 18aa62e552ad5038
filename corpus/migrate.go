package corpus

import (
	"context"
	"fmt"
)

// migrations are applied in order; each runs once, in its own transaction.
// Append new ones; never edit one that has shipped.
var migrations = []string{
	`CREATE TABLE gemeenten (
		code TEXT PRIMARY KEY,
		naam TEXT NOT NULL,
		provincie TEXT NOT NULL
	);
	CREATE TABLE documents (
		id INTEGER PRIMARY KEY,
		title TEXT NOT NULL,
		doctype TEXT NOT NULL,
		period_start INTEGER NOT NULL DEFAULT 0,
		period_end INTEGER NOT NULL DEFAULT 0,
		vastgesteld TEXT NOT NULL DEFAULT '',
		source TEXT NOT NULL,
		media_type TEXT NOT NULL,
		sha256 TEXT NOT NULL UNIQUE,
		size INTEGER NOT NULL,
		pages INTEGER NOT NULL,
		status TEXT NOT NULL,
		extractor_version TEXT NOT NULL,
		created TEXT NOT NULL,
		updated TEXT NOT NULL
	);
	CREATE TABLE document_gemeenten (
		document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		gemeente_code TEXT NOT NULL REFERENCES gemeenten(code),
		PRIMARY KEY (document_id, gemeente_code)
	);
	CREATE INDEX document_gemeenten_code ON document_gemeenten(gemeente_code);
	CREATE TABLE passages (
		document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		ordinal INTEGER NOT NULL,
		page_from INTEGER NOT NULL,
		page_to INTEGER NOT NULL,
		headings TEXT NOT NULL,
		text TEXT NOT NULL,
		tags TEXT NOT NULL DEFAULT '{}',
		PRIMARY KEY (document_id, ordinal)
	);
	CREATE TABLE rejections (
		id INTEGER PRIMARY KEY,
		source TEXT NOT NULL,
		sha256 TEXT NOT NULL,
		size INTEGER NOT NULL,
		reason TEXT NOT NULL,
		created TEXT NOT NULL
	);
	CREATE TABLE job_runs (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		started TEXT NOT NULL,
		finished TEXT,
		documents INTEGER NOT NULL DEFAULT 0,
		outcome TEXT NOT NULL,
		error TEXT NOT NULL DEFAULT ''
	);`,
	// 2: the page count of a refused file (scans without a text layer).
	`ALTER TABLE rejections ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;`,
	// 3: curation: accounts, sessions, submissions, file versions, audit log.
	`CREATE TABLE users (
		id INTEGER PRIMARY KEY,
		email TEXT NOT NULL UNIQUE COLLATE NOCASE,
		role TEXT NOT NULL CHECK (role IN ('curator', 'admin')),
		password_hash TEXT NOT NULL,
		disabled INTEGER NOT NULL DEFAULT 0,
		created TEXT NOT NULL
	);
	CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		expires TEXT NOT NULL,
		created TEXT NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE TABLE submissions (
		id INTEGER PRIMARY KEY,
		token_hash TEXT NOT NULL UNIQUE,
		document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
		submitted TEXT NOT NULL,
		detected TEXT NOT NULL,
		contact_name TEXT NOT NULL,
		contact_email TEXT NOT NULL,
		note TEXT NOT NULL DEFAULT '',
		source TEXT NOT NULL,
		status TEXT NOT NULL,
		reason TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL,
		updated TEXT NOT NULL
	);
	CREATE TABLE document_versions (
		id INTEGER PRIMARY KEY,
		document_id INTEGER NOT NULL REFERENCES documents(id),
		sha256 TEXT NOT NULL,
		source TEXT NOT NULL,
		media_type TEXT NOT NULL,
		size INTEGER NOT NULL,
		replaced TEXT NOT NULL,
		replaced_by INTEGER NOT NULL
	);
	CREATE INDEX document_versions_document ON document_versions(document_id);
	CREATE TABLE audit_log (
		id INTEGER PRIMARY KEY,
		time TEXT NOT NULL,
		user_id INTEGER,
		user_email TEXT NOT NULL DEFAULT '',
		action TEXT NOT NULL,
		document_id INTEGER NOT NULL DEFAULT 0,
		submission_id INTEGER NOT NULL DEFAULT 0,
		before TEXT NOT NULL DEFAULT 'null',
		after TEXT NOT NULL DEFAULT 'null'
	);
	CREATE INDEX audit_log_document ON audit_log(document_id);`,
	// 4: submissions of a file the store already held (duplicates.go).
	`CREATE TABLE duplicate_submissions (
		id INTEGER PRIMARY KEY,
		token_hash TEXT NOT NULL UNIQUE,
		reference INTEGER NOT NULL,
		document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		submitted TEXT NOT NULL,
		detected TEXT NOT NULL,
		contact_name TEXT NOT NULL,
		contact_email TEXT NOT NULL,
		note TEXT NOT NULL DEFAULT '',
		source TEXT NOT NULL,
		created TEXT NOT NULL
	);
	CREATE INDEX duplicate_submissions_document ON duplicate_submissions(document_id);`,
	// 5: harvesting (harvest.go): the listing pages to harvest, where each
	// harvested document came from, and the progress of running jobs.
	`CREATE TABLE harvest_sources (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		url TEXT NOT NULL UNIQUE,
		selector TEXT NOT NULL,
		depth INTEGER NOT NULL DEFAULT 1,
		enabled INTEGER NOT NULL DEFAULT 1,
		last_run TEXT NOT NULL DEFAULT '',
		last_found INTEGER NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL
	);
	CREATE TABLE harvested_documents (
		document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
		url TEXT NOT NULL,
		listing TEXT NOT NULL,
		source_id INTEGER NOT NULL DEFAULT 0,
		listed_title TEXT NOT NULL DEFAULT '',
		listed_date TEXT NOT NULL DEFAULT '',
		previous_id INTEGER NOT NULL DEFAULT 0,
		etag TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		harvested TEXT NOT NULL
	);
	CREATE INDEX harvested_documents_url ON harvested_documents(url);
	ALTER TABLE job_runs ADD COLUMN done INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE job_runs ADD COLUMN total INTEGER NOT NULL DEFAULT 0;`,
	// 6: pages read by OCR and the mark on their passages (ocr.go).
	`ALTER TABLE passages ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE ocr_pages (
		document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		page INTEGER NOT NULL,
		confidence REAL NOT NULL,
		words INTEGER NOT NULL,
		rotation INTEGER NOT NULL DEFAULT 0,
		note TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (document_id, page)
	);`,
	// 7: a curator's decisions on the links between plans (plan_links.go).
	`CREATE TABLE plan_links (
		from_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		to_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		state TEXT NOT NULL CHECK (state IN ('bevestigd', 'verwijderd')),
		user_email TEXT NOT NULL,
		time TEXT NOT NULL,
		version INTEGER NOT NULL,
		PRIMARY KEY (from_id, to_id)
	);`,
	// 8: drafts of the kwaliteitstoets (toets.go): never documents, kept
	// with their file until they expire.
	`CREATE TABLE toets_drafts (
		id INTEGER PRIMARY KEY,
		token_hash TEXT NOT NULL UNIQUE,
		file_name TEXT NOT NULL,
		title TEXT NOT NULL DEFAULT '',
		gemeenten TEXT NOT NULL DEFAULT '[]',
		passages TEXT NOT NULL,
		file BLOB NOT NULL,
		created TEXT NOT NULL,
		expires TEXT NOT NULL,
		submission TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX toets_drafts_expires ON toets_drafts(expires);`,
	// 9: a draft of the kwaliteitstoets is read in the background
	// (toets_read.go): its state, and how often its reading was started.
	`ALTER TABLE toets_drafts ADD COLUMN state TEXT NOT NULL DEFAULT 'klaar';
	ALTER TABLE toets_drafts ADD COLUMN reads INTEGER NOT NULL DEFAULT 0;`,
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for i := v; i < len(migrations); i++ {
		if err := s.applyMigration(ctx, i+1, migrations[i]); err != nil {
			return err
		}
	}
	return s.syncGemeenten(ctx)
}

func (s *Store) applyMigration(ctx context.Context, version int, stmt string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %d: %w", version, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("migration %d: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, version); err != nil {
		return fmt.Errorf("migration %d: %w", version, err)
	}
	return tx.Commit()
}

// syncGemeenten makes the gemeenten table match the embedded register,
// former gemeenten included (documents may name them).
func (s *Store) syncGemeenten(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sync gemeenten: %w", err)
	}
	defer tx.Rollback()
	for _, g := range s.gemeenten.Every() {
		_, err := tx.ExecContext(ctx, `INSERT INTO gemeenten (code, naam, provincie) VALUES (?, ?, ?)
			ON CONFLICT(code) DO UPDATE SET naam = excluded.naam, provincie = excluded.provincie`,
			g.Code, g.Naam, g.Provincie)
		if err != nil {
			return fmt.Errorf("sync gemeenten %s: %w", g.Code, err)
		}
	}
	return tx.Commit()
}
