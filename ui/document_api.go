package ui

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// documentJSON is the JSON twin of the document page.
type documentJSON struct {
	ID          int64             `json:"id"`
	Title       string            `json:"title"`
	Type        corpus.DocType    `json:"type"`
	TypeLabel   string            `json:"type_label"`
	Periode     string            `json:"periode"`
	PeriodStart int               `json:"period_start,omitempty"`
	PeriodEnd   int               `json:"period_end,omitempty"`
	Vastgesteld string            `json:"vastgesteld,omitempty"`
	Gemeenten   []corpus.Gemeente `json:"gemeenten"`
	Pages       int               `json:"pages"`
	Source      string            `json:"source"`
	MediaType   string            `json:"media_type"`
	SHA256      string            `json:"sha256"`
	Size        int64             `json:"size"`
	Created     time.Time         `json:"created"`
	Updated     time.Time         `json:"updated"`
	URL         string            `json:"url"`       // the document page
	FileURL     string            `json:"file_url"`  // the original file
	OCRPages    []int             `json:"ocr_pages"` // pages whose text was read by OCR
	Passages    []passageJSON     `json:"passages"`
	// Velden is the share of the text per veld; Priorities the themes of
	// the plan's priorities; Checklist the kwaliteitstoets.
	Velden     []veldShare          `json:"velden"`
	Priorities []string             `json:"priorities"`
	Checklist  []corpus.CheckResult `json:"checklist"`
	// Lifecycle is the plan's place among its gemeenten's plans, oldest
	// first: earlier IVPs, its IVP, the plans that follow it up, later
	// IVPs. Empty when none is linked.
	Lifecycle []lifecycleStep `json:"lifecycle"`
}

// passageJSON is one passage of a document in reading order.
type passageJSON struct {
	Ordinal  int         `json:"ordinal"`
	PageFrom int         `json:"page_from"`
	PageTo   int         `json:"page_to"`
	Headings []string    `json:"headings"`
	Text     string      `json:"text"`
	Tags     corpus.Tags `json:"tags"`
	OCR      bool        `json:"ocr"` // the text is (partly) from a page read by OCR
}

// apiDocument answers one plan with its passages:
// GET /api/v1/documents/:id.
func (h *handler) apiDocument(c *gin.Context) {
	d, err := h.publishedDocument(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	ps, err := h.docs.Passages(c.Request.Context(), d.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := newDocumentJSON(d, ps)
	velden, priorities := h.veldOverview(ps)
	out.Velden, out.Priorities = orEmpty(velden), orEmpty(priorities)
	out.Checklist = corpus.CheckPlan(ps)
	out.Lifecycle = h.lifecycle(c.Request.Context(), d.ID)
	c.JSON(http.StatusOK, out)
}

func newDocumentJSON(d corpus.Document, ps []corpus.Passage) documentJSON {
	out := documentJSON{ID: d.ID, Title: d.Title, Type: d.Type, TypeLabel: d.Type.Label(),
		Periode: d.Periode(), PeriodStart: d.PeriodStart, PeriodEnd: d.PeriodEnd,
		Vastgesteld: d.Vastgesteld, Gemeenten: orEmpty(d.Gemeenten), Pages: d.Pages,
		Source: d.Source, MediaType: d.MediaType, SHA256: d.SHA256, Size: d.Size,
		Created: d.Created, Updated: d.Updated, URL: documentURL(d.ID), FileURL: fileURL(d.ID, 0),
		OCRPages: orEmpty(d.OCRPageNumbers()), Passages: make([]passageJSON, 0, len(ps)),
		Lifecycle: []lifecycleStep{}}
	for _, p := range ps {
		out.Passages = append(out.Passages, passageJSON{Ordinal: p.Ordinal, PageFrom: p.PageFrom,
			PageTo: p.PageTo, Headings: orEmpty(p.Headings), Text: p.Text, Tags: p.Tags, OCR: p.OCR})
	}
	return out
}
