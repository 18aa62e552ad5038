package search

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// Facet names, as used in URLs and the API.
const (
	facetGemeente  = "gemeente"
	facetProvincie = "provincie"
	facetJaar      = "jaar"
	facetType      = "type"
	facetVeld      = "veld"
	facetThema     = "thema"
)

var facetOrder = []string{facetProvincie, facetGemeente, facetJaar, facetType, facetVeld, facetThema}

var facetFields = map[string]string{
	facetGemeente:  indexer.FieldGemeente,
	facetProvincie: indexer.FieldProvincie,
	facetJaar:      indexer.FieldJaar,
	facetType:      indexer.FieldType,
	facetVeld:      indexer.FieldVeld,
	facetThema:     indexer.FieldThema,
}

var facetLabels = map[string]string{
	facetGemeente:  "Gemeente",
	facetProvincie: "Provincie",
	facetJaar:      "Jaar",
	facetType:      "Documenttype",
	facetVeld:      "Veiligheidsveld",
	facetThema:     "Thema",
}

// facetSizes is how many values of each facet are counted and shown.
var facetSizes = map[string]int{
	facetGemeente:  400,
	facetProvincie: 12,
	facetJaar:      40,
	facetType:      5,
	facetVeld:      6,
	facetThema:     60,
}

func addFacet(req *bleve.SearchRequest, name string) {
	req.AddFacet(name, bleve.NewFacetRequest(facetFields[name], facetSizes[name]))
}

// buildFacet turns Bleve's counts into a Facet with labels, sorted for
// display, selected values marked (and listed even when they count 0).
func (s *Searcher) buildFacet(name string, fr *bsearch.FacetResult, selected []string) Facet {
	f := Facet{Name: name, Label: facetLabels[name]}
	isSel := map[string]bool{}
	for _, v := range selected {
		isSel[v] = true
	}
	if fr != nil {
		for _, t := range fr.Terms.Terms() {
			f.Values = append(f.Values, FacetValue{Value: t.Term, Label: s.valueLabel(name, t.Term), Count: t.Count, Selected: isSel[t.Term]})
			delete(isSel, t.Term)
		}
		f.Other = fr.Other
	}
	for _, v := range selected {
		if isSel[v] {
			f.Values = append(f.Values, FacetValue{Value: v, Label: s.valueLabel(name, v), Selected: true})
		}
	}
	sortValues(name, f.Values)
	return f
}

func sortValues(name string, vs []FacetValue) {
	sort.SliceStable(vs, func(i, j int) bool {
		switch name {
		case facetJaar:
			return vs[i].Value > vs[j].Value
		case facetType:
			return typeRank(vs[i].Value) < typeRank(vs[j].Value)
		case facetVeld:
			return vs[i].Value < vs[j].Value
		case facetProvincie:
			return vs[i].Label < vs[j].Label
		}
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		return vs[i].Label < vs[j].Label
	})
}

func typeRank(v string) int {
	for i, t := range corpus.DocTypes {
		if string(t) == v {
			return i
		}
	}
	return len(corpus.DocTypes)
}

func (s *Searcher) valueLabel(name, value string) string {
	switch name {
	case facetGemeente:
		if g, ok := s.gemeenten.ByCode(value); ok {
			return g.Naam
		}
	case facetType:
		return corpus.DocType(value).Label()
	case facetVeld:
		if v, err := corpus.ParseVeld(value); err == nil {
			return fmt.Sprintf("%d %s", v, v.Label())
		}
	case facetThema:
		return s.taxonomy.ThemaLabel(value)
	case facetJaar:
		if _, err := strconv.Atoi(value); err == nil {
			return value
		}
	}
	return value
}
