package indexer

import (
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/ccv/ivp/corpus/nl"
)

// Filters of mapping version 11, whose chains began with bleve's to_lower
// filter and applied the apostrophe rule, folding and stemming as separate
// steps. An index keeps its mapping, so a generation built with version 11
// needs these names to open at all (also for 'ivp reindex') and to analyse
// queries while the server rebuilds it with the current mapping; no
// current analyzer uses them. Version 11's other filters, to_lower, stop_nl
// and stemmer_nl_snowball, are bleve's own. This file and its test can go
// once no installation has a version 11 generation left.
const (
	legacyApostropheFilter = "ivp_apostrophe"
	legacyFoldFilter       = "ivp_fold"
	legacyStemSplitFilter  = "ivp_nl_stem_split"
)

func init() {
	registerFilters(map[string]analysis.TokenFilter{
		legacyApostropheFilter: legacyApostrophe{}, legacyFoldFilter: legacyFold{}, legacyStemSplitFilter: legacyStemSplit{},
	})
}

type legacyApostrophe struct{}

func (legacyApostrophe) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = nl.StripApostrophes(t.Term)
	}
	return in
}

type legacyFold struct{}

func (legacyFold) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = nl.FoldBytes(t.Term)
	}
	return in
}

type legacyStemSplit struct{}

func (legacyStemSplit) Filter(in analysis.TokenStream) analysis.TokenStream {
	return appendTerms(make(analysis.TokenStream, 0, len(in)+len(in)/8), in, nl.AnalyzeForm)
}
