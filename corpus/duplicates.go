package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ActionSubmitDuplicate is the audit action of a submission whose file the
// store already held: an entry of the stored document, by the public,
// with the submitter's details and the reference they were given.
const ActionSubmitDuplicate = "submit_duplicate"

// AddDuplicateSubmission records sub, a plan sent in through the form whose
// file is that of stored document documentID. The submitter gets what any
// submitter gets: a public Token, a reference in the sequence of the
// submissions and a status page that says "received", so the form does
// not tell whoever holds a file's bytes that it was submitted before. The
// curator sees the submission in the stored document's audit entries
// (ActionSubmitDuplicate); it adds no document. The row and the audit
// entry are written in one transaction.
func (s *Store) AddDuplicateSubmission(ctx context.Context, documentID int64, sub Submission) (Submission, error) {
	token, err := newToken(16)
	if err != nil {
		return sub, fmt.Errorf("add duplicate submission %s: %w", sub.Source, err)
	}
	sub.Token, sub.DocumentID, sub.Status, sub.Reason = token, documentID, SubmissionReceived, ""
	sub.Created = time.Now().UTC()
	sub.Updated = sub.Created
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sub, fmt.Errorf("add duplicate submission %s: %w", sub.Source, err)
	}
	defer tx.Rollback()
	if err := insertDuplicate(ctx, tx, &sub); err != nil {
		return sub, fmt.Errorf("add duplicate submission %s: %w", sub.Source, err)
	}
	return sub, tx.Commit()
}

// nextReference is the SQL of the next reference number: one past the
// highest given to a submission or a duplicate. It is evaluated inside the
// INSERT that uses it, under SQLite's write lock, so two writers cannot
// both take it, and a submission after a duplicate does not share its
// reference.
const nextReference = `(SELECT 1 + MAX(
	COALESCE((SELECT MAX(id) FROM submissions), 0),
	COALESCE((SELECT MAX(reference) FROM duplicate_submissions), 0)))`

// insertDuplicate writes the row of sub and its audit entry inside tx.
// Its reference is the next one, as any submission would get, so it shows
// nothing unusual.
func insertDuplicate(ctx context.Context, tx *sql.Tx, sub *Submission) error {
	submitted, _ := json.Marshal(sub.Submitted)
	detected, _ := json.Marshal(sub.Detected)
	err := tx.QueryRowContext(ctx, `INSERT INTO duplicate_submissions (token_hash, reference, document_id,
		submitted, detected, contact_name, contact_email, note, source, created)
		VALUES (?, `+nextReference+`, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING reference`, tokenHash(sub.Token),
		sub.DocumentID, string(submitted), string(detected), sub.ContactName, sub.ContactEmail, sub.Note,
		sub.Source, sub.Created.Format(timeLayout)).Scan(&sub.ID)
	if err != nil {
		return err
	}
	after := map[string]any{"reference": sub.Reference(), "source": sub.Source, "submitted": sub.Submitted,
		"contact_name": sub.ContactName, "contact_email": sub.ContactEmail, "note": sub.Note}
	_, err = insertAudit(ctx, tx, User{}, ActionSubmitDuplicate, sub.DocumentID, 0, nil, after)
	return err
}

// duplicateByToken returns the duplicate submission with a public token,
// as SubmissionByToken does for the others: always "received".
func (s *Store) duplicateByToken(ctx context.Context, token string) (Submission, error) {
	sub := Submission{Token: token, Status: SubmissionReceived}
	var submitted, detected, created string
	err := s.db.QueryRowContext(ctx, `SELECT reference, document_id, submitted, detected, contact_name,
		contact_email, note, source, created FROM duplicate_submissions WHERE token_hash = ?`,
		tokenHash(token)).Scan(&sub.ID, &sub.DocumentID, &submitted, &detected, &sub.ContactName,
		&sub.ContactEmail, &sub.Note, &sub.Source, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Submission{}, fmt.Errorf("submission: %w", ErrNotFound)
	}
	if err != nil {
		return Submission{}, fmt.Errorf("submission: %w", err)
	}
	_ = json.Unmarshal([]byte(submitted), &sub.Submitted)
	_ = json.Unmarshal([]byte(detected), &sub.Detected)
	sub.Created, _ = time.Parse(timeLayout, created)
	sub.Updated = sub.Created
	return sub, nil
}
