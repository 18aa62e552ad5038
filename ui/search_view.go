package ui

import (
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/ccv/ivp/search"
)

// searchPage is the view of the search page.
type searchPage struct {
	Layout    layoutData
	Query     string
	Heading   string // "Nieuwste plannen" or "Zoekresultaten"
	Total     uint64
	TotalText string // Total with Dutch thousands separators
	Noun      string // "plan" or "plannen"
	Range     string // "11–20 van 34" when there is more than one page
	// AllWords says how many plans contain every word ("12 plannen
	// bevatten alle woorden") when some found plans lack one; else "".
	AllWords      string
	AllWordsCount uint64
	Results       []resultView
	Facets        []facetView
	Chips         []chipView
	ClearURL      string // the same query without filters; "" without filters
	Hidden        []hiddenField
	Paging        pagingView
	// Start is true on the start page: no query and no filters.
	Start       bool
	Suggestions []suggestion
	// Notices say how the query was read; DidYouMean offers a query that
	// finds plans when this one found none.
	Notices    []string
	DidYouMean *suggestion
	LikeTitle  string
	Sort       []sortLink // empty without words
	// ExportQuery is the search without its page, for the export links.
	ExportQuery string
	Looptijd    rangeForm
}

// sortLink is one sort order, the current one marked.
type sortLink struct {
	Label, URL string
	Current    bool
}

// rangeForm is the jaar range form in the sidebar: it keeps the other
// parameters as hidden fields.
type rangeForm struct {
	Van, Tot string
	Hidden   []hiddenField
}

// suggestion is a frequent subject offered on the start page.
type suggestion struct {
	Label, URL string
}

// subjects are offered as searches on the start page: themes that occur in
// almost every integral safety plan.
var subjects = []string{"cameratoezicht", "ondermijning", "woninginbraak", "jeugdoverlast",
	"drugsoverlast", "zorg en veiligheid", "cybercrime"}

// resultView is one plan in the result list.
type resultView struct {
	ID         int64
	Title      string
	URL        string
	LikeURL    string // "meer zoals dit plan"
	Gemeenten  string
	Provincies string
	Periode    string
	TypeLabel  string
	Type       string
	Passages   []passageView
}

// passageView is one matching passage of a plan.
type passageView struct {
	PageLabel string        // "p. 12"
	Headings  string        // heading path, "3 Aanpak › 3.2 Cameratoezicht"
	DocURL    string        // the passage on the document page
	Snippet   template.HTML // escaped by search, with <mark> around matches
	Tags      tagsView
}

// facetView is one facet in the sidebar.
type facetView struct {
	Name      string
	Label     string
	Note      string           // what the numbers mean when they are not plans
	Values    []facetValueView // shown, the chosen ones always among them
	More      []facetValueView // folded away in a long list
	Other     int
	OtherText string // "1 plan", "12 plannen"
}

// facetValueView is one facet value: a link that toggles the filter.
type facetValueView struct {
	Value    string
	Label    string
	Count    string
	Plans    string // the count with its noun, for screen readers: "1 plan"
	Selected bool
	URL      string
}

// chipView is an active filter with the link that removes it.
type chipView struct {
	Facet string // "Provincie"
	Label string // "Gelderland"
	URL   string
}

// allWordsText tells how many of the plans found contain every word of
// the query, when that is not all of them.
func allWordsText(res *search.Result) string {
	switch {
	case res.AllWords >= res.Total:
		return ""
	case res.AllWords == 0:
		return "Geen plan bevat alle woorden"
	case res.AllWords == 1:
		return "1 plan bevat alle woorden"
	}
	return getal(res.AllWords) + " plannen bevatten alle woorden"
}

// hiddenField keeps an active filter when the query box is submitted.
type hiddenField struct {
	Name, Value string
}

