package ui

import (
	"context"
	"errors"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// replaceFile puts a newer file in place of a document's file, keeping
// the old one: POST /beheer/documenten/:id/bestand and
// /api/v1/beheer/documents/:id/file. The multipart form streams in with
// the CSRF token as its first field; the size and type checks are those
// of the submission form.
func (h *handler) replaceFile(c *gin.Context) {
	f := &actionErrors{Form: "file"}
	up, err := h.readUpload(c, h.checkSessionToken(c))
	defer up.close()
	if errors.Is(err, errCSRF) {
		h.fail(c, err)
		return
	}
	if err == nil && up.file == nil {
		err = &corpus.FieldError{Field: corpus.FieldFile, Msg: "Kies het nieuwe bestand.", Err: corpus.ErrInvalid}
	}
	if err != nil {
		h.uploadFailed(c, f, err)
		return
	}
	h.act(c, f, "vervangen", func(ctx context.Context, u corpus.User, id int64) error {
		return h.curation.ReplaceFile(ctx, u, id, up.name, up.file)
	})
}

// uploadFailed shows the review page with the upload's error next to the
// file field, with the status formFailure gives it.
func (h *handler) uploadFailed(c *gin.Context, f *actionErrors, err error) {
	status, errs, ok := h.formFailure(err)
	if !ok {
		h.fail(c, err)
		return
	}
	f.Fields = errs
	h.formBack(c, status, f, errs[corpus.FieldFile]+errs[""])
}
