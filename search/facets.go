package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

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

// structuralThemes tag where in a plan a passage stands rather than what
// it is about: nearly every plan has them, so in the thema facet they help
// no one choose. They are left out of it unless chosen; as filters they
// still work.
var structuralThemes = map[string]bool{
	"0.visie-inleiding":        true,
	"0.besluit-vaststelling":   true,
	"0.prioriteiten-overzicht": true,
	"0.context-ontwikkelingen": true,
	"0.metadata-navigatie":     true,
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
// add. Counts are intersections of bitmaps (see bitfacets.go). It also
// returns how many of the matching plans have every word of the query.
func (s *Searcher) facets(ctx context.Context, snap indexer.Snapshot, p *prepared) ([]Facet, uint64, error) {
	out := make([]Facet, len(facetOrder))
	var all uint64
	err := s.planReader(snap.Plans, func(r index.IndexReader, vb valueBits) error {
		m := snap.Plans.Mapping()
		velden := p.textVelden()
		ts, err := s.terms.get(r, newTermSets)
		if err != nil {
			return err
		}
		base, err := p.matchBase(ctx, r, m, ts, vb, velden)
		if err != nil {
			return err
		}
		filters := p.filterBits(vb)
		if all, err = allWords(r, ts, vb, p, velden, base, filters); err != nil {
			return err
		}
		for i, name := range facetOrder {
			others := base.Clone()
			for n, f := range filters {
				if n != name {
					others.And(f)
				}
			}
			if name == facetVeld && p.veldByText() {
				out[i], err = s.veldFacet(ctx, r, m, ts, vb, p, others)
			} else {
				out[i], err = s.valueFacet(ctx, snap, r, vb, p, name, others)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, all, err
}

// valueFacet counts per value of facet name the plans of others that have
// it; the veld facet also gets the share of the passages per veld.
func (s *Searcher) valueFacet(ctx context.Context, snap indexer.Snapshot, r index.IndexReader, vb valueBits, p *prepared, name string, others *roaring.Bitmap) (Facet, error) {
	counts := map[string]int{}
	for v, bm := range vb[name] {
		if n := int(others.AndCardinality(bm)); n > 0 {
			counts[v] = n
		}
	}
	f := s.countedFacet(name, counts, p.filters[name])
	if name == facetVeld {
		vc, err := s.planVeldCounts(ctx, snap, r)
		if err != nil {
			return f, err
		}
		withShares(&f, vc, others)
	}
	return f, nil
}

// allWords counts the plans of base that pass every filter and have
// every group of the query (in the text of velden when given). The groups
// come from the postings bitmaps even when base could not (phrases,
// exclusions): base has already applied those.
func allWords(r index.IndexReader, ts *termSets, vb valueBits, p *prepared, velden []int, base *roaring.Bitmap, filters map[string]*roaring.Bitmap) (uint64, error) {
	bm := base.Clone()
	for _, f := range filters {
		bm.And(f)
	}
	if len(p.text.groups) > 1 && !bm.IsEmpty() {
		every, err := p.wordBits(r, ts, vb, planFields(velden), true)
		if err != nil {
			return 0, err
		}
		bm.And(every)
	}
	return bm.GetCardinality(), nil
}

// matchBase returns the plans that baseQuery(velden) matches: from the
// words' postings bitmaps when it can, else through a searcher.
func (p *prepared) matchBase(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, ts *termSets, vb valueBits, velden []int) (*roaring.Bitmap, error) {
	if p.fastWords() {
		return p.wordBits(r, ts, vb, planFields(velden), false)
	}
	return matchBits(ctx, r, m, p.baseQuery(velden))
}

// filterBits are, per filtered facet, the plans having one of the chosen
// values; the veld filter with words is part of the base query instead.
func (p *prepared) filterBits(vb valueBits) map[string]*roaring.Bitmap {
	out := map[string]*roaring.Bitmap{}
	for _, name := range facetOrder {
		if len(p.filters[name]) == 0 || name == facetVeld && p.veldByText() {
			continue
		}
		bm := roaring.New()
		for _, v := range p.filters[name] {
			if b := vb[name][v]; b != nil {
				bm.Or(b)
			}
		}
		out[name] = bm
	}
	return out
}

// veldFacet counts per veld the plans in which the words occur in passages
// of that veld (among those the other filters leave): per veld the words'
// postings bitmaps, or one unscored match over the plan index when the
// query needs one (matchBase).
func (s *Searcher) veldFacet(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, ts *termSets, vb valueBits, p *prepared, others *roaring.Bitmap) (Facet, error) {
	var n [len(indexer.VeldTextFields)]int
	var jobs []func() error
	for v := range indexer.VeldTextFields {
		jobs = append(jobs, func() error {
			bm, err := p.matchBase(ctx, r, m, ts, vb, []int{v})
			if err == nil {
				n[v] = int(others.AndCardinality(bm))
			}
			return err
		})
	}
	if err := parallel(jobs...); err != nil {
		return Facet{}, err
	}
	counts := map[string]int{}
	for v, c := range n {
		if c > 0 {
			counts[strconv.Itoa(v)] = c
		}
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
		if name == facetThema && structuralThemes[v] && !isSel[v] {
			continue
		}
		f.Values = append(f.Values, FacetValue{Value: v, Label: s.valueLabel(name, v), Count: n, Selected: isSel[v]})
	}
	sortValues(name, f.Values)
	if len(f.Values) > facetSizes[name] {
		for _, v := range f.Values[facetSizes[name]:] {
			f.Other += v.Count
		}
		f.Values = f.Values[:facetSizes[name]]
	}
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
