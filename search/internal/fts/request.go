package fts

import "github.com/ccv/ivp/corpus"

// Request mirrors search.Request: a query, facet filters (several values
// of one facet mean OR, different facets AND) and a page.
type Request struct {
	Query      string
	Gemeenten  []string // CBS codes
	Provincies []string
	Jaren      []int // years the plan's period covers
	Types      []corpus.DocType
	Klassen    []string      // CBS gemeentegrootte classes ("4"), of the plan's summed population
	Velden     []corpus.Veld // a matching passage has this veld
	Themas     []string      // a matching passage has this theme
	Page       int           // from 1; 0 means 1
	Size       int           // plans per page; 0 means 10
}

// Result is one page of plans and the facet counts.
type Result struct {
	Total  int // matching plans
	Plans  []Plan
	Facets []Facet // in FacetNames order
}

// Plan is a ranked plan with its best passages.
type Plan struct {
	ID       int64
	Title    string
	Score    float64 // bm25 of the best passage (lower is better, as SQLite gives it)
	Passages []Passage
}

// Passage is one of a plan's best passages, its matches marked.
type Passage struct {
	ID       int64
	Ordinal  int
	PageFrom int
	PageTo   int
	Headings string // the heading path joined with " / "
	Snippet  string // text around the matches, which are wrapped in <mark>
	Score    float64
}

// Facet is the counts of plans per value of one field.
type Facet struct {
	Name   string
	Values []FacetValue // by count, then value
}

// FacetValue is one value of a facet and the number of plans that have it.
type FacetValue struct {
	Value string
	Count int
}

// Facet names, as in search.
const (
	FacetGemeente  = "gemeente"
	FacetProvincie = "provincie"
	FacetJaar      = "jaar"
	FacetType      = "type"
	FacetKlasse    = "klasse"
	FacetVeld      = "veld"
	FacetThema     = "thema"
)

// FacetNames lists every facet Search counts, in result order.
var FacetNames = []string{FacetGemeente, FacetProvincie, FacetKlasse, FacetJaar, FacetType, FacetVeld, FacetThema}
