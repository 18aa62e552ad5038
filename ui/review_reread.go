package ui

import (
	"context"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// rereadPage has a page of a scan read again by OCR, field page:
// POST /beheer/documenten/:id/ocr and /api/v1/beheer/documents/:id/ocr.
func (h *handler) rereadPage(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	f := &actionErrors{Form: "ocr"}
	page, err := strconv.Atoi(in.Get(corpus.FieldPage))
	if err != nil || page < 1 {
		h.actionFailed(c, f, &corpus.FieldError{Field: corpus.FieldPage, Err: corpus.ErrInvalid,
			Msg: "Kies een pagina om opnieuw te lezen."})
		return
	}
	h.act(c, f, "herlezen", func(ctx context.Context, u corpus.User, id int64) error {
		return h.curation.RereadPage(ctx, u, id, page)
	})
}
