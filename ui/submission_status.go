package ui

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// statusPage is the view of a submission's status page.
type statusPage struct {
	Layout      layoutData
	New         bool // just submitted: show the confirmation
	Reference   string
	Status      string // corpus.SubmissionStatus
	StatusLabel string
	Reason      string
	Steps       []stepView
	Title       string
	TypeLabel   string
	Gemeenten   string
	Periode     string
	Source      string
	Submitted   string
	Updated     string
	PlanURL     string // the public page of the plan, once it is published
}

// stepView is one step on the way to publication.
type stepView struct {
	Label string
	Class string // gedaan, huidig, afgewezen or ""
}

// statusJSON is the JSON twin of the status page.
type statusJSON struct {
	Reference   string                  `json:"reference"`
	Status      corpus.SubmissionStatus `json:"status"`
	StatusLabel string                  `json:"status_label"`
	Reason      string                  `json:"reason,omitempty"`
	Submitted   corpus.Metadata         `json:"submitted"`
	Created     time.Time               `json:"created"`
	Updated     time.Time               `json:"updated"`
	URL         string                  `json:"url,omitempty"` // the published plan's page
}

// showSubmissionStatus shows where a submitted plan stands:
// GET /indienen/status/:token.
func (h *handler) showSubmissionStatus(c *gin.Context) {
	s, err := h.submissionByToken(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	p := h.newStatusPage(s, c.Query("nieuw") == "1")
	p.PlanURL = h.planURL(c, s)
	h.html(c, http.StatusOK, "submission_status", p)
}

// apiSubmissionStatus is the JSON twin: GET /api/v1/submissions/:token.
func (h *handler) apiSubmissionStatus(c *gin.Context) {
	s, err := h.submissionByToken(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, statusJSON{Reference: s.Reference(), Status: s.Status,
		StatusLabel: s.Status.Label(), Reason: s.Reason, Submitted: s.Submitted,
		Created: s.Created, Updated: s.Updated, URL: h.planURL(c, s)})
}

// planURL is the public page of a submitted plan once it is published,
// else "". The document's own status decides, as it does for its page.
func (h *handler) planURL(c *gin.Context, s corpus.Submission) string {
	if s.Status != corpus.SubmissionPublished || s.DocumentID == 0 {
		return ""
	}
	d, err := h.docs.Document(c.Request.Context(), s.DocumentID)
	if err != nil || d.Status != corpus.StatusPublished {
		return ""
	}
	return documentURL(s.DocumentID)
}

// submissionByToken looks up the submission of the :token parameter.
func (h *handler) submissionByToken(c *gin.Context) (corpus.Submission, error) {
	token := c.Param("token")
	notFound := &httpError{status: http.StatusNotFound, title: "Inzending niet gevonden",
		msg: "Bij deze link hoort geen ingediend plan. Controleer of u de volledige link uit de bevestiging gebruikt."}
	if token == "" || len(token) > 128 {
		return corpus.Submission{}, notFound
	}
	s, err := h.subs.SubmissionByToken(c.Request.Context(), token)
	if errors.Is(err, corpus.ErrNotFound) {
		notFound.err = err
		return s, notFound
	}
	return s, err
}

// newStatusPage builds the status page of s.
func (h *handler) newStatusPage(s corpus.Submission, isNew bool) statusPage {
	m := s.Submitted
	p := statusPage{Layout: h.layout("Status van uw inzending", true), New: isNew,
		Reference: s.Reference(), Status: string(s.Status), StatusLabel: s.Status.Label(),
		Reason: s.Reason, Steps: steps(s.Status), Title: m.Title, TypeLabel: m.Type.Label(),
		Periode: periode(m.Periode()),
		Source:  sourceLabel(s.Source), Submitted: datumTijd(s.Created), Updated: datumTijd(s.Updated)}
	p.Gemeenten = joinNames(m.GemeenteNames(), 6, "gemeenten")
	return p
}

// steps lays out the way from received to published for status st.
func steps(st corpus.SubmissionStatus) []stepView {
	out := []stepView{{Label: "Ontvangen"}, {Label: "In behandeling"}, {Label: "Gepubliceerd"}}
	done := map[corpus.SubmissionStatus]int{corpus.SubmissionReceived: 0, corpus.SubmissionInReview: 1,
		corpus.SubmissionPublished: 2, corpus.SubmissionRejected: 2, corpus.SubmissionWithdrawn: 3}[st]
	for i := range out {
		switch {
		case i < done:
			out[i].Class = "gedaan"
		case i == done:
			out[i].Class = "huidig"
		}
	}
	switch st {
	case corpus.SubmissionRejected:
		out[2] = stepView{Label: "Afgewezen", Class: "afgewezen"}
	case corpus.SubmissionWithdrawn:
		out = append(out, stepView{Label: "Ingetrokken", Class: "afgewezen"})
	case corpus.SubmissionPublished:
		out[2].Class = "gedaan"
	}
	return out
}

// datumTijd renders a moment in Dutch local time: "14 maart 2023, 09:30".
func datumTijd(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(amsterdam)
	return datum(t) + ", " + t.Format("15:04")
}

// amsterdam is the time zone dates are shown in; the machine's own zone
// when the zone database is missing.
var amsterdam = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
		return loc
	}
	return time.Local
}()

// sourceLabel shows a web address whole and a file by its base name.
func sourceLabel(src string) string {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return src
	}
	return baseName(src)
}
