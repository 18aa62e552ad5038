package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

const timeLayout = time.RFC3339Nano

// Add stores a document, its passages and its original file. The file is
// written first (content-addressed, so a leftover from a failed add is
// harmless); the rows go in one transaction. When a document with the same
// file already exists, Add returns its ID and existed=true and changes
// nothing.
func (s *Store) Add(ctx context.Context, d Document, passages []Passage, data []byte) (id int64, existed bool, err error) {
	d.SHA256 = Digest(data)
	d.Size = int64(len(data))
	if id, err := s.idBySHA(ctx, d.SHA256); err == nil {
		return id, true, nil
	} else if !errors.Is(err, ErrNotFound) {
		return 0, false, err
	}
	if err := s.validate(d); err != nil {
		return 0, false, err
	}
	if err := s.putFile(d.SHA256, data); err != nil {
		return 0, false, err
	}
	id, err = s.insert(ctx, d, passages)
	if err != nil {
		return 0, false, fmt.Errorf("add %s: %w", d.Source, err)
	}
	return id, false, nil
}

func (s *Store) validate(d Document) error {
	if d.Status == "" {
		return fmt.Errorf("add %s: no status", d.Source)
	}
	for _, g := range d.Gemeenten {
		if _, ok := s.gemeenten.ByCode(g.Code); !ok {
			return fmt.Errorf("add %s: unknown gemeente %q", d.Source, g.Code)
		}
	}
	return nil
}

// insert adds a document row with its gemeenten and passages, and what
// also adds for the new id, in one transaction.
func (s *Store) insert(ctx context.Context, d Document, passages []Passage, also ...func(*sql.Tx, int64) error) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	id, err := insertDocument(ctx, tx, d, passages)
	if err != nil {
		return 0, err
	}
	for _, f := range also {
		if err := f(tx, id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}

func setGemeenten(ctx context.Context, tx *sql.Tx, id int64, gms []Gemeente) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM document_gemeenten WHERE document_id = ?`, id); err != nil {
		return err
	}
	for _, g := range gms {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO document_gemeenten (document_id, gemeente_code) VALUES (?, ?)`, id, g.Code); err != nil {
			return err
		}
	}
	return nil
}

func insertPassages(ctx context.Context, tx *sql.Tx, id int64, passages []Passage) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO passages (document_id, ordinal, page_from, page_to, headings, text, tags, ocr)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, p := range passages {
		h, _ := json.Marshal(nonNil(p.Headings))
		t, _ := json.Marshal(p.Tags)
		if _, err := stmt.ExecContext(ctx, id, i, p.PageFrom, p.PageTo, string(h), p.Text, string(t), p.OCR); err != nil {
			return err
		}
	}
	return nil
}

// nonNil returns s, or an empty slice when s is nil, so it encodes as []
// rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (s *Store) idBySHA(ctx context.Context, sha string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, sha).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

// IDBySHA256 returns the ID of the document stored from the file with the
// given digest, or ErrNotFound.
func (s *Store) IDBySHA256(ctx context.Context, sha string) (int64, error) {
	return s.idBySHA(ctx, strings.ToLower(sha))
}

// Delete removes a document and its passages. The original file stays on
// disk (another document cannot share it, but a backup may refer to it).
func (s *Store) Delete(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete document %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete document %d: %w", id, ErrNotFound)
	}
	return nil
}
