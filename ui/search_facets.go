package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// A facet with more than facetFold values shows facetShown of them; the
// rest fold away under "toon alle".
const facetFold, facetShown = 12, 8

// facetViews turns the facets of a result into sidebar links that toggle
// one filter each and start again at page 1. A chosen value is never
// folded away.
func facetViews(r search.Request, rm removal, facets []search.Facet) []facetView {
	var out []facetView
	for _, f := range facets {
		if len(f.Values) == 0 {
			continue
		}
		fv := facetView{Name: f.Name, Label: f.Label, Other: f.Other, OtherText: aantal(f.Other, "plan", "plannen")}
		if f.Shares {
			fv.Note = "Aandeel in de tekst van de gevonden plannen"
		}
		for i, v := range f.Values {
			vv := facetValueView{Value: v.Value, Label: v.Label, Count: getal(v.Count),
				Plans: aantal(v.Count, "plan", "plannen"), Selected: v.Selected}
			if f.Shares {
				vv.Count = strconv.Itoa(v.PassageShare) + "%"
				vv.Plans = strconv.Itoa(v.PassageShare) + " procent van de tekst, in " + vv.Plans
			}
			if v.Selected {
				vv.URL = rm.url(f.Name, v.Value)
			} else {
				vv.URL = toggleURL(r, f.Name, v.Value, false)
			}
			if len(f.Values) > facetFold && i >= facetShown && !v.Selected {
				fv.More = append(fv.More, vv)
				continue
			}
			fv.Values = append(fv.Values, vv)
		}
		out = append(out, fv)
	}
	return out
}

// toggleURL is the search page with value of filter name switched on or off.
func toggleURL(r search.Request, name, value string, on bool) string {
	v := requestValues(r)
	v.Del(paramPage)
	if on {
		removeValue(v, name, value)
	} else {
		v.Add(name, value)
	}
	return searchURL(v)
}

func removeValue(v url.Values, name, value string) {
	var keep []string
	for _, x := range v[name] {
		if !strings.EqualFold(x, value) {
			keep = append(keep, x)
		}
	}
	v[name] = keep
}

// removal makes the links that take one filter away wherever it was set:
// in the page's parameters, typed in the query (gemeente:Ede), or both.
type removal struct {
	r     search.Request
	typed map[[2]string]string // facet name and value -> the query without it
}

func newRemoval(r search.Request, typed []search.QueryFilter) removal {
	rm := removal{r: r, typed: map[[2]string]string{}}
	for _, f := range typed {
		rm.typed[[2]string{f.Name, f.Value}] = f.Without
	}
	return rm
}

// url is the search page without value of filter name.
func (rm removal) url(name, value string) string {
	r := rm.r
	if q, ok := rm.typed[[2]string{name, value}]; ok {
		r.Query = q
	}
	return toggleURL(r, name, value, true)
}

// filterLabels name the filters on chips.
var filterLabels = map[string]string{paramGemeente: "Gemeente", paramProvincie: "Provincie",
	paramJaar: "Jaar", paramType: "Documenttype", paramVeld: "Veiligheidsveld", paramThema: "Thema",
	paramKlasse: "Inwonersaantal", search.FilterLooptijd: "Looptijd"}

// chips lists the active filters, each with the link that removes it:
// those of the page's parameters, then those typed in the query.
func (h *handler) chips(r search.Request, rm removal, res *search.Result) []chipView {
	var out []chipView
	shown := map[[2]string]bool{}
	for _, f := range h.requestFilters(r) {
		shown[[2]string{f[0], f[1]}] = true
		out = append(out, chipView{Facet: filterLabels[f[0]], Label: f[2], URL: rm.url(f[0], f[1])})
	}
	if r.JaarVan != 0 || r.JaarTot != 0 {
		out = append(out, chipView{Facet: "Looptijd", Label: jaarRange(r.JaarVan, r.JaarTot), URL: withoutParams(r, paramVan, paramTot)})
	}
	for _, f := range res.QueryFilters {
		if !shown[[2]string{f.Name, f.Value}] {
			out = append(out, chipView{Facet: filterLabels[f.Name], Label: f.Label, URL: rm.url(f.Name, f.Value)})
		}
	}
	if r.Like != "" {
		out = append(out, chipView{Facet: "Meer zoals", Label: likeLabel(r.Like, res.LikeTitle), URL: withoutParams(r, paramLike)})
	}
	return out
}

