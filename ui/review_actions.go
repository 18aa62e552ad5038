package ui

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// actionErrors are the errors of the action form that came back.
type actionErrors struct {
	Form   string            // reject, withdraw, edit or file
	Fields map[string]string // form field → Dutch message
	Edit   metadataValues    // what was typed into the edit form
	Reason string            // what was typed as the reason
}

// actionFunc is one curator action on a document.
type actionFunc func(ctx context.Context, u corpus.User, id int64) error

// approveDocument publishes a document:
// POST /beheer/documenten/:id/goedkeuren and /api/v1/beheer/documents/:id/approve.
func (h *handler) approveDocument(c *gin.Context) {
	h.act(c, &actionErrors{Form: "approve"}, "goedgekeurd", h.curation.Approve)
}

// rejectDocument refuses a pending document with a reason:
// POST /beheer/documenten/:id/afwijzen and /api/v1/beheer/documents/:id/reject.
func (h *handler) rejectDocument(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	reason := strings.TrimSpace(in.Get("reason"))
	f := &actionErrors{Form: "reject", Reason: reason}
	if reason == "" {
		h.actionFailed(c, f, &corpus.FieldError{Field: corpus.FieldReason, Err: corpus.ErrInvalid,
			Msg: "Geef een reden; de gemeente ziet die op haar statuspagina."})
		return
	}
	h.act(c, f, "afgewezen", func(ctx context.Context, u corpus.User, id int64) error {
		return h.curation.Reject(ctx, u, id, reason)
	})
}

// withdrawDocument takes a published document out of search:
// POST /beheer/documenten/:id/intrekken and /api/v1/beheer/documents/:id/withdraw.
func (h *handler) withdrawDocument(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	reason := strings.TrimSpace(in.Get("reason"))
	h.act(c, &actionErrors{Form: "withdraw", Reason: reason}, "ingetrokken",
		func(ctx context.Context, u corpus.User, id int64) error {
			return h.curation.Withdraw(ctx, u, id, reason)
		})
}

// act runs do on the document of :id as the logged-in curator. A page
// then goes back to the review page with a notice (done); the API answers
// the document's new status. Invalid input shows the form again (422).
func (h *handler) act(c *gin.Context, f *actionErrors, done string, do actionFunc) {
	id, err := documentID(c)
	if err == nil {
		err = do(c.Request.Context(), h.user(c), id)
	}
	if err != nil {
		h.actionFailed(c, f, err)
		return
	}
	h.log.Info("curator action", "action", f.Form, "document", id, "user", h.user(c).Email)
	if isAPI(c) {
		h.apiActionDone(c, id)
		return
	}
	c.Redirect(http.StatusSeeOther, reviewURL(id)+"?gedaan="+done)
}

// actionFailed shows the review page with the errors of form f, or fails
// through the middleware when err is not about the input.
func (h *handler) actionFailed(c *gin.Context, f *actionErrors, err error) {
	if len(corpus.FieldErrorsOf(err)) == 0 || errors.Is(err, corpus.ErrWrongStatus) {
		h.fail(c, err)
		return
	}
	f.Fields = fieldMap(err)
	h.formBack(c, fieldStatus(err), f, fieldMessages(err))
}

// formBack answers a curator form that came back with f.Fields: the API
// gets them as JSON with msg as the error, a page the review page again.
func (h *handler) formBack(c *gin.Context, status int, f *actionErrors, msg string) {
	if isAPI(c) {
		c.AbortWithStatusJSON(status, apiFieldErrors{Error: msg, Fields: f.Fields})
		return
	}
	h.renderReview(c, status, f)
}

// apiFieldErrors is the JSON answer to invalid input.
type apiFieldErrors struct {
	Error  string            `json:"error"`
	Fields map[string]string `json:"fields"`
}

// actionJSON is the JSON answer to a curator action.
type actionJSON struct {
	ID     int64         `json:"id"`
	Status corpus.Status `json:"status"`
}

func (h *handler) apiActionDone(c *gin.Context, id int64) {
	d, err := h.docs.Document(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, actionJSON{ID: id, Status: d.Status})
}
