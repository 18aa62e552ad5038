package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes registers every route of the front end, grouped by page.
func (h *handler) routes(e *gin.Engine) {
	// Search: the start page and its JSON twin.
	e.GET("/", h.showSearch)
	e.GET("/api/v1/search", h.apiSearch)

	// One plan: metadata and passages, its JSON twin and the original file.
	e.GET("/documenten/:id", h.showDocument)
	e.GET("/api/v1/documents/:id", h.apiDocument)
	e.GET("/bestanden/:id", h.showFile)
	e.HEAD("/bestanden/:id", h.showFile)

	// Operations: recent job runs and the probes.
	e.GET("/api/v1/jobs", h.apiJobs)
	e.GET("/healthz", h.healthz)
	e.HEAD("/healthz", h.healthz)
	e.GET("/readyz", h.readyz)
	e.HEAD("/readyz", h.readyz)

	// Embedded stylesheet and icon.
	e.GET("/static/*file", gin.WrapH(h.views.static))
	e.HEAD("/static/*file", gin.WrapH(h.views.static))

	// Everything else: a Dutch 404 page, or JSON under /api/.
	e.NoRoute(h.notFound)
}

// notFound answers unknown addresses.
func (h *handler) notFound(c *gin.Context) {
	h.fail(c, &httpError{status: http.StatusNotFound, title: "Pagina niet gevonden",
		msg: "Het adres " + c.Request.URL.Path + " bestaat niet. Misschien is de link verouderd of bevat het adres een tikfout."})
}
