package ui

import (
	"github.com/gin-gonic/gin"
)

// showBeheerFile serves the original file of any document, published or
// not, to curators: GET /beheer/documenten/:id/bestand. A PDF opens in
// the browser's viewer; a stored web page runs sandboxed.
func (h *handler) showBeheerFile(c *gin.Context) {
	id, err := documentID(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	d, err := h.docs.Document(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.serveOriginal(c, d, "private, no-store")
}
