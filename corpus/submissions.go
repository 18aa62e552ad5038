package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// SubmissionStatus is where a submitted plan stands, as its municipality
// sees it on the status page.
type SubmissionStatus string

// Submission statuses; Label gives the Dutch word.
const (
	SubmissionReceived  SubmissionStatus = "received"  // ontvangen
	SubmissionInReview  SubmissionStatus = "in_review" // in behandeling
	SubmissionPublished SubmissionStatus = "published" // gepubliceerd
	SubmissionRejected  SubmissionStatus = "rejected"  // afgewezen, with a reason
	SubmissionWithdrawn SubmissionStatus = "withdrawn" // ingetrokken after publication
)

// Label returns the Dutch word shown to municipalities.
func (s SubmissionStatus) Label() string {
	switch s {
	case SubmissionReceived:
		return "ontvangen"
	case SubmissionInReview:
		return "in behandeling"
	case SubmissionPublished:
		return "gepubliceerd"
	case SubmissionRejected:
		return "afgewezen"
	case SubmissionWithdrawn:
		return "ingetrokken"
	}
	return string(s)
}

// Metadata is what a curator may edit of a document, and what a
// municipality states about its plan when submitting it.
type Metadata struct {
	Title       string     `json:"title"`
	Type        DocType    `json:"type"`
	PeriodStart int        `json:"period_start"` // 0 when unknown
	PeriodEnd   int        `json:"period_end"`   // 0 when unknown
	Vastgesteld string     `json:"vastgesteld"`  // YYYY-MM-DD or ""
	Gemeenten   []Gemeente `json:"gemeenten"`
}

// Metadata returns the editable metadata of d.
func (d Document) Metadata() Metadata {
	return Metadata{Title: d.Title, Type: d.Type, PeriodStart: d.PeriodStart, PeriodEnd: d.PeriodEnd,
		Vastgesteld: d.Vastgesteld, Gemeenten: d.Gemeenten}
}

// SetMetadata replaces the editable metadata of d with m.
func (d *Document) SetMetadata(m Metadata) {
	d.Title, d.Type, d.PeriodStart, d.PeriodEnd = m.Title, m.Type, m.PeriodStart, m.PeriodEnd
	d.Vastgesteld, d.Gemeenten = m.Vastgesteld, m.Gemeenten
}

// SubmissionInput is what the public submission form sends, apart from the
// uploaded file, which comes as a reader.
type SubmissionInput struct {
	Gemeenten    []string // CBS codes, e.g. GM0363; at least one
	Type         DocType  // required
	PeriodStart  int      // first year; required
	PeriodEnd    int      // last year; 0 means the same as PeriodStart
	ContactName  string   // required
	ContactEmail string   // required, an e-mail address
	Note         string   // optional, at most 4000 characters
	URL          string   // http(s) address of an HTML plan; "" when a file is uploaded
	FileName     string   // the client's file name: a label only, never a path
}

// Submission is one plan sent in by a municipality.
type Submission struct {
	ID           int64
	Token        string // public reference; only set by Submit and SubmissionByToken
	DocumentID   int64
	Submitted    Metadata // what the municipality stated
	Detected     Metadata // what extraction found
	ContactName  string
	ContactEmail string
	Note         string
	Source       string // the URL or the client's file name
	Status       SubmissionStatus
	Reason       string // why it was rejected or withdrawn; "" otherwise
	Created      time.Time
	Updated      time.Time
}

// id is the submission's ID, 0 for none (a nil submission): what an audit
// entry records for a document that did not come in through one.
func (s *Submission) id() int64 {
	if s == nil {
		return 0
	}
	return s.ID
}

// Reference is the short human reference of a submission ("IVP-000042").
func (s Submission) Reference() string { return fmt.Sprintf("IVP-%06d", s.ID) }

// Errors the submission and curation services return; the UI maps them to
// HTTP statuses.
var (
	ErrTooLarge        = errors.New("file too large")                      // 413
	ErrUnsupportedType = errors.New("unsupported file type")               // 415
	ErrInvalid         = errors.New("invalid input")                       // 422
	ErrForbidden       = errors.New("forbidden")                           // 403
	ErrWrongStatus     = errors.New("action does not fit document status") // 409
)

