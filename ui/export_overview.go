package ui

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus/geo"
)

// exportBeeld answers GET /landelijk-beeld/export.:format (csv or xlsx)
// with the numbers of the page for the same filter.
func (h *handler) exportBeeld(c *gin.Context) {
	p, err := h.beeldPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.sendExport(c, beeldExport(p, h.overview.now()), c.Param("format"))
}

// exportMatrix answers GET /speerpunten/export.:format.
func (h *handler) exportMatrix(c *gin.Context) {
	p, err := h.matrixPageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.sendExport(c, matrixExport(p, h.overview.now()), c.Param("format"))
}

// exportNotes are the first lines of every export: what, when, filters.
func exportNotes(title string, year int, filter string, now time.Time) [][]string {
	return [][]string{
		{"Bestand", title},
		{"Gemaakt", now.Format("2006-01-02 15:04")},
		{"Peiljaar", strconv.Itoa(year)},
		{"Filters", filter},
		{"Bron", "IVP-zoeker: gepubliceerde integrale veiligheidsplannen; geldend = een gepubliceerd IVP waarvan de periode het peiljaar omvat"},
	}
}

func filterNote(active bool, text string) string {
	if !active {
		return "geen (alle gemeenten)"
	}
	return text
}

// beeldExport holds the tables of the landelijk beeld. The CSV file has
// them all in one long table: onderdeel, sleutel, label, aantal, totaal,
// procent.
func beeldExport(p beeldPage, now time.Time) exportFile {
	f := exportFile{Name: "landelijk-beeld-" + strconv.Itoa(p.Year),
		Notes: append(exportNotes("Landelijk beeld", p.Year, filterNote(p.Filter.Active, p.Filter.Text), now),
			[]string{"Kaart", geo.Attribution})}
	gem := exportTable{Sheet: "Gemeenten", Header: []string{"CBS-code", "Gemeente", "Provincie", "Veiligheidsregio", "Status", "Toelichting", "Geldend plan"}}
	for _, r := range p.Rows {
		gem.Rows = append(gem.Rows, []any{r.Code, r.Naam, r.Provincie, r.Regio, r.Status, r.Uitleg, r.PlanTitle})
	}
	f.Tables = append(f.Tables, gem)
	long := exportTable{Sheet: "Alles", Header: []string{"Onderdeel", "Sleutel", "Label", "Aantal", "Totaal", "Procent"}}
	for _, part := range []struct {
		sheet, name string
		rows        []countRow
	}{
		{"Dekking provincie", "dekking-provincie", p.Provincies},
		{"Dekking veiligheidsregio", "dekking-veiligheidsregio", p.Regios},
		{"Dekking inwonersklasse", "dekking-inwonersklasse", p.Klassen},
		{"Speerpunten", "speerpunt", p.Themes},
		{"Velden", "veld", p.Velden},
		{"Kwaliteitstoets", "kwaliteitstoets", p.Checks},
	} {
		t := exportTable{Sheet: part.sheet, Header: []string{"Sleutel", "Label", "Aantal", "Totaal", "Procent"}}
		for _, r := range part.rows {
			t.Rows = append(t.Rows, []any{r.Key, r.Label, r.Count, r.Total, r.Percent})
			long.Rows = append(long.Rows, []any{part.name, r.Key, r.Label, r.Count, r.Total, r.Percent})
		}
		f.Tables = append(f.Tables, t)
	}
	f.CSV = long
	return f
}

// matrixExport is the matrix: a row per gemeente, a column per theme with
// speerpunt, behandeld or empty.
func matrixExport(p matrixPage, now time.Time) exportFile {
	t := exportTable{Sheet: "Speerpunten", Header: []string{"CBS-code", "Gemeente", "Aantal speerpunten"}}
	for _, c := range p.Columns {
		t.Header = append(t.Header, c.Label+" ("+c.ID+")")
	}
	for _, r := range p.Rows {
		row := []any{r.Code, r.Naam, r.Prios}
		for _, c := range r.Cells {
			v := c.State
			if v == cellAbsent {
				v = ""
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	notes := exportNotes("Speerpunten per gemeente", p.Year, filterNote(p.Filter.Active, p.Filter.Text), now)
	notes = append(notes, []string{"Sortering", p.Sort})
	return exportFile{Name: "speerpunten-" + strconv.Itoa(p.Year), Notes: notes, Tables: []exportTable{t}, CSV: t}
}
