package ui

import (
	"html"
	"html/template"
	"net/url"
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Parameters of the speerpunten matrix.
const (
	paramMatrixSort = "sort"     // naam (default), aantal, or a theme id
	paramFocus      = "gemeente" // the gemeente the user came from, highlighted
)

// The three states of a matrix cell.
const (
	cellPrio    = "speerpunt"
	cellTreated = "behandeld"
	cellAbsent  = "afwezig"
)

// matrixCell is one gemeente × theme: a priority, treated or absent, and
// the passage that shows it.
type matrixCell struct {
	State string `json:"state"`
	URL   string `json:"passage,omitempty"`
}

// matrixRow is one gemeente with a plan in force.
type matrixRow struct {
	Code   string       `json:"code"`
	Naam   string       `json:"naam"`
	URL    string       `json:"-"`
	Prios  int          `json:"priorities"`
	Cells  []matrixCell `json:"cells"` // in the order of the matrix's themes
	Focus  bool         `json:"-"`
	Anchor string       `json:"-"`
	// CellsHTML is Cells rendered, cached per beeld.
	CellsHTML template.HTML `json:"-"`
}

// matrixColumn is one theme of the matrix, with the link that sorts by it.
type matrixColumn struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	SortURL string `json:"-"`
	Sorted  bool   `json:"-"`
}

// matrix builds the columns and rows for the gemeenten with a plan in
// force that pass f. The columns are the same for every filter: the
// themes any gemeente with a plan in force treats, in taxonomy order; so
// each row's cells are rendered once per beeld.
func (h *handler) matrix(b *beeld, f beeldFilter) ([]matrixColumn, []matrixRow) {
	cols := h.matrixColumns(b)
	gs := b.selected(f)
	rows := make([]matrixRow, 0, len(gs))
	for _, gf := range gs {
		r := matrixRow{Code: gf.Code, Naam: gf.Naam, URL: gemeenteURL(gf.Code), Prios: len(gf.prios), Anchor: "rij-" + gf.Code}
		for _, c := range cols {
			r.Cells = append(r.Cells, cellOf(gf, c.ID))
		}
		r.CellsHTML = b.cellsHTML(gf.Code, r.Cells)
		rows = append(rows, r)
	}
	return append([]matrixColumn(nil), cols...), rows
}

// matrixColumns are the themes of the matrix, computed once per beeld.
func (h *handler) matrixColumns(b *beeld) []matrixColumn {
	b.matrixOnce.Do(func() {
		used := map[string]bool{}
		for _, gf := range b.selected(beeldFilter{}) {
			for t := range gf.treated {
				used[t] = true
			}
			for t := range gf.prios {
				used[t] = true
			}
		}
		for _, th := range h.taxonomy.Themes() {
			if used[th.ID] {
				b.matrixCols = append(b.matrixCols, matrixColumn{ID: th.ID, Label: th.Label})
			}
		}
		b.matrixRows = map[string]template.HTML{}
	})
	return b.matrixCols
}

// cellsHTML renders a row's cells once per beeld: a link with a hidden
// word for a priority or a treated theme, an empty cell for an absent one
// (the legend says what empty means).
func (b *beeld) cellsHTML(code string, cells []matrixCell) template.HTML {
	b.matrixMu.Lock()
	defer b.matrixMu.Unlock()
	if h, ok := b.matrixRows[code]; ok {
		return h
	}
	var sb strings.Builder
	for _, c := range cells {
		switch c.State {
		case cellPrio:
			sb.WriteString(`<td><a class="c-s" href="` + html.EscapeString(c.URL) + `"><span class="sr">speerpunt</span></a></td>`)
		case cellTreated:
			sb.WriteString(`<td><a class="c-b" href="` + html.EscapeString(c.URL) + `"><span class="sr">behandeld</span></a></td>`)
		default:
			sb.WriteString(`<td></td>`)
		}
	}
	h := template.HTML(sb.String())
	b.matrixRows[code] = h
	return h
}

func cellOf(gf *gemeenteFacts, theme string) matrixCell {
	if ref, ok := gf.prios[theme]; ok {
		return matrixCell{State: cellPrio, URL: passageURL(ref)}
	}
	if ref, ok := gf.treated[theme]; ok {
		return matrixCell{State: cellTreated, URL: passageURL(ref)}
	}
	return matrixCell{State: cellAbsent}
}

// sortMatrix orders the rows: by name, by number of priorities, or by one
// theme (priority, then treated, then absent; by name within each).
func sortMatrix(cols []matrixColumn, rows []matrixRow, by string) {
	col := -1
	for i, c := range cols {
		if c.ID == by {
			col = i
		}
	}
	rank := map[string]int{cellPrio: 0, cellTreated: 1, cellAbsent: 2}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch {
		case col >= 0 && a.Cells[col].State != b.Cells[col].State:
			return rank[a.Cells[col].State] < rank[b.Cells[col].State]
		case by == "aantal" && a.Prios != b.Prios:
			return a.Prios > b.Prios
		}
		return a.Naam < b.Naam
	})
}

// matrixSort validates the sort parameter: naam, aantal or a theme id.
func (h *handler) matrixSort(q url.Values) (string, error) {
	by := strings.TrimSpace(q.Get(paramMatrixSort))
	switch by {
	case "", "naam":
		return "naam", nil
	case "aantal":
		return by, nil
	}
	if th, ok := h.taxonomy.Thema(by); ok && th.Veld > 0 {
		return by, nil
	}
	return "", badFilter("onbekende sortering ‘" + by + "’: gebruik naam, aantal of een thema-id zoals 5.2")
}

// matrixFocus validates the gemeente the user came from; "" for none. A
// former gemeente stands for the gemeente of today it went into.
func (h *handler) matrixFocus(q url.Values) (corpus.Gemeente, error) {
	v := strings.TrimSpace(q.Get(paramFocus))
	if v == "" {
		return corpus.Gemeente{}, nil
	}
	gm, ok := h.gemeenten.Lookup(v)
	if !ok {
		return gm, badFilter("onbekende gemeente ‘" + v + "’: gebruik een CBS-code zoals GM0363")
	}
	if s, ok := h.gemeenten.Successor(gm); ok {
		return s, nil
	}
	return gm, nil
}
