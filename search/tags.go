package search

import (
	"context"
	"encoding/json"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// maxTaggedPassages caps the passages read to find the plans in which a
// passage both matches the query and carries the filtered tags.
const maxTaggedPassages = 20000

// maxTagPlanTerms bounds the (tag, plan) pairs a tag facet counts.
const maxTagPlanTerms = 1 << 20

// tagFilters are the veld and thema filters of r as passage-index
// queries, leaving out the facet skip.
func tagFilters(r Request, skip string) []query.Query {
	var out []query.Query
	f := facetFilters(r)
	for _, name := range []string{facetVeld, facetThema} {
		if name != skip && len(f[name]) > 0 {
			out = append(out, anyTerm(facetFields[name], f[name]))
		}
	}
	return out
}

// taggedPlans returns the ids of the plans with a passage that matches the
// query and the tag filters (except skip), or nil when there is nothing to
// restrict: no query (the plan index's own veld and thema fields then
// suffice) or no tag filter.
func (s *Searcher) taggedPlans(ctx context.Context, snap indexer.Snapshot, r Request, and bool, skip string) ([]string, error) {
	filters := tagFilters(r, skip)
	if r.Query == "" || len(filters) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(append(filters, textMatch(r.Query, and))...), maxTaggedPassages, 0, false)
	res, err := snap.Passages.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	ids := []string{}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if id := indexer.PlanOfPassage(h.ID); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// idsQuery matches the plans with the given ids; none for an empty list.
func idsQuery(ids []string) query.Query {
	if len(ids) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDocIDQuery(ids)
}

// withTags adds the stored tags of a passage hit, with Dutch labels.
func (s *Searcher) withTags(p Passage, h *bsearch.DocumentMatch) Passage {
	p.Themes = []corpus.Thema{}
	raw, ok := h.Fields[indexer.FieldTags].(string)
	if !ok {
		return p
	}
	var t corpus.Tags
	if json.Unmarshal([]byte(raw), &t) != nil {
		return p
	}
	p.Veld, p.VeldLabel = corpus.Veld(t.Veld), corpus.Veld(t.Veld).Label()
	for _, id := range t.Themes {
		th, ok := s.taxonomy.Thema(id)
		if !ok {
			th = corpus.Thema{ID: id, Label: id}
		}
		p.Themes = append(p.Themes, th)
	}
	return p
}

// tagFacet counts, for a query, the plans per veld or thema in which a
// passage matching the query carries that tag, so the counts mean what the
// filter means. Other filters apply (the other tag facet on the passages,
// the plan facets on the plans: allowed is the set of plans they leave);
// its own filter is left out.
func (s *Searcher) tagFacet(ctx context.Context, snap indexer.Snapshot, r Request, and bool, name string, allowed map[string]bool) (Facet, error) {
	field := indexer.FieldVeldPlan
	if name == facetThema {
		field = indexer.FieldThemaPlan
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(append(tagFilters(r, name), textMatch(r.Query, and))...), 0, 0, false)
	req.AddFacet(name, bleve.NewFacetRequest(field, maxTagPlanTerms))
	res, err := snap.Passages.SearchInContext(ctx, req)
	if err != nil {
		return Facet{}, err
	}
	counts := map[string]int{}
	if fr := res.Facets[name]; fr != nil {
		for _, t := range fr.Terms.Terms() {
			if tag, id := indexer.SplitTagPlan(t.Term); allowed[id] {
				counts[tag]++
			}
		}
	}
	return s.countedFacet(name, counts, facetFilters(r)[name]), nil
}

// planIDs is the set of plans matching the query and the plan facets.
func (s *Searcher) planIDs(ctx context.Context, snap indexer.Snapshot, r Request, and bool) (map[string]bool, error) {
	r.Velden, r.Themas = nil, nil
	req := bleve.NewSearchRequestOptions(planQuery(r, and, "", nil), maxTaggedPassages, 0, false)
	res, err := snap.Plans.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = true
	}
	return out, nil
}

func textMatch(q string, and bool) query.Query {
	m := bleve.NewMatchQuery(q)
	m.SetField(indexer.FieldText)
	if and {
		m.SetOperator(query.MatchQueryOperatorAnd)
	}
	return m
}

// countedFacet builds a facet from counts, the largest first, selected
// values marked and kept.
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
	if len(f.Values) > facetSizes[name] {
		for _, v := range f.Values[facetSizes[name]:] {
			f.Other += v.Count
		}
		f.Values = f.Values[:facetSizes[name]]
	}
	return f
}
