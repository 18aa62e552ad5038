package ingest

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
)

// CuratorOptions configures the submission and curation service.
type CuratorOptions struct {
	// MaxUploadSize is the largest file accepted, in bytes, checked while
	// the upload or the fetched page is read. Default 50 MB.
	MaxUploadSize int64
	// FetchTimeout bounds fetching the page of a URL submission. Default 20 s.
	FetchTimeout time.Duration
	// AllowPrivateFetch lets URL submissions reach loopback and private
	// addresses. Off by default, so the server cannot be made to read its
	// own network; tests that fake a site on 127.0.0.1 turn it on.
	AllowPrivateFetch bool
	// DraftRetention is how long a draft of the kwaliteitstoets (its file
	// and its report) is kept unless it is submitted. Default 30 days.
	DraftRetention time.Duration
	// DraftReads is how many drafts of the kwaliteitstoets are read at
	// once, in the background after their upload. Default: one per two
	// CPUs, at least one.
	DraftReads int
	// DraftQueue is how many uploaded drafts may wait for their reading;
	// a further upload is refused with corpus.ErrBusy. Default 20.
	DraftQueue int
	// Pause, when not nil, is called between the steps of a change with the
	// step's name ("approve:stored", ...), and after each page the reading
	// of a draft reports ("toets:pagina"). Only tests set it.
	Pause func(step string)
}

// Validate reports settings that cannot work.
func (o CuratorOptions) Validate() error {
	if o.MaxUploadSize < 0 || o.FetchTimeout < 0 || o.DraftRetention < 0 || o.DraftReads < 0 || o.DraftQueue < 0 {
		return fmt.Errorf("curator options: negative MaxUploadSize, FetchTimeout, DraftRetention, DraftReads or DraftQueue")
	}
	return nil
}

func (o CuratorOptions) withDefaults() CuratorOptions {
	if o.MaxUploadSize == 0 {
		o.MaxUploadSize = 50 << 20
	}
	if o.FetchTimeout == 0 {
		o.FetchTimeout = 20 * time.Second
	}
	if o.DraftRetention == 0 {
		o.DraftRetention = 30 * 24 * time.Hour
	}
	if o.DraftReads == 0 {
		o.DraftReads = max(1, runtime.NumCPU()/2)
	}
	if o.DraftQueue == 0 {
		o.DraftQueue = 20
	}
	return o
}

// Curator takes submitted plans in as pending documents and carries out
// what curators decide: approve (publish and index), reject, edit,
// withdraw, replace the file. The store changes first, in one transaction
// with its audit entry; then the index follows, and when it cannot the
// store change is undone. It is safe for concurrent use: actions on one
// document run one after another from the store change to the index
// update, so an approval and a withdrawal sent at once leave the index
// showing what the store says; actions on different documents run side by
// side.
type Curator struct {
	p      *Pipeline
	store  *corpus.Store
	opts   CuratorOptions
	client *http.Client
	docs   corpus.DocLocks
	reads  *draftReads // the kwaliteitstoets' drafts being read
}

// NewCurator returns a curator that extracts and stores through p and
// indexes through p's Indexer (nil: store only).
func NewCurator(p *Pipeline, o CuratorOptions) (*Curator, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	return &Curator{p: p, store: p.store, opts: o, client: fetchClient(o),
		reads: newDraftReads(o.DraftReads, o.DraftQueue)}, nil
}

func (c *Curator) pause(step string) {
	if c.opts.Pause != nil {
		c.opts.Pause(step)
	}
}

// Queue lists documents for the curator pages.
func (c *Curator) Queue(ctx context.Context, f corpus.QueueFilter) ([]corpus.QueueItem, error) {
	return c.store.Queue(ctx, f)
}

// QueueCount is how many documents the curator list f selects, all pages
// together.
func (c *Curator) QueueCount(ctx context.Context, f corpus.QueueFilter) (int, error) {
	return c.store.QueueCount(ctx, f)
}

// Review loads what the review page shows; opening a received submission
// marks it "in behandeling".
func (c *Curator) Review(ctx context.Context, u corpus.User, id int64) (corpus.Review, error) {
	if !u.CanCurate() {
		return corpus.Review{}, corpus.ErrForbidden
	}
	if err := c.store.MarkInReview(ctx, u, id); err != nil {
		return corpus.Review{}, err
	}
	var r corpus.Review
	var err error
	if r.Document, err = c.store.Document(ctx, id); err != nil {
		return r, err
	}
	if r.Submission, err = c.store.SubmissionOf(ctx, id); err != nil {
		return r, err
	}
	if r.Harvest, err = c.store.HarvestOf(ctx, id); err != nil {
		return r, err
	}
	if r.Passages, err = c.store.Passages(ctx, id); err != nil {
		return r, err
	}
	if r.Versions, err = c.store.Versions(ctx, id); err != nil {
		return r, err
	}
	if r.Audit, err = c.store.AuditLog(ctx, corpus.AuditFilter{DocumentID: id}); err != nil {
		return r, err
	}
	r.Checklist = corpus.CheckPlan(r.Passages)
	r.FilePath = c.store.FilePath(r.Document)
	r.Detected = r.Document.Metadata()
	if r.Submission != nil {
		r.Detected = r.Submission.Detected
	}
	return r, nil
}

