package ingest

import (
	"context"
	"errors"
	"io"

	"github.com/ccv/ivp/corpus"
)

// SubmitDuplicate takes in a plan that Submit refused with
// corpus.ErrDuplicate because the store holds its file already. It reads
// and extracts the plan as Submit does, so the answer takes as long, and
// records it with corpus.Store.AddDuplicateSubmission: the submitter gets
// an ordinary receipt (token, reference, status "received") and the
// curator sees the submission beside the stored document. So the form
// does not tell whoever holds a file's bytes that it was submitted before.
// When the store no longer holds the file, the plan is taken in as new.
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
		return c.addSubmission(ctx, in, gms, data, source, field, nil)
	}
	if err != nil {
		return corpus.Submission{}, err
	}
	ex, err := c.extract(ctx, source, data, field)
	if err != nil {
		return corpus.Submission{}, err
	}
	return c.store.AddDuplicateSubmission(ctx, id, submissionOf(in, gms, ex, source))
}
