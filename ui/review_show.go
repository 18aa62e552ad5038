package ui

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showReview is the curator's page of one document, submitted or bulk
// ingested: GET /beheer/documenten/:id.
func (h *handler) showReview(c *gin.Context) {
	h.renderReview(c, http.StatusOK, nil)
}

// renderReview loads the review of :id and renders it with status; f holds
// the errors of an action form that came back.
func (h *handler) renderReview(c *gin.Context, status int, f *actionErrors) {
	r, err := h.review(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := h.newReviewPage(c, r, f)
	if page.Links, err = h.linkRows(c.Request.Context(), r.Document.ID); err != nil {
		h.fail(c, err)
		return
	}
	h.html(c, status, "review", page)
}

// apiReview is the JSON twin of the review page:
// GET /api/v1/beheer/documents/:id.
func (h *handler) apiReview(c *gin.Context) {
	r, err := h.review(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := h.newReviewJSON(c, r)
	if out.Links, err = h.linkRows(c.Request.Context(), r.Document.ID); err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// review loads the review of the document named by :id for the current user.
func (h *handler) review(c *gin.Context) (corpus.Review, error) {
	id, err := documentID(c)
	if err != nil {
		return corpus.Review{}, err
	}
	return h.curation.Review(c.Request.Context(), h.user(c), id)
}

// documentID reads the :id parameter; anything but a positive number is a 404.
func documentID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, &httpError{status: http.StatusNotFound, title: "Document niet gevonden",
			msg: "Er is geen document met dit nummer."}
	}
	return id, nil
}

// reviewJSON is everything the review page shows, as JSON.
type reviewJSON struct {
	Document   documentJSON         `json:"document"`
	Status     corpus.Status        `json:"status"`
	Submission *submissionJSON      `json:"submission"`
	Harvest    *corpus.Harvest      `json:"harvest,omitempty"` // where a harvested document came from
	Detected   corpus.Metadata      `json:"detected"`
	Checklist  []corpus.CheckResult `json:"checklist"`
	OCR        []corpus.OCRPage     `json:"ocr"` // pages OCR tried, with confidence and notes
	Versions   []corpus.Version     `json:"versions"`
	Audit      []auditJSON          `json:"audit,omitempty"` // admins only
	FileURL    string               `json:"file_url"`
	CSRFToken  string               `json:"csrf_token"` // for the action endpoints
	// Links are the plan's links to other plans: proposed (detected),
	// confirmed or removed by a curator; POST .../links decides on one.
	Links []linkRow `json:"links"`
}

func (h *handler) newReviewJSON(c *gin.Context, r corpus.Review) reviewJSON {
	out := reviewJSON{Document: newDocumentJSON(r.Document, r.Passages), Status: r.Document.Status,
		Submission: submissionJSONOf(r.Submission), Harvest: r.Harvest, Detected: r.Detected,
		Checklist: orEmpty(r.Checklist), OCR: orEmpty(r.Document.OCR), Versions: orEmpty(r.Versions),
		FileURL: beheerFileURL(r.Document.ID), CSRFToken: h.sessionCSRF(c)}
	out.Document.FileURL = out.FileURL
	if h.user(c).IsAdmin() {
		out.Audit = make([]auditJSON, 0, len(r.Audit))
		for _, e := range r.Audit {
			out.Audit = append(out.Audit, auditJSONOf(e))
		}
	}
	return out
}

// beheerFileURL is the original file of any document, for curators.
func beheerFileURL(id int64) string { return reviewURL(id) + "/bestand" }
