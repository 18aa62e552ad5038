package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// jobsLimit is how many recent job runs the API lists.
const jobsLimit = 50

// jobsJSON is the answer of GET /api/v1/jobs.
type jobsJSON struct {
	Jobs []corpus.JobRun `json:"jobs"` // newest first
}

// apiJobs lists the recent runs of background jobs: GET /api/v1/jobs.
func (h *handler) apiJobs(c *gin.Context) {
	jobs, err := h.docs.Jobs(c.Request.Context(), jobsLimit)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, jobsJSON{Jobs: orEmpty(jobs)})
}
