package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showSearch renders the search page: GET /?q=…&provincie=…&page=….
// Without a query it lists the newest plans.
func (h *handler) showSearch(c *gin.Context) {
	r, err := h.searchRequest(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	res, err := h.search.Search(c.Request.Context(), r)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.html(c, http.StatusOK, "search", h.newSearchPage(r, res))
}
