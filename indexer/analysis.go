package indexer

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// Analyzer names for Dutch policy text. RegisterAnalysis defines them on an
// index mapping; field mappings and MatchQuery.Analyzer refer to them.
const (
	// DutchIndexAnalyzer analyses body text at index time: unicode tokens,
	// the apostrophe plural and possessive removed ("camera's" -> camera),
	// lower case, diacritics folded, Dutch stop words, snowball stemming,
	// and compound parts added at the position of the whole word
	// ("woninginbraak" -> woninginbrak, woning, inbrak).
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

// Token filter types registered with bleve by this package.
const (
	apostropheFilter = "ivp_apostrophe"
	foldFilter       = "ivp_fold"
	compoundFilter   = "ivp_compound_nl"
)

// Package-level values below are built once at start-up and never changed.
var (
	partsDict  = mustCompoundDict(compoundPartsTxt)
	dutchStops = mustStopMap()
	indexChain = newChain(true, true)
	queryChain = newChain(true, false)
	exactChain = newChain(false, false)
	// indexTail is what the index chain adds to the exact chain.
	indexTail = indexChain.TokenFilters[len(exactChain.TokenFilters):]
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(apostropheFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return apostropheTokenFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(foldFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldTokenFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(compoundFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return compoundTokenFilter{dict: partsDict}, nil
	}))
	memo := newStemSplitFilter()
	must(registry.RegisterTokenFilter(stemSplitFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return memo, nil
	}))
}

// RegisterAnalysis defines DutchIndexAnalyzer, DutchQueryAnalyzer and
// DutchExactAnalyzer on im. Call it once per mapping, before the mapping is
// used; a second call on the same mapping fails.
func RegisterAnalysis(im *mapping.IndexMappingImpl) error {
	defs := []struct {
		name    string
		filters []any
	}{
		{DutchIndexAnalyzer, []any{lowercase.Name, apostropheFilter, foldFilter, stemSplitFilter}},
		{DutchQueryAnalyzer, []any{lowercase.Name, apostropheFilter, foldFilter, nl.StopName, nl.SnowballStemmerName}},
		{DutchExactAnalyzer, []any{lowercase.Name, apostropheFilter, foldFilter}},
		{DutchPairsAnalyzer, []any{lowercase.Name, apostropheFilter, foldFilter, pairsFilter}},
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
// order: what a MatchQuery with that analyzer looks up.
func AnalyzeQuery(text string) []string { return terms(queryChain, text) }

// IndexTerms returns the terms DutchIndexAnalyzer makes of one word,
// compound parts included: IndexTerms("woninginbraken") is [woninginbrak
// woning inbrak]. A highlighter marks a word when one of these is a query
// term. Stop words give nil.
func IndexTerms(word string) []string { return terms(indexChain, word) }

// IndexTermsOfExact is IndexTerms for a Word.Term of ExactWords, faster:
// it skips the tokenizer and the steps the exact analyzer already took.
func IndexTermsOfExact(term string) []string {
	ts := analysis.TokenStream{{Term: []byte(term), Type: analysis.AlphaNumeric}}
	for _, f := range indexTail {
		ts = f.Filter(ts)
	}
	return tokenTerms(ts)
}

// ExactTerms returns the terms DutchExactAnalyzer makes of text, in order:
// what a phrase on the exact field must match word for word.
func ExactTerms(text string) []string { return terms(exactChain, text) }

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

// Word is one word of a text as DutchExactAnalyzer sees it.
type Word struct {
	Term       string // lower case, folded, apostrophe plural removed
	Start, End int    // byte offsets of the word in the text
}

// ExactWords returns the words of text in order with their byte offsets:
// a highlighter's view of a passage. Words are never dropped.
func ExactWords(text string) []Word {
	toks := exactChain.Analyze([]byte(text))
	out := make([]Word, len(toks))
	for i, t := range toks {
		out[i] = Word{Term: string(t.Term), Start: t.Start, End: t.End}
	}
	return out
}

func terms(a *analysis.DefaultAnalyzer, text string) []string {
	return tokenTerms(a.Analyze([]byte(text)))
}

func tokenTerms(toks analysis.TokenStream) []string {
	if len(toks) == 0 {
		return nil
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

// newChain builds an analyzer outside any mapping, for the helpers above.
// It must equal the chain RegisterAnalysis defines (a test checks this).
func newChain(stemmed, split bool) *analysis.DefaultAnalyzer {
	filters := []analysis.TokenFilter{lowercase.NewLowerCaseFilter(), apostropheTokenFilter{}, foldTokenFilter{}}
	if stemmed {
		filters = append(filters, stop.NewStopTokensFilter(dutchStops), nl.NewDutchStemmerFilter())
	}
	if split {
		filters = append(filters, compoundTokenFilter{dict: partsDict})
	}
	return &analysis.DefaultAnalyzer{Tokenizer: wordTokenizer{}, TokenFilters: filters}
}

func mustStopMap() analysis.TokenMap {
	m := analysis.NewTokenMap()
	if err := m.LoadBytes(nl.DutchStopWords); err != nil {
		panic(err) // bleve's own list
	}
	return m
}

// apostropheTokenFilter handles the Dutch apostrophe: "camera's", "BOA's",
// "auto's" lose their 's (plural or possessive); other apostrophes inside
// a word ("zo'n") are dropped.
type apostropheTokenFilter struct{}

func (apostropheTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !bytes.ContainsAny(t.Term, "'’‘") {
			continue
		}
		t.Term = dropApostrophes(t.Term)
	}
	return in
}

func dropApostrophes(term []byte) []byte {
	out := make([]byte, 0, len(term))
	for len(term) > 0 {
		r, n := utf8.DecodeRune(term)
		term = term[n:]
		if r != '\'' && r != '’' && r != '‘' {
			out = utf8.AppendRune(out, r)
			continue
		}
		if len(out) > 0 && (string(term) == "s" || string(term) == "S") {
			break // the plural or possessive 's
		}
	}
	return out
}

// foldTokenFilter removes diacritics ("geïntegreerde" -> geintegreerde,
// "één" -> een) and compatibility forms (the "ĳ" ligature -> ij).
type foldTokenFilter struct{}

func (foldTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !isASCII(t.Term) {
			t.Term = foldBytes(t.Term)
		}
	}
	return in
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func foldBytes(b []byte) []byte {
	d := norm.NFKD.Bytes(b)
	out := d[:0]
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		if !unicode.Is(unicode.Mn, r) {
			out = utf8.AppendRune(out, r)
		}
		d = d[n:]
	}
	return out
}
