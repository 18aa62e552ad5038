package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Change is a committed curation change. Undo reverts it when the search
// index cannot follow, so store and index never disagree.
type Change struct {
	Before, After Document
	passages      []Passage   // the passages before, when the change replaced them
	sub           *Submission // the submission before, when there is one
	auditID       int64
	versionID     int64
}

// Transition is a status change a curator makes.
type Transition struct {
	Action string   // ActionApprove, ActionReject or ActionWithdraw
	From   []Status // the statuses the document may have
	To     Status
	Reason string // shown to the municipality; cleared on approval
}

// submissionStatusOf is the submission status that goes with a document
// status.
func submissionStatusOf(s Status) SubmissionStatus {
	switch s {
	case StatusPublished:
		return SubmissionPublished
	case StatusRejected:
		return SubmissionRejected
	case StatusWithdrawn:
		return SubmissionWithdrawn
	}
	return SubmissionInReview
}

// SetStatus moves a document (and its submission) to t.To in one
// transaction with its audit entry. ErrWrongStatus when the document's
// status is not in t.From.
func (s *Store) SetStatus(ctx context.Context, u User, id int64, t Transition) (Change, error) {
	var c Change
	err := s.curate(ctx, id, func(tx *sql.Tx, d Document, sub *Submission) error {
		if !slices.Contains(t.From, d.Status) {
			return fmt.Errorf("%s: document is %s: %w", t.Action, d.Status, ErrWrongStatus)
		}
		c.Before, c.After, c.sub = d, d, sub
		c.After.Status = t.To
		if err := updateDocument(ctx, tx, c.After); err != nil {
			return err
		}
		if sub != nil {
			if err := setSubmissionStatus(ctx, tx, sub.ID, submissionStatusOf(t.To), t.Reason); err != nil {
				return err
			}
		}
		before := map[string]any{"status": d.Status}
		after := map[string]any{"status": t.To, "reason": t.Reason}
		var err error
		c.auditID, err = insertAudit(ctx, tx, u, t.Action, id, sub.id(), before, after)
		return err
	})
	return c, err
}

// MarkInReview records that a curator opened a received submission: it
// becomes "in behandeling", with its audit entry. Other submissions are
// left as they are, and then nothing is written. ErrNotFound for an
// unknown document.
func (s *Store) MarkInReview(ctx context.Context, u User, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark document %d in review: %w", id, err)
	}
	defer tx.Rollback()
	var subID int64
	err = tx.QueryRowContext(ctx, `UPDATE submissions SET status = ?, reason = '', updated = ?
		WHERE document_id = ? AND status = ? RETURNING id`, string(SubmissionInReview),
		time.Now().UTC().Format(timeLayout), id, string(SubmissionReceived)).Scan(&subID)
	if errors.Is(err, sql.ErrNoRows) {
		return s.exists(ctx, tx, id)
	}
	if err != nil {
		return fmt.Errorf("mark document %d in review: %w", id, err)
	}
	_, err = insertAudit(ctx, tx, u, ActionReview, id, subID,
		map[string]any{"status": SubmissionReceived}, map[string]any{"status": SubmissionInReview})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// exists returns ErrNotFound when there is no document id.
func (s *Store) exists(ctx context.Context, q querier, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("document %d: %w", id, err)
	}
	return nil
}

// SetMetadata replaces a document's editable metadata, with its audit
// entry, in one transaction.
func (s *Store) SetMetadata(ctx context.Context, u User, id int64, m Metadata) (Change, error) {
	for _, g := range m.Gemeenten {
		if _, ok := s.gemeenten.ByCode(g.Code); !ok {
			return Change{}, fmt.Errorf("edit document %d: unknown gemeente %q: %w", id, g.Code, ErrInvalid)
		}
	}
	var c Change
	err := s.curate(ctx, id, func(tx *sql.Tx, d Document, sub *Submission) error {
		c.Before, c.After = d, d
		c.After.SetMetadata(m)
		if err := updateDocument(ctx, tx, c.After); err != nil {
			return err
		}
		var err error
		c.auditID, err = insertAudit(ctx, tx, u, ActionEdit, id, sub.id(), d.Metadata(), m)
		return err
	})
	return c, err
}

