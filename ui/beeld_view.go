package ui

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"

	"github.com/ccv/ivp/corpus/geo"
)

// mapStatuses are the legend's words for each status, in legend order.
var mapStatuses = []struct{ Status, Label string }{
	{statusGeldend, "Geldend plan"},
	{statusKomend, "Alleen een plan voor een latere periode"},
	{statusVerlopen, "Plan verlopen"},
	{statusOnbekend, "Plan zonder bekende periode"},
	{statusGeen, "Geen plan in de database"},
}

// statusRow is one line of the legend with its count.
type statusRow struct {
	Status string `json:"status"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// mapView is the drawn map with a class and a title per gemeente.
type mapView struct {
	W, H   int
	Shapes []shapeView
}

// shapeView is one gemeente on the map.
type shapeView struct {
	Code, D, Status, Title, URL string
}

// gemeenteRow is one gemeente in the table beside the map.
type gemeenteRow struct {
	Code      string  `json:"code"`
	Naam      string  `json:"naam"`
	Provincie string  `json:"provincie"`
	Regio     string  `json:"veiligheidsregio"`
	Status    string  `json:"status"`
	Uitleg    string  `json:"uitleg"`          // the status in words, with years
	Until     int     `json:"tot,omitempty"`   // verlopen: last year covered
	From      int     `json:"vanaf,omitempty"` // komend: first year
	PlanIDs   []int64 `json:"plannen"`         // its IVPs in force
	URL       string  `json:"-"`
	PlanTitle string  `json:"-"`
	PlanURL   string  `json:"-"`
}

// statusText says a gemeente's status in a phrase with its years.
func statusText(gf *gemeenteFacts) string {
	switch gf.status {
	case statusGeldend:
		p := gf.inForce[len(gf.inForce)-1]
		return "geldend plan " + p.doc.Periode() + gf.ofPredecessor(p)
	case statusKomend:
		s := "alleen een plan vanaf " + strconv.Itoa(gf.from)
		if gf.until > 0 {
			s += " (vorige plan liep tot en met " + strconv.Itoa(gf.until) + ")"
		}
		return s
	case statusVerlopen:
		return "plan verlopen: liep tot en met " + strconv.Itoa(gf.until) + gf.ofPredecessor(gf.untilOf)
	case statusOnbekend:
		return "plan zonder bekende periode"
	}
	return "geen plan in de database"
}

// ofPredecessor names the former gemeente p is a plan of, when it is not
// one of gf's own: " (van voorganger Uden)"; "" otherwise.
func (gf *gemeenteFacts) ofPredecessor(p *planFacts) string {
	if p == nil || slices.Contains(gf.plans, p) {
		return ""
	}
	var names []string
	for _, g := range p.doc.Gemeenten {
		if g.Former() {
			names = append(names, g.Naam)
		}
	}
	return " (van voorganger " + enList(names) + ")"
}

func gemeenteURL(code string) string { return "/gemeenten/" + code }

// rowOf is the table row of a gemeente.
func rowOf(gf *gemeenteFacts) gemeenteRow {
	r := gemeenteRow{Code: gf.Code, Naam: gf.Naam, Provincie: gf.Provincie, Regio: gf.regio.Naam,
		Status: gf.status, Uitleg: statusText(gf), URL: gemeenteURL(gf.Code), PlanIDs: []int64{}}
	switch gf.status {
	case statusVerlopen:
		r.Until = gf.until
	case statusKomend:
		r.From = gf.from
	}
	for _, p := range gf.inForce {
		r.PlanIDs = append(r.PlanIDs, p.doc.ID)
		r.PlanTitle, r.PlanURL = p.doc.Title, documentURL(p.doc.ID)
	}
	return r
}

// mapOf colours the drawn map by status.
func (o *overview) mapOf(b *beeld) mapView {
	v := mapView{W: o.mapBox.W, H: o.mapBox.H}
	for _, s := range o.mapShapes {
		gf, ok := b.byCode[s.Code]
		if !ok {
			continue // a shape the register does not know: not drawn
		}
		v.Shapes = append(v.Shapes, shapeView{Code: s.Code, D: s.D, Status: gf.status,
			Title: gf.Naam + ": " + statusText(gf), URL: gemeenteURL(gf.Code)})
	}
	return v
}

// legend counts the gemeenten per status.
func legend(b *beeld) []statusRow {
	n := b.statusCounts()
	out := make([]statusRow, len(mapStatuses))
	for i, s := range mapStatuses {
		out[i] = statusRow{Status: s.Status, Label: s.Label, Count: n[s.Status]}
	}
	return out
}

// beeldPage is the landelijk beeld.
type beeldPage struct {
	Layout      layoutData
	Year        int
	Published   int // published documents of any type
	Empty       bool
	Legend      []statusRow
	Geldend     int
	GeldendPct  int
	Map         mapView
	Rows        []gemeenteRow
	Provincies  []countRow
	Regios      []countRow
	Klassen     []countRow
	Filter      filterView
	Themes      []countRow
	Velden      []countRow
	Plans       int
	Checks      []countRow
	Attribution string
	MapHTML     template.HTML // the map and the table beside it, rendered once per beeld
	filter      beeldFilter
}

// filterView is the filter form and the words for what it selects.
type filterView struct {
	Action             string
	Provincies, Regios []filterOption
	Klassen            []filterOption
	Active             bool
	Text               string        // "gemeenten in provincie Utrecht"
	Selected           int           // gemeenten with a plan in force in the selection
	Gemeenten          int           // gemeenten in the selection
	Query              string        // the filter as a query string, for links that keep it
	Hidden             []hiddenField // other parameters the form keeps
}

func (h *handler) filterViewOf(action string, b *beeld, f beeldFilter) filterView {
	v := filterView{Action: action, Active: !f.Empty(), Text: h.describeFilter(f), Selected: len(b.selected(f)),
		Query: f.values().Encode()}
	v.Provincies, v.Regios, v.Klassen = h.filterOptions(f)
	for _, gf := range b.gemeenten {
		if f.matches(gf) {
			v.Gemeenten++
		}
	}
	return v
}

// newBeeldPage builds the page from the beeld and the filter.
func (h *handler) newBeeldPage(b *beeld, f beeldFilter) beeldPage {
	o := h.overview
	p := beeldPage{Layout: h.overviewLayout("Landelijk beeld"), Year: b.year, Published: b.published,
		Empty: b.published == 0, Legend: legend(b), Map: o.mapOf(b), Attribution: geo.Attribution,
		Provincies: b.coverageByProvincie(), Regios: b.coverageByRegio(), Klassen: b.coverageByKlasse(),
		Filter: h.filterViewOf("/landelijk-beeld", b, f)}
	p.Geldend = b.statusCounts()[statusGeldend]
	p.GeldendPct = percent(p.Geldend, len(b.gemeenten))
	for _, gf := range b.gemeenten {
		p.Rows = append(p.Rows, rowOf(gf))
	}
	p.MapHTML = h.mapHTML(b, p)
	sel := b.selected(f)
	p.Themes, p.Velden = themeCounts(h.taxonomy, sel), veldCounts(sel)
	plans := plansOf(sel)
	p.Plans, p.Checks = len(plans), checkCounts(plans)
	q := f.values()
	for i := range p.Themes {
		q.Set(paramMatrixSort, p.Themes[i].Key)
		p.Themes[i].URL = "/speerpunten?" + q.Encode()
	}
	return p
}

// overviewLayout is the layout of the overview pages, with their stylesheet.
func (h *handler) overviewLayout(title string) layoutData {
	l := h.layout(title, true)
	l.PageCSS = h.views.assets["overzicht.css"]
	return l
}

// mapHTML renders the map and the table beside it once per beeld: they
// do not depend on the filter. A template error renders nothing and is
// logged; the rest of the page still shows.
func (h *handler) mapHTML(b *beeld, p beeldPage) template.HTML {
	b.mapOnce.Do(func() {
		var buf bytes.Buffer
		if err := h.views.pages["beeld"].ExecuteTemplate(&buf, "kaart", p); err != nil {
			h.log.Error("render map", "error", err)
			return
		}
		b.mapHTML = template.HTML(buf.String())
	})
	return b.mapHTML
}
