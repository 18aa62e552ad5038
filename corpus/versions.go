package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Version is an earlier file of a document, kept when a curator replaced
// it by a newer one.
type Version struct {
	DocumentID int64
	SHA256     string // digest of the old file, still on disk
	Source     string
	MediaType  string
	Size       int64
	Replaced   time.Time
	ReplacedBy int64 // user ID
}

// ReplaceFile gives a document a newer file: nd carries what extraction
// found in data (its file fields and pages are taken; the curated
// metadata stays) and passages replace the old ones. The new file is
// written first; then one transaction keeps the old file as a Version,
// updates the document, swaps the passages and writes the audit entry.
// The old file stays on disk.
func (s *Store) ReplaceFile(ctx context.Context, u User, id int64, nd Document, passages []Passage, data []byte) (Change, error) {
	sha := Digest(data)
	if _, err := s.idBySHA(ctx, sha); err == nil {
		return Change{}, &FieldError{Field: FieldFile, Err: ErrDuplicate,
			Msg: "Dit bestand staat al in de databank."}
	}
	if err := s.putFile(sha, data); err != nil {
		return Change{}, err
	}
	var c Change
	err := s.curate(ctx, id, func(tx *sql.Tx, d Document, sub *Submission) error {
		old, err := passagesOf(ctx, tx, id)
		if err != nil {
			return err
		}
		c.Before, c.After, c.sub, c.passages = d, d, sub, nonNil(old)
		a := &c.After
		a.Source, a.MediaType, a.SHA256, a.Size = nd.Source, nd.MediaType, sha, int64(len(data))
		a.Pages, a.ExtractorVersion, a.OCR = nd.Pages, nd.ExtractorVersion, nd.OCR
		if c.versionID, err = insertVersion(ctx, tx, d, u); err != nil {
			return err
		}
		if err := updateDocument(ctx, tx, c.After); err != nil {
			return err
		}
		if err := replacePassages(ctx, tx, id, passages); err != nil {
			return err
		}
		if err := setOCRPages(ctx, tx, id, a.OCR); err != nil {
			return err
		}
		c.auditID, err = insertAudit(ctx, tx, u, ActionReplaceFile, id, sub.id(), fileFields(d), fileFields(c.After))
		return err
	})
	return c, err
}

func fileFields(d Document) map[string]any {
	return map[string]any{"source": d.Source, "sha256": d.SHA256, "size": d.Size, "pages": d.Pages,
		"media_type": d.MediaType}
}

func insertVersion(ctx context.Context, tx *sql.Tx, d Document, u User) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO document_versions (document_id, sha256, source, media_type,
		size, replaced, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		d.ID, d.SHA256, d.Source, d.MediaType, d.Size, time.Now().UTC().Format(timeLayout), u.ID).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("keep version of document %d: %w", d.ID, err)
	}
	return id, nil
}

// Versions lists a document's earlier files, newest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT document_id, sha256, source, media_type, size, replaced,
		replaced_by FROM document_versions WHERE document_id = ? ORDER BY id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("versions of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var replaced string
		if err := rows.Scan(&v.DocumentID, &v.SHA256, &v.Source, &v.MediaType, &v.Size, &replaced,
			&v.ReplacedBy); err != nil {
			return nil, fmt.Errorf("versions of %d: %w", id, err)
		}
		v.Replaced, _ = time.Parse(timeLayout, replaced)
		out = append(out, v)
	}
	return out, rows.Err()
}

// VersionPath is the path of an earlier file on disk.
func (s *Store) VersionPath(v Version) string { return s.filePath(v.SHA256) }
