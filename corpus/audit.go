package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Audit actions.
const (
	ActionSubmit      = "submit"
	ActionReview      = "review" // a curator opened a received submission
	ActionApprove     = "approve"
	ActionReject      = "reject"
	ActionEdit        = "edit"
	ActionWithdraw    = "withdraw"
	ActionReplaceFile = "replace_file"
	ActionRereadPage  = "reread_page" // a page of a scan read again by OCR
)

// AuditEntry records one action: who, when, what, before and after.
type AuditEntry struct {
	ID           int64
	Time         time.Time
	UserID       int64  // 0 for the public (a submission)
	UserEmail    string // "" for the public
	Action       string
	DocumentID   int64
	SubmissionID int64           // 0 when none
	Before       json.RawMessage // JSON, "null" when nothing was before
	After        json.RawMessage // JSON
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	UserID     int64  // 0 for any
	DocumentID int64  // 0 for any
	Action     string // "" for any
	Limit      int    // default 100
	Offset     int
}

// insertAudit records an action inside the transaction that makes it.
// before and after are marshalled to JSON; nil becomes null. A zero user
// is the public.
func insertAudit(ctx context.Context, q querier, u User, action string, docID, subID int64, before, after any) (int64, error) {
	b, err := json.Marshal(before)
	if err != nil {
		return 0, fmt.Errorf("audit %s: %w", action, err)
	}
	a, err := json.Marshal(after)
	if err != nil {
		return 0, fmt.Errorf("audit %s: %w", action, err)
	}
	var uid any
	if u.ID != 0 {
		uid = u.ID
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO audit_log (time, user_id, user_email, action, document_id,
		submission_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		time.Now().UTC().Format(timeLayout), uid, u.Email, action, docID, subID, string(b), string(a)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("audit %s: %w", action, err)
	}
	return id, nil
}

// AuditLog returns the audit entries f selects, newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, time, COALESCE(user_id, 0), user_email, action,
		document_id, submission_id, before, after FROM audit_log
		WHERE (? = 0 OR user_id = ?) AND (? = 0 OR document_id = ?) AND (? = '' OR action = ?)
		ORDER BY id DESC LIMIT ? OFFSET ?`,
		f.UserID, f.UserID, f.DocumentID, f.DocumentID, f.Action, f.Action, f.Limit, f.Offset)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var t, before, after string
		if err := rows.Scan(&e.ID, &t, &e.UserID, &e.UserEmail, &e.Action, &e.DocumentID,
			&e.SubmissionID, &before, &after); err != nil {
			return nil, fmt.Errorf("audit log: %w", err)
		}
		e.Time, _ = time.Parse(timeLayout, t)
		e.Before, e.After = json.RawMessage(before), json.RawMessage(after)
		out = append(out, e)
	}
	return out, rows.Err()
}
