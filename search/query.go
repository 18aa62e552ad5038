package search

import (
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/indexer"
)

// textQuery matches the user's words in a plan's text, title and headings.
// With and=true every word must occur in one of those fields.
func textQuery(q string, and bool) query.Query {
	op := query.MatchQueryOperatorOr
	if and {
		op = query.MatchQueryOperatorAnd
	}
	match := func(field string, boost float64) query.Query {
		m := bleve.NewMatchQuery(q)
		m.SetField(field)
		m.SetOperator(op)
		m.SetBoost(boost)
		return m
	}
	return bleve.NewDisjunctionQuery(
		match(indexer.FieldText, 1),
		match(indexer.FieldTitle, 3),
		match(indexer.FieldHeadings, 1.5),
	)
}

// phraseBoost adds to a plan query a bonus for the plans whose passages
// contain the user's words as a phrase. The plan index keeps no positions
// (it would double its size), so the passage index finds the phrase.
func phraseBoost(q query.Query, ids []string) query.Query {
	if len(ids) == 0 {
		return q
	}
	bonus := bleve.NewDocIDQuery(ids)
	bonus.SetBoost(phraseBonus)
	return query.NewBooleanQuery([]query.Query{q}, []query.Query{bonus}, nil)
}

// phraseBonus outweighs the plan-level text score, so a plan with the exact
// phrase ranks above plans that merely contain the words.
const phraseBonus = 1.0

// facetFilters are the filters of a request per facet name.
func facetFilters(r Request) map[string][]string {
	out := map[string][]string{}
	out[facetGemeente] = r.Gemeenten
	out[facetProvincie] = r.Provincies
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

// planQuery is the query over the plan index: the text (when any) and the
// filters of every facet except skip (for counting that facet's values as
// if it were not filtered, so users can add a second value). ids, when not
// nil, restricts the plans to those ids (plans with a passage that matches
// the query and the tag filters).
func planQuery(r Request, and bool, skip string, ids []string) query.Query {
	var must []query.Query
	if r.Query != "" {
		must = append(must, textQuery(r.Query, and))
	}
	if ids != nil {
		must = append(must, idsQuery(ids))
	}
	filters := facetFilters(r)
	for _, name := range facetOrder {
		if name == skip || len(filters[name]) == 0 {
			continue
		}
		must = append(must, anyTerm(facetFields[name], filters[name]))
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

func anyTerm(field string, values []string) query.Query {
	var qs []query.Query
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// passageQuery finds the passages of one plan that best match q and carry
// the request's tags.
func passageQuery(docID string, q string, r Request) query.Query {
	id := bleve.NewTermQuery(docID)
	id.SetField(indexer.FieldDocID)
	m := bleve.NewMatchQuery(q)
	m.SetField(indexer.FieldText)
	h := bleve.NewMatchQuery(q)
	h.SetField(indexer.FieldHeadings)
	h.SetBoost(0.5)
	parts := []query.Query{m, h}
	if len(strings.Fields(q)) > 1 {
		p := bleve.NewMatchPhraseQuery(q)
		p.SetField(indexer.FieldText)
		p.SetBoost(2)
		parts = append(parts, p)
	}
	must := append([]query.Query{id, bleve.NewDisjunctionQuery(parts...)}, tagFilters(r, "")...)
	return bleve.NewConjunctionQuery(must...)
}
