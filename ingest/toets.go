package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ccv/ivp/corpus"
)

// CreateDraft takes a plan in for the kwaliteitstoets. What is quick is
// checked at once, with the Dutch refusals of a submission: the file's
// type by its first bytes and its size. The plan is then stored as a
// draft in state corpus.DraftReading that lives for DraftRetention, and
// read in the background (see readDraft): Draft tells how far that has
// come. A draft is never a document: it reaches neither the index, search
// nor the curator queue. A refused upload leaves nothing; when DraftQueue
// drafts wait already, the upload is refused with corpus.ErrBusy.
// gemeenten (CBS codes), when given, replace those extraction finds: the
// report compares the plan with gemeenten like the first.
func (c *Curator) CreateDraft(ctx context.Context, name string, gemeenten []string, file io.Reader) (corpus.Draft, error) {
	data, err := c.readUpload(file)
	if err != nil {
		return corpus.Draft{}, err
	}
	if err := c.reads.admit(false); err != nil {
		return corpus.Draft{}, err
	}
	d, err := c.store.AddDraft(ctx, corpus.Draft{FileName: safeName(name), Gemeenten: gemeenten,
		State: corpus.DraftReading}, data, c.opts.DraftRetention)
	if err != nil {
		c.reads.release()
		return corpus.Draft{}, err
	}
	c.startRead(corpus.UnreadDraft{ID: d.ID, Key: corpus.DraftKey(d.Token), FileName: d.FileName, Gemeenten: gemeenten})
	d.Progress = corpus.DraftProgress{Step: corpus.StepReceived}
	return d, nil
}

// startRead reads u in the background, on a place in the queue taken.
// When its reading fails, the draft is deleted with its file.
func (c *Curator) startRead(u corpus.UnreadDraft) {
	c.reads.start(u.ID, u.Key, func(ctx context.Context, report func(corpus.DraftProgress)) error {
		return c.readDraft(ctx, u, report)
	}, func(ctx context.Context) error {
		return c.store.DeleteDraft(context.WithoutCancel(ctx), u.ID)
	})
}

// readDraft reads a stored draft's plan in the extraction worker, tags
// its passages and stores them, reporting each step. A refusal is a
// corpus.FieldError with the Dutch reason.
func (c *Curator) readDraft(ctx context.Context, u corpus.UnreadDraft, report func(corpus.DraftProgress)) error {
	n, err := c.store.BeginDraftRead(ctx, u.ID)
	if err != nil {
		return err
	}
	if n > maxDraftReads {
		return fieldErr(corpus.FieldFile, "Het lezen van dit plan is twee keer afgebroken doordat de server opnieuw startte. Het plan is verwijderd; laat het opnieuw toetsen.")
	}
	data, err := c.store.DraftFile(ctx, u.ID)
	if err != nil {
		return err
	}
	report(corpus.DraftProgress{Step: corpus.StepReading})
	ex, err := c.readText(WithProgress(ctx, func(p Progress) {
		report(corpus.DraftProgress{Step: corpus.StepReading, Page: p.Done, Pages: p.Total, OCR: !p.Text})
		c.pause("toets:pagina")
	}), u.FileName, data, nil, corpus.FieldFile)
	if err != nil {
		return err
	}
	report(corpus.DraftProgress{Step: corpus.StepChecking})
	if err := c.p.tags.apply(ex); err != nil {
		return fmt.Errorf("read draft %d: %w", u.ID, err)
	}
	report(corpus.DraftProgress{Step: corpus.StepReport})
	d := corpus.Draft{ID: u.ID, Title: ex.Document.Title, Gemeenten: u.Gemeenten, Passages: ex.Passages}
	if len(d.Gemeenten) == 0 {
		d.Gemeenten = ex.Document.GemeenteCodes()
	}
	return c.store.FinishDraft(ctx, d)
}

// Draft returns the live draft with a public token (corpus.ErrNotFound,
// corpus.ErrDraftExpired), with its progress while it is being read. For
// a draft refused in the background within the last hour it returns why:
// a corpus.FieldError with the Dutch reason, or the error that stopped it.
func (c *Curator) Draft(ctx context.Context, token string) (corpus.Draft, error) {
	d, err := c.store.DraftByToken(ctx, token)
	if errors.Is(err, corpus.ErrNotFound) {
		if why := c.reads.refusalOf(corpus.DraftKey(token)); why != nil {
			return corpus.Draft{}, why
		}
	}
	if err != nil {
		return corpus.Draft{}, err
	}
	if d.State == corpus.DraftReading {
		d.Progress = c.reads.progressOf(d.ID)
	}
	return d, nil
}

// ResumeDrafts reads again, in the background, the drafts whose reading a
// stop of the server cut off, and says how many; cmd runs it at start. A
// draft cut off twice before is refused instead, and deleted.
func (c *Curator) ResumeDrafts(ctx context.Context) (int, error) {
	us, err := c.store.UnreadDrafts(ctx)
	if err != nil {
		return 0, err
	}
	for _, u := range us {
		_ = c.reads.admit(true)
		c.startRead(u)
	}
	return len(us), nil
}

// Close stops the reading of drafts and waits for it to end; the drafts
// being read stay unread, for ResumeDrafts at the next start.
func (c *Curator) Close() { c.reads.close() }

// SubmitDraft submits a draft through the submission flow with the form
// in (its file name and URL are ignored: the draft's file is the plan),
// without a new upload. The draft is then kept as the submission's and
// no longer expires. A draft submitted before answers corpus.ErrInvalid,
// one still being read corpus.ErrWrongStatus.
func (c *Curator) SubmitDraft(ctx context.Context, in corpus.SubmissionInput, token string) (corpus.Submission, error) {
	d, err := c.store.DraftByToken(ctx, token)
	if err != nil {
		return corpus.Submission{}, err
	}
	if d.Submission != "" {
		return corpus.Submission{}, fmt.Errorf("draft %d: submitted before: %w", d.ID, corpus.ErrInvalid)
	}
	if d.State == corpus.DraftReading {
		return corpus.Submission{}, fmt.Errorf("draft %d: still being read: %w", d.ID, corpus.ErrWrongStatus)
	}
	data, err := c.store.DraftFile(ctx, d.ID)
	if err != nil {
		return corpus.Submission{}, err
	}
	in.FileName, in.URL = d.FileName, ""
	s, err := c.Submit(ctx, in, bytes.NewReader(data))
	if errors.Is(err, corpus.ErrDuplicate) {
		s, err = c.SubmitDuplicate(ctx, in, bytes.NewReader(data))
	}
	if err != nil {
		return corpus.Submission{}, err
	}
	return s, c.store.MarkDraftSubmitted(ctx, d.ID, s.Token)
}

// SweepDrafts deletes the drafts past their retention that were not
// submitted, and says how many; cmd runs it at start and on its cron.
func (c *Curator) SweepDrafts(ctx context.Context) (int, error) {
	return c.store.SweepDrafts(ctx, time.Now())
}
