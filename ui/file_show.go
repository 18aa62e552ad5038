package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showFile serves the original file of a plan inline, under its source
// file name: GET /bestanden/:id. Browsers open a PDF at #page=N.
func (h *handler) showFile(c *gin.Context) {
	d, err := h.publishedDocument(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	if d.SHA256 != "" {
		c.Writer.Header().Set("ETag", `"`+d.SHA256+`"`)
	}
	h.serveOriginal(c, d, "private, max-age=86400")
}

// serveOriginal sends the stored file of d inline under its source name.
// A PDF opens in the browser's viewer; a stored web page runs in a
// sandbox, never as part of this site.
func (h *handler) serveOriginal(c *gin.Context, d corpus.Document, cacheControl string) {
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
	w.Set("Cache-Control", cacheControl)
	if d.MediaType != "application/pdf" {
		w.Set("Content-Security-Policy", "sandbox; frame-ancestors 'none'")
	}
	http.ServeContent(c.Writer, c.Request, name, st.ModTime(), f)
}

// openOriginal opens the stored file of d; a missing file is a 404.
func (h *handler) openOriginal(d corpus.Document) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(h.docs.FilePath(d))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, &httpError{status: http.StatusNotFound, title: "Bestand niet gevonden", err: err,
			msg: "Het originele bestand van dit document is niet aanwezig. Meld dit aan de beheerder."}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open file of document %d: %w", d.ID, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("stat file of document %d: %w", d.ID, err)
	}
	return f, st, nil
}
