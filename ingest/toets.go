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

// CreateDraft takes a plan in for the kwaliteitstoets: it reads the
// upload like a submission (the same checks and Dutch refusals), extracts
// it in the worker, tags it and stores it as a draft that lives for
// DraftRetention. A draft is never a document: it reaches neither the
// index, search nor the curator queue. A refused upload leaves nothing.
// gemeenten (CBS codes), when given, replace those extraction finds: the
// report compares the plan with gemeenten like the first.
func (c *Curator) CreateDraft(ctx context.Context, name string, gemeenten []string, file io.Reader) (corpus.Draft, error) {
	data, err := c.readUpload(file)
	if err != nil {
		return corpus.Draft{}, err
	}
	label := safeName(name)
	ex, err := c.extractUpload(ctx, label, data, file, corpus.FieldFile)
	if err != nil {
		return corpus.Draft{}, err
	}
	d := corpus.Draft{FileName: label, Title: ex.Document.Title, Gemeenten: ex.Document.GemeenteCodes(),
		Passages: ex.Passages}
	if len(gemeenten) > 0 {
		d.Gemeenten = gemeenten
	}
	return c.store.AddDraft(ctx, d, data, c.opts.DraftRetention)
}

// Draft returns the live draft with a public token (corpus.ErrNotFound,
// corpus.ErrDraftExpired).
func (c *Curator) Draft(ctx context.Context, token string) (corpus.Draft, error) {
	return c.store.DraftByToken(ctx, token)
}

// SubmitDraft submits a draft through the submission flow with the form
// in (its file name and URL are ignored: the draft's file is the plan),
// without a new upload. The draft is then kept as the submission's and
// no longer expires. A draft submitted before answers corpus.ErrInvalid.
func (c *Curator) SubmitDraft(ctx context.Context, in corpus.SubmissionInput, token string) (corpus.Submission, error) {
	d, err := c.store.DraftByToken(ctx, token)
	if err != nil {
		return corpus.Submission{}, err
	}
	if d.Submission != "" {
		return corpus.Submission{}, fmt.Errorf("draft %d: submitted before: %w", d.ID, corpus.ErrInvalid)
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
