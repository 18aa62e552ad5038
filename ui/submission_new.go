package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// newSubmission shows the empty submission form: GET /indienen.
func (h *handler) newSubmission(c *gin.Context) {
	h.html(c, http.StatusOK, "submission", h.submissionPage(c, submissionValues{}, nil))
}

// needSubmissions answers 404 when submissions are off.
func (h *handler) needSubmissions(c *gin.Context) {
	if h.subs == nil {
		h.fail(c, &httpError{status: http.StatusNotFound, title: "Indienen niet mogelijk",
			msg: "Op deze website kunnen (nog) geen plannen worden ingediend. Neem contact op met het CCV."})
	}
}
