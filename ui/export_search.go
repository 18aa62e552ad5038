package ui

import (
	"html"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/search"
)

// maxExportPlans is how many results of a search an export holds.
const maxExportPlans = 1000

// exportSearch answers GET /zoeken/export.:format with the plans a search
// finds (the same parameters as /), in their order, up to maxExportPlans.
func (h *handler) exportSearch(c *gin.Context) {
	r, err := h.searchRequest(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	t := exportTable{Sheet: "Resultaten", Header: []string{"Rang", "Titel", "Documenttype", "Gemeenten", "Provincies",
		"Periode", "Vastgesteld", "Pagina's", "Beste passage (pagina)", "Beste passage", "Adres"}}
	var total uint64
	r.Size = search.MaxSize
	for r.Page = 1; len(t.Rows) < maxExportPlans; r.Page++ {
		res, err := h.runSearch(c, r)
		if err != nil {
			h.fail(c, err)
			return
		}
		total = res.Total
		for _, d := range res.Documents {
			t.Rows = append(t.Rows, resultRow(len(t.Rows)+1, d))
		}
		if len(res.Documents) < r.Size || r.Page >= res.Pages() {
			break
		}
	}
	t.Rows = t.Rows[:min(len(t.Rows), maxExportPlans)]
	notes := [][]string{{"Bestand", "Zoekresultaten"}, {"Gemaakt", h.overview.now().Format("2006-01-02 15:04")},
		{"Zoekvraag", r.Query}, {"Filters", exportQuery(r)}, {"Gevonden", strconv.FormatUint(total, 10) + " plannen"},
		{"In dit bestand", strconv.Itoa(len(t.Rows)) + " plannen, in de volgorde van de zoekpagina"}}
	f := exportFile{Name: "zoekresultaten-" + h.overview.now().Format("2006-01-02"), Notes: notes,
		Tables: []exportTable{t}, CSV: t}
	h.sendExport(c, f, c.Param("format"))
}

// resultRow is one plan of a search as a row of the export.
func resultRow(rank int, d search.Document) []any {
	var names, provs []string
	seen := map[string]bool{}
	for _, g := range d.Gemeenten {
		names = append(names, g.Naam)
		if !seen[g.Provincie] {
			seen[g.Provincie] = true
			provs = append(provs, g.Provincie)
		}
	}
	page, text := "", ""
	if len(d.Passages) > 0 {
		p := d.Passages[0]
		page, text = strconv.Itoa(p.Page), plainSnippet(p.Snippet)
	}
	return []any{rank, d.Title, d.TypeLabel, strings.Join(names, ", "), strings.Join(provs, ", "), d.Periode,
		d.Vastgesteld, d.Pages, page, text, documentURL(d.ID)}
}

// plainSnippet turns a highlighted snippet (escaped HTML with <mark>)
// into plain text.
func plainSnippet(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return html.UnescapeString(s)
}

// exportQuery is the search's parameters without its page and size.
func exportQuery(r search.Request) string {
	v := requestValues(r)
	v.Del(paramPage)
	v.Del(paramSize)
	return v.Encode()
}
