package ui

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// Jobs starts background jobs when a curator asks; cmd implements it
// over the index and the harvester of the running server.
type Jobs interface {
	// StartRebuild starts a rebuild of the index and returns at once;
	// ErrJobRunning when one is running.
	StartRebuild() error
	// StartHarvest starts a harvest of every enabled source and returns
	// at once; ErrJobRunning when one is running, ErrHarvestOff when the
	// server has no harvester.
	StartHarvest() error
}

// Sources keeps the harvest sources; *harvest.Sources implements it.
// Save returns problems as *corpus.FieldError values (fields name, url,
// selector, depth).
type Sources interface {
	List(ctx context.Context) ([]corpus.HarvestSource, error)
	Source(ctx context.Context, id int64) (corpus.HarvestSource, error)
	Save(ctx context.Context, src corpus.HarvestSource) (corpus.HarvestSource, error)
	Delete(ctx context.Context, id int64) error
}

// Errors a Jobs implementation returns.
var (
	ErrJobRunning = errors.New("job already running")
	ErrHarvestOff = errors.New("harvesting is not configured")
)

// startRebuild starts a rebuild: POST /beheer/taken/herindexeren and
// /api/v1/beheer/jobs/reindex.
func (h *handler) startRebuild(c *gin.Context) {
	h.startJob(c, "herindexering", func(j Jobs) error { return j.StartRebuild() })
}

// startHarvest starts a harvest: POST /beheer/taken/oogsten and
// /api/v1/beheer/jobs/harvest.
func (h *handler) startHarvest(c *gin.Context) {
	h.startJob(c, "oogst", func(j Jobs) error { return j.StartHarvest() })
}

// startJob starts a job; a page goes back to /beheer/taken, where the
// run shows, the API answers 202.
func (h *handler) startJob(c *gin.Context, what string, start func(Jobs) error) {
	if h.opts.Jobs == nil {
		h.fail(c, &httpError{status: http.StatusNotFound, msg: "Deze server start geen taken."})
		return
	}
	switch err := start(h.opts.Jobs); {
	case errors.Is(err, ErrJobRunning):
		h.fail(c, &httpError{status: http.StatusConflict, title: "Taak loopt al",
			msg: "Er loopt al een " + what + "; wacht tot die klaar is en probeer het dan opnieuw.", err: err})
		return
	case errors.Is(err, ErrHarvestOff):
		h.fail(c, &httpError{status: http.StatusConflict, title: "Oogsten staat uit",
			msg: "Oogsten staat uit op deze server: stel een contactadres in met --harvest-contact (IVP_HARVEST_CONTACT).", err: err})
		return
	case err != nil:
		h.fail(c, err)
		return
	}
	h.log.Info("job started by curator", "job", what, "user", h.user(c).Email)
	if isAPI(c) {
		c.JSON(http.StatusAccepted, gin.H{"started": what})
		return
	}
	c.Redirect(http.StatusSeeOther, "/beheer/taken?gestart="+what)
}
