package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/search"
)

// apiSearch is the JSON twin of the search page: GET /api/v1/search with
// the same parameters, answering a search.Result.
func (h *handler) apiSearch(c *gin.Context) {
	r, err := h.searchRequest(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	res, err := h.runSearch(c, r)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, nonNilResult(res))
}

// nonNilResult makes empty lists encode as [] rather than null; res is
// not changed.
func nonNilResult(res *search.Result) *search.Result {
	out := *res
	out.Documents = make([]search.Document, len(res.Documents))
	for i, d := range res.Documents {
		d.Passages = orEmpty(d.Passages)
		d.Gemeenten = orEmpty(d.Gemeenten)
		out.Documents[i] = d
	}
	out.Facets = make([]search.Facet, len(res.Facets))
	for i, f := range res.Facets {
		f.Values = orEmpty(f.Values)
		out.Facets[i] = f
	}
	return &out
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
