package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes registers every route of the front end, grouped by page. The
// public pages answer HEAD like GET, without the body.
func (h *handler) routes(e *gin.Engine) {
	// Once a request has arrived, its handler has WriteTimeout to answer.
	e.Use(h.answerDeadline)

	// Search: the start page and its JSON twin.
	getHead(e, "/", h.showSearch)
	getHead(e, "/api/v1/search", h.apiSearch)
	getHead(e, feedPath, h.showFeed)
	getHead(e, "/zoeken/export.:format", h.exportSearch)

	// One plan: metadata and passages, its JSON twin and the original file.
	getHead(e, "/documenten/:id", h.showDocument)
	getHead(e, "/api/v1/documents/:id", h.apiDocument)
	getHead(e, "/bestanden/:id", h.longTransfer, h.showFile)

	// Overviews: the landelijk beeld, one gemeente, the speerpunten matrix.
	getHead(e, "/landelijk-beeld", h.showBeeld)
	getHead(e, "/api/v1/landelijk-beeld", h.apiBeeld)
	getHead(e, "/gemeenten/:code", h.showGemeente)
	getHead(e, "/api/v1/gemeenten/:code", h.apiGemeente)
	getHead(e, "/speerpunten", h.showMatrix)
	getHead(e, "/api/v1/speerpunten", h.apiMatrix)
	getHead(e, "/landelijk-beeld/export.:format", h.exportBeeld)
	getHead(e, "/speerpunten/export.:format", h.exportMatrix)

	// Submission by a municipality: the form, its status page and the
	// status as JSON.
	sub := e.Group("", h.needSubmissions)
	getHead(sub, "/indienen", h.newSubmission)
	sub.POST("/indienen", h.createSubmission)
	getHead(sub, "/indienen/status/:token", h.showSubmissionStatus)
	getHead(sub, "/api/v1/submissions/:token", h.apiSubmissionStatus)

	// Kwaliteitstoets: the upload form, the report of a draft and its
	// JSON twin.
	toets := e.Group("", h.needToets)
	getHead(toets, "/kwaliteitstoets", h.newToets)
	toets.POST("/kwaliteitstoets", h.createToets)
	getHead(toets, "/kwaliteitstoets/:token", h.showToets)
	getHead(toets, "/kwaliteitstoets/:token/rapport.pdf", h.showToetsPDF)
	getHead(toets, "/api/v1/kwaliteitstoets/:token", h.apiToets)

	// Format uitvoeringsplan: the questionnaire, the format, its
	// downloads and its JSON twin.
	getHead(e, "/uitvoeringsplan", h.newPlanFormat)
	getHead(e, "/uitvoeringsplan/format", h.showPlanFormat)
	getHead(e, "/uitvoeringsplan/format.docx", h.showPlanFormatDocx)
	getHead(e, "/uitvoeringsplan/format.pdf", h.showPlanFormatPDF)
	getHead(e, "/api/v1/uitvoeringsplan", h.apiPlanFormat)

	// Curator area: login and logout, then everything behind a session.
	e.GET("/beheer/login", h.needCuration, h.showLogin)
	e.POST("/beheer/login", h.needCuration, h.login)
	h.beheerRoutes(e.Group("/beheer", h.needCuration))
	h.beheerAPIRoutes(e.Group("/api/v1/beheer", h.needCuration))

	// The API's description: OpenAPI 3.1 and a readable page.
	getHead(e, "/api/v1/openapi.json", h.apiOpenAPI)
	getHead(e, "/api", h.showAPIDoc)

	// Operations: recent job runs and the probes.
	getHead(e, "/api/v1/jobs", h.apiJobs)
	getHead(e, "/healthz", h.healthz)
	getHead(e, "/readyz", h.readyz)
	if h.opts.Metrics != nil && h.opts.MetricsBehindLogin {
		e.GET("/metrics", h.needCuration, h.requireCurator, gin.WrapH(h.opts.Metrics.Handler()))
	}

	// Embedded stylesheet and icon.
	getHead(e, "/static/*file", gin.WrapH(h.views.static))

	// Everything else: a Dutch 404 page, or JSON under /api/.
	e.NoRoute(h.notFound)
}

// beheerRoutes registers the curator pages; every one needs a session.
func (h *handler) beheerRoutes(g *gin.RouterGroup) {
	g.POST("/documenten/:id/bestand", h.requireCuratorUpload, h.replaceFile)
	g.Use(h.requireCurator)
	g.POST("/uitloggen", h.logout)
	g.GET("", h.showQueue)
	g.GET("/documenten", h.showDocuments)
	g.GET("/documenten/:id", h.showReview)
	g.GET("/documenten/:id/bestand", h.longTransfer, h.showBeheerFile)
	g.POST("/documenten/:id/goedkeuren", h.approveDocument)
	g.POST("/documenten/:id/afwijzen", h.rejectDocument)
	g.POST("/documenten/:id/intrekken", h.withdrawDocument)
	g.POST("/documenten/:id/gegevens", h.editDocument)
	g.POST("/documenten/:id/ocr", h.rereadPage)
	g.POST("/documenten/:id/samenhang", h.linkPlan)
	g.GET("/audit", h.requireAdmin, h.showAudit)

	// Jobs: runs with their progress, and the buttons that start one.
	g.GET("/taken", h.showJobs)
	g.POST("/taken/herindexeren", h.startRebuild)
	g.POST("/taken/oogsten", h.startHarvest)
	// Harvest sources.
	g.GET("/bronnen", h.needSources, h.showSources)
	g.POST("/bronnen", h.needSources, h.saveSource)
	g.POST("/bronnen/:id/verwijderen", h.needSources, h.deleteSource)
}

// beheerAPIRoutes registers the JSON twins of the curator pages; without
// a session they answer 401. State-changing calls send the session's CSRF
// token (GET /api/v1/beheer/documents/:id gives it) in X-CSRF-Token.
func (h *handler) beheerAPIRoutes(g *gin.RouterGroup) {
	g.POST("/documents/:id/file", h.requireCuratorUpload, h.replaceFile)
	g.Use(h.requireCurator)
	g.GET("/queue", h.apiQueue)
	g.GET("/documents", h.apiDocuments)
	g.GET("/documents/:id", h.apiReview)
	g.POST("/documents/:id/approve", h.approveDocument)
	g.POST("/documents/:id/reject", h.rejectDocument)
	g.POST("/documents/:id/withdraw", h.withdrawDocument)
	g.POST("/documents/:id/metadata", h.editDocument)
	g.POST("/documents/:id/ocr", h.rereadPage)
	g.POST("/documents/:id/links", h.linkPlan)
	g.GET("/audit", h.requireAdmin, h.apiAudit)
	g.POST("/jobs/reindex", h.startRebuild)
	g.POST("/jobs/harvest", h.startHarvest)
	g.GET("/sources", h.needSources, h.apiSources)
	g.POST("/sources", h.needSources, h.saveSource)
}

// getHead registers a GET route and its HEAD twin: net/http sends a HEAD
// answer's status and headers and drops its body. Only for pages whose GET
// changes nothing (opening a submission in the curator area does).
func getHead(r gin.IRoutes, path string, handlers ...gin.HandlerFunc) {
	r.GET(path, handlers...)
	r.HEAD(path, handlers...)
}

// notFound answers unknown addresses.
func (h *handler) notFound(c *gin.Context) {
	h.fail(c, &httpError{status: http.StatusNotFound, title: "Pagina niet gevonden",
		msg: "Het adres " + c.Request.URL.Path + " bestaat niet. Misschien is de link verouderd of bevat het adres een tikfout."})
}
