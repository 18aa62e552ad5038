package ui

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// gzipMin is the smallest page worth compressing.
const gzipMin = 8 << 10

// overviewHTML renders an overview page, gzipped when the client accepts
// it: the map, the table of 342 gemeenten and the matrix are large but
// repetitive (the matrix of 20,000 plans: about 1 MB, a tenth of that
// compressed).
func (h *handler) overviewHTML(c *gin.Context, name string, page any) {
	body, err := h.views.render(name, page)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Vary", "Accept-Encoding")
	if len(body) >= gzipMin && acceptsGzip(c.Request.Header.Get("Accept-Encoding")) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // a valid level: no error
		if _, err := zw.Write(body); err == nil && zw.Close() == nil {
			c.Header("Content-Encoding", "gzip")
			body = buf.Bytes()
		}
	}
	writeHTML(c, http.StatusOK, body)
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) without q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000" {
			return true
		}
	}
	return false
}