// requestFilters lists the facet filters of r as parameter name, value
// and label.
func (h *handler) requestFilters(r search.Request) [][3]string {
	var out [][3]string
	add := func(name, value, label string) { out = append(out, [3]string{name, value, label}) }
	for _, code := range r.Gemeenten {
		label := code
		if g, ok := h.gemeenten.ByCode(code); ok {
			label = g.Naam
		}
		add(paramGemeente, code, label)
	}
	for _, p := range r.Provincies {
		add(paramProvincie, p, p)
	}
	for _, y := range r.Jaren {
		add(paramJaar, strconv.Itoa(y), strconv.Itoa(y))
	}
	for _, t := range r.Types {
		add(paramType, string(t), t.Label())
	}
	for _, n := range r.Velden {
		add(paramVeld, strconv.Itoa(int(n)), n.Label())
	}
	for _, t := range r.Themas {
		add(paramThema, t, h.taxonomy.ThemaLabel(t))
	}
	for _, k := range r.Klassen {
		label := k
		if kl, ok := corpus.KlasseByCode(k); ok {
			label = kl.Label
		}
		add(paramKlasse, k, label)
	}
	return out
}

// jaarRange words a jaar range: "2023 of later", "tot en met 2020",
// "2019–2022".
func jaarRange(from, to int) string {
	switch {
	case to == 0:
		return strconv.Itoa(from) + " of later"
	case from == 0:
		return "tot en met " + strconv.Itoa(to)
	}
	return strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// likeLabel names what a "meer zoals dit" search started from, for its
// chip: the title search found, else "een gekozen plan".
func likeLabel(like, title string) string {
	if title != "" {
		return title
	}
	if strings.Contains(like, "/") {
		return "een gekozen passage"
	}
	return "een gekozen plan"
}

// withoutParams is the search page without the given parameters.
func withoutParams(r search.Request, names ...string) string {
	v := requestValues(r)
	v.Del(paramPage)
	for _, n := range names {
		v.Del(n)
	}
	return searchURL(v)
}

// pagingView is the page navigation below the results.
type pagingView struct {
	Prev, Next string // "" on the first or last page
	Pages      []pageLink
}

// pageLink is one page number, or a gap ("…") between page numbers.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pageWindow is how many page numbers are shown either side of the current.
const pageWindow = 2

// paging builds the navigation: first, last and the pages around the
// current one, with gaps between.
func paging(r search.Request, res *search.Result) pagingView {
	n := res.Pages()
	var p pagingView
	if n <= 1 {
		return p
	}
	if r.Page > 1 {
		p.Prev = pageURL(r, r.Page-1)
	}
	if r.Page < n {
		p.Next = pageURL(r, r.Page+1)
	}
	for i := 1; i <= n; i++ {
		switch {
		case shownPage(i, r.Page, n):
			p.Pages = append(p.Pages, pageLink{Number: i, URL: pageURL(r, i), Current: i == r.Page})
		case len(p.Pages) > 0 && !p.Pages[len(p.Pages)-1].Gap:
			p.Pages = append(p.Pages, pageLink{Gap: true})
		}
	}
	return p
}

// shownPage reports whether page i of n gets a number when cur is the
// current page. A gap never hides a single page: that page is shown instead.
func shownPage(i, cur, n int) bool {
	lo, hi := cur-pageWindow, cur+pageWindow
	if lo == 3 {
		lo = 2
	}
	if hi == n-2 {
		hi = n - 1
	}
	return i == 1 || i == n || (i >= lo && i <= hi)
}

func pageURL(r search.Request, page int) string {
	r.Page = page
	return searchURL(requestValues(r))
}
