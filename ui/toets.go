package ui

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// Toets runs the kwaliteitstoets (/kwaliteitstoets); *ingest.Curator
// implements it.
//
// CreateDraft takes an uploaded plan in (of gemeenten, CBS codes, when
// the uploader chose them; else those extraction finds): it checks the
// file's type and size at once, refusing with the errors of
// Submissions.Submit (corpus.FieldError values, or corpus.ErrBusy when
// too many plans wait) and then keeps nothing; else it keeps the plan as
// a draft with a public token in state corpus.DraftReading, and extracts
// and tags it in the background.
// Draft returns a live draft (corpus.ErrNotFound, corpus.ErrDraftExpired)
// with its progress while it is read; for a draft whose reading refused
// the plan (the draft is then deleted) it returns the refusal for a while.
// SubmitDraft submits a draft's plan with the submission form in, without
// a new upload.
type Toets interface {
	CreateDraft(ctx context.Context, name string, gemeenten []string, file io.Reader) (corpus.Draft, error)
	Draft(ctx context.Context, token string) (corpus.Draft, error)
	SubmitDraft(ctx context.Context, in corpus.SubmissionInput, token string) (corpus.Submission, error)
}

// toetsFormPage is the view of the upload form of the kwaliteitstoets.
type toetsFormPage struct {
	Layout    layoutData
	CSRF      string
	Error     string
	Gemeente  string            // as typed, shown again after an error
	Gemeenten []corpus.Gemeente // the datalist for autocompletion
	Days      int               // how long a report is kept
	MaxSize   string            // "50 MB"
}

// needToets answers 404 when the kwaliteitstoets is off.
func (h *handler) needToets(c *gin.Context) {
	if h.toets == nil {
		h.fail(c, &httpError{status: http.StatusNotFound, title: "Kwaliteitstoets niet beschikbaar",
			msg: "Op deze website is de kwaliteitstoets (nog) niet beschikbaar. Neem contact op met het CCV."})
	}
}

// newToets shows the upload form: GET /kwaliteitstoets.
func (h *handler) newToets(c *gin.Context) {
	h.html(c, http.StatusOK, "toets", h.toetsForm(c, ""))
}

func (h *handler) toetsForm(c *gin.Context, msg string) toetsFormPage {
	return toetsFormPage{Layout: h.layout("Kwaliteitstoets", true), CSRF: h.formToken(c, purposeToets),
		Error: msg, Gemeenten: h.gemeenten.All(), Days: int(h.opts.ToetsRetention.Hours() / 24), MaxSize: sizeLimit(h.opts.MaxUploadBytes)}
}

// createToets takes a plan in for the kwaliteitstoets: POST
// /kwaliteitstoets. An upload refused by the quick checks comes back on
// the form with the Dutch reason and the status of the submission form;
// a stored draft redirects to its report's link, which shows the
// progress of its reading until the report is there. Only stored drafts
// count against the limit.
func (h *handler) createToets(c *gin.Context) {
	up, err := h.readUpload(c, func(token string) error {
		return h.checkFormToken(c, purposeToets, token)
	})
	defer up.close()
	if errors.Is(err, errCSRF) {
		h.fail(c, err)
		return
	}
	if err != nil {
		h.toetsFailed(c, err)
		return
	}
	if up.file == nil {
		h.html(c, http.StatusUnprocessableEntity, "toets", h.toetsForm(c, "Kies het plan als PDF-bestand of als opgeslagen webpagina (.html)."))
		return
	}
	addr := clientKey(c.ClientIP())
	if ok, wait := h.toetsLimit.check(addr); !ok {
		c.Header("Retry-After", retryAfter(wait))
		h.html(c, http.StatusTooManyRequests, "toets", h.toetsForm(c,
			"Vanaf uw adres zijn kort na elkaar al veel plannen getoetst. Wacht "+wachttijd(wait)+" en probeer het dan opnieuw."))
		return
	}
	codes, msg := h.toetsGemeente(up.values.Get("gemeente"))
	if msg != "" {
		p := h.toetsForm(c, msg)
		p.Gemeente = up.values.Get("gemeente")
		h.html(c, http.StatusUnprocessableEntity, "toets", p)
		return
	}
	d, err := h.toets.CreateDraft(c.Request.Context(), up.name, codes, up.file)
	if errors.Is(err, corpus.ErrBusy) {
		h.fail(c, errBusy)
		return
	}
	if err != nil {
		h.toetsFailed(c, err)
		return
	}
	h.toetsLimit.count(addr)
	h.log.Info("kwaliteitstoets draft stored", "draft", d.ID)
	c.Redirect(http.StatusSeeOther, "/kwaliteitstoets/"+url.PathEscape(d.Token))
}

// toetsGemeente reads the optional gemeente of the form: its CBS code, or
// a Dutch message when the name is not a gemeente.
func (h *handler) toetsGemeente(name string) ([]string, string) {
	if strings.TrimSpace(name) == "" {
		return nil, ""
	}
	msg := ""
	gs := h.checkGemeenten([]string{name}, func(_, m string) { msg = m })
	return gemeenteCodes(gs), msg
}

// toetsFailed shows the form again with why the upload was refused, or
// fails with a 500 when the error is not about the upload.
func (h *handler) toetsFailed(c *gin.Context, err error) {
	status, errs, ok := h.formFailure(err)
	if !ok {
		h.fail(c, err)
		return
	}
	h.log.Debug("kwaliteitstoets upload refused", "status", status)
	h.html(c, status, "toets", h.toetsForm(c, refusalText(errs)))
}

// draftByToken looks up the draft of the :token parameter: a Dutch 404
// for an unknown link and 410 for one that expired.
func (h *handler) draftByToken(c *gin.Context) (corpus.Draft, error) {
	return h.draftByTokenOf(c, c.Param("token"))
}

// draftByTokenOf looks up the draft with token, as draftByToken.
func (h *handler) draftByTokenOf(c *gin.Context, token string) (corpus.Draft, error) {
	d, err := h.toets.Draft(c.Request.Context(), token)
	return d, draftError(err)
}

// toetsField is the form field and query parameter of the submission
// form that carries a draft's token.
const toetsField = "toets"

// draftError turns the store's answer for a draft's token into the Dutch
// 404 or 410 page; other errors pass.
func draftError(err error) error {
	switch {
	case errors.Is(err, corpus.ErrDraftExpired):
		return &httpError{status: http.StatusGone, title: "Deze link is verlopen",
			msg: "Het rapport van deze kwaliteitstoets is na de bewaartermijn verwijderd, samen met het plan. Laat het plan opnieuw toetsen op /kwaliteitstoets."}
	case errors.Is(err, corpus.ErrNotFound):
		return &httpError{status: http.StatusNotFound, title: "Rapport niet gevonden",
			msg: "Er is geen rapport met deze link. Misschien is de link onvolledig gekopieerd, of is het rapport na de bewaartermijn verwijderd. Laat het plan opnieuw toetsen op /kwaliteitstoets."}
	}
	return err
}