// newSearchPage builds the view of one page of results.
func (h *handler) newSearchPage(r search.Request, res *search.Result) searchPage {
	rm := newRemoval(r, res.QueryFilters)
	p := searchPage{Layout: h.layout(pageTitle(r), false), Query: r.Query, Heading: heading(r),
		Total: res.Total, TotalText: getal(res.Total), Noun: "plannen",
		Facets: facetViews(r, rm, res.Facets), Chips: h.chips(r, rm, res), Paging: paging(r, res)}
	if res.Total == 1 {
		p.Noun = "plan"
	}
	p.Layout.Description = description(r, res)
	if r.Like == "" { // a like search's terms are many: no plan has them all
		p.AllWords, p.AllWordsCount = allWordsText(res), res.AllWords
	}
	p.Range = rangeText(r, res)
	for _, d := range res.Documents {
		p.Results = append(p.Results, resultViewOf(r, d))
	}
	p.Notices, p.LikeTitle = res.Notices, res.LikeTitle
	if res.Suggestion != "" {
		r2 := r
		r2.Query, r2.Page = res.Suggestion, 0
		p.DidYouMean = &suggestion{Label: res.Suggestion, URL: searchURL(requestValues(r2))}
	}
	p.Sort = sortLinks(r)
	p.Looptijd = looptijdForm(r)
	if len(p.Chips) > 0 {
		q := r.Query
		if len(res.QueryFilters) > 0 {
			q = res.QueryWithoutFilters
		}
		p.ClearURL = searchURL(requestValues(search.Request{Query: q, Size: r.Size}))
	}
	p.Hidden = hiddenFields(r)
	p.Layout.Feed, p.Layout.FeedTitle = feedURL(r), "IVP-zoeker: "+h.feedTitle(r)
	p.ExportQuery = exportQuery(r)
	if p.Start = r.Query == "" && len(p.Chips) == 0; p.Start {
		for _, s := range subjects {
			p.Suggestions = append(p.Suggestions, suggestion{Label: s, URL: searchURL(url.Values{paramQuery: {s}})})
		}
	}
	return p
}

// description is the meta description of a results page; "" (the site's)
// without words.
func description(r search.Request, res *search.Result) string {
	if r.Query == "" {
		return ""
	}
	return aantal(res.Total, "plan", "plannen") + " gevonden voor ‘" + r.Query +
		"’ in integrale veiligheidsplannen en uitvoeringsplannen van Nederlandse gemeenten."
}

// rangeText is "11–20 van 34" when there is more than one page.
func rangeText(r search.Request, res *search.Result) string {
	if res.Pages() <= 1 {
		return ""
	}
	first := uint64(r.Page-1)*uint64(r.Size) + 1
	last := min(first+uint64(len(res.Documents))-1, res.Total)
	return getal(first) + "–" + getal(last) + " van " + getal(res.Total)
}

// hiddenFields are the active filters and page size, kept when the query
// box is submitted; a new query starts at page 1.
func hiddenFields(r search.Request) []hiddenField {
	v := requestValues(search.Request{Gemeenten: r.Gemeenten, Provincies: r.Provincies,
		Jaren: r.Jaren, Types: r.Types, Klassen: r.Klassen, JaarVan: r.JaarVan, JaarTot: r.JaarTot,
		Sort: r.Sort, Size: r.Size})
	var out []hiddenField
	for _, name := range []string{paramGemeente, paramProvincie, paramJaar, paramType, paramKlasse, paramVan, paramTot, paramSort, paramSize} {
		for _, val := range v[name] {
			out = append(out, hiddenField{Name: name, Value: val})
		}
	}
	return out
}

// heading is the heading above the results.
func heading(r search.Request) string {
	switch {
	case r.Like != "":
		return "Vergelijkbare plannen"
	case r.Query == "":
		return "Nieuwste plannen"
	}
	return "Zoekresultaten"
}

