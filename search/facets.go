package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"

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
	facetKlasse    = "klasse"
)

var facetOrder = []string{facetProvincie, facetGemeente, facetKlasse, facetJaar, facetType, facetVeld, facetThema}

var facetFields = map[string]string{
	facetGemeente:  indexer.FieldGemeente,
	facetProvincie: indexer.FieldProvincie,
	facetJaar:      indexer.FieldJaar,
	facetType:      indexer.FieldType,
	facetVeld:      indexer.FieldVeld,
	facetThema:     indexer.FieldThema,
	facetKlasse:    indexer.FieldKlasse,
}

var facetLabels = map[string]string{
	facetGemeente:  "Gemeente",
	facetProvincie: "Provincie",
	facetJaar:      "Jaar",
	facetType:      "Documenttype",
	facetVeld:      "Veiligheidsveld",
	facetThema:     "Thema",
	facetKlasse:    "Inwonersaantal",
}

// facetSizes is how many values of each facet are counted and shown.
var facetSizes = map[string]int{
	facetGemeente:  400,
	facetProvincie: 12,
	facetJaar:      40,
	facetType:      5,
	facetVeld:      6,
	facetThema:     60,
	facetKlasse:    10,
}

// facetFilters are the filters of a request per facet name.
func facetFilters(r Request) map[string][]string {
	out := map[string][]string{}
	out[facetGemeente] = r.Gemeenten
	out[facetProvincie] = r.Provincies
	out[facetKlasse] = r.Klassen
	for _, y := range r.Jaren {
		out[facetJaar] = append(out[facetJaar], strconv.Itoa(y))
	}
	for _, t := range r.Types {
		out[facetType] = append(out[facetType], string(t))
	}
	for _, v := range r.Velden {
		out[facetVeld] = append(out[facetVeld], strconv.Itoa(int(v)))
	}
	out[facetThema] = r.Themas
	return out
}

// facets returns every facet; a filtered facet is counted with its own
// filter left out, so its other values show how many plans they would
// add. The counting queries run in parallel.
func (s *Searcher) facets(ctx context.Context, snap indexer.Snapshot, p *prepared, main *bleve.SearchResult) ([]Facet, error) {
	out := make([]Facet, len(facetOrder))
	var jobs []func() error
	for i, name := range facetOrder {
		switch {
		case name == facetVeld && p.veldByText():
			jobs = append(jobs, func() (err error) { out[i], err = s.veldFacet(ctx, snap, p); return err })
		case len(p.filters[name]) > 0:
			jobs = append(jobs, func() error {
				req := bleve.NewSearchRequestOptions(p.planQuery(name, nil), 0, 0, false)
				addFacet(req, name)
				res, err := snap.Plans.SearchInContext(ctx, req)
				if err == nil {
					out[i] = s.buildFacet(name, res.Facets[name], p.filters[name])
				}
				return err
			})
		default:
			out[i] = s.buildFacet(name, main.Facets[name], nil)
		}
	}
	return out, parallel(jobs...)
}

// veldFacet counts per veld the plans in which the words occur in passages
// of that veld: one count over the plan index per veld.
func (s *Searcher) veldFacet(ctx context.Context, snap indexer.Snapshot, p *prepared) (Facet, error) {
	counts := map[string]int{}
	var mu sync.Mutex
	var jobs []func() error
	for v := range indexer.VeldTextFields {
		jobs = append(jobs, func() error {
			req := bleve.NewSearchRequestOptions(p.planQuery(facetVeld, []int{v}), 0, 0, false)
			res, err := snap.Plans.SearchInContext(ctx, req)
			if err == nil && res.Total > 0 {
				mu.Lock()
				counts[strconv.Itoa(v)] = int(res.Total)
				mu.Unlock()
			}
			return err
		})
	}
	if err := parallel(jobs...); err != nil {
		return Facet{}, err
	}
	return s.countedFacet(facetVeld, counts, p.filters[facetVeld]), nil
}

// countedFacet builds a facet from counts, selected values marked and kept.
func (s *Searcher) countedFacet(name string, counts map[string]int, selected []string) Facet {
	f := Facet{Name: name, Label: facetLabels[name]}
	isSel := map[string]bool{}
	for _, v := range selected {
		isSel[v] = true
		if _, ok := counts[v]; !ok {
			counts[v] = 0
		}
	}
	for v, n := range counts {
		f.Values = append(f.Values, FacetValue{Value: v, Label: s.valueLabel(name, v), Count: n, Selected: isSel[v]})
	}
	sortValues(name, f.Values)
	return f
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
		case facetKlasse:
			return vs[i].Value < vs[j].Value
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
	case facetKlasse:
		if k, ok := corpus.KlasseByCode(value); ok {
			return k.Label
		}
	case facetJaar:
		if _, err := strconv.Atoi(value); err == nil {
			return value
		}
	}
	return value
}
