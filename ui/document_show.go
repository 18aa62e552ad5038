package ui

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showDocument renders one plan: GET /documenten/:id.
func (h *handler) showDocument(c *gin.Context) {
	d, err := h.publishedDocument(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	ps, err := h.docs.Passages(c.Request.Context(), d.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := h.newDocumentPage(d, ps)
	page.Lifecycle = h.lifecycle(c.Request.Context(), d.ID)
	h.html(c, http.StatusOK, "document", page)
}

// publishedDocument reads the plan named by the :id parameter. Ids that are
// not numbers, unknown ids and plans that are not published are all 404s.
func (h *handler) publishedDocument(c *gin.Context) (corpus.Document, error) {
	d, err := h.documentByID(c)
	var badID *httpError
	switch {
	case errors.As(err, &badID):
		return d, documentNotFound(nil) // the public wording, not documentID's
	case errors.Is(err, corpus.ErrNotFound):
		return d, documentNotFound(err)
	case err != nil:
		return d, err
	case d.Status != corpus.StatusPublished:
		return d, documentNotFound(errors.New("status " + string(d.Status)))
	}
	return d, nil
}

func documentNotFound(err error) *httpError {
	return &httpError{status: http.StatusNotFound, title: "Document niet gevonden", err: err,
		msg: "Dit document bestaat niet of is niet (meer) openbaar. Zoek het plan opnieuw op via de zoekpagina."}
}
