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
// one filter each and start again at page 1.
func facetViews(r search.Request, facets []search.Facet) []facetView {
	var out []facetView
	for _, f := range facets {
		if len(f.Values) == 0 {
			continue
		}
		fv := facetView{Name: f.Name, Label: f.Label, Other: f.Other}
		for i, v := range f.Values {
			vv := facetValueView{Value: v.Value, Label: v.Label, Count: getal(v.Count),
				Selected: v.Selected, URL: toggleURL(r, f.Name, v.Value, v.Selected)}
			if len(f.Values) > facetFold && i >= facetShown {
				fv.More = append(fv.More, vv)
				fv.MoreOpen = fv.MoreOpen || v.Selected
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

// chips lists the active filters, each with the link that removes it.
func (h *handler) chips(r search.Request) []chipView {
	var out []chipView
	add := func(facet, name, value, label string) {
		out = append(out, chipView{Facet: facet, Label: label, URL: toggleURL(r, name, value, true)})
	}
	for _, code := range r.Gemeenten {
		label := code
		if g, ok := h.gemeenten.ByCode(code); ok {
			label = g.Naam
		}
		add("Gemeente", paramGemeente, code, label)
	}
	for _, p := range r.Provincies {
		add("Provincie", paramProvincie, p, p)
	}
	for _, y := range r.Jaren {
		add("Jaar", paramJaar, strconv.Itoa(y), strconv.Itoa(y))
	}
	for _, t := range r.Types {
		add("Documenttype", paramType, string(t), t.Label())
	}
	for _, n := range r.Velden {
		add("Veiligheidsveld", paramVeld, strconv.Itoa(int(n)), n.Label())
	}
	for _, t := range r.Themas {
		add("Thema", paramThema, t, h.taxonomy.ThemaLabel(t))
	}
	for _, k := range r.Klassen {
		label := k
		if kl, ok := corpus.KlasseByCode(k); ok {
			label = kl.Label
		}
		add("Inwonersaantal", paramKlasse, k, label)
	}
	if r.JaarVan != 0 || r.JaarTot != 0 {
		out = append(out, chipView{Facet: "Looptijd", Label: jaarRange(r.JaarVan, r.JaarTot), URL: withoutParams(r, paramVan, paramTot)})
	}
	if r.Like != "" {
		out = append(out, chipView{Facet: "Meer zoals", Label: "een gekozen " + likeNoun(r.Like), URL: withoutParams(r, paramLike)})
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

func likeNoun(like string) string {
	if strings.Contains(like, "/") {
		return "passage"
	}
	return "plan"
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
