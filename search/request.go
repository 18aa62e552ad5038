package search

import (
	"fmt"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Paging limits.
const (
	DefaultSize = 10
	MaxSize     = 100
	// PassagesPerDocument is how many passages are shown per plan.
	PassagesPerDocument = 3
)

// Request is a user's search: a free-text query, facet filters and a page.
// Within one facet several values mean OR; across facets AND.
type Request struct {
	Query      string
	Gemeenten  []string         // CBS codes
	Provincies []string         // province names
	Jaren      []int            // years the plan's period covers (any of them)
	Types      []corpus.DocType // document types
	// Velden keeps plans with a passage tagged with one of these velden
	// (primary veld) that also matches the query; shown passages are
	// restricted to those velden.
	Velden []corpus.Veld
	// Themas keeps plans that treat one of these theme ids ("2.3",
	// "X.drugs") in a passage; shown passages are those themes' where any
	// match the query.
	Themas []string
	// Klassen are CBS population classes of the plans' gemeenten.
	Klassen []string
	// JaarVan and JaarTot keep plans whose period overlaps the range;
	// 0 leaves that end open.
	JaarVan, JaarTot int
	// Sort is SortRelevance (default with words) or SortDate (newest
	// first; always without words).
	Sort string
	// Like asks for plans like a plan ("17") or a passage ("17/4") of
	// the index, instead of (or besides) words: "meer zoals dit".
	Like string
	Page int // from 1
	Size int // plans per page
}

// Sort orders.
const (
	SortRelevance = "relevantie"
	SortDate      = "datum"
	// SortAdded puts the plans added to ivp last first, as feeds list them.
	SortAdded = "toegevoegd"
)

// Normalize fills defaults and checks bounds; the error text is Dutch
// because it is shown to users.
func (r *Request) Normalize() error {
	r.Query = strings.TrimSpace(r.Query)
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Page < 1 {
		return fmt.Errorf("paginanummer moet 1 of hoger zijn")
	}
	if r.Size < 1 || r.Size > MaxSize {
		return fmt.Errorf("aantal per pagina moet tussen 1 en %d liggen", MaxSize)
	}
	if r.Page*r.Size > 10000 {
		return fmt.Errorf("zoveel pagina's kunnen niet worden getoond; verfijn de zoekvraag")
	}
	switch r.Sort {
	case "":
		r.Sort = SortRelevance
	case SortRelevance, SortDate, SortAdded:
	default:
		return fmt.Errorf("onbekende sortering %q: kies relevantie of datum", r.Sort)
	}
	if r.JaarVan != 0 && r.JaarTot != 0 && r.JaarVan > r.JaarTot {
		r.JaarVan, r.JaarTot = r.JaarTot, r.JaarVan
	}
	return nil
}

// cacheKey identifies a normalised request among those asked of one
// index generation.
func (r Request) cacheKey() string {
	return fmt.Sprintf("%q|%v|%v|%v|%v|%v|%v|%v|%d|%d|%s|%q|%d|%d",
		r.Query, r.Gemeenten, r.Provincies, r.Jaren, r.Types, r.Velden, r.Themas, r.Klassen,
		r.JaarVan, r.JaarTot, r.Sort, r.Like, r.Page, r.Size)
}

// Result is one page of plans matching a Request.
type Result struct {
	// Total is the number of matching plans: those with any word of the
	// query (and every phrase and filter).
	Total uint64 `json:"total"`
	// AllWords is how many of them contain every word (or one of its
	// alternatives); Total when the query has one word or none.
	AllWords  uint64     `json:"all_words"`
	Page      int        `json:"page"`
	Size      int        `json:"size"`
	Sort      string     `json:"sort"`
	Documents []Document `json:"results"`
	Facets    []Facet    `json:"facets"`
	// Notices tell, in Dutch, how the query was read where it was not
	// taken literally (syntax that could not be used, filters from the
	// query, synonyms added).
	Notices []string `json:"notices,omitempty"`
	// Suggestion is a corrected query ("bedoelde u ..."): offered when
	// this one found nothing, or has a word that is rare in the index
	// while a near word is common; empty otherwise.
	Suggestion string `json:"suggestion,omitempty"`
	// QueryFilters are the filters typed in the query (gemeente:Ede) that
	// apply, each with the query without it; QueryWithoutFilters is the
	// query without any of them.
	QueryFilters        []QueryFilter `json:"query_filters,omitempty"`
	QueryWithoutFilters string        `json:"query_without_filters,omitempty"`
	// LikeTitle names what a "meer zoals dit" search started from.
	LikeTitle string  `json:"like_title,omitempty"`
	TookMS    float64 `json:"took_ms"`
}

// Pages is the number of result pages.
func (r *Result) Pages() int {
	if r.Size == 0 {
		return 0
	}
	return int((r.Total + uint64(r.Size) - 1) / uint64(r.Size))
}

// Document is one plan in a result list with its best passages.
type Document struct {
	ID          int64             `json:"id"`
	Title       string            `json:"title"`
	Type        corpus.DocType    `json:"type"`
	TypeLabel   string            `json:"type_label"`
	Periode     string            `json:"periode"`
	PeriodStart int               `json:"period_start,omitempty"`
	PeriodEnd   int               `json:"period_end,omitempty"`
	Vastgesteld string            `json:"vastgesteld,omitempty"`
	Gemeenten   []corpus.Gemeente `json:"gemeenten"`
	Pages       int               `json:"pages"`
	Score       float64           `json:"score"`
	Passages    []Passage         `json:"passages"`
}

// Passage is a matching passage with its highlighted snippet.
type Passage struct {
	Ordinal  int      `json:"ordinal"`
	Page     int      `json:"page"`
	PageTo   int      `json:"page_to"`
	Headings []string `json:"headings,omitempty"`
	// Snippet is HTML-escaped text in which matches are wrapped in <mark>.
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	// Veld and Themes are the passage's tags.
	Veld      corpus.Veld    `json:"veld"`
	VeldLabel string         `json:"veld_label"`
	Themes    []corpus.Thema `json:"themes"`
}

// Facet is the counts of plans per value of one field.
type Facet struct {
	Name   string       `json:"name"` // gemeente, provincie, jaar, type, veld, thema
	Label  string       `json:"label"`
	Values []FacetValue `json:"values"`
	Other  int          `json:"other,omitempty"` // plans with values beyond those listed
	// Shares is set when the values also carry PassageShare: on the veld
	// facet of a search without words, where nearly every plan has every
	// veld and the share of the text tells them apart.
	Shares bool `json:"shares,omitempty"`
}

// FacetValue is one value of a facet with the number of plans that have it.
type FacetValue struct {
	Value    string `json:"value"` // what goes into the filter parameter
	Label    string `json:"label"` // what users read
	Count    int    `json:"count"`
	Selected bool   `json:"selected"`
	// PassageShare is the percentage of the passages of the plans found
	// that have this value, when Facet.Shares is set.
	PassageShare int `json:"passage_share,omitempty"`
}
