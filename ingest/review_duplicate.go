package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// SubmitDuplicate takes in a plan that Submit refused with
// corpus.ErrDuplicate because the store holds its file already. It reads
// and extracts the plan as Submit does, so the answer takes as long, and
// records it with corpus.Store.AddDuplicateSubmission: the submitter gets
// an ordinary receipt (token, reference, status "received") and the
// curator sees the submission beside the stored document. So the form
// does not tell whoever holds a file's bytes that it was submitted before.
// When the store no longer holds the file, the plan is submitted anew.
func (c *Curator) SubmitDuplicate(ctx context.Context, in corpus.SubmissionInput, file io.Reader) (corpus.Submission, error) {
	gms, err := c.checkInput(in)
	if err != nil {
		return corpus.Submission{}, err
	}
	data, source, field, err := c.readSubmission(ctx, in, file)
	if err != nil {
		return corpus.Submission{}, err
	}
	id, err := c.store.IDBySHA256(ctx, corpus.Digest(data))
	if errors.Is(err, corpus.ErrNotFound) {
		var again io.Reader // a URL is fetched again
		if strings.TrimSpace(in.URL) == "" {
			again = bytes.NewReader(data)
		}
		return c.Submit(ctx, in, again)
	}
	if err != nil {
		return corpus.Submission{}, err
	}
	ex, err := c.extract(ctx, source, data, field)
	if err != nil {
		return corpus.Submission{}, err
	}
	submitted := corpus.Metadata{Title: ex.Document.Title, Type: in.Type, PeriodStart: in.PeriodStart,
		PeriodEnd: max(in.PeriodEnd, in.PeriodStart), Gemeenten: gms}
	sub := corpus.Submission{Submitted: submitted, Detected: ex.Document.Metadata(), Source: source,
		ContactName: strings.TrimSpace(in.ContactName), ContactEmail: strings.TrimSpace(in.ContactEmail),
		Note: strings.TrimSpace(in.Note)}
	return c.store.AddDuplicateSubmission(ctx, id, sub)
}
