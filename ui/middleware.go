package ui

import (
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"
)

// logRequests logs every request at Debug once it is answered.
func (h *handler) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	h.log.LogAttrs(c.Request.Context(), slog.LevelDebug, "http request",
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("query", c.Request.URL.RawQuery),
		slog.Int("status", c.Writer.Status()),
		slog.Int("bytes", c.Writer.Size()),
		slog.Duration("duration", time.Since(start)),
		slog.String("client", c.ClientIP()))
}

// securityHeaders sets the headers every answer carries: a strict
// Content-Security-Policy (no scripts, no framing; a stored web page gets
// a sandbox instead), no MIME sniffing, and no address sent to other sites.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	c.Next()
}
