package ui

import (
	"errors"
	"io"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// createSubmission takes a plan in: POST /indienen. The form is read as a
// stream (CSRF token first, then the fields and the file); a form with
// errors comes back with the errors next to the fields and status 400,
// 413, 415 or 422. A stored plan redirects to its status page.
func (h *handler) createSubmission(c *gin.Context) {
	if !h.allow(c, h.submitLimit, c.ClientIP()) {
		return
	}
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
	in, errs := h.submissionInput(v, up.file != nil)
	if errs != nil {
		h.html(c, http.StatusUnprocessableEntity, "submission", h.submissionPage(c, v, errs))
		return
	}
	var file io.Reader
	if up.file != nil {
		file = up.file
	}
	s, err := h.subs.Submit(c.Request.Context(), in, file)
	if err != nil {
		h.submissionFailed(c, v, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/indienen/status/"+url.PathEscape(s.Token)+"?nieuw=1")
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

// allow counts one request for key against l and answers 429 when it
// goes over the limit.
func (h *handler) allow(c *gin.Context, l *limiter, key string) bool {
	ok, wait := l.allow(key)
	if !ok {
		c.Header("Retry-After", retryAfter(wait))
		h.fail(c, &httpError{status: http.StatusTooManyRequests, title: "Te veel verzoeken",
			msg: "U heeft dit in korte tijd te vaak geprobeerd. Wacht " + wachttijd(wait) + " en probeer het dan opnieuw."})
	}
	return ok
}
