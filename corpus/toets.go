package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Draft is a plan uploaded for the kwaliteitstoets: extracted and tagged,
// but never a document, so it reaches neither search, the index nor the
// curator queue. Only the SHA-256 of its token is stored; the file is
// kept in the row and goes with it when the draft expires.
type Draft struct {
	ID         int64
	Token      string // only set by AddDraft: the store keeps its SHA-256
	FileName   string
	Title      string
	Gemeenten  []string // CBS codes extraction found
	Passages   []Passage
	Created    time.Time
	Expires    time.Time
	Submission string // token of the submission it became; "" when not submitted
	// State is DraftReading from the upload until its reading ends,
	// then DraftReady; the zero value means ready.
	State DraftState
	// Progress is how far the reading has come; the service that reads
	// the draft sets it, the store does not keep it.
	Progress DraftProgress
}

// ErrDraftExpired says a draft's link no longer works: it has been
// deleted after its retention period (410 rather than 404).
var ErrDraftExpired = errors.New("draft expired")

// AddDraft stores a draft that lives for ttl and returns it with its new
// token (256 random bits).
func (s *Store) AddDraft(ctx context.Context, d Draft, file []byte, ttl time.Duration) (Draft, error) {
	if ttl <= 0 {
		return Draft{}, fmt.Errorf("add draft: ttl %s: %w", ttl, ErrInvalid)
	}
	token, err := newToken(32)
	if err != nil {
		return Draft{}, fmt.Errorf("add draft: %w", err)
	}
	gms, _ := json.Marshal(nonNil(d.Gemeenten))
	ps, err := json.Marshal(d.Passages)
	if err != nil {
		return Draft{}, fmt.Errorf("add draft: %w", err)
	}
	d.Token, d.Created = token, time.Now().UTC()
	d.Expires = d.Created.Add(ttl).Truncate(time.Second)
	if d.State == "" {
		d.State = DraftReady
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO toets_drafts (token_hash, file_name, title, gemeenten,
		passages, file, created, expires, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		tokenHash(token), d.FileName, d.Title, string(gms), string(ps), file,
		d.Created.Format(timeLayout), d.Expires.Format(time.RFC3339), string(d.State))
	if err != nil {
		return Draft{}, fmt.Errorf("add draft: %w", err)
	}
	d.ID, _ = res.LastInsertId()
	return d, nil
}

// DraftByToken returns the live draft with a token: ErrNotFound for an
// unknown token, ErrDraftExpired for one past its time (the sweep may
// not have run yet; the row is removed on the way). A submitted draft
// does not expire.
func (s *Store) DraftByToken(ctx context.Context, token string) (Draft, error) {
	var d Draft
	var gms, ps, created, expires string
	err := s.db.QueryRowContext(ctx, `SELECT id, file_name, title, gemeenten, passages, created, expires,
		submission, state FROM toets_drafts WHERE token_hash = ?`, tokenHash(token)).Scan(&d.ID, &d.FileName,
		&d.Title, &gms, &ps, &created, &expires, &d.Submission, &d.State)
	if errors.Is(err, sql.ErrNoRows) {
		return Draft{}, fmt.Errorf("draft: %w", ErrNotFound)
	}
	if err != nil {
		return Draft{}, fmt.Errorf("draft: %w", err)
	}
	d.Token = token
	d.Created, _ = time.Parse(timeLayout, created)
	d.Expires, _ = time.Parse(timeLayout, expires)
	if d.Submission == "" && !time.Now().Before(d.Expires) {
		_, _ = s.db.ExecContext(ctx, `DELETE FROM toets_drafts WHERE id = ?`, d.ID)
		return Draft{}, fmt.Errorf("draft %d: %w", d.ID, ErrDraftExpired)
	}
	if err := json.Unmarshal([]byte(gms), &d.Gemeenten); err != nil {
		return Draft{}, fmt.Errorf("draft %d: gemeenten: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(ps), &d.Passages); err != nil {
		return Draft{}, fmt.Errorf("draft %d: passages: %w", d.ID, err)
	}
	return d, nil
}

// DraftFile returns the uploaded file of a draft.
func (s *Store) DraftFile(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT file FROM toets_drafts WHERE id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("draft %d file: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("draft %d file: %w", id, err)
	}
	return b, nil
}

// MarkDraftSubmitted records that a draft became a submission; it is
// then kept as that submission's draft and never swept.
func (s *Store) MarkDraftSubmitted(ctx context.Context, id int64, submission string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE toets_drafts SET submission = ? WHERE id = ?`, submission, id)
	if err != nil {
		return fmt.Errorf("mark draft %d submitted: %w", id, err)
	}
	return nil
}

// SweepDrafts deletes the drafts that expired before now and were not
// submitted, file and report with them, and says how many.
func (s *Store) SweepDrafts(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM toets_drafts WHERE submission = '' AND expires <= ?`,
		now.UTC().Format(time.RFC3339))
	if err != nil {
		return 0, fmt.Errorf("sweep drafts: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DraftCount is how many drafts the store keeps, submitted ones included.
func (s *Store) DraftCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM toets_drafts`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count drafts: %w", err)
	}
	return n, nil
}