// pageTitle is the <title> of a search page; the start page has none of
// its own.
func pageTitle(r search.Request) string {
	switch {
	case r.Query != "":
		return "Zoekresultaten voor ‘" + r.Query + "’"
	case r.Like != "":
		return "Vergelijkbare plannen"
	}
	return ""
}

// resultViewOf turns one plan of the result into its view.
func resultViewOf(r search.Request, d search.Document) resultView {
	v := resultView{ID: d.ID, Title: d.Title, URL: documentURL(d.ID), Periode: periode(d.Periode),
		TypeLabel: d.TypeLabel, Type: string(d.Type), LikeURL: likeURL(r, strconv.FormatInt(d.ID, 10))}
	var names, provs []string
	for _, g := range d.Gemeenten {
		names = append(names, g.Naam)
		provs = appendNew(provs, g.Provincie)
	}
	v.Gemeenten, v.Provincies = joinNames(names, 3, "gemeenten"), strings.Join(provs, ", ")
	for i, ps := range d.Passages {
		if i == search.PassagesPerDocument {
			break
		}
		v.Passages = append(v.Passages, passageView{PageLabel: pagina(ps.Page, ps.PageTo),
			Headings: strings.Join(ps.Headings, " › "), DocURL: v.URL + "#passage-" + strconv.Itoa(ps.Ordinal),
			Snippet: template.HTML(ps.Snippet), Tags: tagsOf(ps.Veld, ps.Themes)})
	}
	return v
}

// joinNames lists at most max names: "A, B, C en 4 andere gemeenten".
func joinNames(names []string, max int, noun string) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:max], ", ") + " en " + strconv.Itoa(len(names)-max) + " andere " + noun
}

// periode renders "2023-2026" with an en dash.
func periode(s string) string { return strings.ReplaceAll(s, "-", "–") }

// documentURL is the page of one plan.
func documentURL(id int64) string { return "/documenten/" + strconv.FormatInt(id, 10) }

// fileURL links to the original file, at a page when page > 0.
func fileURL(id int64, page int) string {
	u := "/bestanden/" + strconv.FormatInt(id, 10)
	if page > 0 {
		u += "#page=" + strconv.Itoa(page)
	}
	return u
}

// searchURL is the search page with the given parameters.
func searchURL(v url.Values) string {
	if s := v.Encode(); s != "" {
		return "/?" + s
	}
	return "/"
}

// likeURL searches for plans like a plan or passage, keeping the filters
// but not the words.
func likeURL(r search.Request, like string) string {
	r.Query, r.Like, r.Page, r.Sort = "", like, 0, ""
	return searchURL(requestValues(r))
}

// sortLinks offers relevance and date order when there are words to rank by.
func sortLinks(r search.Request) []sortLink {
	if r.Query == "" && r.Like == "" {
		return nil
	}
	var out []sortLink
	for _, o := range []struct{ sort, label string }{{search.SortRelevance, "Relevantie"}, {search.SortDate, "Nieuwste eerst"}} {
		r2 := r
		r2.Sort, r2.Page = o.sort, 0
		out = append(out, sortLink{Label: o.label, URL: searchURL(requestValues(r2)), Current: r.Sort == o.sort})
	}
	return out
}

// looptijdForm is the jaar range form with every other parameter kept.
func looptijdForm(r search.Request) rangeForm {
	f := rangeForm{}
	if r.JaarVan != 0 {
		f.Van = strconv.Itoa(r.JaarVan)
	}
	if r.JaarTot != 0 {
		f.Tot = strconv.Itoa(r.JaarTot)
	}
	r.JaarVan, r.JaarTot, r.Page = 0, 0, 0
	v := requestValues(r)
	for name, vals := range v {
		for _, val := range vals {
			f.Hidden = append(f.Hidden, hiddenField{Name: name, Value: val})
		}
	}
	sort.Slice(f.Hidden, func(i, j int) bool { return f.Hidden[i].Name < f.Hidden[j].Name })
	return f
}