// curate runs fn in a transaction that holds the write lock from its
// first statement, with the document as it is and its submission (nil
// when none). ErrNotFound for an unknown document.
func (s *Store) curate(ctx context.Context, id int64, fn func(tx *sql.Tx, d Document, sub *Submission) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("curate document %d: %w", id, err)
	}
	defer tx.Rollback()
	// A write first, so the transaction takes the lock (waiting its turn)
	// before it reads what it will change.
	res, err := tx.ExecContext(ctx, `UPDATE documents SET id = id WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("curate document %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	d, err := s.documentOf(ctx, tx, id)
	if err != nil {
		return err
	}
	sub, err := submissionOf(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := fn(tx, d, sub); err != nil {
		return err
	}
	return tx.Commit()
}

// updateDocument writes every mutable column of d and its gemeenten.
func updateDocument(ctx context.Context, tx *sql.Tx, d Document) error {
	_, err := tx.ExecContext(ctx, `UPDATE documents SET title = ?, doctype = ?, period_start = ?,
		period_end = ?, vastgesteld = ?, source = ?, media_type = ?, sha256 = ?, size = ?, pages = ?,
		status = ?, extractor_version = ?, updated = ? WHERE id = ?`,
		d.Title, string(d.Type), d.PeriodStart, d.PeriodEnd, d.Vastgesteld, d.Source, d.MediaType,
		d.SHA256, d.Size, d.Pages, string(d.Status), d.ExtractorVersion,
		time.Now().UTC().Format(timeLayout), d.ID)
	if err != nil {
		return fmt.Errorf("update document %d: %w", d.ID, err)
	}
	return setGemeenten(ctx, tx, d.ID, d.Gemeenten)
}

func setSubmissionStatus(ctx context.Context, tx *sql.Tx, id int64, st SubmissionStatus, reason string) error {
	_, err := tx.ExecContext(ctx, `UPDATE submissions SET status = ?, reason = ?, updated = ? WHERE id = ?`,
		string(st), reason, time.Now().UTC().Format(timeLayout), id)
	if err != nil {
		return fmt.Errorf("update submission %d: %w", id, err)
	}
	return nil
}

// Undo reverts a change in one transaction: the document row, its
// passages when the change replaced them, its submission's status, and
// the audit entry and version row the change wrote.
func (s *Store) Undo(ctx context.Context, c Change) error {
	err := s.curate(ctx, c.Before.ID, func(tx *sql.Tx, _ Document, _ *Submission) error {
		if err := updateDocument(ctx, tx, c.Before); err != nil {
			return err
		}
		if c.passages != nil {
			if err := replacePassages(ctx, tx, c.Before.ID, c.passages); err != nil {
				return err
			}
			if err := setOCRPages(ctx, tx, c.Before.ID, c.Before.OCR); err != nil {
				return err
			}
		}
		if c.sub != nil {
			if err := setSubmissionStatus(ctx, tx, c.sub.ID, c.sub.Status, c.sub.Reason); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM audit_log WHERE id = ?`, c.auditID)
		if err == nil && c.versionID != 0 {
			_, err = tx.ExecContext(ctx, `DELETE FROM document_versions WHERE id = ?`, c.versionID)
		}
		return err
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("undo change of document %d: %w", c.Before.ID, err)
	}
	return err
}

func replacePassages(ctx context.Context, tx *sql.Tx, id int64, passages []Passage) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM passages WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("replace passages of %d: %w", id, err)
	}
	if err := insertPassages(ctx, tx, id, passages); err != nil {
		return fmt.Errorf("replace passages of %d: %w", id, err)
	}
	return nil
}

// DocLocks serialises work per document: Lock waits while another caller
// holds the same document ID, and callers with different IDs do not wait
// for each other. A curator action holds it across the store change and
// the index update, so that two actions on one plan cannot interleave and
// leave the index showing an older state than the store. The zero value
// is ready for use; it keeps an entry only while an ID is held or awaited.
type DocLocks struct {
	mu   sync.Mutex
	held map[int64]*docLock
}

// docLock is one document's lock: a token in a channel of one, and the
// number of callers holding or awaiting it.
type docLock struct {
	token chan struct{}
	users int
}

// Lock waits until document id is free or ctx ends, and returns the
// function that frees it again (call it once).
func (l *DocLocks) Lock(ctx context.Context, id int64) (unlock func(), err error) {
	l.mu.Lock()
	if l.held == nil {
		l.held = map[int64]*docLock{}
	}
	dl := l.held[id]
	if dl == nil {
		dl = &docLock{token: make(chan struct{}, 1)}
		l.held[id] = dl
	}
	dl.users++
	l.mu.Unlock()
	select {
	case dl.token <- struct{}{}:
		return func() { <-dl.token; l.leave(id, dl) }, nil
	case <-ctx.Done():
		l.leave(id, dl)
		return nil, fmt.Errorf("wait for document %d: %w", id, context.Cause(ctx))
	}
}

func (l *DocLocks) leave(id int64, dl *docLock) {
	l.mu.Lock()
	if dl.users--; dl.users == 0 {
		delete(l.held, id)
	}
	l.mu.Unlock()
}
