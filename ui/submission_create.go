package ui

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// createSubmission takes a plan in: POST /indienen. The form is read as a
// stream (CSRF token first, then the fields and the file); a form with
// errors comes back with the errors next to the fields and status 400,
// 413, 415 or 422, and one over the submission limit with 429, filled in
// as it was sent. A stored plan redirects to its status page. Only stored
// plans count against the limit of the client address.
func (h *handler) createSubmission(c *gin.Context) {
	up, err := h.readUpload(c, func(token string) error {
		return h.checkFormToken(c, purposeSubmit, token)
	})
	defer up.close()
	if errors.Is(err, errCSRF) {
		h.fail(c, err)
		return
	}
	v := submissionValuesOf(up)
	if err != nil {
		h.submissionFailed(c, v, err)
		return
	}
	in, errs := h.submissionInput(v, up.file != nil || v.Toets != "")
	errs = withTooLong(errs, up.tooLong)
	if errs != nil {
		h.html(c, http.StatusUnprocessableEntity, "submission", h.submissionPage(c, v, errs))
		return
	}
	addr := clientKey(c.ClientIP())
	if ok, wait := h.submitLimit.check(addr); !ok {
		c.Header("Retry-After", retryAfter(wait))
		h.html(c, http.StatusTooManyRequests, "submission", h.submissionPage(c, v, map[string]string{
			"": "Vanaf uw adres zijn kort na elkaar al veel plannen ingediend. Wacht " + wachttijd(wait) +
				" en verstuur het formulier dan opnieuw. Wat u invulde staat er nog."}))
		return
	}
	s, err := h.submitFrom(c.Request.Context(), in, up.file, v.Toets)
	if err != nil {
		h.submissionFailed(c, v, err)
		return
	}
	h.submitLimit.count(addr)
	c.Redirect(http.StatusSeeOther, "/indienen/status/"+url.PathEscape(s.Token)+"?nieuw=1")
}

// submit hands the plan to the submission service. A plan whose file the
// store holds already (corpus.ErrDuplicate) is taken in as a duplicate,
// which the curator sees, and answered like any other: whoever holds a
// file's bytes cannot learn from the form that it was submitted before.
func (h *handler) submit(ctx context.Context, in corpus.SubmissionInput, f *os.File) (corpus.Submission, error) {
	var file io.Reader
	if f != nil {
		file = f
	}
	s, err := h.subs.Submit(ctx, in, file)
	if !errors.Is(err, corpus.ErrDuplicate) {
		return s, err
	}
	if f != nil {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return s, err
		}
	}
	return h.subs.SubmitDuplicate(ctx, in, file)
}

// submitFrom submits the uploaded file, or the plan of the draft of the
// kwaliteitstoets with token when one is given (a missing or expired
// draft is the Dutch 404 or 410 page).
func (h *handler) submitFrom(ctx context.Context, in corpus.SubmissionInput, f *os.File, token string) (corpus.Submission, error) {
	if token == "" || h.toets == nil {
		return h.submit(ctx, in, f)
	}
	if f != nil {
		return corpus.Submission{}, &corpus.FieldError{Field: corpus.FieldFile, Err: corpus.ErrInvalid,
			Msg: "Het plan uit de kwaliteitstoets wordt al ingediend; kies geen ander bestand."}
	}
	s, err := h.toets.SubmitDraft(ctx, in, token)
	if len(corpus.FieldErrorsOf(err)) > 0 {
		return s, err
	}
	return s, draftError(err)
}

// submissionFailed shows the form again with what went wrong, or fails
// with a 500 when the error is not about the form.
func (h *handler) submissionFailed(c *gin.Context, v submissionValues, err error) {
	status, errs, ok := h.formFailure(err)
	if !ok {
		h.fail(c, err)
		return
	}
	h.log.Debug("submission refused", "status", status, "error", err)
	h.html(c, status, "submission", h.submissionPage(c, v, errs))
}
