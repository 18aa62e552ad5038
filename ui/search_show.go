package ui

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/search"
)

// showSearch renders the search page: GET /?q=…&provincie=…&page=….
// Without a query it lists the newest plans.
func (h *handler) showSearch(c *gin.Context) {
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
	h.html(c, http.StatusOK, "search", h.newSearchPage(r, res))
}

// runSearch runs r; a "meer zoals dit" source that is gone is a 404 with
// its Dutch message, other errors pass through.
func (h *handler) runSearch(c *gin.Context, r search.Request) (*search.Result, error) {
	start := time.Now()
	res, err := h.search.Search(c.Request.Context(), r)
	h.opts.Metrics.observeSearch(time.Since(start))
	if errors.Is(err, search.ErrLikeSource) {
		return nil, &httpError{status: http.StatusNotFound, title: "Niet gevonden", msg: capitalize(search.ErrLikeSource.Error()) + "."}
	}
	return res, err
}
