package ui

import (
	"context"
	"io"
	"time"

	"github.com/ccv/ivp/corpus"
)

// Submissions takes plans in from municipalities (the public /indienen
// pages); *ingest.Curator implements it.
//
// Submit validates in, reads the uploaded file from file (nil or empty when
// in.URL is set: the HTML plan is then fetched server side), extracts and
// tags it and stores it as a pending document with a submission row; the
// file is on disk before Submit returns. The returned Submission carries the
// public Token for /indienen/status/{token}. Errors the UI maps to a status:
//   - errors.Is(err, corpus.ErrTooLarge): 413
//   - errors.Is(err, corpus.ErrUnsupportedType): 415
//   - any other corpus.FieldErrorsOf(err) non-empty: 422 (400 is the UI's own
//     for a form it cannot parse); each *corpus.FieldError names the form
//     field (corpus.Field* constants) and carries a Dutch message.
//   - anything else: 500.
//
// A file the store holds already makes Submit return corpus.ErrDuplicate;
// SubmitDuplicate then takes the same plan in as a duplicate, which the
// curator sees, and returns a Submission like any other, so the form
// answers it as it answers every accepted plan.
//
// SubmissionByToken returns corpus.ErrNotFound for an unknown token.
type Submissions interface {
	Submit(ctx context.Context, in corpus.SubmissionInput, file io.Reader) (corpus.Submission, error)
	SubmitDuplicate(ctx context.Context, in corpus.SubmissionInput, file io.Reader) (corpus.Submission, error)
	SubmissionByToken(ctx context.Context, token string) (corpus.Submission, error)
}

// Curation is what curators do under /beheer; *ingest.Curator implements
// it. Every action takes the acting user, refuses a disabled user or an
// unknown role with corpus.ErrForbidden (AuditLog: admins only), and writes
// one audit entry in the same transaction as the change. Documents are
// addressed by document ID, submitted or bulk ingested alike. An action that
// does not fit the document's status (approving a published plan) returns
// corpus.ErrWrongStatus (409); an unknown ID corpus.ErrNotFound (404);
// invalid input corpus.FieldError values (422), as for Submit.
type Curation interface {
	// Queue lists documents with their submission, newest first.
	// A zero filter lists pending documents (the review queue).
	Queue(ctx context.Context, f corpus.QueueFilter) ([]corpus.QueueItem, error)
	// QueueCount is how many documents f selects on all pages together.
	QueueCount(ctx context.Context, f corpus.QueueFilter) (int, error)
	// Review loads everything the review page shows. The first time a
	// curator opens a received submission it becomes "in behandeling".
	Review(ctx context.Context, u corpus.User, id int64) (corpus.Review, error)
	// Approve publishes a pending, rejected or withdrawn document and adds
	// it to the search index; it is searchable when Approve returns.
	Approve(ctx context.Context, u corpus.User, id int64) error
	// Reject refuses a pending document; reason (required) is shown to the
	// municipality on its status page.
	Reject(ctx context.Context, u corpus.User, id int64, reason string) error
	// EditMeta replaces a document's metadata and re-indexes it when it is
	// published.
	EditMeta(ctx context.Context, u corpus.User, id int64, m corpus.Metadata) error
	// Withdraw takes a published document out of search (status withdrawn);
	// reason is optional.
	Withdraw(ctx context.Context, u corpus.User, id int64, reason string) error
	// ReplaceFile extracts a newer file for a document; the old file is
	// kept and listed as a corpus.Version. name is the client's file name,
	// used only as a label.
	ReplaceFile(ctx context.Context, u corpus.User, id int64, name string, file io.Reader) error
	// RereadPage reads a page that was read by OCR again, with more effort,
	// and gives the document the passages of that reading (re-indexed when
	// published); a page not read by OCR is a FieldError on "page".
	RereadPage(ctx context.Context, u corpus.User, id int64, page int) error
	// SetPlanLink records a curator's decision that plan from does or
	// does not follow up plan to (corpus.LinkConfirmed, LinkRemoved).
	SetPlanLink(ctx context.Context, u corpus.User, from, to int64, state corpus.LinkState) error
	// AuditLog lists audit entries, newest first; admins only.
	AuditLog(ctx context.Context, u corpus.User, f corpus.AuditFilter) ([]corpus.AuditEntry, error)
}

// Accounts authenticates curators and keeps their sessions;
// *corpus.Accounts implements it.
//
// Authenticate returns corpus.ErrBadCredentials for a wrong password, an
// unknown e-mail or a disabled account alike, taking the same time for each.
// CreateSession returns a Session whose Token (256 random bits, URL-safe)
// goes into the cookie; only its SHA-256 is stored. Session returns
// corpus.ErrNoSession for an unknown or expired token or a disabled user.
// DeleteSession (logout) succeeds for an unknown token.
type Accounts interface {
	Authenticate(ctx context.Context, email, password string) (corpus.User, error)
	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (corpus.Session, error)
	Session(ctx context.Context, token string) (corpus.Session, corpus.User, error)
	DeleteSession(ctx context.Context, token string) error
}
