package ui

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// progressRefresh is how often, in seconds, the progress page of a draft
// reloads itself (a meta refresh: no JavaScript needed).
const progressRefresh = 2

// toetsSteps are the steps of reading a draft, in order, as the progress
// page lists them.
var toetsSteps = []corpus.DraftStep{corpus.StepReceived, corpus.StepReading, corpus.StepChecking, corpus.StepReport}

// toetsProgress is the page of a draft whose plan is being read, and its
// JSON twin.
type toetsProgress struct {
	Layout       layoutData  `json:"-"`
	Token        string      `json:"-"`
	Status       string      `json:"status"` // "bezig"
	Step         string      `json:"stap"`
	Page         int         `json:"pagina,omitempty"`  // pages read so far; 0 when not known
	Pages        int         `json:"paginas,omitempty"` // pages in all; 0 when not known
	OCR          bool        `json:"ocr,omitempty"`     // the pages are read by OCR
	Number       int         `json:"-"`                 // of Step, from 1
	Percent      int         `json:"-"`                 // of the pages read
	Steps        []stepState `json:"-"`
	ExpiresLabel string      `json:"-"`
	// Manual is set when the user turned the refresh off (?vernieuwen=uit):
	// a page that reloads itself is a time limit they may switch off
	// (WCAG 2.2.1).
	Manual bool `json:"-"`
}

// noRefresh is the value of the query parameter vernieuwen that turns
// the progress page's refresh off.
const noRefresh = "uit"

// stepState is one step on the progress page.
type stepState struct {
	Name    string
	Done    bool
	Current bool
}

// toetsRefusal is the JSON answer for a draft refused in the background.
type toetsRefusal struct {
	Status string `json:"status"` // "geweigerd"
	Error  string `json:"fout"`
}

// progressPage is the view of d while its plan is being read.
func (h *handler) progressPage(d corpus.Draft) toetsProgress {
	p := toetsProgress{Layout: h.layout("Uw plan wordt gelezen", true), Token: d.Token,
		Status: string(corpus.DraftReading), Step: string(d.Progress.Step), Page: d.Progress.Page,
		Pages: d.Progress.Pages, OCR: d.Progress.OCR, ExpiresLabel: datum(d.Expires.Local())}
	p.Layout.Refresh = progressRefresh
	if p.Step == "" {
		p.Step = string(corpus.StepReceived)
	}
	for i, s := range toetsSteps {
		if string(s) == p.Step {
			p.Number = i + 1
		}
	}
	for i, s := range toetsSteps {
		p.Steps = append(p.Steps, stepState{Name: string(s), Done: i+1 < p.Number, Current: i+1 == p.Number})
	}
	if p.Pages > 0 {
		p.Percent = min(100, p.Page*100/p.Pages)
	}
	return p
}

// showToets shows the report of a draft, or while its plan is being read
// how far that has come: GET /kwaliteitstoets/:token. A plan refused in
// the background is told on the upload form, with the status of the
// refusal.
func (h *handler) showToets(c *gin.Context) {
	d, err := h.draftByToken(c)
	if err != nil {
		h.toetsRefusedLater(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	if d.State == corpus.DraftReading {
		p := h.progressPage(d)
		if c.Query("vernieuwen") == noRefresh {
			p.Layout.Refresh, p.Manual = 0, true
		}
		h.html(c, http.StatusOK, "toets_progress", p)
		return
	}
	r, err := h.toetsReport(c, d)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.html(c, http.StatusOK, "toets_report", r)
}

// apiToets is the JSON twin: GET /api/v1/kwaliteitstoets/:token.
func (h *handler) apiToets(c *gin.Context) {
	d, err := h.draftByToken(c)
	if err != nil {
		status, errs, ok := h.formFailure(err)
		if !ok {
			h.fail(c, err)
			return
		}
		c.Header("Cache-Control", "no-store")
		c.JSON(status, toetsRefusal{Status: "geweigerd", Error: refusalText(errs)})
		return
	}
	c.Header("Cache-Control", "no-store")
	if d.State == corpus.DraftReading {
		c.JSON(http.StatusOK, h.progressPage(d))
		return
	}
	r, err := h.toetsReport(c, d)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

// toetsRefusedLater answers the link of a draft that could not be shown:
// refused in the background (the form again, with why), or the Dutch 404
// or 410 page.
func (h *handler) toetsRefusedLater(c *gin.Context, err error) {
	if _, _, ok := h.formFailure(err); ok {
		c.Header("Cache-Control", "no-store")
	}
	h.toetsFailed(c, err)
}

// refusalText joins the messages of a refused upload.
func refusalText(errs map[string]string) string {
	var msgs []string
	for _, m := range summary(submissionFields, errs) {
		msgs = append(msgs, m.Msg)
	}
	return strings.Join(msgs, " ")
}
