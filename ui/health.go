package ui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz answers 200 "ok" while the process is up: GET /healthz.
func (h *handler) healthz(c *gin.Context) {
	c.String(http.StatusOK, "ok\n")
}

// readyz answers 200 when the service can answer searches, else 503 with
// the reason: GET /readyz.
func (h *handler) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), h.opts.ReadyTimeout)
	defer cancel()
	if err := h.ready.Ready(ctx); err != nil {
		h.log.Debug("not ready", "error", err)
		c.String(http.StatusServiceUnavailable, "niet gereed: %v\n", err)
		return
	}
	c.String(http.StatusOK, "ok\n")
}
