// Package search turns a user's query into Bleve requests and the results
// into pages of plans: facets counted per plan, highlighted snippets, the
// best passages per plan with their pages, paging.
//
// search is read-only: it never writes to the index or the store. It may
// import indexer (for field names and the serving index) and corpus.
package search
