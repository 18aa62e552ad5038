package ui

import (
	"mime"
	"net/http"

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
	f, st, err := h.openOriginal(d)
	if err != nil {
		h.fail(c, err)
		return
	}
	defer f.Close()
	name, _ := sourceName(d)
	w := c.Writer.Header()
	w.Set("Content-Type", orDefault(d.MediaType, "application/octet-stream"))
	w.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	w.Set("Cache-Control", "private, no-store")
	if d.MediaType != "application/pdf" {
		w.Set("Content-Security-Policy", "sandbox; frame-ancestors 'none'")
	}
	http.ServeContent(c.Writer, c.Request, name, st.ModTime(), f)
}
