package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// newSubmission shows the empty submission form: GET /indienen. With
// ?toets={token} it submits the plan of that draft of the kwaliteitstoets
// instead of a file, its gemeenten filled in.
func (h *handler) newSubmission(c *gin.Context) {
	var v submissionValues
	if token := c.Query(toetsField); token != "" && h.toets != nil {
		d, err := h.draftByTokenOf(c, token)
		if err != nil {
			h.fail(c, err)
			return
		}
		v = submissionValues{Type: string(corpus.TypeIVP), FileName: d.FileName, Toets: token}
		for _, code := range d.Gemeenten {
			if g, ok := h.gemeenten.ByCode(code); ok {
				v.Gemeenten = append(v.Gemeenten, g.Naam)
			}
		}
	}
	c.Header("Cache-Control", "no-store")
	h.html(c, http.StatusOK, "submission", h.submissionPage(c, v, nil))
}

// needSubmissions answers 404 when submissions are off.
func (h *handler) needSubmissions(c *gin.Context) {
	if h.subs == nil {
		h.fail(c, &httpError{status: http.StatusNotFound, title: "Indienen niet mogelijk",
			msg: "Op deze website kunnen (nog) geen plannen worden ingediend. Neem contact op met het CCV."})
	}
}
