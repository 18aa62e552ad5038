package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/ccv/ivp/corpus/nl"
)

// Analyzer names for Dutch policy text. RegisterAnalysis defines them on an
// index mapping; field mappings and MatchQuery.Analyzer refer to them.
const (
	// DutchIndexAnalyzer analyses body text at index time (nl.Word.Terms):
	// words, the apostrophe plural and possessive removed ("camera's" ->
	// camera), lower case, diacritics folded, Dutch stop words left out,
	// Snowball stems, and compound parts added at the position of the
	// whole word ("woninginbraak" -> woninginbrak, woning, inbrak).
	DutchIndexAnalyzer = "ivp_nl_index"
	// DutchQueryAnalyzer is DutchIndexAnalyzer without compound splitting,
	// for the user's words at query time: a query "woninginbraak" must not
	// become "woning OR inbraak".
	DutchQueryAnalyzer = "ivp_nl_query"
	// DutchExactAnalyzer keeps words as written apart from case, diacritics
	// and the apostrophe plural: no stop words, no stemming, no splitting.
	// It serves an unstemmed field for exact phrases.
	DutchExactAnalyzer = "ivp_nl_exact"
	// DutchPairsAnalyzer makes the words of the exact analysis and every
	// pair of consecutive words ("integrale veiligheid"), so that a phrase
	// is found by its pairs without positions.
	DutchPairsAnalyzer = "ivp_nl_pairs"
)

// pairsFilter is the shingle filter of DutchPairsAnalyzer, defined per
// mapping.
const pairsFilter = "ivp_pairs"

// RegisterAnalysis defines DutchIndexAnalyzer, DutchQueryAnalyzer,
// DutchExactAnalyzer and DutchPairsAnalyzer on im. Call it once per
// mapping, before the mapping is used; a second call on the same mapping
// fails. Every step is corpus/nl: a tokenizer and one filter per analyzer
// (analysis_filters.go), so the index, the query and the helpers below
// agree on every word.
func RegisterAnalysis(im *mapping.IndexMappingImpl) error {
	defs := []struct {
		name    string
		filters []any
	}{
		{DutchIndexAnalyzer, []any{termsFilter}},
		{DutchQueryAnalyzer, []any{stemsFilter}},
		{DutchExactAnalyzer, []any{formFilter}},
		{DutchPairsAnalyzer, []any{formFilter, pairsFilter}},
	}
	err := im.AddCustomTokenFilter(pairsFilter, map[string]any{
		"type": shingle.Name, "min": 2.0, "max": 2.0, "output_original": true, "separator": " ",
	})
	if err != nil {
		return fmt.Errorf("register filter %s: %w", pairsFilter, err)
	}
	for _, d := range defs {
		err := im.AddCustomAnalyzer(d.name, map[string]any{
			"type":          custom.Name,
			"tokenizer":     wordTokenizerName,
			"token_filters": d.filters,
		})
		if err != nil {
			return fmt.Errorf("register analyzer %s: %w", d.name, err)
		}
	}
	return nil
}

// AnalyzeQuery returns the terms DutchQueryAnalyzer makes of text, in
// order: what a MatchQuery with that analyzer looks up (nl.QueryTerms).
func AnalyzeQuery(text string) []string { return nl.QueryTerms(text) }

// ExactTerms returns the terms DutchExactAnalyzer makes of text, in order:
// what a phrase on the exact field must match word for word
// (nl.ExactTerms).
func ExactTerms(text string) []string { return nl.ExactTerms(text) }

// PhrasePairs returns the terms DutchPairsAnalyzer makes of text: each
// pair of consecutive exact terms, space-separated. A phrase of n words
// is found as the passages holding all its n-1 pairs.
func PhrasePairs(text string) []string {
	ts := ExactTerms(text)
	if len(ts) < 2 {
		return nil
	}
	out := make([]string, len(ts)-1)
	for i := range out {
		out[i] = ts[i] + " " + ts[i+1]
	}
	return out
}
