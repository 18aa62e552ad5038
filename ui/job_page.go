package ui

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// jobsPage is the view of /beheer/taken.
type jobsPage struct {
	Layout   layoutData
	Started  string // the job just started, from the query
	Rows     []jobRow
	CanStart bool // the server starts jobs: show the buttons
	Running  bool
}

// jobRow is one run of a job.
type jobRow struct {
	ID           int64
	Name         string
	Started      string
	Duration     string
	Outcome      string
	OutcomeLabel string
	Running      bool
	Documents    int
	Progress     string   // "120 van 400 documenten"
	Percent      int      // 0-100; 0 when the total is not known
	Rate         string   // "35 documenten per seconde"
	Left         string   // "nog ongeveer 12 s"
	Errors       []string // one line per problem
}

// outcomeLabels are the Dutch words of job outcomes.
var outcomeLabels = map[string]string{corpus.OutcomeRunning: "bezig", corpus.OutcomeOK: "klaar",
	corpus.OutcomeFailed: "mislukt", corpus.OutcomeInterrupted: "onderbroken"}

// showJobs lists the recent runs with the progress of running ones:
// GET /beheer/taken. While a run is going the page reloads itself.
func (h *handler) showJobs(c *gin.Context) {
	jobs, err := h.docs.Jobs(c.Request.Context(), jobsLimit)
	if err != nil {
		h.fail(c, err)
		return
	}
	p := jobsPage{Layout: h.beheerLayout(c, "Taken", "jobs"), Started: c.Query("gestart"),
		CanStart: h.opts.Jobs != nil}
	now := time.Now()
	for _, j := range jobs {
		r := jobRowOf(j, now)
		p.Running = p.Running || r.Running
		p.Rows = append(p.Rows, r)
	}
	if p.Running || p.Started != "" {
		p.Layout.Refresh = 2
	}
	h.html(c, http.StatusOK, "jobs", p)
}

func jobRowOf(j corpus.JobRun, now time.Time) jobRow {
	r := jobRow{ID: j.ID, Name: j.Name, Started: datumTijd(j.Started), Outcome: j.Outcome,
		OutcomeLabel: orDefault(outcomeLabels[j.Outcome], j.Outcome), Running: j.Outcome == corpus.OutcomeRunning,
		Documents: j.Documents}
	for _, line := range strings.Split(strings.TrimSpace(j.Error), "\n") {
		if line != "" {
			r.Errors = append(r.Errors, line)
		}
	}
	if !r.Running {
		r.Duration = duur(j.Duration)
		return r
	}
	elapsed := now.Sub(j.Started)
	r.Duration = duur(elapsed)
	r.Progress, r.Percent, r.Rate, r.Left = progressOf(j.Done, j.Total, elapsed)
	return r
}

// progressOf describes how far a run is: done of total, the rate so far
// and the time left at that rate.
func progressOf(done, total int, elapsed time.Duration) (progress string, percent int, rate, left string) {
	if total <= 0 {
		return "gestart; het aantal documenten is nog niet bekend", 0, "", ""
	}
	progress = fmt.Sprintf("%d van %d documenten", done, total)
	percent = min(100, done*100/total)
	if done == 0 || elapsed <= 0 {
		return progress, percent, "", ""
	}
	perSec := float64(done) / elapsed.Seconds()
	rate = fmt.Sprintf("%s documenten per seconde", formatRate(perSec))
	remaining := time.Duration(float64(total-done) / perSec * float64(time.Second))
	return progress, percent, rate, "nog ongeveer " + duur(remaining)
}

func formatRate(r float64) string {
	if r >= 10 {
		return fmt.Sprintf("%.0f", math.Round(r))
	}
	return strings.Replace(fmt.Sprintf("%.1f", r), ".", ",", 1)
}

// duur writes a duration the Dutch way: "850 ms", "12 s", "3 min 5 s".
func duur(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d u %d min", int(d.Hours()), int(d.Minutes())%60)
}
