package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/corpus/nl"
	"github.com/ccv/ivp/indexer"
)

// LikeOptions say how Like picks the terms of a "meer zoals dit" query.
type LikeOptions struct {
	// Field is the field searched; its document frequencies weight the
	// terms. Required.
	Field string
	// Analyzer is the name of Field's analyzer, e.g. indexer.TextAnalyzer,
	// so that the terms are the ones the index holds. Required.
	Analyzer string
	// MaxTerms is how many of the most distinctive terms the query uses.
	// Default 15.
	MaxTerms int
	// MinShouldMatch is the fraction of those terms a document must
	// contain, rounded up, at least one. Default 0.25 (4 of 15).
	MinShouldMatch float64
	// MaxDocFreq drops terms found in more than this fraction of the
	// documents: words that say nothing about the subject. Default 0.2.
	MaxDocFreq float64
	// MinDocFreq drops terms found in fewer documents. Default 2: a term
	// only the starting passage has finds nothing else.
	MinDocFreq uint64
	// MinTermRunes drops shorter terms. Default 3.
	MinTermRunes int
	// Exclude are document IDs that must not match, such as the passage
	// the user started from.
	Exclude []string
	// Skip are terms left out of the query, such as the names of places
	// (see placeTerms).
	Skip map[string]bool
	// Not, when set, is a query whose matches are left out, such as the
	// passages of the plan the user started from (a term query on
	// indexer.FieldDocID).
	Not query.Query
}

// Validate fills defaults and checks the options.
func (o *LikeOptions) Validate() error {
	if o.Field == "" || o.Analyzer == "" {
		return fmt.Errorf("like: field and analyzer are required")
	}
	if o.MaxTerms == 0 {
		o.MaxTerms = 15
	}
	if o.MinShouldMatch == 0 {
		o.MinShouldMatch = 0.25
	}
	if o.MaxDocFreq == 0 {
		o.MaxDocFreq = 0.2
	}
	if o.MinDocFreq == 0 {
		o.MinDocFreq = 2
	}
	if o.MinTermRunes == 0 {
		o.MinTermRunes = 3
	}
	if o.MaxTerms < 1 || o.MinShouldMatch < 0 || o.MinShouldMatch > 1 || o.MaxDocFreq <= 0 || o.MaxDocFreq > 1 {
		return fmt.Errorf("like: options out of range: %+v", *o)
	}
	return nil
}

// LikeTerm is one term of a "meer zoals dit" query.
type LikeTerm struct {
	Term    string  `json:"term"`
	TF      int     `json:"tf"`       // occurrences in the given text
	DocFreq uint64  `json:"doc_freq"` // documents of the index that contain it
	Weight  float64 `json:"weight"`   // tf × idf, the boost of its clause
}

// Like builds a query for the documents most like text (a passage, or a
// plan's title with its best passages): the text's most distinctive terms
// by tf × idf, as a disjunction boosted by weight of which a share must
// match. Stop words, short terms, and terms found in too many or too few
// documents are left out. The query is nil when no term is
// left.
func Like(ctx context.Context, idx bleve.Index, text string, o LikeOptions) (query.Query, []LikeTerm, error) {
	if err := o.Validate(); err != nil {
		return nil, nil, err
	}
	m := idx.Mapping()
	if m == nil {
		return nil, nil, fmt.Errorf("like: index closed")
	}
	an := m.AnalyzerNamed(o.Analyzer)
	if an == nil {
		return nil, nil, fmt.Errorf("like: no analyzer %q", o.Analyzer)
	}
	tf := termCounts(an, text, o.MinTermRunes)
	for t := range o.Skip {
		delete(tf, t)
	}
	var terms []LikeTerm
	err := indexer.WithReader(idx, func(r index.IndexReader) error {
		var err error
		terms, err = weighTerms(ctx, r, o, tf)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("like: %w", err)
	}
	if len(terms) == 0 {
		return nil, nil, nil
	}
	return likeQuery(terms, o), terms, nil
}

// termCounts analyses text and counts its terms, without stop words and
// short or numeric terms.
func termCounts(an analysis.Analyzer, text string, minRunes int) map[string]int {
	tf := map[string]int{}
	for _, tok := range an.Analyze([]byte(text)) {
		t := string(tok.Term)
		if nl.IsStop(t) || utf8.RuneCountInString(t) < minRunes || !hasLetter(t) {
			continue
		}
		tf[t]++
	}
	return tf
}

// weighTerms gives each term its tf × idf weight from the document
// frequencies of the index, drops the common and the absent ones, and
// keeps the heaviest o.MaxTerms, heaviest first.
func weighTerms(ctx context.Context, r index.IndexReader, o LikeOptions, tf map[string]int) ([]LikeTerm, error) {
	n, err := r.DocCount()
	if err != nil || n == 0 {
		return nil, err
	}
	var out []LikeTerm
	for t, c := range tf {
		df, err := docFreq(ctx, r, o.Field, t)
		if err != nil {
			return nil, err
		}
		if df < o.MinDocFreq || float64(df) > o.MaxDocFreq*float64(n) {
			continue
		}
		idf := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
		out = append(out, LikeTerm{Term: t, TF: c, DocFreq: df, Weight: float64(c) * idf})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Term < out[j].Term
	})
	return out[:min(len(out), o.MaxTerms)], nil
}

// likeQuery is the weighted disjunction of the terms, with the excluded
// documents left out.
func likeQuery(terms []LikeTerm, o LikeOptions) query.Query {
	clauses := make([]query.Query, len(terms))
	for i, t := range terms {
		tq := bleve.NewTermQuery(t.Term)
		tq.SetField(o.Field)
		tq.SetBoost(t.Weight)
		clauses[i] = tq
	}
	dq := bleve.NewDisjunctionQuery(clauses...)
	dq.SetMin(max(1, math.Ceil(o.MinShouldMatch*float64(len(terms)))))
	if len(o.Exclude) == 0 && o.Not == nil {
		return dq
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(dq)
	if len(o.Exclude) > 0 {
		bq.AddMustNot(bleve.NewDocIDQuery(o.Exclude))
	}
	if o.Not != nil {
		bq.AddMustNot(o.Not)
	}
	return bq
}
