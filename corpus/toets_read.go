package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// DraftState says whether a draft's plan has been read.
type DraftState string

// The states of a draft: an upload is stored as DraftReading and read in
// the background; a plan that cannot be read is deleted, not kept in a
// state of its own.
const (
	DraftReading DraftState = "bezig"
	DraftReady   DraftState = "klaar"
)

// DraftStep is a step of reading a draft, as the progress page names it.
type DraftStep string

// The steps of reading a draft, in order.
const (
	StepReceived DraftStep = "ontvangen"     // stored, waiting its turn
	StepReading  DraftStep = "tekst lezen"   // extraction (and OCR) in the worker
	StepChecking DraftStep = "controleren"   // tagging the passages with themes and checklist elements
	StepReport   DraftStep = "rapport maken" // storing what the report is made of
)

// DraftProgress is how far the reading of a draft has come: its step
// and, while the text is read, the page and the pages in all (0 when the
// extractor cannot say). OCR tells whether the pages are read by OCR.
type DraftProgress struct {
	Step  DraftStep
	Page  int
	Pages int
	OCR   bool
}

// ErrBusy says too many uploads wait to be read: the upload is refused
// and nothing of it is kept (503).
var ErrBusy = errors.New("too many uploads waiting")

// DraftKey is the key a draft's token is known by (its SHA-256, as the
// store keeps it), for what holds a draft in memory without its secret.
func DraftKey(token string) string { return tokenHash(token) }

// BeginDraftRead counts a start of the reading of a draft and returns how
// many times it was started, this one included.
func (s *Store) BeginDraftRead(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `UPDATE toets_drafts SET reads = reads + 1 WHERE id = ? AND state = ?
		RETURNING reads`, id, string(DraftReading)).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("begin reading draft %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("begin reading draft %d: %w", id, err)
	}
	return n, nil
}

// FinishDraft stores what reading a draft found and marks it ready.
func (s *Store) FinishDraft(ctx context.Context, d Draft) error {
	gms, _ := json.Marshal(nonNil(d.Gemeenten))
	ps, err := json.Marshal(d.Passages)
	if err != nil {
		return fmt.Errorf("finish draft %d: %w", d.ID, err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE toets_drafts SET title = ?, gemeenten = ?, passages = ?, state = ?
		WHERE id = ?`, d.Title, string(gms), string(ps), string(DraftReady), d.ID)
	if err != nil {
		return fmt.Errorf("finish draft %d: %w", d.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("finish draft %d: %w", d.ID, ErrNotFound)
	}
	return nil
}

// DeleteDraft deletes a draft with its file: what a refused upload leaves.
func (s *Store) DeleteDraft(ctx context.Context, id int64) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM toets_drafts WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete draft %d: %w", id, err)
	}
	return nil
}

// UnreadDraft is a draft whose reading had not ended: what a restart
// finds.
type UnreadDraft struct {
	ID        int64
	Key       string // DraftKey of its token
	FileName  string
	Gemeenten []string // chosen by the uploader; empty: those extraction finds
	Reads     int      // how often its reading was started
}

// UnreadDrafts lists the drafts still being read, the oldest first.
func (s *Store) UnreadDrafts(ctx context.Context) ([]UnreadDraft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, token_hash, file_name, gemeenten, reads FROM toets_drafts
		WHERE state = ? ORDER BY id`, string(DraftReading))
	if err != nil {
		return nil, fmt.Errorf("unread drafts: %w", err)
	}
	defer rows.Close()
	var out []UnreadDraft
	for rows.Next() {
		var u UnreadDraft
		var gms string
		if err := rows.Scan(&u.ID, &u.Key, &u.FileName, &gms, &u.Reads); err != nil {
			return nil, fmt.Errorf("unread drafts: %w", err)
		}
		if err := json.Unmarshal([]byte(gms), &u.Gemeenten); err != nil {
			return nil, fmt.Errorf("unread draft %d: gemeenten: %w", u.ID, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unread drafts: %w", err)
	}
	return out, nil
}