// Form fields a FieldError can name.
const (
	FieldGemeenten    = "gemeenten"
	FieldType         = "type"
	FieldPeriod       = "period"
	FieldContactName  = "contact_name"
	FieldContactEmail = "contact_email"
	FieldNote         = "note"
	FieldURL          = "url"
	FieldFile         = "file"
	FieldTitle        = "title"
	FieldVastgesteld  = "vastgesteld"
	FieldReason       = "reason"
)

// FieldError is a problem with one form field, with a Dutch message to
// show next to it. Err is ErrTooLarge, ErrUnsupportedType or ErrInvalid.
type FieldError struct {
	Field string
	Msg   string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Unwrap returns the sentinel that classifies the error.
func (e *FieldError) Unwrap() error { return e.Err }

// FieldErrorsOf returns every FieldError in err's tree (errors.Join and
// %w wrapping are followed), in order; nil when there are none.
func FieldErrorsOf(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		if fe, ok := e.(*FieldError); ok {
			out = append(out, fe)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			if x := u.Unwrap(); x != nil {
				walk(x)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// PutFile stores a file under its digest (temporary file, fsync, rename)
// without a row referring to it; AddSubmission and ReplaceFile then find
// it in place. A file no row refers to is harmless.
func (s *Store) PutFile(data []byte) error { return s.putFile(Digest(data), data) }

// ErrDuplicate classifies a submission of a file the store already holds.
var ErrDuplicate = errors.New("file already stored")

// AddSubmission stores a submitted plan: its file first (fsynced), then in
// one transaction the pending document, its passages, the submission and
// its audit entry. It returns the submission with its ID, DocumentID and
// public Token. A file the store already holds is refused with a
// FieldError wrapping ErrDuplicate.
func (s *Store) AddSubmission(ctx context.Context, d Document, passages []Passage, data []byte, sub Submission) (Submission, error) {
	d.SHA256, d.Size, d.Status = Digest(data), int64(len(data)), StatusPending
	if _, err := s.idBySHA(ctx, d.SHA256); err == nil {
		return sub, &FieldError{Field: FieldFile, Err: ErrDuplicate,
			Msg: "Dit plan is al eerder ingediend of staat al in de databank."}
	} else if !errors.Is(err, ErrNotFound) {
		return sub, fmt.Errorf("add submission %s: %w", sub.Source, err)
	}
	if err := s.validate(d); err != nil {
		return sub, err
	}
	token, err := newToken(16)
	if err != nil {
		return sub, fmt.Errorf("add submission %s: %w", sub.Source, err)
	}
	if err := s.putFile(d.SHA256, data); err != nil {
		return sub, err
	}
	sub.Token, sub.Status, sub.Reason = token, SubmissionReceived, ""
	sub.Created = time.Now().UTC()
	sub.Updated = sub.Created
	if err := s.insertSubmission(ctx, d, passages, &sub); err != nil {
		return sub, fmt.Errorf("add submission %s: %w", sub.Source, err)
	}
	return sub, nil
}

func (s *Store) insertSubmission(ctx context.Context, d Document, passages []Passage, sub *Submission) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if sub.DocumentID, err = insertDocument(ctx, tx, d, passages); err != nil {
		return err
	}
	submitted, _ := json.Marshal(sub.Submitted)
	detected, _ := json.Marshal(sub.Detected)
	now := sub.Created.Format(timeLayout)
	err = tx.QueryRowContext(ctx, `INSERT INTO submissions (id, token_hash, document_id, submitted, detected,
		contact_name, contact_email, note, source, status, reason, created, updated)
		VALUES (`+nextReference+`, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id`,
		tokenHash(sub.Token), sub.DocumentID, string(submitted), string(detected), sub.ContactName,
		sub.ContactEmail, sub.Note, sub.Source, string(sub.Status), now, now).Scan(&sub.ID)
	if err != nil {
		return err
	}
	after := map[string]any{"source": sub.Source, "submitted": sub.Submitted, "contact_name": sub.ContactName,
		"contact_email": sub.ContactEmail, "note": sub.Note, "status": sub.Status}
	if _, err := insertAudit(ctx, tx, User{}, ActionSubmit, sub.DocumentID, sub.ID, nil, after); err != nil {
		return err
	}
	return tx.Commit()
}

// insertDocument adds a document row with its gemeenten and passages
// inside tx.
func insertDocument(ctx context.Context, tx *sql.Tx, d Document, passages []Passage) (int64, error) {
	now := time.Now().UTC().Format(timeLayout)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO documents (title, doctype, period_start, period_end,
		vastgesteld, source, media_type, sha256, size, pages, status, extractor_version, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		d.Title, string(d.Type), d.PeriodStart, d.PeriodEnd, d.Vastgesteld, d.Source, d.MediaType,
		d.SHA256, d.Size, d.Pages, string(d.Status), d.ExtractorVersion, now, now).Scan(&id)
	if err != nil {
		return 0, err
	}
	if err := setGemeenten(ctx, tx, id, d.Gemeenten); err != nil {
		return 0, err
	}
	if err := setOCRPages(ctx, tx, id, d.OCR); err != nil {
		return 0, err
	}
	return id, insertPassages(ctx, tx, id, passages)
}

const submissionColumns = `id, document_id, submitted, detected, contact_name, contact_email, note,
	source, status, reason, created, updated`

func scanSubmission(row scanner) (Submission, error) {
	var sub Submission
	var submitted, detected, status, created, updated string
	err := row.Scan(&sub.ID, &sub.DocumentID, &submitted, &detected, &sub.ContactName, &sub.ContactEmail,
		&sub.Note, &sub.Source, &status, &sub.Reason, &created, &updated)
	if err != nil {
		return sub, err
	}
	if err := json.Unmarshal([]byte(submitted), &sub.Submitted); err != nil {
		return sub, fmt.Errorf("submission %d: submitted: %w", sub.ID, err)
	}
	if err := json.Unmarshal([]byte(detected), &sub.Detected); err != nil {
		return sub, fmt.Errorf("submission %d: detected: %w", sub.ID, err)
	}
	sub.Status = SubmissionStatus(status)
	sub.Created, _ = time.Parse(timeLayout, created)
	sub.Updated, _ = time.Parse(timeLayout, updated)
	return sub, nil
}

// SubmissionByToken returns the submission with the public token, a
// duplicate one (AddDuplicateSubmission) included, or ErrNotFound.
func (s *Store) SubmissionByToken(ctx context.Context, token string) (Submission, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE token_hash = ?`,
		tokenHash(token))
	sub, err := scanSubmission(row)
	if errors.Is(err, sql.ErrNoRows) {
		return s.duplicateByToken(ctx, token)
	}
	if err != nil {
		return sub, fmt.Errorf("submission: %w", err)
	}
	sub.Token = token
	return sub, nil
}

// SubmissionOf returns the submission a document came in through, or nil
// for a document that did not come in through one.
func (s *Store) SubmissionOf(ctx context.Context, documentID int64) (*Submission, error) {
	return submissionOf(ctx, s.db, documentID)
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func submissionOf(ctx context.Context, q querier, documentID int64) (*Submission, error) {
	row := q.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE document_id = ?`, documentID)
	sub, err := scanSubmission(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("submission of document %d: %w", documentID, err)
	}
	return &sub, nil
}

// submissionsOf maps the documents ids that came in through a submission
// to it, with one query through q.
func submissionsOf(ctx context.Context, q querier, ids []int64) (map[int64]*Submission, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions
		WHERE document_id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("submissions of documents: %w", err)
	}
	defer rows.Close()
	out := map[int64]*Submission{}
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("submissions of documents: %w", err)
		}
		out[sub.DocumentID] = &sub
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("submissions of documents: %w", err)
	}
	return out, nil
}
