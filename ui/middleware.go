package ui

import (
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// logRequests logs every request at Debug once it is answered.
func (h *handler) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	h.log.LogAttrs(c.Request.Context(), slog.LevelDebug, "http request",
		slog.String("method", c.Request.Method),
		slog.String("path", loggedPath(c)),
		slog.String("query", loggedQuery(c.Request.URL.RawQuery)),
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

// crossOrigin refuses a state-changing request that the browser marks as
// sent by another site (Sec-Fetch-Site, or else an Origin that is not this
// host): the standard library's cross-origin protection, in front of every
// route beside the CSRF tokens. Safe methods and requests without those
// headers (not from a browser) pass.
func (h *handler) crossOrigin() gin.HandlerFunc {
	p := http.NewCrossOriginProtection()
	return func(c *gin.Context) {
		if err := p.Check(c.Request); err != nil {
			h.fail(c, &httpError{status: http.StatusForbidden, title: "Verzoek van een andere website",
				msg: "Dit verzoek kwam van een andere website en is daarom niet uitgevoerd. " +
					"Open deze website zelf en probeer het daar opnieuw.", err: err})
		}
	}
}

// warnForwarded logs once, at Warn, when a request carries a proxy's
// client address header while no proxy is trusted: behind a proxy, every
// client then has the proxy's address, in logs and in the rate limits.
func (h *handler) warnForwarded() gin.HandlerFunc {
	var once sync.Once
	return func(c *gin.Context) {
		if len(h.proxies) > 0 {
			return
		}
		if c.GetHeader("X-Forwarded-For") == "" && c.GetHeader("X-Real-IP") == "" {
			return
		}
		once.Do(func() {
			h.log.Warn("a request carries X-Forwarded-For or X-Real-IP but no proxy is trusted: "+
				"every client behind a proxy shares its address and its rate limits; "+
				"set the trusted proxies (IVP_TRUSTED_PROXIES) when ivp runs behind one",
				"peer", c.Request.RemoteAddr)
		})
	}
}

// noStore keeps the answers of the curator area out of every cache.
func noStore(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
}

// loggedPath is the path of a request as logged: the route's pattern for
// the pages of a draft of the kwaliteitstoets, whose token is a secret
// that must not reach the logs.
func loggedPath(c *gin.Context) string {
	if strings.Contains(c.FullPath(), "kwaliteitstoets/:token") {
		return c.FullPath()
	}
	return c.Request.URL.Path
}

// loggedQuery is a query as logged, without a draft's token.
func loggedQuery(q string) string {
	if strings.Contains(q, "toets=") {
		return "toets=…"
	}
	return q
}
