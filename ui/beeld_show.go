package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// showBeeld renders the landelijk beeld: GET /landelijk-beeld.
func (h *handler) showBeeld(c *gin.Context) {
	p, err := h.beeldPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.overviewHTML(c, "beeld", p)
}

// apiBeeld is the JSON twin: GET /api/v1/landelijk-beeld.
func (h *handler) apiBeeld(c *gin.Context) {
	p, err := h.beeldPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, beeldJSONOf(p))
}

func (h *handler) beeldPageFor(c *gin.Context) (beeldPage, error) {
	f, err := h.parseBeeldFilter(c.Request.URL.Query())
	if err != nil {
		return beeldPage{}, err
	}
	b, err := h.currentBeeld(c.Request.Context())
	if err != nil {
		return beeldPage{}, err
	}
	p := h.newBeeldPage(b, f)
	p.filter = f
	return p, nil
}

// beeldJSON is the landelijk beeld as JSON: the same numbers as the page.
type beeldJSON struct {
	Year      int           `json:"year"`
	Published int           `json:"published_documents"`
	Statuses  []statusRow   `json:"statuses"`
	Gemeenten []gemeenteRow `json:"gemeenten"`
	Coverage  struct {
		Provincie        []countRow `json:"provincie"`
		Veiligheidsregio []countRow `json:"veiligheidsregio"`
		Inwonersklasse   []countRow `json:"inwonersklasse"`
	} `json:"coverage"`
	Filter      beeldFilter `json:"filter"`
	Selected    int         `json:"gemeenten_with_plan_in_force"`
	Speerpunten []countRow  `json:"speerpunten"`
	Velden      []countRow  `json:"velden"`
	Plans       int         `json:"plans_in_force"`
	Checklist   []countRow  `json:"kwaliteitstoets"`
	Attribution string      `json:"map_attribution"`
}

func beeldJSONOf(p beeldPage) beeldJSON {
	out := beeldJSON{Year: p.Year, Published: p.Published, Statuses: p.Legend, Gemeenten: p.Rows,
		Filter: p.filter, Selected: p.Filter.Selected, Speerpunten: orEmpty(p.Themes), Velden: p.Velden,
		Plans: p.Plans, Checklist: p.Checks, Attribution: p.Attribution}
	out.Coverage.Provincie, out.Coverage.Veiligheidsregio, out.Coverage.Inwonersklasse = p.Provincies, p.Regios, p.Klassen
	return out
}
