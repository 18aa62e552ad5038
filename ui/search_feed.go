package ui

import (
	"cmp"
	"encoding/xml"
	"errors"
	"html"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// feedPath is the address of the search feeds; they take the parameters
// of the search page.
const feedPath = "/zoeken.atom"

// feedSize is how many plans a feed lists: those added last.
const feedSize = 20

// feedURL is the address of the feed of search r: its words and filters,
// without sort and paging.
func feedURL(r search.Request) string {
	r.Sort, r.Page, r.Size = "", 0, 0
	if s := requestValues(r).Encode(); s != "" {
		return feedPath + "?" + s
	}
	return feedPath
}

// showFeed answers GET /zoeken.atom?q=…&provincie=…: an Atom feed of the
// plans matching the search that were added to ivp last, newest first,
// so a feed reader shows each new plan once.
func (h *handler) showFeed(c *gin.Context) {
	r, err := h.searchRequest(c.Request.URL.Query())
	if err != nil {
		h.fail(c, err)
		return
	}
	r.Sort, r.Page, r.Size = search.SortAdded, 1, feedSize
	res, err := h.runSearch(c, r)
	if err != nil {
		h.fail(c, err)
		return
	}
	f, err := h.newFeed(c, r, res)
	if err != nil {
		h.fail(c, err)
		return
	}
	body, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), body...))
}

// newFeed builds the feed of r's results, with each plan's dates from the
// store; a plan gone from the store since the search is left out.
func (h *handler) newFeed(c *gin.Context, r search.Request, res *search.Result) (*atomFeed, error) {
	base := h.baseURL(c.Request)
	title := h.feedTitle(r)
	f := &atomFeed{Title: "IVP-zoeker: " + title, ID: base + feedURL(r),
		Subtitle:  "De laatst toegevoegde veiligheidsplannen bij de zoekopdracht " + title + ".",
		Author:    atomPerson{Name: "IVP-zoeker"},
		Generator: atomGenerator{Name: "ivp", Version: h.opts.Version},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + feedURL(r)},
			{Rel: "alternate", Type: "text/html", Href: base + searchURL(requestValues(searchOf(r)))}}}
	var docs []corpus.Document
	for _, d := range res.Documents {
		doc, err := h.docs.Document(c.Request.Context(), d.ID)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	slices.SortStableFunc(docs, func(a, b corpus.Document) int {
		return cmp.Or(b.Created.Compare(a.Created), cmp.Compare(b.ID, a.ID))
	})
	updated := time.Now()
	for i, d := range docs {
		f.Entries = append(f.Entries, h.feedEntry(base, d, snippetOf(res, d.ID)))
		if i == 0 || d.Updated.After(updated) {
			updated = d.Updated
		}
	}
	f.Updated = atomTime(updated)
	return f, nil
}

// searchOf is the search page's request for the feed request r.
func searchOf(r search.Request) search.Request {
	r.Sort, r.Page, r.Size = "", 0, 0
	return r
}

// feedTitle describes the search in words: the query in quotes and the
// filters, or "nieuwste plannen".
func (h *handler) feedTitle(r search.Request) string {
	var parts []string
	if r.Query != "" {
		parts = append(parts, "‘"+r.Query+"’")
	}
	for _, f := range h.requestFilters(r) {
		parts = append(parts, strings.ToLower(filterLabels[f[0]])+" "+f[2])
	}
	if r.JaarVan != 0 || r.JaarTot != 0 {
		parts = append(parts, "looptijd "+jaarRange(r.JaarVan, r.JaarTot))
	}
	if len(parts) == 0 {
		return "nieuwste plannen"
	}
	return strings.Join(parts, ", ")
}

// feedEntry is the entry of one plan; snippet is the HTML of its best
// matching passage, "" without words.
func (h *handler) feedEntry(base string, d corpus.Document, snippet string) atomEntry {
	e := atomEntry{Title: d.Title, ID: base + documentURL(d.ID),
		Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: base + documentURL(d.ID)}},
		Published: atomTime(d.Created), Updated: atomTime(d.Updated),
		Categories: []atomCategory{{Term: string(d.Type), Label: d.Type.Label()}}}
	var names []string
	for _, g := range d.Gemeenten {
		names = append(names, g.Naam)
		e.Authors = append(e.Authors, atomPerson{Name: "Gemeente " + g.Naam})
	}
	if len(e.Authors) == 0 {
		e.Authors = []atomPerson{{Name: "Onbekende gemeente"}}
	}
	if who := joinNames(names, 3, "gemeenten"); who != "" && !strings.Contains(d.Title, names[0]) {
		e.Title += " (" + who + ")"
	}
	about := d.Type.Label() + " van " + joinNames(names, 5, "gemeenten")
	if p := d.Periode(); p != "" {
		about += ", " + p
	}
	summary := "<p>" + html.EscapeString(about+" ("+pagesText(d.Pages)+").") + "</p>"
	if snippet != "" {
		summary += "<p>" + snippet + "</p>"
	}
	e.Summary = atomText{Type: "html", Body: summary}
	return e
}

// snippetOf is the HTML snippet of the first passage shown for plan id.
func snippetOf(res *search.Result, id int64) string {
	for _, d := range res.Documents {
		if d.ID == id && len(d.Passages) > 0 {
			return d.Passages[0].Snippet
		}
	}
	return ""
}

// pagesText is "1 pagina" or "N pagina's".
func pagesText(n int) string {
	if n == 1 {
		return "1 pagina"
	}
	return strconv.Itoa(n) + " pagina's"
}

// baseURL is the scheme and host the request was sent to, for the
// absolute addresses a feed needs.
func (h *handler) baseURL(r *http.Request) string {
	scheme := "http"
	if h.overTLS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// atomTime formats t as an RFC 3339 date of Atom, in UTC.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
