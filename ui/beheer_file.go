package ui

import (
	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showBeheerFile serves the original file of any document, published or
// not, to curators: GET /beheer/documenten/:id/bestand. A PDF opens in
// the browser's viewer; a stored web page runs sandboxed.
func (h *handler) showBeheerFile(c *gin.Context) {
	d, err := h.documentByID(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.serveOriginal(c, d, "private, no-store")
}

// documentByID reads the document named by :id, whatever its status. An
// id that is not a positive number is documentID's *httpError (404).
func (h *handler) documentByID(c *gin.Context) (corpus.Document, error) {
	id, err := documentID(c)
	if err != nil {
		return corpus.Document{}, err
	}
	return h.docs.Document(c.Request.Context(), id)
}