// Approve publishes a document and indexes it.
func (c *Curator) Approve(ctx context.Context, u corpus.User, id int64) error {
	return c.change(ctx, u, corpus.ActionApprove, id, func() (corpus.Change, error) {
		return c.store.SetStatus(ctx, u, id, corpus.Transition{Action: corpus.ActionApprove,
			From: []corpus.Status{corpus.StatusPending, corpus.StatusRejected, corpus.StatusWithdrawn},
			To:   corpus.StatusPublished})
	})
}

// Reject refuses a pending document with a reason for its municipality.
func (c *Curator) Reject(ctx context.Context, u corpus.User, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if err := checkReason(reason, true); err != nil {
		return err
	}
	return c.change(ctx, u, corpus.ActionReject, id, func() (corpus.Change, error) {
		return c.store.SetStatus(ctx, u, id, corpus.Transition{Action: corpus.ActionReject,
			From: []corpus.Status{corpus.StatusPending}, To: corpus.StatusRejected, Reason: reason})
	})
}

// Withdraw takes a published document out of search.
func (c *Curator) Withdraw(ctx context.Context, u corpus.User, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if err := checkReason(reason, false); err != nil {
		return err
	}
	return c.change(ctx, u, corpus.ActionWithdraw, id, func() (corpus.Change, error) {
		return c.store.SetStatus(ctx, u, id, corpus.Transition{Action: corpus.ActionWithdraw,
			From: []corpus.Status{corpus.StatusPublished}, To: corpus.StatusWithdrawn, Reason: reason})
	})
}

func checkReason(reason string, required bool) error {
	switch {
	case required && reason == "":
		return fieldErr(corpus.FieldReason, "Geef een reden op; de gemeente ziet die.")
	case corpus.LengthProblem("", reason, corpus.MaxReasonRunes) != "":
		return fieldErr(corpus.FieldReason, corpus.LengthProblem("De reden", reason, corpus.MaxReasonRunes))
	}
	return nil
}

// EditMeta replaces a document's metadata and re-indexes it when it is
// published.
func (c *Curator) EditMeta(ctx context.Context, u corpus.User, id int64, m corpus.Metadata) error {
	m, err := c.checkMetadata(m)
	if err != nil {
		return err
	}
	return c.change(ctx, u, corpus.ActionEdit, id, func() (corpus.Change, error) {
		return c.store.SetMetadata(ctx, u, id, m)
	})
}

// AuditLog lists audit entries for an admin.
func (c *Curator) AuditLog(ctx context.Context, u corpus.User, f corpus.AuditFilter) ([]corpus.AuditEntry, error) {
	if !u.IsAdmin() {
		return nil, corpus.ErrForbidden
	}
	return c.store.AuditLog(ctx, f)
}

// change runs one store change of document id for u, then brings the
// index in line with the document; when the index fails the change is
// undone. It holds the document from the change to the index update.
func (c *Curator) change(ctx context.Context, u corpus.User, action string, id int64, fn func() (corpus.Change, error)) error {
	if !u.CanCurate() {
		return fmt.Errorf("%s: %w", action, corpus.ErrForbidden)
	}
	unlock, err := c.docs.Lock(ctx, id)
	if err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	defer unlock()
	ch, err := fn()
	if err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	c.pause(action + ":stored")
	if err := c.sync(ctx, ch.After); err != nil {
		uctx := context.WithoutCancel(ctx)
		uerr := c.store.Undo(uctx, ch)
		if uerr == nil {
			uerr = c.sync(uctx, ch.Before)
		}
		if uerr != nil {
			return fmt.Errorf("%s document %d: index: %w (and undo: %v)", action, ch.After.ID, err, uerr)
		}
		return fmt.Errorf("%s document %d: index: %w", action, ch.After.ID, err)
	}
	return nil
}

// sync makes the index hold d when it is published, and not otherwise.
func (c *Curator) sync(ctx context.Context, d corpus.Document) error {
	if c.p.ix == nil {
		return nil
	}
	if d.Status != corpus.StatusPublished {
		return c.p.ix.Remove(ctx, d.ID)
	}
	ps, err := c.store.Passages(ctx, d.ID)
	if err != nil {
		return err
	}
	return c.p.ix.Add(ctx, d, ps)
}

// fieldErr is an ErrInvalid problem with one field.
func fieldErr(field, msg string) *corpus.FieldError {
	return &corpus.FieldError{Field: field, Msg: msg, Err: corpus.ErrInvalid}
}

// SetPlanLink records a curator's decision on whether plan from follows
// up plan to; the overview pages read it on their next request.
func (c *Curator) SetPlanLink(ctx context.Context, u corpus.User, from, to int64, state corpus.LinkState) error {
	return c.store.SetPlanLink(ctx, u, from, to, state)
}
