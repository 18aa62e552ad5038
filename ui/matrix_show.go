package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// matrixPage is the speerpunten matrix: gemeenten × themes.
type matrixPage struct {
	Layout     layoutData
	Year       int
	Empty      bool // no published plans at all
	Filter     filterView
	Sort       string
	SortNaam   string // URLs that sort by name and by number of priorities
	SortAantal string
	Columns    []matrixColumn
	Rows       []matrixRow
	Focus      string // name of the gemeente the user came from
	FocusCode  string
	FocusIn    bool // its row is in the matrix
	// ExportQuery is the filter and sort order, for the export links.
	ExportQuery string
	filter      beeldFilter
}

// showMatrix renders GET /speerpunten.
func (h *handler) showMatrix(c *gin.Context) {
	p, err := h.matrixPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.overviewHTML(c, "speerpunten", p)
}

// apiMatrix is the JSON twin: GET /api/v1/speerpunten.
func (h *handler) apiMatrix(c *gin.Context) {
	p, err := h.matrixPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, matrixJSON{Year: p.Year, Filter: p.filter, Sort: p.Sort,
		Themes: orEmpty(p.Columns), Gemeenten: orEmpty(p.Rows)})
}

// matrixJSON is the matrix as JSON: each gemeente's cells follow themes.
type matrixJSON struct {
	Year      int            `json:"year"`
	Filter    beeldFilter    `json:"filter"`
	Sort      string         `json:"sort"`
	Themes    []matrixColumn `json:"themes"`
	Gemeenten []matrixRow    `json:"gemeenten"`
}

func (h *handler) matrixPageFor(c *gin.Context) (matrixPage, error) {
	q := c.Request.URL.Query()
	f, err := h.parseBeeldFilter(q)
	if err != nil {
		return matrixPage{}, err
	}
	by, err := h.matrixSort(q)
	if err != nil {
		return matrixPage{}, err
	}
	focus, err := h.matrixFocus(q)
	if err != nil {
		return matrixPage{}, err
	}
	b, err := h.currentBeeld(c.Request.Context())
	if err != nil {
		return matrixPage{}, err
	}
	p := matrixPage{Layout: h.overviewLayout("Speerpunten per gemeente"), Year: b.year, Empty: b.published == 0,
		Filter: h.filterViewOf("/speerpunten", b, f), Sort: by, Focus: focus.Naam, FocusCode: focus.Code, filter: f}
	p.Columns, p.Rows = h.matrix(b, f)
	sortMatrix(p.Columns, p.Rows, by)
	link := func(sort string) string { return matrixURL(f, sort, focus.Code) }
	p.SortNaam, p.SortAantal = link("naam"), link("aantal")
	eq := f.values()
	if by != "naam" {
		eq.Set(paramMatrixSort, by)
	}
	p.ExportQuery = eq.Encode()
	for i := range p.Columns {
		p.Columns[i].SortURL, p.Columns[i].Sorted = link(p.Columns[i].ID), p.Columns[i].ID == by
	}
	p.Filter.Hidden = matrixHidden(by, focus.Code)
	for i := range p.Rows {
		if p.Rows[i].Code == focus.Code {
			p.Rows[i].Focus, p.FocusIn = true, true
		}
	}
	return p, nil
}

// matrixURL is the matrix with filter f, sorted by sort, with focus.
func matrixURL(f beeldFilter, sort, focus string) string {
	q := f.values()
	if sort != "naam" {
		q.Set(paramMatrixSort, sort)
	}
	if focus != "" {
		q.Set(paramFocus, focus)
	}
	if len(q) == 0 {
		return "/speerpunten"
	}
	return "/speerpunten?" + q.Encode()
}

// matrixHidden keeps the sort order and the highlighted gemeente when the
// filter form is sent.
func matrixHidden(sort, focus string) []hiddenField {
	var out []hiddenField
	if sort != "naam" {
		out = append(out, hiddenField{paramMatrixSort, sort})
	}
	if focus != "" {
		out = append(out, hiddenField{paramFocus, focus})
	}
	return out
}
